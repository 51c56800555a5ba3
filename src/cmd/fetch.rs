//! `newsdb fetch`: poll subscribed feeds (conditional GET, bounded parallelism, one request at a time
//! per host) and store their new items through the same normalise -> extract -> store path as ingest.

use std::collections::{BTreeMap, HashMap, HashSet, VecDeque};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc, Mutex};
use std::time::{Duration, Instant};

use crate::cli::FetchArgs;
use crate::limits::Limits;
use crate::model::IncomingArticle;
use crate::pipeline::Processed;
use crate::source::http::{self, Client, FetchOptions, FetchResponse};
use crate::source::{feed, html};
use crate::store::db;
use crate::store::feeds::{self, Feed, SeenItem};
use crate::store::write::{Outcome, Record, Writer};
use crate::{Error, Result};

/// With --full-text, an item whose text is shorter than this (in characters) is taken for a summary.
const SHORT_BODY_CHARS: usize = 600;

/// How often a waiting `--every` loop looks at the Ctrl-C flag.
const STOP_CHECK: Duration = Duration::from_millis(100);

/// The shortest `--every` allowed without `--force` (issue 10: `--every 0s` sent one server about 415 requests a
/// second and wrote 249,198 run rows in 10 minutes). News sites update in minutes, so polling faster gains nothing.
const MIN_EVERY: Duration = Duration::from_secs(60);

pub fn run(args: &FetchArgs, db_path: &Path, quiet: bool) -> Result<()> {
    if let Some(every) = args.every.filter(|every| *every < MIN_EVERY && !args.force) {
        return Err(Error::Usage(format!(
            "--every {}: polling more often than once a minute only loads the servers; use at least 1m, or add \
             --force for a server of your own",
            http::human(every)
        )));
    }
    let limits = Limits { max_input_bytes: args.max_bytes, ..Limits::default() };
    // A failing host's first wait is never shorter than a round, so a backoff always skips at least one round.
    let mut backoff = HostBackoff::new(args.backoff_base.max(args.every.unwrap_or_default()));
    let client = Client::new(FetchOptions {
        timeout: args.timeout,
        max_bytes: args.max_bytes,
        tries: args.tries,
        retry_backoff: args.retry_backoff,
        ..FetchOptions::default()
    });
    let stop = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&stop);
    // The first Ctrl-C lets the feeds in flight finish and be committed; a second one quits at once.
    let _ = ctrlc::set_handler(move || {
        if flag.swap(true, Ordering::SeqCst) {
            std::process::exit(130);
        }
        crate::stderr!("stopping after the feeds in progress are stored (Ctrl-C again to quit now)");
    });
    loop {
        let started = Instant::now();
        let counts = poll(args, db_path, &client, &stop, quiet, &limits, &mut backoff)?;
        if !quiet {
            let deferred = match counts.deferred {
                0 => String::new(),
                n => format!(", {n} deferred (host backing off)"),
            };
            crate::stderr!(
                "{} feed{}: {} ok, {} not modified, {} failed{deferred}; articles: {} new, {} duplicate; {:.2} s",
                counts.feeds,
                if counts.feeds == 1 { "" } else { "s" },
                counts.ok,
                counts.not_modified,
                counts.failed,
                counts.new,
                counts.duplicate,
                started.elapsed().as_secs_f64()
            );
        }
        let Some(every) = args.every else {
            return counts.result();
        };
        // With every host backing off there is nothing to do before the first one is due: no busy loop.
        let mut resume = started + every;
        if counts.deferred > 0 && counts.deferred == counts.feeds {
            resume = resume.max(backoff.next_due().unwrap_or(resume));
        }
        while Instant::now() < resume && !stop.load(Ordering::SeqCst) {
            std::thread::sleep(STOP_CHECK.min(resume.saturating_duration_since(Instant::now())));
        }
        if stop.load(Ordering::SeqCst) {
            return counts.result();
        }
    }
}

