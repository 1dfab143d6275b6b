/**
 * The Turnstile challenge in the comment form (issue 14), in happy-dom: GET /config decides, Cloudflare's
 * script is requested only when it names a challenge, and `window.turnstile` is a fake that behaves as the
 * real explicit-render API does (render into an element → a widget id; the token arrives later through
 * `callback`; `reset` starts a new challenge whose token arrives later again; `remove` clears it).
 */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
// Registers causerie-challenge.js as if it had loaded (window.causerieChallenge); Cloudflare's script is faked.
import { TURNSTILE_SCRIPT, type TurnstileApi } from '../../widget/src/challenge/turnstile.ts';
import { App } from '../../widget/src/components/app.tsx';
import '../../widget/src/extras.ts';
import type { NewComment } from '../../worker/types/api.ts';
import { comment, created, fakeFetch, json, options, page, problem, type Recorded } from './helpers.ts';

interface FakeWidget {
  element: HTMLElement;
  params: Record<string, any>;
  resets: number;
}

/** Turnstile's client API as a fake: `solve(id, token)` is the moment the real one calls `callback`. */
const fakeTurnstile = () => {
  const widgets = new Map<string, FakeWidget>();
  let n = 0;
  const api: TurnstileApi = {
    render(element, params) {
      const id = `cf-chl-widget-${++n}`;
      const frame = document.createElement('div');
      frame.dataset.testid = 'turnstile';
      element.append(frame);
      widgets.set(id, { element, params, resets: 0 });
      return id;
    },
    reset(id) {
      const widget = widgets.get(id);
      if (widget) widget.resets += 1;
    },
    remove(id) {
      widgets.get(id)?.element.replaceChildren();
      widgets.delete(id);
    },
  };
  const solve = (id: string, token: string) => widgets.get(id)?.params.callback(token);
  return { api, widgets, solve };
};

const fake = fakeTurnstile();
let originCounter = 0;
/** A fresh API origin per test: the widget reads GET /config once per origin. */
const freshOrigin = () => `https://comments-${++originCounter}.example`;

const configAnswer = (challenge: unknown) => ({ version: 1, challenge });

const serve =
  (challenge: unknown, answer: (r: Recorded) => Response = (r) => echo(r)) =>
  (request: Recorded): Response => {
    if (request.url.pathname === '/api/v1/config') return json(configAnswer(challenge));
    if (request.url.pathname === '/api/v1/threads') return json(page([]));
    if (request.method === 'POST') return answer(request);
    return problem({ status: 404, code: 'not_found', title: 'Not found' });
  };

const echo = (request: Recorded) => {
  const body = request.body as NewComment;
  return json(created(comment({ id: `new-${body.clientId}`, html: `<p>${body.body}</p>` })), 201);
};

const posts = (requests: Recorded[]) =>
  requests.filter((r) => r.method === 'POST').map((r) => r.body as NewComment);

const open = async (origin: string) => {
  render(<App _options={options({ origin })} />);
  await screen.findByRole('heading', { name: 'Pas encore de commentaire' });
  const textarea = screen.getByLabelText('Commentaire');
  // The reader starts writing: the form's focusin brings the extras, and with them the challenge.
  fireEvent.focusIn(textarea);
  return textarea;
};

const write = (text: string) =>
  fireEvent.input(screen.getByLabelText('Commentaire'), { target: { value: text } });
const submit = () => fireEvent.click(screen.getByRole('button', { name: 'Publier le commentaire' }));

/**
 * Plays the network and Cloudflare's script: a <script> for challenges.cloudflare.com appended to the head
 * is recorded (happy-dom loads no scripts), then defines window.turnstile and fires `load`, as the real one.
 */
const requested: HTMLScriptElement[] = [];
const append = document.head.append.bind(document.head);
const interceptScripts = () =>
  vi.spyOn(document.head, 'append').mockImplementation((...nodes) => {
    for (const node of nodes) {
      if (node instanceof HTMLScriptElement && node.src.startsWith('https://challenges.cloudflare.com/')) {
        requested.push(node);
        setTimeout(() => {
          window.turnstile = fake.api;
          node.onload?.(new Event('load'));
        });
      } else append(node);
    }
  });
const scriptTags = () => requested;

