//! Ctrl-C (SIGINT) and SIGTERM for long commands: the first asks the command to stop at its next safe point,
//! a second one quits at once.
//!
//! Only `ingest` and `fetch` listen; every other command keeps the default, dying on the signal, which is
//! right for commands that write nothing or write in one transaction.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::OnceLock;

/// Exit status after SIGINT, as shells report it (128 + 2); used for SIGTERM too so scripts see one code.
pub const EXIT_STATUS: u8 = 130;

static STOP: AtomicBool = AtomicBool::new(false);
static INSTALLED: OnceLock<()> = OnceLock::new();

/// Starts listening for SIGINT and SIGTERM; `finishing` says what the command does before it stops
/// ("the current batch is stored"). Without a handler (one could not be installed) signals keep their
/// default action, which loses nothing that was committed.
pub fn listen(finishing: &'static str) {
    INSTALLED.get_or_init(|| {
        let _ = ctrlc::set_handler(move || {
            if STOP.swap(true, Ordering::SeqCst) {
                std::process::exit(i32::from(EXIT_STATUS));
            }
            crate::stderr!("stopping: {finishing} (Ctrl-C again to quit now)");
        });
    });
}

/// The flag the handler sets; long loops check it at their safe points.
pub fn stop_flag() -> &'static AtomicBool {
    &STOP
}

/// True once SIGINT or SIGTERM has asked the command to stop.
pub fn stop_requested() -> bool {
    STOP.load(Ordering::SeqCst)
}
