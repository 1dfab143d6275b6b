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
  _nodes: CommentNode[];
  /** The comment whose inline reply form is open, if any. */
  _replyTo: string | null;
  _canReply: boolean;
  _onReply: (id: string | null) => void;
  _onPosted: (comment: Comment) => void;
  _depth?: number;
  /** The parent's author, when these replies are past `maxDepth`. */
  _parentName?: string;
}

type BranchProps = Omit<CommentListProps, '_nodes'> & { _node: CommentNode };

/** One comment, its inline reply form when open, and its replies. */
const Branch = ({ _node: { comment, _replies }, ...props }: BranchProps) => {
  const { widget, _replyTo, _canReply, _onReply, _onPosted, _depth = 0, _parentName } = props;
  const replyButton = useRef<HTMLButtonElement>(null);
  const open = _replyTo === comment.id;
  const reply =
    _canReply && comment.status === 'approved' ? () => _onReply(open ? null : comment.id) : undefined;
  return (
    <li>
      <CommentItem
        widget={widget}
        comment={comment}
        _replying={open}
        _replyButton={replyButton}
        _onReply={reply}
        _inReplyTo={_depth > maxDepth ? _parentName : undefined}
      >
        {open && (
          <CommentForm
            widget={widget}
            parent={comment}
            _onPosted={_onPosted}
            onCancel={() => {
              _onReply(null);
              replyButton.current?.focus(); // the form that had focus is gone: back to where the reader was
            }}
          />
        )}
        {_replies.length > 0 && (
          <CommentList
            {...props}
            _nodes={_replies}
            _depth={_depth + 1}
            _parentName={comment.author?.name ?? widget.t.m._deleted}
          />
        )}
      </CommentItem>
    </li>
  );
};

export const CommentList = ({ _nodes, ...props }: CommentListProps) => {
  const depth = props._depth ?? 0;
  return (
    // Past maxDepth the replies stay at the last level: same list, no further indent.
    <ol class={depth === 0 ? 'comments' : depth <= maxDepth ? 'replies' : 'replies flat'}>
      {_nodes.map((node) => (
        <Branch key={node.comment.id} _node={node} {...props} />
      ))}
    </ol>
  );
};
