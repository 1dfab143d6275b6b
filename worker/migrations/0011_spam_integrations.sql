-- Spam integrations (issue 14, part I).

-- What Akismet needs to hear of a moderator's later decision (submit-spam / submit-ham): the poster's IP,
-- user agent and referrer, which comments never store (they keep a keyed IP hash only). Written only while
-- AKISMET_KEY is set, sealed with AES-GCM under a key derived from SECRET_KEY (lib/sealed-box.ts), kept
-- 30 days, and gone with the comment when it is erased.
CREATE TABLE spam_context (
  comment_id TEXT PRIMARY KEY REFERENCES comments (id) ON DELETE CASCADE,
  sealed TEXT NOT NULL,
  expires_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE INDEX spam_context_by_expiry ON spam_context (expires_at);

-- One-click moderation links of the owner's notifications (lib/moderation-link.ts): the three links of
-- one message share a nonce; the first action taken records it here, in the same batch as the action, so
-- a replayed or second link is refused. `nonce_hash` is the SHA-256 of the nonce that travelled.
CREATE TABLE used_moderation_links (
  nonce_hash TEXT PRIMARY KEY,
  comment_id TEXT NOT NULL,
  action TEXT NOT NULL CHECK (action IN ('approve', 'spam', 'delete')),
  used_at TEXT NOT NULL,
  -- When the link would have expired anyway: rows older than that can go.
  expires_at TEXT NOT NULL
) WITHOUT ROWID;
