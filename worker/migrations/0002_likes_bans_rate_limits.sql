-- Likes (one per reader per comment or page), bans, and the write counters behind rate limiting.

-- The reader's opaque widget id, as a keyed hash: per-reader rate limits and bans.
ALTER TABLE comments ADD COLUMN reader_hash TEXT;

CREATE TABLE likes (
  -- 'c:<comment id>' or 't:<thread id>'.
  target TEXT NOT NULL,
  -- HMAC(SECRET_KEY) of the reader's opaque id: one like per reader, nothing to trace back.
  reader_hash TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (target, reader_hash)
) WITHOUT ROWID;

CREATE TABLE bans (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('email', 'ip', 'reader')),
  -- A lower-cased e-mail address, or an IP hash, or a reader hash (never a raw IP).
  value TEXT NOT NULL,
  reason TEXT,
  expires_at TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX bans_by_value ON bans (kind, value);

-- Fixed-window write counters: one row per (reader or IP hash, period); old periods are pruned on write.
CREATE TABLE rate_hits (
  key TEXT NOT NULL,
  period INTEGER NOT NULL,
  hits INTEGER NOT NULL,
  PRIMARY KEY (key, period)
) WITHOUT ROWID;

-- Latest approved comments, of one thread (its Atom feed) and of the site (GET /recent, the site feed):
-- partial indexes, so pending and spam comments are never even stepped over.
CREATE INDEX comments_approved_by_thread ON comments (thread_id, seq) WHERE status = 'approved';
CREATE INDEX comments_approved ON comments (seq) WHERE status = 'approved';
