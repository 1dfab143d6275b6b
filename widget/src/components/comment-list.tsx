/**
 * The reply tree, nested as lists; indentation stops at `maxDepth` so deep threads stay readable on phones,
 * and deeper replies say whom they answer ("↳ name") since the indentation no longer does.
 */
import { useRef } from 'preact/hooks';
import type { Comment } from '../../../worker/types/api.ts';
import type { CommentNode } from '../tree.ts';
import { CommentForm } from './comment-form.tsx';
import { CommentItem } from './comment-item.tsx';
import type { Widget } from './widget.ts';

export const maxDepth = 3;

export interface CommentListProps {
  widget: Widget;
  nodes: CommentNode[];
  /** The comment whose inline reply form is open, if any. */
  replyTo: string | null;
  canReply: boolean;
  onReply: (id: string | null) => void;
  onPosted: (comment: Comment) => void;
  depth?: number;
  /** The parent's author, when these replies are past `maxDepth`. */
  parentName?: string;
}

type BranchProps = Omit<CommentListProps, 'nodes'> & { node: CommentNode };

/** One comment, its inline reply form when open, and its replies. */
const Branch = ({ node: { comment, replies }, ...props }: BranchProps) => {
  const { widget, replyTo, canReply, onReply, onPosted, depth = 0, parentName } = props;
  const replyButton = useRef<HTMLButtonElement>(null);
  const open = replyTo === comment.id;
  const reply =
    canReply && comment.status === 'approved' ? () => onReply(open ? null : comment.id) : undefined;
  return (
    <li>
      <CommentItem
        widget={widget}
        comment={comment}
        replying={open}
        replyButton={replyButton}
        onReply={reply}
        inReplyTo={depth > maxDepth ? parentName : undefined}
      >
        {open && (
          <CommentForm
            widget={widget}
            parent={comment}
            onPosted={onPosted}
            onCancel={() => {
              onReply(null);
              replyButton.current?.focus(); // the form that had focus is gone: back to where the reader was
            }}
          />
        )}
        {replies.length > 0 && (
          <CommentList
            {...props}
            nodes={replies}
            depth={depth + 1}
            parentName={comment.author?.name ?? widget.t.m.deleted}
          />
        )}
      </CommentItem>
    </li>
  );
};

export const CommentList = ({ nodes, ...props }: CommentListProps) => {
  const depth = props.depth ?? 0;
  return (
    // Past maxDepth the replies stay at the last level: same list, no further indent.
    <ol class={depth === 0 ? 'comments' : depth <= maxDepth ? 'replies' : 'replies flat'}>
      {nodes.map((node) => (
        <Branch key={node.comment.id} node={node} {...props} />
      ))}
    </ol>
  );
};
