//! A host that renders into text buffers exactly as the console does (Out-Default to
//! "stdout", NormalView errors to "stderr"): the scripted host of the snapshot tests and of
//! anything that needs a session's output as text.

use std::collections::VecDeque;
use std::rc::Rc;

use shell_engine::{ErrorRecord, Host, Value};

use super::{OutDefault, Transcript, Views, render_error_record};

/// A host that renders output and errors to strings.
pub struct TextHost {
    out_default: OutDefault,
    /// Rendered output, host text, warnings, verbose and debug lines.
    pub stdout: String,
    /// Rendered error records.
    pub stderr: String,
    /// Answers for confirmations and questions (empty: behaves as non-interactive).
    pub answers: VecDeque<bool>,
    /// Lines for Read-Host.
    pub lines: VecDeque<String>,
    /// The rendering width.
    pub width: usize,
    /// Every prompt shown, as `caption: message`.
    pub prompts: Vec<String>,
    transcript: Option<Transcript>,
}

impl TextHost {
    /// A host with the given views and width.
    pub fn new(views: Rc<Views>, width: usize) -> Self {
        TextHost {
            out_default: OutDefault::new(views),
            stdout: String::new(),
            stderr: String::new(),
            answers: VecDeque::new(),
            lines: VecDeque::new(),
            width,
            prompts: Vec::new(),
            transcript: None,
        }
    }

    /// Appends to the "stdout" buffer (and the transcript).
    fn out(&mut self, text: &str) {
        self.stdout.push_str(text);
        if let Some(transcript) = &mut self.transcript {
            transcript.write(text);
        }
    }

    /// Appends to the "stderr" buffer (and the transcript).
    fn err(&mut self, text: &str) {
        self.stderr.push_str(text);
        if let Some(transcript) = &mut self.transcript {
            transcript.write(text);
        }
    }

    /// Ends the Out-Default session (one REPL input or one script).
    pub fn end_session(&mut self) {
        for line in self.out_default.finish() {
            self.out(&format!("{line}\n"));
        }
    }

    /// The combined transcript: stdout, then (if any) `[stderr]` and the errors, then
    /// `[EOF]`.
    pub fn transcript(&self) -> String {
        let mut out = self.stdout.clone();
        if !self.stderr.is_empty() {
            out.push_str("[stderr]\n");
            out.push_str(&self.stderr);
        }
        out.push_str("[EOF]\n");
        out
    }
}

impl Host for TextHost {
    fn write_output(&mut self, values: &[Value]) {
        for line in self.out_default.push(values, self.width) {
            self.out(&format!("{line}\n"));
        }
    }

    fn write_error(&mut self, record: &ErrorRecord) {
        for line in render_error_record(record) {
            self.err(&format!("{line}\n"));
        }
    }

    fn write_host(&mut self, text: &str, newline: bool) {
        self.out(text);
        if newline {
            self.out("\n");
        }
    }

    fn write_warning(&mut self, text: &str) {
        self.out(&format!("WARNING: {text}\n"));
    }

    fn write_verbose(&mut self, text: &str) {
        self.out(&format!("VERBOSE: {text}\n"));
    }

    fn write_debug(&mut self, text: &str) {
        self.out(&format!("DEBUG: {text}\n"));
    }

    fn start_transcript(
        &mut self,
        path: &std::path::Path,
        append: bool,
        header: &str,
    ) -> Result<(), String> {
        if self.transcript.is_some() {
            return Err(super::transcript::ALREADY_STARTED.to_owned());
        }
        self.transcript = Some(Transcript::start(path, append, header)?);
        Ok(())
    }

    fn stop_transcript(&mut self, footer: &str) -> Option<std::path::PathBuf> {
        self.transcript.take().map(|running| running.stop(footer))
    }

    fn prompt_confirm(&mut self, caption: &str, message: &str) -> Option<bool> {
        self.prompts.push(format!("{caption}: {message}"));
        self.answers.pop_front()
    }

    fn should_continue(&mut self, query: &str, caption: &str) -> Option<bool> {
        self.prompts.push(format!("{caption}: {query}"));
        self.answers.pop_front()
    }

    fn read_line(&mut self, _prompt: &str) -> Option<String> {
        self.lines.pop_front()
    }

    fn read_secure(&mut self, _prompt: &str) -> Option<String> {
        self.lines.pop_front()
    }

    fn width(&self) -> usize {
        self.width
    }
}
