//! The ingest pipeline shared by `ingest` and `extract`: read -> normalise -> extract, in parallel batches,
//! delivered in input order so that results do not depend on the number of threads.

use rayon::prelude::*;

use crate::cli::InputArgs;
use crate::model::{Article, Extraction};
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
    let process = |read: Result<crate::model::IncomingArticle>| -> Processed {
        let article = normalise::normalise(read?, default_outlet)?;
        let extraction = extract::run(&article.title, &article.body);
        Ok((article, extraction))
    };

    let inputs = source::expand(&args.inputs);
    progress.inputs_found(inputs.len());
    let mut batch = Vec::with_capacity(BATCH_SIZE);
    let mut flush = |batch: &mut Vec<_>| -> Result<()> {
        let done: Vec<Processed> = pool.install(|| batch.par_drain(..).map(process).collect());
        done.into_iter().try_for_each(&mut *deliver)
    };
    for input in inputs {
        match input {
            Err(error) => batch.push(Err(error)),
            Ok(input) => {
                for record in source::read_with(&input, args.input_format, &args.limits.limits()) {
                    batch.push(record);
                    if batch.len() >= BATCH_SIZE {
                        flush(&mut batch)?;
                    }
                }
                progress.input_read(&input.name());
            }
        }
    }
    flush(&mut batch)
}
