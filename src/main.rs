use clap::FromArgMatches;
use std::process::ExitCode;
use warroom::cli::{self, Cli};

fn main() -> ExitCode {
    // Everything warroom creates (the store's files, logs, drafts, exports) is for this
    // user alone: incidents are at least TLP:AMBER and contacts personal data.
    rustix::process::umask(rustix::fs::Mode::from_raw_mode(0o077));
    if color_eyre::install().is_err() {
        eprintln!("warroom: could not install the error reporter");
    }
    // The help is built in the operator's language, so the language is read first.
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = cli::help::language(&args);
    // Value errors (an unknown flag, a bad date) are written while clap parses.
    warroom::i18n::set(lang);
    let parsed = cli::help::command(lang)
        .try_get_matches_from(&args)
        .and_then(|matches| Cli::from_arg_matches(&matches));
    let cli = match parsed {
        Ok(cli) => cli,
        // Help and version exit 0; usage errors exit 2, as clap does.
        Err(e) => e.exit(),
    };
    match cli::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("warroom: {}", failure.message());
            ExitCode::from(failure.exit_code())
        }
    }
}
