import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../widget/src/components/app.tsx';
// Registers the on-demand part as if causerie-extras.<lang>.js had loaded (the build's e2e tests load it).
import '../../widget/src/extras.ts';
import { messages as en } from '../../widget/src/i18n/en.ts';
import { messages as fr } from '../../widget/src/i18n/fr.ts';
import { saveEditToken } from '../../widget/src/storage.ts';
import { comment, created, fakeFetch, json, options, page, problem, type Recorded } from './helpers.ts';

beforeEach(() => localStorage.clear());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const is = (request: Recorded, method: string, path: string) =>
  request.method === method && request.url.pathname === `/api/v1${path}`;

describe('sorting', () => {
  it('asks the server for the chosen order and remembers it', async () => {
    const requests = fakeFetch(() => json(page([comment(), comment()])));
    render(<App _options={options()} />);
    const select = (await screen.findByLabelText('Trier par')) as HTMLSelectElement;
    expect(requests[0]?.url.searchParams.get('sort')).toBe('oldest');
    fireEvent.change(select, { target: { value: 'top' } });
    await vi.waitFor(() => expect(requests.at(-1)?.url.searchParams.get('sort')).toBe('top'));
    cleanup();
    render(<App _options={options({ sort: 'newest' })} />);
    await screen.findByLabelText('Trier par');
    // The reader's choice wins over the host's data-sort.
    expect(requests.at(-1)?.url.searchParams.get('sort')).toBe('top');
  });
});

describe('likes', () => {
  it('likes a comment with the reader id and keeps the state on this device', async () => {
    const c = comment({ likes: 4 });
    const requests = fakeFetch((request) =>
      is(request, 'POST', `/comments/${c.id}/like`) ? json({ likes: 5, liked: true }) : json(page([c])),
    );
    render(<App _options={options()} />);
    const button = await screen.findByRole('button', { name: /J’aime le commentaire de Alice/ });
    expect(button.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(button);
    await vi.waitFor(() => expect(button.textContent).toContain('5'));
    expect(button.getAttribute('aria-pressed')).toBe('true');
    const like = requests.find((r) => r.method === 'POST');
    expect(like?.body).toHaveProperty('reader', expect.stringMatching(/^[\w-]{8,64}$/));
    cleanup();
    render(<App _options={options()} />);
    const again = await screen.findByRole('button', { name: /J’aime le commentaire de Alice/ });
    expect(again.getAttribute('aria-pressed')).toBe('true');
  });

  it('says how many people like the page, with plurals', async () => {
    fakeFetch((request) =>
      is(request, 'POST', '/threads/like')
        ? json({ likes: 13, liked: true })
        : json(page([], { thread: { ...page([]).thread, likes: 12 } })),
    );
    render(<App _options={options()} />);
    expect(await screen.findByText('12 personnes aiment cette page')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /J’aime cette page/ }));
    expect(await screen.findByText('13 personnes aiment cette page')).toBeTruthy();
  });

  it('puts the count back when the server refuses', async () => {
    const c = comment({ likes: 2 });
    fakeFetch((request) =>
      request.method === 'POST' ? problem({ status: 403, code: 'banned', title: 'Banned' }) : json(page([c])),
    );
    render(<App _options={options()} />);
    const button = await screen.findByRole('button', { name: /J’aime le commentaire/ });
    fireEvent.click(button);
    await vi.waitFor(() => expect(screen.getByText('Vous ne pouvez plus commenter ici.')).toBeTruthy());
    expect(button.textContent).toContain('2');
    expect(button.getAttribute('aria-pressed')).toBe('false');
  });
});

