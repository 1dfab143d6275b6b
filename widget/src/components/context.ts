/** What every component of one mounted thread shares: its options, its API client, its strings and voice. */
import { createContext } from 'preact';
import { useContext, useState } from 'preact/hooks';
import type { Translator } from '../i18n/index.ts';
import type { WidgetOptions } from '../options.ts';
import type { ThreadState } from '../state/use-thread.ts';

export interface Widget {
  options: WidgetOptions;
  t: Translator;
  /** Says something in the thread's aria-live region (results that happen away from the focus). */
  announce: (message: string) => void;
  /** Changes the thread's state (the extras replace or remove a comment: state/replace-comment.ts). */
  change: (next: (state: ThreadState) => ThreadState) => void;
}

// No default value: a component used outside <App> is a bug we want to hear about at once.
export const WidgetContext = createContext<Widget | null>(null);

export const useWidget = (): Widget => {
  const widget = useContext(WidgetContext);
  if (!widget) throw new Error('Causerie component rendered outside <App>');
  return widget;
};

let ids = 0;

/** A unique id for label/control pairs: Preact's useId costs 50 B more, for SSR we do not have. */
export const useUid = (): string => useState(() => `c${++ids}`)[0];
