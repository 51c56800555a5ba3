//! Command-line types: every subcommand, its arguments and the shared option groups.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::model::CueClass;

#[derive(Debug, Parser)]
#[command(
    name = "newsdb",
    version,
    about = "Media-monitoring database: ingest news into SQLite, find who said what, report and export"
)]
pub struct Cli {
    /// SQLite database file (ingest, fetch and feed add create it; read commands need it to exist).
    #[arg(long, global = true, env = "NEWSDB_DB", default_value = "newsdb.sqlite")]
    pub db: PathBuf,

    /// No progress bar and no summary on stderr; errors are still printed.
    #[arg(long, short, global = true)]
    pub quiet: bool,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Read articles from files, directories, globs or stdin (-) into the database.
    Ingest(IngestArgs),
    /// Run extraction on articles and print what was found, without a database.
    Extract(ExtractArgs),
    /// Reports over the database.
    #[command(subcommand)]
    Report(ReportCommand),
    /// Full-text search over articles and statements (SQLite FTS5 syntax: AND, OR, NOT, "phrases", NEAR/N, prefix*).
    Search(SearchArgs),
    /// Run a read-only SQL query.
    Sql(SqlArgs),
    /// Write tables as CSV files (all tables when none is named).
    Export(ExportArgs),
    /// Feed subscriptions: add, list, remove, import and export OPML.
    #[command(subcommand)]
    Feed(FeedCommand),
    /// Poll subscribed feeds and store their new articles (once, or --every interval until Ctrl-C).
    Fetch(FetchArgs),
    /// People: show one, merge two that are the same person, manage aliases, rename, check for duplicates and non-people.
    #[command(subcommand)]
    People(PeopleCommand),
    /// Copy the database to a new file, consistently, even while an ingest or fetch writes to it.
    Backup(BackupArgs),
}

/// The input formats a reader exists for; `auto` detects by extension, then by content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum InputFormat {
    #[default]
    Auto,
    Text,
    Markdown,
    Json,
    Jsonl,
}

#[derive(Debug, Args)]
pub struct InputArgs {
    /// Files, directories (read recursively), glob patterns, or - for stdin.
    #[arg(required = true)]
    pub inputs: Vec<String>,

    /// Input format, when detection should not decide.
    #[arg(long = "input-format", value_enum, default_value_t = InputFormat::Auto)]
    pub input_format: InputFormat,

    /// Outlet for articles whose input names none.
    #[arg(long)]
    pub outlet: Option<String>,

    #[command(flatten)]
    pub limits: LimitArgs,
}

/// Bounds on each input; see `limits::Limits` for what each one guards. Defaults suit real news.
#[derive(Debug, Args, Clone)]
pub struct LimitArgs {
    /// Largest input read whole (file, document, feed, page), and longest JSONL line (bytes, or with KB / MB / GB).
    #[arg(long, help_heading = "Limits", value_parser = parse_size, default_value = "64MB", value_name = "SIZE")]
    pub max_input_size: u64,

    /// Longest article body kept, in characters; a longer one is cut at a paragraph or sentence end, with a warning.
    #[arg(long, help_heading = "Limits", default_value_t = crate::limits::Limits::default().max_article_chars, value_name = "CHARS")]
    pub max_article_chars: usize,

    /// Deepest element nesting read from an HTML page or feed.
    #[arg(long, help_heading = "Limits", default_value_t = crate::limits::Limits::default().max_html_depth, value_name = "N")]
    pub max_html_depth: usize,

    /// Most items read from one feed.
    #[arg(long, help_heading = "Limits", default_value_t = crate::limits::Limits::default().max_feed_items, value_name = "N")]
    pub max_feed_items: usize,

    /// Time one input may take to read and extract; the rest of a slower input is recorded as failed.
    #[arg(long, help_heading = "Limits", value_parser = parse_duration, default_value = "120s", value_name = "DURATION")]
    pub input_deadline: std::time::Duration,
}