#[derive(Debug, Default)]
struct Counts {
    feeds: usize,
    ok: usize,
    not_modified: usize,
    failed: usize,
    /// Feeds not polled this round because their host is backing off.
    deferred: usize,
    new: usize,
    duplicate: usize,
}

impl Counts {
    fn result(&self) -> Result<()> {
        match self.failed {
            0 => Ok(()),
            failed => Err(Error::PartialFailure { failed, total: self.feeds }),
        }
    }
}

/// What polling one feed produced, before anything is written.
enum Polled {
    NotModified,
    Failed { status: Option<u16>, message: String, retry_after: Option<Duration>, host_failure: bool },
    Items(Box<Items>),
}

struct Items {
    status: u16,
    etag: Option<String>,
    last_modified: Option<String>,
    title: Option<String>,
    /// New items, in feed order: their key and the pipeline's result.
    new: Vec<(String, Processed)>,
    /// Items this feed delivered in an earlier poll: skipped without any work.
    seen_before: usize,
    /// About the feed as a whole: items recovered from ill-formed XML, a guessed encoding, no items.
    warnings: Vec<String>,
}

struct Job {
    feed: Feed,
    seen: HashSet<String>,
}

/// One poll of the selected feeds. Results are written in feed order whatever order they arrive in,
/// so article ids do not depend on network timing.
fn poll(
    args: &FetchArgs,
    db_path: &Path,
    client: &Client,
    stop: &AtomicBool,
    quiet: bool,
    limits: &Limits,
    backoff: &mut HostBackoff,
) -> Result<Counts> {
    let mut conn = db::open(db_path)?;
    let selected = select(&conn, &args.feeds)?;
    let mut counts = Counts { feeds: selected.len(), ..Counts::default() };
    if selected.is_empty() {
        if !quiet {
            crate::stderr!("no feeds to poll: subscribe with `newsdb feed add URL` or `newsdb feed import FILE.opml`");
        }
        return Ok(counts);
    }
    let round = Instant::now();
    let (selected, deferred): (Vec<Feed>, Vec<Feed>) =
        selected.into_iter().partition(|feed| backoff.feed_due_in(&feed.url, round).is_none());
    counts.deferred = deferred.len();
    if !quiet {
        for feed in &deferred {
            let (wait, failures) = backoff.feed_due_in(&feed.url, round).unwrap_or_default();
            crate::stderr!(
                "feed {} {}: deferred: it failed {failures} time{} in a row; next poll in {}",
                feed.id,
                feed.url,
                if failures == 1 { "" } else { "s" },
                http::human(wait)
            );
        }
    }
    // A round that polls nothing writes nothing, not even a run row.
    if selected.is_empty() {
        return Ok(counts);
    }
    let jobs = selected
        .into_iter()
        .map(|feed| Ok(Job { seen: feeds::seen_keys(&conn, feed.id)?, feed }))
        .collect::<Result<Vec<_>>>()?;
    let urls: Vec<String> = jobs.iter().map(|job| job.feed.url.clone()).collect();
    let mut writer = Writer::start(db::open(db_path)?, &urls)?;
    let queue = Mutex::new(by_host(&jobs));
    let workers = args.jobs.max(1).min(queue.lock().map(|q| q.len()).unwrap_or(1));
    let mut item_failures = 0;
    // This round's feeds whose host failed (with its Retry-After), and those that got an answer.
    let mut failing: Vec<(String, Option<Duration>)> = Vec::new();
    let mut answered: Vec<String> = Vec::new();

    let written: Result<()> = std::thread::scope(|scope| {
        let (sender, receiver) = mpsc::channel::<(usize, Polled)>();
        for _ in 0..workers {
            let sender = sender.clone();
            let (queue, jobs) = (&queue, &jobs);
            scope.spawn(move || {
                // One host's feeds are polled one after another by one worker: never two requests at once to a host.
                while let Some(group) = next_group(queue, stop) {
                    for index in group {
                        if stop.load(Ordering::SeqCst) {
                            return;
                        }
                        let polled = poll_feed(client, &jobs[index], args.full_text, limits);
                        if sender.send((index, polled)).is_err() {
                            return;
                        }
                    }
                }
            });
        }
        drop(sender);
        let mut ready: BTreeMap<usize, Polled> = BTreeMap::new();
        let mut next = 0;
        let mut store = |index: usize, polled: Polled| -> Result<()> {
            let url = &jobs[index].feed.url;
            match &polled {
                Polled::Failed { host_failure: true, retry_after, .. } => failing.push((url.clone(), *retry_after)),
                _ => answered.push(url.clone()),
            }
            let failures = store_feed(&mut conn, &mut writer, &jobs[index].feed, polled, &mut counts, quiet)?;
            item_failures += failures;
            Ok(())
        };
        for (index, polled) in receiver {
            ready.insert(index, polled);
            while let Some(polled) = ready.remove(&next) {
                store(next, polled)?;
                next += 1;
            }
        }
        // After Ctrl-C some feeds were never polled: what did arrive is still stored, in order.
        for (index, polled) in std::mem::take(&mut ready) {
            store(index, polled)?;
        }
        Ok(())
    });
    written?;
    writer.finish(counts.new, counts.duplicate, counts.failed + item_failures)?;
    backoff.record_round(&failing, &answered, round, |key, wait, failures| {
        if args.every.is_some() && !quiet {
            crate::stderr!(
                "{key}: failed {failures} time{} in a row; polled again in {}",
                if failures == 1 { "" } else { "s" },
                http::human(wait)
            );
        }
    });
    Ok(counts)
}

