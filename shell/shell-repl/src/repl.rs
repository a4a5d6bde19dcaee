//! The interactive loop: prompts `PS certsh> ` and `>> `, history, tab completion, Ctrl-C
//! cancels the line, Ctrl-D exits.
//!
//! Continuation (spec §2.11) is driven by the parser's `incomplete` flag: while the
//! accumulated buffer parses as incomplete, the loop reads another line with the `>> `
//! prompt; an empty continuation line submits the buffer anyway so the user can escape and
//! see the real error.

use std::path::PathBuf;

use rustyline::completion::{Completer, Pair};
use rustyline::error::ReadlineError;
use rustyline::highlight::Highlighter;
use rustyline::hint::Hinter;
use rustyline::history::DefaultHistory;
use rustyline::validate::Validator;
use rustyline::{Context as LineContext, Editor, Helper};

use crate::complete::{CompletionSource, complete};

/// The primary prompt.
pub const PROMPT: &str = "PS certsh> ";
/// The continuation prompt.
pub const CONTINUATION: &str = ">> ";

/// What the REPL needs from a shell session.
pub trait Shell {
    /// Runs one submitted input; `Some(code)` when it ran `exit`.
    fn run_input(&mut self, text: &str) -> Option<i32>;
    /// `true` when `text` parses as incomplete input (ask for another line).
    fn is_incomplete(&self, text: &str) -> bool;
    /// The completion data as the session knows it now.
    fn completion(&self) -> CompletionData;
    /// Updates the rendering width before an input runs.
    fn set_width(&mut self, width: usize);
}

/// A command's parameters for completion: `(parameter, enum members)`.
pub type ParameterList = Vec<(String, Vec<String>)>;

/// A snapshot of what tab completion can offer.
#[derive(Clone, Debug, Default)]
pub struct CompletionData {
    /// Cmdlets, aliases and functions.
    pub names: Vec<String>,
    /// `(alias, command)`.
    pub aliases: Vec<(String, String)>,
    /// `(command, [(parameter, enum members)])`.
    pub parameters: Vec<(String, ParameterList)>,
}

impl CompletionSource for CompletionData {
    fn command_names(&self) -> Vec<String> {
        self.names.clone()
    }

    fn parameters(&self, command: &str) -> Option<Vec<(String, Vec<String>)>> {
        let target = self
            .aliases
            .iter()
            .find(|(a, _)| a.eq_ignore_ascii_case(command))
            .map(|(_, c)| c.as_str())
            .unwrap_or(command);
        self.parameters
            .iter()
            .find(|(c, _)| c.eq_ignore_ascii_case(target))
            .map(|(_, p)| p.clone())
    }
}

/// The rustyline helper: completion only.
#[derive(Default)]
pub struct ReplHelper {
    /// The current completion data.
    pub data: CompletionData,
}

impl Completer for ReplHelper {
    type Candidate = Pair;

    fn complete(
        &self,
        line: &str,
        pos: usize,
        _ctx: &LineContext<'_>,
    ) -> rustyline::Result<(usize, Vec<Pair>)> {
        let c = complete(line, pos, &self.data);
        let pairs = c
            .candidates
            .into_iter()
            .map(|s| Pair {
                display: s.clone(),
                replacement: s,
            })
            .collect();
        Ok((c.start, pairs))
    }
}

impl Hinter for ReplHelper {
    type Hint = String;
}
impl Highlighter for ReplHelper {}
impl Validator for ReplHelper {}
impl Helper for ReplHelper {}

/// `true` when a whole input asks to clear the screen.
fn is_clear(text: &str) -> bool {
    let t = text.trim();
    ["cls", "clear", "clear-host"]
        .iter()
        .any(|c| t.eq_ignore_ascii_case(c))
}

/// Runs the REPL until `exit` or Ctrl-D; returns the process exit code.
pub fn run(shell: &mut dyn Shell, history: Option<PathBuf>) -> i32 {
    let mut editor: Editor<ReplHelper, DefaultHistory> = match Editor::new() {
        Ok(e) => e,
        Err(err) => {
            eprintln!("certsh: cannot start the line editor: {err}");
            return 1;
        }
    };
    editor.set_helper(Some(ReplHelper::default()));
    if let Some(path) = &history {
        let _ = editor.load_history(path);
    }
    let code = loop {
        if let Some(helper) = editor.helper_mut() {
            helper.data = shell.completion();
        }
        let mut buffer = match editor.readline(PROMPT) {
            Ok(line) => line,
            Err(ReadlineError::Interrupted) => continue,
            Err(ReadlineError::Eof) => break 0,
            Err(err) => {
                eprintln!("certsh: {err}");
                break 1;
            }
        };
        let mut cancelled = false;
        while shell.is_incomplete(&buffer) {
            match editor.readline(CONTINUATION) {
                Ok(line) if line.trim().is_empty() => break,
                Ok(line) => {
                    buffer.push('\n');
                    buffer.push_str(&line);
                }
                Err(ReadlineError::Interrupted) | Err(ReadlineError::Eof) => {
                    cancelled = true;
                    break;
                }
                Err(err) => {
                    eprintln!("certsh: {err}");
                    cancelled = true;
                    break;
                }
            }
        }
        if cancelled || buffer.trim().is_empty() {
            continue;
        }
        let _ = editor.add_history_entry(buffer.as_str());
        if let Some((cols, _)) = editor.dimensions() {
            shell.set_width(usize::from(cols));
        }
        if is_clear(&buffer) {
            print!("\x1b[2J\x1b[H");
        }
        if let Some(code) = shell.run_input(&buffer) {
            break code;
        }
    };
    if let Some(path) = &history {
        if let Some(dir) = path.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        let _ = editor.save_history(path);
    }
    code
}
