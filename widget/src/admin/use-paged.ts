/** A cursor-paged listing (threads, audit log): the first page on mount, then "Load more". */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Result } from './api.ts';
import { useAdmin } from './context.ts';

export const usePaged = <P extends { nextCursor: string | null }, T>(
  fetchPage: (cursor?: string) => Promise<Result<P>>,
  items: (page: P) => T[],
) => {
  const { fail } = useAdmin();
  const [list, setList] = useState<T[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);

  const load = useCallback(async (cursor?: string) => {
    setLoading(true);
    const result = await fetchPage(cursor);
    setLoading(false);
    if (!result.ok) return fail(result.error);
    setList((shown) => (cursor ? [...shown, ...items(result.value)] : items(result.value)));
    setNextCursor(result.value.nextCursor);
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  return {
    list,
    setList,
    loading,
    nextCursor,
    reload: () => load(),
    loadMore: () => nextCursor && load(nextCursor),
  };
};
