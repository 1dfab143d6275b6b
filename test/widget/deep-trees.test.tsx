/**
 * Issue 11, item 1, in the widget: a reply tree, however deep or wide, never takes the thread down. A chain
 * 1,000 deep renders with its depth capped (no RangeError), a subtree that throws is replaced by a message
 * while the other roots stay, and a root whose page showed only its first replies loads the rest by cursor.
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../widget/src/components/app.tsx';
import { maxDepth } from '../../widget/src/components/comment-list.tsx';
// Registers the on-demand part as if causerie-extras.<lang>.js had loaded.
import '../../widget/src/extras.ts';
import type { Comment, RepliesPage } from '../../worker/types/api.ts';
import { comment, fakeFetch, json, options, page, problem, type Recorded } from './helpers.ts';

const person = (name: string) => ({ name, website: null, avatar: '0a', moderator: false, verified: null });

/** `root`, then `depth` replies each answering the one before. */
const chain = (root: string, depth: number): Comment[] => {
  const out = [comment({ id: root, author: person('Racine') })];
  for (let i = 1; i <= depth; i++)
    out.push(comment({ id: `${root}-${i}`, parentId: out[i - 1]?.id ?? root, author: person(`P${i}`) }));
  return out;
};

/** How many comments enclose this one: the depth at which it is drawn. */
const nesting = (element: Element) => {
  let n = 0;
  for (let at = element.parentElement?.closest('article'); at; at = at.parentElement?.closest('article')) n++;
  return n;
};

const byId = (id: string) => document.querySelector<HTMLElement>(`[data-comment-id="${id}"]`);

/** A comment known to be rendered. */
const at = (id: string) => byId(id) as HTMLElement;

/** Waits for a comment to be rendered (a thousand of them take a moment in happy-dom). */
const rendered = (id: string) =>
  vi.waitFor(
    () => {
      const element = byId(id);
      if (!element) throw new Error(`comment ${id} is not rendered`);
      return element;
    },
    { timeout: 10_000 },
  );

/** GET /threads answers `thread`; GET /threads/replies is answered by `replies`. */
const serve =
  (thread: Comment[], replies: (request: Recorded) => Response = () => json({})) =>
  (request: Recorded) =>
    request.url.pathname === '/api/v1/threads'
      ? json(page(thread))
      : request.url.pathname === '/api/v1/threads/replies'
        ? replies(request)
        : problem({ status: 404, code: 'not_found', title: 'Not found' });

beforeEach(() => localStorage.clear());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('a chain of replies 1,000 deep', () => {
  it('renders every reply, nested down to maxDepth, flat below saying whom each answers, beside the other roots', async () => {
    const deep = chain('deep', 1000);
    fakeFetch(serve([...deep, comment({ id: 'other', html: '<p>Une autre conversation</p>' })]));
    const { container } = render(<App _options={options()} />);
    const last = await rendered('deep-1000');
    // French groups thousands with a narrow no-break space.
    expect(container.querySelector('h2.count')?.textContent).toBe('1\u202f002 commentaires');

    expect(screen.getAllByTestId('comment')).toHaveLength(1002);
    expect(screen.getByText('Une autre conversation')).toBeTruthy();
    expect(nesting(last)).toBe(maxDepth + 1);
    expect(Math.max(...[...container.querySelectorAll('article')].map(nesting))).toBe(maxDepth + 1);
    // The levels down to maxDepth are lists of their own; everything below is one flat list.
    expect(container.querySelectorAll('ol.replies:not(.flat)')).toHaveLength(maxDepth);
    const flat = container.querySelectorAll('ol.replies.flat');
    expect(flat).toHaveLength(1);
    expect(flat[0]?.children).toHaveLength(1000 - maxDepth);

    // Each flat reply says whom it answers, with a link to it; nested ones say nothing, their place does.
    const link = within(last).getByRole('link', { name: '↳ En réponse à P999' });
    expect(link.getAttribute('href')).toBe('#comment-deep-999');
    fireEvent.click(link);
    expect(document.activeElement).toBe(byId('deep-999'));
    expect(within(at(`deep-${maxDepth}`)).queryAllByText(/^↳/)).toHaveLength(1000 - maxDepth);
    expect(at(`deep-${maxDepth}`).querySelector(':scope > .to')).toBeNull();
    // 1,002 comments in happy-dom: about 1 s alone, several on a loaded two-core machine (the waits above
    // allow 10 s); the test's own limit is wider still, so that load alone never fails it.
  }, 30_000);
});