/// The feeds named by --feed (id or URL), or every feed.
fn select(conn: &rusqlite::Connection, selectors: &[String]) -> Result<Vec<Feed>> {
    let all = feeds::all(conn)?;
    if selectors.is_empty() {
        return Ok(all);
    }
    let mut wanted = HashSet::new();
    for selector in selectors {
        match feeds::find(conn, selector)? {
            Some((id, _)) => wanted.insert(id),
            None => return Err(Error::Usage(format!("--feed {selector}: no such feed (see `newsdb feed list`)"))),
        };
    }
    Ok(all.into_iter().filter(|feed| wanted.contains(&feed.id)).collect())
}

/// Job indices grouped by host, hosts in order of their first feed.
fn by_host(jobs: &[Job]) -> VecDeque<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut host_group: HashMap<String, usize> = HashMap::new();
    for (index, job) in jobs.iter().enumerate() {
        let host = host_of(&job.feed.url);
        let group = *host_group.entry(host).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[group].push(index);
    }
    groups.into()
}

/// The host a feed is polled from, lower case (the URL itself when it has none).
fn host_of(url: &str) -> String {
    url::Url::parse(url).ok().and_then(|u| u.host_str().map(str::to_ascii_lowercase)).unwrap_or_else(|| url.to_string())
}

fn next_group(queue: &Mutex<VecDeque<Vec<usize>>>, stop: &AtomicBool) -> Option<Vec<usize>> {
    if stop.load(Ordering::SeqCst) {
        return None;
    }
    queue.lock().unwrap_or_else(|poisoned| poisoned.into_inner()).pop_front()
}

