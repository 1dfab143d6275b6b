/**
 * A page's `data-mastodon` (issue 18): tells the server which toot announced the page, which also asks
 * it to fetch the toot's replies. The server takes it only for the owner's own toots and spaces fetches
 * 5 minutes apart per thread (docs/api.md "Mastodon"); the widget sends it at most once per 5 minutes per
 * thread from one browser, or at once when the attribute changed. Fire and forget: nothing is shown, and
 * a failure changes nothing for the reader. Part of causerie-extras (loaded only on such pages).
 */
import { send } from './http.ts';
import type { WidgetOptions } from './options.ts';
import { loadMastodonSent, saveMastodonSent } from './storage.ts';

/** The server's spacing of one thread's fetches (worker/services/mastodon/run.ts). */
const SPACING_MS = 5 * 60_000;

export const _linkMastodon = (options: WidgetOptions, now = Date.now()): void => {
  const toot = options.mastodon;
  if (!toot) return;
  const thread = options.id ?? options.url;
  const sent = loadMastodonSent();
  // Only the last one is kept: it is what a reload of the same page would send again.
  if (sent?.thread === thread && sent.toot === toot && now - sent.at < SPACING_MS) return;
  saveMastodonSent({ thread, toot, at: now });
  const body = { url: options.url, id: options.id, title: options.title.slice(0, 300), toot };
  fetch(`${options.origin}/api/v1/threads/mastodon`, send('POST', body)).catch(() => undefined);
};
