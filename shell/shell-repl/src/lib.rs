//! The certsh binary: command line, REPL and the system clock.
//!
//! This crate parses the command line of design.md §2 ([`cli`]), reads the environment and
//! the system clock ([`env`], the only place in certsh that does), and runs the REPL or a
//! script. It does not interpret the language (that is `shell-engine`) or format objects
//! (`shell-cmdlets`' Out-Default). Tests: unit tests at the bottom of each module; the
//! end-to-end and pseudo-terminal tests live in `tests/`.

pub mod cli;
pub mod complete;
pub mod env;
pub mod host;
pub mod repl;
pub mod session;
