//! A host that renders into text buffers exactly as the console does (Out-Default to
//! "stdout", NormalView errors to "stderr"): the scripted host of the snapshot tests and of
//! anything that needs a session's output as text.

use std::collections::VecDeque;
use std::rc::Rc;

use shell_engine::{ErrorRecord, Host, Value};

use super::{OutDefault, Views, render_error_record};

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
        }
    }

    /// Ends the Out-Default session (one REPL input or one script).
    pub fn end_session(&mut self) {
        for line in self.out_default.finish() {
            self.stdout.push_str(&line);
            self.stdout.push('\n');
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
            self.stdout.push_str(&line);
            self.stdout.push('\n');
        }
    }

    fn write_error(&mut self, record: &ErrorRecord) {
        for line in render_error_record(record) {
            self.stderr.push_str(&line);
            self.stderr.push('\n');
        }
    }

    fn write_host(&mut self, text: &str, newline: bool) {
        self.stdout.push_str(text);
        if newline {
            self.stdout.push('\n');
        }
    }

    fn write_warning(&mut self, text: &str) {
        self.stdout.push_str(&format!("WARNING: {text}\n"));
    }

    fn write_verbose(&mut self, text: &str) {
        self.stdout.push_str(&format!("VERBOSE: {text}\n"));
    }

    fn write_debug(&mut self, text: &str) {
        self.stdout.push_str(&format!("DEBUG: {text}\n"));
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
