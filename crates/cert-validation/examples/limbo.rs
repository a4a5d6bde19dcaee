//! x509-limbo harness (design.md §7): reads a limbo JSON document on stdin and writes
//! `{"version":1,"harness":"certsh","results":[…]}` on stdout.
//!
//! `cargo run -q --release -p cert-validation --example limbo < limbo.json > results.json`

use std::io::Read;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut input = String::new();
    if let Err(error) = std::io::stdin().read_to_string(&mut input) {
        eprintln!("limbo: cannot read stdin: {error}");
        return ExitCode::FAILURE;
    }
    // The harness is an edge like the REPL: cases with a null validation_time mean "now".
    #[allow(clippy::disallowed_methods)]
    let now = time::OffsetDateTime::now_utc();
    match cert_validation::limbo::run_document(&input, now) {
        Ok(results) => match serde_json::to_string(&results) {
            Ok(json) => {
                println!("{json}");
                ExitCode::SUCCESS
            }
            Err(error) => {
                eprintln!("limbo: cannot write results: {error}");
                ExitCode::FAILURE
            }
        },
        Err(error) => {
            eprintln!("limbo: {error}");
            ExitCode::FAILURE
        }
    }
}
