-- Mastodon replies (issue 18, item 2): a thread linked to the toot that announced its page, and the
-- statuses imported from that toot's public context as comments of kind 'mastodon' (migration 0016).

-- One link per thread. `linked_by` says who made it: the owner (admin API) or the embed's data-mastodon,
-- which may never replace the owner's (docs/api.md "Mastodon"). The toot's favourites and boosts are kept
-- here, apart from the readers' page likes, and threads.likes holds their sum: a fetch moves threads.likes
-- by the difference from what it last counted, so a refetch never counts twice.
-- The fetch schedule: `due_at` is when the Cron Trigger may fetch it again (later after each failure),
-- `claimed_at` the start of the last fetch, a lease that also spaces the readers' refreshes.
CREATE TABLE mastodon_links (
  thread_id INTEGER PRIMARY KEY REFERENCES threads (id) ON DELETE CASCADE,
  status_url TEXT NOT NULL,
  host TEXT NOT NULL,
  status_id TEXT NOT NULL,
  linked_by TEXT NOT NULL CHECK (linked_by IN ('owner', 'embed')),
  linked_at TEXT NOT NULL,
  favourites INTEGER NOT NULL DEFAULT 0 CHECK (favourites >= 0),
  reblogs INTEGER NOT NULL DEFAULT 0 CHECK (reblogs >= 0),
  due_at TEXT NOT NULL,
  claimed_at TEXT,
  fetched_at TEXT,
  ok_at TEXT,
  failures INTEGER NOT NULL DEFAULT 0,
  last_error TEXT
);
-- The cron's pick: links that are due, the least recently fetched first.
CREATE INDEX mastodon_links_due ON mastodon_links (due_at, fetched_at);

-- What each imported comment was on the instance: its status id (a reply's in_reply_to_id names it), the
-- toot whose context brought it (only that toot's fetch may find it deleted), its author's account and
-- avatar URL (kept, not shown: readers see generated avatars), and what was imported (an edit differs).
-- No foreign key to comments on purpose: a row whose comment the owner erased stays as the record that it
-- was dismissed, so the next fetch does not import the status again. A thread merge moves the rows along.
CREATE TABLE mastodon_statuses (
  comment_id TEXT PRIMARY KEY,
  thread_id INTEGER NOT NULL,
  status_id TEXT NOT NULL,
  toot_url TEXT NOT NULL,
  account_url TEXT NOT NULL,
  acct TEXT NOT NULL,
  avatar_url TEXT,
  version TEXT NOT NULL,
  -- The comment's source_url (the import key): still known once the comment is gone.
  source_url TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX mastodon_statuses_by_thread ON mastodon_statuses (thread_id);
CREATE INDEX mastodon_statuses_by_account ON mastodon_statuses (account_url);
