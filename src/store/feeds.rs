//! Feed subscriptions in the database: add, list, remove, and the state each poll leaves behind.

use std::collections::HashSet;

use rusqlite::{params, Connection, OptionalExtension};

use super::{db, now};
use crate::output::{Cell, Table};
use crate::Result;

/// A subscribed feed as polling needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feed {
    pub id: i64,
    pub url: String,
    pub outlet: Option<String>,
    pub title: Option<String>,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// One item of a poll as stored: its key in the feed and the article it became (None: it failed).
pub struct SeenItem {
    pub key: String,
    pub article_id: Option<i64>,
}

const UPSERT_OUTLET: &str = "INSERT INTO outlets (name) VALUES (?1)
    ON CONFLICT (name) DO UPDATE SET name = outlets.name RETURNING id";
const FIND_FEED_BY_URL: &str = "SELECT id FROM feeds WHERE url = ?1";
const INSERT_FEED: &str = "INSERT INTO feeds (url, outlet_id, title, added_at) VALUES (?1, ?2, ?3, ?4)";
const SELECT_FEEDS: &str = "SELECT f.id, f.url, o.name, f.title, f.etag, f.last_modified
    FROM feeds f LEFT JOIN outlets o ON o.id = f.outlet_id ORDER BY f.id";
const LIST_FEEDS: &str = "SELECT f.id, f.url, o.name, f.title, f.last_fetched_at, f.last_status, f.items_seen,
    f.last_error FROM feeds f LEFT JOIN outlets o ON o.id = f.outlet_id ORDER BY f.id";
const FIND_FEED: &str =
    "SELECT id, url FROM feeds WHERE url = ?1 OR CAST(id AS TEXT) = ?1 ORDER BY url = ?1 DESC LIMIT 1";
const DELETE_FEED: &str = "DELETE FROM feeds WHERE id = ?1";
/// Items that failed (no article) are not "seen": a later poll, perhaps with --full-text, tries them again.
const SEEN_KEYS: &str = "SELECT item_key FROM feed_items WHERE feed_id = ?1 AND article_id IS NOT NULL";
const INSERT_SEEN: &str = "INSERT INTO feed_items (feed_id, item_key, article_id, first_seen_at)
    VALUES (?1, ?2, ?3, ?4)
    ON CONFLICT (feed_id, item_key) DO UPDATE SET article_id = excluded.article_id WHERE feed_items.article_id IS NULL";
/// A duplicate keeps the feed it first came from; an article that came from no feed gains this one.
const CLAIM_ARTICLE: &str = "UPDATE articles SET feed_id = ?1 WHERE id = ?2 AND feed_id IS NULL";
const RECORD_OK: &str = "UPDATE feeds SET etag = ?2, last_modified = ?3, title = coalesce(?4, title),
    last_fetched_at = ?5, last_status = ?6, last_error = NULL,
    items_seen = (SELECT count(*) FROM feed_items WHERE feed_id = ?1) WHERE id = ?1";
const RECORD_NOT_MODIFIED: &str =
    "UPDATE feeds SET last_fetched_at = ?2, last_status = 304, last_error = NULL WHERE id = ?1";
/// A failure keeps the validators, so the next poll is still conditional.
const RECORD_FAILURE: &str = "UPDATE feeds SET last_fetched_at = ?2, last_status = ?3, last_error = ?4 WHERE id = ?1";

/// Subscribes to `url`; returns the feed's id and whether it is new (an existing subscription is kept as it is).
pub fn add(conn: &Connection, url: &str, outlet: Option<&str>, title: Option<&str>) -> Result<(i64, bool)> {
    if let Some(id) = conn.query_row(FIND_FEED_BY_URL, [url], |row| row.get(0)).optional()? {
        return Ok((id, false));
    }
    let outlet_id: Option<i64> = match outlet {
        Some(name) => Some(conn.query_row(UPSERT_OUTLET, [name], |row| row.get(0))?),
        None => None,
    };
    conn.execute(INSERT_FEED, params![url, outlet_id, title, now()])?;
    Ok((conn.last_insert_rowid(), true))
}

