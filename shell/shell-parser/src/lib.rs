//! PowerShell-subset parser: source text to a spanned AST.
//!
//! The parser follows `shared/spec/shell-language.md` §1–§3: argument vs expression
//! mode, quoting and escapes, parameter tokens, arrays, hashtables, script blocks,
//! statements, here-strings, splatting, comments and continuation. It knows no command
//! or parameter names; binding is `shell-engine`'s job. Unsupported syntax (spec §13.2
//! as amended by design.md §8) is a clear error naming the construct.
//!
//! Tests: unit tests at the bottom of each module and `tests/` (the §12 examples).

pub mod ast;
mod error;
mod span;

pub use error::{ParseError, ParseErrors};
pub use span::Span;
