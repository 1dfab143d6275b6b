/**
 * The recent-comments embed's strings, every language in one table: recent.js is one file an owner
 * includes on any page, before anyone knows the page's language, and two short strings in twelve
 * languages cost less than a second request. No "no comments yet" or "could not load": the element's own
 * content (the owner's fallback, in the page's language) stays when there is nothing to show. `{author}` and `{page}` are filled by render.ts (the page
 * becomes a link). Checked against the widget's language list by test/widget/recent.test.ts.
 */
/** The list's accessible name, and one comment's line: who, and on which page (the link). */
export type RecentMessages = [label: string, on: string];

const rows: Record<string, RecentMessages> = {
  en: ['Recent comments', '{author} on {page}'],
  ar: ['أحدث التعليقات', '{author} على {page}'],
  de: ['Neueste Kommentare', '{author} zu {page}'],
  es: ['Comentarios recientes', '{author} en {page}'],
  fr: ['Commentaires récents', '{author} sur {page}'],
  he: ['תגובות אחרונות', '{author} על {page}'],
  it: ['Commenti recenti', '{author} su {page}'],
  ja: ['最近のコメント', '{page} に {author}'],
  nl: ['Recente reacties', '{author} op {page}'],
  pl: ['Najnowsze komentarze', '{author} w: {page}'],
  pt: ['Comentários recentes', '{author} em {page}'],
  zh: ['最新评论', '{author} 评论了 {page}'],
};

/**
 * The first candidate whose language (`fr-CA` → `fr`) the table has, else English. Simpler than the
 * widget's `pickLang` (i18n/langs.ts: scripts, `zh-TW` not given Simplified Chinese) on purpose: its
 * Intl.Locale logic would cost this file a tenth of its budget, for a date and a dozen words.
 */
export const recentLang = (candidates: ReadonlyArray<string | null | undefined>): string => {
  for (const candidate of candidates) {
    const base = candidate?.trim().toLowerCase().split(/[-_]/)[0];
    if (base && base in rows) return base;
  }
  return 'en';
};

/** A tuple, not an object: the names would be bytes in the file. */
export const recentMessages = (lang: string): RecentMessages => rows[lang] ?? (rows.en as RecentMessages);
