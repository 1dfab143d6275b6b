/**
 * A page's data-mastodon (issue 18): read by the boot's parser, and sent to the server by the extras part
 * at most once per 5 minutes per thread from one browser, or at once when the attribute changed.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { _linkMastodon } from '../../widget/src/mastodon-link.ts';
import { resolveOptions, scriptInput, type WidgetOptions } from '../../widget/src/options.ts';
import { fakeFetch, json } from './helpers.ts';

const TOOT = 'https://social.example/@alice/113500000000000001';

const options = (more: Partial<WidgetOptions> = {}): WidgetOptions => ({
  origin: 'https://comments.example',
  url: 'https://blog.example/2026/11/un-billet',
  title: 'Un billet',
  lang: 'fr',
  theme: 'light',
  mastodon: TOOT,
  ...more,
});

beforeEach(() => localStorage.clear());
afterEach(() => vi.unstubAllGlobals());

describe('data-mastodon', () => {
  it('is read from the script tag, trimmed, and absent when blank', () => {
    const script = document.createElement('script');
    script.dataset.mastodon = `  ${TOOT} `;
    expect(resolveOptions(scriptInput(script), document, 'https://comments.example').mastodon).toBe(TOOT);
    script.dataset.mastodon = ' ';
    expect(
      resolveOptions(scriptInput(script), document, 'https://comments.example').mastodon,
    ).toBeUndefined();
  });
});

describe('_linkMastodon', () => {
  it('posts the page and the toot to POST /threads/mastodon as JSON', () => {
    const requests = fakeFetch(() => json({ accepted: true, refreshing: true }, 202));
    _linkMastodon(options({ id: 'billet-42' }));
    expect(requests).toHaveLength(1);
    expect(requests[0]?.method).toBe('POST');
    expect(requests[0]?.url.href).toBe('https://comments.example/api/v1/threads/mastodon');
    expect(requests[0]?.headers.get('Content-Type')).toBe('application/json');
    expect(requests[0]?.body).toEqual({
      url: 'https://blog.example/2026/11/un-billet',
      id: 'billet-42',
      title: 'Un billet',
      toot: TOOT,
    });
  });

  it('sends again only after 5 minutes, or at once for another toot', () => {
    const requests = fakeFetch(() => json({}, 200));
    const now = Date.now();
    _linkMastodon(options(), now);
    _linkMastodon(options(), now + 60_000);
    expect(requests).toHaveLength(1);
    _linkMastodon(options(), now + 5 * 60_000 + 1);
    expect(requests).toHaveLength(2);
    _linkMastodon(options({ mastodon: `${TOOT}9` }), now + 5 * 60_000 + 2);
    expect(requests).toHaveLength(3);
  });

  it('sends nothing without the attribute', () => {
    const requests = fakeFetch(() => json({}, 200));
    _linkMastodon(options({ mastodon: undefined }));
    _linkMastodon(options({ url: 'https://blog.example/other' }));
    // The positive marker: the second call (another thread, with a toot) did send.
    expect(requests.map((r) => r.body)).toEqual([
      expect.objectContaining({ url: 'https://blog.example/other' }),
    ]);
  });

  it('survives a network failure without throwing', async () => {
    fakeFetch(() => {
      throw new TypeError('Failed to fetch');
    });
    expect(() => _linkMastodon(options())).not.toThrow();
  });
});
