import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../widget/src/components/app.tsx';
// Registers the on-demand part as if causerie-extras.<lang>.js had loaded (the build's e2e tests load it).
import '../../widget/src/extras.ts';
import type { NewComment } from '../../worker/types/api.ts';
import {
  comment,
  created,
  echoPost,
  fakeFetch,
  json,
  options,
  page,
  problem,
  type Recorded,
  server,
} from './helpers.ts';

const type = (label: string, value: string, scope: HTMLElement = document.body) =>
  fireEvent.input(within(scope).getByLabelText(label), { target: { value } });

const submit = (scope: HTMLElement = document.body) =>
  fireEvent.click(within(scope).getByRole('button', { name: 'Publier le commentaire' }));

const posts = (requests: Recorded[]) => requests.filter((r) => r.method === 'POST');

/** The JSON bodies of the POSTs, in order. */
const sent = (requests: Recorded[]) => posts(requests).map((r) => r.body as NewComment);

const openThread = async (thread = page([])) => {
  render(<App _options={options()} />);
  await screen.findByRole('heading', {
    name: thread.comments.length ? /commentaire/ : 'Pas encore de commentaire',
  });
};

beforeEach(() => localStorage.clear());
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('posting a comment', () => {
  it('labels every field', async () => {
    fakeFetch(server(page([])));
    await openThread();
    for (const label of ['Commentaire', 'Nom', 'E-mail (facultatif)', 'Site web (facultatif)']) {
      expect(screen.getByLabelText(label)).toBeTruthy();
    }
    expect(screen.getByRole('form', { name: 'Laisser un commentaire' })).toBeTruthy();
  });

  it('sends JSON with the thread, the author and a clientId, and shows the comment without reload', async () => {
    const requests = fakeFetch(server(page([]), echoPost()));
    await openThread();
    type('Commentaire', 'Très juste !');
    type('Nom', 'Camille');
    type('E-mail (facultatif)', 'camille@example.org');
    submit();

    await vi.waitFor(() => expect(screen.getAllByTestId('comment')).toHaveLength(1));
    const [post] = posts(requests);
    expect(post?.url.href).toBe('https://comments.example/api/v1/comments');
    expect(post?.headers.get('Content-Type')).toBe('application/json');
    const body = post?.body as NewComment;
    expect(body).toEqual({
      url: 'https://blog.example/post',
      title: 'Un article',
      body: 'Très juste !',
      author: { name: 'Camille', email: 'camille@example.org' },
      clientId: expect.stringMatching(/^[\w-]{21,}$/),
      // The reader's opaque id, the same on every post from this device.
      reader: JSON.parse(localStorage.getItem('causerie:reader') ?? '""'),
    });
    expect(body).toHaveProperty('reader', expect.stringMatching(/^[\w-]{8,64}$/));
    expect(screen.getByText('Très juste !')).toBeTruthy();
    expect(screen.getByRole('heading', { name: '1 commentaire' })).toBeTruthy();
    expect(screen.getByText('Votre commentaire est publié.')).toBeTruthy();
    expect((screen.getByLabelText('Commentaire') as HTMLTextAreaElement).value).toBe('');
  });

  it('says a held comment is awaiting moderation, and does not count it', async () => {
    fakeFetch(server(page([]), echoPost('pending')));
    await openThread();
    type('Commentaire', 'En attente');
    submit();
    const mine = await screen.findByTestId('comment');
    expect(within(mine).getByText('En attente de modération')).toBeTruthy();
    expect(screen.getByText('Votre commentaire est en attente de modération.')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Pas encore de commentaire' })).toBeTruthy();
  });

  it('replies inline under a comment and shows the reply under its parent', async () => {
    const parent = comment({ id: 'parent' });
    const requests = fakeFetch(server(page([parent, comment({ id: 'after' })]), echoPost()));
    await openThread(page([parent]));
    const parentEl = screen.getAllByTestId('comment')[0] as HTMLElement;
    fireEvent.click(within(parentEl).getByRole('button', { name: 'Répondre' }));

    const replyForm = within(parentEl).getByRole('form', { name: 'Répondre à Alice' });
    type('Commentaire', 'Une réponse', replyForm);
    submit(replyForm);

    await vi.waitFor(() => expect(within(parentEl).getAllByTestId('comment')).toHaveLength(1));
    expect(sent(requests)[0]?.parentId).toBe('parent');
    expect(within(parentEl).queryByRole('form')).toBeNull();
    expect(screen.getAllByTestId('comment').map((el) => el.dataset.commentId)).toEqual([
      'parent',
      expect.stringMatching(/^new-/),
      'after',
    ]);
  });

  it('keeps the edit token for the later edit feature and remembers the author', async () => {
    fakeFetch(server(page([]), echoPost()));
    await openThread();
    type('Commentaire', 'Bonjour');
    type('Nom', 'Camille');
    type('Site web (facultatif)', 'https://camille.example');
    submit();
    const mine = await screen.findByTestId('comment');
    const tokens = JSON.parse(localStorage.getItem('causerie:edit') ?? '{}');
    expect(tokens[mine.dataset.commentId ?? '']).toMatchObject({
      editToken: expect.stringMatching(/^token-/),
    });
    expect(JSON.parse(localStorage.getItem('causerie:author') ?? '{}')).toEqual({
      name: 'Camille',
      email: '',
      website: 'https://camille.example',
    });

    cleanup();
    await openThread();
    expect((screen.getByLabelText('Nom') as HTMLInputElement).value).toBe('Camille');
  });

  it('marks the submit button busy while posting and sends once', async () => {
    let answer: (response: Response) => void = () => {};
    const requests = fakeFetch((request) =>
      request.method === 'GET' ? json(page([])) : new Promise<Response>((resolve) => (answer = resolve)),
    );
    await openThread();
    type('Commentaire', 'Patience');
    submit();
    const button = screen.getByRole('button', { name: 'Publier le commentaire' }) as HTMLButtonElement;
    await vi.waitFor(() => expect(button.disabled).toBe(true));
    expect(button.getAttribute('aria-busy')).toBe('true');
    submit();
    expect(posts(requests)).toHaveLength(1);
    answer(json(created(comment()), 201));
    await vi.waitFor(() => expect(button.disabled).toBe(false));
  });

  it('sends the honeypot only when something filled it', async () => {
    const requests = fakeFetch(server(page([]), echoPost()));
    await openThread();
    const honeypot = document.querySelector('input[name="website2"]') as HTMLInputElement;
    expect(honeypot.tabIndex).toBe(-1);
    expect(honeypot.closest('[aria-hidden="true"]')).toBeTruthy();

    type('Commentaire', 'Humain');
    submit();
    await screen.findByTestId('comment');
    expect(posts(requests)[0]?.body).not.toHaveProperty('website2');

    honeypot.value = 'http://spam.example';
    type('Commentaire', 'Robot');
    submit();
    await vi.waitFor(() => expect(posts(requests)).toHaveLength(2));
    expect(posts(requests)[1]?.body).toMatchObject({ website2: 'http://spam.example' });
  });
});

describe('when posting fails', () => {
  it('keeps the draft and shows the translated field error of a 422', async () => {
    fakeFetch(
      server(page([]), () =>
        problem({
          status: 422,
          code: 'validation_failed',
          title: 'Validation failed',
          detail: 'author.email must be an email address',
          errors: [{ field: 'author.email', message: 'must be an email address' }],
        }),
      ),
    );
    await openThread();
    type('Commentaire', 'Mon texte précieux');
    type('E-mail (facultatif)', 'pas-une-adresse');
    submit();

    expect(await screen.findByText('Cette adresse e-mail n’est pas valide.')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toBe('Vérifiez les champs signalés.');
    const email = screen.getByLabelText('E-mail (facultatif)');
    expect(email.getAttribute('aria-invalid')).toBe('true');
    expect(email.getAttribute('aria-describedby')).toContain('-error');
    expect((screen.getByLabelText('Commentaire') as HTMLTextAreaElement).value).toBe('Mon texte précieux');
    expect(screen.queryByTestId('comment')).toBeNull();
    expect(screen.queryByText(/must be an email/)).toBeNull();
  });

  it('maps each error code to a message, never the server’s text', async () => {
    fakeFetch(
      server(page([]), () =>
        problem({ status: 429, code: 'rate_limited', title: 'Too Many Requests', detail: 'slow down' }),
      ),
    );
    await openThread();
    type('Commentaire', 'Encore');
    submit();
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Trop de commentaires d’un coup\u00a0: patientez une minute puis réessayez.',
    );
  });

  it('says the server could not be reached on a network failure', async () => {
    fakeFetch((request) => {
      if (request.method === 'POST') throw new TypeError('Failed to fetch');
      return json(page([]));
    });
    await openThread();
    type('Commentaire', 'Hors ligne');
    submit();
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Impossible de joindre le serveur\u00a0: vérifiez votre connexion puis réessayez.',
    );
    expect((screen.getByLabelText('Commentaire') as HTMLTextAreaElement).value).toBe('Hors ligne');
  });

  it('retries with the same clientId, and uses a new one for the next comment', async () => {
    let fail = true;
    const requests = fakeFetch(
      server(page([]), (request) => {
        if (fail) throw new TypeError('Failed to fetch');
        return echoPost()(request);
      }),
    );
    await openThread();
    type('Commentaire', 'Premier essai');
    submit();
    await screen.findByRole('alert');
    fail = false;
    submit();
    await screen.findByTestId('comment');
    type('Commentaire', 'Un autre');
    submit();
    await vi.waitFor(() => expect(screen.getAllByTestId('comment')).toHaveLength(2));

    const ids = sent(requests).map((body) => body.clientId);
    expect(ids).toHaveLength(3);
    expect(ids[1]).toBe(ids[0]);
    expect(ids[2]).not.toBe(ids[0]);
  });
});

