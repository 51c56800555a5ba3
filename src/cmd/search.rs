//! `newsdb search QUERY`: FTS5 search over articles and statements.

use std::path::Path;

use crate::cli::SearchArgs;
use crate::output;
use crate::store::{db, read};
use crate::{Error, Result};

pub fn run(args: &SearchArgs, db: &Path) -> Result<()> {
    let conn = db::open_read_only(db)?;
    let limits = args.limits.limits();
    db::limit_queries(&conn, &limits)?;
    let mut filter = read::Filter::resolve(&conn, &args.filter)?;
    // One row more than --max-rows tells a result that was cut from one that fits exactly.
    let cap = u32::try_from(limits.max_rows.saturating_add(1)).unwrap_or(u32::MAX);
    let capped = filter.limit.is_none_or(|limit| limit >= cap);
    if capped {
        filter.limit = Some(cap);
    }
    let table = read::search(&conn, &filter, &args.query, args.search_in).map_err(|e| db::explain_stop(e, &limits))?;
    if capped && table.rows.len() > limits.max_rows {
        return Err(Error::QueryStopped(format!(
            "search stopped: more than {} hits (--max-rows); narrow the query, add --limit or raise --max-rows",
            limits.max_rows
        )));
    }
    output::print(&table, &args.output)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::QueryLimitArgs;
    use crate::cli::{FilterArgs, OutputArgs, OutputFormat, SearchIn};
    use crate::store::read::fixture;

    fn args(query: &str, output: &Path) -> SearchArgs {
        SearchArgs {
            query: query.into(),
            search_in: SearchIn::Statements,
            filter: FilterArgs::default(),
            limits: QueryLimitArgs::default(),
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
