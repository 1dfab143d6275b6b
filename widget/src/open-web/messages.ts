/**
 * The open web part's strings (causerie-openweb.<lang>.js): a catalog per language in ./messages/, the
 * glob narrowed to one language by the build (vite.config.ts), like the extras' catalog (i18n/extra.ts).
 */
import { byLang } from '../i18n/count-forms.ts';
import { fallbackLang } from '../i18n/langs.ts';

export interface OpenWebMessages {
  /** The mark of a reply that came as a Webmention. */
  _viaWebmention: string;
  /** The mark of a reply imported from Mastodon (or any Mastodon-API server). */
  _fromMastodon: string;
  /** The link to the toot, where a reader can answer it. */
  _replyOnMastodon: string;
  /** What a face did, after its name: "Alice liked this". */
  _liked: string;
  _reposted: string;
}

const catalogs = byLang(
  import.meta.glob<OpenWebMessages>('./messages/*.ts', { eager: true, import: 'openWebMessages' }),
);

export const openWebMessages = (lang: string): OpenWebMessages =>
  catalogs[`messages/${lang}`] ?? (catalogs[`messages/${fallbackLang}`] as OpenWebMessages);
