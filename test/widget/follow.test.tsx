/**
 * Issue 17, items 2–3 in the widget: the follow part (causerie-follow.<lang>.js) draws the thread's feed
 * link, puts the feed hint in the page's head once, and offers "Follow this thread" where the deployment
 * sends e-mail: one click for a signed-in reader with a verified address, an address field then "check
 * your inbox" for a guest.
 */
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../widget/src/components/app.tsx';
import { attachFollow, type FollowOptions } from '../../widget/src/follow/control.ts';
import { followMessages as en } from '../../widget/src/follow/i18n/en.ts';
import { followMessages } from '../../widget/src/follow/i18n/index.ts';
import { langs } from '../../widget/src/i18n/langs.ts';
import { saveSession } from '../../widget/src/storage.ts';
// Registers the part as if causerie-follow.<lang>.js had loaded (the build's e2e tests load the file).
import '../../widget/src/follow.ts';
import {
  fakeFetch,
  type Handler,
  json,
  options,
  origin,
  page,
  problem,
  type Recorded,
  server,
} from './helpers.ts';

const thread = { origin, url: 'https://blog.example/post', lang: 'en', title: 'A post' };

/** GET /config with `follow`, POST|DELETE /threads/follow answered by `answer`. */
const deployment =
  (follow: boolean, answer: Handler = () => json({ state: 'following' })): Handler =>
  (request) => {
    if (request.url.pathname === '/api/v1/config') return json({ version: 1, follow });
    if (request.url.pathname === '/api/v1/threads/follow') return answer(request);
    return problem({ status: 404, code: 'not_found', title: 'Not found' });
  };

/** A thread element, as the app hands it over, with the part attached. */
const attach = async (follow: boolean, answer?: Handler, extra: Partial<FollowOptions> = {}) => {
  const requests = fakeFetch(deployment(follow, answer));
  const section = document.createElement('section');
  document.body.append(section);
  await attachFollow(section, { ...thread, ...extra });
  return { requests, section, box: within(section) };
};

const feedHints = () => [
  ...document.head.querySelectorAll('link[rel="alternate"][type="application/atom+xml"]'),
];

beforeEach(() => {
  localStorage.clear();
  for (const link of document.head.querySelectorAll('link[rel="alternate"]')) link.remove();
});
afterEach(() => {
  cleanup();
  document.body.replaceChildren();
  vi.unstubAllGlobals();
});

describe('the feed link and the head hint', () => {
  it('links the thread’s Atom feed, and adds one <link rel=alternate> to the head however often it runs', async () => {
    const { box, section } = await attach(false, undefined, { id: 'post-7' });
    const link = box.getByRole('link', { name: en._feed });
    const href = new URL(link.getAttribute('href') ?? '');
    expect(href.origin + href.pathname).toBe(`${origin}/api/v1/feed`);
    expect(Object.fromEntries(href.searchParams)).toEqual({ url: thread.url, id: 'post-7' });
    expect(link.getAttribute('type')).toBe('application/atom+xml');
    const [hint, ...more] = feedHints();
    expect(more).toEqual([]);
    expect(hint?.getAttribute('href')).toBe(link.getAttribute('href'));
    expect(hint?.getAttribute('title')).toBe('Comments: A post');
    // Again on the same element, and on another element of the same thread: still one of each.
    await attachFollow(section, { ...thread, id: 'post-7' });
    await attach(false, undefined, { id: 'post-7' });
    expect(section.querySelectorAll('.follow')).toHaveLength(1);
    expect(feedHints()).toHaveLength(1);
  });

  it('offers no follow control where the deployment sends no e-mail', async () => {
    const { box, requests } = await attach(false);
    expect(box.getByRole('link', { name: en._feed })).toBeTruthy();
    expect(requests.map((r) => r.url.pathname)).toEqual(['/api/v1/config']);
    expect(box.queryByRole('button', { name: en._follow })).toBeNull();
  });
});

