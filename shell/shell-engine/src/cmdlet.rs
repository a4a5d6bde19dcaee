//! The cmdlet API: [`Cmdlet`], the bound [`Call`] and the [`Context`] a cmdlet runs in.

use std::rc::Rc;

use shell_parser::Span;
use time::{Duration, OffsetDateTime};

use crate::error::{ErrorCategory, ErrorRecord};
use crate::eval::{Frame, Interp};
use crate::host::Host;
use crate::signature::{Example, Signature};
use crate::value::{EnumValue, Hashtable, ScriptBlockValue, Value};

/// A command implemented in Rust, generic over the application state `S`.
///
/// The binder calls [`Cmdlet::run`] once per input object (once with no input when the
/// command is first in its pipeline). Commands that collect their input (Sort-Object,
/// Format-Table, Measure-Object) keep per-invocation state in [`Context::scratch`] and
/// finish in [`Cmdlet::end`].
pub trait Cmdlet<S> {
    /// The declaration: name, parameters, sets, ShouldProcess.
    fn signature(&self) -> Signature;

    /// Usage examples (Get-Help and the example snapshot tests).
    fn examples(&self) -> &'static [Example] {
        &[]
    }

    /// Called once before the first input object (after command-line binding).
    fn begin(&self, _call: &Call, _cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        Ok(())
    }

    /// Called once per input object. `Err` is a terminating error for the pipeline;
    /// [`Context::write_error`] reports a non-terminating one.
    fn run(&self, call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord>;

    /// Called once after the last input object (with the command-line parameters only).
    fn end(&self, _call: &Call, _cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        Ok(())
    }
}

/// How a parameter got its value (for tests and diagnostics; spec §12.0 notation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BoundHow {
    /// `-Name value`.
    Named,
    /// `-Name:value`.
    Colon,
    /// A switch given as `-Name`.
    Switch,
    /// Positional, with the position.
    Position(usize),
    /// From the pipeline by value.
    PipelineValue,
    /// From the pipeline by property name.
    PipelineProperty,
    /// Remaining arguments.
    Remaining,
    /// From a splatted hashtable.
    Splat,
    /// A function parameter's default value.
    Default,
    /// A script block given for a pipeline parameter, evaluated per input object with
    /// `$_` set (spec §5.8 "delay-bind"); the value is the block's result.
    DelayBind,
}

/// One bound parameter.
#[derive(Debug, Clone, PartialEq)]
pub struct BoundParam {
    /// The declared name.
    pub name: String,
    /// The converted value.
    pub value: Value,
    /// The argument's span (the command's span for pipeline input).
    pub span: Span,
    /// How it was bound.
    pub how: BoundHow,
}

/// The bound parameters of one invocation.
#[derive(Debug, Clone)]
pub struct Call {
    /// The declared command name.
    pub name: String,
    /// The command name as typed (alias included).
    pub typed_name: String,
    /// The command's span (name through last argument).
    pub span: Span,
    /// The chosen parameter set, if the command declares sets.
    pub parameter_set: Option<String>,
    /// The bound parameters (own and common), command line first, then pipeline.
    pub params: Vec<BoundParam>,
}

/// Conversion from a bound parameter value to a Rust type for [`Call::get`].
pub trait FromValue: Sized {
    /// Converts; the error text explains the mismatch.
    fn from_value(value: &Value) -> Result<Self, String>;
}

impl FromValue for Value {
    fn from_value(value: &Value) -> Result<Self, String> {
        Ok(value.clone())
    }
}
impl FromValue for String {
    fn from_value(value: &Value) -> Result<Self, String> {
        Ok(value.to_string_form())
    }
}
impl FromValue for bool {
    fn from_value(value: &Value) -> Result<Self, String> {
        Ok(value.is_truthy())
    }
}
impl FromValue for i32 {
    fn from_value(value: &Value) -> Result<Self, String> {
        crate::convert::to_int32(value)
    }
}
impl FromValue for i64 {
    fn from_value(value: &Value) -> Result<Self, String> {
        crate::convert::to_int64(value)
    }
}
impl FromValue for f64 {
    fn from_value(value: &Value) -> Result<Self, String> {
        crate::convert::to_double(value)
    }
}
impl FromValue for EnumValue {
    fn from_value(value: &Value) -> Result<Self, String> {
        match value {
            Value::Enum(e) => Ok(e.clone()),
            other => Err(format!("expected an enum value, got {}", other.type_name())),
        }
    }
}
impl FromValue for OffsetDateTime {
    fn from_value(value: &Value) -> Result<Self, String> {
        match value {
            Value::DateTime(d) => Ok(*d),
            other => Err(format!("expected a DateTime, got {}", other.type_name())),
        }
    }
}
impl FromValue for Duration {
    fn from_value(value: &Value) -> Result<Self, String> {
        match value {
            Value::TimeSpan(d) => Ok(*d),
            other => Err(format!("expected a TimeSpan, got {}", other.type_name())),
        }
    }
}
impl FromValue for Rc<ScriptBlockValue> {
    fn from_value(value: &Value) -> Result<Self, String> {
        match value {
            Value::ScriptBlock(s) => Ok(s.clone()),
            other => Err(format!(
                "expected a script block, got {}",
                other.type_name()
            )),
        }
    }
}
impl FromValue for Hashtable {
    fn from_value(value: &Value) -> Result<Self, String> {
        match value {
            Value::Hashtable(h) => Ok(h.borrow().clone()),
            other => Err(format!("expected a hashtable, got {}", other.type_name())),
        }
    }
}
impl<T: FromValue> FromValue for Vec<T> {
    fn from_value(value: &Value) -> Result<Self, String> {
        value.enumerate().iter().map(T::from_value).collect()
    }
}

