/**
 * The widget's own components rendered to HTML in the worker (GET /threads/html, issue 15): the App with
 * its first page given up front, exactly what the app's first render makes of the same page, so that the
 * app hydrates it in place (mount.tsx). No form: it comes with the script. The worker imports this module
 * as `#widget-ssr` (package.json "imports"), typed by worker/types/ssr.ts.
 */
import { renderToString } from 'preact-render-to-string';
import type { WidgetSsr } from '../../../worker/types/ssr.ts';
import { App } from '../components/app.tsx';
import { translator } from '../i18n/index.ts';
import { pickLang } from '../i18n/langs.ts';
// `?raw`: the stylesheet as written (the worker's bundler cannot run Vite's CSS pipeline); wrangler.toml
// loads .css files as text.
import css from '../styles.css?raw';
import { catalogs } from './catalogs.ts';

/**
 * The stylesheet without its comments and runs of whitespace (7.2 → 3.9 KB in every thread's HTML): safe
 * for this one file, whose only quotes are in attribute selectors without spaces (checked in Chromium:
 * test/e2e/server-html.test.ts). Spaces before `:` stay: `.a :hover` is not `.a:hover`.
 */
const compact = (text: string): string =>
  text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/ ?([{};,]) ?/g, '$1')
    .trim();

/** What the worker uses (worker/types/ssr.ts), typed here, where this module is type-checked. */
export const widgetSsr: WidgetSsr = {
  widgetCss: compact(css),
  pickLang,
  renderThreadMarkup: ({ page, sort, lang, theme, origin }) =>
    renderToString(
      <App
        _options={{ origin, url: page.thread.url, title: page.thread.title, lang, theme, sort }}
        _page={{ _page: page, _sort: sort }}
        _server={translator(lang, catalogs)}
      />,
    ),
};