/// Fetches and parses one feed and runs its new items through the pipeline; touches no database.
fn poll_feed(client: &Client, job: &Job, full_text: bool, limits: &Limits) -> Polled {
    let feed = &job.feed;
    let validators = (feed.etag.as_deref(), feed.last_modified.as_deref());
    let page = match client.try_fetch(&feed.url, Some(validators)) {
        Ok(FetchResponse::NotModified) => return Polled::NotModified,
        Ok(FetchResponse::Body(page)) => page,
        Err(e) => {
            let host_failure = e.is_host_failure();
            return Polled::Failed { status: e.status, message: e.message, retry_after: e.retry_after, host_failure };
        }
    };
    let status = Some(page.status);
    if !feed::looks_like_feed(&page.body) {
        let what = match http::kind_of(&page) {
            http::Kind::Html => "an HTML page".to_string(),
            _ => page.content_type.clone().unwrap_or_else(|| "unknown content".to_string()),
        };
        return Polled::Failed {
            status,
            message: format!("not a feed ({what})"),
            retry_after: None,
            host_failure: false,
        };
    }
    let mut parsed = match feed::parse_with(&page.body, &feed.url, page.charset.as_deref(), limits) {
        Ok(parsed) => parsed,
        Err(e) => return Polled::Failed { status, message: message_of(e), retry_after: None, host_failure: false },
    };
    if parsed.items.is_empty() {
        parsed.warnings.insert(0, feed::nothing_read(parsed.skipped));
    }
    let mut this_poll = HashSet::new();
    let mut seen_before = 0;
    let mut new = Vec::new();
    // The feed's own warnings go with its first new item, so they are recorded with the run as well as shown.
    let mut feed_warnings = Some(std::mem::take(&mut parsed.warnings));
    for mut item in parsed.items {
        let key = item_key(&item);
        if job.seen.contains(&key) || !this_poll.insert(key.clone()) {
            seen_before += 1;
            continue;
        }
        if let Some(mut warnings) = feed_warnings.take() {
            warnings.append(&mut item.warnings);
            item.warnings = warnings;
        }
        if let Some(outlet) = &feed.outlet {
            item.outlet = Some(outlet.clone());
        }
        if full_text && wants_full_text(&item) {
            add_full_text(client, &mut item, limits);
        }
        let processed = crate::pipeline::process(Ok(item), None, limits);
        new.push((key, processed));
    }
    Polled::Items(Box::new(Items {
        status: page.status,
        etag: page.etag,
        last_modified: page.last_modified,
        title: parsed.title,
        new,
        seen_before,
        warnings: feed_warnings.unwrap_or_default(),
    }))
}

/// An item's identity within its feed: the guid, else the link, else its content.
fn item_key(item: &IncomingArticle) -> String {
    if let Some(id) = item.external_id.as_deref().filter(|id| !id.trim().is_empty()) {
        return id.trim().to_string();
    }
    if let Some(url) = item.url.as_deref().filter(|url| !url.trim().is_empty()) {
        return url.trim().to_string();
    }
    let text = format!("{}\n{}", item.title.as_deref().unwrap_or(""), item.body);
    format!("blake3:{}", blake3::hash(text.as_bytes()).to_hex())
}

fn wants_full_text(item: &IncomingArticle) -> bool {
    let summary_only = item
        .extra
        .as_ref()
        .and_then(|extra| extra.get("feed_summary_only"))
        .and_then(serde_json::Value::as_bool)
        .unwrap_or(false);
    item.url.is_some() && (summary_only || item.body.chars().count() < SHORT_BODY_CHARS)
}

/// Replaces the item's summary with its page's text when the page has more; a failure leaves the
/// summary and a warning, never losing the item.
fn add_full_text(client: &Client, item: &mut IncomingArticle, limits: &Limits) {
    let Some(url) = item.url.clone() else { return };
    let page = match client.try_fetch(&url, None) {
        Ok(FetchResponse::Body(page)) => page,
        Ok(FetchResponse::NotModified) => return,
        Err(e) => {
            item.warnings.push(format!("full text not fetched from {url}: {}", e.message));
            return;
        }
    };
    let article = match html::parse_page_with(&page.body, page.charset.as_deref(), Some(&page.final_url), &url, limits)
    {
        Ok(article) => article,
        Err(e) => {
            item.warnings.push(format!("full text not read from {url}: {}", message_of(e)));
            return;
        }
    };
    if article.body.chars().count() <= item.body.chars().count() {
        return;
    }
    item.body = article.body;
    item.verbatim_body = false;
    if item.title.is_none() {
        item.title = article.title;
    }
    if item.published.is_none() {
        item.published = article.published;
    }
    if item.authors.is_empty() {
        item.authors = article.authors;
    }
    if item.language.is_none() {
        item.language = article.language;
    }
    item.warnings.extend(article.warnings);
    let extra = item.extra.get_or_insert_with(serde_json::Map::new);
    extra.remove("feed_summary_only");
    extra.insert("full_text_from".to_string(), serde_json::Value::String(page.final_url));
}

