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
 * in the widget's language and theme. Rejects on anything but a page; resolves with the response as it
 * begins, whose body the view part reads as it streams in (`showThreadHtml`).
 */
export const fetchThreadHtml = ({ origin, url, id, lang, theme, sort }: WidgetOptions): Promise<Response> =>
  fetch(
    // Through JSON, which drops an absent `id`: shorter in embed.js than thread-url.ts's `search` (and the
    // boot has no bookmark to send: it asks before the app has written anything).
    `${origin}/api/v1/threads/html?${new URLSearchParams(JSON.parse(JSON.stringify({ url, id, sort: initialSort(sort), lang, theme })))}`,
  ).then((response) => (response.ok ? response : Promise.reject()));

/**
 * Puts the fragment in the container, when there is one (`response`), as it streams in: the thread's view
 * goes into the shadow root the boot reserved as soon as its first bytes are parsed, and the light DOM
 * takes the rest (its JSON island, the JSON-LD, the feed link) once all is in. Rejects when what came is
 * not a thread (a proxy's page answered 200) or stopped halfway: the shadow root is emptied, and the app
 * renders from the API. Then, fragment or server-rendered container, shows the reader's own likes
 * (`showLiked`).
 */
export const showThreadHtml = async (element: Element, response?: Response | false): Promise<void> => {
  const root = adoptTemplate(element);
  try {
    if (response) await streamInto(element, root, response);
    showLiked(element, root);
    if (!serverRendered(element)) throw new Error('not a thread');
  } catch (error) {
    if (response) root.replaceChildren();
    throw error;
  }
};

/** How much of the page is parsed at a time until its first comment is painted (4 KB of text). */
const SLICE = 4096;

/**
 * The first comments show one round trip after the request, not once the whole page is in: on the slow
 * phone of `npm run bench`, a 200-comment page is 26 KB of gzip, of which the JSON island and the JSON-LD
 * that end it are 14 KB. A document of the view's own parses the bytes as they come (document.write keeps
 * its parser open across writes, a tag cut between two reads included); once the view's element has been
 * parsed, what the template holds so far moves into the shadow root, and the parser goes on filling the
 * moved element where it now is (the parser holds its open elements, wherever they are). That document has
 * no browsing context, so scripts are off in it: `<noscript>`'s styles would be parsed as styles, and go.
 */
const streamInto = async (element: Element, root: ShadowRoot, response: Response): Promise<void> => {
  const doc = document.implementation.createHTMLDocument('');
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const text = new TextDecoder();
  let template: HTMLTemplateElement | null = null;
  const moveIn = () => {
    if (template) {
      template.content.querySelector('noscript')?.remove();
      root.append(template.content);
    }
  };
  // In the body, where the template and the scripts stay in the order they came (not in the head).
  doc.write('<body>');
  let painted = false;
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    // In slices until the first comment is painted: a read can bring tens of kilobytes at once (all that
    // came while this part was on its way), and parsing them all before a frame is a long task.
    for (let rest = text.decode(read.value, { stream: true }); rest; ) {
      const part = painted ? rest : rest.slice(0, SLICE);
      rest = rest.slice(part.length);
      doc.write(part);
      template ??= doc.querySelector('template');
      if (template?.content.querySelector('[data-causerie-ssr]')) moveIn();
      if (!painted && root.querySelector('[data-comment-id]')) {
        painted = true;
        await new Promise((done) => requestAnimationFrame(() => setTimeout(done)));
      }
    }
  }
  doc.close();
  template ??= doc.querySelector('template');
  moveIn();
  element.replaceChildren(...doc.body.childNodes);
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
