//! Report, search and export queries: resolved filters, `const` SQL, rows as output Tables.
//!
//! Every query takes the same seven leading parameters so one filter clause serves all of
//! them: ?1 since, ?2 until (exclusive), ?3 outlet id, ?4 topic id, ?5 person id, ?6 limit
//! (-1 for none), ?7 statement cue class. A NULL parameter switches its condition off.
//! Report-specific parameters start at ?8. User text only ever reaches SQLite as a bound parameter.

use std::sync::LazyLock;

use chrono::{DateTime, NaiveDate, SecondsFormat, TimeDelta, Utc};
use regex::Regex;
use rusqlite::types::{Value, ValueRef};
use rusqlite::{params_from_iter, Connection, ErrorCode, Rows};

use crate::cli::{FilterArgs, Interval, SearchIn, TimelineCount, TopicsBy};
use crate::model::CueClass;
use crate::output::{Cell, Table};
use crate::{Error, Result};

/// Topic ?4 and all its descendants, as a subquery for `IN (...)`.
macro_rules! topic_tree {
    () => {
        "WITH RECURSIVE tree(id) AS \
         (SELECT ?4 UNION SELECT t4.id FROM topics t4 JOIN tree ON t4.parent_id = tree.id) \
         SELECT id FROM tree"
    };
}

/// Article conditions shared by every query over `articles a`: dates, outlet, and topic
/// including its subtopics (an IPTC parent such as "politics" covers its children).
/// A date filter drops undated articles because NULL compares as false.
macro_rules! article_filter {
    () => {
        concat!(
            "(?1 IS NULL OR a.published_at >= ?1) AND (?2 IS NULL OR a.published_at < ?2) \
             AND (?3 IS NULL OR a.outlet_id = ?3) \
             AND (?4 IS NULL OR a.id IN (SELECT ft.article_id FROM article_topics ft WHERE ft.topic_id IN (",
            topic_tree!(),
            ")))"
        )
    };
}

/// The statement `s` is of cue class ?7 (or no cue class filter).
macro_rules! statement_class {
    () => {
        "(?7 IS NULL OR s.cue_class = ?7)"
    };
}

/// The article `a` mentions person ?5 (or no person filter).
macro_rules! mentions_person {
    () => {
        "(?5 IS NULL OR EXISTS (SELECT 1 FROM mentions m5 WHERE m5.article_id = a.id AND m5.person_id = ?5))"
    };
}

/// The period of a date/time `$t` by interval ?8 ('day' | 'week' | 'month').
/// Weeks are ISO 8601 weeks ("2026-W48", Monday first, the week-numbering year), which
/// `%G-W%V` gives since SQLite 3.46; `%Y-W%W` would split the first week of each year.
macro_rules! period {
    ($t:literal) => {
        concat!(
            "CASE ?8 WHEN 'day' THEN date(",
            $t,
            ") WHEN 'week' THEN strftime('%G-W%V', ",
            $t,
            ") ELSE strftime('%Y-%m', ",
            $t,
            ") END"
        )
    };
}

/// Filters resolved against the database: names turned into ids, dates into bounds.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    /// Inclusive lower bound on `published_at`.
    pub since: Option<String>,
    /// Exclusive upper bound on `published_at`.
    pub until: Option<String>,
    pub outlet_id: Option<i64>,
    pub topic_id: Option<i64>,
    pub person_id: Option<i64>,
    pub limit: Option<u32>,
    /// Statements of this cue class only ("speech"); None for all.
    pub cue_class: Option<&'static str>,
}

impl Filter {
    /// Checks dates and looks up --outlet, --person and --topic; an unknown or ambiguous
    /// name is a usage error, so a typo does not pass for an empty result.
    pub fn resolve(conn: &Connection, args: &FilterArgs) -> Result<Filter> {
        Ok(Filter {
            since: args.since.as_deref().map(|s| date_bound("--since", s, false)).transpose()?,
            until: args.until.as_deref().map(|s| date_bound("--until", s, true)).transpose()?,
            outlet_id: args.outlet.as_deref().map(|name| outlet_id(conn, name)).transpose()?,
            topic_id: args.topic.as_deref().map(|name| topic_id(conn, name)).transpose()?,
            person_id: args.person.as_deref().map(|name| person_id(conn, name)).transpose()?,
            limit: args.limit,
            cue_class: args.cue_class.class().map(CueClass::as_str),
        })
    }

    /// ?1..?7 followed by a query's own parameters (?8...).
    fn params(&self, extra: impl IntoIterator<Item = Value>) -> Vec<Value> {
        let text = |s: &Option<String>| s.clone().map_or(Value::Null, Value::Text);
        let id = |n: Option<i64>| n.map_or(Value::Null, Value::Integer);
        let mut params = vec![
            text(&self.since),
            text(&self.until),
            id(self.outlet_id),
            id(self.topic_id),
            id(self.person_id),
            Value::Integer(self.limit.map_or(-1, i64::from)),
            self.cue_class.map_or(Value::Null, |c| Value::Text(c.to_string())),
        ];
        params.extend(extra);
        params
    }
}

/// A `published_at` bound from YYYY-MM-DD or RFC 3339, in the stored form (UTC RFC 3339
/// text compares in time order). `until` is exclusive, so it is moved past the given day,
/// or past the given second for a timestamp, to make the option inclusive.
fn date_bound(option: &str, value: &str, until: bool) -> Result<String> {
    if let Ok(day) = NaiveDate::parse_from_str(value, "%Y-%m-%d") {
        let day = if until { day.succ_opt().unwrap_or(day) } else { day };
        // A bare date sorts before every time on that day.
        return Ok(day.format("%Y-%m-%d").to_string());
    }
    if let Ok(t) = DateTime::parse_from_rfc3339(value) {
        let t = t.with_timezone(&Utc);
        let t = if until { t + TimeDelta::seconds(1) } else { t };
        return Ok(t.to_rfc3339_opts(SecondsFormat::Secs, true));
    }
    Err(Error::Usage(format!(
        "{option}: {value:?} is not a date; use YYYY-MM-DD or RFC 3339 such as 2026-11-28T09:30:00Z"
    )))
}

const OUTLET_BY_NAME: &str =
    "SELECT id FROM outlets WHERE name = ?1 OR domain = lower(?1) ORDER BY name = ?1 DESC, id LIMIT 1";

/// An outlet by name (case-insensitive, the column is NOCASE) or, failing that, by domain.
fn outlet_id(conn: &Connection, name: &str) -> Result<i64> {
    let mut stmt = conn.prepare(OUTLET_BY_NAME)?;
    let mut rows = stmt.query([name])?;
    match rows.next()? {
        Some(row) => Ok(row.get(0)?),
        None => Err(Error::Usage(format!("--outlet: no outlet named {name:?} (see newsdb report outlets)"))),
    }
}

/// A person by canonical name or alias, as `newsdb people` resolves one.
fn person_id(conn: &Connection, name: &str) -> Result<i64> {
    match super::people::resolve(conn, name) {
        Ok(person) => Ok(person.id),
        Err(Error::Usage(message)) => Err(Error::Usage(format!("--person: {message}"))),
        Err(other) => Err(other),
    }
}