beforeEach(() => {
  localStorage.clear();
  interceptScripts();
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('the Turnstile challenge', () => {
  it('loads Cloudflare’s script and renders into the form when /config names a challenge', async () => {
    fakeFetch(serve({ provider: 'turnstile', siteKey: 'site-key-1' }));
    await open(freshOrigin());
    await vi.waitFor(() => expect(scriptTags()).toHaveLength(1));
    const [tag] = scriptTags();
    expect(tag?.src).toBe(TURNSTILE_SCRIPT);
    expect(tag?.async).toBe(true);
    const form = screen.getByRole('form', { name: 'Laisser un commentaire' });
    await within(form).findByTestId('turnstile');
    const [widget] = [...fake.widgets.values()];
    expect(widget?.params).toMatchObject({
      sitekey: 'site-key-1',
      action: 'comment',
      theme: 'light',
      language: 'fr',
      'response-field': false,
    });
  });

  it('sends the token as challengeToken, and resets the challenge after each post', async () => {
    const requests = fakeFetch(serve({ provider: 'turnstile', siteKey: 'k' }));
    await open(freshOrigin());
    const [id] = await vi.waitFor(() => {
      const ids = [...fake.widgets.keys()];
      expect(ids).toHaveLength(1);
      return ids;
    });
    fake.solve(id as string, 'token-one');
    write('Premier');
    submit();
    await vi.waitFor(() => expect(posts(requests)).toHaveLength(1));
    expect(posts(requests)[0]?.challengeToken).toBe('token-one');
    await vi.waitFor(() => expect(fake.widgets.get(id as string)?.resets).toBe(1));

    // The next token arrives after the reset; a post made before it waits for it.
    write('Second');
    submit();
    fake.solve(id as string, 'token-two');
    await vi.waitFor(() => expect(posts(requests)).toHaveLength(2));
    expect(posts(requests)[1]?.challengeToken).toBe('token-two');
  });

  it('keeps the draft and says why when the server refuses the challenge', async () => {
    fakeFetch(
      serve({ provider: 'turnstile', siteKey: 'k' }, () =>
        problem({ status: 403, code: 'challenge_failed', title: 'Challenge failed' }),
      ),
    );
    const textarea = (await open(freshOrigin())) as HTMLTextAreaElement;
    const id = await vi.waitFor(() => {
      const found = [...fake.widgets.entries()].find(([, w]) =>
        textarea.closest('form')?.contains(w.element),
      );
      expect(found).toBeDefined();
      return found?.[0] as string;
    });
    fake.solve(id, 'bad-token');
    write('Mon brouillon');
    submit();
    await screen.findByText('La vérification anti-robot a échoué : réessayez.');
    expect((screen.getByLabelText('Commentaire') as HTMLTextAreaElement).value).toBe('Mon brouillon');
    expect(fake.widgets.get(id)?.resets).toBe(1);
  });

  it('renders nothing, loads no script and sends no token when the site has no challenge', async () => {
    const requests = fakeFetch(serve(null));
    const before = scriptTags().length;
    await open(freshOrigin());
    await vi.waitFor(() => expect(requests.some((r) => r.url.pathname === '/api/v1/config')).toBe(true));
    write('Sans défi');
    submit();
    await vi.waitFor(() => expect(posts(requests)).toHaveLength(1));
    expect(posts(requests)[0]).not.toHaveProperty('challengeToken');
    expect(scriptTags()).toHaveLength(before);
    expect(screen.queryByTestId('turnstile')).toBeNull();
  });

  it('removes its Turnstile widget when the reply form closes', async () => {
    const parent = comment({ id: 'p1' });
    fakeFetch((request) => {
      if (request.url.pathname === '/api/v1/config')
        return json(configAnswer({ provider: 'turnstile', siteKey: 'k' }));
      if (request.url.pathname === '/api/v1/threads') return json(page([parent]));
      return problem({ status: 404, code: 'not_found', title: 'Not found' });
    });
    render(<App _options={options({ origin: freshOrigin() })} />);
    const item = (await screen.findAllByTestId('comment'))[0] as HTMLElement;
    fireEvent.click(within(item).getByRole('button', { name: 'Répondre' }));
    const reply = within(item).getByRole('form', { name: 'Répondre à Alice' });
    // The reply form takes the focus itself; its challenge renders inside it.
    await within(reply).findByTestId('turnstile');
    const count = fake.widgets.size;
    fireEvent.click(within(reply).getByRole('button', { name: 'Annuler' }));
    await vi.waitFor(() => expect(fake.widgets.size).toBe(count - 1));
  });
});
