/**
 * recent.js (issue 17, item 3): the site's latest comments in any page, the sidebar box of every blog
 * theme. An owner includes it beside one or more `<div data-causerie-recent data-limit="5"></div>`
 * (README "Recent comments"); it asks GET /api/v1/recent of the origin it was served from and draws each
 * element in the page's language (`data-lang`, else the nearest `lang`, else the browser's). Standalone:
 * no Preact, no app, nothing of embed.js. Idempotent: an element is drawn once, and
 * `window.causerieRecent()` draws elements a single-page app added later.
 */
import { recentLang } from './recent/messages.ts';
import { type RecentComment, renderRecent } from './recent/render.ts';

declare global {
  interface Window {
    /** Draws the `data-causerie-recent` elements not drawn yet (recent.js). */
    causerieRecent?: () => Promise<void>;
  }
}

/** GET /recent's bounds (worker/routes/recent.ts RECENT_LIMIT): 5 unless the element asks for 1 to 50. */
const limitOf = (value: string | undefined): number => {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 50 ? n : 5;
};

// Read at once: `currentScript` is this script only during its first run.
const script = document.currentScript as HTMLScriptElement | null;
const origin = script ? new URL(script.src).origin : location.origin;

const fetchRecent = async (limit: number): Promise<RecentComment[] | null> => {
  try {
    const response = await fetch(`${origin}/api/v1/recent?limit=${limit}`);
    return response.ok ? ((await response.json()) as { comments: RecentComment[] }).comments : null;
  } catch {
    return null;
  }
};

const drawn = new WeakSet<Element>();

const draw = async (element: HTMLElement): Promise<void> => {
  drawn.add(element);
  const lang = recentLang([
    element.dataset.lang,
    element.closest('[lang]')?.getAttribute('lang'),
    navigator.language,
  ]);
  element.setAttribute('aria-busy', 'true');
  renderRecent(element, await fetchRecent(limitOf(element.dataset.limit)), lang);
  element.removeAttribute('aria-busy');
};

const scan = async (): Promise<void> => {
  const elements = [...document.querySelectorAll<HTMLElement>('[data-causerie-recent]')].filter(
    (e) => !drawn.has(e),
  );
  await Promise.all(elements.map(draw));
};

window.causerieRecent = scan;
if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => void scan());
else void scan();