impl Call {
    /// The bound value of a parameter, if bound.
    pub fn value(&self, name: &str) -> Option<&Value> {
        self.params
            .iter()
            .find(|p| p.name.eq_ignore_ascii_case(name))
            .map(|p| &p.value)
    }

    /// `true` when the parameter is bound.
    pub fn is_bound(&self, name: &str) -> bool {
        self.value(name).is_some()
    }

    /// A bound parameter converted to `T`; an error record when it is missing (the
    /// binder's mandatory check normally prevents that) or does not convert.
    pub fn get<T: FromValue>(&self, name: &str) -> Result<T, ErrorRecord> {
        match self.get_optional(name)? {
            Some(v) => Ok(v),
            None => Err(ErrorRecord::new(
                format!("The parameter '{name}' is required but was not bound."),
                "ParameterNotBound",
                ErrorCategory::InvalidArgument,
            )
            .with_reason("ParameterBindingException")
            .with_activity(self.name.clone())),
        }
    }

    /// A bound parameter converted to `T`, or `None` when unbound.
    pub fn get_optional<T: FromValue>(&self, name: &str) -> Result<Option<T>, ErrorRecord> {
        match self.value(name) {
            None => Ok(None),
            Some(v) => T::from_value(v).map(Some).map_err(|e| {
                ErrorRecord::new(
                    format!("Cannot use the value of parameter '{name}': {e}"),
                    "ParameterValueInvalid",
                    ErrorCategory::InvalidArgument,
                )
                .with_activity(self.name.clone())
                .with_span(self.span_of(name))
            }),
        }
    }

    /// `true` when a switch (or Boolean) is bound and true.
    pub fn switch(&self, name: &str) -> bool {
        self.value(name).is_some_and(Value::is_truthy)
    }

    /// The span of a parameter's argument (the command's span when unbound).
    pub fn span_of(&self, name: &str) -> Span {
        self.params
            .iter()
            .find(|p| p.name.eq_ignore_ascii_case(name))
            .map(|p| p.span)
            .unwrap_or(self.span)
    }

    /// How a parameter was bound.
    pub fn how(&self, name: &str) -> Option<BoundHow> {
        self.params
            .iter()
            .find(|p| p.name.eq_ignore_ascii_case(name))
            .map(|p| p.how)
    }
}

/// What a cmdlet sees while it runs: state, clock, streams, prompts, variables.
pub struct Context<'a, S> {
    pub(crate) interp: &'a mut Interp<S>,
    pub(crate) frame: &'a mut Frame,
}

impl<'a, S> Context<'a, S> {
    /// The application state.
    pub fn state(&self) -> &S {
        &self.interp.state
    }

    /// The application state, mutably.
    pub fn state_mut(&mut self) -> &mut S {
        &mut self.interp.state
    }

    /// The session's "now".
    pub fn now(&self) -> OffsetDateTime {
        self.interp.now
    }

    /// The host.
    pub fn host(&mut self) -> &mut dyn Host {
        self.interp.host.as_mut()
    }

    /// The host's width.
    pub fn width(&self) -> usize {
        self.interp.host.width()
    }

    /// Writes one object to the pipeline.
    pub fn write_output(&mut self, value: Value) {
        self.frame.output.push(value);
    }

    /// Writes each element of an array (or the value itself) to the pipeline.
    pub fn write_output_enumerated(&mut self, value: Value) {
        self.frame.output.extend(value.enumerate());
    }

    /// Reports a non-terminating error (handled per -ErrorAction, §9).
    pub fn write_error(&mut self, record: ErrorRecord) {
        self.interp.frame_write_error(self.frame, record);
    }

