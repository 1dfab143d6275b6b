/**
 * The edge include (issue 15, item 2): the worker placed in front of a blog (its `routes`, EDGE_INCLUDE =
 * "on") fetches each page from the origin and streams it through HTMLRewriter, putting the thread's server
 * HTML (GET /threads/html) inside the element embed.js targets. No change on the blog's server, and the
 * page is never held whole: the rewriter passes every chunk on as it parses, waiting only for the thread's
 * HTML at the container's end tag (its request starts at the container's start tag).
 * https://developers.cloudflare.com/workers/runtime-apis/html-rewriter/
 *
 * The thread is named the way embed.js names it (DESIGN.md, "Embed contract"; widget/src/options.ts), from
 * what came before the container: the embed script's `data-url`/`data-id`/`data-lang`/`data-theme`/
 * `data-sort`, else `<link rel=canonical>`, `og:url`, the page's own URL and `<html lang>`. The container is
 * the first `[data-causerie]` element, or the element of the script's `data-target="#id"`; a container
 * that already holds a server-rendered thread (a static build) is left as it is. Anything else passes
 * through untouched: another method, an origin error or redirect, a body that is not HTML.
 */

/** Asks the worker's own GET /threads/html (internal dispatch, the same app) with these parameters. */
export type RenderThread = (query: URLSearchParams) => Promise<Response>;

interface Found {
  canonical?: string;
  ogUrl?: string;
  htmlLang?: string;
  script?: Record<'url' | 'id' | 'lang' | 'theme' | 'sort' | 'target', string | undefined>;
  /** Set once a container is filled (or found filled): one thread per page, like embed.js. */
  done?: boolean;
}

const absolute = (value: string | undefined, base: string): string | undefined => {
  try {
    return value?.trim() ? new URL(value.trim(), base).href : undefined;
  } catch {
    return undefined;
  }
};

/** The query of GET /threads/html for what the page said so far. */
const threadQuery = (found: Found, pageUrl: string): URLSearchParams => {
  const { script } = found;
  const query = new URLSearchParams();
  query.set(
    'url',
    absolute(script?.url, pageUrl) ??
      absolute(found.canonical, pageUrl) ??
      absolute(found.ogUrl, pageUrl) ??
      pageUrl,
  );
  if (script?.id?.trim()) query.set('id', script.id.trim());
  const lang = script?.lang ?? found.htmlLang;
  if (lang) query.set('lang', lang.slice(0, 35));
  for (const name of ['theme', 'sort'] as const) {
    const value = script?.[name]?.trim().toLowerCase();
    if (value) query.set(name, value);
  }
  return query;
};

/** The thread's HTML, or nothing when the worker refused (a 400 for a bad URL): the page still loads. */
const threadHtml = async (render: RenderThread, query: URLSearchParams): Promise<string> => {
  try {
    const res = await render(query);
    return res.ok ? await res.text() : '';
  } catch (err) {
    console.error('edge include: thread HTML failed:', err);
    return '';
  }
};

const isHtml = (res: Response): boolean =>
  /^text\/html\b|^application\/xhtml\+xml\b/i.test(res.headers.get('Content-Type') ?? '');

/**
 * The page at `request`'s path from the origin (`origin` overrides where, for tests), with the thread
 * inside its container.
 * @example edgeInclude(request, env.EDGE_INCLUDE_ORIGIN, (q) => app.fetch(threadsHtmlRequest(q), env, ctx))
 */
export const edgeInclude = async (
  request: Request,
  origin: string,
  render: RenderThread,
): Promise<Response> => {
  const pageUrl = request.url;
  const target = origin ? new URL(new URL(pageUrl).pathname + new URL(pageUrl).search, origin) : pageUrl;
  // Redirects go back to the browser as the origin sent them.
  const upstream = await fetch(new Request(target, request), { redirect: 'manual' });
  if (request.method !== 'GET' || upstream.status !== 200 || !isHtml(upstream)) return upstream;

  const found: Found = {};
  // Between the container's start and end tags; `filled` when it holds a server-rendered thread already.
  let inside = false;
  let filled = false;
  const container: HTMLRewriterElementContentHandlers = {
    element(element) {
      if (found.done) return;
      found.done = true;
      inside = true;
      const pending = threadHtml(render, threadQuery(found, pageUrl));
      element.onEndTag(async (end) => {
        inside = false;
        const html = await pending;
        if (!filled && html) end.before(html, { html: true });
      });
    },
  };
  const rewritten = new HTMLRewriter()
    .on('html[lang]', {
      element: (el) => {
        found.htmlLang = el.getAttribute('lang') ?? undefined;
      },
    })
    .on('link[rel~="canonical"]', {
      element: (el) => {
        found.canonical ??= el.getAttribute('href') ?? undefined;
      },
    })
    .on('meta[property="og:url"]', {
      element: (el) => {
        found.ogUrl ??= el.getAttribute('content') ?? undefined;
      },
    })
    .on('script[src$="/embed.js"]', {
      element: (el) => {
        if (found.script) return;
        const data = (name: string) => el.getAttribute(`data-${name}`) ?? undefined;
        found.script = {
          url: data('url'),
          id: data('id'),
          lang: data('lang'),
          theme: data('theme'),
          sort: data('sort'),
          target: data('target'),
        };
      },
    })
    .on('[data-causerie]', {
      element: (el) => {
        // data-target wins over [data-causerie] (widget/src/boot/find-container.ts).
        if (!found.script?.target?.trim()) container.element?.(el);
      },
    })
    .on('[id]', {
      element: (el) => {
        const wanted = found.script?.target?.trim();
        if (wanted?.startsWith('#') && el.getAttribute('id') === wanted.slice(1)) container.element?.(el);
      },
    })
    // Rendered at build time already (causerie render): keep the page's own.
    .on('template[shadowrootmode]', {
      element: () => {
        if (inside) filled = true;
      },
    })
    .transform(upstream);
  const headers = new Headers(rewritten.headers);
  // The body is no longer the origin's: its validators would let a browser keep an old thread.
  headers.delete('ETag');
  headers.delete('Last-Modified');
  return new Response(rewritten.body, {
    status: rewritten.status,
    statusText: rewritten.statusText,
    headers,
  });
};
