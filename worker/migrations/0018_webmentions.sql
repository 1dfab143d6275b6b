-- Webmentions received (issue 18, W3C Webmention https://www.w3.org/TR/2017/REC-webmention-20170112/):
-- one row per (source, target) pair, its status the one GET /webmention/:id shows. A pair sent again is
-- the same row made pending again (an update of the mention), so a sender's retries never pile up.
CREATE TABLE webmentions (
  id TEXT PRIMARY KEY,
  source TEXT NOT NULL,
  target TEXT NOT NULL,
  -- The thread the target is (its key), chosen when the request was accepted for verification.
  thread_key TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'rejected')),
  -- Why it was rejected, or why the last attempt of a still pending one failed (API.md: a closed list).
  reason TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  -- When the Cron Trigger may try a pending one again: the backoff, or a lease while an attempt runs.
  next_attempt_at TEXT,
  -- The comment it made (kind 'webmention'), kept after a deletion for the status page.
  comment_id TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE UNIQUE INDEX webmentions_by_pair ON webmentions (source, target);
-- What the scheduled job retries: pending requests by the time they are due.
CREATE INDEX webmentions_due ON webmentions (next_attempt_at) WHERE status = 'pending';

-- A like or a repost shows as a face, not as a comment, so it is not in threads.comment_count (API.md,
-- `Thread.commentCount`). The webmention service inserts them without counting them; moderation and erasure
-- (db/moderation.ts) move the count of any comment whose status changes, before the status itself changes
-- (their guards need the old status), so once such a row's status has changed or it is gone the thread's
-- count is taken again from its rows. Ordinary comments never fire these triggers.
CREATE TRIGGER comments_faces_status AFTER UPDATE OF status ON comments
WHEN new.source_type IN ('like', 'repost')
BEGIN
  UPDATE threads SET comment_count = (
    SELECT count(*) FROM comments
    WHERE thread_id = new.thread_id AND status = 'approved' AND coalesce(source_type, 'reply') = 'reply'
  ) WHERE id = new.thread_id;
END;

CREATE TRIGGER comments_faces_erased AFTER DELETE ON comments
WHEN old.source_type IN ('like', 'repost')
BEGIN
  UPDATE threads SET comment_count = (
    SELECT count(*) FROM comments
    WHERE thread_id = old.thread_id AND status = 'approved' AND coalesce(source_type, 'reply') = 'reply'
  ) WHERE id = old.thread_id;
END;
