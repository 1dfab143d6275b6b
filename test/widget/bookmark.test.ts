/**
 * Issue 12, item 3, the widget's side: the bookmark a write answers (X-D1-Bookmark) rides on the next
 * thread read as `?bookmark=`, so the writer reads their own write (and skips the edge cache).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getThread, likePage } from '../../widget/src/api.ts';

const BOOKMARK = '0000000a-00000003-00004f4e-8e61117bf38d7adb71b934ebbf891683';

afterEach(() => vi.unstubAllGlobals());

describe('the D1 bookmark', () => {
  it('is sent with the next thread read once a write answered one', async () => {
    const urls: string[] = [];
    vi.stubGlobal('fetch', async (input: string) => {
      urls.push(input);
      const headers = input.includes('/like') ? { 'X-D1-Bookmark': BOOKMARK } : undefined;
      return new Response(JSON.stringify({ likes: 1, liked: true, thread: {}, comments: [] }), { headers });
    });
    await getThread('https://c.example', { url: 'https://blog.example/a' });
    expect(new URL(urls[0] as string).searchParams.has('bookmark')).toBe(false);
    await likePage('https://c.example', { url: 'https://blog.example/a' }, 'reader', true);
    await getThread('https://c.example', { url: 'https://blog.example/a' });
    expect(new URL(urls[2] as string).searchParams.get('bookmark')).toBe(BOOKMARK);
  });
});
