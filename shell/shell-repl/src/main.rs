//! The `certsh` executable; see the `shell_repl` crate.

use std::process::ExitCode;

use shell_repl::cli::{self, Mode};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let options = match cli::parse_args(&args) {
        Ok(o) => o,
        Err(err) => {
            eprintln!("certsh: {err}");
            return ExitCode::from(64);
        }
    };
    match options.mode {
        Mode::Help => {
            print!("{}", cli::USAGE);
            ExitCode::SUCCESS
        }
        Mode::Version => {
            println!("certsh {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("certsh: the shell engine is not available in this build yet");
            ExitCode::from(1)
        }
    }
}
