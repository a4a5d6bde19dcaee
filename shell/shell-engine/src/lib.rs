//! The engine of the PowerShell-style shell: values, the cmdlet API, the parameter
//! binder and a tree-walking evaluator (`shared/spec/shell-language.md` §4, §5, §8–§10).
//!
//! # What it does
//!
//! * [`Value`]: the objects that flow through pipelines (numbers that remember their
//!   argument-mode text, strings, dates, enums, arrays and hashtables with reference
//!   semantics, PSObject-like [`PsObject`]s, script blocks, secure strings, error
//!   records, and opaque [`FormatRecord`] blocks from Format-List/Format-Table), with
//!   the conversions, comparisons, arithmetic and display text of spec §4 and §7.4, and
//!   methods on our own types (design §8.8).
//! * The cmdlet API (style §4): implement [`Cmdlet`] (`signature`, `examples`, `run`,
//!   optional `begin`/`end`), declare parameters with [`Signature`], [`Param`] and
//!   [`Kind`], read them from the bound [`Call`], and reach state, clock, streams,
//!   prompts and variables through [`Context`].
//! * The binder (spec §5): prefixes and aliases including the common parameters,
//!   named/positional/remaining arguments, parameter sets, pipeline binding by value
//!   and by property name, splatting, and the exact messages and ErrorIds of §8.4.
//! * The evaluator: statements, functions with `param()` blocks and
//!   begin/process/end, dynamic scopes, error kinds and `try`/`catch` (§8.1), common
//!   parameters and preference variables (§9), `$?`/`$LASTEXITCODE`/`exit` (§10),
//!   streaming pipelines (a cmdlet's output reaches the next command one object at a
//!   time; functions, native commands and file redirections collect their input),
//!   command lookup (functions, aliases, cmdlets, the implicit `Get-`, native
//!   executables on `PATH`) and redirections (file redirection runs the registered
//!   `Out-File`).
//! * [`Session`]: the registry, variables, state and host; [`Session::run_script`]
//!   parses and runs, giving each top-level statement's output to [`Host::write_output`];
//!   [`Session::run_file`] runs `certsh path.ps1 args…` (binding a `param()` block).
//!   [`RunResult::exit_code`] is design §2's rule, [`RunResult::file_exit_code`] spec
//!   §10.4's.
//!
//! # Writing a cmdlet
//!
//! * `run` is called once per input object; read parameters with [`Call::get`],
//!   [`Call::get_optional`], [`Call::switch`], [`Call::value`]; attach
//!   [`Call::span_of`] to errors about an argument.
//! * `Err(record)` from `run` stops the pipeline (statement-terminating);
//!   [`Context::write_error`] is non-terminating and honours `-ErrorAction`.
//! * Collecting commands keep state in [`Context::scratch`] and emit in `end`;
//!   Select-Object-like commands call [`Context::stop_upstream`].
//! * Changes go through [`Context::should_process`] (`-WhatIf`, `-Confirm`,
//!   `$ConfirmPreference`; `-Force` skips the default confirmation) and questions
//!   through [`Context::should_continue`]; both fail with `shell::confirm::required`
//!   when the host cannot prompt.
//! * Domain parameter kinds are [`Kind::Custom`] with a conversion function; a
//!   mandatory parameter that takes `$null` uses [`Param::allow_null`].
//!
//! # What it does not do
//!
//! It implements no cmdlets (Where-Object, Format-*, Out-Default … live in
//! `shell-cmdlets`), renders nothing (`shell-format` turns records and objects into
//! text), never reads the clock (`now` is given to the session) and never names the
//! domain crates: the application state is the type parameter `S`.
//!
//! # Example
//!
//! ```
//! use std::rc::Rc;
//! use shell_engine::*;
//!
//! struct Greet;
//! impl Cmdlet<()> for Greet {
//!     fn signature(&self) -> Signature {
//!         Signature::new("Get-Greeting").param(Param::new("Name", Kind::String).position(0).mandatory())
//!     }
//!     fn run(&self, call: &Call, cx: &mut Context<()>) -> Result<(), ErrorRecord> {
//!         let name: String = call.get("Name")?;
//!         cx.write_output(Value::from(format!("Hello, {name}")));
//!         Ok(())
//!     }
//! }
//!
//! let now = time::macros::datetime!(2008-08-07 10:04:02 UTC);
//! let mut session = Session::new((), Box::new(ScriptedHost::new()), now);
//! session.register(Rc::new(Greet));
//! let result = session.run_script("Greeting -n World", Origin::Interactive);
//! assert_eq!(result.exit_code(), 0);
//! let host = session.host_as::<ScriptedHost>().expect("the host is a ScriptedHost");
//! assert_eq!(host.output_strings(), ["Hello, World"]);
//! ```
//!
//! # Tests
//!
//! Unit tests sit at the bottom of each module; `tests/main.rs` runs scripts through a
//! [`Session`] with small fake cmdlets declared after spec §12.0 (binder cases S14–S25,
//! S45–S51, S53, S56, S65–S68, S75–S81) and the evaluator.

mod binder;
mod cmdlet;
mod convert;
mod error;
mod eval;
mod host;
mod methods;
mod ops;
mod paths;
mod session;
mod signature;
mod value;

pub use binder::{
    Arg, Binding, SplatEntry, bind_command_line, bind_command_line_prompting, bind_input,
};
pub use cmdlet::{BoundHow, BoundParam, Call, Cmdlet, Context, FromValue};
pub use convert::{
    ConvertArgumentError, TypeName, convert_argument, is_native, parse_datetime, parse_timespan,
};
pub use error::{
    ErrorCategory, ErrorRecord, ErrorRecordData, InvocationInfo, catalogue, short_type_name,
};
pub use host::{ConsoleColor, Host, HostEvent, ProgressRecord, ScriptedHost};
pub use methods::{call_method, format_date, format_value, method_definitions};
pub use ops::{
    RegexMatch, compare, compare_values, format_operator, like, regex_matches, values_equal,
    wildcard_regex,
};
pub use paths::file_path;
pub use session::{CmdletEntry, Origin, Registry, RunResult, Session};
pub use signature::{
    ConfirmImpact, CustomKind, Example, Kind, Param, PipelineInput, SetSpec, Signature,
    action_preference_type, common_parameters,
};
pub use value::{
    EnumType, EnumValue, FormatRecord, Hashtable, MONTH_NAMES, PsObject, ScriptBlockValue,
    SecureString, SourceNumber, Value, format_date_display, format_date_invariant, format_double,
    format_timespan,
};
