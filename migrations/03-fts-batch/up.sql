-- FTS5 flushes its pending index to disk at the end of every statement that writes to it, so a trigger per
-- inserted row wrote one tiny segment per article and statement, and merging them took half of the ingest time.
-- newsdb's writer now indexes each batch's new rows with one INSERT ... SELECT (see src/store/write.rs).
-- Rows inserted by other programs are not indexed; `INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')`
-- (and the same for statements_fts) brings the indexes up to date. Deletes and updates stay on triggers.
DROP TRIGGER articles_fts_insert;
DROP TRIGGER statements_fts_insert;
