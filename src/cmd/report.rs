//! `newsdb report ...`: resolve the filters, run one report query, print its rows.

use std::path::Path;

use rusqlite::Connection;

use crate::cli::{ReportArgs, ReportCommand};
use crate::output::{self, Table};
use crate::store::db;
use crate::store::read::{self, Filter};
use crate::Result;

pub fn run(command: &ReportCommand, db: &Path) -> Result<()> {
    let conn = db::open_read_only(db)?;
    match command {
        ReportCommand::People(args) => simple(&conn, args, read::people),
        ReportCommand::Quotes(args) => {
            let filter = Filter::resolve(&conn, &args.filter)?;
            let table = match args.context {
                Some(chars) => read::quotes_in_context(&conn, &filter, chars)?,
                None => read::quotes(&conn, &filter)?,
            };
            output::print(&table, &args.output)
        }
        ReportCommand::Outlets(args) => simple(&conn, args, read::outlets),
        ReportCommand::Cooccurrence(args) => simple(&conn, args, read::cooccurrence),
        ReportCommand::Topics(args) => {
            let filter = Filter::resolve(&conn, &args.filter)?;
            output::print(&read::topics(&conn, &filter, args.by)?, &args.output)
        }
        ReportCommand::Timeline(args) => {
            let filter = Filter::resolve(&conn, &args.filter)?;
            let table = read::timeline(&conn, &filter, args.interval, args.count, args.query.as_deref())?;
            output::print(&table, &args.output)
        }
    }
}

/// A report that takes nothing but the shared filters.
fn simple(conn: &Connection, args: &ReportArgs, report: fn(&Connection, &Filter) -> Result<Table>) -> Result<()> {
    let filter = Filter::resolve(conn, &args.filter)?;
    output::print(&report(conn, &filter)?, &args.output)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cli::{
        FilterArgs, Interval, OutputArgs, OutputFormat, TimelineArgs, TimelineCount, TopicsArgs, TopicsBy,
    };
    use crate::store::read::fixture;
    use crate::Error;

    fn output_to(dir: &Path, format: OutputFormat) -> OutputArgs {
        OutputArgs { format, output: Some(dir.join("out")) }
    }

    #[test]
    fn reports_print_through_the_output_module() {
        let (dir, db) = fixture::database();
        let out = output_to(dir.path(), OutputFormat::Csv);
        let args = ReportArgs {
            filter: FilterArgs { outlet: Some("herald".into()), ..Default::default() },
            output: out.clone(),
        };
        run(&ReportCommand::Cooccurrence(args), &db).unwrap();
        let text = std::fs::read_to_string(dir.path().join("out")).unwrap();
        assert_eq!(text, "person_a,person_b,articles\nAnna Berg,Piotr Nowak,1\n");

        let args = TopicsArgs { by: Some(TopicsBy::Month), filter: FilterArgs::default(), output: out.clone() };
        run(&ReportCommand::Topics(args), &db).unwrap();
        let text = std::fs::read_to_string(dir.path().join("out")).unwrap();
        assert!(text.starts_with("period,code,name,articles,avg_score\n2026-11,"), "{text}");

        let args = TimelineArgs {
            query: Some("peace".into()),
            interval: Interval::Month,
            count: TimelineCount::Articles,
            filter: FilterArgs::default(),
            output: out,
        };
        run(&ReportCommand::Timeline(args), &db).unwrap();
        let text = std::fs::read_to_string(dir.path().join("out")).unwrap();
        assert_eq!(text, "period,articles\n2026-11,2\n");
    }

    #[test]
    fn a_bad_filter_is_a_usage_error() {
        let (dir, db) = fixture::database();
        let filter = FilterArgs { since: Some("last week".into()), ..Default::default() };
        let args = ReportArgs { filter, output: output_to(dir.path(), OutputFormat::Table) };
        assert!(matches!(run(&ReportCommand::People(args), &db), Err(Error::Usage(_))));
    }
}
