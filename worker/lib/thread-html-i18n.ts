/**
 * The few words of GET /threads/html that are the worker's own, not the widget's components': the link to
 * the thread's Atom feed for readers without JavaScript, in each of the widget's languages
 * (widget/src/i18n/langs.ts; test/worker/thread-html.test.ts checks that both lists agree).
 */
export const feedLinkLabels: Record<string, string> = {
  ar: 'تغذية التعليقات (Atom)',
  de: 'Feed der Kommentare (Atom)',
  en: 'Comments feed (Atom)',
  es: 'Canal de los comentarios (Atom)',
  fr: 'Flux des commentaires (Atom)',
  he: 'הזנת התגובות (Atom)',
  it: 'Feed dei commenti (Atom)',
  ja: 'コメントのフィード (Atom)',
  nl: 'Feed van de reacties (Atom)',
  pl: 'Kanał komentarzy (Atom)',
  pt: 'Feed dos comentários (Atom)',
  zh: '评论订阅 (Atom)',
};
