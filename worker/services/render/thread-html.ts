/**
 * The HTML of a thread's first page (GET /threads/html, issue 15), to put inside the embed's container:
 *
 * - `<template shadowrootmode="open">`: a declarative shadow root, attached by the HTML parser, so the
 *   thread shows styled before any script runs. It holds the widget's stylesheet, the thread and the top
 *   of its form rendered by the widget's own components (widget/src/ssr/), and a `<slot>` that shows the
 *   light DOM below (the feed link) until the widget's own feed line takes its place.
 *   https://html.spec.whatwg.org/multipage/scripting.html#attr-template-shadowrootmode
 * - `<script type="application/ld+json">`: the schema.org description (lib/thread-json-ld.ts).
 * - `<script type="application/json" data-causerie-page>`: the exact page of GET /threads, which the widget
 *   adopts instead of downloading it again (widget/src/mount.tsx); `data-live` where live updates are on.
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
  /**
   * The deployment's `live` setting (as GET /config says it): marks the JSON island `data-live`, so the
   * boot follows the thread before the app (widget/src/boot/watch.ts).
   */
  live?: boolean;
  /** The feed's query: the thread's normalized URL and id, as GET /feed takes them. */
  feed: { url: string | null; id?: string };
}

/**
 * What the shadow root holds besides the thread. The form's top is rendered with the thread (issue 15), so
 * no room waits for it. The slot shows the light DOM's feed link, for readers without JavaScript and for
 * those whose app has not come yet (it comes on intent: widget/src/boot/intent.ts), in a box of the height
 * of the line that replaces it, the follow part's feed link (causerie-follow.<lang>.js, issue 17; where the
 * site sends e-mail the "Follow this thread" button shares that line): the swap moves nothing
 * (web.dev/articles/cls; measured in Chromium, test/e2e/server-html.test.ts). `<noscript>`: where scripts
 * are off, the controls that need the script (the form, likes, reply, sort, load more) would do nothing,
 * so none is shown, and the feed link takes its own height.
 * `content-visibility: auto` past the fifth root thread: the browser lays out and paints only the
 * comments near the viewport, so a 200-comment page shows its first screen sooner (measured on the slow
 * phone: 0.8–1.6 s from the HTML's arrival to the first comment without it, 0.2–0.65 s with it); the first
 * five stay as they are, so the first screen never changes size as it is parsed (on every root thread
 * it cost a 41 px shift, CLS 0.013, in the server-rendered container).
 * https://developer.mozilla.org/docs/Web/CSS/content-visibility
 */
const ROOM =
  '<style>slot{display:block;block-size:var(--causerie-feed-room,1.6em);overflow:hidden}[data-causerie-ssr]:has(.follow)~slot{display:none}.comments>li:nth-child(n+6){content-visibility:auto;contain-intrinsic-size:auto 9em}</style>' +
  '<noscript><style>.causerie>form,.causerie button,.causerie .sort{display:none}slot{block-size:auto}</style></noscript>';

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
    // The styles come first: the parser shows the thread as it streams in, and a stylesheet after it would
    // restyle (and move) what is already on screen (measured: CLS 0.089 on the slow phone, bench
    // `slow-phone`). They and the slot stay outside the view, which Preact adopts node for node (and
    // whose children it does not render, it removes).
    `<template shadowrootmode="open"><style>${widgetSsr.widgetCss}</style>${ROOM}<div data-causerie-ssr="">${markup}</div><slot></slot></template>` +
    `<script type="application/ld+json">${scriptJson(threadJsonLd(page))}</script>` +
    `<script type="application/json" data-causerie-page data-sort="${sort}"${input.live ? ' data-live' : ''}>${scriptJson(page)}</script>` +
    `<p><a href="${escapeXml(feed.href)}" rel="alternate" type="application/atom+xml" lang="${lang}">${escapeXml(feedLinkLabels[lang] ?? feedLinkLabels.en ?? '')}</a></p>`;
  return { html, lang };
};
