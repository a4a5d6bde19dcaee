//! A running transcript (Start-Transcript): the file that receives a copy of everything a
//! host shows. Hosts own one and call [`Transcript::write`] wherever they print.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The error of a second Start-Transcript while one runs.
pub const ALREADY_STARTED: &str =
    "Transcription has already been started. Use the Stop-Transcript command to stop it.";

/// An open transcript file.
#[derive(Debug)]
pub struct Transcript {
    path: PathBuf,
    file: File,
}

impl Transcript {
    /// Opens (creates, truncates, or with `append` extends) the file and writes `header`.
    ///
    /// # Errors
    /// The I/O error's text.
    pub fn start(path: &Path, append: bool, header: &str) -> Result<Transcript, String> {
        let mut file = std::fs::OpenOptions::new()
            .create(true)
            .write(true)
            .append(append)
            .truncate(!append)
            .open(path)
            .map_err(|error| error.to_string())?;
        file.write_all(header.as_bytes())
            .map_err(|error| error.to_string())?;
        Ok(Transcript {
            path: path.to_path_buf(),
            file,
        })
    }

    /// Appends text as shown (a failed write is dropped: the console output stands).
    pub fn write(&mut self, text: &str) {
        let _ = self.file.write_all(text.as_bytes());
    }

    /// Writes `footer` and closes the file; returns its path.
    pub fn stop(mut self, footer: &str) -> PathBuf {
        self.write(footer);
        let _ = self.file.flush();
        self.path
    }
}
