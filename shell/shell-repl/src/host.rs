//! The console host: output through Out-Default to stdout, errors to stderr (red on a
//! colour terminal), prompts only when interactive (design.md §8.3).

use std::io::{BufRead, Write};
use std::rc::Rc;

use shell_cmdlets::format::{OutDefault, Transcript, Views, render_error_record, transcript};
use shell_engine::{ConsoleColor, ErrorRecord, Host, ProgressRecord, Value};

/// ANSI colours used on a terminal.
const RED: &str = "\x1b[31m";
const YELLOW: &str = "\x1b[33m";
const RESET: &str = "\x1b[0m";

/// The confirmation choices line (PowerShell's ShouldProcess prompt).
pub const CHOICES: &str =
    "[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [?] Help (default is \"Y\"): ";

/// The help text shown for `?` at a confirmation prompt.
const CHOICES_HELP: &str = "Y - Continue with only the next step of the operation.
A - Continue with all the steps of the operation.
N - Skip this operation and proceed with the next operation.
L - Skip this operation and all subsequent operations.";

/// A remembered "to All" answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Sticky {
    None,
    YesToAll,
    NoToAll,
}

/// The host of the `certsh` process.
pub struct ConsoleHost {
    out_default: OutDefault,
    interactive: bool,
    color_out: bool,
    color_err: bool,
    width: usize,
    sticky: Sticky,
    /// Whether Write-Progress draws (stderr is a terminal).
    progress: bool,
    /// Whether Read-Host may read lines from a redirected stdin (not the script's source).
    piped_input: bool,
    /// Whether a progress line is on the screen now.
    progress_shown: bool,
    /// The running transcript (Start-Transcript).
    transcript: Option<Transcript>,
}

impl ConsoleHost {
    /// A host; `interactive` allows prompts, the colour flags allow escape codes on stdout
    /// and stderr, `width` is the rendering width.
    pub fn new(
        views: Rc<Views>,
        interactive: bool,
        color_out: bool,
        color_err: bool,
        width: usize,
    ) -> Self {
        ConsoleHost {
            out_default: OutDefault::new(views),
            interactive,
            color_out,
            color_err,
            width,
            sticky: Sticky::None,
            progress: false,
            progress_shown: false,
            piped_input: false,
            transcript: None,
        }
    }

    /// Sets the rendering width (the REPL asks the terminal before each input).
    pub fn set_width(&mut self, width: usize) {
        self.width = width.max(1);
    }

    /// Sets `$FormatEnumerationLimit` for Out-Default.
    pub fn set_enumeration_limit(&mut self, limit: usize) {
        self.out_default.set_enumeration_limit(limit);
    }

    /// Ends the Out-Default session (one REPL input, one script): trailing framing.
    pub fn end_session(&mut self) {
        self.clear_progress();
        let lines = self.out_default.finish();
        for line in &lines {
            self.mirror(&format!("{line}\n"));
        }
        print_lines(&lines);
        self.sticky = Sticky::None;
    }

    /// Builder: draw Write-Progress lines (on stderr, which must be a terminal).
    pub fn with_progress(mut self, enabled: bool) -> Self {
        self.progress = enabled;
        self
    }

    /// Builder: let Read-Host read lines from stdin though it is not a terminal (a script run
    /// with its answers piped in, as Windows PowerShell reads redirected input).
    pub fn with_piped_input(mut self, enabled: bool) -> Self {
        self.piped_input = enabled;
        self
    }

    /// A line of redirected stdin, after writing the prompt as the console would.
    fn piped_line(&mut self, prompt: &str) -> Option<String> {
        let mut out = std::io::stdout();
        let _ = write!(out, "{}", prompt_text(prompt));
        let _ = out.flush();
        let mut line = String::new();
        let read = std::io::stdin().lock().read_line(&mut line);
        // The answer is not echoed by a terminal: end the prompt's line.
        let _ = writeln!(out);
        match read {
            Ok(0) | Err(_) => None,
            Ok(_) => Some(line.trim_end_matches(['\n', '\r']).to_string()),
        }
    }

