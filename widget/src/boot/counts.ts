/**
 * Fills the page's comment-count elements (`<a data-causerie-count href>`, `<span data-causerie-count
 * data-url>`), all in one `GET /counts` (the API takes at most MAX_COUNTS pages a call; past that, one per MAX_COUNTS).
 */
import { MAX_COUNTS } from '../../../worker/types/api.ts';
import { countForms } from '../i18n/count-forms.ts';
import { fallbackLang } from '../i18n/langs.ts';
import { plural } from '../i18n/plural.ts';

/** `[url, id]` of one element: `data-url`, else its link; `data-id` names an explicit thread. */
const pageOf = (element: HTMLElement, base: string): [string, string] | undefined => {
  const raw = element.dataset.url ?? element.getAttribute('href');
  try {
    return raw ? [new URL(raw, base).href, element.dataset.id ?? ''] : undefined;
  } catch {
    return undefined; // a broken link on the host page: leave its text alone
  }
};

/**
 * Resolves once every count is written. An element keeps its text when the request fails: the host's
 * fallback (often "Comments") is better than an error on an index page.
 */
export const fillCounts = async (doc: Document, origin: string, lang: string): Promise<void> => {
  const groups = new Map<string, { url: string; id: string; elements: HTMLElement[] }>();
  for (const element of doc.querySelectorAll<HTMLElement>('[data-causerie-count]')) {
    const page = pageOf(element, doc.baseURI);
    if (!page) continue;
    const key = page.join(' ');
    const group = groups.get(key) ?? { url: page[0], id: page[1], elements: [] };
    group.elements.push(element);
    groups.set(key, group);
  }
  const all = [...groups.values()];
  const forms = countForms[lang] ?? countForms[fallbackLang];
  const requests: Promise<void>[] = [];
  for (let start = 0; start < all.length; start += MAX_COUNTS) {
    const batch = all.slice(start, start + MAX_COUNTS);
    const params = new URLSearchParams();
    // ids pair with urls by position, so every url gets one (empty: named by its url) once any has one.
    const withIds = batch.some((group) => group.id);
    for (const { url, id } of batch) {
      params.append('url', url);
      if (withIds) params.append('id', id);
    }
    requests.push(
      fetch(`${origin}/api/v1/counts?${params}`)
        .then((response) => (response.ok ? response.json() : undefined))
        .then((body?: { counts: Record<string, number> }) => {
          if (!body || !forms) return;
          for (const { url, elements } of batch) {
            const n = body.counts[url];
            if (typeof n !== 'number') continue;
            for (const element of elements) element.textContent = plural(lang, forms, n);
          }
        })
        .catch(() => {}),
    );
  }
  await Promise.all(requests);
};