describe('drafts', () => {
  it('restores the draft after a reload, with its clientId', async () => {
    const requests = fakeFetch(server(page([]), echoPost()));
    await openThread();
    type('Commentaire', 'Écrit avant de recharger');
    cleanup(); // the reader reloads the page

    await openThread();
    expect((screen.getByLabelText('Commentaire') as HTMLTextAreaElement).value).toBe(
      'Écrit avant de recharger',
    );
    submit();
    await screen.findByTestId('comment');
    const stored = Object.keys(localStorage).filter((key) => key.startsWith('causerie:draft:'));
    expect(stored).toEqual([]);
    expect(sent(requests)[0]?.body).toBe('Écrit avant de recharger');
  });

  it('keeps one draft per comment replied to', async () => {
    fakeFetch(server(page([comment({ id: 'p' })])));
    render(<App _options={options()} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Répondre' }));
    const replyForm = screen.getByRole('form', { name: 'Répondre à Alice' });
    type('Commentaire', 'Ma réponse', replyForm);
    const rootForm = screen.getByRole('form', { name: 'Laisser un commentaire' });
    expect((within(rootForm).getByLabelText('Commentaire') as HTMLTextAreaElement).value).toBe('');

    cleanup();
    render(<App _options={options()} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Répondre' }));
    const reopened = screen.getByRole('form', { name: 'Répondre à Alice' });
    expect((within(reopened).getByLabelText('Commentaire') as HTMLTextAreaElement).value).toBe('Ma réponse');
  });
});

describe('the inline reply form', () => {
  it('opens under the comment with focus in the text, and Cancel returns focus to Répondre', async () => {
    fakeFetch(server(page([comment({ id: 'p' })])));
    render(<App _options={options()} />);
    const reply = await screen.findByRole('button', { name: 'Répondre' });
    expect(reply.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(reply);
    const form = screen.getByRole('form', { name: 'Répondre à Alice' });
    expect(reply.getAttribute('aria-expanded')).toBe('true');
    expect(document.activeElement).toBe(within(form).getByLabelText('Commentaire'));

    fireEvent.click(within(form).getByRole('button', { name: 'Annuler' }));
    expect(screen.queryByRole('form', { name: 'Répondre à Alice' })).toBeNull();
    expect(document.activeElement).toBe(reply);
  });
});
