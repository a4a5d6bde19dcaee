//! Snapshot tests of the built-in cmdlets and Out-Default through a text host at width 80.

use std::rc::Rc;

use shell_cmdlets::format::TextHost;
use shell_cmdlets::registry::{register_builtins, standard_views};
use shell_engine::{Origin, Session};

/// Runs a script as one Out-Default session; returns stdout, `[stderr]` and errors, `[EOF]`.
fn run(script: &str) -> String {
    let views = Rc::new(standard_views());
    let host = TextHost::new(views.clone(), 80);
    let now = time::macros::datetime!(2008-08-01 12:00:00 UTC);
    let mut session: Session<()> = Session::new((), Box::new(host), now);
    register_builtins(&mut session, &views);
    session.run_script(script, Origin::Interactive);
    let host = session
        .host_as_mut::<TextHost>()
        .expect("the host is a TextHost");
    host.end_session();
    host.transcript()
}

mod docs;
mod errors;
mod format;
mod issue6;
mod mail;
mod registry;
mod spec12;
mod spec_store;
