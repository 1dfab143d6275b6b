/**
 * What one mounted thread needs to know (`WidgetOptions`), and how it is read: from the embed's `<script
 * data-*>` attributes (`scriptInput`, the boot's one parser) or the options given to `Causerie.mount`, then
 * completed with the page-level fallbacks of the embed contract (`resolveOptions`; DESIGN.md, "Embed
 * contract"). Pure apart from reading the document it is given, so it is tested without mounting anything.
 */
import { SORTS, type SortOrder } from '../../worker/types/api.ts';
import { pickLang } from './i18n/langs.ts';

export type Theme = 'light' | 'dark' | 'auto';

export interface WidgetOptions {
  /** Where the API lives: the origin `embed.js` was served from, never configurable. */
  origin: string;
  /** The page URL that names the thread (the server normalizes it). */
  url: string;
  /** An explicit thread id, when the page has one; it wins over `url` on the server. */
  id?: string;
  title: string;
  /** A language the widget speaks (see `i18n/`). */
  lang: string;
  theme: Theme;
  /** Absent: the server's default order. */
  sort?: SortOrder;
  /** The host site's signed SSO token (`data-sso`), exchanged for a session by the sign-in part. */
  sso?: string;
  /** The toot that announced the page (`data-mastodon`): its replies join the thread (issue 18). */
  mastodon?: string;
}

/**
 * The options a host may pass to `Causerie.mount`: the documented `data-*` attributes by the same names,
 * as strings (unknown values are dropped by `resolveOptions`). No `origin`: it is always embed.js's own.
 * `loading`: `lazy` (default) waits for the thread to come near the viewport; `eager` loads at once.
 */
export interface MountInput {
  id?: string;
  url?: string;
  title?: string;
  lang?: string;
  theme?: string;
  sort?: string;
  loading?: string;
  sso?: string;
  mastodon?: string;
}

const themes: readonly Theme[] = ['light', 'dark', 'auto'];

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
  const sort = oneOf(SORTS, input.sort);
  return {
    origin,
    url: absolute(input.url, doc.baseURI) ?? pageUrl(doc),
    ...(id ? { id } : {}),
    title: input.title?.trim() || doc.title,
    lang: pickLang([input.lang, doc.documentElement.lang, doc.defaultView?.navigator.language]),
    // Light unless asked: a dark island on a light blog (the common case) looks broken.
    theme: oneOf(themes, input.theme) ?? 'light',
    ...(sort ? { sort } : {}),
    sso: input.sso,
    mastodon: input.mastodon?.trim() || undefined,
  };
};

/**
 * The boot's one reading of its script tag: exactly the documented attributes, nothing else (a stray
 * `data-origin` or `data-foo` is ignored). `data-target` is read by `findContainer`.
 */
export const scriptInput = ({ dataset }: HTMLScriptElement): MountInput => {
  const { id, url, title, lang, theme, sort, loading, sso, mastodon } = dataset;
  return { id, url, title, lang, theme, sort, loading, sso, mastodon };
};

/** The API origin: the script's own (DESIGN.md: no host to configure). */
export const scriptOrigin = (script: HTMLScriptElement, doc: Document): string =>
  new URL(script.src, doc.baseURI).origin;
