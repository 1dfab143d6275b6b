/**
 * Imported HTML (WordPress, Disqus) → Markdown, through a real HTML parser (parse5), so an imported comment
 * is edited and rendered like any other: renderMarkdown makes its HTML, and no source HTML ever passes.
 * Past ~200 lines because the element cases belong together.
 */
import { parseFragment, type DefaultTreeAdapterTypes as T } from 'parse5';

export interface HtmlToMarkdownOptions {
  /**
   * `break`: a newline in the text is a line break and a blank line a paragraph, as WordPress shows a
   * comment (wpautop). `collapse`: newlines are plain whitespace, as in real HTML (Disqus).
   */
  newlines?: 'break' | 'collapse';
}

// Private-use stand-ins, so <br> and paragraph breaks survive whitespace collapsing.
const BR = '\uE000';
const PARA = '\uE001';
const DROPPED = new Set(['script', 'style', 'template', 'iframe', 'object', 'embed', 'noscript', 'head']);
const BLOCKS = new Set([
  'p',
  'div',
  'section',
  'article',
  'blockquote',
  'ul',
  'ol',
  'li',
  'pre',
  'hr',
  'table',
  'tr',
  'figure',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'dl',
  'dt',
  'dd',
  'header',
  'footer',
  'aside',
  'address',
]);
const SAFE_HREF = /^(https?:|mailto:)/i;

const isElement = (node: T.ChildNode): node is T.Element => 'tagName' in node;
const attr = (el: T.Element, name: string): string | null =>
  el.attrs.find((a) => a.name === name)?.value.trim() ?? null;

