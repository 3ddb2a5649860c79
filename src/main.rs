//! The `keysweep` binary: parse the command line, run, map the outcome to an exit code
//! (0 clean, 1 findings or `--exit-code N`, 2 error or incomplete scan).

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = keysweep::cli::Cli::parse();
    keysweep::interrupt::install();
    match keysweep::cli::run(cli) {
        Ok(outcome) => ExitCode::from(outcome.code()),
        Err(err) => {
            let msg = format!("{err:#}");
            eprintln!(
                "keysweep: error: {}",
                keysweep::report::escape::escape_for_terminal(&msg)
            );
            ExitCode::from(2)
        }
    }
}