/// The same values as the flags' defaults, for callers that build `InputArgs` in code (benches, examples).
impl Default for LimitArgs {
    fn default() -> Self {
        let limits = crate::limits::Limits::default();
        LimitArgs {
            max_input_size: limits.max_input_bytes,
            max_article_chars: limits.max_article_chars,
            max_html_depth: limits.max_html_depth,
            max_feed_items: limits.max_feed_items,
            input_deadline: limits.input_deadline,
        }
    }
}

impl LimitArgs {
    pub fn limits(&self) -> crate::limits::Limits {
        crate::limits::Limits {
            max_input_bytes: self.max_input_size,
            max_article_chars: self.max_article_chars,
            max_html_depth: self.max_html_depth,
            max_feed_items: self.max_feed_items,
            input_deadline: self.input_deadline,
        }
    }
}

#[derive(Debug, Args)]
pub struct IngestArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// Worker threads for extraction (default: one per core). Results are identical whatever the number.
    #[arg(long, short)]
    pub jobs: Option<usize>,

    /// Read and extract, report what would be stored, write nothing.
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    Json,
    Jsonl,
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    #[command(flatten)]
    pub input: InputArgs,

    /// json: one array at the end; jsonl: one object per article as each is done.
    #[arg(long, value_enum, default_value_t = ExtractFormat::Json)]
    pub format: ExtractFormat,

    /// Print only statements of this class (speech, belief, intention, perception, evidence); all by default,
    /// since extract shows everything found.
    #[arg(long, value_enum, default_value_t = CueClassFilter::All, value_name = "CLASS")]
    pub cue_class: CueClassFilter,

    /// Write to this file instead of stdout.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum OutputFormat {
    #[default]
    Table,
    Csv,
    Tsv,
    Json,
    Jsonl,
    Markdown,
}

#[derive(Debug, Args, Clone)]
pub struct OutputArgs {
    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = OutputFormat::Table)]
    pub format: OutputFormat,

    /// Write to this file instead of stdout.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args, Clone, Default)]
pub struct FilterArgs {
    /// Only articles published on or after this date (YYYY-MM-DD or RFC 3339).
    #[arg(long)]
    pub since: Option<String>,
    /// Only articles published before the end of this date (YYYY-MM-DD or RFC 3339).
    #[arg(long)]
    pub until: Option<String>,
    /// Only articles from this outlet (name, case-insensitive).
    #[arg(long)]
    pub outlet: Option<String>,
    /// Only this person (canonical name or alias, case-insensitive).
    #[arg(long)]
    pub person: Option<String>,
    /// Only articles with this topic (code such as medtop:11000000, or name such as politics).
    #[arg(long)]
    pub topic: Option<String>,
    /// At most this many rows.
    #[arg(long)]
    pub limit: Option<u32>,
    /// Which statements count: speech (said or written), a non-speech class (belief, intention, perception,
    /// evidence), or all.
    #[arg(long, value_enum, default_value_t, value_name = "CLASS")]
    pub cue_class: CueClassFilter,
}

/// `--cue-class`: one class of statement, or all of them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum CueClassFilter {
    #[default]
    Speech,
    Belief,
    Intention,
    Perception,
    Evidence,
    All,
}

