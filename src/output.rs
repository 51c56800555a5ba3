//! Every output format in one place: table, csv, tsv, json, jsonl, markdown.
//!
//! Reports, search and `sql` hand over a [`Table`]; nothing else in newsdb knows how a
//! format looks. `export` streams through the same [`CsvWriter`] so that CSV is written
//! (and guarded against spreadsheet formulas) one way only.

use std::fmt;
use std::fs::File;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::Path;

use comfy_table::{presets, CellAlignment, ContentArrangement};
use serde_json::{Map, Value};
use unicode_segmentation::UnicodeSegmentation;

use crate::cli::{OutputArgs, OutputFormat};
use crate::{Error, Result};

/// `eprintln!` for messages to the user, except that a closed stderr (`newsdb ingest ... 2>&1 | head`)
/// is ignored instead of panicking halfway through a batch.
#[macro_export]
macro_rules! stderr {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

/// One cell of a report row.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
}

/// Rows a report or query returns; only this module knows how to print them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Table {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

impl Cell {
    fn is_number(&self) -> bool {
        matches!(self, Cell::Int(_) | Cell::Real(_))
    }
}

/// The plain text of a cell: empty for NULL, shortest round-trip form for numbers.
impl fmt::Display for Cell {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Cell::Null => Ok(()),
            Cell::Int(n) => write!(f, "{n}"),
            Cell::Real(x) => write!(f, "{x}"),
            Cell::Text(s) => f.write_str(s),
        }
    }
}

impl From<&str> for Cell {
    fn from(s: &str) -> Self {
        Cell::Text(s.to_string())
    }
}

impl From<i64> for Cell {
    fn from(n: i64) -> Self {
        Cell::Int(n)
    }
}

/// Text cells longer than this are cut in the terminal table (other formats keep everything).
const TABLE_CELL_MAX_CHARS: usize = 80;

/// stdout (locked, buffered) or the file at `path`.
pub fn writer(path: Option<&Path>) -> Result<Box<dyn Write>> {
    Ok(match path {
        Some(path) => Box::new(BufWriter::new(File::create(path).map_err(|e| Error::io(path, e))?)),
        None => Box::new(BufWriter::new(io::stdout().lock())),
    })
}

/// Prints a table in the chosen format to stdout or `-o FILE`.
pub fn print(table: &Table, args: &OutputArgs) -> Result<()> {
    let mut out = writer(args.output.as_deref())?;
    // Fit the terminal only when a person is looking at it; files and pipes get full rows.
    let fit_terminal = args.output.is_none() && io::stdout().is_terminal();
    write_to(table, args.format, fit_terminal, &mut out).and_then(|()| out.flush()).map_err(output_error(args))
}

/// A failed write names the file for `-o FILE`; for stdout it stays `Error::Output`, so that main can
/// tell a closed pipe from a real failure.
pub fn output_error(args: &OutputArgs) -> impl Fn(io::Error) -> Error + '_ {
    move |e| match &args.output {
        Some(path) => Error::io(path, e),
        None => Error::Output(e),
    }
}

/// Writes `table` in `format`; `fit_terminal` lets the table format wrap to the terminal width.
pub fn write_to(table: &Table, format: OutputFormat, fit_terminal: bool, out: &mut dyn Write) -> io::Result<()> {
    match format {
        OutputFormat::Table => write_table(table, fit_terminal, out),
        OutputFormat::Csv => {
            let mut csv = CsvWriter::new(out, false);
            csv.write_header(&table.columns)?;
            for row in &table.rows {
                csv.write_row(row)?;
            }
            csv.flush()
        }
        OutputFormat::Tsv => write_tsv(table, out),
        OutputFormat::Json => write_json(table, out),
        OutputFormat::Jsonl => write_jsonl(table, out),
        OutputFormat::Markdown => write_markdown(table, out),
    }
}

/// Prints several named tables as one document (`people show`), in the chosen format, to stdout or `-o FILE`.
pub fn print_sections(sections: &[(&str, Table)], args: &OutputArgs) -> Result<()> {
    let mut out = writer(args.output.as_deref())?;
    let fit_terminal = args.output.is_none() && io::stdout().is_terminal();
    write_sections_to(sections, args.format, fit_terminal, &mut out)
        .and_then(|()| out.flush())
        .map_err(output_error(args))
}

