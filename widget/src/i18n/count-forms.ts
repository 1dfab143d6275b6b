/**
 * Each language's "{n} comments" forms, and nothing else of its catalog: what causerie-counts.<lang>.js
 * needs to fill count links (the build narrows the globs to one language); and its page-like forms. A named-export glob keeps the
 * rest of each catalog out of it.
 */
import type { Plural } from './messages.ts';

import { byLang } from './plural.ts';

export { byLang };

// Marked pure: the app and the extras import this module only for `byLang`, so they drop the unused table.
export const countForms: Record<string, Plural> = /* @__PURE__ */ byLang(
  import.meta.glob<Plural>(
    [
      './*.ts',
      '!./index.ts',
      '!./messages.ts',
      '!./count-forms.ts',
      '!./plural.ts',
      '!./extra.ts',
      '!./langs.ts',
    ],
    { eager: true, import: 'commentCount' },
  ),
);

/**
 * Each language's "{n} people like this page" forms, for the watch of a server-rendered thread
 * (causerie-watch.<lang>.js, live/watch-view.ts), which redraws the page's likes without the app's catalog.
 */
export const pageLikeForms: Record<string, Plural> = /* @__PURE__ */ byLang(
  import.meta.glob<Plural>(
    [
      './*.ts',
      '!./index.ts',
      '!./messages.ts',
      '!./count-forms.ts',
      '!./plural.ts',
      '!./extra.ts',
      '!./langs.ts',
    ],
    { eager: true, import: 'pageLikes' },
  ),
);