/// Candidates for --topic, best match first: code (0), name (1), name prefix (2).
const TOPIC_BY_NAME: &str = "SELECT id, code || ' (' || name || ')', \
     CASE WHEN code = ?1 COLLATE NOCASE THEN 0 WHEN name = ?1 COLLATE NOCASE THEN 1 ELSE 2 END AS rank \
     FROM topics \
     WHERE code = ?1 COLLATE NOCASE OR name = ?1 COLLATE NOCASE OR lower(substr(name, 1, length(?1))) = lower(?1) \
     ORDER BY rank, code";

/// A topic by code, by name, or by a prefix of its name that only one topic has.
fn topic_id(conn: &Connection, name: &str) -> Result<i64> {
    let candidates = candidates(conn, TOPIC_BY_NAME, name)?;
    pick("--topic", "topic", name, candidates)
}

struct Candidate {
    id: i64,
    label: String,
    rank: i64,
}

fn candidates(conn: &Connection, sql: &str, name: &str) -> Result<Vec<Candidate>> {
    let mut stmt = conn.prepare(sql)?;
    let rows = stmt.query_map([name], |r| Ok(Candidate { id: r.get(0)?, label: r.get(1)?, rank: r.get(2)? }))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The single best-ranked candidate; several equally good ones are an error listing them.
fn pick(option: &str, what: &str, name: &str, mut candidates: Vec<Candidate>) -> Result<i64> {
    let Some(best_rank) = candidates.first().map(|c| c.rank) else {
        return Err(Error::Usage(format!("{option}: no {what} matches {name:?}")));
    };
    candidates.retain(|c| c.rank == best_rank);
    match candidates.as_slice() {
        [only] => Ok(only.id),
        _ => {
            let labels: Vec<&str> = candidates.iter().map(|c| c.label.as_str()).collect();
            Err(Error::Usage(format!("{option}: {name:?} is ambiguous, it matches {}", labels.join("; "))))
        }
    }
}

/// Runs a query and returns its rows, columns named as the query names them.
pub fn query_table(conn: &Connection, sql: &str, mut params: Vec<Value>) -> rusqlite::Result<Table> {
    let mut stmt = conn.prepare(sql)?;
    // Reports without statements (topics, co-occurrence) end before the shared ?7: bind only what the SQL has.
    params.truncate(stmt.parameter_count());
    let columns = column_names(&stmt);
    let rows = stmt.query(params_from_iter(params))?;
    collect_rows(columns, rows)
}

pub fn column_names(stmt: &rusqlite::Statement<'_>) -> Vec<String> {
    stmt.column_names().into_iter().map(String::from).collect()
}

/// Reads all remaining rows into a Table with `columns`.
pub fn collect_rows(columns: Vec<String>, rows: Rows<'_>) -> rusqlite::Result<Table> {
    let mut table = Table { columns, rows: Vec::new() };
    for_each_row(rows, table.columns.len(), |cells| {
        table.rows.push(cells);
        Ok::<_, rusqlite::Error>(())
    })?;
    Ok(table)
}

/// Hands each remaining row, as `width` cells, to `f`; for results too big to hold.
pub fn for_each_row<E: From<rusqlite::Error>>(
    mut rows: Rows<'_>,
    width: usize,
    mut f: impl FnMut(Vec<Cell>) -> Result<(), E>,
) -> Result<(), E> {
    while let Some(row) = rows.next()? {
        let cells = (0..width).map(|i| row.get_ref(i).map(cell)).collect::<rusqlite::Result<_>>()?;
        f(cells)?;
    }
    Ok(())
}

/// The one mapping from SQLite values to cells. Blobs become lowercase hex, which every
/// output format can carry without loss; text that is not UTF-8 is repaired lossily.
pub fn cell(value: ValueRef<'_>) -> Cell {
    match value {
        ValueRef::Null => Cell::Null,
        ValueRef::Integer(n) => Cell::Int(n),
        ValueRef::Real(x) => Cell::Real(x),
        ValueRef::Text(bytes) => Cell::Text(String::from_utf8_lossy(bytes).into_owned()),
        ValueRef::Blob(bytes) => Cell::Text(bytes.iter().map(|b| format!("{b:02x}")).collect()),
    }
}

fn run(conn: &Connection, sql: &str, filter: &Filter, extra: impl IntoIterator<Item = Value>) -> Result<Table> {
    Ok(query_table(conn, sql, filter.params(extra))?)
}

/// People appearing (mentioned or speaking) in the filtered articles; --person keeps only
/// that person's row. Roles are the distinct role phrases seen with the person.
const PEOPLE: &str = concat!(
    "WITH fa AS (SELECT a.id, a.outlet_id, a.published_at FROM articles a WHERE ",
    article_filter!(),
    "),
    mc AS (SELECT m.person_id, count(*) AS n FROM mentions m JOIN fa ON fa.id = m.article_id GROUP BY m.person_id),
    sc AS (SELECT s.speaker_id AS person_id, count(*) AS n FROM statements s JOIN fa ON fa.id = s.article_id
           WHERE s.speaker_id IS NOT NULL AND ",
    statement_class!(),
    " GROUP BY s.speaker_id),
    pa AS (SELECT m.person_id, m.article_id FROM mentions m JOIN fa ON fa.id = m.article_id
           UNION SELECT s.speaker_id, s.article_id FROM statements s JOIN fa ON fa.id = s.article_id
           WHERE s.speaker_id IS NOT NULL AND ",
    statement_class!(),
    "),
    seen AS (SELECT pa.person_id, count(*) AS articles, count(DISTINCT fa.outlet_id) AS outlets,
                    min(fa.published_at) AS first_seen, max(fa.published_at) AS last_seen
             FROM pa JOIN fa ON fa.id = pa.article_id GROUP BY pa.person_id),
    rl AS (SELECT person_id, group_concat(role, '; ' ORDER BY role) AS roles
           FROM (SELECT DISTINCT r.person_id, r.role FROM person_roles r JOIN fa ON fa.id = r.article_id) GROUP BY person_id)
    SELECT p.name AS name, rl.roles AS roles, coalesce(mc.n, 0) AS mentions, seen.articles AS articles,
           coalesce(sc.n, 0) AS statements, seen.outlets AS outlets, seen.first_seen AS first_seen, seen.last_seen AS last_seen
    FROM seen JOIN people p ON p.id = seen.person_id
    LEFT JOIN mc ON mc.person_id = p.id LEFT JOIN sc ON sc.person_id = p.id LEFT JOIN rl ON rl.person_id = p.id
    WHERE ?5 IS NULL OR p.id = ?5
    ORDER BY mentions DESC, p.name, p.id
    LIMIT ?6"
);

pub fn people(conn: &Connection, filter: &Filter) -> Result<Table> {
    run(conn, PEOPLE, filter, [])
}

/// Statements in the filtered articles; --person keeps that person's statements. Undated
/// articles sort last. `$extra` adds columns after the report's own.
macro_rules! quotes_sql {
    ($extra:literal) => {
        concat!(
            "SELECT coalesce(p.name, s.source_label, '') AS speaker, s.text AS text, s.kind AS kind, s.cue AS cue,
                    s.cue_class AS cue_class, s.attribution AS attribution, s.rule AS rule, a.title AS title,
                    o.name AS outlet, a.published_at AS published_at, a.url AS url, a.id AS article_id,
                    s.start AS start, s.end AS end",
            $extra,
            " FROM statements s JOIN articles a ON a.id = s.article_id
             LEFT JOIN people p ON p.id = s.speaker_id LEFT JOIN outlets o ON o.id = a.outlet_id
             WHERE ",
            article_filter!(),
            " AND (?5 IS NULL OR s.speaker_id = ?5) AND ",
            statement_class!(),
            " ORDER BY a.published_at IS NULL, a.published_at, a.id, s.start, s.id
             LIMIT ?6"
        )
    };
}

const QUOTES: &str = quotes_sql!("");

/// The part of the body around the statement and its speaker, ?8 characters either side: its text, where it
/// starts, and the speaker's span (character offsets into the body, as stored).
const QUOTES_IN_CONTEXT: &str = quotes_sql!(
    ", max(0, min(s.start, coalesce(s.speaker_start, s.start)) - ?8) AS window_start,
       substr(a.body, max(0, min(s.start, coalesce(s.speaker_start, s.start)) - ?8) + 1,
              max(s.end, coalesce(s.speaker_end, s.end)) + ?8
              - max(0, min(s.start, coalesce(s.speaker_start, s.start)) - ?8)) AS window,
       length(a.body) AS body_chars, s.speaker_start AS speaker_start, s.speaker_end AS speaker_end"
);

/// The quotes report with a `context` column after `text` (issue 11): the window of the body around each
/// statement, "…" where the body goes on, the speaker as written in [brackets].
pub fn quotes_in_context(conn: &Connection, filter: &Filter, chars: u32) -> Result<Table> {
    let mut table = run(conn, QUOTES_IN_CONTEXT, filter, [Value::Integer(i64::from(chars))])?;
    let helpers = table.columns.len() - 5;
    table.columns.truncate(helpers);
    table.columns.insert(2, "context".to_string());
    for row in &mut table.rows {
        let extra = row.split_off(helpers);
        let number = |cell: &Cell| match cell {
            Cell::Int(n) => usize::try_from(*n).ok(),
            _ => None,
        };
        let (window_start, body_chars) = (number(&extra[0]).unwrap_or(0), number(&extra[2]).unwrap_or(0));
        let window = match &extra[1] {
            Cell::Text(t) => t.as_str(),
            _ => "",
        };
        let speaker = number(&extra[3]).zip(number(&extra[4]));
        row.insert(2, Cell::Text(context(window, window_start, body_chars, speaker)));
    }
    Ok(table)
}

/// `window` (which starts `window_start` characters into a body of `body_chars`) with the speaker span in
/// [brackets], "…" at a cut end, and line breaks as spaces so each statement stays on one row.
fn context(window: &str, window_start: usize, body_chars: usize, speaker: Option<(usize, usize)>) -> String {
    let mut out = String::with_capacity(window.len() + 8);
    if window_start > 0 {
        out.push('…');
    }
    let speaker = speaker.map(|(s, e)| (s.saturating_sub(window_start), e.saturating_sub(window_start)));
    for (i, c) in window.chars().enumerate() {
        if speaker.is_some_and(|(s, _)| s == i) {
            out.push('[');
        }
        if speaker.is_some_and(|(_, e)| e == i) {
            out.push(']');
        }
        out.push(if c == '\n' { ' ' } else { c });
    }
    if speaker.is_some_and(|(_, e)| e == window.chars().count()) {
        out.push(']');
    }
    if window_start + window.chars().count() < body_chars {
        out.push('…');
    }
    out
}

pub fn quotes(conn: &Connection, filter: &Filter) -> Result<Table> {
    run(conn, QUOTES, filter, [])
}

/// Topic rows over the filtered articles; with --topic only that topic and its subtopics
/// are listed (the article filter alone would also list the other topics of those articles).
macro_rules! topics_sql {
    ($key:expr, $key_where:literal, $key_order:literal) => {
        concat!(
            "SELECT ",
            $key,
            "t.code AS code, t.name AS name, count(*) AS articles, round(avg(at.score), 3) AS avg_score
             FROM article_topics at JOIN articles a ON a.id = at.article_id JOIN topics t ON t.id = at.topic_id
             LEFT JOIN outlets o ON o.id = a.outlet_id
             WHERE ",
            article_filter!(),
            " AND ",
            mentions_person!(),
            " AND (?4 IS NULL OR at.topic_id IN (",
            topic_tree!(),
            "))",
            $key_where,
            " GROUP BY 1, 2 ORDER BY ",
            $key_order,
            "articles DESC, t.code LIMIT ?6"
        )
    };
}

const TOPICS: &str = topics_sql!("", "", "");
const TOPICS_BY_OUTLET: &str = topics_sql!("o.name AS outlet, ", "", "outlet IS NULL, outlet, ");
/// Undated articles have no period; they are left out rather than shown as an empty one.
const TOPICS_BY_PERIOD: &str =
    topics_sql!(concat!(period!("a.published_at"), " AS period, "), " AND a.published_at IS NOT NULL", "period, ");

/// Articles per topic, optionally broken down by outlet or by the period of publication.
pub fn topics(conn: &Connection, filter: &Filter, by: Option<TopicsBy>) -> Result<Table> {
    let (sql, interval) = match by {
        None => (TOPICS, None),
        Some(TopicsBy::Outlet) => (TOPICS_BY_OUTLET, None),
        Some(TopicsBy::Day) => (TOPICS_BY_PERIOD, Some(Interval::Day)),
        Some(TopicsBy::Week) => (TOPICS_BY_PERIOD, Some(Interval::Week)),
        Some(TopicsBy::Month) => (TOPICS_BY_PERIOD, Some(Interval::Month)),
    };
    run(conn, sql, filter, interval.map(interval_param))
}

fn interval_param(interval: Interval) -> Value {
    let name = match interval {
        Interval::Day => "day",
        Interval::Week => "week",
        Interval::Month => "month",
    };
    Value::Text(name.to_string())
}

/// Counts per period, with empty periods between the first and the last filled in as 0
/// so the series can be charted as is. `$hits` yields one `day` per counted row; ?9 is
/// an optional full-text query the articles must match.
macro_rules! timeline_sql {
    ($count_name:literal, $hits:expr) => {
        concat!(
            "WITH RECURSIVE
             hits(day, n) AS (SELECT date(a.published_at), count(*) ",
            $hits,
            " AND a.published_at IS NOT NULL AND ",
            article_filter!(),
            " AND (?9 IS NULL OR a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?9))
                 GROUP BY 1),
             days(day) AS (SELECT min(day) FROM hits
                           UNION ALL SELECT date(day, '+1 day') FROM days WHERE day < (SELECT max(day) FROM hits))
             SELECT ",
            period!("d.day"),
            " AS period, coalesce(sum(h.n), 0) AS ",
            $count_name,
            " FROM days d LEFT JOIN hits h ON h.day = d.day
             WHERE d.day IS NOT NULL
             GROUP BY 1 ORDER BY 1 LIMIT ?6"
        )
    };
}

const TIMELINE_MENTIONS: &str = timeline_sql!(
    "mentions",
    "FROM mentions m JOIN articles a ON a.id = m.article_id WHERE (?5 IS NULL OR m.person_id = ?5)"
);
const TIMELINE_STATEMENTS: &str = timeline_sql!(
    "statements",
    concat!(
        "FROM statements s JOIN articles a ON a.id = s.article_id WHERE (?5 IS NULL OR s.speaker_id = ?5) AND ",
        statement_class!()
    )
);
const TIMELINE_ARTICLES: &str = timeline_sql!(
    "articles",
    "FROM articles a WHERE (?5 IS NULL OR EXISTS (SELECT 1 FROM mentions m5 WHERE m5.article_id = a.id AND m5.person_id = ?5))"
);

/// Mentions, statements or articles per day, ISO week or month; undated articles are left out.
pub fn timeline(
    conn: &Connection,
    filter: &Filter,
    interval: Interval,
    count: TimelineCount,
    query: Option<&str>,
) -> Result<Table> {
    let sql = match count {
        TimelineCount::Mentions => TIMELINE_MENTIONS,
        TimelineCount::Statements => TIMELINE_STATEMENTS,
        TimelineCount::Articles => TIMELINE_ARTICLES,
    };
    let query = query.map(fts_query);
    let query = query.as_deref();
    if let Some(query) = query {
        // The main query may never reach the MATCH when no article is in range; a bad
        // query should fail the same way whatever the data.
        conn.prepare(FTS_CHECK)?.exists([query]).map_err(|e| fts_error("--query", Some(query), e))?;
    }
    let fts = query.map_or(Value::Null, |q| Value::Text(q.to_string()));
    query_table(conn, sql, filter.params([interval_param(interval), fts])).map_err(|e| fts_error("--query", query, e))
}

const FTS_CHECK: &str = "SELECT 1 FROM articles_fts WHERE articles_fts MATCH ?1 LIMIT 1";

/// Outlets of the filtered articles (articles without an outlet form one row with an empty
/// name); --person keeps articles mentioning that person.
const OUTLETS: &str = concat!(
    "WITH fa AS (SELECT a.id, a.outlet_id, a.published_at FROM articles a WHERE ",
    article_filter!(),
    " AND ",
    mentions_person!(),
    ")
    SELECT o.name AS outlet, o.domain AS domain, count(*) AS articles,
           min(fa.published_at) AS first_article, max(fa.published_at) AS last_article,
           (SELECT count(DISTINCT m.person_id) FROM mentions m JOIN fa f2 ON f2.id = m.article_id
            WHERE f2.outlet_id IS fa.outlet_id) AS people,
           (SELECT count(*) FROM statements s JOIN fa f2 ON f2.id = s.article_id
            WHERE f2.outlet_id IS fa.outlet_id AND ",
    statement_class!(),
    ") AS statements
    FROM fa LEFT JOIN outlets o ON o.id = fa.outlet_id
    GROUP BY fa.outlet_id
    ORDER BY articles DESC, o.name IS NULL, o.name
    LIMIT ?6"
);

pub fn outlets(conn: &Connection, filter: &Filter) -> Result<Table> {
    run(conn, OUTLETS, filter, [])
}

/// Pairs of people mentioned in the same filtered articles, each pair once (a < b by name);
/// --person keeps the pairs that include that person.
const COOCCURRENCE: &str = concat!(
    "WITH pm AS (SELECT DISTINCT m.article_id, m.person_id FROM mentions m JOIN articles a ON a.id = m.article_id WHERE ",
    article_filter!(),
    ")
    SELECT pa.name AS person_a, pb.name AS person_b, count(*) AS articles
    FROM pm x JOIN pm y ON y.article_id = x.article_id AND y.person_id <> x.person_id
    JOIN people pa ON pa.id = x.person_id JOIN people pb ON pb.id = y.person_id
    WHERE pa.name < pb.name AND (?5 IS NULL OR ?5 IN (x.person_id, y.person_id))
    GROUP BY x.person_id, y.person_id
    ORDER BY articles DESC, person_a, person_b
    LIMIT ?6"
);

pub fn cooccurrence(conn: &Connection, filter: &Filter) -> Result<Table> {
    run(conn, COOCCURRENCE, filter, [])
}

/// Search branches; both yield the same columns plus `score` (raw bm25, lower is better)
/// for ordering. ?8 is the FTS5 query. Snippets mark hits with [ ], which survive every
/// output format, and cut with "…".
macro_rules! search_articles {
    () => {
        concat!(
            "SELECT 'article' AS kind, a.id AS id, f.rank AS score, a.title AS title,
                    snippet(articles_fts, -1, '[', ']', '…', 12) AS snippet, NULL AS speaker,
                    o.name AS outlet, a.published_at AS published_at, a.url AS url, a.id AS article_id
             FROM articles_fts f JOIN articles a ON a.id = f.rowid LEFT JOIN outlets o ON o.id = a.outlet_id
             WHERE articles_fts MATCH ?8 AND ",
            article_filter!(),
            " AND ",
            mentions_person!()
        )
    };
}

macro_rules! search_statements {
    () => {
        concat!(
            "SELECT 'statement' AS kind, s.id AS id, f.rank AS score, a.title AS title,
                    snippet(statements_fts, 0, '[', ']', '…', 12) AS snippet,
                    coalesce(p.name, s.source_label) AS speaker,
                    o.name AS outlet, a.published_at AS published_at, a.url AS url, a.id AS article_id
             FROM statements_fts f JOIN statements s ON s.id = f.rowid JOIN articles a ON a.id = s.article_id
             LEFT JOIN people p ON p.id = s.speaker_id LEFT JOIN outlets o ON o.id = a.outlet_id
             WHERE statements_fts MATCH ?8 AND ",
            article_filter!(),
            " AND (?5 IS NULL OR s.speaker_id = ?5) AND ",
            statement_class!()
        )
    };
}

/// Ranks are rounded for display only (+ 0.0 turns a rounded -0.0 into 0); ordering uses
/// the exact score. bm25 scores of the
/// two tables are on similar scales, good enough to interleave hits.
macro_rules! search_sql {
    ($branches:expr) => {
        concat!(
            "SELECT kind, id, round(score, 3) + 0.0 AS rank, title, snippet, speaker, outlet, published_at, url, article_id
             FROM (",
            $branches,
            ") ORDER BY score, kind, id LIMIT ?6"
        )
    };
}

const SEARCH_ALL: &str = search_sql!(concat!(search_articles!(), " UNION ALL ", search_statements!()));
const SEARCH_ARTICLES: &str = search_sql!(search_articles!());
const SEARCH_STATEMENTS: &str = search_sql!(search_statements!());

/// Full-text search over article titles and bodies and statement texts.
pub fn search(conn: &Connection, filter: &Filter, query: &str, within: SearchIn) -> Result<Table> {
    let sql = match within {
        SearchIn::All => SEARCH_ALL,
        SearchIn::Articles => SEARCH_ARTICLES,
        SearchIn::Statements => SEARCH_STATEMENTS,
    };
    let query = fts_query(query);
    query_table(conn, sql, filter.params([Value::Text(query.clone())]))
        .map_err(|e| fts_error("search", Some(&query), e))
}

/// Analysts write proximity the way most search tools take it, `a NEAR/5 b`; FTS5 spells it
/// `NEAR(a b, 5)`. Rewrites the first form into the second (terms may be "quoted phrases") and leaves
/// everything else to FTS5.
pub fn fts_query(query: &str) -> String {
    static NEAR: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r#"("[^"]*"|[^\s()"]+)\s+NEAR(?:/(\d+))?\s+("[^"]*"|[^\s()"]+)"#).expect("valid regex")
    });
    NEAR.replace_all(query, |c: &regex::Captures| match c.get(2) {
        Some(distance) => format!("NEAR({} {}, {})", &c[1], &c[3], distance.as_str()),
        None => format!("NEAR({} {})", &c[1], &c[3]),
    })
    .into_owned()
}

/// Our SQL is fixed and tested, so a plain SQLite error while running a query that carries
/// a user FTS5 expression is that expression's fault: say so, as a usage error.
fn fts_error(context: &str, query: Option<&str>, err: rusqlite::Error) -> Error {
    match (&err, query) {
        (rusqlite::Error::SqliteFailure(e, Some(message)), Some(query)) if e.code == ErrorCode::Unknown => {
            Error::Usage(format!("{context}: bad query {query:?}: {message}"))
        }
        _ => Error::Sql(err),
    }
}

/// Exportable tables in creation order: ordinary tables only, not SQLite's own nor the
/// FTS5 index (its virtual and shadow tables are rebuilt from `articles` and `statements`).
const USER_TABLES: &str = "SELECT s.name FROM sqlite_schema s
     JOIN pragma_table_list l ON l.schema = 'main' AND l.name = s.name AND l.type = 'table'
     WHERE s.type = 'table' AND s.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'
     ORDER BY s.rowid";

pub fn user_tables(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(USER_TABLES)?;
    let names = stmt.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    Ok(names)
}

/// Primary-key columns in key order; empty for a table without one (then rowid orders it).
const PRIMARY_KEY: &str = "SELECT name FROM pragma_table_info(?1) WHERE pk > 0 ORDER BY pk";

/// SQL reading all of `table` in primary-key order. `table` must come from
/// [`user_tables`]; it and its key columns are quoted as identifiers, never as values.
pub fn scan_sql(conn: &Connection, table: &str) -> Result<String> {
    let mut stmt = conn.prepare(PRIMARY_KEY)?;
    let keys: Vec<String> = stmt.query_map([table], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    let order = if keys.is_empty() {
        "rowid".to_string()
    } else {
        keys.iter().map(|k| quote_identifier(k)).collect::<Vec<_>>().join(", ")
    };
    Ok(format!("SELECT * FROM {} ORDER BY {order}", quote_identifier(table)))
}

fn quote_identifier(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

#[cfg(test)]
pub(crate) mod fixture {
    //! A small database for the tests of every query command.

    use std::path::PathBuf;

    use rusqlite::Connection;

    /// Two outlets, four articles (one undated, one without outlet), four people,
    /// statements, roles and a topic tree with a parent and a child.
    pub(crate) const SQL: &str = "
        INSERT INTO outlets (id, name, domain) VALUES (1, 'Daily News', 'dailynews.example'), (2, 'Herald', 'herald.example');
        INSERT INTO articles (id, outlet_id, url, title, published_at, body, content_hash, word_count, source) VALUES
          (1, 1, 'https://dailynews.example/1', 'Talks resume in Geneva', '2026-11-23T09:00:00Z',
           'Negotiations resumed. \"We want peace,\" said Anna Berg. Piotr Nowak agreed.', 'h1', 10, 'a.json'),
          (2, 2, 'https://herald.example/2', 'Peace plan criticised', '2026-11-28T23:30:00Z',
           'Piotr Nowak said the plan fails. Anna Berg disagreed. =cmd', 'h2', 9, 'b.json'),
          (3, 1, 'https://dailynews.example/3', 'Budget vote', '2026-12-02T12:00:00Z',
           'Parliament voted on the budget, Carl Lind said.', 'h3', 8, 'c.json'),
          (4, NULL, NULL, 'Undated note', NULL, 'Anna Berg spoke about peace.', 'h4', 5, 'd.txt');
        INSERT INTO people (id, name) VALUES (1, 'Anna Berg'), (2, 'Piotr Nowak'), (3, 'Carl Lind'), (4, 'Dana Smith');
        INSERT INTO person_aliases (alias, person_id) VALUES ('Berg', 1), ('Nowak', 2), ('Smith', 4), ('Smith', 3);
        INSERT INTO mentions (article_id, person_id, start, end, surface) VALUES
          (1, 1, 40, 49, 'Anna Berg'), (1, 2, 51, 63, 'Piotr Nowak'),
          (2, 2, 0, 11, 'Piotr Nowak'), (2, 1, 33, 42, 'Anna Berg'), (2, 1, 0, 0, 'Berg'),
          (3, 3, 33, 42, 'Carl Lind'), (4, 1, 0, 9, 'Anna Berg');
        INSERT INTO person_roles (person_id, article_id, role) VALUES
          (1, 1, 'negotiator'), (1, 2, 'diplomat'), (1, 2, 'negotiator'), (2, 2, 'minister');
        INSERT INTO statements (id, article_id, speaker_id, source_label, kind, cue, attribution, text, start, end) VALUES
          (1, 1, 1, NULL, 'direct', 'said', 'explicit', 'We want peace,', 24, 38),
          (2, 2, 2, NULL, 'indirect', 'said', 'explicit', 'the plan fails', 17, 31),
          (3, 3, 3, NULL, 'indirect', 'said', 'explicit', 'Parliament voted on the budget', 0, 30),
          (4, 4, NULL, 'a spokesperson', 'direct', NULL, 'none', '=1+1 peace', 0, 10);
        INSERT INTO topics (id, code, name, parent_id) VALUES
          (1, 'medtop:11000000', 'politics', NULL), (2, 'medtop:20000621', 'election', 1),
          (3, 'medtop:16000000', 'conflict, war and peace', NULL), (4, 'medtop:20000638', 'political parties', 1);
        INSERT INTO article_topics (article_id, topic_id, score, evidence) VALUES
          (1, 3, 0.9, '[]'), (2, 3, 0.7, '[]'), (2, 1, 0.4, '[]'), (3, 2, 0.8, '[]'), (4, 3, 0.5, '[]');
        INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
        INSERT INTO statements_fts (statements_fts) VALUES ('rebuild');
    ";

    /// A migrated database with [`SQL`] in it; keep the TempDir alive while using the path.
    pub(crate) fn database() -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("fixture.sqlite");
        let conn = crate::store::db::open(&path).unwrap();
        conn.execute_batch(SQL).unwrap();
        (dir, path)
    }

    /// A read-only connection to a fresh fixture database.
    pub(crate) fn connection() -> (tempfile::TempDir, Connection) {
        let (dir, path) = database();
        (dir, crate::store::db::open_read_only(&path).unwrap())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::CueClassFilter;

    fn filter(conn: &Connection, args: FilterArgs) -> Filter {
        Filter::resolve(conn, &args).unwrap()
    }

    /// The table as lines of "|"-joined cells, easy to compare whole.
    fn lines(table: &Table) -> Vec<String> {
        let mut out = vec![table.columns.join("|")];
        out.extend(table.rows.iter().map(|r| r.iter().map(Cell::to_string).collect::<Vec<_>>().join("|")));
        out
    }

    fn usage(result: Result<Filter>) -> String {
        match result {
            Err(Error::Usage(message)) => message,
            other => panic!("expected a usage error, got {other:?}"),
        }
    }

    #[test]
    fn dates_become_bounds_and_until_covers_the_whole_day() {
        assert_eq!(date_bound("--since", "2026-11-28", false).unwrap(), "2026-11-28");
        assert_eq!(date_bound("--until", "2026-11-28", true).unwrap(), "2026-11-29");
        assert_eq!(date_bound("--since", "2026-11-28T10:00:00+02:00", false).unwrap(), "2026-11-28T08:00:00Z");
        assert_eq!(date_bound("--until", "2026-11-28T10:00:00Z", true).unwrap(), "2026-11-28T10:00:01Z");
        let err = date_bound("--since", "28/11/2026", false).unwrap_err().to_string();
        assert!(err.contains("--since") && err.contains("YYYY-MM-DD"), "{err}");
    }

    #[test]
    fn names_resolve_case_insensitively_and_by_alias() {
        let (_dir, conn) = fixture::connection();
        let resolve = |args: FilterArgs| Filter::resolve(&conn, &args);
        let f = resolve(FilterArgs { outlet: Some("daily NEWS".into()), ..Default::default() }).unwrap();
        assert_eq!(f.outlet_id, Some(1));
        let f = resolve(FilterArgs { outlet: Some("herald.example".into()), ..Default::default() }).unwrap();
        assert_eq!(f.outlet_id, Some(2));
        let f = resolve(FilterArgs { person: Some("berg".into()), ..Default::default() }).unwrap();
        assert_eq!(f.person_id, Some(1));
        let f = resolve(FilterArgs { person: Some("PIOTR NOWAK".into()), ..Default::default() }).unwrap();
        assert_eq!(f.person_id, Some(2));
        for (topic, id) in [("medtop:16000000", 3), ("Politics", 1), ("conflict", 3), ("elect", 2)] {
            let f = resolve(FilterArgs { topic: Some(topic.into()), ..Default::default() }).unwrap();
            assert_eq!(f.topic_id, Some(id), "{topic}");
        }
    }

    #[test]
    fn unknown_and_ambiguous_names_are_usage_errors() {
        let (_dir, conn) = fixture::connection();
        let resolve = |args: FilterArgs| Filter::resolve(&conn, &args);
        let msg = usage(resolve(FilterArgs { outlet: Some("Nope".into()), ..Default::default() }));
        assert!(msg.contains("--outlet") && msg.contains("Nope"), "{msg}");
        let msg = usage(resolve(FilterArgs { person: Some("Smith".into()), ..Default::default() }));
        assert!(msg.contains("ambiguous") && msg.contains("Carl Lind") && msg.contains("Dana Smith"), "{msg}");
        let msg = usage(resolve(FilterArgs { topic: Some("polit".into()), ..Default::default() }));
        assert!(msg.contains("ambiguous") && msg.contains("political parties"), "{msg}");
        let msg = usage(resolve(FilterArgs { until: Some("yesterday".into()), ..Default::default() }));
        assert!(msg.contains("--until"), "{msg}");
    }

    #[test]
    fn people_report() {
        let (_dir, conn) = fixture::connection();
        let table = people(&conn, &Filter::default()).unwrap();
        assert_eq!(
            lines(&table),
            [
                "name|roles|mentions|articles|statements|outlets|first_seen|last_seen",
                "Anna Berg|diplomat; negotiator|4|3|1|2|2026-11-23T09:00:00Z|2026-11-28T23:30:00Z",
                "Piotr Nowak|minister|2|2|1|2|2026-11-23T09:00:00Z|2026-11-28T23:30:00Z",
                "Carl Lind||1|1|1|1|2026-12-02T12:00:00Z|2026-12-02T12:00:00Z",
            ]
        );
    }

    #[test]
    fn people_report_with_filters() {
        let (_dir, conn) = fixture::connection();
        let f = filter(&conn, FilterArgs { since: Some("2026-11-24".into()), ..Default::default() });
        let table = people(&conn, &f).unwrap();
        assert_eq!(
            lines(&table)[1..],
            [
                "Anna Berg|diplomat; negotiator|2|1|0|1|2026-11-28T23:30:00Z|2026-11-28T23:30:00Z",
                "Carl Lind||1|1|1|1|2026-12-02T12:00:00Z|2026-12-02T12:00:00Z",
                "Piotr Nowak|minister|1|1|1|1|2026-11-28T23:30:00Z|2026-11-28T23:30:00Z",
            ]
        );
        let f = filter(&conn, FilterArgs { person: Some("Nowak".into()), ..Default::default() });
        assert_eq!(lines(&people(&conn, &f).unwrap()).len(), 2);
        let f = filter(&conn, FilterArgs { limit: Some(1), outlet: Some("Herald".into()), ..Default::default() });
        assert_eq!(
            lines(&people(&conn, &f).unwrap())[1..],
            ["Anna Berg|diplomat; negotiator|2|1|0|1|2026-11-28T23:30:00Z|2026-11-28T23:30:00Z"]
        );
    }

    #[test]
    fn statements_count_speech_unless_asked_for_another_class() {
        let (_dir, path) = fixture::database();
        crate::store::db::open(&path)
            .unwrap()
            .execute_batch(
                "INSERT INTO statements (article_id, speaker_id, kind, cue, cue_class, attribution, rule, text, start, end)
                 VALUES (1, 1, 'indirect', 'believes', 'belief', 'explicit', 'reported-that-clause', 'talks', 0, 5);",
            )
            .unwrap();
        let conn = crate::store::db::open_read_only(&path).unwrap();
        let speakers = |class: CueClassFilter| {
            let f = filter(&conn, FilterArgs { cue_class: class, ..Default::default() });
            let table = quotes(&conn, &f).unwrap();
            table.rows.iter().map(|r| format!("{}:{}", r[0], r[4])).collect::<Vec<_>>()
        };
        let speech = speakers(CueClassFilter::Speech);
        assert!(!speech.iter().any(|s| s.ends_with(":belief")), "{speech:?}");
        assert_eq!(speakers(CueClassFilter::Belief), ["Anna Berg:belief"]);
        assert_eq!(speakers(CueClassFilter::All).len(), speech.len() + 1);
        // People's statement counts and the statement timeline follow the same filter.
        let counts = |class: CueClassFilter| {
            let f =
                filter(&conn, FilterArgs { cue_class: class, person: Some("Anna Berg".into()), ..Default::default() });
            lines(&people(&conn, &f).unwrap())[1].split('|').nth(4).unwrap().to_string()
        };
        assert_eq!((counts(CueClassFilter::Speech), counts(CueClassFilter::All)), ("1".into(), "2".into()));
    }

    /// Issue 11: `report quotes --context N` shows each statement in its article, the speaker in brackets.
    #[test]
    fn quotes_in_context_mark_the_speaker() {
        assert_eq!(context("Anna Berg said no.", 0, 18, Some((0, 9))), "[Anna Berg] said no.");
        assert_eq!(context("said Anna\nBerg", 5, 30, Some((10, 19))), "…said [Anna Berg]…");
        assert_eq!(context("no speaker", 0, 10, None), "no speaker");
        let (_dir, conn) = fixture::connection();
        let table = quotes_in_context(&conn, &Filter::default(), 10).unwrap();
        assert_eq!(table.columns[..3], ["speaker", "text", "context"]);
        assert_eq!(table.columns.len(), quotes(&conn, &Filter::default()).unwrap().columns.len() + 1);
        let Cell::Text(first) = &table.rows[0][2] else { panic!("{:?}", table.rows[0]) };
        assert!(first.contains("We want peace,"), "{first}");
    }

    #[test]
    fn quotes_report() {
        let (_dir, conn) = fixture::connection();
        let table = quotes(&conn, &Filter::default()).unwrap();
        assert_eq!(
            lines(&table),
            [
                "speaker|text|kind|cue|cue_class|attribution|rule|title|outlet|published_at|url|article_id|start|end",
                "Anna Berg|We want peace,|direct|said|speech|explicit||Talks resume in Geneva|Daily News|2026-11-23T09:00:00Z|https://dailynews.example/1|1|24|38",
                "Piotr Nowak|the plan fails|indirect|said|speech|explicit||Peace plan criticised|Herald|2026-11-28T23:30:00Z|https://herald.example/2|2|17|31",
                "Carl Lind|Parliament voted on the budget|indirect|said|speech|explicit||Budget vote|Daily News|2026-12-02T12:00:00Z|https://dailynews.example/3|3|0|30",
                "a spokesperson|=1+1 peace|direct||speech|none||Undated note||||4|0|10",
            ]
        );
        let f = filter(&conn, FilterArgs { person: Some("anna berg".into()), ..Default::default() });
        assert_eq!(quotes(&conn, &f).unwrap().rows.len(), 1);
        // The until day is included whole: 23:30 on the 28th counts.
        let f = filter(&conn, FilterArgs { until: Some("2026-11-28".into()), ..Default::default() });
        let speakers: Vec<String> = quotes(&conn, &f).unwrap().rows.iter().map(|r| r[0].to_string()).collect();
        assert_eq!(speakers, ["Anna Berg", "Piotr Nowak"]);
    }

    #[test]
    fn topics_report() {
        let (_dir, conn) = fixture::connection();
        assert_eq!(
            lines(&topics(&conn, &Filter::default(), None).unwrap()),
            [
                "code|name|articles|avg_score",
                "medtop:16000000|conflict, war and peace|3|0.7",
                "medtop:11000000|politics|1|0.4",
                "medtop:20000621|election|1|0.8",
            ]
        );
        // A parent topic covers its subtopics, and only those rows are listed.
        let f = filter(&conn, FilterArgs { topic: Some("politics".into()), ..Default::default() });
        assert_eq!(
            lines(&topics(&conn, &f, None).unwrap())[1..],
            ["medtop:11000000|politics|1|0.4", "medtop:20000621|election|1|0.8"]
        );
        let f = filter(&conn, FilterArgs { person: Some("Carl Lind".into()), ..Default::default() });
        assert_eq!(lines(&topics(&conn, &f, None).unwrap())[1..], ["medtop:20000621|election|1|0.8"]);
    }

    #[test]
    fn topics_by_outlet_and_period() {
        let (_dir, conn) = fixture::connection();
        let f = filter(&conn, FilterArgs { topic: Some("conflict".into()), ..Default::default() });
        assert_eq!(
            lines(&topics(&conn, &f, Some(TopicsBy::Outlet)).unwrap()),
            [
                "outlet|code|name|articles|avg_score",
                "Daily News|medtop:16000000|conflict, war and peace|1|0.9",
                "Herald|medtop:16000000|conflict, war and peace|1|0.7",
                "|medtop:16000000|conflict, war and peace|1|0.5",
            ]
        );
        let week = topics(&conn, &Filter::default(), Some(TopicsBy::Week)).unwrap();
        assert_eq!(
            lines(&week),
            [
                "period|code|name|articles|avg_score",
                "2026-W48|medtop:16000000|conflict, war and peace|2|0.8",
                "2026-W48|medtop:11000000|politics|1|0.4",
                "2026-W49|medtop:20000621|election|1|0.8",
            ]
        );
        let day = topics(&conn, &Filter::default(), Some(TopicsBy::Day)).unwrap();
        assert_eq!(day.rows[0][0], Cell::from("2026-11-23"));
        let month = topics(&conn, &Filter::default(), Some(TopicsBy::Month)).unwrap();
        let months: Vec<String> = month.rows.iter().map(|r| r[0].to_string()).collect();
        assert_eq!(months, ["2026-11", "2026-11", "2026-12"]);
    }

    #[test]
    fn iso_weeks_use_the_week_numbering_year() {
        let (_dir, conn) = fixture::connection();
        let sql = concat!("SELECT ", period!("?1"));
        let week =
            |t: &str| -> String { conn.query_row(sql, [t, "", "", "", "", "", "", "week"], |r| r.get(0)).unwrap() };
        assert_eq!(week("2027-01-01T10:00:00Z"), "2026-W53");
        assert_eq!(week("2025-12-29T00:00:00Z"), "2026-W01");
    }

    #[test]
    fn timeline_fills_empty_periods() {
        let (_dir, conn) = fixture::connection();
        let t = timeline(&conn, &Filter::default(), Interval::Day, TimelineCount::Mentions, None).unwrap();
        assert_eq!(t.columns, ["period", "mentions"]);
        assert_eq!(t.rows.len(), 10, "2026-11-23 ..= 2026-12-02");
        assert_eq!(t.rows[0], [Cell::from("2026-11-23"), Cell::Int(2)]);
        assert_eq!(t.rows[1], [Cell::from("2026-11-24"), Cell::Int(0)]);
        assert_eq!(t.rows[5], [Cell::from("2026-11-28"), Cell::Int(3)]);

        let t = timeline(&conn, &Filter::default(), Interval::Week, TimelineCount::Articles, None).unwrap();
        assert_eq!(lines(&t), ["period|articles", "2026-W48|2", "2026-W49|1"]);
        let f = filter(&conn, FilterArgs { person: Some("Anna Berg".into()), ..Default::default() });
        let t = timeline(&conn, &f, Interval::Month, TimelineCount::Statements, None).unwrap();
        assert_eq!(lines(&t), ["period|statements", "2026-11|1"]);
    }

    #[test]
    fn timeline_with_query() {
        let (_dir, conn) = fixture::connection();
        let t = timeline(&conn, &Filter::default(), Interval::Month, TimelineCount::Articles, Some("budget")).unwrap();
        assert_eq!(lines(&t), ["period|articles", "2026-12|1"]);
        let t = timeline(&conn, &Filter::default(), Interval::Month, TimelineCount::Articles, Some("nothing")).unwrap();
        assert!(t.rows.is_empty());
        let err =
            timeline(&conn, &Filter::default(), Interval::Day, TimelineCount::Articles, Some("\"open")).unwrap_err();
        assert!(matches!(err, Error::Usage(ref m) if m.starts_with("--query: bad query")), "{err}");
    }

    #[test]
    fn outlets_report() {
        let (_dir, conn) = fixture::connection();
        assert_eq!(
            lines(&outlets(&conn, &Filter::default()).unwrap()),
            [
                "outlet|domain|articles|first_article|last_article|people|statements",
                "Daily News|dailynews.example|2|2026-11-23T09:00:00Z|2026-12-02T12:00:00Z|3|2",
                "Herald|herald.example|1|2026-11-28T23:30:00Z|2026-11-28T23:30:00Z|2|1",
                "||1|||1|1",
            ]
        );
        let f = filter(&conn, FilterArgs { person: Some("Carl Lind".into()), ..Default::default() });
        assert_eq!(
            lines(&outlets(&conn, &f).unwrap())[1..],
            ["Daily News|dailynews.example|1|2026-12-02T12:00:00Z|2026-12-02T12:00:00Z|1|1"]
        );
    }

    #[test]
    fn cooccurrence_report() {
        let (_dir, conn) = fixture::connection();
        assert_eq!(
            lines(&cooccurrence(&conn, &Filter::default()).unwrap()),
            ["person_a|person_b|articles", "Anna Berg|Piotr Nowak|2"]
        );
        let f = filter(&conn, FilterArgs { person: Some("Carl Lind".into()), ..Default::default() });
        assert!(cooccurrence(&conn, &f).unwrap().rows.is_empty());
        let f = filter(&conn, FilterArgs { outlet: Some("Herald".into()), ..Default::default() });
        assert_eq!(lines(&cooccurrence(&conn, &f).unwrap())[1..], ["Anna Berg|Piotr Nowak|1"]);
    }

    /// Issue 2: the README's `negotiations NEAR/5 peace` is FTS5's `NEAR(negotiations peace, 5)`.
    #[test]
    fn near_slash_distance_becomes_fts5_near() {
        assert_eq!(fts_query("negotiations NEAR/5 peace"), "NEAR(negotiations peace, 5)");
        assert_eq!(fts_query("\"peace talks\" NEAR/10 Kremlin"), "NEAR(\"peace talks\" Kremlin, 10)");
        assert_eq!(fts_query("a NEAR b AND c"), "NEAR(a b) AND c");
        assert_eq!(fts_query("NEAR(a b, 3)"), "NEAR(a b, 3)");
        assert_eq!(fts_query("plain words"), "plain words");
    }

    #[test]
    fn search_articles_and_statements_with_snippets() {
        let (_dir, conn) = fixture::connection();
        let t = search(&conn, &Filter::default(), "peace", SearchIn::All).unwrap();
        assert_eq!(
            t.columns,
            ["kind", "id", "rank", "title", "snippet", "speaker", "outlet", "published_at", "url", "article_id"]
        );
        let kinds: Vec<String> = t.rows.iter().map(|r| format!("{}:{}", r[0], r[1])).collect();
        assert_eq!(kinds.len(), 5, "{kinds:?}");
        assert!(kinds.contains(&"statement:1".to_string()) && kinds.contains(&"article:2".to_string()), "{kinds:?}");
        let statement = t.rows.iter().find(|r| r[0] == Cell::from("statement") && r[1] == Cell::Int(1)).unwrap();
        assert_eq!(statement[4], Cell::from("We want [peace],"));
        assert_eq!(statement[5], Cell::from("Anna Berg"));
        // "peace" is in most fixture documents, so bm25 gives it almost no weight.
        assert!(t.rows.iter().all(|r| r[2].to_string() == "0"), "{t:?}");
        let t = search(&conn, &Filter::default(), "budget", SearchIn::All).unwrap();
        assert!(t.rows.iter().all(|r| matches!(r[2], Cell::Real(x) if x < 0.0)), "{t:?}");

        let t = search(&conn, &Filter::default(), "peace", SearchIn::Articles).unwrap();
        assert!(t.rows.iter().all(|r| r[0] == Cell::from("article")));
        let f = filter(&conn, FilterArgs { outlet: Some("Herald".into()), ..Default::default() });
        let t = search(&conn, &f, "peace", SearchIn::Statements).unwrap();
        assert!(t.rows.is_empty());
        let f = filter(&conn, FilterArgs { person: Some("Anna Berg".into()), limit: Some(1), ..Default::default() });
        let t = search(&conn, &f, "peace", SearchIn::Statements).unwrap();
        assert_eq!(t.rows.len(), 1);
    }

    #[test]
    fn search_bad_query_is_a_usage_error() {
        let (_dir, conn) = fixture::connection();
        for bad in ["\"unterminated", "peace AND", "nosuchcolumn:peace"] {
            match search(&conn, &Filter::default(), bad, SearchIn::All) {
                Err(Error::Usage(m)) => assert!(m.starts_with("search: bad query"), "{m}"),
                other => panic!("{bad}: expected a usage error, got {other:?}"),
            }
        }
    }

    #[test]
    fn user_tables_leave_out_fts_and_sqlite_tables() {
        let (_dir, conn) = fixture::connection();
        assert_eq!(
            user_tables(&conn).unwrap(),
            [
                "outlets",
                "feeds",
                "ingest_runs",
                "ingest_errors",
                "articles",
                "people",
                "person_aliases",
                "mentions",
                "person_roles",
                "statements",
                "topics",
                "article_topics",
                "feed_items"
            ]
        );
        assert_eq!(scan_sql(&conn, "articles").unwrap(), "SELECT * FROM \"articles\" ORDER BY \"id\"");
        assert_eq!(
            scan_sql(&conn, "person_aliases").unwrap(),
            "SELECT * FROM \"person_aliases\" ORDER BY \"alias\", \"person_id\""
        );
    }

    #[test]
    fn blobs_become_hex() {
        assert_eq!(cell(ValueRef::Blob(&[0, 255, 16])), Cell::from("00ff10"));
        assert_eq!(cell(ValueRef::Real(1.5)), Cell::Real(1.5));
    }
}
