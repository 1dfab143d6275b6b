-- The dashboard (issue 16): per day and thread, how many of that day's comments are published, held and
-- spam now, the likes given that day, and how long the held ones waited for a decision. The write path
-- keeps each row in step in the same db.batch as the write (db/daily-stats.ts): one row written per
-- comment, like or decision, so GET /admin/stats reads these rows and never scans comments.
-- `day` is the UTC date of the comment's creation (of the like, for likes): a status change moves one count
-- between the columns of the day the comment was written, a decision adds to that day's histogram.
CREATE TABLE daily_stats (
  day TEXT NOT NULL,
  thread_id INTEGER NOT NULL,
  published INTEGER NOT NULL DEFAULT 0,
  held INTEGER NOT NULL DEFAULT 0,
  spam INTEGER NOT NULL DEFAULT 0,
  page_likes INTEGER NOT NULL DEFAULT 0,
  comment_likes INTEGER NOT NULL DEFAULT 0,
  -- Time from a held comment's creation to the owner's decision on it (lib/moderation-buckets.ts), as a
  -- histogram: an exact median would need every decision time of the period, one row each.
  decided_1m INTEGER NOT NULL DEFAULT 0,
  decided_5m INTEGER NOT NULL DEFAULT 0,
  decided_15m INTEGER NOT NULL DEFAULT 0,
  decided_30m INTEGER NOT NULL DEFAULT 0,
  decided_1h INTEGER NOT NULL DEFAULT 0,
  decided_2h INTEGER NOT NULL DEFAULT 0,
  decided_4h INTEGER NOT NULL DEFAULT 0,
  decided_8h INTEGER NOT NULL DEFAULT 0,
  decided_1d INTEGER NOT NULL DEFAULT 0,
  decided_2d INTEGER NOT NULL DEFAULT 0,
  decided_4d INTEGER NOT NULL DEFAULT 0,
  decided_7d INTEGER NOT NULL DEFAULT 0,
  decided_later INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (day, thread_id)
) WITHOUT ROWID;

-- Backfill: the comments already there, by the day they were written and their status now.
INSERT INTO daily_stats (day, thread_id, published, held, spam)
SELECT date(created_at), thread_id, sum(status = 'approved'), sum(status = 'pending'), sum(status = 'spam')
FROM comments WHERE status <> 'deleted'
GROUP BY date(created_at), thread_id;

-- The likes standing now, by the day they were given (comment likes under their comment's thread).
INSERT INTO daily_stats (day, thread_id, page_likes, comment_likes)
SELECT date(l.created_at), coalesce(t.id, c.thread_id), sum(t.id IS NOT NULL), sum(c.id IS NOT NULL)
FROM likes l
  LEFT JOIN threads t ON l.target LIKE 't:%' AND t.key = substr(l.target, 3)
  LEFT JOIN comments c ON l.target LIKE 'c:%' AND c.id = substr(l.target, 3)
WHERE coalesce(t.id, c.thread_id) IS NOT NULL
GROUP BY date(l.created_at), coalesce(t.id, c.thread_id)
ON CONFLICT (day, thread_id) DO UPDATE SET
  page_likes = page_likes + excluded.page_likes, comment_likes = comment_likes + excluded.comment_likes;

-- The decisions the audit log recorded on held comments (a status change from pending), with the same
-- bucket bounds as lib/moderation-buckets.ts.
INSERT INTO daily_stats (day, thread_id, decided_1m, decided_5m, decided_15m, decided_30m, decided_1h,
  decided_2h, decided_4h, decided_8h, decided_1d, decided_2d, decided_4d, decided_7d, decided_later)
SELECT day, thread_id,
  sum(s < 60), sum(s >= 60 AND s < 300), sum(s >= 300 AND s < 900), sum(s >= 900 AND s < 1800),
  sum(s >= 1800 AND s < 3600), sum(s >= 3600 AND s < 7200), sum(s >= 7200 AND s < 14400),
  sum(s >= 14400 AND s < 28800), sum(s >= 28800 AND s < 86400), sum(s >= 86400 AND s < 172800),
  sum(s >= 172800 AND s < 345600), sum(s >= 345600 AND s < 604800), sum(s >= 604800)
FROM (
  SELECT date(c.created_at) AS day, c.thread_id, max(0, unixepoch(a.at) - unixepoch(c.created_at)) AS s
  FROM audit_log a JOIN comments c ON c.id = a.comment_id
  WHERE a.action = 'comment.status' AND json_extract(a.detail, '$.from') = 'pending'
)
WHERE true
GROUP BY day, thread_id
ON CONFLICT (day, thread_id) DO UPDATE SET
  decided_1m = decided_1m + excluded.decided_1m, decided_5m = decided_5m + excluded.decided_5m,
  decided_15m = decided_15m + excluded.decided_15m, decided_30m = decided_30m + excluded.decided_30m,
  decided_1h = decided_1h + excluded.decided_1h, decided_2h = decided_2h + excluded.decided_2h,
  decided_4h = decided_4h + excluded.decided_4h, decided_8h = decided_8h + excluded.decided_8h,
  decided_1d = decided_1d + excluded.decided_1d, decided_2d = decided_2d + excluded.decided_2d,
  decided_4d = decided_4d + excluded.decided_4d, decided_7d = decided_7d + excluded.decided_7d,
  decided_later = decided_later + excluded.decided_later;
