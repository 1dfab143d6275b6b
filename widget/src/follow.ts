/**
 * The entry of causerie-follow.<lang>.js (issue 17, items 2–3): the thread's feed link, the feed hint in
 * the page's head, and "Follow this thread". The app loads it once a thread has shown (lazy.tsx,
 * `loadFollow`) and hands it the thread's element; it borrows only the parts' registry (vite.config.ts),
 * and keeps its strings in its own catalog (follow/i18n/), so the app grows by the call alone.
 */
import { attachFollow } from './follow/control.ts';
import { _register } from './lazy.tsx';

const follow = { _attach: attachFollow };
export type FollowPart = typeof follow;

_register('follow', follow);
