/** Part of the extras: loaded only when the page's URL points at a comment. */

/** The comment a feed link points at (`#comment-<id>`): the shadow root will not scroll to it by itself. */
export const _showLinked = (root: HTMLElement | null) => {
  const hash = decodeURIComponent(location.hash);
  if (!hash.startsWith('#comment-')) return;
  const target = root?.querySelector<HTMLElement>(`[id="${CSS.escape(hash.slice(1))}"]`);
  target?.classList.add('linked');
  target?.scrollIntoView({ block: 'center' });
};
