//! The newsdb binary: parse arguments, run the subcommand, print any error once, set the exit code.

use std::process::ExitCode;

use clap::Parser;

use newsdb::cli::{Cli, Command};
use newsdb::{cmd, Error};

/// mimalloc instead of the system allocator: extraction allocates many small strings and vectors per
/// article, and glibc malloc/free were ~18% of its instructions (issue 4). eval_speed and the benches
/// set the same allocator, so they measure what this binary runs.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // A panic is a bug: say so in one line with where it happened. The pipeline catches panics per article and
    // goes on (its error names the input), so this line is what a bug report needs.
    std::panic::set_hook(Box::new(|info| {
        let place = info.location().map(|l| format!(" at {}:{}", l.file(), l.line())).unwrap_or_default();
        let message = info.payload_as_str().unwrap_or("unknown panic");
        newsdb::stderr!("newsdb: internal error{place}: {message}");
    }));
    let cli = Cli::parse();
    let result = match &cli.command {
        Command::Ingest(args) => cmd::ingest::run(args, &cli.db, cli.quiet),
        Command::Extract(args) => cmd::extract::run(args),
        Command::Report(command) => cmd::report::run(command, &cli.db),
        Command::Search(args) => cmd::search::run(args, &cli.db),
        Command::Sql(args) => cmd::sql::run(args, &cli.db),
        Command::Export(args) => cmd::export::run(args, &cli.db, cli.quiet),
        Command::Feed(command) => cmd::feed::run(command, &cli.db, cli.quiet),
        Command::Fetch(args) => cmd::fetch::run(args, &cli.db, cli.quiet),
        Command::People(command) => cmd::people::run(command, &cli.db, cli.quiet),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        // `newsdb report people | head` closes the pipe early: the reader got what it wanted.
        Err(error) if error.is_broken_pipe() => ExitCode::SUCCESS,
        Err(error) => {
            newsdb::stderr!("newsdb: {error}");
            match error {
                Error::Usage(_) => ExitCode::from(2),
                _ => ExitCode::FAILURE,
            }
        }
    }
}