/// Named tables in `format`. json is one object holding an array per name (jsonl: that object on one line), so a
/// program reads one document; the text formats put each table under its name, separated by a blank line.
pub fn write_sections_to(
    sections: &[(&str, Table)],
    format: OutputFormat,
    fit_terminal: bool,
    out: &mut dyn Write,
) -> io::Result<()> {
    if matches!(format, OutputFormat::Json | OutputFormat::Jsonl) {
        let object: Map<String, Value> = sections
            .iter()
            .map(|(name, table)| (name.to_string(), Value::Array(json_objects(table).collect())))
            .collect();
        let object = Value::Object(object);
        match format {
            OutputFormat::Json => serde_json::to_writer_pretty(&mut *out, &object)?,
            _ => serde_json::to_writer(&mut *out, &object)?,
        }
        return writeln!(out);
    }
    for (i, (name, table)) in sections.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        match format {
            OutputFormat::Markdown => writeln!(out, "## {}\n", escape_markdown(name))?,
            // CSV and TSV have no headings: a one-field line names the table that follows.
            OutputFormat::Csv | OutputFormat::Tsv => writeln!(out, "# {name}")?,
            _ => writeln!(out, "{name}")?,
        }
        write_to(table, format, fit_terminal, out)?;
    }
    Ok(())
}

fn write_table(table: &Table, fit_terminal: bool, out: &mut dyn Write) -> io::Result<()> {
    let mut t = comfy_table::Table::new();
    t.load_preset(presets::UTF8_FULL_CONDENSED);
    if fit_terminal {
        t.set_content_arrangement(ContentArrangement::Dynamic);
    } else {
        // comfy-table would otherwise look at stdout even when writing to a file.
        t.force_no_tty();
    }
    t.set_header(table.columns.iter().map(comfy_table::Cell::new));
    for row in &table.rows {
        t.add_row(row.iter().map(|cell| {
            let text = match cell {
                Cell::Text(s) => shorten(s, TABLE_CELL_MAX_CHARS),
                other => other.to_string(),
            };
            let c = comfy_table::Cell::new(text);
            if cell.is_number() {
                c.set_alignment(CellAlignment::Right)
            } else {
                c
            }
        }));
    }
    writeln!(out, "{t}")
}

/// One line of at most `max` characters: whitespace runs (newlines, tabs) become one space
/// so every row stays one line, and a cut is marked with "…".
fn shorten(s: &str, max: usize) -> String {
    let flat = s.split_whitespace().collect::<Vec<_>>().join(" ");
    // Graphemes, not chars, so an accent or emoji sequence is never split in half.
    let graphemes: Vec<&str> = flat.graphemes(true).collect();
    if graphemes.len() <= max {
        return flat;
    }
    let mut cut: String = graphemes[..max - 1].concat();
    cut.truncate(cut.trim_end().len());
    cut.push('…');
    cut
}

/// CSV (RFC 4180 quoting, header row, `\n` line ends as the csv crate writes by default).
///
/// Unless `raw`, text that a spreadsheet would run as a formula (starting with = + - @,
/// tab or CR) gets a leading `'`, the OWASP-recommended neutralisation. Numbers stored as
/// numbers, and text that is just a signed number such as "-3.5", are left alone.
pub struct CsvWriter<W: Write> {
    csv: csv::Writer<W>,
    raw: bool,
    field: String,
}

impl<W: Write> CsvWriter<W> {
    pub fn new(out: W, raw: bool) -> Self {
        CsvWriter { csv: csv::Writer::from_writer(out), raw, field: String::new() }
    }

    pub fn write_header(&mut self, columns: &[String]) -> io::Result<()> {
        let cells: Vec<Cell> = columns.iter().map(|c| Cell::Text(c.clone())).collect();
        self.write_row(&cells)
    }

