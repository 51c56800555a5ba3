-- Issue 10 (trust): runs say how they ended, and headline-only feed items are marked.

-- 'running' while an ingest or fetch poll is under way; 'finished' when it closed normally;
-- 'interrupted' when it stopped on SIGINT/SIGTERM or was found unfinished after a kill.
ALTER TABLE ingest_runs ADD COLUMN status TEXT NOT NULL DEFAULT 'running'
    CHECK (status IN ('running', 'finished', 'interrupted'));
-- The process that owns a running run, so a later open can tell a killed run from a live one.
ALTER TABLE ingest_runs ADD COLUMN pid INTEGER;
UPDATE ingest_runs SET status = CASE WHEN finished_at IS NULL THEN 'interrupted' ELSE 'finished' END;
-- Every open for writing looks for runs left 'running' by a killed process; `fetch --every` makes many runs.
CREATE INDEX ingest_runs_running ON ingest_runs(id) WHERE status = 'running';

-- 1 when the input had a title and link but no text (headline feeds): the body is empty.
ALTER TABLE articles ADD COLUMN headline_only INTEGER NOT NULL DEFAULT 0 CHECK (headline_only IN (0, 1));
