/**
 * One round trip after boot (issue 15, item 4): when the thread nears the viewport, the boot asks for its
 * first page at the same moment as for the app, instead of the app asking once it has arrived (two round
 * trips in series). The request is the app's own (thread-url.ts builds both), handed over as
 * `WidgetOptions._first`.
 */
import type { ThreadPage } from '../../../worker/types/api.ts';
import type { WidgetOptions } from '../options.ts';
import { initialSort, threadUrl } from '../thread-url.ts';

/**
 * Whether the container already holds the thread as server HTML (GET /threads/html: a declarative shadow
 * root, or its `<template shadowrootmode>` still unparsed, beside the page's JSON): the JSON island
 * `script[data-causerie-page]` is its mark, and holds the page the app adopts, so there is nothing to fetch.
 */
export const serverRendered = (element: Element): boolean =>
  !!element.querySelector('script[data-causerie-page]');

/**
 * The first page as the app's first load would ask for it: same URL (the reader's remembered sort, no
 * bookmark: the app has written nothing yet), no header. Rejects on anything but a page, and the app then
 * asks itself (with its own retry UI).
 */
export const prefetch = ({ origin, url, id, sort }: WidgetOptions): Promise<ThreadPage> => {
  const first = fetch(threadUrl(origin, { url, id, sort: initialSort(sort) })).then((response) =>
    response.ok ? response.json() : Promise.reject(),
  );
  first.catch(() => {}); // handled by the app; not an unhandled rejection if the app never comes
  return first;
};
