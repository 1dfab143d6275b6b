import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { escapeXml } from '../../worker/lib/atom.ts';
import { freshPage, ORIGIN, postComment, request, setStatus } from './helpers.ts';

const ATOM = 'http://www.w3.org/2005/Atom';

interface XmlElement {
  uri: string;
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/** Parses with a conforming XML parser (saxes): throws on anything not well-formed or not namespace-valid. */
const parseXml = (xml: string): XmlElement => {
  const parser = new SaxesParser({ xmlns: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  parser.on('error', (err) => {
    throw err;
  });
  parser.on('opentag', (tag) => {
    const element: XmlElement = {
      uri: tag.uri,
      name: tag.local,
      attrs: Object.fromEntries(Object.values(tag.attributes).map((a) => [a.name, a.value])),
      children: [],
      text: '',
    };
    stack.at(-1)?.children.push(element);
    root ??= element;
    stack.push(element);
  });
  parser.on('text', (text) => {
    const top = stack.at(-1);
    if (top) top.text += text;
  });
  parser.on('closetag', () => stack.pop());
  parser.write(xml).close();
  if (!root) throw new Error('no root element');
  return root;
};

const child = (element: XmlElement, name: string) => element.children.find((e) => e.name === name);
const all = (element: XmlElement, name: string) => element.children.filter((e) => e.name === name);
const textOf = (element: XmlElement, name: string) => child(element, name)?.text;
const linkHref = (element: XmlElement, rel: string) =>
  all(element, 'link').find((e) => e.attrs.rel === rel)?.attrs.href;

const getFeed = async (query = '', headers: Record<string, string> = {}) => {
  const res = await request(`/api/v1/feed${query}`, { headers });
  const xml = await res.text();
  return { res, xml, feed: res.status === 200 ? parseXml(xml) : null };
};

const q = (url: string) => `?url=${encodeURIComponent(url)}`;

/** RFC 4287 §4.1.1–4.1.2: the elements every feed and entry must carry, each exactly once. */
const expectValidAtom = (feed: XmlElement) => {
  expect(feed.uri).toBe(ATOM);
  expect(feed.name).toBe('feed');
  for (const name of ['id', 'title', 'updated']) expect(all(feed, name), name).toHaveLength(1);
  expect(linkHref(feed, 'self')).toMatch(/^https:\/\//);
  expect(Date.parse(textOf(feed, 'updated') ?? '')).not.toBeNaN();
  for (const entry of all(feed, 'entry')) {
    for (const name of ['id', 'title', 'updated', 'published', 'author', 'content'])
      expect(all(entry, name), name).toHaveLength(1);
    expect(textOf(child(entry, 'author') as XmlElement, 'name')).toBeTruthy();
    expect(child(entry, 'content')?.attrs.type).toBe('html');
    expect(linkHref(entry, 'alternate')).toBeTruthy();
  }
};

describe('GET /api/v1/feed', () => {
  it('answers Atom 1.0 with the required elements for a thread', async () => {
    const page = freshPage();
    const first = await postComment({
      url: page,
      title: 'Un billet',
      body: 'first',
      author: { name: 'Ann' },
    });
    const second = await postComment({ url: page, body: 'second *reply*', parentId: first.json.comment.id });
    const { res, feed } = await getFeed(q(`${page}/?utm_source=x#comments`));
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/atom+xml; charset=utf-8');
    expectValidAtom(feed as XmlElement);
    const root = feed as XmlElement;
    expect(textOf(root, 'title')).toBe('Un billet');
    expect(textOf(root, 'id')).toBe(linkHref(root, 'self'));
    expect(linkHref(root, 'self')).toBe(`https://comments.example/api/v1/feed${q(page)}`);
    expect(linkHref(root, 'alternate')).toBe(page);

    const entries = all(root, 'entry');
    expect(entries.map((e) => textOf(e, 'content'))).toEqual([
      second.json.comment.html,
      first.json.comment.html,
    ]);
    const [latest] = entries as [XmlElement];
    const comment = second.json.comment;
    expect(textOf(latest, 'title')).toBe('Anonymous on Un billet');
    expect(textOf(child(latest, 'author') as XmlElement, 'name')).toBe('Anonymous');
    expect(textOf(latest, 'published')).toBe(comment.createdAt);
    expect(textOf(latest, 'updated')).toBe(comment.createdAt);
    expect(textOf(root, 'updated')).toBe(comment.createdAt);
    expect(linkHref(latest, 'alternate')).toBe(`${page}#comment-${comment.id}`);
    expect(textOf(latest, 'id')).toBe(
      `tag:comments.example,${comment.createdAt.slice(0, 10)}:comment:${comment.id}`,
    );
  });

  it('escapes markup, ampersands and quotes so they parse back to exactly what was posted', async () => {
    const page = freshPage();
    const name = `Bob & "Al" <x> 'y'`;
    const title = `Tom & Jerry's <b>"best"</b>`;
    const body = `<script>alert("x")</script> & 'quoted' "double" [l](https://a.example/?a=1&b=2)`;
    const posted = await postComment({
      url: page,
      title,
      body,
      author: { name, website: 'https://b.example/?p=1&q=2' },
    });
    const { xml, feed } = await getFeed(q(page));
    expect(xml).not.toContain('<script');
    const entry = child(feed as XmlElement, 'entry') as XmlElement;
    expect(textOf(entry, 'content')).toBe(posted.json.comment.html);
    expect(textOf(entry, 'content')).toContain('&lt;script&gt;');
    expect(textOf(child(entry, 'author') as XmlElement, 'name')).toBe(name);
    expect(textOf(child(entry, 'author') as XmlElement, 'uri')).toBe('https://b.example/?p=1&q=2');
    expect(textOf(entry, 'title')).toBe(`${name} on ${title}`);
    expect(textOf(feed as XmlElement, 'title')).toBe(title);
  });

  it('drops characters XML 1.0 forbids instead of sending a feed no reader can parse', async () => {
    const page = freshPage();
    const posted = await postComment({
      url: page,
      body: 'bell\u0007 and \u0001 null',
      author: { name: 'Ali\u001bce' },
    });
    const { feed } = await getFeed(q(page));
    const entry = child(feed as XmlElement, 'entry') as XmlElement;
    expect(textOf(child(entry, 'author') as XmlElement, 'name')).toBe('Alice');
    const html: string = posted.json.comment.html;
    expect(html).toContain('\u0007');
    expect(textOf(entry, 'content')).toBe(html.replaceAll('\u0001', '').replaceAll('\u0007', ''));
    // What the parser would have said had they been sent:
    expect(() => parseXml('<a>\u0007</a>')).toThrow();
    // Lone surrogates and U+FFFE/U+FFFF are not XML characters either; tab, newlines and astral ones are.
    expect(escapeXml('a\uD800b\uFFFEc\uFFFF\t\n\r😀')).toBe('abc\t\n\r😀');
  });

  it('lists only approved comments, never an e-mail address', async () => {
    const page = freshPage();
    await postComment({ url: page, body: 'shown', author: { name: 'Eve', email: 'eve@mail.example' } });
    const hidden = await postComment({ url: page, body: 'held' });
    await setStatus(hidden.json.comment.id, 'pending');
    const { xml, feed } = await getFeed(q(page));
    expect(all(feed as XmlElement, 'entry')).toHaveLength(1);
    expect(xml).not.toContain('eve@mail.example');
    expect(xml).not.toContain('held');
  });

  it('dates an edited comment by its edit, and the feed by its newest change', async () => {
    const page = freshPage();
    const old = await postComment({ url: page, body: 'old' });
    await postComment({ url: page, body: 'new' });
    const edited = await request(`/api/v1/comments/${old.json.comment.id}`, {
      method: 'PATCH',
      headers: {
        'Content-Type': 'application/json',
        Origin: ORIGIN,
        Authorization: `Bearer ${old.json.editToken}`,
      },
      body: JSON.stringify({ body: 'old, edited' }),
    });
    const { editedAt } = ((await edited.json()) as { comment: { editedAt: string } }).comment;
    const { feed } = await getFeed(q(page));
    const entries = all(feed as XmlElement, 'entry');
    expect(textOf(entries[1] as XmlElement, 'updated')).toBe(editedAt);
    expect(textOf(entries[1] as XmlElement, 'published')).toBe(old.json.comment.createdAt);
    expect(textOf(feed as XmlElement, 'updated')).toBe(editedAt);
  });

  it('reads a thread by its explicit id', async () => {
    const id = `feed-id-${Date.now()}`;
    const page = freshPage();
    await postComment({ url: page, id, body: 'by id' });
    const { feed } = await getFeed(`?id=${id}`);
    expect(all(feed as XmlElement, 'entry')).toHaveLength(1);
    expect(linkHref(feed as XmlElement, 'alternate')).toBe(page);
    expect(textOf(feed as XmlElement, 'title')).toBe(`Comments on ${page}`);
  });

  it('answers a valid empty feed for a page nobody commented on', async () => {
    const page = freshPage();
    const { res, feed } = await getFeed(q(page));
    expect(res.status).toBe(200);
    expectValidAtom(feed as XmlElement);
    expect(all(feed as XmlElement, 'entry')).toEqual([]);
    expect(textOf(feed as XmlElement, 'title')).toBe(`Comments on ${page}`);
    expect(linkHref(feed as XmlElement, 'alternate')).toBe(page);
  });

  it('answers the site’s latest 50 comments across pages without parameters', async () => {
    const [a, b] = [freshPage(), freshPage()];
    await postComment({ url: a, title: 'A', body: 'on a' });
    for (let i = 0; i < 50; i++) await postComment({ url: b, body: `b${i}` });
    const { res, feed } = await getFeed();
    expect(res.status).toBe(200);
    expectValidAtom(feed as XmlElement);
    const root = feed as XmlElement;
    expect(textOf(root, 'title')).toBe('Latest comments');
    expect(linkHref(root, 'self')).toBe('https://comments.example/api/v1/feed');
    expect(linkHref(root, 'alternate')).toBeUndefined();
    const entries = all(root, 'entry');
    expect(entries).toHaveLength(50);
    expect(textOf(entries[0] as XmlElement, 'content')).toBe('<p>b49</p>\n');
    expect(entries.map((e) => textOf(e, 'content'))).not.toContain('<p>on a</p>\n');
    await postComment({ url: a, body: 'on a again' });
    const again = all((await getFeed()).feed as XmlElement, 'entry')[0] as XmlElement;
    expect(textOf(again, 'title')).toBe('Anonymous on A');
    expect(linkHref(again, 'alternate')).toMatch(new RegExp(`^${a}#comment-`));
  });

  it('answers 304 Not Modified to a reader that already has this version', async () => {
    const page = freshPage();
    await postComment({ url: page, body: 'x' });
    const { res } = await getFeed(q(page));
    const tag = res.headers.get('ETag') as string;
    expect(tag).toBeTruthy();
    const again = await request(`/api/v1/feed${q(page)}`, { headers: { 'If-None-Match': tag } });
    expect(again.status).toBe(304);
  });

  it('answers 400 bad_request for a url that is not an absolute http(s) URL', async () => {
    for (const query of [
      '?url=not-a-url',
      `?url=${encodeURIComponent(`${ORIGIN}/${'x'.repeat(2000)}`)}`,
      '?id=',
    ]) {
      const { res, xml } = await getFeed(query);
      expect(res.status, query).toBe(400);
      expect(JSON.parse(xml).code).toBe('bad_request');
    }
  });
});