impl CueClassFilter {
    /// The class to keep; None for all.
    pub fn class(self) -> Option<CueClass> {
        match self {
            CueClassFilter::Speech => Some(CueClass::Speech),
            CueClassFilter::Belief => Some(CueClass::Belief),
            CueClassFilter::Intention => Some(CueClass::Intention),
            CueClassFilter::Perception => Some(CueClass::Perception),
            CueClassFilter::Evidence => Some(CueClass::Evidence),
            CueClassFilter::All => None,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum ReportCommand {
    /// People: mentions, articles, statements, outlets, first and last seen.
    People(ReportArgs),
    /// Statements: speaker, text, cue, article, outlet, date, URL.
    Quotes(QuotesArgs),
    /// Articles per topic, optionally broken down by outlet or period.
    Topics(TopicsArgs),
    /// Mentions or statements per interval for a person, topic or search query.
    Timeline(TimelineArgs),
    /// Outlets: articles, first and last article, people, statements.
    Outlets(ReportArgs),
    /// Pairs of people mentioned in the same articles.
    Cooccurrence(ReportArgs),
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub filter: FilterArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Args)]
pub struct QuotesArgs {
    /// Add a `context` column: each statement with this many characters of its article around it (and around
    /// its speaker), the speaker in [brackets], "…" where the article goes on.
    #[arg(long, value_name = "CHARS")]
    pub context: Option<u32>,
    #[command(flatten)]
    pub filter: FilterArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TopicsBy {
    Outlet,
    Day,
    Week,
    Month,
}

#[derive(Debug, Args)]
pub struct TopicsArgs {
    /// Break the counts down by outlet or by period of publication.
    #[arg(long, value_enum)]
    pub by: Option<TopicsBy>,
    #[command(flatten)]
    pub filter: FilterArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum Interval {
    Day,
    #[default]
    Week,
    Month,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum TimelineCount {
    #[default]
    Mentions,
    Statements,
    Articles,
}

#[derive(Debug, Args)]
pub struct TimelineArgs {
    /// Count articles matching this full-text query (instead of, or with, --person/--topic).
    #[arg(long)]
    pub query: Option<String>,
    /// Interval of each row.
    #[arg(long, value_enum, default_value_t = Interval::Week)]
    pub interval: Interval,
    /// What to count per interval.
    #[arg(long, value_enum, default_value_t = TimelineCount::Mentions)]
    pub count: TimelineCount,
    #[command(flatten)]
    pub filter: FilterArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum, Default)]
pub enum SearchIn {
    #[default]
    All,
    Articles,
    Statements,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// FTS5 query, e.g. "negotiations NEAR/5 peace".
    pub query: String,
    /// Search articles, statements or both.
    #[arg(long = "in", value_enum, default_value_t = SearchIn::All)]
    pub search_in: SearchIn,
    #[command(flatten)]
    pub filter: FilterArgs,
    #[command(flatten)]
    pub limits: QueryLimitArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Args)]
pub struct SqlArgs {
    /// One SQL statement; it runs on a read-only connection.
    pub query: String,
    /// Bind a named parameter: -p name value binds :name (also @name, $name).
    #[arg(short = 'p', long = "param", num_args = 2, value_names = ["NAME", "VALUE"])]
    pub params: Vec<String>,
    #[command(flatten)]
    pub limits: QueryLimitArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Bounds on one query, so that none can run away with time or memory (issue 10).
#[derive(Debug, Args, Clone)]
pub struct QueryLimitArgs {
    /// Stop a query that runs longer than this (500ms, 10s, 5m).
    #[arg(long, help_heading = "Query limits", value_parser = parse_duration, default_value = "10s", value_name = "DURATION")]
    pub timeout: std::time::Duration,

    /// Stop a query whose result has more rows than this.
    #[arg(long, help_heading = "Query limits", default_value_t = 1_000_000, value_name = "N")]
    pub max_rows: usize,

    /// Memory a query may take: SQLite's own, and the result held for output (bytes, or with KB / MB / GB).
    #[arg(long, help_heading = "Query limits", value_parser = parse_size, default_value = "512MB", value_name = "SIZE")]
    pub max_memory: u64,
}

impl Default for QueryLimitArgs {
    fn default() -> Self {
        QueryLimitArgs { timeout: std::time::Duration::from_secs(10), max_rows: 1_000_000, max_memory: 512 << 20 }
    }
}

impl QueryLimitArgs {
    pub fn limits(&self) -> crate::store::db::QueryLimits {
        crate::store::db::QueryLimits { timeout: self.timeout, max_rows: self.max_rows, max_memory: self.max_memory }
    }
}

#[derive(Debug, Args)]
pub struct BackupArgs {
    /// The copy to write; it must not exist yet, unless --force.
    pub file: PathBuf,
    /// Replace FILE if it exists.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Tables to export (default: all).
    pub tables: Vec<String>,
    /// Directory to write TABLE.csv files into (created if missing).
    #[arg(long, short)]
    pub dir: PathBuf,
    /// Write cells exactly as stored, without neutralising spreadsheet formulas.
    #[arg(long)]
    pub raw: bool,
}

#[derive(Debug, Subcommand)]
pub enum FeedCommand {
    /// Subscribe to a feed URL (RSS, Atom or JSON Feed); `newsdb fetch` polls it.
    Add(FeedAddArgs),
    /// Every subscription with the state of its last poll.
    List(FeedListArgs),
    /// Unsubscribe (the feed's articles stay in the database).
    Remove(FeedRemoveArgs),
    /// Subscribe to every feed of an OPML file (outlines with xmlUrl, nested or not).
    Import(FeedImportArgs),
    /// Write every subscription as OPML 2.0.
    Export(FeedExportArgs),
}

#[derive(Debug, Args)]
pub struct FeedAddArgs {
    /// The feed's URL (http or https).
    pub url: String,
    /// Outlet credited with the feed's articles (default: the outlet an item names, else its site).
    #[arg(long)]
    pub outlet: Option<String>,
}

#[derive(Debug, Args)]
pub struct FeedListArgs {
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Args)]
pub struct FeedRemoveArgs {
    /// The feed's id (see `feed list`) or URL.
    pub feed: String,
}

#[derive(Debug, Args)]
pub struct FeedImportArgs {
    /// OPML file; an outline's title (or text) becomes the feed's outlet.
    pub file: PathBuf,
}

#[derive(Debug, Args)]
pub struct FeedExportArgs {
    /// Write to this file instead of stdout.
    #[arg(long, short)]
    pub output: Option<PathBuf>,
}

/// People are named by canonical name or by an alias only one person has, case-insensitively (as --person).
#[derive(Debug, Subcommand)]
pub enum PeopleCommand {
    /// Aliases, roles, counts and latest statements of one person.
    Show(PeopleShowArgs),
    /// Merge person FROM into person INTO: mentions, statements, roles and aliases move; FROM's name becomes an alias.
    Merge(PeopleMergeArgs),
    /// Aliases: extra names a person is found by at ingest and in --person.
    #[command(subcommand)]
    Alias(PeopleAliasCommand),
    /// Give a person a new canonical name (the old one stays an alias).
    Rename(PeopleRenameArgs),
    /// List likely duplicates and likely non-people for an analyst to confirm, each with the command to act on it.
    #[command(
        long_about = "List what an analyst should confirm, most-mentioned first, in two tables:\n\n\
            duplicates: surname-only people with a dominant or plausible full name (\"Bush\" and \"George W. \
            Bush\"), names that differ only in case, diacritics or punctuation, and names that differ only by \
            middle initials (\"Vladimir V. Putin\"); each row has the `newsdb people merge` command that joins \
            them, into the name with more mentions.\n\n\
            non-people: names with no given name or title that were never given a role nor quoted, or that hold \
            a word marking an organisation, place or event (\"Chelsea\", \"Boerse\"); each row has the \
            `newsdb people show` command to look closer.\n\n\
            Nothing is changed: run the commands you agree with.",
        after_help = "Example:\n  newsdb people check --limit 20\n  newsdb people check --format csv -o check.csv"
    )]
    Check(PeopleCheckArgs),
}

#[derive(Debug, Args)]
pub struct PeopleCheckArgs {
    /// Rows per table.
    #[arg(long, default_value_t = 50)]
    pub limit: usize,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Args)]
