/**
 * The contract between the worker and the widget's server rendering (widget/src/ssr/, issue 15): the worker
 * reads the page and assembles the fragment, the widget renders its own components. The worker sees that
 * module only through this type (worker/services/render/widget-ssr.d.ts): its code is type-checked with
 * the DOM's types, which the worker's must not have.
 */
import type { SortOrder, ThreadPage } from './api.ts';

export type ThreadTheme = 'light' | 'dark' | 'auto';

export interface ThreadMarkupInput {
  page: ThreadPage;
  /** The order the page was read in: the widget adopts the page only for the same order. */
  sort: SortOrder;
  /** A language the widget speaks (`pickLang` below). */
  lang: string;
  /** The embed's `data-theme`, which the markup carries (hydration keeps the server's attributes). */
  theme: ThreadTheme;
  /** The worker's origin, as the widget's `origin` option. */
  origin: string;
}

export interface WidgetSsr {
  /** The thread as the widget's App renders it with this page, to a string. */
  renderThreadMarkup: (input: ThreadMarkupInput) => string;
  /** The widget's stylesheet (widget/src/styles.css), for the shadow root's `<style>`. */
  widgetCss: string;
  /** The first language of these the widget speaks, else English (widget/src/i18n/langs.ts). */
  pickLang: (candidates: ReadonlyArray<string | null | undefined>) => string;
}
