/**
 * The widget in each of its languages: a thread renders with the language's plural forms, dates and
 * direction (ar and he right to left), and readers' names keep their own direction inside it.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../widget/src/components/app.tsx';
import { maxDepth } from '../../widget/src/components/comment-list.tsx';
import { _extraMessages } from '../../widget/src/i18n/extra.ts';
import { supportedLangs, translator } from '../../widget/src/i18n/index.ts';
import '../../widget/src/extras.ts';
import type { Comment } from '../../worker/types/api.ts';
import { comment, fakeFetch, json, options, page } from './helpers.ts';

beforeEach(() => localStorage.clear());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** A thread page of `shown` comments whose thread counts `count` (the rest on later pages). */
const thread = (count: number, shown: Comment[]) => {
  const base = page(shown);
  return page(shown, { thread: { ...base.thread, commentCount: count, likes: count }, nextCursor: 'next' });
};

/** Renders the app in `lang` on a thread of `count` comments, and waits for its count heading. */
const renderThread = async (lang: string, count: number, shown: Comment[] = [comment()]) => {
  fakeFetch(() => json(thread(count, shown)));
  const { container } = render(<App _options={options({ lang })} />);
  await screen.findAllByTestId('comment');
  const root = container.querySelector('section.causerie') as HTMLElement;
  return { root, heading: root.querySelector('h2.count')?.textContent };
};

describe('every language', () => {
  it.each(supportedLangs())(
    '%s renders a thread in its own words, plurals, dates and direction',
    async (lang) => {
      const t = translator(lang);
      const { root, heading } = await renderThread(lang, 5);
      expect(root.getAttribute('lang')).toBe(lang);
      expect(root.getAttribute('dir')).toBe(['ar', 'he'].includes(lang) ? 'rtl' : 'ltr');
      expect(heading).toBe(t._plural(t.m.commentCount, 5));
      // The page's likes in words, by the same rules.
      expect(root.querySelector('.likes .muted')?.textContent).toBe(t._plural(t.m._pageLikes, 5));
      // The date by Intl.RelativeTimeFormat: the helper's comments are three minutes old.
      expect(root.querySelector('time')?.textContent).toBe(
        new Intl.RelativeTimeFormat(lang, { numeric: 'auto' }).format(-3, 'minute'),
      );
      expect(screen.getByRole('heading', { name: t.m._formHeading })).toBeTruthy();
      // The full form's own strings are the extras' (loaded here by the import above).
      expect(screen.getByRole('button', { name: _extraMessages(lang)._submit })).toBeTruthy();
      expect(screen.getByRole('button', { name: t.m._loadMore })).toBeTruthy();
      expect(screen.getByRole('combobox', { name: t.m._sortBy })).toBeTruthy();
    },
  );
});

describe('plural forms in the count heading', () => {
  const counts = [1, 2, 5, 22];

  it('counts 0/1/2/5/22 comments in Polish', async () => {
    const headings = [];
    fakeFetch(() => json(page([])));
    const empty = render(<App _options={options({ lang: 'pl' })} />);
    expect((await screen.findByRole('heading', { name: 'Nie ma jeszcze komentarzy' })).tagName).toBe('H2');
    empty.unmount();
    for (const n of counts) {
      const { heading } = await renderThread('pl', n);
      headings.push(heading);
      cleanup();
    }
    expect(headings).toEqual(['1 komentarz', '2 komentarze', '5 komentarzy', '22 komentarze']);
  });

  it('counts 0/1/2/5/11/22/100 comments in Arabic', async () => {
    const headings = [];
    fakeFetch(() => json(page([])));
    const empty = render(<App _options={options({ lang: 'ar' })} />);
    expect(await screen.findByRole('heading', { name: 'لا توجد تعليقات بعد' })).toBeTruthy();
    empty.unmount();
    for (const n of [...counts, 11, 100]) {
      const { heading } = await renderThread('ar', n);
      headings.push(heading);
      cleanup();
    }
    expect(headings).toEqual(['تعليق واحد', 'تعليقان', '5 تعليقات', '22 تعليقًا', '11 تعليقًا', '100 تعليق']);
  });
});

describe('right to left', () => {
  /** A chain of replies deeper than the indentation limit, each by its own author. */
  const chain = (names: string[]) => {
    const comments: Comment[] = [];
    for (const name of names)
      comments.push(
        comment({
          parentId: comments.at(-1)?.id ?? null,
          author: { name, website: null, avatar: '0a', moderator: false, verified: null },
        }),
      );
    return comments;
  };

  it('renders Arabic right to left, names isolated in <bdi>, the reply arrow turned', async () => {
    const names = ['محمد', 'Alice', 'דנה', 'Bob 3', 'ليلى', 'Zoé'];
    const { root } = await renderThread('ar', names.length, chain(names));
    expect(root.getAttribute('dir')).toBe('rtl');
    const authors = [...root.querySelectorAll('.author')];
    expect(authors.map((a) => [a.tagName, a.textContent])).toEqual(names.map((name) => ['BDI', name]));
    // Past maxDepth a reply says whom it answers: the arrow points the way the text runs.
    const links = [...root.querySelectorAll('.to a')];
    expect(links).toHaveLength(names.length - maxDepth - 1);
    expect(links[0]?.textContent).toBe(`↲ ردًا على ${names[maxDepth]}`);
    expect(links[0]?.querySelector('bdi')?.textContent).toBe(names[maxDepth]);
  });

  it('heads a reply form with the name isolated, and keeps English left to right on an Arabic page', async () => {
    document.documentElement.dir = 'rtl';
    try {
      const { root } = await renderThread('he', 1, [
        comment({ author: { name: 'محمد', website: null, avatar: '0a', moderator: false, verified: null } }),
      ]);
      fireEvent.click(within(root).getByRole('button', { name: 'להגיב' }));
      // Read from the DOM: the test library's name computation puts a space around <bdi>, browsers do not.
      const heading = root.querySelector('form h3');
      expect(heading?.textContent).toBe('תגובה ל־محمد');
      expect(heading?.querySelector('bdi')?.textContent).toBe('محمد');
      cleanup();
      const english = await renderThread('en', 1);
      expect(english.root.getAttribute('dir')).toBe('ltr');
    } finally {
      document.documentElement.removeAttribute('dir');
    }
  });

  it('lets each comment take the direction of its own text', async () => {
    const { root } = await renderThread('en', 1, [comment({ html: '<p>שלום לכולם</p>' })]);
    expect(root.querySelector('.body')?.getAttribute('dir')).toBe('auto');
  });
});
