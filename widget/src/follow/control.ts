/**
 * The "Follow this thread" control and the feed link, drawn by the follow part under the thread's form
 * (plain DOM: no Preact here, so the part borrows nothing but the registry). A signed-in reader whose
 * account has a verified address follows with one click (and can stop); anyone else gives an address, then
 * is told to check their inbox (the double opt-in), or that they follow at once when it was confirmed
 * before. Results are spoken by a polite live region.
 */
import { fill } from '../i18n/plural.ts';
import { loadSession } from '../storage.ts';
import { type FollowPage, followOffered, followThread, unfollowThread } from './api.ts';
import { addFeedHint, feedUrl } from './feed-link.ts';
import { followMessages } from './i18n/index.ts';

export interface FollowOptions extends FollowPage {
  origin: string;
  lang: string;
  title?: string;
}

type Child = Node | string;

const el = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] => {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
};

/** The follow control of one thread, drawn into `box`; `say` fills the live region. */
const control = (box: HTMLElement, options: FollowOptions, say: (text: string, error?: boolean) => void) => {
  const m = followMessages(options.lang);
  const { origin } = options;
  const target: FollowPage = options.id ? { url: options.url, id: options.id } : { url: options.url };
  const show = (...children: Child[]) => box.replaceChildren(...children);

  const followButton = (): HTMLButtonElement =>
    el('button', { type: 'button', textContent: m._follow, onclick: () => start() });

  const done = (token: string | undefined) => {
    say(m._following);
    // Only an account can stop from here: a guest's way out is the link in every e-mail.
    show(
      ...(token
        ? [
            el('button', {
              type: 'button',
              className: 'link',
              textContent: m._unfollow,
              onclick: () => stop(token),
            }),
          ]
        : []),
    );
  };

  const send = async (email: string | undefined, busy: HTMLButtonElement) => {
    const token = loadSession(origin)?.token;
    busy.disabled = true;
    const result = await followThread(origin, target, email, token);
    busy.disabled = false;
    if (result.ok) {
      if (result.value.state === 'following') return done(email ? undefined : token);
      say(m._confirm);
      return show();
    }
    // A signed-in account without a verified address: it needs one typed, as a guest.
    if (!email && result.error.code === 'validation_failed') return askAddress();
    say(m._failed, true);
  };

  const askAddress = () => {
    const input = el('input', { type: 'email', name: 'email', required: true, autocomplete: 'email' });
    const submit = el('button', { type: 'submit', textContent: m._follow });
    const form = el(
      'form',
      {
        onsubmit: (event: Event) => {
          event.preventDefault();
          if (input.value.trim()) void send(input.value.trim(), submit);
        },
      },
      el('label', { className: 'field' }, m._email, input),
      submit,
    );
    show(form);
    input.focus();
  };

  const start = () => {
    const session = loadSession(origin);
    if (session?.user.email) {
      const busy = box.querySelector('button') ?? followButton();
      return void send(undefined, busy);
    }
    askAddress();
  };

  const stop = async (token: string) => {
    const result = await unfollowThread(origin, target, token);
    if (!result.ok) return say(m._failed, true);
    say(m._stopped);
    show(followButton());
  };

  show(followButton());
};

/**
 * Adds the feed link (and the head's feed hint) under the thread, then the follow control where the
 * deployment sends e-mail. Once per thread element: a second call does nothing.
 * @example attachFollow(section, { origin, url, lang: 'fr' })
 */
export const attachFollow = async (section: Element | null, options: FollowOptions): Promise<void> => {
  if (!section || section.querySelector('.follow')) return;
  const m = followMessages(options.lang);
  const href = feedUrl(options.origin, options);
  const doc = section.ownerDocument;
  addFeedHint(doc, href, fill(m._feedTitle, { title: options.title || doc.title }));
  const status = el('p', { className: 'muted' });
  status.setAttribute('aria-live', 'polite');
  const controls = el('div');
  const feed = el('a', { href, type: 'application/atom+xml', textContent: m._feed });
  section.append(el('div', { className: 'follow' }, controls, status, el('p', {}, feed)));
  if (!(await followOffered(options.origin))) return;
  control(controls, options, (text, error) => {
    status.textContent = text;
    status.className = error ? 'error' : 'muted';
  });
};