    /// Copies shown text into the running transcript.
    fn mirror(&mut self, text: &str) {
        if let Some(transcript) = &mut self.transcript {
            transcript.write(text);
        }
    }

    /// Removes the progress line before anything else is written.
    fn clear_progress(&mut self) {
        if self.progress_shown {
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r\x1b[2K");
            let _ = err.flush();
            self.progress_shown = false;
        }
    }

    fn prompt_choice(&mut self, caption: &str, message: &str) -> Option<bool> {
        self.clear_progress();
        if !self.interactive {
            return None;
        }
        match self.sticky {
            Sticky::YesToAll => return Some(true),
            Sticky::NoToAll => return Some(false),
            Sticky::None => {}
        }
        let mut out = std::io::stdout();
        let _ = writeln!(out, "\n{caption}\n{message}");
        loop {
            let _ = write!(out, "{CHOICES}");
            let _ = out.flush();
            let mut line = String::new();
            match std::io::stdin().lock().read_line(&mut line) {
                Ok(0) | Err(_) => return None,
                Ok(_) => {}
            }
            match line.trim().to_ascii_uppercase().as_str() {
                "" | "Y" => return Some(true),
                "A" => {
                    self.sticky = Sticky::YesToAll;
                    return Some(true);
                }
                "N" => return Some(false),
                "L" => {
                    self.sticky = Sticky::NoToAll;
                    return Some(false);
                }
                _ => {
                    let _ = writeln!(out, "{CHOICES_HELP}");
                }
            }
        }
    }

    fn stream_line(&mut self, label: &str, text: &str) {
        self.clear_progress();
        let line = format!("{label}: {text}");
        self.mirror(&format!("{line}\n"));
        if self.color_out {
            println!("{YELLOW}{line}{RESET}");
        } else {
            println!("{line}");
        }
    }
}

/// The one-line form of a progress record, at most `width - 1` characters: the activity, the
/// status, a 20-cell bar with the percentage when it is known, the current operation.
fn progress_line(record: &ProgressRecord, width: usize) -> String {
    let mut line = format!("{}: {}", record.activity, record.status);
    if (0..=100).contains(&record.percent) {
        let filled = usize::try_from(record.percent / 5).unwrap_or(0);
        line.push_str(&format!(
            " [{}{}] {}%",
            "o".repeat(filled),
            " ".repeat(20 - filled),
            record.percent
        ));
    }
    if !record.operation.is_empty() {
        line.push_str(&format!(" {}", record.operation));
    }
    line.chars().take(width.saturating_sub(1).max(1)).collect()
}

/// A prompt as shown: PowerShell adds `: ` unless the text already ends with a colon.
fn prompt_text(prompt: &str) -> String {
    let trimmed = prompt.trim_end();
    if trimmed.ends_with(':') {
        format!("{trimmed} ")
    } else {
        format!("{trimmed}: ")
    }
}

fn print_lines(lines: &[String]) {
    let mut out = std::io::stdout().lock();
    for line in lines {
        let _ = writeln!(out, "{line}");
    }
    let _ = out.flush();
}

impl Host for ConsoleHost {
    fn write_output(&mut self, values: &[Value]) {
        let lines = self.out_default.push(values, self.width);
        if !lines.is_empty() {
            self.clear_progress();
        }
        for line in &lines {
            self.mirror(&format!("{line}\n"));
        }
        print_lines(&lines);
    }

    fn write_error(&mut self, record: &ErrorRecord) {
        self.clear_progress();
        let _ = std::io::stdout().flush();
        let lines = render_error_record(record);
        for line in &lines {
            self.mirror(&format!("{line}\n"));
        }
        let mut err = std::io::stderr().lock();
        for line in lines {
            if self.color_err && !line.is_empty() {
                let _ = writeln!(err, "{RED}{line}{RESET}");
            } else {
                let _ = writeln!(err, "{line}");
            }
        }
    }

    fn write_host(&mut self, text: &str, newline: bool) {
        self.clear_progress();
        self.mirror(&format!("{text}{}", if newline { "\n" } else { "" }));
        let mut out = std::io::stdout().lock();
        let _ = if newline {
            writeln!(out, "{text}")
        } else {
            write!(out, "{text}")
        };
        let _ = out.flush();
    }

