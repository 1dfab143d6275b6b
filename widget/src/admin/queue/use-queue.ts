/**
 * The comment queue's data: one status tab, a search, the loaded pages, the counts per status, and the
 * actions, each of which updates the list in place (a comment that leaves the tab's status leaves the list)
 * and refreshes the counts.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type {
  AdminComment,
  AdminStatus,
  BulkAction,
  CommentPatch,
  Counts,
} from '../../../../worker/types/api.ts';
import type { Result } from '../api.ts';
import { useAdmin } from '../context.ts';

export interface Filter {
  status: AdminStatus;
  q?: string;
  url?: string;
}

const PAGE = 50;

export const useQueue = (filter: Filter) => {
  const { api, t, announce, fail } = useAdmin();
  const [comments, setComments] = useState<AdminComment[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [counts, setCounts] = useState<Counts | null>(null);
  /** Answers to an older filter are dropped: the owner may switch tabs faster than the API answers. */
  const generation = useRef(0);

  const refreshCounts = useCallback(async () => {
    const result = await api.counts();
    if (result.ok) setCounts(result.value.counts);
  }, [api]);

  const load = useCallback(
    async (cursor?: string) => {
      const mine = cursor ? generation.current : ++generation.current;
      setLoading(true);
      const result = await api.queue({ ...filter, limit: PAGE, ...(cursor && { cursor }) });
      if (mine !== generation.current) return;
      setLoading(false);
      if (!result.ok) return fail(result.error);
      const page = result.value;
      setComments((shown) => (cursor ? [...shown, ...page.comments] : page.comments));
      setNextCursor(page.nextCursor);
      if (!cursor && (filter.q || filter.url)) announce(t.results(page.comments.length, !!page.nextCursor));
    },
    [api, filter.status, filter.q, filter.url],
  );

  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    void refreshCounts();
  }, [refreshCounts]);

  /** Runs one call about one comment; on success says `message` and puts the answer in the list. */
  const apply = async (
    comment: AdminComment,
    call: Promise<Result<{ comment: AdminComment } | null>>,
    message: string,
  ): Promise<boolean> => {
    const result = await call;
    if (!result.ok) {
      fail(result.error);
      return false;
    }
    const updated = result.value?.comment;
    setComments((shown) =>
      updated && updated.status === filter.status
        ? shown.map((c) => (c.id === comment.id ? updated : c))
        : shown.filter((c) => c.id !== comment.id),
    );
    announce(message);
    void refreshCounts();
    return true;
  };

  const patch = (comment: AdminComment, change: CommentPatch, message: string) =>
    apply(comment, api.patchComment(comment.id, change), message);

  return {
    comments,
    nextCursor,
    loading,
    counts,
    loadMore: () => nextCursor && load(nextCursor),
    setStatus: (comment: AdminComment, status: AdminStatus) => patch(comment, { status }, t.done[status]),
    togglePin: (comment: AdminComment) =>
      patch(comment, { pinned: !comment.pinned }, comment.pinned ? t.unpinned : t.pinned),
    erase: (comment: AdminComment) => apply(comment, api.eraseComment(comment.id), t.erased),
    ban: async (comment: AdminComment) => {
      const result = await api.addBan({ commentId: comment.id });
      if (!result.ok) return fail(result.error);
      announce(t.banned(result.value.bans.map((b) => t.banKinds[b.kind])));
    },
    reply: async (comment: AdminComment, body: string, name?: string) => {
      const result = await api.reply(comment.id, body, name);
      if (!result.ok) {
        fail(result.error);
        return false;
      }
      const reply = result.value.comment;
      setComments((shown) =>
        filter.status === 'approved' ? shown.flatMap((c) => (c.id === comment.id ? [c, reply] : [c])) : shown,
      );
      announce(t.replied);
      void refreshCounts();
      return true;
    },
    bulk: async (ids: string[], action: BulkAction) => {
      const result = await api.bulk(ids, action);
      if (!result.ok) {
        fail(result.error);
        return false;
      }
      announce(t.bulkDone(result.value.updated));
      void load();
      void refreshCounts();
      return true;
    },
  };
};

export type QueueState = ReturnType<typeof useQueue>;
