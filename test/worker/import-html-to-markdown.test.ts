import { describe, expect, it } from 'vitest';
import { htmlToMarkdown } from '../../worker/lib/html-to-markdown.ts';
import { renderMarkdown } from '../../worker/lib/markdown.ts';

describe('htmlToMarkdown', () => {
  it('keeps paragraphs, emphasis, links, lists, quotes and code', () => {
    expect(
      htmlToMarkdown('<p>Hi <b>you</b> <i>there</i></p><p><a href="https://a.example/x y">link</a></p>'),
    ).toBe('Hi **you** *there*\n\n[link](https://a.example/x%20y)');
    expect(htmlToMarkdown('<ul><li>one</li><li>two</li></ul><blockquote><p>quoted</p></blockquote>')).toBe(
      '- one\n- two\n\n> quoted',
    );
    expect(htmlToMarkdown('<pre>a *b*\n`c`</pre><p>use <code>x_y</code></p>')).toBe(
      '```\na *b*\n`c`\n```\n\nuse `x_y`',
    );
  });

  it('reads WordPress text: newlines are breaks, blank lines paragraphs, entities decoded', () => {
    expect(htmlToMarkdown('One\nTwo<br />Three\n\npost&#039;s', { newlines: 'break' })).toBe(
      "One\nTwo\nThree\n\npost's",
    );
  });

  it('leaves no way for HTML or unsafe links through, and escapes what would read as Markdown', () => {
    const md = htmlToMarkdown(
      '<script>alert(1)</script><p onclick="x()">*not em* [not](link) &lt;b&gt; # no heading</p><a href="javascript:alert(1)">js</a><img src="https://t.example/p.gif" alt="pixel">',
    );
    const html = renderMarkdown(md);
    expect(html).not.toMatch(/<script|onclick|javascript:|<img|<b>/);
    expect(html).toContain('*not em* [not](link) &lt;b&gt; # no heading');
    expect(html).toContain('<a href="https://t.example/p.gif" rel="nofollow ugc noopener">pixel</a>');
  });
});
