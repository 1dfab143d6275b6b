/**
 * HTML first (issue 15): when the thread nears the viewport, the boot asks for the thread as server HTML
 * (GET /threads/html, the widget's own components rendered by the worker) and puts it in the container,
 * so the thread is on screen one round trip after the boot, before (and often without) the app. The app,
 * when it comes, adopts these nodes (mount.tsx) instead of asking for the page again.
 */
import type { WidgetOptions } from '../options.ts';
import { isLiked } from '../storage.ts';
import { initialSort } from '../thread-url.ts';
import { adoptTemplate } from './shadow.ts';

/**
 * Whether the container holds the thread as server HTML (a declarative shadow root, or its `<template
 * shadowrootmode>` still unparsed, beside the page's JSON): the JSON island `script[data-causerie-page]`
 * is its mark, and holds the page the app adopts.
 */
export const serverRendered = (element: Element): boolean =>
  !!element.querySelector('script[data-causerie-page]');

/**
 * The same thread the app's first request would ask for (thread-url.ts: the reader's remembered sort),
 * in the widget's language and theme. Rejects on anything but a page.
 */
export const fetchThreadHtml = ({ origin, url, id, lang, theme, sort }: WidgetOptions): Promise<string> =>
  fetch(
    // Through JSON, which drops an absent `id`: shorter in embed.js than thread-url.ts's `search` (and the
    // boot has no bookmark to send: it asks before the app has written anything).
    `${origin}/api/v1/threads/html?${new URLSearchParams(JSON.parse(JSON.stringify({ url, id, sort: initialSort(sort), lang, theme })))}`,
  ).then((response) => (response.ok ? response.text() : Promise.reject()));

/**
 * Puts the fragment in the container, when there is one (`html`): the light DOM takes it (its JSON island,
 * the JSON-LD, the feed link), the template's content goes into the shadow root the boot reserved. Throws
 * when what came is not a thread (a proxy's page answered 200): nothing of it shows, the shadow root has no
 * slot for it. Then, fragment or server-rendered container, shows the reader's own likes (`showLiked`).
 */
export const showThreadHtml = (element: Element, html?: string | false): void => {
  if (html) element.innerHTML = html;
  showLiked(element, adoptTemplate(element));
  if (!serverRendered(element)) throw new Error('not a thread');
};

/**
 * The server does not know what this reader liked (localStorage does: storage.ts), so its HTML shows every
 * heart empty. Marked here, before the app: the reader sees their likes at once, and the app hydrates
 * nodes that already say what its state says (hydration adds behaviour, it does not correct attributes).
 * The heart is the button's first child (components/like-button.tsx); a button outside any comment is the
 * page's, keyed by the thread's key.
 */
const showLiked = (element: Element, root: ShadowRoot): void => {
  const island = element.querySelector<HTMLScriptElement>('script[data-causerie-page]');
  let page: string | undefined;
  for (const button of root.querySelectorAll('button.like')) {
    const id = button.closest<HTMLElement>('[data-comment-id]')?.dataset.commentId;
    page ??= `page:${JSON.parse(island?.text ?? '{}').thread?.key}`;
    if (isLiked(id ?? page)) {
      button.setAttribute('aria-pressed', 'true');
      (button.firstChild as Element).textContent = '♥';
    }
  }
};
