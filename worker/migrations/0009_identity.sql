-- Identity (issue 13): readers who sign in, their sessions, and one-time sign-in flows. Still no cookies:
-- a session is an opaque bearer token the widget keeps in localStorage; only its SHA-256 is stored here.

CREATE TABLE users (
  -- nanoid; never derived from a provider's id, so an account can hold several identities.
  id TEXT PRIMARY KEY,
  -- The name the provider (or the site's SSO token) vouches for: shown as the verified author name.
  name TEXT NOT NULL,
  -- A verified address (lower-cased) or NULL: only a provider that verified it, a magic link or SSO set it.
  email TEXT,
  -- The provider's avatar URL: never sent to a reader's browser unless the owner allows it.
  avatar_url TEXT,
  created_at TEXT NOT NULL,
  -- A ban by account (issue 13, item 5): set, the account can neither post nor like.
  banned_at TEXT
) WITHOUT ROWID;
CREATE INDEX users_by_email ON users (email) WHERE email IS NOT NULL;

-- One row per way of signing in to an account: provider `github`, `google`, `twitter`, `facebook`, `oidc`,
-- `email` (magic link; subject = the address) or `sso` (subject = the host site's user id).
CREATE TABLE identities (
  provider TEXT NOT NULL,
  subject TEXT NOT NULL,
  user_id TEXT NOT NULL REFERENCES users (id),
  created_at TEXT NOT NULL,
  PRIMARY KEY (provider, subject)
) WITHOUT ROWID;
CREATE INDEX identities_by_user ON identities (user_id);

CREATE TABLE sessions (
  -- SHA-256 (hex) of the bearer token: a leaked table signs nobody in.
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users (id),
  -- How this session signed in (the identity's provider): shown as Comment.author.verified.provider.
  provider TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  revoked_at TEXT
) WITHOUT ROWID;
CREATE INDEX sessions_by_user ON sessions (user_id);

-- Single-use, short-lived steps of a sign-in: an OAuth `state` (with its PKCE verifier and the opener's
-- origin) or a magic link. `id_hash` is the SHA-256 of the value that travels; consumed by DELETE … RETURNING.
CREATE TABLE auth_flows (
  id_hash TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('oauth', 'email')),
  data TEXT NOT NULL DEFAULT '{}',
  expires_at TEXT NOT NULL
) WITHOUT ROWID;

-- A signed-in comment: its account, and the provider that vouched for its name (NULL for a guest).
ALTER TABLE comments ADD COLUMN user_id TEXT;
ALTER TABLE comments ADD COLUMN author_provider TEXT;
CREATE INDEX comments_by_user ON comments (user_id, seq) WHERE user_id IS NOT NULL;
