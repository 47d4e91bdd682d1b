use clap::FromArgMatches;
use std::process::ExitCode;
use warroom::cli::{self, Cli};

fn main() -> ExitCode {
    // Everything warroom creates (the store's files, logs, drafts, exports) is for this
    // user alone: incidents are at least TLP:AMBER and contacts personal data.
    rustix::process::umask(rustix::fs::Mode::from_raw_mode(0o077));
    if color_eyre::install().is_err() {
        eprintln!("warroom: {}", shown("could not install the error reporter"));
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
        // A usage error quotes what was typed (`invalid value '…'`): shown safe, plain
        // (clap's colours are escape sequences too), with clap's exit code (2).
        Err(e) if e.use_stderr() => {
            eprint!("{}", shown(&e.to_string()));
            return ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2));
        }
        // Help and version go to standard output and exit 0, as clap does.
        Err(e) => e.exit(),
    };
    match cli::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("warroom: {}", shown(failure.message()));
            ExitCode::from(failure.exit_code())
        }
    }
}

/// A message for the terminal. Failures quote what the operator typed (an id, a name,
/// a link) and what files held, so each line is made safe (`ui::format::safe`: an ESC
/// shows as `␛` instead of acting); the line breaks of a message are kept.
fn shown(message: &str) -> String {
    message
        .split('\n')
        .map(warroom::ui::format::safe)
        .collect::<Vec<_>>()
        .join("\n")
}
