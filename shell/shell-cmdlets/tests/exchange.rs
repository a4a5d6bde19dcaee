//! The Exchange cmdlets through a whole session (engine, binder, Out-Default, error rendering)
//! on an in-memory store with cert-testkit's fixed keys, serials and clock: one transcript
//! snapshot per scenario, named after the spec statement it pins.

#![allow(clippy::unwrap_used)] // Test helpers fail loudly by design.

use std::rc::Rc;

use cert_testkit::{FixedKeys, SeededRandom, fixed_now};
use shell_cmdlets::exchange::{AppState, exchange_cmdlets, register_views};
use shell_cmdlets::format::TextHost;
use shell_cmdlets::registry::{register_builtins, standard_views};
use shell_engine::{Origin, Session};

/// A session on a fresh in-memory server `EXCH01.contoso.com`.
pub(crate) fn session(answers: &[bool]) -> Session<AppState> {
    let mut views = standard_views();
    register_views(&mut views);
    let views = Rc::new(views);
    let mut host = TextHost::new(views.clone(), 120);
    host.answers.extend(answers.iter().copied());
    let mut state = AppState::open_with(
        None,
        Some("EXCH01.contoso.com"),
        fixed_now(),
        Box::new(FixedKeys::new()),
        Box::new(SeededRandom::new(11)),
    )
    .unwrap();
    state.set_pfx_iterations(2);
    let mut session = Session::new(state, Box::new(host), fixed_now());
    register_builtins(&mut session, &views);
    for cmdlet in exchange_cmdlets() {
        session.register(cmdlet);
    }
    session
}

/// Runs `script` in `session` and returns its transcript (stdout, `[stderr]`, `[EOF]`).
pub(crate) fn transcript(session: &mut Session<AppState>, script: &str) -> String {
    session.run_script(script, Origin::Interactive);
    let host = session.host_as_mut::<TextHost>().unwrap();
    host.end_session();
    let text = host.transcript();
    host.stdout.clear();
    host.stderr.clear();
    text
}

/// Runs one script in a fresh session.
pub(crate) fn run(script: &str) -> String {
    transcript(&mut session(&[]), script)
}

#[path = "exchange/cmdlets.rs"]
mod cmdlets;

#[path = "exchange/bstatements.rs"]
mod bstatements;
