//! The host: where output, errors and prompts go (style §4).

use std::collections::VecDeque;

use crate::error::ErrorRecord;
use crate::value::Value;

/// .NET's `System.ConsoleColor`, for `Write-Host -ForegroundColor/-BackgroundColor`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConsoleColor {
    /// Black.
    Black,
    /// DarkBlue.
    DarkBlue,
    /// DarkGreen.
    DarkGreen,
    /// DarkCyan.
    DarkCyan,
    /// DarkRed.
    DarkRed,
    /// DarkMagenta.
    DarkMagenta,
    /// DarkYellow.
    DarkYellow,
    /// Gray.
    Gray,
    /// DarkGray.
    DarkGray,
    /// Blue.
    Blue,
    /// Green.
    Green,
    /// Cyan.
    Cyan,
    /// Red.
    Red,
    /// Magenta.
    Magenta,
    /// Yellow.
    Yellow,
    /// White.
    White,
}

impl ConsoleColor {
    /// Every colour, in the enum's numeric order (0–15).
    pub const ALL: [ConsoleColor; 16] = [
        ConsoleColor::Black,
        ConsoleColor::DarkBlue,
        ConsoleColor::DarkGreen,
        ConsoleColor::DarkCyan,
        ConsoleColor::DarkRed,
        ConsoleColor::DarkMagenta,
        ConsoleColor::DarkYellow,
        ConsoleColor::Gray,
        ConsoleColor::DarkGray,
        ConsoleColor::Blue,
        ConsoleColor::Green,
        ConsoleColor::Cyan,
        ConsoleColor::Red,
        ConsoleColor::Magenta,
        ConsoleColor::Yellow,
        ConsoleColor::White,
    ];

    /// The .NET name.
    pub fn name(self) -> &'static str {
        match self {
            ConsoleColor::Black => "Black",
            ConsoleColor::DarkBlue => "DarkBlue",
            ConsoleColor::DarkGreen => "DarkGreen",
            ConsoleColor::DarkCyan => "DarkCyan",
            ConsoleColor::DarkRed => "DarkRed",
            ConsoleColor::DarkMagenta => "DarkMagenta",
            ConsoleColor::DarkYellow => "DarkYellow",
            ConsoleColor::Gray => "Gray",
            ConsoleColor::DarkGray => "DarkGray",
            ConsoleColor::Blue => "Blue",
            ConsoleColor::Green => "Green",
            ConsoleColor::Cyan => "Cyan",
            ConsoleColor::Red => "Red",
            ConsoleColor::Magenta => "Magenta",
            ConsoleColor::Yellow => "Yellow",
            ConsoleColor::White => "White",
        }
    }

    /// The colour of a name (case-insensitive).
    pub fn from_name(name: &str) -> Option<ConsoleColor> {
        ConsoleColor::ALL
            .into_iter()
            .find(|color| color.name().eq_ignore_ascii_case(name))
    }

    /// The ANSI SGR code of the colour as a foreground (add 10 for the background): the dark
    /// colours are the eight standard ones, the others their bright variants.
    pub fn ansi_foreground(self) -> u8 {
        match self {
            ConsoleColor::Black => 30,
            ConsoleColor::DarkRed => 31,
            ConsoleColor::DarkGreen => 32,
            ConsoleColor::DarkYellow => 33,
            ConsoleColor::DarkBlue => 34,
            ConsoleColor::DarkMagenta => 35,
            ConsoleColor::DarkCyan => 36,
            ConsoleColor::Gray => 37,
            ConsoleColor::DarkGray => 90,
            ConsoleColor::Red => 91,
            ConsoleColor::Green => 92,
            ConsoleColor::Yellow => 93,
            ConsoleColor::Blue => 94,
            ConsoleColor::Magenta => 95,
            ConsoleColor::Cyan => 96,
            ConsoleColor::White => 97,
        }
    }
}

/// A `Write-Progress` record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProgressRecord {
    /// `-Id` (several activities may show at once).
    pub id: i32,
    /// `-Activity`.
    pub activity: String,
    /// `-Status`.
    pub status: String,
    /// `-PercentComplete` (`-1`: unknown).
    pub percent: i32,
    /// `-CurrentOperation`.
    pub operation: String,
    /// `-Completed`: the activity ends and its bar goes away.
    pub completed: bool,
}

