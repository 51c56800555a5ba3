//! `newsdb search QUERY`: FTS5 search over articles and statements.

use std::path::Path;

use crate::cli::SearchArgs;
use crate::output;
use crate::store::{db, read};
use crate::Result;

pub fn run(args: &SearchArgs, db: &Path) -> Result<()> {
    let conn = db::open_read_only(db)?;
    let filter = read::Filter::resolve(&conn, &args.filter)?;
    let table = read::search(&conn, &filter, &args.query, args.search_in)?;
    output::print(&table, &args.output)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::{FilterArgs, OutputArgs, OutputFormat, SearchIn};
    use crate::store::read::fixture;
    use crate::Error;

    fn args(query: &str, output: &Path) -> SearchArgs {
        SearchArgs {
            query: query.into(),
            search_in: SearchIn::Statements,
            filter: FilterArgs::default(),
            output: OutputArgs { format: OutputFormat::Jsonl, output: Some(output.to_path_buf()) },
        }
    }

    #[test]
    fn search_prints_snippets() {
        let (dir, db) = fixture::database();
        let out = dir.path().join("hits.jsonl");
        run(&args("want", &out), &db).unwrap();
        let line = std::fs::read_to_string(&out).unwrap();
        let hit: serde_json::Value = serde_json::from_str(line.trim_end()).unwrap();
        assert_eq!(hit["kind"], "statement");
        assert_eq!(hit["snippet"], "We [want] peace,");
        assert_eq!(hit["speaker"], "Anna Berg");
    }

    #[test]
    fn a_malformed_query_is_a_usage_error() {
        let (dir, db) = fixture::database();
        let err = run(&args("peace NEAR(", &dir.path().join("x")), &db).unwrap_err();
        assert!(matches!(&err, Error::Usage(m) if m.starts_with("search: bad query \"peace NEAR(\": ")), "{err}");
    }
}
