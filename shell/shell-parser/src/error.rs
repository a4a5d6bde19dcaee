//! Parse errors.

use crate::span::Span;

/// One parse error, with PowerShell's ErrorId.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct ParseError {
    /// PowerShell's ErrorId (`MissingEndCurlyBrace`, `EmptyPipeElement`, …) or
    /// `shell::parse::unsupported_syntax`.
    pub id: &'static str,
    /// The message text, exactly as PowerShell 5.1 words it.
    pub message: String,
    /// Where the error is.
    pub span: Span,
    /// `true` when the input simply ended too early (the REPL asks for another line).
    pub incomplete: bool,
}

/// All parse errors of one input (at least one).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", .errors.first().map(|e| e.message.as_str()).unwrap_or("parse error"))]
pub struct ParseErrors {
    /// The errors in source order.
    pub errors: Vec<ParseError>,
}

impl ParseErrors {
    /// `true` when any error marks the input as incomplete (REPL continuation, spec §2.11).
    pub fn is_incomplete(&self) -> bool {
        self.errors.iter().any(|e| e.incomplete)
    }
}
