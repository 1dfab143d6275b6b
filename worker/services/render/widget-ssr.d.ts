/**
 * The widget's server rendering as the worker's type-checker sees it. `#widget-ssr` is package.json's
 * subpath import of widget/src/ssr/render-thread.tsx: the bundlers (wrangler's esbuild, Vite in the tests)
 * resolve it to that file, while worker/tsconfig.json turns `resolvePackageJsonImports` off so that tsc
 * stops here: the widget's modules need the DOM's types, which conflict with the Workers' (issue 15).
 * The widget side declares the same `WidgetSsr` type, so both agree.
 */
declare module '#widget-ssr' {
  export const widgetSsr: import('../../types/ssr.ts').WidgetSsr;
}