describe('following as a guest', () => {
  it('asks for an address, posts it, then says to check the inbox', async () => {
    const { box, requests } = await attach(true, () => json({ state: 'confirm' }, 202));
    fireEvent.click(box.getByRole('button', { name: en._follow }));
    const field = box.getByLabelText(en._email) as HTMLInputElement;
    expect(document.activeElement).toBe(field);
    fireEvent.input(field, { target: { value: ' zoe@example.com ' } });
    fireEvent.submit(field.form as HTMLFormElement);
    expect(await box.findByText(en._confirm)).toBeTruthy();
    const post = requests.find((r) => r.method === 'POST') as Recorded;
    expect(post.url.pathname).toBe('/api/v1/threads/follow');
    expect(post.body).toEqual({ url: thread.url, email: 'zoe@example.com' });
    expect(post.headers.get('Authorization')).toBeNull();
    expect(box.queryByLabelText(en._email)).toBeNull();
  });

  it('says it follows at once when the address was confirmed before (200), with no way to stop here', async () => {
    const { box } = await attach(true, () => json({ state: 'following' }));
    fireEvent.click(box.getByRole('button', { name: en._follow }));
    const field = box.getByLabelText(en._email) as HTMLInputElement;
    fireEvent.input(field, { target: { value: 'known@example.com' } });
    fireEvent.submit(field.form as HTMLFormElement);
    expect(await box.findByText(en._following)).toBeTruthy();
    expect(box.queryByRole('button', { name: en._unfollow })).toBeNull();
  });

  it('says that it failed, in the error style, when the server cannot follow', async () => {
    const { box } = await attach(true, () =>
      problem({ status: 503, code: 'storage_unavailable', title: 'x' }),
    );
    fireEvent.click(box.getByRole('button', { name: en._follow }));
    const field = box.getByLabelText(en._email) as HTMLInputElement;
    fireEvent.input(field, { target: { value: 'zoe@example.com' } });
    fireEvent.submit(field.form as HTMLFormElement);
    const said = await box.findByText(en._failed);
    expect(said.className).toBe('error');
    expect(said.getAttribute('aria-live')).toBe('polite');
  });
});

describe('following when signed in', () => {
  const signIn = (email: string | null) =>
    saveSession(origin, {
      token: 'ses_test-token',
      user: { id: 'u1', name: 'Camille', email, provider: 'github' },
    });

  it('follows with one click (the session, no address), then stops with another', async () => {
    signIn('camille@example.com');
    const { box, requests } = await attach(true, (request) =>
      request.method === 'DELETE' ? new Response(null, { status: 204 }) : json({ state: 'following' }),
    );
    fireEvent.click(box.getByRole('button', { name: en._follow }));
    expect(await box.findByText(en._following)).toBeTruthy();
    const post = requests.find((r) => r.method === 'POST') as Recorded;
    expect(post.body).toEqual({ url: thread.url });
    expect(post.headers.get('Authorization')).toBe('Bearer ses_test-token');
    expect(box.queryByLabelText(en._email)).toBeNull();

    fireEvent.click(box.getByRole('button', { name: en._unfollow }));
    expect(await box.findByText(en._stopped)).toBeTruthy();
    const stop = requests.find((r) => r.method === 'DELETE') as Recorded;
    expect(stop.headers.get('Authorization')).toBe('Bearer ses_test-token');
    expect(box.getByRole('button', { name: en._follow })).toBeTruthy();
  });

  it('asks for an address when the account has no verified one', async () => {
    signIn(null);
    const { box } = await attach(true);
    fireEvent.click(box.getByRole('button', { name: en._follow }));
    expect(box.getByLabelText(en._email)).toBeTruthy();
  });
});

describe('in the app', () => {
  it('draws the feed link under the form once the thread has shown, in the thread’s language', async () => {
    const base = server(page([]));
    fakeFetch((request) =>
      request.url.pathname === '/api/v1/config' ? json({ version: 1, follow: true }) : base(request),
    );
    render(<App _options={options({ lang: 'fr' })} />);
    await screen.findByText('Pas encore de commentaire');
    const fr = followMessages('fr');
    const link = await screen.findByRole('link', { name: fr._feed });
    expect(link.getAttribute('href')).toContain('/api/v1/feed?url=');
    await waitFor(() => expect(screen.getByRole('button', { name: fr._follow })).toBeTruthy());
    // Under the form: the form comes before it in the thread.
    const form = screen.getByRole('heading', { name: 'Laisser un commentaire' });
    expect(form.compareDocumentPosition(link) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });
});

describe('the follow part’s catalog', () => {
  it('has every string in all 12 languages, each one translated', () => {
    expect(langs).toHaveLength(12);
    for (const lang of langs) {
      const m = followMessages(lang);
      expect(Object.keys(m).sort(), lang).toEqual(Object.keys(en).sort());
      for (const [key, value] of Object.entries(m)) {
        expect(value.trim(), `${lang} ${key}`).not.toBe('');
        if (lang !== 'en') expect(value, `${lang} ${key}`).not.toBe(en[key as keyof typeof en]);
      }
      expect(m._feedTitle, lang).toContain('{title}');
    }
  });
});
