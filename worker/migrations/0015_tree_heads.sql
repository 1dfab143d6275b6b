-- Bounded pages that read what they return (issue 11, item 1). A page shows each tree's first listed row
-- and its next 10 listed rows (lib/page-budget.ts REPLIES_PER_TREE): `head` marks exactly those rows, so a
-- page is one range of a partial index that holds nothing it would drop, however wide a tree grows.
--   head = 0  not among the first 11 listed rows of its tree (or not listed)
--   head = 1  one of them
--   head = 2  the 11th, in a tree that has more listed rows after it: the page says "more" from it alone
-- Triggers keep it on every write path (a post, an import, a status change or edit that lists or unlists a
-- row, a placeholder appearing or vanishing with its reply_count, a delete), so no write code changes.
-- Moves, merges and pins change thread_id, tree_no and tree_pinned, never the rows of a tree or their order.
-- D1 runs SQLite's triggers: https://developers.cloudflare.com/d1/sql-api/sql-statements/

ALTER TABLE comments ADD COLUMN head INTEGER NOT NULL DEFAULT 0 CHECK (head IN (0, 1, 2));

UPDATE comments SET head = h.head
FROM (
  SELECT seq, CASE WHEN n = 11 AND total > 11 THEN 2 ELSE 1 END AS head
  FROM (
    SELECT seq, row_number() OVER (PARTITION BY root_id ORDER BY seq) AS n,
      count(*) OVER (PARTITION BY root_id) AS total
    FROM comments WHERE listed = 1)
  WHERE n <= 11) AS h
WHERE comments.seq = h.seq;

-- The heads of one tree (the triggers count and walk them).
CREATE INDEX comments_heads ON comments (root_id, seq) WHERE head > 0;
-- Pages: oldest walks tree ordinals up, newest down, each tree in creation order (its first row first).
CREATE INDEX comments_page_oldest ON comments (thread_id, tree_pinned, tree_no, seq) WHERE head > 0;
CREATE INDEX comments_page_newest ON comments (thread_id, tree_pinned, tree_no DESC, seq) WHERE head > 0;
-- Superseded by the two above: every tree with a listed row has a head row.
DROP INDEX comments_trees;
DROP INDEX comments_trees_newest;

-- A new row always has the highest seq of its tree (AUTOINCREMENT): it is a head while its tree has fewer
-- than 11, and otherwise it tells the tree's last head that more rows follow.
CREATE TRIGGER comments_heads_on_insert AFTER INSERT ON comments WHEN NEW.listed = 1
BEGIN
  UPDATE comments SET head = 2
  WHERE head = 1
    AND seq = (SELECT max(seq) FROM comments WHERE root_id = NEW.root_id AND head > 0)
    AND (SELECT count(*) FROM comments WHERE root_id = NEW.root_id AND head > 0) = 11;
  UPDATE comments SET head = 1
  WHERE seq = NEW.seq AND (SELECT count(*) FROM comments WHERE root_id = NEW.root_id AND head > 0) < 11;
END;

-- A row listed or unlisted anywhere in its tree: the tree's heads are worked out again from its listed rows
-- (the 11th and 12th listed rows bound them), writing only the rows whose mark changes.
CREATE TRIGGER comments_heads_on_listing AFTER UPDATE OF status, reply_count ON comments
WHEN OLD.listed IS NOT NEW.listed
BEGIN
  UPDATE comments SET head = 0
  WHERE root_id = NEW.root_id AND head > 0
    AND (listed = 0 OR seq > coalesce((SELECT seq FROM comments WHERE root_id = NEW.root_id AND listed = 1
      ORDER BY seq LIMIT 1 OFFSET 10), 9223372036854775807));
  UPDATE comments
  SET head = CASE
    WHEN seq = (SELECT seq FROM comments WHERE root_id = NEW.root_id AND listed = 1 ORDER BY seq LIMIT 1 OFFSET 10)
      AND EXISTS (SELECT 1 FROM comments WHERE root_id = NEW.root_id AND listed = 1 ORDER BY seq LIMIT 1 OFFSET 11)
    THEN 2 ELSE 1 END
  WHERE root_id = NEW.root_id AND listed = 1
    AND seq <= coalesce((SELECT seq FROM comments WHERE root_id = NEW.root_id AND listed = 1
      ORDER BY seq LIMIT 1 OFFSET 10), 9223372036854775807)
    AND head IS NOT (CASE
      WHEN seq = (SELECT seq FROM comments WHERE root_id = NEW.root_id AND listed = 1 ORDER BY seq LIMIT 1 OFFSET 10)
        AND EXISTS (SELECT 1 FROM comments WHERE root_id = NEW.root_id AND listed = 1 ORDER BY seq LIMIT 1 OFFSET 11)
      THEN 2 ELSE 1 END);
END;

-- A listed row erased for good (a comment without replies): the next listed row of its tree moves up, or
-- the 11th learns that nothing follows it any more.
CREATE TRIGGER comments_heads_on_delete AFTER DELETE ON comments WHEN OLD.listed = 1
BEGIN
  UPDATE comments
  SET head = CASE
    WHEN seq = (SELECT seq FROM comments WHERE root_id = OLD.root_id AND listed = 1 ORDER BY seq LIMIT 1 OFFSET 10)
      AND EXISTS (SELECT 1 FROM comments WHERE root_id = OLD.root_id AND listed = 1 ORDER BY seq LIMIT 1 OFFSET 11)
    THEN 2 ELSE 1 END
  WHERE root_id = OLD.root_id AND listed = 1
    AND seq <= coalesce((SELECT seq FROM comments WHERE root_id = OLD.root_id AND listed = 1
      ORDER BY seq LIMIT 1 OFFSET 10), 9223372036854775807)
    AND head IS NOT (CASE
      WHEN seq = (SELECT seq FROM comments WHERE root_id = OLD.root_id AND listed = 1 ORDER BY seq LIMIT 1 OFFSET 10)
        AND EXISTS (SELECT 1 FROM comments WHERE root_id = OLD.root_id AND listed = 1 ORDER BY seq LIMIT 1 OFFSET 11)
      THEN 2 ELSE 1 END);
END;
