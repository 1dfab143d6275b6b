/**
 * Unique ids for label/control pairs. One counter per page: the extras borrow this module from the app
 * (vite.config.ts, `borrowed`), so ids made in either never collide.
 */
import { useState } from 'preact/hooks';

let ids = 0;

/** Preact's useId costs 50 B more, for SSR we do not have. */
export const _useUid = (): string => useState(() => `c${++ids}`)[0];