/// The message of an error without the source name our own errors already carry.
fn message_of(error: Error) -> String {
    match error {
        Error::Input { message, .. } => message,
        other => other.to_string(),
    }
}

/// Writes one feed's poll: its articles through the writer, then its state and seen items.
/// Returns the number of items that could not be stored.
fn store_feed(
    conn: &mut rusqlite::Connection,
    writer: &mut Writer,
    feed: &Feed,
    polled: Polled,
    counts: &mut Counts,
    quiet: bool,
) -> Result<usize> {
    let name = format!("feed {} {}", feed.id, feed.url);
    match polled {
        Polled::NotModified => {
            feeds::record_not_modified(conn, feed.id)?;
            counts.not_modified += 1;
            if !quiet {
                crate::stderr!("{name}: not modified");
            }
            Ok(0)
        }
        Polled::Failed { status, message, .. } => {
            crate::stderr!("error: {name}: {message}");
            writer.write_batch(&[Record::Failed { source: feed.url.clone(), message: message.clone() }])?;
            feeds::record_failure(conn, feed.id, status, &message)?;
            counts.failed += 1;
            Ok(0)
        }
        Polled::Items(items) => {
            let Items { status, etag, last_modified, title, new, seen_before, warnings } = *items;
            for warning in &warnings {
                crate::stderr!("warning: {name}: {warning}");
            }
            let mut keys = Vec::with_capacity(new.len());
            let mut records = Vec::with_capacity(new.len());
            for (key, processed) in new {
                keys.push(key);
                match &processed {
                    Ok((article, _)) if !quiet => {
                        for warning in &article.warnings {
                            crate::stderr!("warning: {}: {warning}", article.source);
                        }
                    }
                    Ok(_) => {}
                    Err(error) => crate::stderr!("error: {name}: {error}"),
                }
                records.push(Record::from_processed(processed, &feed.url));
            }
            let outcomes = if records.is_empty() { Vec::new() } else { writer.write_batch(&records)? };
            let (mut new_count, mut duplicate, mut failed) = (0, seen_before, 0);
            let seen: Vec<SeenItem> = keys
                .into_iter()
                .zip(outcomes)
                .map(|(key, outcome)| {
                    let article_id = match outcome {
                        Outcome::New { article_id, .. } => {
                            new_count += 1;
                            Some(article_id)
                        }
                        Outcome::Duplicate { article_id } => {
                            duplicate += 1;
                            Some(article_id)
                        }
                        Outcome::Failed => {
                            failed += 1;
                            None
                        }
                    };
                    SeenItem { key, article_id }
                })
                .collect();
            feeds::record_success(
                conn,
                feed.id,
                status,
                etag.as_deref(),
                last_modified.as_deref(),
                title.as_deref(),
                &seen,
            )?;
            counts.ok += 1;
            counts.new += new_count;
            counts.duplicate += duplicate;
            if !quiet {
                crate::stderr!("{name}: {new_count} new, {duplicate} duplicate, {failed} failed");
            }
            Ok(failed)
        }
    }
}

/// The longest a failing host is left alone: it is still asked once a day.
const MAX_BACKOFF: Duration = Duration::from_secs(24 * 3600);

