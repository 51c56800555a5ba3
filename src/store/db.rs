//! Opening the database: pragmas, embedded migrations run under an exclusive lock, read-only connections for
//! queries, limits on what a query may take, and waiting out other writers.

use std::fs;
use std::path::Path;
use std::sync::LazyLock;
use std::thread;
use std::time::{Duration, Instant, SystemTime};

use include_dir::{include_dir, Dir};
use rusqlite::{Connection, ErrorCode, OpenFlags, TransactionBehavior};

use crate::{Error, Result};

static MIGRATIONS_DIR: Dir = include_dir!("$CARGO_MANIFEST_DIR/migrations");

/// Each migration's directory name and SQL (`migrations/NN-name/up.sql`), in order. A database at schema
/// version N (`PRAGMA user_version`) has had the first N applied.
static MIGRATIONS: LazyLock<Vec<(&'static str, &'static str)>> = LazyLock::new(|| {
    let mut migrations: Vec<(&str, &str)> = MIGRATIONS_DIR
        .dirs()
        .map(|dir| {
            let name = dir.path().to_str().expect("migration directory names are ASCII");
            let sql = dir
                .get_file(dir.path().join("up.sql"))
                .and_then(|file| file.contents_utf8())
                .expect("every migration directory has a UTF-8 up.sql");
            (name, sql)
        })
        .collect();
    migrations.sort();
    migrations
});

/// How long one statement waits for another connection's lock before SQLite reports the database busy.
const BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// How long a write keeps retrying, in all, while other processes hold the write lock. Long, because a
/// concurrent ingest releases the lock between batches and waiting is always better than losing a batch.
const WRITE_WAIT: Duration = Duration::from_secs(600);

/// The schema version this binary's migrations bring a database to.
pub fn schema_version() -> i64 {
    MIGRATIONS.len() as i64
}

fn db_error(path: &Path) -> impl Fn(rusqlite::Error) -> Error + '_ {
    move |source| Error::Database { path: path.display().to_string(), source }
}

/// Opens (creating if needed) the database for writing and brings its schema up to date. Safe when many
/// processes open a new file at once: migrations run in an exclusive transaction that re-reads the version.
/// Runs left 'running' by a process that no longer exists are marked 'interrupted'.
pub fn open(path: &Path) -> Result<Connection> {
    // A newer newsdb's file is refused before this connection changes anything (journal mode included).
    if path.exists() {
        open_unmigrated(path)?;
    }
    let mut conn = Connection::open(path).map_err(db_error(path))?;
    conn.busy_timeout(BUSY_TIMEOUT).map_err(db_error(path))?;
    retry_busy(path, || conn.pragma_update(None, "journal_mode", "WAL").map_err(db_error(path)))?;
    conn.pragma_update(None, "synchronous", "NORMAL").map_err(db_error(path))?;
    conn.pragma_update(None, "foreign_keys", true).map_err(db_error(path))?;
    migrate(&mut conn, path)?;
    close_abandoned_runs(&conn, path)?;
    Ok(conn)
}

/// Opens an existing database read-only: nothing run on it can change the file. A missing file is an error
/// (read commands never create a database). A file from an older newsdb is migrated first, as opening it for
/// writing would; one from a newer newsdb is refused.
pub fn open_read_only(path: &Path) -> Result<Connection> {
    let conn = open_unmigrated(path)?;
    if schema_of(&conn, path)? < schema_version() {
        drop(conn);
        open(path)?;
        return open_unmigrated(path);
    }
    Ok(conn)
}

