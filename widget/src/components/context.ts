/** What every component of one mounted thread shares: its options, its API client, its strings and voice. */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Comment } from '../../../worker/types/api.ts';
import type { Api } from '../api.ts';
import type { Translator } from '../i18n/index.ts';
import type { WidgetOptions } from '../options.ts';

export interface Widget {
  options: WidgetOptions;
  api: Api;
  t: Translator;
  /** Says something in the thread's aria-live region (results that happen away from the focus). */
  announce: (message: string) => void;
  /** Replaces a comment after an edit, or removes it (`null`) after a delete. */
  update: (id: string, comment: Comment | null) => void;
}

// No default value: a component used outside <App> is a bug we want to hear about at once.
export const WidgetContext = createContext<Widget | null>(null);

export const useWidget = (): Widget => {
  const widget = useContext(WidgetContext);
  if (!widget) throw new Error('Causerie component rendered outside <App>');
  return widget;
};