    /// Write-Host text (the information stream): the host shows it, in colours where it can,
    /// unless `6>&1`/`*>&1` sends it into the output as an InformationRecord.
    pub fn write_information(
        &mut self,
        text: &str,
        newline: bool,
        colors: (
            Option<crate::host::ConsoleColor>,
            Option<crate::host::ConsoleColor>,
        ),
    ) {
        self.interp
            .frame_write_information(self.frame, text, newline, colors);
    }

    /// Writes a warning (per -WarningAction / `$WarningPreference`).
    pub fn write_warning(&mut self, text: &str) {
        self.interp.frame_write_warning(self.frame, text);
    }

    /// Writes a verbose message (shown with -Verbose or `$VerbosePreference`).
    pub fn write_verbose(&mut self, text: &str) {
        if self.frame.verbose {
            self.interp.host.write_verbose(text);
        }
    }

    /// Writes a debug message (shown with -Debug or `$DebugPreference`).
    pub fn write_debug(&mut self, text: &str) {
        if self.frame.debug {
            self.interp.host.write_debug(text);
        }
    }

    /// ShouldProcess (§9): with -WhatIf writes `What if: Performing the operation
    /// "<action>" on target "<target>".` and returns `false`; with confirmation needed
    /// asks the host; a host that cannot prompt gives `shell::confirm::required`.
    pub fn should_process(&mut self, target: &str, action: &str) -> Result<bool, ErrorRecord> {
        let message = format!("Performing the operation \"{action}\" on target \"{target}\".");
        self.should_process_message(&message)
    }

    /// ShouldProcess with a cmdlet-specific message (the text after `What if: `).
    pub fn should_process_message(&mut self, message: &str) -> Result<bool, ErrorRecord> {
        if self.frame.whatif {
            self.interp
                .host
                .write_host(&format!("What if: {message}"), true);
            return Ok(false);
        }
        if !self.frame.confirm {
            return Ok(true);
        }
        match self.interp.host.prompt_confirm(
            "Confirm",
            &format!("Are you sure you want to perform this action?\n{message}"),
        ) {
            Some(answer) => Ok(answer),
            None => Err(crate::error::catalogue::confirmation_required(
                &self.frame.command,
            )),
        }
    }

    /// ShouldContinue (design §8.3): asks the host; without a terminal an error naming
    /// -Force / -Confirm:$false.
    pub fn should_continue(&mut self, query: &str, caption: &str) -> Result<bool, ErrorRecord> {
        match self.interp.host.should_continue(query, caption) {
            Some(answer) => Ok(answer),
            None => Err(crate::error::catalogue::confirmation_required(
                &self.frame.command,
            )),
        }
    }

    /// Runs a script block in the caller's scope with `$_` set (Where-Object,
    /// ForEach-Object, calculated properties); returns its output.
    pub fn invoke_block(
        &mut self,
        block: &ScriptBlockValue,
        dollar_under: Option<Value>,
        args: Vec<Value>,
    ) -> Result<Vec<Value>, ErrorRecord> {
        self.interp
            .invoke_block_for_cmdlet(block, dollar_under, args, false)
    }

    /// Runs a script block in a new child scope (`& { }` semantics).
    pub fn invoke_block_scoped(
        &mut self,
        block: &ScriptBlockValue,
        dollar_under: Option<Value>,
        args: Vec<Value>,
    ) -> Result<Vec<Value>, ErrorRecord> {
        self.interp
            .invoke_block_for_cmdlet(block, dollar_under, args, true)
    }

    /// Loads a script file (`.ps1`, `.psm1`) as a script block: `Ok(None)` when it cannot be
    /// read, its parse errors as one error record. Run it with [`Context::invoke_block`] to
    /// dot-source it into the caller's scope.
    pub fn load_script(&mut self, path: &str) -> Result<Option<Rc<ScriptBlockValue>>, ErrorRecord> {
        match self.interp.load_script_file(path) {
            Ok(found) => Ok(found.map(|function| function.block.clone())),
            Err(crate::eval::Flow::Error(record, _)) => Err(*record),
            Err(_) => Ok(None),
        }
    }

    /// Parses script text (Invoke-Expression) into a script block; its parse errors become one
    /// error record, as PowerShell reports them.
    pub fn compile(&mut self, text: &str) -> Result<Rc<ScriptBlockValue>, ErrorRecord> {
        self.interp.compile_text(text)
    }

    /// `$env:<name>`: the session's value (set by `$env:X = …` or a default), else the
    /// process environment's.
    pub fn env_var(&self, name: &str) -> Option<String> {
        self.interp.env_var(name)
    }

