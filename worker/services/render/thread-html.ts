/**
 * The HTML of a thread's first page (GET /threads/html, issue 15), to put inside the embed's container:
 *
 * - `<template shadowrootmode="open">`: a declarative shadow root, attached by the HTML parser, so the
 *   thread shows styled before any script runs. It holds the widget's stylesheet, the room of the form
 *   that comes with the script, the thread rendered by the widget's own components (widget/src/ssr/), and
 *   a `<slot>` that shows the light DOM below (the feed link) until the script takes over.
 *   https://html.spec.whatwg.org/multipage/scripting.html#attr-template-shadowrootmode
 * - `<script type="application/ld+json">`: the schema.org description (lib/thread-json-ld.ts).
 * - `<script type="application/json" data-causerie-page>`: the exact page of GET /threads, which the widget
 *   adopts instead of downloading it again (widget/src/mount.tsx).
 * - a link to the thread's Atom feed, for readers without JavaScript.
 *
 * Safe by construction: every comment's HTML is the stored output of the API's Markdown renderer (the same
 * that GET /threads sends), every other text goes through Preact's escaping, and the JSON blocks cannot
 * close their element (`scriptJson`).
 */
import { widgetSsr } from '#widget-ssr';
import { escapeXml } from '../../lib/atom.ts';
import { feedLinkLabels } from '../../lib/thread-html-i18n.ts';
import { scriptJson, threadJsonLd } from '../../lib/thread-json-ld.ts';
import type { SortOrder, ThreadPage } from '../../types/api.ts';
import type { ThreadTheme } from '../../types/ssr.ts';

export interface ThreadHtmlInput {
  page: ThreadPage;
  sort: SortOrder;
  /** Asked for (`lang=`), else the site's default (DEFAULT_LANG); the widget's nearest language is used. */
  lang: readonly (string | undefined)[];
  theme: ThreadTheme;
  /** The worker's origin: the widget's API, the feed's. */
  origin: string;
  /** The feed's query: the thread's normalized URL and id, as GET /feed takes them. */
  feed: { url: string | null; id?: string };
}

/**
 * The form's room until the script brings it (no layout shift when it does: web.dev/articles/cls), the
 * height of the form's top that the app shows before the reader turns to it (heading, Write/Preview, the
 * text and its hint: the guest fields come later, below what the reader types, issue 15's diet) and the
 * feed link's line under it (causerie-follow.<lang>.js, issue 17): 20.56em at every width (measured in
 * Chromium at 1024 and 390 px with the French form, test/e2e/server-html.test.ts). Where the site sends
 * e-mail the "Follow this thread" button shares that line. Held
 * while the thread has no form (`:has`), so it goes by itself when the form comes, as does the slot of the
 * feed link: the widget removes nothing (a locked thread, which never gets one, shows its notice instead).
 * `<noscript>`: where scripts are off the room would stay empty, and the controls that need the script
 * (likes, reply, sort, load more) would do nothing, so none is shown.
 */
const ROOM =
  '<style>.causerie:not(:has(>form,>p.muted)){padding-block-end:var(--causerie-form-room,20.56em)}.causerie:has(>form)~slot{display:none}</style>' +
  '<noscript><style>.causerie:not(#_){padding-block-end:0}.causerie button,.causerie .sort{display:none}</style></noscript>';

/** The fragment, and the language it was rendered in. */
export const renderThreadHtml = (input: ThreadHtmlInput): { html: string; lang: string } => {
  const { page, sort, theme, origin } = input;
  const lang = widgetSsr.pickLang(input.lang);
  const feed = new URL('/api/v1/feed', origin);
  if (input.feed.url !== null) feed.searchParams.set('url', input.feed.url);
  if (input.feed.id !== undefined) feed.searchParams.set('id', input.feed.id);
  const markup = widgetSsr.renderThreadMarkup({ page, sort, lang, theme, origin });
  const html =
    // One view, which the widget hydrates: the thread first (Preact adopts it in place; behind a style it
    // would be moved, every comment leaving the tree for a moment), then what only the server has.
    `<template shadowrootmode="open"><div data-causerie-ssr="">${markup}<style>${widgetSsr.widgetCss}</style>${ROOM}<slot></slot></div></template>` +
    `<script type="application/ld+json">${scriptJson(threadJsonLd(page))}</script>` +
    `<script type="application/json" data-causerie-page data-sort="${sort}">${scriptJson(page)}</script>` +
    `<p><a href="${escapeXml(feed.href)}" rel="alternate" type="application/atom+xml" lang="${lang}">${escapeXml(feedLinkLabels[lang] ?? feedLinkLabels.en ?? '')}</a></p>`;
  return { html, lang };
};
