-- Issue 11 (who said what): each statement says what kind of attribution it is and which rule made it.

-- 'speech' for what was said or written; 'belief', 'intention', 'perception', 'evidence' for attributions
-- of thought, will, knowledge or a document's finding (see README "Cue classes"). Reports count speech only
-- by default. Statements stored before this migration are classed from their cue by newsdb_cue_class(),
-- a function newsdb registers while it migrates (the same lexicon extraction uses).
ALTER TABLE statements ADD COLUMN cue_class TEXT NOT NULL DEFAULT 'speech'
    CHECK (cue_class IN ('speech', 'belief', 'intention', 'perception', 'evidence'));
UPDATE statements SET cue_class = newsdb_cue_class(cue) WHERE cue IS NOT NULL;
-- The id of the attribution rule that produced the statement (README "How statements are attributed");
-- NULL for statements stored before this migration.
ALTER TABLE statements ADD COLUMN rule TEXT;
