//! Command-line types: every subcommand, its arguments and the shared option groups.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(name = "newsdb", version, about = "Media-monitoring database: ingest news into SQLite, find who said what, report and export")]
pub struct Cli {
    /// SQLite database file (created on first use).
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
}

#[derive(Debug, Subcommand)]
pub enum ReportCommand {
    /// People: mentions, articles, statements, outlets, first and last seen.
    People(ReportArgs),
    /// Statements: speaker, text, cue, article, outlet, date, URL.
    Quotes(ReportArgs),
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
    pub output: OutputArgs,
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
