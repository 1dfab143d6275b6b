-- Replies from the open web (issue 18): a comment may come from a Webmention or from a Mastodon reply
-- instead of the widget. `kind` says which (API.md, `Comment.kind`); `source_url` is the page or status it
-- came from and `source_type` what it is there: a reply, a like or a repost (a like or repost has no
-- text and shows as a face, not as a comment). Both stay NULL for an ordinary comment.
ALTER TABLE comments ADD COLUMN kind TEXT NOT NULL DEFAULT 'comment'
  CHECK (kind IN ('comment', 'webmention', 'mastodon'));
ALTER TABLE comments ADD COLUMN source_url TEXT;
ALTER TABLE comments ADD COLUMN source_type TEXT CHECK (source_type IN ('reply', 'like', 'repost'));

-- One comment per source and thread: a Webmention sent again, or a Mastodon context fetched again, updates
-- the comment it made the first time instead of adding one (the idempotency key of both importers).
CREATE UNIQUE INDEX comments_by_source ON comments (thread_id, source_url) WHERE source_url IS NOT NULL;
