/** Builds the reply tree from the API's flat list (each reply after its parent, API.md "GET /threads"). */
import type { Comment } from '../../worker/types/api.ts';

export interface CommentNode {
  comment: Comment;
  _replies: CommentNode[];
}

/**
 * Keeps the server's order at every level. A reply whose parent is not in the list (it should not happen,
 * but a page boundary or a moderation race could cause it) is shown as a root rather than lost.
 */
export const buildTree = (comments: readonly Comment[]): CommentNode[] => {
  const nodes = new Map<string, CommentNode>();
  const roots: CommentNode[] = [];
  for (const comment of comments) {
    const node: CommentNode = { comment, _replies: [] };
    nodes.set(comment.id, node);
    const parent = comment.parentId === null ? undefined : nodes.get(comment.parentId);
    (parent ? parent._replies : roots).push(node);
  }
  return roots;
};
