//! The ingest pipeline shared by `ingest`, `extract` and `fetch`: read -> normalise -> extract, in parallel
//! batches, delivered in input order so that results do not depend on the number of threads.
//!
//! The stream must never stop newsdb: a panic while reading or extracting one article is caught and
//! becomes that article's error (a last line of defence: every panic found is fixed at its root), and an
//! input that runs past its deadline has the rest of its records recorded as failed.

use std::panic::{self, AssertUnwindSafe};
use std::time::Instant;

use rayon::prelude::*;

use crate::cli::InputArgs;
use crate::limits::Limits;
use crate::model::{Article, Extraction, IncomingArticle};
use crate::{extract, normalise, source, Error, Result};

/// Articles extracted in parallel per batch; large enough to keep every core busy, small enough
/// that a batch's transaction and memory stay modest.
const BATCH_SIZE: usize = 256;

/// One input record after the pipeline: the article and its extraction, or why it failed.
pub type Processed = Result<(Article, Extraction)>;

/// Progress through the inputs, for a progress bar.
pub trait Progress {
    fn inputs_found(&mut self, total: usize);
    fn input_read(&mut self, name: &str);
}

/// No progress reporting.
impl Progress for () {
    fn inputs_found(&mut self, _: usize) {}
    fn input_read(&mut self, _: &str) {}
}

/// Normalises and extracts one article read from an input. A panic inside is caught and reported as the
/// article's error, so one bad article never ends a run.
pub fn process(read: Result<IncomingArticle>, default_outlet: Option<&str>, limits: &Limits) -> Processed {
    let mut incoming = read?;
    let source = incoming.source.clone();
    isolated(&source, "extracting", || {
        normalise::drop_far_tail(&mut incoming, limits.max_article_chars);
        let mut article = normalise::normalise(incoming, default_outlet)?;
        normalise::limit_body(&mut article, limits.max_article_chars);
        let extraction = extract::run(&article.title, &article.body);
        Ok((article, extraction))
    })
}

/// Runs `work` for the input `source`; a panic inside becomes that input's error instead of ending the run.
fn isolated<T>(source: &str, doing: &str, work: impl FnOnce() -> Result<T>) -> Result<T> {
    panic::catch_unwind(AssertUnwindSafe(work)).unwrap_or_else(|panic| {
        let what = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_string());
        Err(Error::input(source, format!("internal error while {doing} ({what}); skipped, please report this input")))
    })
}

/// Runs the pipeline over every input and hands each processed record to `deliver` in input order.
/// `jobs` bounds the extraction threads (None: one per core). Stops at the first error `deliver` returns.
pub fn run(
    args: &InputArgs,
    jobs: Option<usize>,
    progress: &mut dyn Progress,
    deliver: &mut dyn FnMut(Processed) -> Result<()>,
) -> Result<()> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.unwrap_or(0))
        .build()
        .map_err(|e| Error::Usage(format!("--jobs: cannot start worker threads: {e}")))?;
    let default_outlet = args.outlet.as_deref();
    let limits = args.limits.limits();

    let inputs = source::expand(&args.inputs);
    progress.inputs_found(inputs.len());
    let mut batch = Vec::with_capacity(BATCH_SIZE);
    let mut flush = |batch: &mut Vec<_>| -> Result<()> {
        let done: Vec<Processed> =
            pool.install(|| batch.par_drain(..).map(|read| process(read, default_outlet, &limits)).collect());
        done.into_iter().try_for_each(&mut *deliver)
    };
    for input in inputs {
        match input {
            Err(error) => batch.push(Err(error)),
            Ok(input) => {
                let name = input.name();
                let started = Instant::now();
                let mut records = source::read_with(&input, args.input_format, &limits);
                let mut read = 0usize;
                loop {
                    // Past the deadline, the rest of this input is one error and the run goes on.
                    if started.elapsed() > limits.input_deadline {
                        batch.push(Err(Error::input(
                            &name,
                            format!(
                                "stopped after {read} records: reading and extracting took longer than {} s \
                                 (--input-deadline); the rest of this input was not read",
                                limits.input_deadline.as_secs()
                            ),
                        )));
                        break;
                    }
                    let record = match isolated(&name, "reading", || Ok(records.next())) {
                        Ok(Some(record)) => record,
                        Ok(None) => break,
                        Err(error) => {
                            // A reader that panicked is in an unknown state: nothing more is read from it.
                            batch.push(Err(error));
                            break;
                        }
                    };
                    read += 1;
                    batch.push(record);
                    if batch.len() >= BATCH_SIZE {
                        flush(&mut batch)?;
                    }
                }
                progress.input_read(&name);
            }
        }
    }
    flush(&mut batch)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Issue 10: one article that panics (the who/which panic ended a 7,600-item run at item 512) becomes that
    /// article's error, named by its source, and nothing else is lost.
    #[test]
    fn a_panic_becomes_the_inputs_error() {
        let result: Result<()> = isolated("export.jsonl:513", "extracting", || panic!("index out of bounds"));
        let message = result.unwrap_err().to_string();
        assert!(
            message.starts_with("export.jsonl:513: internal error while extracting (index out of bounds)"),
            "{message}"
        );
        assert_eq!(isolated("a.txt", "reading", || Ok(7)).unwrap(), 7);
    }

    /// Issue 10: the minimal reproducer and the real item that panicked are processed like any article.
    #[test]
    fn who_said_reproducer_is_processed() {
        let incoming = IncomingArticle {
            source: "t.jsonl:1".into(),
            title: Some("T".into()),
            body: "Who said".into(),
            ..Default::default()
        };
        let (article, _) = process(Ok(incoming), None, &Limits::default()).unwrap();
        assert_eq!(article.body, "Who said");
    }
}