/// Per-host backoff across the rounds of `--every`: a host that fails (no answer, 429, 5xx) waits `base` after
/// its first failure and twice as long after each further one, up to a day, or as long as its Retry-After asks;
/// one answer resets it. So a broken or overloaded server gets fewer requests, never a steady stream. When other
/// feeds of the host did answer in the round, only the failing feed backs off (keyed by its URL), so one broken
/// script does not hold back a site's healthy feeds.
#[derive(Debug)]
struct HostBackoff {
    base: Duration,
    hosts: HashMap<String, HostState>,
}

#[derive(Debug, Clone, Copy)]
struct HostState {
    failures: u32,
    due: Instant,
}

impl HostBackoff {
    fn new(base: Duration) -> HostBackoff {
        HostBackoff { base, hosts: HashMap::new() }
    }

    /// How long until `host` may be polled again and its failures so far; None when it may be polled at `now`.
    fn due_in(&self, host: &str, now: Instant) -> Option<(Duration, u32)> {
        let state = self.hosts.get(host)?;
        (state.due > now).then(|| (state.due - now, state.failures))
    }

    /// Records a failure of `host` in the round that started at `round`; returns the wait and the failure count.
    fn failed(&mut self, host: &str, retry_after: Option<Duration>, round: Instant) -> (Duration, u32) {
        let state = self.hosts.entry(host.to_string()).or_insert(HostState { failures: 0, due: round });
        state.failures = state.failures.saturating_add(1);
        let doubled = self.base.saturating_mul(1u32 << (state.failures - 1).min(20));
        let wait = doubled.max(retry_after.unwrap_or_default()).min(MAX_BACKOFF);
        state.due = round + wait;
        (wait, state.failures)
    }

    fn succeeded(&mut self, host: &str) {
        self.hosts.remove(host);
    }

    /// [`HostBackoff::due_in`] for a feed: held back by its host's backoff or its own.
    fn feed_due_in(&self, url: &str, now: Instant) -> Option<(Duration, u32)> {
        self.due_in(&host_of(url), now).or_else(|| self.due_in(url, now))
    }

    /// Records one round: `failing` feeds (URL, Retry-After) whose host failed, and the `answered` ones.
    /// `report` is told each key (host or URL) that now waits, how long, and after how many failures.
    fn record_round(
        &mut self,
        failing: &[(String, Option<Duration>)],
        answered: &[String],
        round: Instant,
        mut report: impl FnMut(&str, Duration, u32),
    ) {
        let answering: HashSet<String> = answered.iter().map(|url| host_of(url)).collect();
        let mut keys: BTreeMap<String, Option<Duration>> = BTreeMap::new();
        for (url, retry_after) in failing {
            let host = host_of(url);
            let key = if answering.contains(&host) { url.clone() } else { host };
            let worst = keys.entry(key).or_insert(None);
            *worst = (*worst).max(*retry_after);
        }
        for url in answered {
            self.succeeded(&host_of(url));
            self.succeeded(url);
        }
        for (key, retry_after) in keys {
            let (wait, failures) = self.failed(&key, retry_after, round);
            report(&key, wait, failures);
        }
    }

