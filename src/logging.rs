//! Logs go to `warroom.log` in the data directory, never to the screen.

use std::path::Path;
use tracing_appender::non_blocking::WorkerGuard;

/// Starts logging; keep the guard alive for as long as logs should be written.
pub fn init(dir: &Path) -> Option<WorkerGuard> {
    let appender = tracing_appender::rolling::never(dir, "warroom.log");
    let (writer, guard) = tracing_appender::non_blocking(appender);
    let filter = tracing_subscriber::EnvFilter::try_from_env("WARROOM_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    tracing_subscriber::fmt()
        .with_writer(writer)
        .with_ansi(false)
        .with_env_filter(filter)
        .try_init()
        .ok()?;
    Some(guard)
}
