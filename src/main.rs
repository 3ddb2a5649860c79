//! The `keysweep` binary: parse the command line, run, map the outcome to an exit code
//! (0 clean, 1 findings or `--exit-code N`, 2 error or incomplete scan).

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = keysweep::cli::Cli::parse();
    // A listing cut short by its reader (`keysweep rules | head`) did its job.
    let listing = matches!(cli.command, keysweep::cli::Command::Rules(_));
    match keysweep::cli::run(cli) {
        Ok(outcome) => ExitCode::from(outcome.code()),
        Err(err) if is_broken_pipe(&err) => {
            // The reader went away (`keysweep rules | head`): nothing left to tell it. (Scan
            // reports handle this themselves and keep the scan's verdict as the exit code.)
            ExitCode::from(if listing { 0 } else { 2 })
        }
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

/// True when the error is a write to a closed pipe.
fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
