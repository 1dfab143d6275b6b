-- Threads (one per page) and their comments. Append-only: later changes go in new migration files.

CREATE TABLE threads (
  id INTEGER PRIMARY KEY,
  -- The explicit id the page gave, else its normalized URL (API.md "Threads and page identity").
  key TEXT NOT NULL UNIQUE,
  url TEXT NOT NULL,
  title TEXT NOT NULL DEFAULT '',
  -- Approved, non-deleted comments; kept in step by every write in the same db.batch.
  comment_count INTEGER NOT NULL DEFAULT 0,
  likes INTEGER NOT NULL DEFAULT 0,
  locked INTEGER NOT NULL DEFAULT 0 CHECK (locked IN (0, 1)),
  created_at TEXT NOT NULL
);

CREATE TABLE comments (
  -- Creation order: AUTOINCREMENT never reuses a value, so cursors built on it stay valid.
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  thread_id INTEGER NOT NULL REFERENCES threads (id),
  parent_id TEXT,
  -- The root comment of this comment's tree (its own id for a root): a page is its roots' trees.
  root_id TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('approved', 'pending', 'spam', 'deleted')),
  pinned INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1)),
  likes INTEGER NOT NULL DEFAULT 0,
  -- Listed direct replies: a deleted comment stays as a placeholder while it has some.
  reply_count INTEGER NOT NULL DEFAULT 0,
  -- Whether GET /threads shows it: approved, or a deleted placeholder that still has replies.
  listed INTEGER GENERATED ALWAYS AS (status = 'approved' OR (status = 'deleted' AND reply_count > 0)) VIRTUAL,
  -- The Markdown exactly as typed, and the HTML rendered from it on the server.
  body TEXT NOT NULL,
  html TEXT NOT NULL,
  author_name TEXT,
  author_email TEXT,
  author_website TEXT,
  avatar TEXT NOT NULL,
  moderator INTEGER NOT NULL DEFAULT 0 CHECK (moderator IN (0, 1)),
  -- HMAC(SECRET_KEY) of the poster's IP; the IP itself is never stored.
  ip_hash TEXT,
  -- The client's idempotency key: a retried POST finds its comment instead of making a second one.
  client_id TEXT UNIQUE,
  notify INTEGER NOT NULL DEFAULT 0 CHECK (notify IN (0, 1)),
  created_at TEXT NOT NULL,
  edited_at TEXT
);

-- Paging by root comment: pinned roots first, then by age (oldest/newest) or by likes (top).
CREATE INDEX comments_roots_by_age ON comments (thread_id, pinned, seq) WHERE parent_id IS NULL AND listed = 1;
CREATE INDEX comments_roots_by_likes ON comments (thread_id, pinned, likes, seq) WHERE parent_id IS NULL AND listed = 1;
-- Every listed comment of a page's trees, in creation order (a reply always comes after its parent).
CREATE INDEX comments_by_root ON comments (root_id, seq) WHERE listed = 1;
-- Moderation ("first-time" mode looks for an earlier approved comment by the same e-mail).
CREATE INDEX comments_by_email ON comments (author_email, status) WHERE author_email IS NOT NULL;