    fn write_host_colored(
        &mut self,
        text: &str,
        newline: bool,
        foreground: Option<ConsoleColor>,
        background: Option<ConsoleColor>,
    ) {
        if !self.color_out || (foreground.is_none() && background.is_none()) {
            self.write_host(text, newline);
            return;
        }
        let codes: Vec<String> = foreground
            .map(|color| color.ansi_foreground().to_string())
            .into_iter()
            .chain(background.map(|color| (color.ansi_foreground() + 10).to_string()))
            .collect();
        let styled = format!("\x1b[{}m{text}{RESET}", codes.join(";"));
        self.write_host(&styled, newline);
    }

    fn write_warning(&mut self, text: &str) {
        self.stream_line("WARNING", text);
    }

    fn write_verbose(&mut self, text: &str) {
        self.stream_line("VERBOSE", text);
    }

    fn write_debug(&mut self, text: &str) {
        self.stream_line("DEBUG", text);
    }

    fn prompt_confirm(&mut self, caption: &str, message: &str) -> Option<bool> {
        self.prompt_choice(caption, message)
    }

    fn should_continue(&mut self, query: &str, caption: &str) -> Option<bool> {
        self.prompt_choice(caption, query)
    }

    fn start_transcript(
        &mut self,
        path: &std::path::Path,
        append: bool,
        header: &str,
    ) -> Result<(), String> {
        if self.transcript.is_some() {
            return Err(transcript::ALREADY_STARTED.to_owned());
        }
        self.transcript = Some(Transcript::start(path, append, header)?);
        Ok(())
    }

    fn stop_transcript(&mut self, footer: &str) -> Option<std::path::PathBuf> {
        self.transcript.take().map(|running| running.stop(footer))
    }

    fn write_progress(&mut self, record: &ProgressRecord) {
        if !self.progress {
            return;
        }
        if record.completed {
            self.clear_progress();
            return;
        }
        let line = progress_line(record, self.width);
        let mut err = std::io::stderr().lock();
        let _ = write!(err, "\r\x1b[2K{line}");
        let _ = err.flush();
        self.progress_shown = true;
    }

    fn read_line(&mut self, prompt: &str) -> Option<String> {
        self.clear_progress();
        if !self.interactive {
            return self.piped_input.then(|| self.piped_line(prompt)).flatten();
        }
        let mut out = std::io::stdout();
        let _ = write!(out, "{}", prompt_text(prompt));
        let _ = out.flush();
        let mut line = String::new();
        match std::io::stdin().lock().read_line(&mut line) {
            Ok(0) | Err(_) => None,
            Ok(_) => Some(line.trim_end_matches(['\n', '\r']).to_string()),
        }
    }

    fn read_secure(&mut self, prompt: &str) -> Option<String> {
        self.clear_progress();
        if !self.interactive {
            return self.piped_input.then(|| self.piped_line(prompt)).flatten();
        }
        let mut editor =
            rustyline::Editor::<MaskingHelper, rustyline::history::DefaultHistory>::new().ok()?;
        editor.set_helper(Some(MaskingHelper));
        editor.readline(&prompt_text(prompt)).ok()
    }

    fn width(&self) -> usize {
        self.width
    }
}

/// A rustyline helper that shows every typed character as `*` (secure input).
struct MaskingHelper;

impl rustyline::highlight::Highlighter for MaskingHelper {
    fn highlight<'l>(&self, line: &'l str, _pos: usize) -> std::borrow::Cow<'l, str> {
        std::borrow::Cow::Owned("*".repeat(line.chars().count()))
    }

    fn highlight_char(
        &self,
        _line: &str,
        _pos: usize,
        _kind: rustyline::highlight::CmdKind,
    ) -> bool {
        true
    }
}

impl rustyline::completion::Completer for MaskingHelper {
    type Candidate = String;
}
impl rustyline::hint::Hinter for MaskingHelper {
    type Hint = String;
}
impl rustyline::validate::Validator for MaskingHelper {}
impl rustyline::Helper for MaskingHelper {}
