import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../worker/lib/markdown.ts';
import { elements } from './html.ts';

describe('renderMarkdown', () => {
  it('renders CommonMark emphasis, code and lists', () => {
    expect(renderMarkdown('Hello *world* and `code`')).toBe(
      '<p>Hello <em>world</em> and <code>code</code></p>\n',
    );
    expect(elements(renderMarkdown('- a\n- b')).map((e) => e.tag)).toEqual(['ul', 'li', 'li']);
  });

  it('never lets raw HTML through', () => {
    const html = renderMarkdown('<script>alert(1)</script> <img src=x onerror=alert(1)> <b>bold</b>');
    expect(elements(html).map((e) => e.tag)).toEqual(['p']);
    expect(html).toContain('&lt;script&gt;');
  });

  it('links with rel="nofollow ugc noopener", and autolinks bare URLs', () => {
    const links = elements(renderMarkdown('[site](https://alice.example) and https://bob.example/x')).filter(
      (e) => e.tag === 'a',
    );
    expect(links).toEqual([
      { tag: 'a', attrs: { href: 'https://alice.example', rel: 'nofollow ugc noopener' } },
      { tag: 'a', attrs: { href: 'https://bob.example/x', rel: 'nofollow ugc noopener' } },
    ]);
  });

  it('allows only http(s) and mailto links', () => {
    for (const href of ['javascript:alert(1)', 'data:text/html,x', 'vbscript:x', '/relative']) {
      expect(elements(renderMarkdown(`[x](${href})`)).some((e) => e.tag === 'a')).toBe(false);
    }
    expect(
      elements(renderMarkdown('[mail](mailto:a@b.example)')).find((e) => e.tag === 'a')?.attrs.href,
    ).toBe('mailto:a@b.example');
  });

  it('does not render images (no tracking pixels in readers’ browsers)', () => {
    expect(elements(renderMarkdown('![x](https://tracker.example/p.gif)')).some((e) => e.tag === 'img')).toBe(
      false,
    );
  });
});
