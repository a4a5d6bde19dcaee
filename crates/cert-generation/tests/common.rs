//! Helpers: run openssl in a temporary directory.

use std::path::{Path, PathBuf};
use std::process::Command;

/// A scratch directory for openssl's files.
pub struct Scratch {
    dir: tempfile::TempDir,
}

impl Default for Scratch {
    fn default() -> Self {
        Scratch::new()
    }
}

impl Scratch {
    pub fn new() -> Scratch {
        Scratch {
            dir: tempfile::tempdir().expect("a temporary directory can be made"),
        }
    }

    /// Writes `bytes` to `name` and returns its path.
    pub fn write(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::write(&path, bytes).expect("the scratch directory is writable");
        path
    }

    /// Writes a DER certificate as PEM and returns its path.
    pub fn write_cert_pem(&self, name: &str, der: &[u8]) -> PathBuf {
        self.write(name, pem("CERTIFICATE", der).as_bytes())
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn dir(&self) -> &Path {
        self.dir.path()
    }
}

/// PEM armour for tests (LF line ends).
pub fn pem(label: &str, der: &[u8]) -> String {
    use base64::Engine as _;
    let body = base64::engine::general_purpose::STANDARD.encode(der);
    let mut out = format!("-----BEGIN {label}-----\n");
    for chunk in body.as_bytes().chunks(64) {
        out.push_str(std::str::from_utf8(chunk).expect("Base64 is ASCII"));
        out.push('\n');
    }
    out.push_str(&format!("-----END {label}-----\n"));
    out
}

/// Output of one openssl run.
pub struct Run {
    pub success: bool,
    pub stdout: String,
    pub stderr: String,
}

/// Runs `openssl args…` in `dir`.
pub fn openssl(dir: &Path, args: &[&str]) -> Run {
    let output = Command::new("openssl")
        .current_dir(dir)
        .args(args)
        .output()
        .expect("openssl 3 is installed");
    Run {
        success: output.status.success(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// Runs openssl and fails the test with its stderr when it fails.
#[track_caller]
pub fn openssl_ok(dir: &Path, args: &[&str]) -> String {
    let run = openssl(dir, args);
    assert!(
        run.success,
        "openssl {args:?} failed:\n{}\n{}",
        run.stdout, run.stderr
    );
    run.stdout
}
