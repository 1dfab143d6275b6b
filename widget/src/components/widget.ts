/**
 * `Widget`: what every component of one mounted thread shares (its options, its strings and voice), passed
 * down as a `widget` prop, not a Preact context: createContext and useContext cost the app 234 B gzip
 * (measured).
 */
import type { Translator } from '../i18n/index.ts';
import type { Auth } from '../lazy.tsx';
import type { WidgetOptions } from '../options.ts';
import type { ThreadState } from '../state/use-thread.ts';

export interface Widget {
  _options: WidgetOptions;
  t: Translator;
  /** Says something in the thread's aria-live region (results that happen away from the focus). */
  _announce: (message: string) => void;
  /** Changes the thread's state (the extras replace or remove a comment: state/replace-comment.ts). */
  _change: (next: (state: ThreadState) => ThreadState) => void;
  /** The sign-in part, once loaded, where the deployment offers sign-in (lazy.tsx, `loadAuth`). */
  _auth?: Auth | null;
  /** The time dates are relative to; `Infinity` (the worker's HTML, read long after): every date absolute. */
  _now?: number;
}
