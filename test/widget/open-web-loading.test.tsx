// The open web's part is loaded only by a page that has such comments (this file does not register it).
import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../widget/src/components/app.tsx';
import { _register } from '../../widget/src/lazy.tsx';
import { comment, fakeFetch, options, page, server } from './helpers.ts';

// The follow part loads once any thread shows (issue 17): here it is in already, so that every script this
// file sees is the open web's. (Live updates need GET /config's `live`, which these tests do not serve.)
beforeEach(() => _register('follow', { _attach: () => {} } as never));

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  for (const script of document.head.querySelectorAll('script')) script.remove();
});

const afterPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve)));

describe('loading the open web part', () => {
  it('is not loaded for a thread of ordinary comments', async () => {
    fakeFetch(server(page([comment({ id: 'a' }), comment({ id: 'b' })])));
    render(<App _options={options({ lang: 'en' })} />);
    expect(await screen.findAllByTestId('comment')).toHaveLength(2);
    // Preact runs effects after the next frame (requestAnimationFrame, then a task): once that has
    // passed, a load would have started. Not a delay: the very event the effect waits for.
    await afterPaint();
    expect(document.head.querySelectorAll('script')).toHaveLength(0);
  });

  it('is loaded once for a thread with comments from the open web, which show meanwhile unmarked', async () => {
    const like = comment({
      id: 'l',
      kind: 'webmention',
      source: { url: 'https://b.example/l', type: 'like' },
      html: '',
    });
    const mention = comment({
      id: 'm',
      kind: 'webmention',
      source: { url: 'https://a.example/r', type: 'reply' },
    });
    fakeFetch(server(page([comment({ id: 'a' }), mention, like])));
    render(<App _options={options({ lang: 'en' })} />);
    expect((await screen.findAllByTestId('comment')).map((c) => c.dataset.commentId)).toEqual([
      'a',
      'm',
      'l',
    ]);
    await afterPaint();
    // One script for the reply's mark and the like's both: a part is loaded once.
    expect(document.head.querySelectorAll('script')).toHaveLength(1);
    expect(screen.queryByTestId('source')).toBeNull();
  });
});
