/**
 * The page of a thread that does not exist yet has no URL of its own: whatever `url` a request gave is
 * only that request's word (issue 11, item 10: `GET /threads?id=NEW&url=https://evil.example/` used to
 * cache the attacker's URL as the thread's for every reader). Such a page is cached without a URL and
 * each reader gets back the URL they asked with; a stored thread always has its own URL.
 */
import type { ThreadPage } from '../types/api.ts';

const withUrl = (page: ThreadPage, url: string): ThreadPage => ({ ...page, thread: { ...page.thread, url } });

/** What the KV cache may keep: the page as is when the thread exists, else without the requester's URL. */
export const cacheablePage = (page: ThreadPage, threadExists: boolean): ThreadPage =>
  threadExists ? page : withUrl(page, '');

/** A cached page for this request: an unclaimed page (empty URL) gets the URL this request gave. */
export const pageForRequest = (page: ThreadPage, url: string | null): ThreadPage =>
  page.thread.url === '' ? withUrl(page, url ?? '') : page;