/// Opens an existing database read-only as it is, without migrating it (a backup copies the file as found).
/// Refuses a missing file and a newer newsdb's file like [`open_read_only`].
pub fn open_unmigrated(path: &Path) -> Result<Connection> {
    if !path.exists() {
        return Err(Error::NoDatabase { path: path.display().to_string() });
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_URI | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(db_error(path))?;
    conn.busy_timeout(BUSY_TIMEOUT).map_err(db_error(path))?;
    conn.pragma_update(None, "foreign_keys", true).map_err(db_error(path))?;
    schema_of(&conn, path)?;
    Ok(conn)
}

/// The database's schema version; an error when it is newer than this binary knows.
fn schema_of(conn: &Connection, path: &Path) -> Result<i64> {
    let found: i64 = conn.pragma_query_value(None, "user_version", |row| row.get(0)).map_err(db_error(path))?;
    if found > schema_version() {
        return Err(Error::NewerSchema { path: path.display().to_string(), found, known: schema_version() });
    }
    Ok(found)
}

fn migrate(conn: &mut Connection, path: &Path) -> Result<()> {
    if schema_of(conn, path)? == schema_version() {
        return Ok(());
    }
    register_migration_functions(conn).map_err(db_error(path))?;
    retry_busy(path, || {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Exclusive).map_err(db_error(path))?;
        // Another process may have migrated while this one waited for the lock: the version read under the
        // lock decides what is left to do (issue 10: two ingests on a new file both created the tables).
        let found = schema_of(&tx, path)?;
        for (name, sql) in &MIGRATIONS[found as usize..] {
            tx.execute_batch(sql).map_err(|e| migration_error(path, name, e))?;
        }
        tx.pragma_update(None, "user_version", schema_version()).map_err(db_error(path))?;
        tx.commit().map_err(db_error(path))
    })
}

/// SQL functions migrations call to fill new columns from what extraction knows (migration 05 classes the
/// cues of statements stored before it).
fn register_migration_functions(conn: &Connection) -> rusqlite::Result<()> {
    use rusqlite::functions::FunctionFlags;
    conn.create_scalar_function(
        "newsdb_cue_class",
        1,
        FunctionFlags::SQLITE_UTF8 | FunctionFlags::SQLITE_DETERMINISTIC,
        |ctx| Ok(crate::extract::cue_class(ctx.get::<Option<String>>(0)?.as_deref()).as_str()),
    )
}

/// A failed migration in one line: SQLite's message, not the migration's SQL (issue 10 saw a 7 KB message
/// quoting the whole schema). A busy database stays a database error so that it is retried.
fn migration_error(path: &Path, name: &str, error: rusqlite::Error) -> Error {
    if matches!(error.sqlite_error_code(), Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked)) {
        return db_error(path)(error);
    }
    let message = match &error {
        rusqlite::Error::SqliteFailure(_, Some(message)) | rusqlite::Error::SqlInputError { msg: message, .. } => {
            message.clone()
        }
        other => other.to_string(),
    };
    let message = message.lines().next().unwrap_or("").chars().take(300).collect();
    Error::Migration { path: path.display().to_string(), migration: name.to_string(), message }
}

/// Runs `attempt` again, with growing pauses, while it fails because another connection holds a lock, so that
/// "database is locked" never reaches the user; gives up with [`Error::Busy`] after [`WRITE_WAIT`]. `attempt`
/// must be a whole transaction (or one statement) so that a retry starts from a clean state.
pub fn retry_busy<T>(path: impl AsRef<Path>, mut attempt: impl FnMut() -> Result<T>) -> Result<T> {
    let started = Instant::now();
    let mut pause = Duration::from_millis(10);
    loop {
        match attempt() {
            Err(error) if error.is_busy() => {
                let waited = started.elapsed();
                if waited >= WRITE_WAIT {
                    let path = path.as_ref().display().to_string();
                    return Err(Error::Busy { path, waited_secs: waited.as_secs() });
                }
                // Jitter keeps processes that collided from retrying in step.
                let nanos = SystemTime::now().duration_since(SystemTime::UNIX_EPOCH).unwrap_or_default().subsec_nanos();
                let jitter = Duration::from_nanos(u64::from(nanos) % (pause.as_nanos() as u64 + 1));
                thread::sleep(pause + jitter);
                pause = (pause * 2).min(Duration::from_secs(1));
            }
            other => return other,
        }
    }
}

const RUNNING_RUNS: &str = "SELECT id, pid, started_at FROM ingest_runs WHERE status = 'running'";
const CLOSE_ABANDONED_RUN: &str = "UPDATE ingest_runs SET status = 'interrupted' WHERE id = ?1 AND status = 'running'";

