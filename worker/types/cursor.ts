/** Where the next page of a thread starts, in its sort order (encoded for clients by lib/cursor.ts). */
export type Cursor =
  | { sort: 'oldest' | 'newest'; tree: number }
  | { sort: 'top'; pinned: 0 | 1; seq: number; likes: number };
