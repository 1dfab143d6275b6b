-- Bounded pages (issue 11): a page is one walk of the trees index in page order that stops after a fixed
-- number of rows, so each tree must come root first (seq ascending) in both sorts. comments_trees gives
-- that for `oldest`; `newest` walks the trees from the highest ordinal down, each still in creation order.
CREATE INDEX comments_trees_newest ON comments (thread_id, tree_pinned, tree_no DESC, seq) WHERE listed = 1;
