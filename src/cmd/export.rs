//! `newsdb export [TABLE...] --dir DIR`: tables as CSV files, rows in primary-key order.

use std::collections::HashSet;
use std::fs::{self, File};
use std::io::{self, BufWriter};
use std::path::Path;

use rusqlite::Connection;

use crate::cli::ExportArgs;
use crate::output::CsvWriter;
use crate::store::{db, read};
use crate::{Error, Result};

pub fn run(args: &ExportArgs, db: &Path, quiet: bool) -> Result<()> {
    let conn = db::open_read_only(db)?;
    // One read transaction, so the files agree with each other even while an ingest writes.
    let _snapshot = conn.unchecked_transaction()?;
    let tables = chosen_tables(read::user_tables(&conn)?, &args.tables)?;
    fs::create_dir_all(&args.dir).map_err(|e| Error::io(&args.dir, e))?;
    for table in tables {
        let path = args.dir.join(format!("{table}.csv"));
        let rows = export_table(&conn, &table, &path, args.raw)?;
        if !quiet {
            // A closed stderr is no reason to fail an export whose files are written.
            crate::stderr!("{table}: {rows} rows -> {}", path.display());
        }
    }
    Ok(())
}

/// The tables to export: all when none is named, else the named ones (matched
/// case-insensitively, as SQLite does, each once) in the order given.
fn chosen_tables(all: Vec<String>, named: &[String]) -> Result<Vec<String>> {
    if named.is_empty() {
        return Ok(all);
    }
    let mut chosen: Vec<String> = Vec::new();
    let mut seen = HashSet::new();
    for name in named {
        let Some(table) = all.iter().find(|t| t.eq_ignore_ascii_case(name)) else {
            return Err(Error::Usage(format!("export: no table named {name:?}; tables: {}", all.join(", "))));
        };
        if seen.insert(table) {
            chosen.push(table.clone());
        }
    }
    Ok(chosen)
}

/// Writes `table` to `path` and returns the number of rows written.
fn export_table(conn: &Connection, table: &str, path: &Path, raw: bool) -> Result<u64> {
    let io_error = |e: io::Error| Error::io(path, e);
    let mut stmt = conn.prepare(&read::scan_sql(conn, table)?)?;
    let columns = read::column_names(&stmt);
    let file = File::create(path).map_err(io_error)?;
    let mut csv = CsvWriter::new(BufWriter::new(file), raw);
    csv.write_header(&columns).map_err(io_error)?;
    let mut count = 0;
    read::for_each_row(stmt.query([])?, columns.len(), |cells| {
        count += 1;
        csv.write_row(&cells).map_err(io_error)
    })?;
    csv.flush().map_err(io_error)?;
    Ok(count)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::read::fixture;

    fn export(db: &Path, dir: &Path, tables: &[&str], raw: bool) -> Result<()> {
        let args = ExportArgs { tables: tables.iter().map(|t| t.to_string()).collect(), dir: dir.to_path_buf(), raw };
        run(&args, db, true)
    }

    fn read(path: &Path) -> String {
        fs::read_to_string(path).unwrap()
    }

    #[test]
    fn exports_every_user_table_deterministically() {
        let (dir, db) = fixture::database();
        let out = dir.path().join("out").join("nested");
        export(&db, &out, &[], false).unwrap();
        let mut files: Vec<String> =
            fs::read_dir(&out).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
        files.sort();
        assert_eq!(
            files,
            [
                "article_topics.csv",
                "articles.csv",
                "feed_items.csv",
                "feeds.csv",
                "ingest_errors.csv",
                "ingest_runs.csv",
                "mentions.csv",
                "outlets.csv",
                "people.csv",
                "person_aliases.csv",
                "person_roles.csv",
                "statements.csv",
                "topics.csv"
            ]
        );
        assert_eq!(read(&out.join("people.csv")), "id,name\n1,Anna Berg\n2,Piotr Nowak\n3,Carl Lind\n4,Dana Smith\n");
        // WITHOUT ROWID tables come out in key order, not insertion order.
        assert_eq!(read(&out.join("person_aliases.csv")), "alias,person_id\nBerg,1\nNowak,2\nSmith,3\nSmith,4\n");
        assert!(read(&out.join("feeds.csv")).starts_with("id,url,outlet_id,"));

        let again = dir.path().join("again");
        export(&db, &again, &[], false).unwrap();
        for file in files {
            assert_eq!(read(&out.join(&file)), read(&again.join(&file)), "{file}");
        }
    }

    #[test]
    fn formulas_are_neutralised_unless_raw() {
        let (dir, db) = fixture::database();
        export(&db, dir.path(), &["Statements", "statements"], false).unwrap();
        let guarded = read(&dir.path().join("statements.csv"));
        assert!(guarded.contains("\n4,4,,a spokesperson,direct,,none,'=1+1 peace,0,10,,,speech,\n"), "{guarded}");
        export(&db, dir.path(), &["statements"], true).unwrap();
        let raw = read(&dir.path().join("statements.csv"));
        assert!(raw.contains("\n4,4,,a spokesperson,direct,,none,=1+1 peace,0,10,,,speech,\n"), "{raw}");
        assert!(!dir.path().join("articles.csv").exists());
    }

    #[test]
    fn unknown_and_index_tables_are_refused() {
        let (dir, db) = fixture::database();
        for name in ["nope", "articles_fts", "sqlite_schema", "articles_fts_data"] {
            match export(&db, dir.path(), &[name], false) {
                Err(Error::Usage(m)) => assert!(m.contains(name) && m.contains("tables: outlets, feeds,"), "{m}"),
                other => panic!("{name}: expected a usage error, got {other:?}"),
            }
        }
    }
}
