-- Names signed-in accounts have posted under (issue 13, item 5): a guest may not take one, so a verified
-- author cannot be impersonated by a guest typing the same name. `name_key` is the name folded as the
-- blocklist folds text (lib/text-fold.ts), so "Zoé", "ZOÉ" and a homoglyph twin are the same key.
CREATE TABLE account_names (
  name_key TEXT NOT NULL,
  user_id TEXT NOT NULL REFERENCES users (id),
  created_at TEXT NOT NULL,
  PRIMARY KEY (name_key, user_id)
) WITHOUT ROWID;
CREATE INDEX account_names_by_user ON account_names (user_id);

-- Why the owner banned the account (users.banned_at, migration 0009): shown with the ban, like bans.reason.
ALTER TABLE users ADD COLUMN ban_reason TEXT;