    pub fn write_row(&mut self, row: &[Cell]) -> io::Result<()> {
        for cell in row {
            self.field.clear();
            if !self.raw && matches!(cell, Cell::Text(s) if is_formula(s)) {
                self.field.push('\'');
            }
            fmt::Write::write_fmt(&mut self.field, format_args!("{cell}")).expect("writing to a String cannot fail");
            self.csv.write_field(&self.field).map_err(csv_io)?;
        }
        self.csv.write_record(None::<&[u8]>).map_err(csv_io)
    }

    pub fn flush(&mut self) -> io::Result<()> {
        self.csv.flush()
    }
}

/// The csv crate wraps I/O errors; unwrapping them keeps their kind, so a closed pipe
/// (`newsdb sql ... --format csv | head`) is still recognised as one.
fn csv_io(error: csv::Error) -> io::Error {
    match error.into_kind() {
        csv::ErrorKind::Io(io) => io,
        other => io::Error::other(format!("{other:?}")),
    }
}

/// True when a spreadsheet opening this text would evaluate it.
fn is_formula(s: &str) -> bool {
    match s.chars().next() {
        Some('=' | '@' | '\t' | '\r') => true,
        Some('+' | '-') => !is_plain_number(&s[1..]),
        _ => false,
    }
}

/// Digits with at most one decimal point, e.g. "12" or "3.5" (the part after a sign).
fn is_plain_number(s: &str) -> bool {
    let mut digits = 0;
    let mut points = 0;
    for c in s.chars() {
        match c {
            '0'..='9' => digits += 1,
            '.' => points += 1,
            _ => return false,
        }
    }
    digits > 0 && points <= 1
}

/// Tab-separated values; backslash, tab, newline and CR in cells are written as \\ \t \n \r
/// so each row stays one line with a fixed number of fields. Formulas are guarded as in CSV: spreadsheets
/// open TSV files just as readily.
fn write_tsv(table: &Table, out: &mut dyn Write) -> io::Result<()> {
    let header: Vec<Cell> = table.columns.iter().map(|c| Cell::Text(c.clone())).collect();
    for row in std::iter::once(&header).chain(&table.rows) {
        let fields: Vec<String> = row
            .iter()
            .map(|cell| {
                let guard = if matches!(cell, Cell::Text(s) if is_formula(s)) { "'" } else { "" };
                format!("{guard}{}", escape_tsv(&cell.to_string()))
            })
            .collect();
        writeln!(out, "{}", fields.join("\t"))?;
    }
    Ok(())
}

fn escape_tsv(s: &str) -> String {
    let mut escaped = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' => escaped.push_str("\\\\"),
            '\t' => escaped.push_str("\\t"),
            '\n' => escaped.push_str("\\n"),
            '\r' => escaped.push_str("\\r"),
            c => escaped.push(c),
        }
    }
    escaped
}

/// One JSON object per row, keys in column order. Duplicate column names (possible with
/// `newsdb sql "SELECT a.id, p.id ..."`) get a suffix so no value is silently dropped.
fn json_objects(table: &Table) -> impl Iterator<Item = Value> + '_ {
    let keys = unique_keys(&table.columns);
    table.rows.iter().map(move |row| {
        let object: Map<String, Value> = keys.iter().cloned().zip(row.iter().map(json_value)).collect();
        Value::Object(object)
    })
}

fn unique_keys(columns: &[String]) -> Vec<String> {
    let mut keys: Vec<String> = Vec::with_capacity(columns.len());
    for column in columns {
        let mut key = column.clone();
        let mut n = 1;
        while keys.contains(&key) {
            n += 1;
            key = format!("{column}_{n}");
        }
        keys.push(key);
    }
    keys
}

fn json_value(cell: &Cell) -> Value {
    match cell {
        Cell::Null => Value::Null,
        Cell::Int(n) => Value::from(*n),
        // JSON has no NaN or infinity; serde_json turns them into null.
        Cell::Real(x) => Value::from(*x),
        Cell::Text(s) => Value::from(s.as_str()),
    }
}

fn write_json(table: &Table, out: &mut dyn Write) -> io::Result<()> {
    let rows: Vec<Value> = json_objects(table).collect();
    serde_json::to_writer_pretty(&mut *out, &rows)?;
    writeln!(out)
}

