/**
 * A tolerant streaming reader of XML exports (saxes): it hands over one small element tree per record
 * (a WordPress <item>, a Disqus <thread> or <post>) as soon as the record closes, so a file of any size is
 * read in constant memory. A malformed record does not stop the file: saxes reports the error and goes on
 * (a bad close tag pops back to the matching open one, which resynchronises at the record's end); the
 * reader marks every element open at that moment, and the parser skips the marked record and reports where.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';
import type { ImportParser } from './model.ts';

export interface XNode {
  /** Local name (`comment` for `wp:comment`) and namespace URI. */
  name: string;
  uri: string;
  /** Attribute values by qualified name (`dsq:id`) and by local name (`id`). */
  attrs: Record<string, string>;
  children: XNode[];
  /** Text and CDATA directly inside, concatenated, untrimmed. */
  text: string;
  line: number;
  column: number;
  /** The first XML error met while this element was open, with its position. */
  error: { message: string; position: string } | null;
}

export interface RecordReaderOptions {
  /** Whether the element at this path (local names from the root) is a record. */
  isRecord: (path: readonly string[]) => boolean;
  onRecord: (node: XNode) => void;
  /** An XML error outside any record. */
  onError: (position: string, message: string) => void;
}

const position = (line: number, column: number): string => `line ${line}, column ${column + 1}`;

/** The first child with this local name (and, if given, a namespace URI starting with `uri`). */
export const child = (node: XNode | undefined, name: string, uri?: string): XNode | undefined =>
  node?.children.find((c) => c.name === name && (uri === undefined || c.uri.startsWith(uri)));

export const children = (node: XNode, name: string, uri?: string): XNode[] =>
  node.children.filter((c) => c.name === name && (uri === undefined || c.uri.startsWith(uri)));

/** The text of a child element, or `null` when there is no such element. */
export const childText = (node: XNode | undefined, name: string, uri?: string): string | null =>
  child(node, name, uri)?.text ?? null;

/**
 * @example createRecordReader({ isRecord: (p) => p.length === 2 && p[1] === 'post', onRecord, onError })
 */
export const createRecordReader = (options: RecordReaderOptions): ImportParser => {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const path: string[] = [];
  const qualified: string[] = [];
  const open: XNode[] = [];
  let started = false;
  let pending = '';

  parser.on('error', (err) => {
    // saxes prefixes "line:column: "; keep the bare message and our own position wording.
    const message = err.message.replace(/^\d+:\d+:\s*/, '');
    const where = position(parser.line, parser.column);
    if (open.length === 0) {
      options.onError(where, message);
      return;
    }
    for (const node of open) node.error ??= { message, position: where };
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    path.push(tag.local);
    qualified.push(tag.name);
    if (open.length === 0 && !options.isRecord(path)) return;
    const attrs: Record<string, string> = {};
    for (const a of Object.values(tag.attributes)) {
      attrs[a.name] = a.value;
      attrs[a.local] ??= a.value;
    }
    const node: XNode = {
      name: tag.local,
      uri: tag.uri,
      attrs,
      children: [],
      text: '',
      line: parser.line,
      column: parser.column,
      error: null,
    };
    open.at(-1)?.children.push(node);
    open.push(node);
  });
  const onText = (text: string) => {
    const node = open.at(-1);
    if (node) node.text += text;
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', (tag) => {
    // After a mismatched close tag saxes closes the matching element: pop down to it, not just one level.
    const depth = qualified.lastIndexOf(tag.name);
    const from = depth === -1 ? qualified.length - 1 : depth;
    const recordDepth = path.length - open.length;
    path.length = from;
    qualified.length = from;
    const closed = open.splice(Math.max(0, from - recordDepth));
    if (open.length === 0 && closed[0]) options.onRecord(closed[0]);
  });

  return {
    write(chunk: string) {
      if (started) {
        parser.write(chunk);
        return;
      }
      // Stray bytes before the XML declaration (a BOM, a backtick…): start at the first "<".
      pending += chunk;
      const at = pending.indexOf('<');
      if (at === -1) return;
      started = true;
      parser.write(pending.slice(at));
      pending = '';
    },
    close() {
      parser.close();
    },
  };
};