describe('editing and deleting one’s own comments', () => {
  it('offers edit and delete only with a live token, and sends it as a bearer header', async () => {
    const mine = comment({ html: '<p>Avant</p>' });
    const theirs = comment({
      author: { name: 'Bob', website: null, avatar: 'bb', moderator: true, verified: null },
    });
    saveEditToken(created(mine), 'Avant');
    const requests = fakeFetch((request) =>
      is(request, 'PATCH', `/comments/${mine.id}`)
        ? json({ comment: { ...mine, html: '<p>Après</p>', editedAt: new Date().toISOString() } })
        : json(page([mine, theirs])),
    );
    render(<App _options={options()} />);
    const [first, second] = await screen.findAllByTestId('comment');
    expect(within(second as HTMLElement).queryByRole('button', { name: 'Modifier' })).toBeNull();
    expect(within(second as HTMLElement).getByText('Modérateur')).toBeTruthy();
    fireEvent.click(within(first as HTMLElement).getByRole('button', { name: 'Modifier' }));
    const text = screen.getByLabelText('Commentaire', {
      selector: 'form[aria-label] textarea',
    }) as HTMLTextAreaElement;
    expect(text.value).toBe('Avant');
    fireEvent.input(text, { target: { value: 'Après' } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText('Après')).toBeTruthy();
    const patch = requests.find((r) => r.method === 'PATCH');
    expect(patch?.headers.get('Authorization')).toBe(`Bearer token-${mine.id}`);
    expect(patch?.body).toEqual({ body: 'Après' });
    expect(screen.getByText('Votre commentaire est modifié.')).toBeTruthy();
  });

  it('deletes after confirmation, and says when the window has closed', async () => {
    const mine = comment();
    saveEditToken(created(mine), 'x');
    let answer = problem({ status: 403, code: 'edit_window_closed', title: 'Closed' });
    fakeFetch((request) => (request.method === 'DELETE' ? answer : json(page([mine]))));
    vi.stubGlobal('confirm', () => true);
    render(<App _options={options()} />);
    const remove = await screen.findByRole('button', { name: 'Supprimer' });
    fireEvent.click(remove);
    expect(await screen.findByText('Le délai de modification est dépassé.')).toBeTruthy();
    answer = new Response(null, { status: 204 });
    fireEvent.click(remove);
    await vi.waitFor(() => expect(screen.queryAllByTestId('comment')).toHaveLength(0));
    expect(screen.getByRole('heading', { name: 'Pas encore de commentaire' })).toBeTruthy();
  });

  it('hides edit and delete once the token has expired', async () => {
    const mine = comment();
    saveEditToken({ ...created(mine), editableUntil: new Date(Date.now() - 1000).toISOString() }, 'x');
    fakeFetch(() => json(page([mine])));
    render(<App _options={options()} />);
    await screen.findByTestId('comment');
    expect(screen.queryByRole('button', { name: 'Modifier' })).toBeNull();
  });
});

describe('preview', () => {
  it('shows the server’s rendering, and goes back to the text', async () => {
    const requests = fakeFetch((request) =>
      is(request, 'POST', '/preview') ? json({ html: '<p><strong>gras</strong></p>' }) : json(page([])),
    );
    render(<App _options={options()} />);
    const text = (await screen.findByLabelText('Commentaire')) as HTMLTextAreaElement;
    fireEvent.input(text, { target: { value: '**gras**' } });
    fireEvent.click(screen.getByRole('button', { name: 'Aperçu' }));
    expect((await screen.findByText('gras')).tagName).toBe('STRONG');
    expect(requests.find((r) => r.method === 'POST')?.body).toEqual({ body: '**gras**' });
    fireEvent.click(screen.getByRole('button', { name: 'Écrire' }));
    expect((screen.getByLabelText('Commentaire') as HTMLTextAreaElement).value).toBe('**gras**');
  });
});

describe('reading', () => {
  it('marks pinned comments and says whom deep replies answer', async () => {
    const root = comment({
      pinned: true,
      author: { name: 'Ana', website: null, avatar: '01', moderator: false, verified: null },
    });
    let parent = root;
    const chain = [root];
    for (const name of ['B1', 'B2', 'B3', 'B4', 'B5']) {
      parent = comment({
        parentId: parent.id,
        author: { name, website: null, avatar: '02', moderator: false, verified: null },
      });
      chain.push(parent);
    }
    fakeFetch(() => json(page(chain)));
    render(<App _options={options()} />);
    await screen.findAllByTestId('comment');
    expect(screen.getByText('Épinglé')).toBeTruthy();
    expect(screen.getByRole('link', { name: '↳ En réponse à B3' })).toBeTruthy();
    expect(screen.getByRole('link', { name: '↳ En réponse à B4' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: '↳ En réponse à B2' })).toBeNull();
    expect(document.getElementById(`comment-${root.id}`)).toBeTruthy();
  });
});

describe('languages', () => {
  /** Every key path of a catalog, with nested objects flattened. */
  const keys = (value: object, prefix = ''): string[] =>
    Object.entries(value).flatMap(([key, v]) =>
      v && typeof v === 'object' ? keys(v, `${prefix}${key}.`) : [`${prefix}${key}`],
    );

  it('French and English say everything, with no empty string', () => {
    expect(
      keys(fr)
        .filter((k) => !['one', 'other'].includes(k.split('.').at(-1) ?? ''))
        .sort(),
    ).toEqual(
      keys(en)
        .filter((k) => !['one', 'other'].includes(k.split('.').at(-1) ?? ''))
        .sort(),
    );
    for (const catalog of [fr, en]) {
      for (const key of keys(catalog)) {
        const text = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], catalog);
        expect(text, key).toMatch(/\S/);
      }
    }
  });
});
