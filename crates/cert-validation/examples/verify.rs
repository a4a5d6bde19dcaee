//! `openssl verify`-style front end for comparisons (benches/openssl_compare.sh):
//!
//! `verify -CAfile roots.pem [-untrusted pool.pem] leaf.pem…` prints `leaf.pem: OK` or
//! `leaf.pem: <Status>: <reason>` per leaf, then the validation time on stderr; exits 1 when
//! any leaf is not Valid. Every certificate of the CAfile is an anchor.

use std::process::ExitCode;
use std::time::Instant;

use cert_model::{Certificate, RootCaType, Status};
use cert_validation::{Policy, SelfSignedRule, TrustAnchor, Validator};

fn read_all(path: &str) -> Result<Vec<Certificate>, String> {
    let bytes = std::fs::read(path).map_err(|error| format!("{path}: {error}"))?;
    Certificate::parse_any(&bytes).map_err(|error| format!("{path}: {error}"))
}

fn run() -> Result<bool, String> {
    let mut args = std::env::args().skip(1);
    let mut anchors = Vec::new();
    let mut pool = Vec::new();
    let mut leaves = Vec::new();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-CAfile" => {
                let path = args.next().ok_or("-CAfile needs a file")?;
                anchors.extend(
                    read_all(&path)?
                        .into_iter()
                        .map(|c| TrustAnchor::new(c, RootCaType::Registry)),
                );
            }
            "-untrusted" => pool.extend(read_all(&args.next().ok_or("-untrusted needs a file")?)?),
            _ => leaves.push(arg),
        }
    }
    // An edge, like the REPL: "now" is read here and passed down.
    #[allow(clippy::disallowed_methods)]
    let now = time::OffsetDateTime::now_utc();
    let started = Instant::now();
    let validator = Validator::new(anchors)
        .with_intermediates(pool)
        .with_policy(Policy {
            self_signed: SelfSignedRule::Untrusted,
            ..Policy::default()
        });
    let mut all_valid = true;
    let mut out = String::new();
    for path in &leaves {
        let bytes = std::fs::read(path).map_err(|error| format!("{path}: {error}"))?;
        let leaf = Certificate::parse_any(&bytes)
            .map_err(|error| format!("{path}: {error}"))?
            .into_iter()
            .next()
            .ok_or_else(|| format!("{path}: no certificate"))?;
        let answer = validator.validate(&leaf, now);
        if answer.status == Status::Valid {
            out.push_str(&format!("{path}: OK\n"));
        } else {
            all_valid = false;
            out.push_str(&format!("{path}: {}: {}\n", answer.status, answer.reason));
        }
    }
    let elapsed = started.elapsed();
    print!("{out}");
    eprintln!(
        "validated {} leaves in {:.3} ms",
        leaves.len(),
        elapsed.as_secs_f64() * 1e3
    );
    Ok(all_valid)
}

fn main() -> ExitCode {
    match run() {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(error) => {
            eprintln!("verify: {error}");
            ExitCode::from(2)
        }
    }
}
