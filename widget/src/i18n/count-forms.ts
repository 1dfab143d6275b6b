/**
 * Each language's "{n} comments" forms, and nothing else of its catalog: what causerie-counts.<lang>.js
 * needs to fill count links (the build narrows the glob to one language). A named-export glob keeps the
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
