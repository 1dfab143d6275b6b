/**
 * Issue 17, item 3: recent.js, the recent-comments embed. `<div data-causerie-recent data-limit="5">`
 * becomes a list of GET /recent's comments, as text (never a comment's markup), in the page's language,
 * each linking its comment on its page; nothing to show leaves the owner's fallback content in place.
 */
import { waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { langs } from '../../widget/src/i18n/langs.ts';
import { recentLang, recentMessages } from '../../widget/src/recent/messages.ts';
import { type RecentComment, renderRecent } from '../../widget/src/recent/render.ts';
import { fakeFetch, json, problem } from './helpers.ts';

const alice = { name: 'Alice', website: null, avatar: '00', moderator: false, verified: null };

const recent = (overrides: Partial<RecentComment> = {}): RecentComment => ({
  id: 'c1',
  author: alice,
  html: '<p>Hello <strong>world</strong></p>',
  createdAt: '2026-11-20T10:00:00.000Z',
  thread: { url: 'https://blog.example/post', title: 'A post' },
  ...overrides,
});

const element = (html = '', attributes: Record<string, string> = {}) => {
  const div = document.createElement('div');
  div.setAttribute('data-causerie-recent', '');
  for (const [name, value] of Object.entries(attributes)) div.setAttribute(name, value);
  div.innerHTML = html;
  document.body.append(div);
  return div;
};

afterEach(() => {
  document.body.replaceChildren();
  vi.unstubAllGlobals();
});

describe('renderRecent', () => {
  it('lists each comment as text: who, on which page (a link to the comment), when, and an excerpt', () => {
    const div = element();
    renderRecent(
      div,
      [recent(), recent({ id: 'c2', thread: { url: 'https://blog.example/b', title: '' } })],
      'en',
    );
    const list = div.querySelector('ol');
    expect(list?.getAttribute('aria-label')).toBe('Recent comments');
    const items = [...div.querySelectorAll('li')];
    expect(items).toHaveLength(2);
    expect(items[0]?.querySelector('small')?.textContent).toMatch(/^Alice on A post · Nov 20, 2026$/);
    expect(items[0]?.querySelector('a')?.getAttribute('href')).toBe('https://blog.example/post#comment-c1');
    expect(items[0]?.querySelector('time')?.getAttribute('datetime')).toBe('2026-11-20T10:00:00.000Z');
    expect(items[0]?.querySelector('p')?.textContent).toBe('Hello world');
    // A page without a title shows its URL.
    expect(items[1]?.querySelector('a')?.textContent).toBe('https://blog.example/b');
  });

  it('never puts a comment’s markup into the page, whatever the HTML holds', () => {
    const div = element();
    const hostile = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script><b>bold</b>';
    renderRecent(div, [recent({ html: hostile, author: { ...alice, name: '<i>Eve</i>' } })], 'en');
    expect(div.querySelector('img, script, b, i')).toBeNull();
    expect(div.querySelector('small')?.textContent).toContain('<i>Eve</i> on');
    expect((window as { pwned?: number }).pwned).toBeUndefined();
  });

  it('cuts a long comment to an excerpt', () => {
    const div = element();
    renderRecent(div, [recent({ html: `<p>${'word '.repeat(100)}</p>` })], 'en');
    const text = div.querySelector('p')?.textContent ?? '';
    expect([...text].length).toBe(141);
    expect(text.endsWith('…')).toBe(true);
  });

  it('speaks the page’s language, in the order its grammar wants', () => {
    const div = element();
    renderRecent(div, [recent()], 'ja');
    expect(div.querySelector('ol')?.getAttribute('aria-label')).toBe('最近のコメント');
    expect(div.querySelector('small')?.textContent).toMatch(/^A post に Alice · /);
  });

  it('leaves the owner’s fallback in place when there is nothing to show or the API failed', () => {
    const div = element('<p>Be the first to comment.</p>');
    renderRecent(div, [], 'en');
    renderRecent(div, null, 'en');
    expect(div.innerHTML).toBe('<p>Be the first to comment.</p>');
  });
});

describe('recentLang and the strings', () => {
  it('takes data-lang, then the page’s lang, then the browser’s, by language; English otherwise', () => {
    expect(recentLang(['fr-CA', 'de'])).toBe('fr');
    expect(recentLang([undefined, 'pt_BR'])).toBe('pt');
    expect(recentLang(['tlh', null, 'nl-BE'])).toBe('nl');
    expect(recentLang(['tlh'])).toBe('en');
  });

  it('has both strings in all 12 languages', () => {
    expect(langs).toHaveLength(12);
    for (const lang of langs) {
      expect(recentLang([lang]), lang).toBe(lang);
      const [label, on] = recentMessages(lang);
      expect(label.trim(), lang).not.toBe('');
      expect(on, lang).toContain('{author}');
      expect(on, lang).toContain('{page}');
      if (lang !== 'en') expect(label, lang).not.toBe(recentMessages('en')[0]);
    }
  });
});

describe('recent.js on a page', () => {
  it('draws every element once, asking GET /recent with its limit, in the language of the page', async () => {
    document.documentElement.lang = 'fr';
    const first = element('', { 'data-limit': '3' });
    const second = element('', { 'data-limit': 'lots', 'data-lang': 'de' });
    const requests = fakeFetch((request) =>
      request.url.pathname === '/api/v1/recent'
        ? json({ comments: [recent()] })
        : problem({ status: 404, code: 'not_found', title: 'Not found' }),
    );
    await import('../../widget/src/recent.ts');
    await waitFor(() => expect(first.querySelector('ol')).not.toBeNull());
    await waitFor(() => expect(second.querySelector('ol')).not.toBeNull());
    expect(first.querySelector('ol')?.getAttribute('aria-label')).toBe('Commentaires récents');
    expect(second.querySelector('ol')?.getAttribute('aria-label')).toBe('Neueste Kommentare');
    expect(first.getAttribute('aria-busy')).toBeNull();
    // happy-dom runs it with no currentScript: the page's own origin stands in for the script's.
    expect(requests.map((r) => r.url.searchParams.get('limit')).sort()).toEqual(['3', '5']);
    expect(requests.every((r) => r.url.pathname === '/api/v1/recent')).toBe(true);

    // A single-page app's later element: drawn by causerieRecent(), the others not again.
    const later = element('', { 'data-limit': '2' });
    await window.causerieRecent?.();
    expect(later.querySelector('ol')).not.toBeNull();
    expect(requests.map((r) => r.url.searchParams.get('limit')).sort()).toEqual(['2', '3', '5']);
  });
});
