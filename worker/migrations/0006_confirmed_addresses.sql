-- Double opt-in for reply e-mails (issue 11): an address gets a reply notification only once its owner
-- followed the confirmation link. Keyed by a keyed hash of the lower-cased address (SECRET_KEY), never the
-- address itself; `requested_at` limits confirmation e-mails to one a day per address.
CREATE TABLE confirmed_addresses (
  address_hash TEXT PRIMARY KEY,
  requested_at TEXT,
  confirmed_at TEXT
) WITHOUT ROWID;
