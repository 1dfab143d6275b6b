/**
 * Follows live a thread the server rendered (GET /threads/html) that the app has not taken yet (issues 15
 * and 17): a reader who only reads gets the news without the app. The watching is the app's own
 * (watching.ts); what each event does is done here to the server's markup, through the hooks it has for
 * the app's hydration: `data-comment-id` on each comment's article, its `.tools .like` button ending in its
 * count, the page's `.bar .likes`, the thread's aria-live region. A click on the button wakes the app (the
 * boot loads it, and it shows the thread fresh). Nothing of Preact: this ships on its own
 * (causerie-watch.<lang>.js).
 */
import type { ThreadPage } from '../../../worker/types/api.ts';
import { pageLikeForms } from '../i18n/count-forms.ts';
import { plural } from '../i18n/plural.ts';
import { type LiveThread, watchLive } from './watching.ts';

export interface WatchOptions extends LiveThread {
  lang: string;
}

/** `window.causerieWatch[lang]` (src/watch.ts): starts watching `view`, answers `stop`. */
export type Watch = (view: Element, options: WatchOptions, wake: () => void) => () => void;

const island = 'script[data-causerie-page]';

/**
 * The thread's count as the server rendered it, from its first page's JSON island beside the view (the
 * container's light DOM, or the view's own root); without one, no `hello` counts as missed events.
 */
const serverCount = (view: Element): number => {
  const root = view.getRootNode() as ShadowRoot;
  try {
    const script = ((root.host ?? root).querySelector(island) ??
      root.querySelector(island)) as HTMLScriptElement;
    return (JSON.parse(script.text) as ThreadPage).thread.commentCount;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
};

const watched = new WeakMap<Element, () => void>();

/**
 * Watches `view`, the `[data-causerie-ssr]` element of the container's shadow root; watching it again
 * answers the same `stop`. Stops by itself once `view` leaves the page.
 * @example const stop = watch(view, { origin, url, lang: 'en' }, () => loadApp())
 */
export const watch: Watch = (view, options, wake) => {
  const known = watched.get(view);
  if (known) return known;
  const { lang } = options;
  let count = serverCount(view);
  const find = (id: string) => view.querySelector<HTMLElement>(`[data-comment-id="${CSS.escape(id)}"]`);
  const say = (text: string) => {
    const region = view.querySelector('[aria-live]');
    if (region) region.textContent = text;
  };
  // A comment's item holds its nested replies; past the nesting limit (components/comment-list.tsx) they
  // follow it in one flat list instead, each with a link to the comment it answers.
  const drop = (id: string) => {
    find(id)?.parentElement?.remove();
    for (const link of view.querySelectorAll(`.to a[href="#comment-${CSS.escape(id)}"]`))
      drop(link.closest<HTMLElement>('[data-comment-id]')?.dataset.commentId ?? '');
  };

  const { _stop } = watchLive(view, view, options, lang, {
    _shows: (id) => !!find(id),
    _count: () => count,
    _like: (id, likes) => {
      if (id) {
        // The button's last child is its count, a text node (3) (components/like-button.tsx).
        const shown = find(id)?.querySelector(':scope>.tools .like')?.lastChild;
        if (shown?.nodeType === 3) shown.textContent = ` ${likes}`;
        return;
      }
      // The page's likes are words beside its button, none at 0; no button at all (no comments, no likes
      // yet): the app draws it.
      const box = view.querySelector('.bar .likes');
      if (!box) return;
      let words = box.querySelector('.muted');
      if (!likes) return words?.remove();
      if (!words) {
        words = document.createElement('span');
        words.className = 'muted';
        box.append(words);
      }
      words.textContent = plural(lang, pageLikeForms[lang] ?? { other: '{n}' }, likes);
    },
    _remove: (id) => {
      // As the app counts it (state/replace-comment.ts): the replies stay counted.
      if (find(id)?.dataset.status === 'approved') count -= 1;
      drop(id);
    },
    _changed: (comment) => {
      // Safe by contract, as in the app (components/comment-item.tsx): the server's rendering of Markdown.
      const body = find(comment.id)?.querySelector(':scope>.body');
      if (body) body.innerHTML = comment.html;
    },
    _show: () => wake(),
    _announce: say,
    // The region as the server left it, so that the app's hydration finds what it rendered.
    _stopped: () => {
      say('');
      watched.delete(view);
    },
  });
  watched.set(view, _stop);
  return _stop;
};
