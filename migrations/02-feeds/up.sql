-- Feed subscriptions: the items each feed has already delivered, so that a re-poll skips them without
-- normalising, extracting or (with --full-text) downloading their pages again.

CREATE TABLE feed_items (
    feed_id        INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
    item_key       TEXT NOT NULL,           -- the item's guid, else its link, else a hash of its title and text
    article_id     INTEGER REFERENCES articles(id) ON DELETE SET NULL,  -- NULL when the item could not be stored
    first_seen_at  TEXT NOT NULL,           -- UTC RFC 3339
    PRIMARY KEY (feed_id, item_key)
) WITHOUT ROWID;
CREATE INDEX feed_items_article ON feed_items(article_id);
