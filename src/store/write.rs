//! Writing ingested articles: one writer, batched transactions, idempotent (a re-ingested article is a duplicate).

use std::collections::HashMap;

use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::model::{Article, Extraction};
use crate::Result;

/// One input outcome, in input order: an article with what was extracted from it, or a failure.
pub enum Record {
    Article(Box<Article>, Extraction),
    Failed { source: String, message: String },
}

/// What writing one record did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    New { article_id: i64, statements: usize, topics: usize },
    Duplicate { article_id: i64 },
    Failed,
}

const INSERT_RUN: &str = "INSERT INTO ingest_runs (started_at, inputs) VALUES (?1, ?2)";
const FINISH_RUN: &str = "UPDATE ingest_runs
    SET finished_at = ?2, articles_new = ?3, articles_duplicate = ?4, inputs_failed = ?5 WHERE id = ?1";
const INSERT_ISSUE: &str = "INSERT INTO ingest_errors (run_id, source, severity, message) VALUES (?1, ?2, ?3, ?4)";
const FIND_DUPLICATE: &str = "SELECT id FROM articles WHERE content_hash = ?1 OR (?2 IS NOT NULL AND url = ?2)";
const UPSERT_OUTLET: &str = "INSERT INTO outlets (name, domain) VALUES (?1, ?2)
    ON CONFLICT (name) DO UPDATE SET domain = coalesce(outlets.domain, excluded.domain) RETURNING id";
const INSERT_ARTICLE: &str = "INSERT INTO articles (outlet_id, run_id, url, external_id, title, byline, published_at,
    published_raw, language, body, content_hash, word_count, source, extra)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)";
const FIND_PERSON: &str = "SELECT id FROM people WHERE name = ?1";
/// A name not known as a canonical name resolves through aliases, but only when exactly one person has it:
/// two people who share a surname stay apart.
const FIND_PERSON_BY_ALIAS: &str =
    "SELECT min(person_id) FROM person_aliases WHERE alias = ?1 HAVING count(DISTINCT person_id) = 1";
const INSERT_PERSON: &str = "INSERT INTO people (name) VALUES (?1)";
const INSERT_ALIAS: &str = "INSERT OR IGNORE INTO person_aliases (alias, person_id) VALUES (?1, ?2)";
const INSERT_MENTION: &str =
    "INSERT INTO mentions (article_id, person_id, start, end, surface) VALUES (?1, ?2, ?3, ?4, ?5)";
const INSERT_ROLE: &str = "INSERT OR IGNORE INTO person_roles (person_id, article_id, role) VALUES (?1, ?2, ?3)";
const INSERT_STATEMENT: &str = "INSERT INTO statements (article_id, speaker_id, source_label, kind, cue, attribution,
    text, start, end, speaker_start, speaker_end) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)";
const UPSERT_TOPIC: &str = "INSERT INTO topics (code, name) VALUES (?1, ?2)
    ON CONFLICT (code) DO UPDATE SET name = topics.name RETURNING id";
const INSERT_ARTICLE_TOPIC: &str =
    "INSERT INTO article_topics (article_id, topic_id, score, evidence) VALUES (?1, ?2, ?3, ?4)";

/// Writes one ingest run. Records are written in the order given, so ids follow input order
/// whatever the number of extraction threads.
pub struct Writer {
    conn: Connection,
    run_id: i64,
    outlet_ids: HashMap<String, i64>,
    topic_ids: HashMap<String, i64>,
}

fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

impl Writer {
    /// Starts a run, recording the inputs as given.
    pub fn start(conn: Connection, inputs: &[String]) -> Result<Writer> {
        let inputs_json = serde_json::to_string(inputs).unwrap_or_else(|_| "[]".to_string());
        conn.execute(INSERT_RUN, params![now(), inputs_json])?;
        let run_id = conn.last_insert_rowid();
        Ok(Writer { conn, run_id, outlet_ids: HashMap::new(), topic_ids: HashMap::new() })
    }

    /// Writes a batch in one transaction and returns one outcome per record.
    pub fn write_batch(&mut self, records: &[Record]) -> Result<Vec<Outcome>> {
        let tx = self.conn.transaction()?;
        let mut outcomes = Vec::with_capacity(records.len());
        for record in records {
            let outcome = match record {
                Record::Article(article, extraction) => {
                    write_article(&tx, self.run_id, &mut self.outlet_ids, &mut self.topic_ids, article, extraction)?
                }
                Record::Failed { source, message } => {
                    tx.prepare_cached(INSERT_ISSUE)?.execute(params![self.run_id, source, "error", message])?;
                    Outcome::Failed
                }
            };
            outcomes.push(outcome);
        }
        tx.commit()?;
        Ok(outcomes)
    }

    /// Closes the run with its counts.
    pub fn finish(self, new: usize, duplicate: usize, failed: usize) -> Result<()> {
        self.conn.execute(FINISH_RUN, params![self.run_id, now(), new as i64, duplicate as i64, failed as i64])?;
        // Keep the WAL small for readers that open the file next (sqlite3 shell, Datasette).
        self.conn.pragma_update(None, "wal_checkpoint", "TRUNCATE").ok();
        Ok(())
    }
}

