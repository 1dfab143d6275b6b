-- Moderation: the audit log of every owner action, and the indexes behind the admin queue.

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  -- Who acted: "admin" (the ADMIN_TOKEN holder).
  actor TEXT NOT NULL,
  -- What: comment.status, comment.pin, comment.edit, comment.delete, comment.reply, thread.update,
  -- thread.move, thread.merge, ban.create, ban.delete.
  action TEXT NOT NULL,
  comment_id TEXT,
  thread_key TEXT,
  -- A small JSON object (e.g. {"from":"pending","to":"approved"}); never an e-mail address or a body.
  detail TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_by_comment ON audit_log (comment_id, id) WHERE comment_id IS NOT NULL;

-- The admin queue: newest first within a status, and within a thread (also its pending count).
CREATE INDEX comments_by_status ON comments (status, seq);
CREATE INDEX comments_admin_by_thread ON comments (thread_id, status, seq);
-- Replies of any status (a hard delete keeps a placeholder while a comment has replies).
CREATE INDEX comments_by_parent ON comments (parent_id) WHERE parent_id IS NOT NULL;
CREATE INDEX bans_by_created ON bans (created_at);
