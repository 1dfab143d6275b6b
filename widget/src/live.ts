/**
 * The entry of causerie-live.<lang>.js: live threads (issue 17), loaded by the app (lazy.tsx, `loadLive`)
 * only where `GET /config` says `live: true`, once a thread has loaded. It borrows the app's parts registry
 * as the extras do (vite.config.ts) and draws with the DOM alone, outside the app's Preact tree.
 */
import { _register } from './lazy.tsx';
import { follow } from './live/follow.ts';

const live = { _follow: follow };
export type LivePart = typeof live;

_register('live', live);