/// Marks 'interrupted' the runs whose process is gone (killed, or the machine stopped). Their counts are right
/// as they are: each batch's transaction updates them. A run whose process still lives is another newsdb
/// writing now and is left alone. Processes are looked up on this host only, which is the only host that can
/// share a WAL database.
fn close_abandoned_runs(conn: &Connection, path: &Path) -> Result<()> {
    let running: Vec<(i64, Option<i64>, String)> = {
        let mut stmt = conn.prepare_cached(RUNNING_RUNS).map_err(db_error(path))?;
        let rows = stmt.query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?))).map_err(db_error(path))?;
        rows.collect::<rusqlite::Result<_>>().map_err(db_error(path))?
    };
    for (id, pid, started_at) in running {
        if pid.is_some_and(|pid| process_may_own(pid, &started_at)) {
            continue;
        }
        retry_busy(path, || conn.execute(CLOSE_ABANDONED_RUN, [id]).map_err(db_error(path)))?;
    }
    Ok(())
}

/// Clock ticks per second in /proc/<pid>/stat: USER_HZ, which Linux fixes at 100 for user space.
const CLOCK_TICKS: i64 = 100;

/// Whether process `pid` on this host may be the one that started a run at `started_at` (RFC 3339). Where
/// there is no /proc (not Linux) any pid may be: a run is closed only when its owner is known to be gone.
fn process_may_own(pid: i64, started_at: &str) -> bool {
    let Ok(stat) = fs::read_to_string(format!("/proc/{pid}/stat")) else {
        return !Path::new("/proc/self/stat").exists();
    };
    // A live process that started after the run began is a later process that was given the same pid.
    match (process_start(&stat), chrono::DateTime::parse_from_rfc3339(started_at)) {
        (Some(process_start), Ok(run_start)) => process_start <= run_start.timestamp() + 2,
        _ => true,
    }
}

/// When a process started, in seconds since the epoch, from its /proc/<pid>/stat line.
fn process_start(stat: &str) -> Option<i64> {
    // starttime is field 22; fields are counted after the command name, which is in parentheses and may hold
    // spaces, so the count starts at its closing parenthesis (field 3 is the first after it).
    let fields = stat.get(stat.rfind(')')? + 1..)?;
    let ticks: i64 = fields.split_whitespace().nth(22 - 3)?.parse().ok()?;
    let proc_stat = fs::read_to_string("/proc/stat").ok()?;
    let boot: i64 = proc_stat.lines().find_map(|line| line.strip_prefix("btime "))?.trim().parse().ok()?;
    Some(boot + ticks / CLOCK_TICKS)
}

/// Bounds on a user's query (`sql`, `search`), so that no query can run away with time or memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QueryLimits {
    pub timeout: Duration,
    pub max_rows: usize,
    /// Bytes SQLite may allocate (process-wide) and, separately, bytes of result held for output.
    pub max_memory: u64,
}

/// SQLite virtual-machine steps between two looks at the clock: about a millisecond of work.
const PROGRESS_STEPS: i32 = 10_000;

/// Applies `limits` to every statement run on `conn` from now on: the clock starts now. The memory limit is
/// SQLite's hard heap limit, which holds for the whole process; only a process that runs user queries sets it.
pub fn limit_queries(conn: &Connection, limits: &QueryLimits) -> Result<()> {
    let deadline = Instant::now() + limits.timeout;
    conn.progress_handler(PROGRESS_STEPS, Some(move || Instant::now() >= deadline))?;
    let heap = i64::try_from(limits.max_memory).unwrap_or(i64::MAX);
    conn.pragma_update(None, "hard_heap_limit", heap)?;
    Ok(())
}

/// The message for a query that `limit_queries` stopped; any other error is returned as it is.
pub fn explain_stop(error: Error, limits: &QueryLimits) -> Error {
    let code = match &error {
        Error::Sql(source) | Error::Database { source, .. } => source.sqlite_error_code(),
        _ => None,
    };
    match code {
        Some(ErrorCode::OperationInterrupted) => {
            Error::QueryStopped(format!("query stopped after {} (--timeout)", seconds(limits.timeout)))
        }
        Some(ErrorCode::OutOfMemory) => Error::QueryStopped(format!(
            "query stopped: it needed more than {} of memory (--max-memory)",
            megabytes(limits.max_memory)
        )),
        _ => error,
    }
}