fn write_article(
    tx: &Transaction,
    run_id: i64,
    outlet_ids: &mut HashMap<String, i64>,
    topic_ids: &mut HashMap<String, i64>,
    article: &Article,
    extraction: &Extraction,
) -> Result<Outcome> {
    for warning in &article.warnings {
        tx.prepare_cached(INSERT_ISSUE)?.execute(params![run_id, article.source, "warning", warning])?;
    }
    let existing: Option<i64> = tx
        .prepare_cached(FIND_DUPLICATE)?
        .query_row(params![article.content_hash, article.url], |row| row.get(0))
        .optional()?;
    if let Some(article_id) = existing {
        return Ok(Outcome::Duplicate { article_id });
    }

    let domain = article.url.as_deref().and_then(url_domain);
    // An article without an outlet is credited to its site, so reports by outlet still place it.
    let outlet_name = article.outlet.clone().or_else(|| domain.clone());
    let outlet_id = match outlet_name {
        Some(name) => Some(outlet_id(tx, outlet_ids, &name, domain.as_deref())?),
        None => None,
    };
    let extra = article.extra.as_ref().map(|map| serde_json::Value::Object(map.clone()).to_string());
    tx.prepare_cached(INSERT_ARTICLE)?.execute(params![
        outlet_id,
        run_id,
        article.url,
        article.external_id,
        article.title,
        article.byline,
        article.published_at,
        article.published_raw,
        article.language,
        article.body,
        article.content_hash,
        article.word_count,
        article.source,
        extra,
    ])?;
    let article_id = tx.last_insert_rowid();

    let mut person_ids = Vec::with_capacity(extraction.people.len());
    for person in &extraction.people {
        let person_id = person_id(tx, &person.name)?;
        person_ids.push(person_id);
        let mut add_alias = tx.prepare_cached(INSERT_ALIAS)?;
        add_alias.execute(params![person.name, person_id])?;
        for alias in person.aliases.iter().map(String::as_str).chain(surname(&person.name)) {
            add_alias.execute(params![alias, person_id])?;
        }
        let mut add_mention = tx.prepare_cached(INSERT_MENTION)?;
        for mention in &person.mentions {
            add_mention.execute(params![
                article_id,
                person_id,
                mention.start as i64,
                mention.end as i64,
                mention.text
            ])?;
        }
        let mut add_role = tx.prepare_cached(INSERT_ROLE)?;
        for role in &person.roles {
            add_role.execute(params![person_id, article_id, role])?;
        }
    }

    let mut add_statement = tx.prepare_cached(INSERT_STATEMENT)?;
    for statement in &extraction.statements {
        let speaker_id = statement.speaker.and_then(|index| person_ids.get(index).copied());
        let (speaker_start, speaker_end) = match &statement.speaker_span {
            Some(span) => (Some(span.start as i64), Some(span.end as i64)),
            None => (None, None),
        };
        add_statement.execute(params![
            article_id,
            speaker_id,
            statement.source_label,
            statement.kind.as_str(),
            statement.cue,
            statement.attribution.as_str(),
            statement.text.text,
            statement.text.start as i64,
            statement.text.end as i64,
            speaker_start,
            speaker_end,
        ])?;
    }

    let mut add_topic = tx.prepare_cached(INSERT_ARTICLE_TOPIC)?;
    for topic in &extraction.topics {
        let topic_id = match topic_ids.get(&topic.code) {
            Some(&id) => id,
            None => {
                let id: i64 =
                    tx.prepare_cached(UPSERT_TOPIC)?.query_row(params![topic.code, topic.name], |r| r.get(0))?;
                topic_ids.insert(topic.code.clone(), id);
                id
            }
        };
        let evidence = serde_json::to_string(&topic.evidence).unwrap_or_else(|_| "[]".to_string());
        add_topic.execute(params![article_id, topic_id, topic.score, evidence])?;
    }

    Ok(Outcome::New { article_id, statements: extraction.statements.len(), topics: extraction.topics.len() })
}

fn outlet_id(tx: &Transaction, cache: &mut HashMap<String, i64>, name: &str, domain: Option<&str>) -> Result<i64> {
    let key = name.to_lowercase();
    if let Some(&id) = cache.get(&key) {
        return Ok(id);
    }
    let id: i64 = tx.prepare_cached(UPSERT_OUTLET)?.query_row(params![name, domain], |row| row.get(0))?;
    cache.insert(key, id);
    Ok(id)
}

/// The stored person for an extracted name: the same canonical name, else the one person with that alias, else new.
fn person_id(tx: &Transaction, name: &str) -> Result<i64> {
    if let Some(id) = tx.prepare_cached(FIND_PERSON)?.query_row([name], |row| row.get(0)).optional()? {
        return Ok(id);
    }
    if let Some(id) = tx.prepare_cached(FIND_PERSON_BY_ALIAS)?.query_row([name], |row| row.get(0)).optional()? {
        return Ok(id);
    }
    tx.prepare_cached(INSERT_PERSON)?.execute([name])?;
    Ok(tx.last_insert_rowid())
}

/// The last word of a name of several words: recorded as an alias so that a later article naming only
/// "Gallyamov" finds "Abbas Gallyamov" (when no other known person has that surname).
fn surname(name: &str) -> Option<&str> {
    const SUFFIXES: [&str; 6] = ["Jr", "Jr.", "Sr", "Sr.", "II", "III"];
    let words: Vec<&str> = name.split_whitespace().filter(|w| !SUFFIXES.contains(w)).collect();
    match words.as_slice() {
        [_, .., last] => Some(last),
        _ => None,
    }
}

/// The host of a URL without "www.", as the outlet's domain.
fn url_domain(url: &str) -> Option<String> {
    let host = url::Url::parse(url).ok()?.host_str()?.to_lowercase();
    Some(host.strip_prefix("www.").unwrap_or(&host).to_string())
}