describe('a subtree that cannot be rendered', () => {
  it('is replaced by a message, and the other roots still show', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const broken = comment({ id: 'broken' });
    // An impossible date makes Intl throw while rendering (RangeError: Invalid time value).
    const bad = comment({ id: 'bad', parentId: 'broken', createdAt: 'pas une date' });
    const fine = comment({ id: 'fine', html: '<p>Toujours là</p>' });
    fakeFetch(serve([broken, bad, fine]));
    render(<App _options={options()} />);
    expect(await screen.findByText('Toujours là')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toBe('Cette conversation n’a pas pu être affichée.');
    expect(screen.getAllByTestId('comment').map((el) => el.dataset.commentId)).toEqual(['fine']);
    expect(screen.getByRole('heading', { name: '3 commentaires' })).toBeTruthy();
    expect(error).toHaveBeenCalledWith(expect.any(RangeError));
  });
});

describe('a root with more replies than its page shows', () => {
  const root = comment({ id: 'root', replies: { more: 'cursor-1' }, author: person('Rose') });
  const first = comment({ id: 'r1', parentId: 'root' });
  const answers: Record<string, RepliesPage> = {
    'cursor-1': {
      comments: [comment({ id: 'r2', parentId: 'r1' }), comment({ id: 'r3', parentId: 'root' })],
      nextCursor: 'cursor-2',
    },
    'cursor-2': { comments: [comment({ id: 'r4', parentId: 'r2' })], nextCursor: null },
  };

  it('loads them by cursor, each under its parent, until the tree is complete', async () => {
    const requests = fakeFetch(
      serve([root, first, comment({ id: 'next-root' })], (r) =>
        json(answers[r.url.searchParams.get('cursor') ?? '']),
      ),
    );
    render(<App _options={options({ id: 'post-7' })} />);
    const more = await screen.findByRole('button', { name: 'Afficher plus de réponses' });
    expect(within(at('root')).getByRole('button', { name: 'Afficher plus de réponses' })).toBe(more);

    fireEvent.click(more);
    await rendered('r3');
    const asked = requests.filter((r) => r.url.pathname === '/api/v1/threads/replies');
    expect(Object.fromEntries(asked[0]?.url.searchParams ?? [])).toEqual({
      url: 'https://blog.example/post',
      id: 'post-7',
      root: 'root',
      cursor: 'cursor-1',
    });
    expect(at('r2').parentElement?.closest('article')).toBe(byId('r1'));
    expect(at('r3').parentElement?.closest('article')).toBe(byId('root'));
    expect(screen.getByText('2 réponses ajoutées')).toBeTruthy(); // the aria-live region
    const button = screen.getByRole('button', { name: 'Afficher plus de réponses' });
    button.focus();

    fireEvent.click(button);
    await rendered('r4');
    expect(asked).toHaveLength(1); // the list above was taken before the second click
    expect(requests.at(-1)?.url.searchParams.get('cursor')).toBe('cursor-2');
    expect(at('r4').parentElement?.closest('article')).toBe(byId('r2'));
    expect(screen.getByText('1 réponse ajoutée')).toBeTruthy();
    // The end of the tree: the button goes, and the focus lands on the first new reply, not the page.
    expect(screen.queryByRole('button', { name: 'Afficher plus de réponses' })).toBeNull();
    await vi.waitFor(() => expect(document.activeElement).toBe(byId('r4')));
    // In the tree's order: root, r1, r2, r4, r3, then the next root.
    expect(screen.getAllByTestId('comment').map((el) => el.dataset.commentId)).toEqual([
      'root',
      'r1',
      'r2',
      'r4',
      'r3',
      'next-root',
    ]);
  });

  it('shows the server’s error and lets the reader retry', async () => {
    let fail = true;
    fakeFetch(
      serve([root, first], (r) =>
        fail
          ? problem({ status: 503, code: 'storage_unavailable', title: 'Unavailable' })
          : json({ ...answers[r.url.searchParams.get('cursor') ?? ''], nextCursor: null }),
      ),
    );
    render(<App _options={options()} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Afficher plus de réponses' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Le serveur est momentanément indisponible\u00a0: réessayez.',
    );
    expect(byId('r3')).toBeNull();

    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Réessayer' }));
    await rendered('r3');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Réessayer' })).toBeNull();
  });
});
