/**
 * What a live event does to the thread's state (state/use-thread.ts), as pure updaters for the app's
 * `_change`: like counts and removals apply at once (they move no text); a new comment waits behind the
 * button (pill.ts) until the reader asks for it, and is then added by the app's own `add`.
 */
import type { Comment } from '../../../worker/types/api.ts';
import { replaceComment } from '../state/replace-comment.ts';
import type { ThreadState } from '../state/use-thread.ts';

/** A new like count, of one comment (`id`) or of the page (`null`). */
export const withLikes =
  (id: string | null, likes: number) =>
  (s: ThreadState): ThreadState =>
    id === null
      ? { ...s, thread: s.thread && { ...s.thread, likes } }
      : {
          ...s,
          comments: s.comments.map((comment) => (comment.id === id ? { ...comment, likes } : comment)),
        };

/** A comment deleted or moderated away: gone, or a placeholder where it has replies (as a delete does). */
export const without = (id: string) => replaceComment(id, null);

/** A comment the thread already shows, changed (an edit, a pin): replaced where it stands. */
export const withChanged = (comment: Comment) => replaceComment(comment.id, comment);