/// "10 s", "0.5 s": how the limits are written in messages.
pub fn seconds(duration: Duration) -> String {
    let secs = duration.as_secs_f64();
    if secs.fract() == 0.0 {
        format!("{secs:.0} s")
    } else {
        format!("{secs} s")
    }
}

pub fn megabytes(bytes: u64) -> String {
    format!("{} MB", bytes.div_ceil(1024 * 1024))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_valid() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn, Path::new(":memory:")).unwrap();
        let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
        assert_eq!(version, schema_version());
        assert!(MIGRATIONS[0].0.starts_with("01-"), "{:?}", MIGRATIONS[0].0);
        assert!(MIGRATIONS.windows(2).all(|pair| pair[0].0 < pair[1].0));
    }

    /// Issue 11: statements stored before cue classes existed are classed from their cue when migrated.
    #[test]
    fn migration_05_classes_stored_statements() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("old.sqlite");
        let conn = Connection::open(&path).unwrap();
        let before_05 = MIGRATIONS.iter().position(|(name, _)| name.starts_with("05-")).unwrap();
        for (_, sql) in &MIGRATIONS[..before_05] {
            conn.execute_batch(sql).unwrap();
        }
        conn.pragma_update(None, "user_version", before_05 as i64).unwrap();
        conn.execute_batch(
            "INSERT INTO articles (id, title, body, content_hash, word_count, source) VALUES (1, 't', 'b', 'h', 1, 's');
             INSERT INTO statements (article_id, kind, cue, attribution, text, start, end) VALUES
                 (1, 'indirect', 'Believes', 'explicit', 'x', 0, 1),
                 (1, 'direct', 'said', 'explicit', 'y', 0, 1),
                 (1, 'direct', NULL, 'colon', 'z', 0, 1);",
        )
        .unwrap();
        drop(conn);
        let conn = open(&path).unwrap();
        let classes: Vec<String> = conn
            .prepare("SELECT cue_class FROM statements ORDER BY id")
            .unwrap()
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        assert_eq!(classes, ["belief", "speech", "speech"]);
    }

    #[test]
    fn read_only_connection_refuses_writes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.sqlite");
        open(&path).unwrap();
        let conn = open_read_only(&path).unwrap();
        assert!(conn.execute("DROP TABLE articles", []).is_err());
        let n: i64 = conn.query_row("SELECT count(*) FROM articles", [], |r| r.get(0)).unwrap();
        assert_eq!(n, 0);
    }

    /// Issue 10: a missing file is an error for readers, and is not created.
    #[test]
    fn read_only_open_never_creates_a_database() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("typo.sqlite");
        assert!(matches!(open_read_only(&path), Err(Error::NoDatabase { .. })));
        assert!(!path.exists());
    }

    /// Issue 10: a failed migration is one line naming the migration, not the schema's SQL.
    #[test]
    fn migration_errors_are_one_line() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE TABLE outlets (x)").unwrap();
        let error = migrate(&mut conn, Path::new("t.sqlite")).unwrap_err().to_string();
        assert_eq!(error, "database t.sqlite: migration 01-core failed: table outlets already exists");
    }

    /// Issue 10: a run whose process is gone is closed; one whose process lives (this one) is not, unless that
    /// process started after the run (a reused pid).
    #[test]
    fn abandoned_runs_are_told_from_live_ones() {
        let me = i64::from(std::process::id());
        assert!(process_may_own(me, &crate::store::now()));
        assert!(!process_may_own(me, "2000-01-01T00:00:00Z"));
        assert!(!process_may_own(i64::from(i32::MAX), &crate::store::now()));
        let stat = "12 (a b) c) S 1 12 12 0 -1 4194560 1 0 0 0 0 0 0 0 20 0 1 0 4200 100 1";
        let boot: i64 = fs::read_to_string("/proc/stat")
            .unwrap()
            .lines()
            .find_map(|l| l.strip_prefix("btime "))
            .unwrap()
            .trim()
            .parse()
            .unwrap();
        assert_eq!(process_start(stat), Some(boot + 42));
    }

    #[test]
    fn limits_read_as_written() {
        assert_eq!(seconds(Duration::from_secs(10)), "10 s");
        assert_eq!(seconds(Duration::from_millis(500)), "0.5 s");
        assert_eq!(megabytes(512 * 1024 * 1024), "512 MB");
    }
}