/** Backslash-escapes what Markdown would read as syntax, so text stays text. */
const escapeText = (text: string): string =>
  text
    .replace(/[\\`*[\]~]/g, '\\$&')
    // `_` inside a word (snake_case) is not emphasis in CommonMark; elsewhere it may be.
    .replace(/(^|[^A-Za-z0-9])_|_(?=[^A-Za-z0-9]|$)/g, (m) => m.replace('_', '\\_'))
    // Autolinks and HTML-looking text; entity-looking text (`&amp;` written out) must stay literal.
    .replace(/<(?=[A-Za-z/!?])/g, '\\<')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&');

/** Escapes what would start a block (heading, quote, list, rule) at the start of a line. */
const escapeLineStarts = (text: string): string =>
  text.replace(/^([ \t]*)([#>+=-]|\d+[.)])/gm, (_m, space: string, mark: string) =>
    /^\d/.test(mark) ? `${space}${mark.slice(0, -1)}\\${mark.slice(-1)}` : `${space}\\${mark}`,
  );

/** `**x**` etc., with surrounding spaces moved outside (`** x**` is not emphasis). */
const wrap = (text: string, mark: string): string => {
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(text);
  if (!match?.[2]) return text;
  return `${match[1]}${mark}${match[2]}${mark}${match[3]}`;
};

const codeSpan = (text: string): string => {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
};

const textContent = (node: T.ChildNode): string => {
  if (node.nodeName === '#text') return (node as T.TextNode).value;
  if (isElement(node)) return node.tagName === 'br' ? '\n' : node.childNodes.map(textContent).join('');
  return '';
};

/** A link destination Markdown reads back exactly: spaces and parentheses percent-encoded. */
const destination = (href: string): string =>
  href.replace(/[\s()<>]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);

// No parameter properties: Node strips types only (the command-line tool imports this file as is).
class Converter {
  private readonly mode: 'break' | 'collapse';

  constructor(mode: 'break' | 'collapse') {
    this.mode = mode;
  }

  /** Renders nodes as a list of Markdown blocks. */
  blocks(nodes: T.ChildNode[]): string[] {
    const out: string[] = [];
    let inline = '';
    const flush = () => {
      out.push(...this.paragraphs(inline));
      inline = '';
    };
    for (const node of nodes) {
      if (isElement(node) && BLOCKS.has(node.tagName)) {
        flush();
        out.push(...this.block(node));
      } else {
        inline += this.inline(node);
      }
    }
    flush();
    return out.filter((block) => block.trim() !== '');
  }

  /** Inline text → paragraphs: whitespace collapsed, breaks restored, block-starting marks escaped. */
  private paragraphs(text: string): string[] {
    let normalized = text;
    if (this.mode === 'break')
      normalized = normalized.replace(/\r\n?/g, '\n').replace(/\n[ \t]*\n\s*/g, PARA);
    else normalized = normalized.replace(/\s+/g, ' ');
    return normalized
      .replace(/[ \t]+/g, ' ')
      .split(PARA)
      .map((para) =>
        escapeLineStarts(
          para
            .split(/\n|\uE000/)
            .map((line) => line.trim())
            .join('\n')
            .trim(),
        ),
      );
  }

  private block(el: T.Element): string[] {
    const children = el.childNodes;
    switch (el.tagName) {
      case 'pre': {
        const code = children.map(textContent).join('').replace(/\n$/, '');
        const fence = '`'.repeat(Math.max(3, ...(code.match(/`{3,}/g) ?? []).map((r) => r.length + 1)));
        return [`${fence}\n${code}\n${fence}`];
      }
      case 'hr':
        return ['* * *'];
      case 'blockquote':
        return [this.blocks(children).join('\n\n').replace(/^/gm, '> ')];
      case 'ul':
      case 'ol': {
        let n = Number(attr(el, 'start')) || 1;
        const items = children.filter((c): c is T.Element => isElement(c) && c.tagName === 'li');
        const lines = items.map((item) => {
          const marker = el.tagName === 'ol' ? `${n++}. ` : '- ';
          const body = this.blocks(item.childNodes).join('\n\n');
          return marker + body.replace(/\n/g, `\n${' '.repeat(marker.length)}`);
        });
        return [lines.join('\n')];
      }
      case 'h1':
      case 'h2':
      case 'h3':
      case 'h4':
      case 'h5':
      case 'h6':
        // A heading inside a comment reads as a strong line; a real heading would dwarf the page's own.
        return this.blocks(children).map((block) => wrap(block.replace(/\n/g, ' '), '**'));
      default:
        return this.blocks(children);
    }
  }

  private inline(node: T.ChildNode): string {
    if (node.nodeName === '#text') return escapeText((node as T.TextNode).value);
    if (!isElement(node) || DROPPED.has(node.tagName)) return '';
    const inner = () => node.childNodes.map((child) => this.inline(child)).join('');
    switch (node.tagName) {
      case 'br':
        return BR;
      case 'strong':
      case 'b':
        return wrap(inner(), '**');
      case 'em':
      case 'i':
        return wrap(inner(), '*');
      case 's':
      case 'del':
      case 'strike':
        return wrap(inner(), '~~');
      case 'code':
      case 'kbd':
      case 'tt':
        return codeSpan(node.childNodes.map(textContent).join(''));
      case 'a': {
        const href = attr(node, 'href') ?? '';
        const text = inner();
        if (!SAFE_HREF.test(href)) return text;
        if (text.trim() === '' || text === escapeText(href)) return `<${destination(href)}>`;
        return `[${text.replace(/\s+/g, ' ').trim()}](${destination(href)})`;
      }
      case 'img': {
        const alt = escapeText(attr(node, 'alt') ?? '');
        const src = attr(node, 'src') ?? '';
        // Images are not rendered (tracking pixels); a link keeps what the commenter pointed at.
        return SAFE_HREF.test(src) ? `[${alt || 'image'}](${destination(src)})` : alt;
      }
      default:
        return inner();
    }
  }
}

/**
 * @example htmlToMarkdown('<p>Hello <b>world</b></p><p>Bye</p>') // 'Hello **world**\n\nBye'
 */
export const htmlToMarkdown = (html: string, options: HtmlToMarkdownOptions = {}): string => {
  const fragment = parseFragment(html);
  return new Converter(options.newlines ?? 'collapse').blocks(fragment.childNodes).join('\n\n').trim();
};
