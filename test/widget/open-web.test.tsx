import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../widget/src/components/app.tsx';
import { langs } from '../../widget/src/i18n/langs.ts';
// Registers the part as if causerie-openweb.<lang>.js had loaded (open-web-loading.test.tsx checks the load).
import '../../widget/src/open-web.tsx';
import { openWebMessages } from '../../widget/src/open-web/messages.ts';
import type { Comment } from '../../worker/types/api.ts';
import { comment, fakeFetch, options, page, server } from './helpers.ts';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const person = (name: string, website: string | null = null) => ({
  name,
  website,
  avatar: '7f3a9c',
  moderator: false,
  verified: null,
});

const openWebThread = (): Comment[] => [
  comment({ id: 'native', author: person('Ana') }),
  comment({
    id: 'mention',
    kind: 'webmention',
    source: { url: 'https://alice.example/2026/re', type: 'reply' },
    author: person('Alice Martin', 'https://alice.example/'),
    html: '<p>Nice post!</p>',
  }),
  comment({
    id: 'toot',
    kind: 'mastodon',
    source: { url: 'https://mastodon.example/@bo/113', type: 'reply' },
    author: person('Bo', 'https://mastodon.example/@bo'),
    html: '<p>From the fediverse</p>',
  }),
  comment({
    id: 'like1',
    kind: 'webmention',
    source: { url: 'https://b.example/l/1', type: 'like' },
    author: person('Carol'),
    html: '',
  }),
  comment({
    id: 'like2',
    kind: 'webmention',
    source: { url: 'https://b.example/l/2', type: 'like' },
    author: person('Dan'),
    html: '',
  }),
  comment({
    id: 'rep1',
    kind: 'webmention',
    source: { url: 'https://k.example/s/1', type: 'repost' },
    author: person('Dana'),
    html: '',
  }),
];

describe('comments from the open web', () => {
  it('marks a Webmention with its source and a Mastodon reply with a link to answer it there', async () => {
    fakeFetch(server(page(openWebThread())));
    render(<App _options={options({ lang: 'en' })} />);
    const marks = (await screen.findAllByTestId('source')).filter((mark) => !mark.dataset.face);
    expect(marks.map((mark) => mark.textContent)).toEqual([
      'via Webmention · alice.example',
      'from Mastodon · mastodon.example · Reply on Mastodon',
    ]);
    expect(
      within(marks[0] as HTMLElement)
        .getByRole('link', { name: 'alice.example' })
        .getAttribute('href'),
    ).toBe('https://alice.example/2026/re');
    const reply = within(marks[1] as HTMLElement).getByRole('link', { name: 'Reply on Mastodon' });
    expect(reply.getAttribute('href')).toBe('https://mastodon.example/@bo/113');
    expect(reply.getAttribute('rel')).toBe('nofollow ugc noopener');
  });

  it('shows likes and reposts as compact faces with what they did, not as comments', async () => {
    fakeFetch(server(page(openWebThread())));
    render(<App _options={options({ lang: 'en' })} />);
    await screen.findAllByTestId('source');
    const faces = [...document.querySelectorAll<HTMLElement>('[data-face]')];
    expect(faces.map((face) => [face.dataset.face, face.querySelector('a')?.textContent])).toEqual([
      ['like', 'liked this'],
      ['like', 'liked this'],
      ['repost', 'reposted this'],
    ]);
    expect(faces[0]?.querySelector('a')?.getAttribute('href')).toBe('https://b.example/l/1');
    // The part's styles make their items faces: the stylesheet is in the thread (happy-dom has no :has()).
    expect(faces[0]?.querySelector('style')?.textContent).toContain(':has(> .comment > .meta [data-face])');
    // Generated avatars only: no third-party image anywhere.
    expect(document.querySelectorAll('img')).toHaveLength(0);
    const items = screen.getAllByTestId('comment');
    const face = items.find((c) => c.dataset.commentId === 'like1') as HTMLElement;
    expect(within(face).getByText('Carol')).toBeTruthy();
    expect(face.querySelector('.avatar')).not.toBeNull();
  });

  it('speaks French on a French page', async () => {
    fakeFetch(server(page(openWebThread())));
    render(<App _options={options({ lang: 'fr' })} />);
    expect((await screen.findAllByTestId('source')).map((m) => m.textContent)).toContain(
      'depuis Mastodon · mastodon.example · Répondre sur Mastodon',
    );
    expect(document.querySelector('[data-face] a')?.textContent).toBe('a aimé');
  });

  it('has every string in all 12 languages', () => {
    expect(langs).toHaveLength(12);
    for (const lang of langs) {
      const m = openWebMessages(lang);
      for (const text of Object.values(m)) expect(text.trim(), lang).not.toBe('');
      if (lang !== 'en') expect(m._replyOnMastodon, lang).not.toBe(openWebMessages('en')._replyOnMastodon);
    }
  });
});