/// Every feed, in id order.
pub fn all(conn: &Connection) -> Result<Vec<Feed>> {
    let mut statement = conn.prepare(SELECT_FEEDS)?;
    let rows = statement.query_map([], |row| {
        Ok(Feed {
            id: row.get(0)?,
            url: row.get(1)?,
            outlet: row.get(2)?,
            title: row.get(3)?,
            etag: row.get(4)?,
            last_modified: row.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The `feed list` table.
pub fn list(conn: &Connection) -> Result<Table> {
    let columns = ["id", "url", "outlet", "title", "last_fetched", "last_status", "items_seen", "last_error"];
    let mut statement = conn.prepare(LIST_FEEDS)?;
    let rows = statement.query_map([], |row| {
        (0..columns.len())
            .map(|i| {
                Ok(match row.get_ref(i)? {
                    rusqlite::types::ValueRef::Null => Cell::Null,
                    rusqlite::types::ValueRef::Integer(n) => Cell::Int(n),
                    rusqlite::types::ValueRef::Real(x) => Cell::Real(x),
                    rusqlite::types::ValueRef::Text(t) | rusqlite::types::ValueRef::Blob(t) => {
                        Cell::Text(String::from_utf8_lossy(t).into_owned())
                    }
                })
            })
            .collect::<rusqlite::Result<Vec<Cell>>>()
    })?;
    Ok(Table { columns: columns.iter().map(|c| c.to_string()).collect(), rows: rows.collect::<rusqlite::Result<_>>()? })
}

/// The feed a user named by id or URL (a URL wins over an id that happens to read the same).
pub fn find(conn: &Connection, id_or_url: &str) -> Result<Option<(i64, String)>> {
    // `feed add` stores the URL as the url crate writes it ("https://example.com/"); look it up the same way.
    let normalised = url::Url::parse(id_or_url.trim()).map(String::from).unwrap_or_else(|_| id_or_url.to_string());
    let found = conn.query_row(FIND_FEED, [&normalised], |row| Ok((row.get(0)?, row.get(1)?))).optional()?;
    match found {
        Some(feed) => Ok(Some(feed)),
        None => Ok(conn.query_row(FIND_FEED, [id_or_url], |row| Ok((row.get(0)?, row.get(1)?))).optional()?),
    }
}

/// Unsubscribes; the feed's articles stay, with no feed.
pub fn remove(conn: &Connection, id: i64) -> Result<()> {
    conn.execute(DELETE_FEED, [id])?;
    Ok(())
}

/// Keys of the items this feed delivered before.
pub fn seen_keys(conn: &Connection, feed_id: i64) -> Result<HashSet<String>> {
    let mut statement = conn.prepare_cached(SEEN_KEYS)?;
    let keys = statement.query_map([feed_id], |row| row.get(0))?;
    Ok(keys.collect::<rusqlite::Result<_>>()?)
}

/// A successful poll: its items, the feed's new validators and title, in one transaction.
pub fn record_success(
    conn: &mut Connection,
    feed_id: i64,
    status: u16,
    etag: Option<&str>,
    last_modified: Option<&str>,
    title: Option<&str>,
    items: &[SeenItem],
) -> Result<()> {
    let path = conn.path().unwrap_or_default().to_string();
    db::retry_busy(path, || {
        let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
        let seen_at = now();
        for item in items {
            tx.prepare_cached(INSERT_SEEN)?.execute(params![feed_id, item.key, item.article_id, seen_at])?;
            if let Some(article_id) = item.article_id {
                tx.prepare_cached(CLAIM_ARTICLE)?.execute(params![feed_id, article_id])?;
            }
        }
        tx.execute(RECORD_OK, params![feed_id, etag, last_modified, title, seen_at, status])?;
        tx.commit()?;
        Ok(())
    })
}

pub fn record_not_modified(conn: &Connection, feed_id: i64) -> Result<()> {
    let path = conn.path().unwrap_or_default();
    db::retry_busy(path, || Ok(conn.execute(RECORD_NOT_MODIFIED, params![feed_id, now()]).map(drop)?))
}

pub fn record_failure(conn: &Connection, feed_id: i64, status: Option<u16>, message: &str) -> Result<()> {
    let path = conn.path().unwrap_or_default();
    db::retry_busy(path, || Ok(conn.execute(RECORD_FAILURE, params![feed_id, now(), status, message]).map(drop)?))
}