/// The outside world of a session: the console in the REPL, a recorder in tests.
pub trait Host: std::any::Any {
    /// Output of one top-level statement (Out-Default is the host owner's job).
    fn write_output(&mut self, values: &[Value]);
    /// An error record to display.
    fn write_error(&mut self, record: &ErrorRecord);
    /// `Write-Host` text and "What if:" lines.
    fn write_host(&mut self, text: &str, newline: bool);
    /// `Write-Host -ForegroundColor/-BackgroundColor`: the text in those colours where the host
    /// can show colours; by default, plain.
    fn write_host_colored(
        &mut self,
        text: &str,
        newline: bool,
        foreground: Option<ConsoleColor>,
        background: Option<ConsoleColor>,
    ) {
        let _ = (foreground, background);
        self.write_host(text, newline);
    }
    /// Start-Transcript: from now on, everything this host shows is also appended to `path`
    /// (after `header`). The error text when the file cannot be opened, or when the host
    /// keeps no transcripts.
    fn start_transcript(
        &mut self,
        path: &std::path::Path,
        append: bool,
        header: &str,
    ) -> Result<(), String> {
        let _ = (path, append, header);
        Err("This host does not support transcription.".to_owned())
    }
    /// Stop-Transcript: writes `footer`, closes the file and returns its path; `None` when no
    /// transcript is running.
    fn stop_transcript(&mut self, footer: &str) -> Option<std::path::PathBuf> {
        let _ = footer;
        None
    }
    /// `Write-Progress`: a console shows (or, when `completed`, removes) a progress line; a host
    /// without a console shows nothing, as PowerShell's progress never reaches an output
    /// stream.
    fn write_progress(&mut self, record: &ProgressRecord) {
        let _ = record;
    }
    /// A warning (`WARNING: ` is added by the host).
    fn write_warning(&mut self, text: &str);
    /// A verbose message (`VERBOSE: ` is added by the host).
    fn write_verbose(&mut self, text: &str);
    /// A debug message (`DEBUG: ` is added by the host).
    fn write_debug(&mut self, text: &str);
    /// ShouldProcess confirmation: `Some(answer)`, or `None` when it cannot prompt.
    fn prompt_confirm(&mut self, caption: &str, message: &str) -> Option<bool>;
    /// ShouldContinue question: `Some(answer)`, or `None` when it cannot prompt.
    fn should_continue(&mut self, query: &str, caption: &str) -> Option<bool>;
    /// Reads a line (`Read-Host`); `None` when there is no input.
    fn read_line(&mut self, prompt: &str) -> Option<String>;
    /// Reads a secret (`Read-Host -AsSecureString`); `None` when there is no input.
    fn read_secure(&mut self, prompt: &str) -> Option<String>;
    /// The display width in columns.
    fn width(&self) -> usize;
}

/// One event recorded by [`ScriptedHost`].
#[derive(Debug, Clone, PartialEq)]
pub enum HostEvent {
    /// Values written by a top-level statement.
    Output(Vec<Value>),
    /// An error record.
    Error(ErrorRecord),
    /// Host text (newline flag).
    Host(String, bool),
    /// A warning.
    Warning(String),
    /// A verbose message.
    Verbose(String),
    /// A debug message.
    Debug(String),
    /// A confirmation or question asked (caption/query, message).
    Prompt(String, String),
}

/// A test host: records everything, answers prompts from a queue (empty → `None`,
/// i.e. behaves as a non-interactive host).
#[derive(Debug, Clone)]
pub struct ScriptedHost {
    /// Everything written, in order.
    pub events: Vec<HostEvent>,
    /// Answers for `prompt_confirm` / `should_continue`.
    pub answers: VecDeque<bool>,
    /// Lines for `read_line` / `read_secure`.
    pub lines: VecDeque<String>,
    /// The width reported.
    pub width: usize,
}

impl Default for ScriptedHost {
    fn default() -> Self {
        ScriptedHost {
            events: Vec::new(),
            answers: VecDeque::new(),
            lines: VecDeque::new(),
            width: 80,
        }
    }
}

impl ScriptedHost {
    /// A host with width 80 and no answers.
    pub fn new() -> Self {
        Self::default()
    }

    /// Every output value, flattened, in order.
    pub fn outputs(&self) -> Vec<Value> {
        self.events
            .iter()
            .filter_map(|e| match e {
                HostEvent::Output(v) => Some(v.clone()),
                _ => None,
            })
            .flatten()
            .collect()
    }

    /// The string forms of every output value.
    pub fn output_strings(&self) -> Vec<String> {
        self.outputs().iter().map(Value::to_string_form).collect()
    }

    /// Every error record, in order.
    pub fn errors(&self) -> Vec<ErrorRecord> {
        self.events
            .iter()
            .filter_map(|e| match e {
                HostEvent::Error(r) => Some(r.clone()),
                _ => None,
            })
            .collect()
    }

    /// The host text written (lines joined as written).
    pub fn host_text(&self) -> String {
        let mut out = String::new();
        for e in &self.events {
            if let HostEvent::Host(t, nl) = e {
                out.push_str(t);
                if *nl {
                    out.push('\n');
                }
            }
        }
        out
    }
}

impl Host for ScriptedHost {
    fn write_output(&mut self, values: &[Value]) {
        self.events.push(HostEvent::Output(values.to_vec()));
    }
    fn write_error(&mut self, record: &ErrorRecord) {
        self.events.push(HostEvent::Error(record.clone()));
    }
    fn write_host(&mut self, text: &str, newline: bool) {
        self.events.push(HostEvent::Host(text.to_string(), newline));
    }
    fn write_warning(&mut self, text: &str) {
        self.events.push(HostEvent::Warning(text.to_string()));
    }
    fn write_verbose(&mut self, text: &str) {
        self.events.push(HostEvent::Verbose(text.to_string()));
    }
    fn write_debug(&mut self, text: &str) {
        self.events.push(HostEvent::Debug(text.to_string()));
    }
    fn prompt_confirm(&mut self, caption: &str, message: &str) -> Option<bool> {
        self.events
            .push(HostEvent::Prompt(caption.to_string(), message.to_string()));
        self.answers.pop_front()
    }
    fn should_continue(&mut self, query: &str, caption: &str) -> Option<bool> {
        self.events
            .push(HostEvent::Prompt(caption.to_string(), query.to_string()));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripted_host_records_and_answers() {
        let mut h = ScriptedHost::new();
        h.answers.push_back(true);
        h.write_host("a", false);
        h.write_host("b", true);
        h.write_output(&[Value::Int(1)]);
        assert_eq!(h.prompt_confirm("Confirm", "sure?"), Some(true));
        assert_eq!(h.should_continue("again?", "Caption"), None);
        assert_eq!(h.host_text(), "ab\n");
        assert_eq!(h.output_strings(), ["1"]);
        assert_eq!(h.width(), 80);
    }
}
