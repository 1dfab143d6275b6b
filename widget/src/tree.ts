/**
 * Builds the reply tree from the API's flat list (each reply after its parent, API.md "GET /threads"), and
 * walks it, without recursion: a chain of replies can be thousands deep (issue 11, item 1).
 */
import type { Comment } from '../../worker/types/api.ts';

export interface CommentNode {
  comment: Comment;
  _replies: CommentNode[];
  /** The comment this one answers, when it is in the list (what "In reply to" names past `maxDepth`). */
  _parent?: Comment;
}

/**
 * Keeps the server's order at every level. A reply whose parent is not in the list (it should not happen,
 * but a page boundary or a moderation race could cause it) is shown as a root rather than lost. A parent is
 * looked up before the reply is registered, so no list (a reply naming itself, a repeated id) makes a cycle.
 */
export const buildTree = (comments: readonly Comment[]): CommentNode[] => {
  const nodes = new Map<string, CommentNode>();
  const roots: CommentNode[] = [];
  for (const comment of comments) {
    const parent = comment.parentId === null ? undefined : nodes.get(comment.parentId);
    const node: CommentNode = { comment, _replies: [], _parent: parent?.comment };
    nodes.set(comment.id, node);
    (parent ? parent._replies : roots).push(node);
  }
  return roots;
};

/** Every reply under `node`, at any depth, in reading order (each after its parent, siblings in order). */
export const descendants = (node: CommentNode): CommentNode[] => {
  const out: CommentNode[] = [];
  // An explicit stack, not recursion; pushed in reverse so the first reply comes out first.
  const stack = [...node._replies].reverse();
  for (let next = stack.pop(); next; next = stack.pop()) {
    out.push(next);
    for (let i = next._replies.length; i--; ) stack.push(next._replies[i] as CommentNode);
  }
  return out;
};
