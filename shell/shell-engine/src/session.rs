//! The session: registry of cmdlets and aliases, variables, state, host, "now";
//! `run_script` parses and runs (design §2, spec §10).

use std::any::Any;
use std::rc::Rc;

use time::OffsetDateTime;

use crate::cmdlet::Cmdlet;
use crate::error::catalogue;
use crate::eval::Interp;
use crate::host::Host;
use crate::signature::Signature;
use crate::value::Value;

/// A registered cmdlet with its cached signature.
pub struct CmdletEntry<S> {
    /// The cmdlet.
    pub cmdlet: Rc<dyn Cmdlet<S>>,
    /// Its signature (computed once at registration).
    pub signature: Rc<Signature>,
}

/// The cmdlets and aliases of a session.
pub struct Registry<S> {
    pub(crate) cmdlets: Vec<Rc<CmdletEntry<S>>>,
    pub(crate) aliases: Vec<(String, String)>,
}

impl<S> Clone for Registry<S> {
    fn clone(&self) -> Self {
        Registry {
            cmdlets: self.cmdlets.clone(),
            aliases: self.aliases.clone(),
        }
    }
}

impl<S> Default for Registry<S> {
    fn default() -> Self {
        Registry {
            cmdlets: Vec::new(),
            aliases: Vec::new(),
        }
    }
}

impl<S> Registry<S> {
    /// A cmdlet by declared name (case-insensitive).
    pub fn find(&self, name: &str) -> Option<Rc<CmdletEntry<S>>> {
        self.cmdlets
            .iter()
            .find(|e| e.signature.name.eq_ignore_ascii_case(name))
            .cloned()
    }

    /// Every registered cmdlet.
    pub fn cmdlets(&self) -> &[Rc<CmdletEntry<S>>] {
        &self.cmdlets
    }

    /// Every alias `(alias, command)`.
    pub fn aliases(&self) -> &[(String, String)] {
        &self.aliases
    }
}

/// Where a script came from (decides `At line:N` vs `At path:N` in error records).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// REPL input or `-Command` text.
    Interactive,
    /// A script file, with the path as given on the command line.
    File(String),
}

/// The outcome of [`Session::run_script`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RunResult {
    /// `$?` after the last statement.
    pub success: bool,
    /// `Some(n)` when `exit n` ended the script.
    pub exit: Option<i32>,
    /// An uncaught script-terminating error ended the script.
    pub terminated: bool,
    /// The input did not parse (nothing ran).
    pub parse_failed: bool,
}

impl RunResult {
    /// The process exit code (design.md §2): `exit N` gives N (mod 256 on Unix);
    /// otherwise 1 after a terminating error, a parse failure, or when the last
    /// statement failed (`$?` false); else 0.
    pub fn exit_code(&self) -> i32 {
        if let Some(n) = self.exit {
            return n.rem_euclid(256);
        }
        if self.terminated || self.parse_failed || !self.success {
            1
        } else {
            0
        }
    }

    /// The exit code by PowerShell's `-File` rule (spec §10.4): errors that did not
    /// terminate the script leave 0.
    pub fn file_exit_code(&self) -> i32 {
        if let Some(n) = self.exit {
            return n.rem_euclid(256);
        }
        if self.terminated || self.parse_failed {
            1
        } else {
            0
        }
    }
}

/// A shell session over application state `S`.
pub struct Session<S> {
    interp: Interp<S>,
}

