/**
 * The thread's Atom feed (GET /feed?url=…[&id=…]): a visible link by the form, and once per document a
 * `<link rel="alternate" type="application/atom+xml">` in the host page's head, the hint feed readers and
 * browsers look for (https://www.rfc-editor.org/rfc/rfc4287 for Atom; the HTML `alternate` link type:
 * https://html.spec.whatwg.org/multipage/links.html#rel-alternate).
 */
import type { FollowPage } from './api.ts';

export const feedUrl = (origin: string, { url, id }: FollowPage): string =>
  `${origin}/api/v1/feed?${new URLSearchParams(id ? { url, id } : { url })}`;

/** Adds the head hint unless one for this feed is there already (a second mount, a re-render). */
export const addFeedHint = (doc: Document, href: string, title: string): void => {
  const known = [...doc.head.querySelectorAll<HTMLLinkElement>('link[rel="alternate"]')];
  if (known.some((link) => link.href === href)) return;
  const link = doc.createElement('link');
  link.rel = 'alternate';
  link.type = 'application/atom+xml';
  link.title = title;
  link.href = href;
  doc.head.append(link);
};