pub struct PeopleShowArgs {
    pub name: String,
    /// Latest statements to list.
    #[arg(long, default_value_t = 10)]
    pub limit: u32,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Args)]
pub struct PeopleMergeArgs {
    /// The person that stays, with its canonical name.
    pub into: String,
    /// The person merged away.
    pub from: String,
}

#[derive(Debug, Subcommand)]
pub enum PeopleAliasCommand {
    /// Add an alias to a person.
    Add(PeopleAliasArgs),
    /// Remove an alias from a person.
    Remove(PeopleAliasArgs),
    /// A person's aliases.
    List(PeopleAliasListArgs),
}

#[derive(Debug, Args)]
pub struct PeopleAliasArgs {
    pub name: String,
    pub alias: String,
}

#[derive(Debug, Args)]
pub struct PeopleAliasListArgs {
    pub name: String,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Args)]
pub struct PeopleRenameArgs {
    pub name: String,
    /// The new canonical name; no other person may have it.
    pub new_name: String,
}

#[derive(Debug, Args)]
pub struct FetchArgs {
    /// Poll only this feed (id or URL); repeatable. Default: every subscribed feed.
    #[arg(long = "feed", value_name = "ID|URL")]
    pub feeds: Vec<String>,

    /// Poll again after this interval (at least 1m; 15m, 1h) until interrupted with Ctrl-C. A host that fails
    /// (no answer, 429, 5xx) is polled less often on following rounds: twice the wait after each failure, up to
    /// a day, or as long as its Retry-After asks; one success resets it.
    #[arg(long, value_parser = parse_duration, value_name = "DURATION")]
    pub every: Option<std::time::Duration>,

