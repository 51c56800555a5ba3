-- newsdb core schema. Offsets (start, end) count characters into articles.body, so that
-- substr(body, start + 1, end - start) is the span's text. Dates are UTC RFC 3339 text.

CREATE TABLE outlets (
    id      INTEGER PRIMARY KEY,
    name    TEXT NOT NULL UNIQUE COLLATE NOCASE,
    domain  TEXT                              -- host of the outlet's articles, lower case, no www.
);

CREATE TABLE feeds (
    id               INTEGER PRIMARY KEY,
    url              TEXT NOT NULL UNIQUE,
    outlet_id        INTEGER REFERENCES outlets(id) ON DELETE SET NULL,
    title            TEXT,
    etag             TEXT,
    last_modified    TEXT,
    last_fetched_at  TEXT,
    last_status      INTEGER,
    last_error       TEXT,
    items_seen       INTEGER NOT NULL DEFAULT 0,
    added_at         TEXT NOT NULL
);

CREATE TABLE ingest_runs (
    id                  INTEGER PRIMARY KEY,
    started_at          TEXT NOT NULL,
    finished_at         TEXT,
    inputs              TEXT NOT NULL,     -- JSON array of the inputs as given
    articles_new        INTEGER NOT NULL DEFAULT 0,
    articles_duplicate  INTEGER NOT NULL DEFAULT 0,
    inputs_failed       INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE ingest_errors (
    id        INTEGER PRIMARY KEY,
    run_id    INTEGER NOT NULL REFERENCES ingest_runs(id) ON DELETE CASCADE,
    source    TEXT NOT NULL,               -- path, URL or -, with :N for the Nth record of a file
    severity  TEXT NOT NULL CHECK (severity IN ('error', 'warning')),
    message   TEXT NOT NULL
);
CREATE INDEX ingest_errors_run ON ingest_errors(run_id);

CREATE TABLE articles (
    id             INTEGER PRIMARY KEY,
    outlet_id      INTEGER REFERENCES outlets(id),
    feed_id        INTEGER REFERENCES feeds(id) ON DELETE SET NULL,
    run_id         INTEGER REFERENCES ingest_runs(id) ON DELETE SET NULL,
    url            TEXT UNIQUE,            -- canonical URL
    external_id    TEXT,                   -- the input's own id (JSON id, feed guid)
    title          TEXT NOT NULL,
    byline         TEXT,
    published_at   TEXT,                   -- UTC RFC 3339, NULL when unknown or unparseable
    published_raw  TEXT,                   -- the date as written, when it could not be parsed
    language       TEXT,                   -- ISO 639-1
    body           TEXT NOT NULL,
    content_hash   TEXT NOT NULL UNIQUE,   -- BLAKE3 of normalised title + body
    word_count     INTEGER NOT NULL,
    source         TEXT NOT NULL,          -- where it was read from
    extra          TEXT                    -- JSON object of input fields newsdb does not map
);
CREATE INDEX articles_outlet ON articles(outlet_id, published_at);
CREATE INDEX articles_published ON articles(published_at);
CREATE INDEX articles_feed ON articles(feed_id);

CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, body, content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, body ON articles BEGIN
    INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', old.id, old.title, old.body);
    INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;

CREATE TABLE people (
    id    INTEGER PRIMARY KEY,
    name  TEXT NOT NULL UNIQUE             -- canonical name, the fullest form seen
);

CREATE TABLE person_aliases (
    alias      TEXT NOT NULL COLLATE NOCASE,
    person_id  INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    PRIMARY KEY (alias, person_id)
) WITHOUT ROWID;
CREATE INDEX person_aliases_person ON person_aliases(person_id);

CREATE TABLE mentions (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    person_id   INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    surface     TEXT NOT NULL,
    CHECK (start <= end)
);
CREATE INDEX mentions_article ON mentions(article_id);
CREATE INDEX mentions_person ON mentions(person_id, article_id);

CREATE TABLE person_roles (
    id          INTEGER PRIMARY KEY,
    person_id   INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    role        TEXT NOT NULL,
    UNIQUE (person_id, article_id, role)
);
CREATE INDEX person_roles_article ON person_roles(article_id);

CREATE TABLE statements (
    id             INTEGER PRIMARY KEY,
    article_id     INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    speaker_id     INTEGER REFERENCES people(id) ON DELETE SET NULL,
    source_label   TEXT,                   -- non-person source or the speaker as described
    kind           TEXT NOT NULL CHECK (kind IN ('direct', 'indirect', 'mixed')),
    cue            TEXT,                   -- reporting verb as written
    attribution    TEXT NOT NULL CHECK (attribution IN ('explicit', 'colon', 'according_to', 'continuation', 'none')),
    text           TEXT NOT NULL,
    start          INTEGER NOT NULL,
    end            INTEGER NOT NULL,
    speaker_start  INTEGER,
    speaker_end    INTEGER,
    CHECK (start <= end)
);
CREATE INDEX statements_article ON statements(article_id);
CREATE INDEX statements_speaker ON statements(speaker_id, article_id);

CREATE VIRTUAL TABLE statements_fts USING fts5(
    text, content='statements', content_rowid='id', tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER statements_fts_insert AFTER INSERT ON statements BEGIN
    INSERT INTO statements_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER statements_fts_delete AFTER DELETE ON statements BEGIN
    INSERT INTO statements_fts(statements_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER statements_fts_update AFTER UPDATE OF text ON statements BEGIN
    INSERT INTO statements_fts(statements_fts, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO statements_fts(rowid, text) VALUES (new.id, new.text);
END;

CREATE TABLE topics (
    id         INTEGER PRIMARY KEY,
    code       TEXT NOT NULL UNIQUE,       -- IPTC Media Topic code (medtop:...) or a user code
    name       TEXT NOT NULL,
    parent_id  INTEGER REFERENCES topics(id) ON DELETE SET NULL,
    query      TEXT                        -- optional FTS5 query defining a user topic
);

CREATE TABLE article_topics (
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    topic_id    INTEGER NOT NULL REFERENCES topics(id) ON DELETE CASCADE,
    score       REAL NOT NULL,
    evidence    TEXT NOT NULL,             -- JSON array of matched keywords with counts
    PRIMARY KEY (article_id, topic_id)
) WITHOUT ROWID;
CREATE INDEX article_topics_topic ON article_topics(topic_id, article_id);
