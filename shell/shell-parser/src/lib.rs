//! PowerShell-subset parser: source text to a spanned AST.
//!
//! The parser follows `shared/spec/shell-language.md` §1–§3 as amended by design.md §8:
//! argument vs expression mode, quoting and escapes, parameter tokens, arrays, hashtables,
//! script blocks, statements (`if`, `foreach`, `while`, `do`, `for`, `switch`, `try`,
//! functions with `param()` blocks and attributes, flow statements), casts and type
//! literals, method calls, redirections, here-strings, splatting, comments and
//! continuation. It knows no command or parameter names and gives no meaning to types or
//! methods: binding and evaluation are `shell-engine`'s job. Unsupported syntax (classes,
//! `using`, `trap`, `&&`, ternaries, …) is a clear `shell::parse::unsupported_syntax`
//! error naming the construct. The parser stops at the first error; errors that stand at
//! the end of the input are marked incomplete (spec §2.11) so the REPL can ask for more.
//!
//! # AST conventions
//!
//! - Member names (`$x.Name`, `[T]::Name`) are `ExprKind::String` bare words; quoted,
//!   `$var` and `( … )` member names keep their own expression kind.
//! - `[ordered]@{…}` and `[pscustomobject]@{…}` are `ExprKind::Cast` of a hash literal
//!   (`type_name` as written); `[int]` alone is `ExprKind::TypeLiteral`.
//! - Argument-mode numbers carry their source text (`ExprKind::Number.text`); a minus
//!   directly before a number literal in expression mode folds into a negative number.
//! - A condition or collection that is an assignment (`if ($x = f)`) is wrapped as a
//!   one-element pipeline holding `ExprKind::Paren` of the assignment.
//! - `FunctionDefinition.params` holds the `F($a)` list or, failing that, a copy of the
//!   body's `param()` block (which also stays in `body.params`).
//! - Attribute arguments: `Name=value` and bare `Name` (value `None`) are named; all other
//!   arguments are positional expressions.
//!
//! Tests: unit tests at the bottom of `lexer.rs` and `parser.rs`; the §12 examples, the
//! design.md §8 constructs, error and robustness tests in `tests/` (one binary,
//! `tests/main.rs`, S-expression printer in `tests/support`).

pub mod ast;
mod error;
mod lexer;
mod parser;
mod span;

pub use error::{ParseError, ParseErrors};
pub use span::Span;

/// Parses one input (a REPL entry or a whole script file).
///
/// # Errors
///
/// Returns the parse error (PowerShell's ErrorId, message and span) when the input is not
/// valid; [`ParseErrors::is_incomplete`] tells whether more input could complete it.
///
/// # Examples
///
/// ```
/// use shell_parser::ast::StatementKind;
///
/// let script = shell_parser::parse("Get-ExchangeCertificate | fl *")?;
/// let StatementKind::Pipeline(pipeline) = &script.statements[0].kind else { panic!() };
/// assert_eq!(pipeline.elements.len(), 2);
///
/// let errors = shell_parser::parse("Get-ExchangeCertificate |").unwrap_err();
/// assert_eq!(errors.errors[0].id, "EmptyPipeElement");
/// assert!(errors.is_incomplete());
/// # Ok::<(), shell_parser::ParseErrors>(())
/// ```
pub fn parse(source: &str) -> Result<ast::Script, ParseErrors> {
    // The parser is recursive; its nesting limit is sized for this stack (debug builds use
    // about 40 KB per nesting level), so it runs on its own thread whatever the caller's
    // stack is. The memory is reserved, not committed, until deep input touches it.
    std::thread::scope(|scope| {
        let spawned = std::thread::Builder::new()
            .name("shell-parser".into())
            .stack_size(PARSER_STACK_BYTES)
            .spawn_scoped(scope, || parse_on_this_thread(source));
        match spawned {
            Ok(handle) => handle.join().unwrap_or_else(|_| {
                Err(ParseErrors {
                    errors: vec![ParseError {
                        id: "shell::parse::internal_error",
                        message: "The parser failed on this input.".into(),
                        span: Span::new(0, 0),
                        incomplete: false,
                    }],
                })
            }),
            Err(_) => parse_on_this_thread(source),
        }
    })
}

/// Stack for the parser thread: `MAX_DEPTH` levels fit with room to spare.
const PARSER_STACK_BYTES: usize = 16 * 1024 * 1024;

fn parse_on_this_thread(source: &str) -> Result<ast::Script, ParseErrors> {
    parser::Parser::new(source)
        .parse_script()
        .map_err(|errors| ParseErrors { errors })
}
