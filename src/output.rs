//! Every output format in one place: table, csv, tsv, json, jsonl, markdown.

use std::io::Write;
use std::path::Path;

use crate::cli::OutputArgs;
use crate::Result;

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

/// stdout (locked, buffered) or the file at `path`.
pub fn writer(_path: Option<&Path>) -> Result<Box<dyn Write>> {
    todo!("output helper")
}

/// Prints a table in the chosen format to stdout or `-o FILE`.
pub fn print(_table: &Table, _args: &OutputArgs) -> Result<()> {
    todo!("output helper")
}
