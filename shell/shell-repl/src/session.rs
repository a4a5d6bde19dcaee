//! The certsh session: the engine's [`Session`] with every cmdlet registered and the
//! console host, plus the script runners of design.md §2.

use std::rc::Rc;

use shell_cmdlets::format::Views;
use shell_cmdlets::registry::register_builtins;
use shell_engine::{Kind, Origin, RunResult, Session, Value, common_parameters};

use crate::host::ConsoleHost;
use crate::repl::{CompletionData, Shell};

/// A session over application state `S` whose host is a [`ConsoleHost`].
pub struct ConsoleSession<S> {
    /// The engine session.
    pub session: Session<S>,
}

impl<S: 'static> ConsoleSession<S> {
    /// A session with the built-in cmdlets and aliases registered.
    pub fn new(state: S, host: ConsoleHost, views: &Rc<Views>, now: time::OffsetDateTime) -> Self {
        let mut session = Session::new(state, Box::new(host), now);
        register_builtins(&mut session, views);
        ConsoleSession { session }
    }

    /// Wraps a session whose cmdlets the caller registered.
    pub fn from_session(session: Session<S>) -> Self {
        ConsoleSession { session }
    }

    /// Runs one source text as one Out-Default session.
    pub fn run(&mut self, source: &str, origin: Origin) -> RunResult {
        // Out-Default honours `$FormatEnumerationLimit` as it stands when an input starts.
        let limit = self
            .session
            .variable("FormatEnumerationLimit")
            .and_then(|v| v.to_i64())
            .and_then(|n| usize::try_from(n).ok());
        if let (Some(limit), Some(host)) = (limit, self.session.host_as_mut::<ConsoleHost>()) {
            host.set_enumeration_limit(limit);
        }
        let result = self.session.run_script(source, origin);
        if let Some(host) = self.session.host_as_mut::<ConsoleHost>() {
            host.end_session();
        }
        result
    }

    /// Sets `$args` (script arguments).
    pub fn set_args(&mut self, args: &[String]) {
        let values = args.iter().map(|a| Value::from(a.as_str())).collect();
        self.session.set_variable("args", Value::array(values));
    }
}

impl<S: 'static> Shell for ConsoleSession<S> {
    fn run_input(&mut self, text: &str) -> Option<i32> {
        self.run(text, Origin::Interactive)
            .exit
            .map(|n| n.rem_euclid(256))
    }

    fn is_incomplete(&self, text: &str) -> bool {
        matches!(shell_parser::parse(text), Err(errors) if errors.is_incomplete())
    }

    fn completion(&self) -> CompletionData {
        let registry = self.session.registry();
        let mut data = CompletionData::default();
        for entry in registry.cmdlets() {
            let sig = &entry.signature;
            data.names.push(sig.name.clone());
            let params = sig
                .params
                .iter()
                .chain(common_parameters(sig.should_process.is_some()).iter())
                .map(|p| {
                    let members = match &p.kind {
                        Kind::Enum(t) | Kind::Flags(t) => {
                            t.members.iter().map(|(n, _)| n.clone()).collect()
                        }
                        _ => Vec::new(),
                    };
                    (p.name.clone(), members)
                })
                .collect();
            data.parameters.push((sig.name.clone(), params));
        }
        for (alias, command) in registry.aliases() {
            data.names.push(alias.clone());
            data.aliases.push((alias.clone(), command.clone()));
        }
        data
    }

    fn set_width(&mut self, width: usize) {
        if let Some(host) = self.session.host_as_mut::<ConsoleHost>() {
            host.set_width(width);
        }
    }
}
