import { describe, expect, it } from 'vitest';
import { freshPage, ORIGIN, postComment, request } from './helpers.ts';

/** GET /counts with the given (name, value) pairs, in order. */
const getCounts = async (params: [string, string][], headers: Record<string, string> = {}) => {
  const res = await request(`/api/v1/counts?${new URLSearchParams(params)}`, { headers });
  return { res, json: (await res.json()) as Record<string, any> };
};

const seed = async (url: string, n: number, id?: string) => {
  for (let i = 0; i < n; i++) await postComment({ url, id, body: `c${i}` });
};

describe('GET /api/v1/counts', () => {
  it('answers each page’s comment count in one call, 0 for a page nobody commented on', async () => {
    const [a, b, unknown] = [freshPage(), freshPage(), freshPage()];
    await seed(a, 2);
    await seed(b, 1);
    const { res, json } = await getCounts([
      ['url', a],
      ['url', b],
      ['url', unknown],
    ]);
    expect(res.status).toBe(200);
    expect(json).toEqual({ counts: { [a]: 2, [b]: 1, [unknown]: 0 } });
  });

  it('keys each count by the URL exactly as given, however it is spelled', async () => {
    const page = freshPage();
    await seed(page, 3);
    const spellings = [
      `${page}#comments`,
      `${page}/?utm_source=feed`,
      page.replace('https://blog', 'HTTPS://Blog'),
    ];
    const { json } = await getCounts(spellings.map((url) => ['url', url]));
    expect(json.counts).toEqual(Object.fromEntries(spellings.map((url) => [url, 3])));
  });

  it('pairs the i-th id with the i-th url; an empty or missing id lets the url name the thread', async () => {
    const id = `counts-id-${Date.now()}`;
    const [byId, byUrl, last] = [freshPage(), freshPage(), freshPage()];
    await seed(byId, 2, id);
    await seed(byUrl, 1);
    await seed(last, 4);
    const { json } = await getCounts([
      ['url', byId],
      ['id', id],
      ['url', byUrl],
      ['id', ''],
      ['url', last],
    ]);
    expect(json.counts).toEqual({ [byId]: 2, [byUrl]: 1, [last]: 4 });
  });

  it('adds up the threads of one url given with several ids (a page with several threads)', async () => {
    const page = freshPage();
    const [one, two] = [`multi-1-${Date.now()}`, `multi-2-${Date.now()}`];
    await seed(page, 1, one);
    await seed(page, 2, two);
    const { json } = await getCounts([
      ['url', page],
      ['url', page],
      ['url', page],
      ['id', one],
      ['id', two],
      ['id', two],
    ]);
    expect(json.counts).toEqual({ [page]: 3 });
  });

  it('counts 0 for a url that is not an absolute http(s) URL, and still answers the others', async () => {
    const page = freshPage();
    await seed(page, 1);
    const { res, json } = await getCounts([
      ['url', '/relative/post'],
      ['url', 'javascript:alert(1)'],
      ['url', '__proto__'],
      ['url', page],
    ]);
    expect(res.status).toBe(200);
    // Built with fromEntries: in an object literal `__proto__: 0` would set the prototype, not a key.
    expect(json.counts).toEqual(
      Object.fromEntries([
        ['/relative/post', 0],
        ['javascript:alert(1)', 0],
        ['__proto__', 0],
        [page, 1],
      ]),
    );
  });

  it('answers up to 50 urls, and 400 bad_request for 51', async () => {
    const pages = Array.from({ length: 51 }, () => freshPage());
    const fifty = await getCounts(pages.slice(0, 50).map((url) => ['url', url]));
    expect(fifty.res.status).toBe(200);
    expect(Object.keys(fifty.json.counts)).toHaveLength(50);
    const fiftyOne = await getCounts(pages.map((url) => ['url', url]));
    expect(fiftyOne.res.status).toBe(400);
    expect(fiftyOne.json).toMatchObject({ code: 'bad_request', errors: [{ field: 'url' }] });
  });

  it('answers 400 bad_request without a url, with more ids than urls, or with an over-long value', async () => {
    for (const params of [
      [],
      [['id', 'x']],
      [
        ['url', freshPage()],
        ['id', 'a'],
        ['id', 'b'],
      ],
      [['url', `${ORIGIN}/${'x'.repeat(2000)}`]],
      [
        ['url', freshPage()],
        ['id', 'x'.repeat(201)],
      ],
    ] as [string, string][][]) {
      const { res, json } = await getCounts(params);
      expect(res.status, JSON.stringify(params)).toBe(400);
      expect(json.code).toBe('bad_request');
    }
  });

  it('lets shared caches keep the answer briefly, varying by Origin for CORS', async () => {
    const { res } = await getCounts([['url', freshPage()]], { Origin: ORIGIN });
    expect(res.headers.get('Cache-Control')).toBe('public, max-age=30');
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe(ORIGIN);
    expect(res.headers.get('Vary')).toMatch(/Origin/);
  });
});
