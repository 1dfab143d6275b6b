import { describe, expect, it } from 'vitest';
import { buildTree } from '../../widget/src/tree.ts';
import { comment } from './helpers.ts';

describe('buildTree', () => {
  it('nests each reply under its parent, keeping the server’s order', () => {
    const a = comment({ id: 'a' });
    const a1 = comment({ id: 'a1', parentId: 'a' });
    const a1x = comment({ id: 'a1x', parentId: 'a1' });
    const a2 = comment({ id: 'a2', parentId: 'a' });
    const b = comment({ id: 'b' });
    const tree = buildTree([a, a1, a1x, a2, b]);
    expect(tree.map((n) => n.comment.id)).toEqual(['a', 'b']);
    expect(tree[0]?._replies.map((n) => n.comment.id)).toEqual(['a1', 'a2']);
    expect(tree[0]?._replies[0]?._replies.map((n) => n.comment.id)).toEqual(['a1x']);
  });

  it('shows a reply whose parent is missing as a root instead of losing it', () => {
    const orphan = comment({ id: 'o', parentId: 'gone' });
    expect(buildTree([orphan]).map((n) => n.comment.id)).toEqual(['o']);
  });
});