    /// Reads a variable (dynamic scoping; `None` when undefined).
    pub fn variable(&self, name: &str) -> Option<Value> {
        self.interp.get_variable(name)
    }

    /// Every variable visible from the caller's scope `(name, value)`, automatic ones
    /// included, sorted by name ignoring case (Get-Variable without a name).
    pub fn variables(&self) -> Vec<(String, Value)> {
        self.interp.visible_variables()
    }

    /// Sets a variable in the caller's scope.
    pub fn set_variable(&mut self, name: &str, value: Value) {
        self.interp.set_variable(name, value);
    }

    /// Sets a variable in a named scope (`global`, `script`, `local`, or a number of
    /// levels up as text).
    pub fn set_variable_in(&mut self, scope: &str, name: &str, value: Value) {
        self.interp.set_variable_scoped(Some(scope), name, value);
    }

    /// `$FormatEnumerationLimit` (default 4).
    pub fn enumeration_limit(&self) -> usize {
        self.interp
            .get_variable("FormatEnumerationLimit")
            .and_then(|v| v.to_i64())
            .and_then(|n| usize::try_from(n).ok())
            .unwrap_or(4)
    }

    /// The registered commands: `(signature, examples)` of every cmdlet.
    pub fn commands(&self) -> Vec<(Rc<Signature>, &'static [Example])> {
        self.interp
            .registry
            .cmdlets
            .iter()
            .map(|e| (e.signature.clone(), e.cmdlet.examples()))
            .collect()
    }

    /// The aliases `(alias, command)`.
    pub fn aliases(&self) -> Vec<(String, String)> {
        self.interp.registry.aliases.clone()
    }

    /// Defines (or redefines) an alias for the rest of the session (Set-Alias, New-Alias).
    pub fn set_alias(&mut self, alias: &str, command: &str) {
        let registry = Rc::make_mut(&mut self.interp.registry);
        registry
            .aliases
            .retain(|(a, _)| !a.eq_ignore_ascii_case(alias));
        registry
            .aliases
            .push((alias.to_string(), command.to_string()));
    }

    /// Removes a variable from the innermost scope that defines it; `false` when none does.
    pub fn remove_variable(&mut self, name: &str) -> bool {
        self.interp.remove_variable(name)
    }

    /// The user-defined functions `(name, parameter names)`.
    pub fn functions(&self) -> Vec<(String, Signature)> {
        self.interp.function_signatures()
    }

    /// Per-invocation scratch state (created with `Default` on first use): collecting
    /// commands keep their buffer here between `run` calls and read it in `end`.
    pub fn scratch<T: Default + 'static>(&mut self) -> &mut T {
        let holds_t = self.frame.scratch.as_ref().is_some_and(|b| b.is::<T>());
        if !holds_t {
            self.frame.scratch = Some(Box::new(T::default()));
        }
        self.frame
            .scratch
            .as_mut()
            .and_then(|b| b.downcast_mut::<T>())
            .expect("scratch holds a T: it was set just above")
    }

    /// Asks the commands before this one to stop (Select-Object -First): once the
    /// current `run` returns they get no more input and their `end` does not run; this
    /// command's `end` still runs.
    pub fn stop_upstream(&mut self) {
        self.frame.stop_requested = true;
    }

    /// The declared name of the running command.
    pub fn command_name(&self) -> &str {
        &self.frame.command
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn call_accessors() {
        let call = Call {
            name: "Get-X".into(),
            typed_name: "gx".into(),
            span: Span::new(0, 20),
            parameter_set: None,
            params: vec![
                BoundParam {
                    name: "Count".into(),
                    value: Value::Int(3),
                    span: Span::new(5, 6),
                    how: BoundHow::Named,
                },
                BoundParam {
                    name: "Force".into(),
                    value: Value::Bool(true),
                    span: Span::new(7, 13),
                    how: BoundHow::Switch,
                },
                BoundParam {
                    name: "Names".into(),
                    value: Value::array(vec!["a".into(), "b".into()]),
                    span: Span::new(14, 17),
                    how: BoundHow::Named,
                },
            ],
        };
        assert_eq!(call.get::<i32>("count").unwrap(), 3);
        assert_eq!(call.get::<Vec<String>>("Names").unwrap(), ["a", "b"]);
        assert!(call.switch("Force"));
        assert!(!call.switch("Missing"));
        assert_eq!(call.get_optional::<String>("Missing").unwrap(), None);
        assert_eq!(
            call.get::<String>("Missing").unwrap_err().error_id,
            "ParameterNotBound"
        );
        assert_eq!(call.span_of("Force"), Span::new(7, 13));
        assert_eq!(call.span_of("Missing"), Span::new(0, 20));
        assert_eq!(call.how("Count"), Some(BoundHow::Named));
    }
}
