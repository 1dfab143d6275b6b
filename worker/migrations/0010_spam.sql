-- The spam pipeline (issue 14): what every check said about a comment, and the private learning filter's
-- model, trained only on this site's own moderation decisions.

-- The pipeline's record on the comment: the highest score of its checks (0 clean … 1 spam), every check's
-- answer as JSON `[{check, verdict, score, detail}]`, and the outcome ('pass' | 'hold' | 'reject', the owner's
-- mode included). NULL on comments stored before this migration and on the owner's own replies.
ALTER TABLE comments ADD COLUMN spam_score REAL;
ALTER TABLE comments ADD COLUMN spam_reasons TEXT;
ALTER TABLE comments ADD COLUMN spam_verdict TEXT;
-- The filter's features of the body as last checked (a JSON array of at most 200 distinct tokens): what a
-- moderation decision trains, so a decision never re-reads or re-tokenises the text.
ALTER TABLE comments ADD COLUMN spam_tokens TEXT;
-- The owner's figures (GET /admin/spam) read the checked comments of the last N days.
CREATE INDEX comments_spam_by_created ON comments (created_at) WHERE spam_verdict IS NOT NULL;

-- Naive Bayes counts: for each token, in how many trained spam and ham comments it appears.
CREATE TABLE spam_tokens (
  token TEXT PRIMARY KEY,
  spam INTEGER NOT NULL DEFAULT 0 CHECK (spam >= 0),
  ham INTEGER NOT NULL DEFAULT 0 CHECK (ham >= 0)
) WITHOUT ROWID;

-- How many comments each class has trained on (a missing row is 0: the first decision creates it).
CREATE TABLE spam_classes (
  class TEXT PRIMARY KEY CHECK (class IN ('spam', 'ham')),
  docs INTEGER NOT NULL DEFAULT 0 CHECK (docs >= 0)
) WITHOUT ROWID;

-- Which class each comment trained, with the tokens it trained: a re-decision takes exactly these back
-- out of the old class before adding the comment to the new one, so nothing is ever counted twice.
CREATE TABLE spam_training (
  comment_id TEXT PRIMARY KEY,
  class TEXT NOT NULL CHECK (class IN ('spam', 'ham')),
  tokens TEXT NOT NULL,
  trained_at TEXT NOT NULL
) WITHOUT ROWID;
