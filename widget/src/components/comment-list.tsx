/**
 * The reply tree, nested as lists down to `maxDepth`; below that a comment's whole subtree is one flat
 * list, each reply saying whom it answers ("↳ In reply to name", a link to that comment), so neither the
 * indentation on a phone nor the depth of components grows with the chain (issue 11, item 1: a chain of
 * ~215 nested components overflowed the stack and blanked the thread). Each root's tree renders inside its
 * own error boundary.
 */
import { useRef } from 'preact/hooks';
import type { Comment } from '../../../worker/types/api.ts';
import { type CommentNode, descendants } from '../tree.ts';
import { CommentForm } from './comment-form.tsx';
import { CommentItem } from './comment-item.tsx';
import { Guard } from './guard.tsx';
import { MoreReplies } from './more-replies.tsx';
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
}

type BranchProps = Omit<CommentListProps, '_nodes'> & { _node: CommentNode };

/** One comment, its inline reply form when open, and its replies; a root, the button for the rest. */
const Branch = ({ _node, ...props }: BranchProps) => {
  const { comment, _replies, _parent } = _node;
  const { widget, _replyTo, _canReply, _onReply, _onPosted, _depth = 0 } = props;
  const replyButton = useRef<HTMLButtonElement>(null);
  const open = _replyTo === comment.id;
  const reply =
    _canReply && comment.status === 'approved' ? () => _onReply(open ? null : comment.id) : undefined;
  // Above maxDepth, the replies nest; at it, the whole subtree comes as one list; below, it is in that list.
  const replies = _depth < maxDepth ? _replies : _depth === maxDepth ? descendants(_node) : [];
  return (
    <li>
      <CommentItem
        widget={widget}
        comment={comment}
        _replying={open}
        _replyButton={replyButton}
        _onReply={reply}
        _inReplyTo={_depth > maxDepth ? _parent : undefined}
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
        {replies.length > 0 && <CommentList {...props} _nodes={replies} _depth={_depth + 1} />}
        {comment.replies && <MoreReplies widget={widget} _root={comment} />}
      </CommentItem>
    </li>
  );
};

export const CommentList = ({ _nodes, ...props }: CommentListProps) => {
  const depth = props._depth ?? 0;
  return (
    // Past maxDepth the replies stay at the last level: one list, no further indent.
    <ol class={depth === 0 ? 'comments' : depth <= maxDepth ? 'replies' : 'replies flat'}>
      {_nodes.map((node) =>
        depth ? (
          <Branch key={node.comment.id} _node={node} {...props} />
        ) : (
          <Guard key={node.comment.id} _text={props.widget.t.m._treeFailed}>
            <Branch _node={node} {...props} />
          </Guard>
        ),
      )}
    </ol>
  );
};