    /// When the first backing-off host is due.
    fn next_due(&self) -> Option<Instant> {
        self.hosts.values().map(|state| state.due).min()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::{parse_duration, parse_size};

    #[test]
    fn durations_and_sizes_of_the_command_line() {
        assert_eq!(parse_duration("15m"), Ok(Duration::from_secs(900)));
        assert_eq!(parse_duration("1h"), Ok(Duration::from_secs(3600)));
        assert_eq!(parse_duration("30s"), Ok(Duration::from_secs(30)));
        assert_eq!(parse_duration("250ms"), Ok(Duration::from_millis(250)));
        assert_eq!(parse_duration("45"), Ok(Duration::from_secs(45)));
        assert!(parse_duration("15 minutes").is_err());
        assert!(parse_duration("").is_err());
        assert_eq!(parse_size("10MB"), Ok(10 * 1024 * 1024));
        assert_eq!(parse_size("100kb"), Ok(100 * 1024));
        assert!(parse_size("99999999999999999999GB").is_err());
    }

    #[test]
    fn a_failing_host_waits_twice_as_long_each_time_and_an_answer_resets_it() {
        let minute = Duration::from_secs(60);
        let mut backoff = HostBackoff::new(minute);
        let t0 = Instant::now();
        assert_eq!(backoff.due_in("a.example", t0), None);
        assert_eq!(backoff.failed("a.example", None, t0), (minute, 1));
        assert_eq!(backoff.failed("a.example", None, t0), (2 * minute, 2));
        assert_eq!(backoff.failed("a.example", None, t0), (4 * minute, 3));
        assert_eq!(backoff.due_in("a.example", t0 + minute), Some((3 * minute, 3)));
        assert_eq!(backoff.due_in("a.example", t0 + 4 * minute), None);
        assert_eq!(backoff.due_in("b.example", t0), None, "other hosts are not held back");
        // Retry-After longer than the doubling wins; the wait never passes a day.
        assert_eq!(backoff.failed("b.example", Some(Duration::from_secs(600)), t0), (10 * minute, 1));
        for _ in 0..40 {
            backoff.failed("a.example", None, t0);
        }
        assert_eq!(backoff.due_in("a.example", t0), Some((MAX_BACKOFF, 43)));
        assert_eq!(backoff.next_due(), Some(t0 + 10 * minute));
        backoff.succeeded("a.example");
        assert_eq!(backoff.due_in("a.example", t0), None);
        assert_eq!(backoff.failed("a.example", None, t0), (minute, 1), "the count starts again after an answer");
    }

    #[test]
    fn a_round_backs_off_the_host_unless_it_answered_for_another_feed() {
        let minute = Duration::from_secs(60);
        let mut backoff = HostBackoff::new(minute);
        let t0 = Instant::now();
        let down = ("http://down.example/a.xml".to_string(), None);
        let broken = ("http://mixed.example/broken.xml".to_string(), Some(Duration::from_secs(300)));
        let healthy = "http://mixed.example/ok.xml".to_string();
        let mut told = Vec::new();
        backoff.record_round(&[down, broken], std::slice::from_ref(&healthy), t0, |key, wait, n| {
            told.push((key.to_string(), wait, n))
        });
        assert_eq!(
            told,
            [("down.example".to_string(), minute, 1), ("http://mixed.example/broken.xml".to_string(), 5 * minute, 1)]
        );
        assert!(backoff.feed_due_in("http://down.example/other.xml", t0).is_some(), "the whole host waits");
        assert!(backoff.feed_due_in("http://mixed.example/broken.xml", t0).is_some());
        assert_eq!(backoff.feed_due_in(&healthy, t0), None);
        backoff.record_round(&[], &["http://mixed.example/broken.xml".to_string()], t0, |_, _, _| {});
        assert_eq!(backoff.feed_due_in("http://mixed.example/broken.xml", t0), None);
    }

    #[test]
    fn item_keys_prefer_guid_then_link_then_content() {
        let mut item = IncomingArticle { body: "text".into(), ..IncomingArticle::default() };
        assert!(item_key(&item).starts_with("blake3:"));
        item.url = Some("https://example.com/a".into());
        assert_eq!(item_key(&item), "https://example.com/a");
        item.external_id = Some(" guid-1 ".into());
        assert_eq!(item_key(&item), "guid-1");
    }

    #[test]
    fn summaries_want_full_text_and_full_articles_do_not() {
        let mut item =
            IncomingArticle { body: "x".repeat(2000), url: Some("https://e.com/a".into()), ..Default::default() };
        assert!(!wants_full_text(&item));
        item.extra =
            Some(serde_json::Map::from_iter([("feed_summary_only".to_string(), serde_json::Value::Bool(true))]));
        assert!(wants_full_text(&item));
        item.url = None;
        assert!(!wants_full_text(&item));
    }
}
