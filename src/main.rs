use clap::Parser;
use std::process::ExitCode;
use warroom::cli::{self, Cli};

fn main() -> ExitCode {
    if color_eyre::install().is_err() {
        eprintln!("warroom: could not install the error reporter");
    }
    match cli::run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            eprintln!("warroom: {}", failure.message());
            ExitCode::from(failure.exit_code())
        }
    }
}
