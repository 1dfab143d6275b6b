/** Reads rendered HTML the way a browser would, with a real HTML parser (parse5), for assertions. */
import { type DefaultTreeAdapterMap, parseFragment } from 'parse5';

type Node = DefaultTreeAdapterMap['node'];

export interface ParsedElement {
  tag: string;
  attrs: Record<string, string>;
}

/** Every element of an HTML fragment, in document order. */
export const elements = (html: string): ParsedElement[] => {
  const found: ParsedElement[] = [];
  const walk = (node: Node) => {
    if ('tagName' in node) {
      found.push({ tag: node.tagName, attrs: Object.fromEntries(node.attrs.map((a) => [a.name, a.value])) });
    }
    if ('childNodes' in node) node.childNodes.forEach(walk);
  };
  walk(parseFragment(html));
  return found;
};
