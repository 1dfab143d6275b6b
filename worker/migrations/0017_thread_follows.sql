-- Following a thread by e-mail (issue 17, item 2). One row per address and thread; nothing is written
-- per comment: `last_seq` is the cursor (comments.seq) of the last comment mailed, and the Cron Trigger
-- asks which follows have approved comments past it (services/notify/follow-digest.ts). A follow counts
-- only once its address is vouched for: `user_id` set (a signed-in account's verified address), or the
-- address confirmed through the double opt-in (`confirmed_addresses`, joined by `address_hash`).
CREATE TABLE thread_follows (
  id TEXT PRIMARY KEY,
  -- A merged or deleted thread takes its follows with it (admin-threads.ts deletes the merged one).
  thread_id INTEGER NOT NULL REFERENCES threads (id) ON DELETE CASCADE,
  -- Lower-cased: where the e-mails go, and how a follower's own comments are recognised.
  email TEXT NOT NULL,
  -- The keyed hash of lib/confirm-link.ts `addressHash`, as confirmed_addresses stores it.
  address_hash TEXT NOT NULL,
  -- The account that followed with its verified address; no foreign key: erasing an account deletes its
  -- follows (db/accounts.ts) instead of failing on them.
  user_id TEXT,
  -- The language of its e-mails (lib/mail-i18n), from the request that followed.
  lang TEXT NOT NULL DEFAULT 'en',
  -- The worker's origin the follow was made on: the cron has no request to take its links' origin from.
  origin TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_seq INTEGER NOT NULL,
  last_sent_at TEXT,
  UNIQUE (thread_id, address_hash)
);

CREATE INDEX thread_follows_by_user ON thread_follows (user_id) WHERE user_id IS NOT NULL;
CREATE INDEX thread_follows_by_sent ON thread_follows (last_sent_at);