fn write_jsonl(table: &Table, out: &mut dyn Write) -> io::Result<()> {
    for object in json_objects(table) {
        serde_json::to_writer(&mut *out, &object)?;
        writeln!(out)?;
    }
    Ok(())
}

/// A GitHub-flavoured Markdown table; columns holding only numbers are right-aligned.
fn write_markdown(table: &Table, out: &mut dyn Write) -> io::Result<()> {
    let header: Vec<String> = table.columns.iter().map(|c| escape_markdown(c)).collect();
    writeln!(out, "| {} |", header.join(" | "))?;
    let rules: Vec<&str> = (0..table.columns.len())
        .map(|i| {
            let mut cells = table.rows.iter().filter_map(|row| row.get(i)).filter(|c| **c != Cell::Null).peekable();
            let numeric = cells.peek().is_some() && cells.all(Cell::is_number);
            if numeric {
                "---:"
            } else {
                "---"
            }
        })
        .collect();
    writeln!(out, "| {} |", rules.join(" | "))?;
    for row in &table.rows {
        let cells: Vec<String> = row.iter().map(|c| escape_markdown(&c.to_string())).collect();
        writeln!(out, "| {} |", cells.join(" | "))?;
    }
    Ok(())
}

/// Pipes would end the cell and newlines the row; backslashes are doubled so that a
/// literal "\|" in the data is not read as an escaped pipe.
fn escape_markdown(s: &str) -> String {
    let mut escaped = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => escaped.push_str("\\\\"),
            '|' => escaped.push_str("\\|"),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' => escaped.push_str("<br>"),
            c => escaped.push(c),
        }
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Table {
        Table {
            columns: vec!["name".into(), "n".into(), "score".into(), "note".into()],
            rows: vec![
                vec![Cell::from("Ann, \"A\""), Cell::Int(-3), Cell::Real(0.5), Cell::Null],
                vec![Cell::from("=HYPERLINK(\"x\")"), Cell::Int(12), Cell::Real(-1.25), Cell::from("a|b\tc\nd\\e")],
            ],
        }
    }

    fn render(table: &Table, format: OutputFormat) -> String {
        let mut out = Vec::new();
        write_to(table, format, false, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn csv_quotes_and_guards_formulas_but_not_numbers() {
        assert_eq!(
            render(&sample(), OutputFormat::Csv),
            "name,n,score,note\n\
             \"Ann, \"\"A\"\"\",-3,0.5,\n\
             \"'=HYPERLINK(\"\"x\"\")\",12,-1.25,\"a|b\tc\nd\\e\"\n"
        );
    }

    #[test]
    fn formula_detection() {
        for s in ["=1+1", "+cmd", "-2+3", "@SUM(A1)", "\tx", "\rx", "-", "+", "-1e5", "--1"] {
            assert!(is_formula(s), "{s:?} should be guarded");
        }
        for s in ["", "plain", "-3", "+44", "-0.5", "3-4", "a=b", " =x"] {
            assert!(!is_formula(s), "{s:?} should be left alone");
        }
    }

    #[test]
    fn csv_raw_keeps_cells_as_stored() {
        let mut out = Vec::new();
        let mut csv = CsvWriter::new(&mut out, true);
        csv.write_header(&["f".into()]).unwrap();
        csv.write_row(&[Cell::from("=1+1")]).unwrap();
        csv.flush().unwrap();
        drop(csv);
        assert_eq!(String::from_utf8(out).unwrap(), "f\n=1+1\n");
    }

    /// Issue 10: TSV output of a cell starting with `=` was not neutralised (CSV's was).
    #[test]
    fn tsv_escapes_tabs_newlines_and_backslashes_and_guards_formulas() {
        assert_eq!(
            render(&sample(), OutputFormat::Tsv),
            "name\tn\tscore\tnote\n\
             Ann, \"A\"\t-3\t0.5\t\n\
             '=HYPERLINK(\"x\")\t12\t-1.25\ta|b\\tc\\nd\\\\e\n"
        );
    }

    #[test]
    fn json_keeps_types_and_column_order() {
        let text = render(&sample(), OutputFormat::Json);
        let value: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(
            value,
            serde_json::json!([
                {"name": "Ann, \"A\"", "n": -3, "score": 0.5, "note": null},
                {"name": "=HYPERLINK(\"x\")", "n": 12, "score": -1.25, "note": "a|b\tc\nd\\e"},
            ])
        );
        assert!(text.find("\"name\"").unwrap() < text.find("\"note\"").unwrap());
        assert_eq!(render(&Table::default(), OutputFormat::Json), "[]\n");
    }

    #[test]
    fn jsonl_is_one_object_per_line() {
        let text = render(&sample(), OutputFormat::Jsonl);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0], r#"{"name":"Ann, \"A\"","n":-3,"score":0.5,"note":null}"#);
    }

    #[test]
    fn json_duplicate_columns_get_suffixes() {
        let table = Table { columns: vec!["id".into(), "id".into()], rows: vec![vec![Cell::Int(1), Cell::Int(2)]] };
        assert_eq!(render(&table, OutputFormat::Jsonl), "{\"id\":1,\"id_2\":2}\n");
    }

    #[test]
    fn markdown_escapes_pipes_and_newlines_and_aligns_numbers() {
        assert_eq!(
            render(&sample(), OutputFormat::Markdown),
            "| name | n | score | note |\n\
             | --- | ---: | ---: | --- |\n\
             | Ann, \"A\" | -3 | 0.5 |  |\n\
             | =HYPERLINK(\"x\") | 12 | -1.25 | a\\|b\tc<br>d\\\\e |\n"
        );
    }

    #[test]
    fn table_truncates_long_text_only_in_table_format() {
        let long = "word ".repeat(40);
        let table = Table {
            columns: vec!["text".into(), "n".into()],
            rows: vec![vec![Cell::from(long.as_str()), Cell::Int(7)]],
        };
        let text = render(&table, OutputFormat::Table);
        assert!(text.contains("text"), "{text}");
        assert!(text.contains('…'), "{text}");
        assert!(text.lines().all(|l| l.chars().count() < 100), "{text}");
        assert!(render(&table, OutputFormat::Csv).contains(long.trim_end()));
    }

    #[test]
    fn shorten_flattens_whitespace_and_cuts_at_graphemes() {
        assert_eq!(shorten("a\n\tb  c", 80), "a b c");
        assert_eq!(shorten("abcdef", 4), "abc…");
        assert_eq!(shorten("ab cdef", 4), "ab…");
        let accented = "e\u{301}".repeat(5);
        assert_eq!(shorten(&accented, 3), format!("{}…", "e\u{301}".repeat(2)));
    }

    #[test]
    fn writer_names_the_file_it_cannot_create() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing").join("out.csv");
        let err = writer(Some(&path)).err().unwrap();
        assert!(err.to_string().contains("out.csv"), "{err}");
    }

    #[test]
    fn sections_are_one_json_object_and_headed_tables_otherwise() {
        let one = Table { columns: vec!["alias".into()], rows: vec![vec![Cell::from("Putin")]] };
        let sections = [("person", sample()), ("aliases", one)];
        let render = |format| {
            let mut out = Vec::new();
            write_sections_to(&sections, format, false, &mut out).unwrap();
            String::from_utf8(out).unwrap()
        };
        let value: Value = serde_json::from_str(&render(OutputFormat::Json)).unwrap();
        assert_eq!(value["aliases"], serde_json::json!([{"alias": "Putin"}]));
        assert_eq!(value["person"][1]["n"], 12);
        assert_eq!(render(OutputFormat::Jsonl).lines().count(), 1);
        let markdown = render(OutputFormat::Markdown);
        assert!(markdown.starts_with("## person\n\n| name |"), "{markdown}");
        assert!(markdown.ends_with("\n## aliases\n\n| alias |\n| --- |\n| Putin |\n"), "{markdown}");
        assert!(render(OutputFormat::Csv).ends_with("\n# aliases\nalias\nPutin\n"));
    }

    #[test]
    fn print_writes_to_the_output_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.jsonl");
        let args = OutputArgs { format: OutputFormat::Jsonl, output: Some(path.clone()) };
        print(&sample(), &args).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap().lines().count(), 2);
    }
}
