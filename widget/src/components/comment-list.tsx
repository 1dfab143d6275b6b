/** The reply tree, nested as lists; indentation stops at `maxDepth` so deep threads stay readable on phones. */
import type { Comment } from '../../../worker/types/api.ts';
import type { CommentNode } from '../tree.ts';
import { CommentForm } from './comment-form.tsx';
import { CommentItem } from './comment-item.tsx';

const maxDepth = 3;

export interface CommentListProps {
  nodes: CommentNode[];
  /** The comment whose inline reply form is open, if any. */
  replyTo: string | null;
  canReply: boolean;
  onReply: (id: string | null) => void;
  onPosted: (comment: Comment) => void;
  depth?: number;
}

export const CommentList = (props: CommentListProps) => {
  const { nodes, replyTo, canReply, onReply, onPosted, depth = 0 } = props;
  return (
    // Past maxDepth the replies stay at the last level: same list, no further indent.
    <ol class={depth === 0 ? 'comments' : depth <= maxDepth ? 'replies' : 'replies flat'}>
      {nodes.map(({ comment, replies }) => {
        const open = replyTo === comment.id;
        return (
          <li key={comment.id}>
            <CommentItem
              comment={comment}
              replying={open}
              onReply={
                canReply && comment.status === 'approved'
                  ? () => onReply(open ? null : comment.id)
                  : undefined
              }
            />
            {open && <CommentForm parent={comment} onPosted={onPosted} onCancel={() => onReply(null)} />}
            {replies.length > 0 && <CommentList {...props} nodes={replies} depth={depth + 1} />}
          </li>
        );
      })}
    </ol>
  );
};