impl<S: 'static> Session<S> {
    /// A session with no cmdlets; `now` is the instant the whole session uses.
    pub fn new(state: S, host: Box<dyn Host>, now: OffsetDateTime) -> Self {
        Session {
            interp: Interp::new(state, host, now, Rc::new(Registry::default())),
        }
    }

    /// Registers a cmdlet (its signature is computed once, now).
    pub fn register(&mut self, cmdlet: Rc<dyn Cmdlet<S>>) {
        let signature = Rc::new(cmdlet.signature());
        let reg = Rc::make_mut(&mut self.interp.registry);
        reg.cmdlets
            .retain(|e| !e.signature.name.eq_ignore_ascii_case(&signature.name));
        reg.cmdlets.push(Rc::new(CmdletEntry { cmdlet, signature }));
    }

    /// Registers an alias (`fl` → `Format-List`).
    pub fn register_alias(&mut self, alias: &str, command: &str) {
        let reg = Rc::make_mut(&mut self.interp.registry);
        reg.aliases.retain(|(a, _)| !a.eq_ignore_ascii_case(alias));
        reg.aliases.push((alias.to_string(), command.to_string()));
    }

    /// The registry.
    pub fn registry(&self) -> &Registry<S> {
        &self.interp.registry
    }

    /// Parses and runs a script or REPL entry. Each top-level statement's output goes to
    /// `host.write_output`, errors to `host.write_error`. A parse failure runs nothing and
    /// reports one record holding every parse error.
    pub fn run_script(&mut self, source: &str, origin: Origin) -> RunResult {
        let origin = match origin {
            Origin::Interactive => None,
            Origin::File(p) => {
                self.interp.set_script_globals(&p);
                Some(Rc::from(p.as_str()))
            }
        };
        self.run_parsed(source, origin, None)
    }

    /// Runs a script file as `certsh path.ps1 args…` does (design §2): `$args` holds the
    /// arguments, a `param()` block is bound from them (`-Name` words are parameter
    /// names), `$PSScriptRoot` and `$PSCommandPath` are set, and errors say
    /// `At <path>:N char:M`.
    pub fn run_file(&mut self, source: &str, path: &str, args: &[String]) -> RunResult {
        self.interp.set_script_globals(path);
        let arg_values: Vec<Value> = args.iter().map(|a| Value::from(a.as_str())).collect();
        self.interp
            .set_variable_scoped(Some("global"), "args", Value::array(arg_values));
        self.run_parsed(source, Some(Rc::from(path)), Some(args))
    }

    fn run_parsed(
        &mut self,
        source: &str,
        origin: Option<Rc<str>>,
        args: Option<&[String]>,
    ) -> RunResult {
        let src: Rc<str> = Rc::from(source);
        let script = match shell_parser::parse(source) {
            Ok(s) => s,
            Err(errors) => {
                let rec = catalogue::parse_failure(&errors.errors, src, origin);
                self.interp.push_error(&rec);
                self.interp.host.write_error(&rec);
                self.interp.last_ok = false;
                return RunResult {
                    success: false,
                    exit: None,
                    terminated: false,
                    parse_failed: true,
                };
            }
        };
        self.interp.source = src;
        self.interp.origin = origin;
        if let Some(params) = &script.params {
            // Without explicit arguments, a script's param() block binds from `$args`
            // (set by the caller before run_script).
            let from_variable: Vec<String> = match args {
                Some(_) => Vec::new(),
                None => self
                    .interp
                    .get_variable("args")
                    .map(|v| v.enumerate().iter().map(Value::to_string_form).collect())
                    .unwrap_or_default(),
            };
            let args = args.unwrap_or(&from_variable);
            if !self
                .interp
                .bind_script_params(Some(params), args, params.span)
            {
                return RunResult {
                    success: false,
                    exit: None,
                    terminated: true,
                    parse_failed: false,
                };
            }
        }
        let (exit, terminated) = self.interp.run_top(&script.statements);
        if let Some(code) = exit {
            self.interp
                .set_variable_scoped(Some("global"), "LASTEXITCODE", Value::Int(code));
        }
        RunResult {
            success: self.interp.last_ok,
            exit,
            terminated,
            parse_failed: false,
        }
    }

    /// Reads a variable.
    pub fn variable(&self, name: &str) -> Option<Value> {
        self.interp.get_variable(name)
    }

    /// Every global variable `(name, value)`, automatic ones included, sorted by name.
    pub fn variables(&self) -> Vec<(String, Value)> {
        self.interp.visible_variables()
    }

    /// Sets a global variable (`$args` for scripts, test fixtures).
    pub fn set_variable(&mut self, name: &str, value: Value) {
        self.interp.set_variable_scoped(Some("global"), name, value);
    }

    /// Gives `$env:<name>` a value when the process environment has none (child processes
    /// see it too), e.g. `COMPUTERNAME` on a system that does not set it.
    pub fn set_env_default(&mut self, name: &str, value: &str) {
        if std::env::var_os(name).is_none() {
            self.interp
                .set_variable_scoped(Some("env"), name, Value::from(value));
        }
    }

    /// The application state.
    pub fn state(&self) -> &S {
        &self.interp.state
    }

    /// The application state, mutably.
    pub fn state_mut(&mut self) -> &mut S {
        &mut self.interp.state
    }

    /// The host.
    pub fn host(&self) -> &dyn Host {
        self.interp.host.as_ref()
    }

    /// The host, mutably.
    pub fn host_mut(&mut self) -> &mut dyn Host {
        self.interp.host.as_mut()
    }

    /// The host as its concrete type (for tests: `host_as::<ScriptedHost>()`).
    pub fn host_as<T: Host + 'static>(&self) -> Option<&T> {
        let any: &dyn Any = self.interp.host.as_ref();
        any.downcast_ref::<T>()
    }

    /// The host as its concrete type, mutably.
    pub fn host_as_mut<T: Host + 'static>(&mut self) -> Option<&mut T> {
        let any: &mut dyn Any = self.interp.host.as_mut();
        any.downcast_mut::<T>()
    }

    /// The session's "now".
    pub fn now(&self) -> OffsetDateTime {
        self.interp.now
    }

    /// Changes "now" (a REPL refreshes it per entry from its clock).
    pub fn set_now(&mut self, now: OffsetDateTime) {
        self.interp.now = now;
    }

    /// `$?` after the last statement.
    pub fn last_status(&self) -> bool {
        self.interp.last_ok
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn result(success: bool, exit: Option<i32>, terminated: bool) -> RunResult {
        RunResult {
            success,
            exit,
            terminated,
            parse_failed: false,
        }
    }

    #[test]
    fn exit_codes_design_2_and_spec_10_4() {
        assert_eq!(result(true, None, false).exit_code(), 0);
        assert_eq!(result(false, None, false).exit_code(), 1);
        assert_eq!(result(false, None, false).file_exit_code(), 0);
        assert_eq!(result(true, None, true).file_exit_code(), 1);
        assert_eq!(result(false, Some(-1), false).exit_code(), 255);
        assert_eq!(result(true, Some(3), true).exit_code(), 3);
    }
}
