/**
 * Turns the embed's `<script data-*>` attributes (or the options given to `Causerie.mount`) into
 * `WidgetOptions`, applying the page-level fallbacks of the embed contract (DESIGN.md, "Embed contract").
 * Pure apart from reading the document it is given, so it is tested without mounting anything.
 */
import type { SortOrder } from '../../worker/types/api.ts';
import { pickLang } from './i18n/count-forms.ts';
import type { Theme, WidgetOptions } from './options.ts';

/** The options a host may pass to `Causerie.mount`; the same names as the `data-*` attributes. */
export type MountInput = Partial<Omit<WidgetOptions, 'lang' | 'theme' | 'sort'>> & {
  lang?: string;
  theme?: string;
  sort?: string;
};

const themes: readonly Theme[] = ['light', 'dark', 'auto'];
const sorts: readonly SortOrder[] = ['oldest', 'newest', 'top'];

const oneOf = <T extends string>(allowed: readonly T[], value: string | undefined): T | undefined =>
  allowed.find((item) => item === value?.trim().toLowerCase());

/** An absolute URL, or undefined for junk (a bad `og:url` must not stop the widget). */
const absolute = (value: string | null | undefined, base: string): string | undefined => {
  if (!value?.trim()) return undefined;
  try {
    return new URL(value.trim(), base).href;
  } catch {
    return undefined;
  }
};

/** The page's own idea of its URL: `<link rel=canonical>`, then `og:url`, then where the browser is. */
export const pageUrl = (doc: Document): string => {
  const base = doc.baseURI;
  return (
    absolute(doc.querySelector('link[rel~="canonical"]')?.getAttribute('href'), base) ??
    absolute(doc.querySelector('meta[property="og:url"]')?.getAttribute('content'), base) ??
    doc.location.href
  );
};

/** Fills every option the host left out from the page, and drops values outside the contract. */
export const resolveOptions = (input: MountInput, doc: Document, origin: string): WidgetOptions => {
  const id = input.id?.trim();
  const sort = oneOf(sorts, input.sort);
  return {
    origin: input.origin ?? origin,
    url: absolute(input.url, doc.baseURI) ?? pageUrl(doc),
    ...(id ? { id } : {}),
    title: input.title?.trim() || doc.title,
    lang: pickLang([input.lang, doc.documentElement.lang, doc.defaultView?.navigator.language]),
    // Light unless asked: a dark island on a light blog (the common case) looks broken.
    theme: oneOf(themes, input.theme) ?? 'light',
    ...(sort ? { sort } : {}),
  };
};

/**
 * The script tag's configuration. `dataset` keys map one-to-one onto `MountInput`; `data-target` is
 * handled by `findContainer`, and the API origin is the script's own origin, so nothing needs configuring.
 */
export const scriptOptions = (script: HTMLScriptElement, doc: Document): WidgetOptions => {
  const { id, url, title, lang, theme, sort } = script.dataset;
  return resolveOptions({ id, url, title, lang, theme, sort }, doc, new URL(script.src, doc.baseURI).origin);
};

/** Marks the container the boot script created, so running the same script twice does not add a second. */
const createdMark = 'data-causerie-container';

/**
 * Where the thread goes: `data-target`, else the first `[data-causerie]` element, else a new `<div>` right
 * after the script (reused if this script already made one). Null when `data-target` matches nothing:
 * guessing another place could put comments where the host did not want them.
 */
export const findContainer = (script: HTMLScriptElement, doc: Document): Element | null => {
  const selector = script.dataset.target?.trim();
  if (selector) {
    try {
      return doc.querySelector(selector);
    } catch {
      return null; // an invalid selector is a host typo; fail quietly rather than throw on their page
    }
  }
  const marked = doc.querySelector('[data-causerie]');
  if (marked) return marked;
  const next = script.nextElementSibling;
  if (next?.hasAttribute(createdMark)) return next;
  const div = doc.createElement('div');
  div.setAttribute(createdMark, '');
  script.after(div);
  return div;
};
