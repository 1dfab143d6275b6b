-- Import and export (issue 6): the source system's ids kept for reference and for idempotent re-imports,
-- and the index the export pages through (each thread's comments in creation order).

-- '<format>:<source thread>:<source comment id>' (e.g. 'disqus:247937687:299619020'); NULL for native comments.
ALTER TABLE comments ADD COLUMN import_key TEXT;
CREATE UNIQUE INDEX comments_by_import_key ON comments (import_key) WHERE import_key IS NOT NULL;

-- '<format>:<source thread id>' of the thread's first import (a Disqus thread id, a WordPress link…).
ALTER TABLE threads ADD COLUMN import_key TEXT;

-- The export reads one thread's comments at a time, by seq (the rowid, implied by this index).
CREATE INDEX comments_by_thread ON comments (thread_id);
