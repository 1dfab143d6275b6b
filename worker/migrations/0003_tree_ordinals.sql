-- Pages of oldest/newest threads as one index range. Every root gets its ordinal in the thread (tree_no,
-- in creation order, never reused), every reply its root's ordinal and pin, so the trees of roots
-- (a, a + limit] are one contiguous range of one index: a page reads what it returns and little more.

ALTER TABLE threads ADD COLUMN roots_total INTEGER NOT NULL DEFAULT 0;
ALTER TABLE comments ADD COLUMN tree_no INTEGER;
ALTER TABLE comments ADD COLUMN tree_pinned INTEGER NOT NULL DEFAULT 0 CHECK (tree_pinned IN (0, 1));

UPDATE comments SET tree_no = r.n
FROM (SELECT id, row_number() OVER (PARTITION BY thread_id ORDER BY seq) AS n FROM comments WHERE parent_id IS NULL) AS r
WHERE comments.root_id = r.id;

UPDATE comments SET tree_pinned = 1
WHERE root_id IN (SELECT id FROM comments WHERE parent_id IS NULL AND pinned = 1);

UPDATE threads SET roots_total = (SELECT count(*) FROM comments WHERE thread_id = threads.id AND parent_id IS NULL);

CREATE INDEX comments_trees ON comments (thread_id, tree_pinned, tree_no, seq) WHERE listed = 1;
-- Superseded by comments_trees (the "top" sort keeps comments_roots_by_likes and comments_by_root).
DROP INDEX comments_roots_by_age;
