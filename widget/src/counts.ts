/**
 * The entry of causerie-counts.<lang>.js: fills a page's comment-count links (boot/counts.ts) with one
 * language's "{n} comments" forms. embed.js loads it only on a page that has count links, so a thread page
 * does not download it, and embed.js carries the names of the languages, not every language's forms.
 * Measured with 12 languages: embed.js 2,423 B gzip with the counts and every language's forms inside,
 * 1,697 B without; this file 719–796 B by language.
 */
import { fillCounts } from './boot/counts.ts';
import { countForms } from './i18n/count-forms.ts';

window.causerieCounts ??= {};
const registry = window.causerieCounts;
for (const lang of Object.keys(countForms)) registry[lang] = (doc, origin) => fillCounts(doc, origin, lang);
