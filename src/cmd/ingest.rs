//! `newsdb ingest`: read inputs, extract, and store them; report failures and a summary.

use std::collections::HashSet;
use std::io::IsTerminal;
use std::path::Path;
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressStyle};

use crate::cli::IngestArgs;
use crate::pipeline::{self, Processed, Progress};
use crate::store::db;
use crate::store::write::{Outcome, Record, Writer};
use crate::{signal, Error, Result};

/// Records handed to the writer per transaction.
const WRITE_BATCH: usize = 512;

#[derive(Default)]
struct Counts {
    new: usize,
    duplicate: usize,
    failed: usize,
    people: HashSet<String>,
    statements: usize,
    topics: usize,
}

/// The progress bar, and whether reading stopped early on a signal.
struct Bar {
    bar: ProgressBar,
    interrupted: bool,
}

impl Progress for Bar {
    fn inputs_found(&mut self, total: usize) {
        self.bar.set_length(total as u64);
    }
    fn input_read(&mut self, name: &str) {
        self.bar.set_message(name.to_string());
        self.bar.inc(1);
    }
    fn stopped(&mut self) -> bool {
        self.interrupted = signal::stop_requested();
        self.interrupted
    }
}

fn progress_bar(quiet: bool) -> ProgressBar {
    if quiet || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(0);
    let style = ProgressStyle::with_template("{bar:30} {pos}/{len} inputs {elapsed} {wide_msg}")
        .unwrap_or_else(|_| ProgressStyle::default_bar());
    bar.set_style(style);
    bar.enable_steady_tick(Duration::from_millis(200));
    bar
}

pub fn run(args: &IngestArgs, db_path: &Path, quiet: bool) -> Result<()> {
    let started = Instant::now();
    // Ctrl-C or SIGTERM stops reading at the next record; what was read is stored and the run closed.
    signal::listen("the articles read so far are being stored");
    let bar = progress_bar(quiet);
    let writer = if args.dry_run { None } else { Some(Writer::start(db::open(db_path)?, &args.input.inputs)?) };
    // The writer runs on its own thread, so storing one batch overlaps extracting the next.
    let (sender, receiver) = mpsc::sync_channel::<Record>(WRITE_BATCH);
    let storing = thread::Builder::new()
        .name("newsdb-writer".to_string())
        .spawn(move || store_records(writer, receiver))
        .map_err(|e| Error::io(db_path, e))?;

    let mut deliver = |processed: Processed| -> Result<()> {
        match &processed {
            Ok((article, _)) => {
                for warning in &article.warnings {
                    bar.suspend(|| crate::stderr!("warning: {}: {warning}", article.source));
                }
            }
            Err(error) => bar.suspend(|| crate::stderr!("error: {error}")),
        }
        let record = Record::from_processed(processed, "");
        // A send fails only when the writer stopped on an error, which `join` below reports.
        sender.send(record).map_err(|_| Error::io(db_path, std::io::Error::other("the database writer stopped")))
    };
    let mut progress = Bar { bar: bar.clone(), interrupted: false };
    let read = pipeline::run(&args.input, args.jobs, &mut progress, &mut deliver);
    drop(sender);
    let (writer, counts) = storing.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))?;
    read?;
    if let Some(writer) = writer {
        match progress.interrupted {
            false => writer.finish(counts.new, counts.duplicate, counts.failed)?,
            true => writer.interrupt(counts.new, counts.duplicate, counts.failed)?,
        }
    }
    bar.finish_and_clear();

    if !quiet {
        let elapsed = started.elapsed().as_secs_f64();
        let verb = match (args.dry_run, progress.interrupted) {
            (true, _) => "dry run, nothing written: ",
            (false, true) => "interrupted: ",
            (false, false) => "",
        };
        crate::stderr!(
            "{verb}{} new, {} duplicate, {} failed; {} people, {} statements, {} topic assignments; {elapsed:.2} s",
            counts.new,
            counts.duplicate,
            counts.failed,
            counts.people.len(),
            counts.statements,
            counts.topics
        );
    }
    if progress.interrupted {
        return Err(Error::Interrupted);
    }
    if counts.failed > 0 {
        return Err(Error::PartialFailure {
            failed: counts.failed,
            total: counts.new + counts.duplicate + counts.failed,
        });
    }
    Ok(())
}

/// Receives records in input order and writes them in batches; returns the writer, for the caller to close the
/// run as finished or interrupted, and the counts.
fn store_records(mut writer: Option<Writer>, receiver: mpsc::Receiver<Record>) -> Result<(Option<Writer>, Counts)> {
    let mut counts = Counts::default();
    let mut pending = Vec::with_capacity(WRITE_BATCH);
    for record in receiver {
        pending.push(record);
        if pending.len() >= WRITE_BATCH {
            write_pending(writer.as_mut(), &mut pending, &mut counts)?;
        }
    }
    write_pending(writer.as_mut(), &mut pending, &mut counts)?;
    Ok((writer, counts))
}

/// Writes what is pending (or, in a dry run, counts it as if new) and updates the counts.
fn write_pending(writer: Option<&mut Writer>, pending: &mut Vec<Record>, counts: &mut Counts) -> Result<()> {
    let outcomes = match writer {
        Some(writer) => writer.write_batch(pending)?,
        None => pending
            .iter()
            .map(|record| match record {
                Record::Article(_, extraction) => Outcome::New {
                    article_id: 0,
                    statements: extraction.statements.len(),
                    topics: extraction.topics.len(),
                },
                Record::Failed { .. } => Outcome::Failed,
            })
            .collect(),
    };
    for (record, outcome) in pending.iter().zip(outcomes) {
        match outcome {
            Outcome::New { statements, topics, .. } => {
                if let Record::Article(_, extraction) = record {
                    counts.people.extend(extraction.people.iter().map(|p| p.name.clone()));
                }
                counts.new += 1;
                counts.statements += statements;
                counts.topics += topics;
            }
            Outcome::Duplicate { .. } => counts.duplicate += 1,
            Outcome::Failed => counts.failed += 1,
        }
    }
    pending.clear();
    Ok(())
}