    /// Allow --every below 1 minute (for a server of your own).
    #[arg(long, requires = "every")]
    pub force: bool,

    /// The first wait after a host fails, with --every (doubled per failure; never less than --every).
    #[arg(long, value_parser = parse_duration, default_value = "1m", value_name = "DURATION", hide = true)]
    pub backoff_base: std::time::Duration,

    /// Download the page of each new item that has only a summary, and keep the page's text when longer.
    #[arg(long)]
    pub full_text: bool,

    /// Feeds fetched at once (never more than one at a time per host).
    #[arg(long, short, default_value_t = 4)]
    pub jobs: usize,

    /// Time allowed for each request, redirects and body included.
    #[arg(long, value_parser = parse_duration, default_value = "10s", value_name = "DURATION")]
    pub timeout: std::time::Duration,

    /// Largest response accepted, after decompression (bytes, or with KB / MB).
    #[arg(long, value_parser = parse_size, default_value = "10MB", value_name = "SIZE")]
    pub max_bytes: u64,

    /// Attempts per request when the server answers 429 or 5xx.
    #[arg(long, default_value_t = 3)]
    pub tries: u32,

    /// Wait before the first retry, doubled for each further one (a Retry-After header wins).
    #[arg(long, value_parser = parse_duration, default_value = "1s", value_name = "DURATION", hide = true)]
    pub retry_backoff: std::time::Duration,
}

/// "500ms", "30s", "15m", "1h", "1d"; a bare number is seconds.
pub fn parse_duration(text: &str) -> Result<std::time::Duration, String> {
    let text = text.trim();
    let split = text.find(|c: char| !c.is_ascii_digit() && c != '.').unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let number: f64 = number.parse().map_err(|_| format!("{text:?} is not a duration such as 30s, 15m or 1h"))?;
    let seconds = match unit.trim() {
        "ms" => number / 1000.0,
        "" | "s" | "sec" => number,
        "m" | "min" => number * 60.0,
        "h" => number * 3600.0,
        "d" => number * 86400.0,
        other => return Err(format!("unknown unit {other:?} in {text:?} (use ms, s, m, h or d)")),
    };
    std::time::Duration::try_from_secs_f64(seconds).map_err(|e| format!("{text:?}: {e}"))
}

/// "10MB", "512KB", "1048576".
pub fn parse_size(text: &str) -> Result<u64, String> {
    let upper = text.trim().to_ascii_uppercase();
    let split = upper.find(|c: char| !c.is_ascii_digit()).unwrap_or(upper.len());
    let (number, unit) = upper.split_at(split);
    let number: u64 = number.parse().map_err(|_| format!("{text:?} is not a size such as 10MB"))?;
    let factor = match unit.trim() {
        "" | "B" => 1,
        "K" | "KB" | "KIB" => 1024,
        "M" | "MB" | "MIB" => 1024 * 1024,
        "G" | "GB" | "GIB" => 1024 * 1024 * 1024,
        other => return Err(format!("unknown unit {other:?} in {text:?} (use KB or MB)")),
    };
    number.checked_mul(factor).ok_or_else(|| format!("{text:?} is too large"))
}
