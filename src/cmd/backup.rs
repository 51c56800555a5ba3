//! `newsdb backup FILE`: a consistent copy of the database, made online with SQLite's backup API.

use std::fs;
use std::path::{Path, PathBuf};
use std::thread;
use std::time::{Duration, Instant};

use rusqlite::backup::{Backup, StepResult};
use rusqlite::Connection;

use crate::cli::BackupArgs;
use crate::store::db;
use crate::{Error, Result};

/// How often a backup step that found the source busy (WAL recovery after a crash) is tried again.
const BUSY_TRIES: u32 = 100;
const BUSY_PAUSE: Duration = Duration::from_millis(100);

const COUNT_ARTICLES: &str = "SELECT count(*) FROM articles";

pub fn run(args: &BackupArgs, db_path: &Path, quiet: bool) -> Result<()> {
    let started = Instant::now();
    let target = &args.file;
    if target.exists() {
        if is_same_file(db_path, target) {
            return Err(Error::Usage(format!("backup: {} is the database itself", target.display())));
        }
        if !args.force {
            return Err(Error::Usage(format!("backup: {} exists; --force replaces it", target.display())));
        }
    }
    // The source is copied as found: an older schema is not migrated first, so a backup taken before an upgrade
    // is the file as it was. A newer newsdb's file is refused like everywhere else.
    let source = db::open_unmigrated(db_path)?;
    // Written beside the target and renamed over it once complete: a failed or killed backup leaves no half copy
    // under the target's name, and never damages a copy that was there before.
    let partial = partial_path(target);
    remove_if_present(&partial)?;
    let copied = copy(&source, &partial);
    let articles = match copied {
        Ok(articles) => articles,
        Err(error) => {
            let _ = fs::remove_file(&partial);
            return Err(error);
        }
    };
    fs::rename(&partial, target).map_err(|e| Error::io(target, e))?;
    if !quiet {
        let bytes = fs::metadata(target).map(|m| m.len()).unwrap_or(0);
        let articles = articles.map_or_else(String::new, |n| format!("{n} articles, "));
        crate::stderr!(
            "backup: {} -> {}: {articles}{:.1} MB, {:.2} s",
            db_path.display(),
            target.display(),
            bytes as f64 / (1024.0 * 1024.0),
            started.elapsed().as_secs_f64()
        );
    }
    Ok(())
}

/// Copies every page of `source` into a new database at `path`, checks the copy and returns its article count
/// (None when the file has no articles table yet).
fn copy(source: &Connection, path: &Path) -> Result<Option<i64>> {
    let copy_error = |source| Error::Database { path: path.display().to_string(), source };
    let mut dest = Connection::open(path).map_err(copy_error)?;
    {
        let backup = Backup::new(source, &mut dest).map_err(copy_error)?;
        // All pages in one step, inside one read transaction on the source: the copy is one consistent snapshot
        // however much an ingest writes meanwhile, and in WAL mode that read never blocks the writer. Copying in
        // small steps would start over each time another process commits.
        let mut busy = 0;
        loop {
            match backup.step(-1).map_err(copy_error)? {
                StepResult::Done => break,
                StepResult::More => {}
                _ if busy < BUSY_TRIES => {
                    busy += 1;
                    thread::sleep(BUSY_PAUSE);
                }
                _ => return Err(Error::Busy { path: path.display().to_string(), waited_secs: 10 }),
            }
        }
    }
    let check: String = dest.pragma_query_value(None, "quick_check", |row| row.get(0)).map_err(copy_error)?;
    if check != "ok" {
        return Err(Error::input(path.display().to_string(), format!("the copy failed its check: {check}")));
    }
    Ok(dest.query_row(COUNT_ARTICLES, [], |row| row.get(0)).ok())
}

fn partial_path(target: &Path) -> PathBuf {
    let mut name = target.file_name().unwrap_or_default().to_os_string();
    name.push(".partial");
    target.with_file_name(name)
}

fn remove_if_present(path: &Path) -> Result<()> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(Error::io(path, e)),
        _ => Ok(()),
    }
}

fn is_same_file(a: &Path, b: &Path) -> bool {
    matches!((fs::canonicalize(a), fs::canonicalize(b)), (Ok(a), Ok(b)) if a == b)
}
