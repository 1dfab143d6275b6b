import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../widget/src/components/app.tsx';
// Registers the on-demand part as if causerie-extras.<lang>.js had loaded (the build's e2e tests load it).
import '../../widget/src/extras.ts';
import { comment, fakeFetch, json, options, page, problem, server } from './helpers.ts';

const comments = () => screen.queryAllByTestId('comment');

beforeEach(() => localStorage.clear());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('reading a thread', () => {
  it('asks the API of its origin for the page’s thread', async () => {
    const requests = fakeFetch(server(page([])));
    render(<App _options={options({ id: 'post-42', sort: 'newest' })} />);
    await screen.findByText('Pas encore de commentaire');
    const [request] = requests;
    expect(request?.url.origin).toBe('https://comments.example');
    expect(request?.url.pathname).toBe('/api/v1/threads');
    expect(Object.fromEntries(request?.url.searchParams ?? [])).toEqual({
      url: 'https://blog.example/post',
      id: 'post-42',
      sort: 'newest',
    });
  });

  it('says « Pas encore de commentaire » on an empty thread in French', async () => {
    fakeFetch(server(page([])));
    render(<App _options={options({ lang: 'fr' })} />);
    expect(await screen.findByRole('heading', { name: 'Pas encore de commentaire' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Laisser un commentaire' })).toBeTruthy();
  });

  it('says "No comments yet" on an empty thread in English', async () => {
    fakeFetch(server(page([])));
    render(<App _options={options({ lang: 'en' })} />);
    expect(await screen.findByRole('heading', { name: 'No comments yet' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Leave a comment' })).toBeTruthy();
  });

  it('shows the count and nests replies under their parents', async () => {
    const root = comment({ id: 'root' });
    const reply = comment({
      id: 'reply',
      parentId: 'root',
      author: {
        name: 'Bruno',
        website: 'https://bruno.example',
        avatar: 'ff00aa',
        moderator: false,
        verified: null,
      },
      html: '<p>Je <em>réponds</em></p>',
    });
    const other = comment({ id: 'other' });
    fakeFetch(server(page([root, reply, other])));
    render(<App _options={options()} />);
    expect(await screen.findByRole('heading', { name: '3 commentaires' })).toBeTruthy();
    expect(comments().map((el) => el.dataset.commentId)).toEqual(['root', 'reply', 'other']);

    // Each reply is nested inside its parent's comment element (nested articles, as the HTML spec suggests).
    const rootEl = comments()[0] as HTMLElement;
    const replyEl = within(rootEl).getByTestId('comment');
    expect(replyEl.dataset.commentId).toBe('reply');
    expect(within(comments()[2] as HTMLElement).queryByTestId('comment')).toBeNull();
    expect(replyEl.querySelector('em')?.textContent).toBe('réponds');
    const link = within(replyEl).getByRole('link', { name: 'Bruno' });
    expect(link.getAttribute('href')).toBe('https://bruno.example');
    expect(link.getAttribute('rel')).toBe('nofollow ugc noopener');
    expect(within(replyEl).getByText('il y a 3 minutes')).toBeTruthy();
  });

  it('counts one comment in the singular', async () => {
    fakeFetch(server(page([comment()])));
    render(<App _options={options({ lang: 'en' })} />);
    expect(await screen.findByRole('heading', { name: '1 comment' })).toBeTruthy();
  });

  it('stops indenting after three levels', async () => {
    const chain = [comment({ id: 'l0' })];
    for (let depth = 1; depth <= 5; depth++)
      chain.push(comment({ id: `l${depth}`, parentId: `l${depth - 1}` }));
    fakeFetch(server(page(chain)));
    const { container } = render(<App _options={options()} />);
    await screen.findByRole('heading', { name: '6 commentaires' });
    expect(container.querySelectorAll('ol.replies:not(.flat)')).toHaveLength(3);
    // Below the third level the whole subtree is one flat list (issue 11, item 1: no nesting without bound).
    expect(container.querySelectorAll('ol.replies.flat')).toHaveLength(1);
  });

  it('shows a deleted placeholder without author, and no reply button on it', async () => {
    const gone = comment({ id: 'gone', author: null, html: '', status: 'deleted' });
    fakeFetch(server(page([gone, comment({ parentId: 'gone' })])));
    render(<App _options={options()} />);
    const placeholder = (await screen.findAllByTestId('comment'))[0] as HTMLElement;
    expect(within(placeholder).getByText('Commentaire supprimé')).toBeTruthy();
    // Its reply (nested inside it) keeps its own button; the placeholder has none.
    expect(placeholder.querySelectorAll(':scope > button')).toHaveLength(0);
    expect(within(placeholder).getAllByRole('button', { name: 'Répondre' })).toHaveLength(1);
  });

  it('loads the next page with the cursor and appends it', async () => {
    const first = comment({ id: 'first' });
    const second = comment({ id: 'second' });
    const requests = fakeFetch((request) =>
      json(
        request.url.searchParams.get('cursor') === 'next-1'
          ? page([second])
          : page([first], { nextCursor: 'next-1' }),
      ),
    );
    render(<App _options={options()} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Afficher plus de commentaires' }));
    await vi.waitFor(() => expect(comments()).toHaveLength(2));
    expect(requests[1]?.url.searchParams.get('cursor')).toBe('next-1');
    expect(screen.queryByRole('button', { name: 'Afficher plus de commentaires' })).toBeNull();
  });

  it('offers to try again when the thread cannot be loaded', async () => {
    let fail = true;
    fakeFetch(() => {
      if (fail) throw new TypeError('Failed to fetch');
      return json(page([comment()]));
    });
    render(<App _options={options()} />);
    const retry = await screen.findByRole('button', { name: 'Réessayer' });
    fail = false;
    fireEvent.click(retry);
    expect(await screen.findByRole('heading', { name: '1 commentaire' })).toBeTruthy();
  });

  it('hides the form on a locked thread', async () => {
    fakeFetch(server(page([comment()], { thread: { ...page([]).thread, locked: true, commentCount: 1 } })));
    render(<App _options={options()} />);
    expect(await screen.findByText('Les commentaires sont fermés.')).toBeTruthy();
    expect(screen.queryByRole('form')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Répondre' })).toBeNull();
  });

  it('does not render a problem response as comments', async () => {
    fakeFetch(() => problem({ status: 503, code: 'storage_unavailable', title: 'Unavailable' }));
    render(<App _options={options()} />);
    expect(await screen.findByText(/Impossible de charger les commentaires/)).toBeTruthy();
    expect(comments()).toHaveLength(0);
  });
});
