-- Issue 20: every e-mail the worker sends or holds back, one row each. The owner reads the failures
-- through GET /api/v1/admin/mail; the daily cap and the digest window count a recipient's rows.
-- status: sent | failed (after its retries) | capped (over EMAIL_DAILY_CAP_PER_RECIPIENT) |
--         queued (a reply within the digest window, waiting for the digest) | digested (sent in one).
CREATE TABLE mail_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  created_at TEXT NOT NULL,
  kind TEXT NOT NULL,
  recipient TEXT NOT NULL,
  subject TEXT NOT NULL,
  transport TEXT NOT NULL,
  status TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  -- The HTTP status of the last attempt (null for the binding, or when no answer came).
  last_status INTEGER,
  error TEXT,
  -- For a queued reply: what the digest will say of it (JSON), dropped once it is sent.
  payload TEXT
);

CREATE INDEX mail_log_recipient ON mail_log (recipient, created_at);
CREATE INDEX mail_log_status ON mail_log (status, id);
