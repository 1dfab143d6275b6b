/** After an edit or a delete (part of the extras): the thread with one comment replaced or removed. */
import type { Comment } from '../../../worker/types/api.ts';
import type { ThreadState } from './use-thread.ts';

/** Replaces one comment (an edit), or turns it into a deleted placeholder (`null`). */
export const replaceComment =
  (commentId: string, next: Comment | null) =>
  (s: ThreadState): ThreadState => {
    const old = s.comments.find((comment) => comment.id === commentId);
    if (!old) return s;
    // A deleted comment with replies stays as a placeholder, so its replies keep their place.
    const hasReplies = s.comments.some((comment) => comment.parentId === commentId);
    const placeholder: Comment = { ...old, author: null, html: '', status: 'deleted', likes: 0 };
    const replacement = next ?? (hasReplies ? placeholder : undefined);
    const comments = s.comments.flatMap((comment) =>
      comment.id !== commentId ? [comment] : replacement ? [replacement] : [],
    );
    const counted = !next && old.status === 'approved' && s.thread;
    return {
      ...s,
      comments,
      thread: counted ? { ...counted, commentCount: Math.max(0, counted.commentCount - 1) } : s.thread,
    };
  };
