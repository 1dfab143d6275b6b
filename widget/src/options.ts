/** What one mounted thread needs to know: the resolved, typed form of the embed's `data-*` attributes. */
import type { SortOrder } from '../../worker/types/api.ts';

export type Theme = 'light' | 'dark' | 'auto';

export interface WidgetOptions {
  /** Where the API lives: the origin `embed.js` was served from. */
  origin: string;
  /** The page URL that names the thread (the server normalizes it). */
  url: string;
  /** An explicit thread id, when the page has one; it wins over `url` on the server. */
  id?: string;
  title: string;
  /** A language the widget speaks (see `i18n/`). */
  lang: string;
  theme: Theme;
  /** Absent: the server's default order. */
  sort?: SortOrder;
}
