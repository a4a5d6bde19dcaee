//! The registry (style §4): unique names, contiguous positions, at least one example per
//! cmdlet, and every example runs (one snapshot per example, `<cmdlet>@example-<n>`).

use std::collections::HashSet;
use std::rc::Rc;

use cert_testkit::{FixedKeys, SeededRandom, fixed_now};
use shell_cmdlets::exchange::AppState;
use shell_cmdlets::format::TextHost;
use shell_cmdlets::registry::{ALIASES, all_cmdlets, all_views, register_all};
use shell_engine::{Cmdlet, Origin, Session};

fn cmdlets() -> Vec<Rc<dyn Cmdlet<AppState>>> {
    all_cmdlets(&Rc::new(all_views()))
}

/// Runs an example in a fresh session on an in-memory store (server EXCH01.contoso.com,
/// cert-testkit's fixed keys, serials and clock) at width 80.
pub(crate) fn run_example(script: &str) -> String {
    let views = Rc::new(all_views());
    let host = TextHost::new(views.clone(), 80);
    let Ok(mut state) = AppState::open_with(
        None,
        Some("EXCH01.contoso.com"),
        fixed_now(),
        Box::new(FixedKeys::new()),
        Box::new(SeededRandom::new(11)),
    ) else {
        panic!("the in-memory store opens");
    };
    state.set_pfx_iterations(2);
    let mut session = Session::new(state, Box::new(host), fixed_now());
    register_all(&mut session, &views);
    session.run_script(script, Origin::Interactive);
    let host = session
        .host_as_mut::<TextHost>()
        .expect("the host is a TextHost");
    host.end_session();
    host.transcript()
}

#[test]
fn registry_names_are_unique() {
    let mut seen = HashSet::new();
    for c in cmdlets() {
        let name = c.signature().name.to_ascii_lowercase();
        assert!(seen.insert(name.clone()), "duplicate cmdlet {name}");
    }
    for (alias, command) in ALIASES {
        assert!(
            seen.insert(alias.to_ascii_lowercase()),
            "alias {alias} shadows a name"
        );
        assert!(
            cmdlets()
                .iter()
                .any(|c| c.signature().name.eq_ignore_ascii_case(command)),
            "alias {alias} points at unknown {command}"
        );
    }
}

#[test]
fn registry_positions_are_contiguous_per_set() {
    for c in cmdlets() {
        let sig = c.signature();
        let mut sets = sig.set_names();
        if sets.is_empty() {
            sets.push(String::new());
        }
        for set in &sets {
            let mut positions: Vec<usize> = sig
                .params
                .iter()
                .filter_map(|p| {
                    if set.is_empty() {
                        p.sets.first()
                    } else {
                        p.spec_for(set)
                    }
                })
                .filter_map(|s| s.position)
                .collect();
            positions.sort_unstable();
            let expected: Vec<usize> = (0..positions.len()).collect();
            assert_eq!(positions, expected, "{} set {set:?}", sig.name);
        }
        let mut names = HashSet::new();
        for p in &sig.params {
            assert!(
                names.insert(p.name.to_ascii_lowercase()),
                "{}: duplicate -{}",
                sig.name,
                p.name
            );
        }
    }
}

#[test]
fn registry_every_cmdlet_has_an_example_and_a_summary() {
    for c in cmdlets() {
        let sig = c.signature();
        assert!(!c.examples().is_empty(), "{} has no example", sig.name);
        assert!(!sig.summary.is_empty(), "{} has no summary", sig.name);
    }
}

#[test]
fn registry_every_example_runs() {
    for c in cmdlets() {
        let name = c.signature().name;
        for (n, example) in c.examples().iter().enumerate() {
            let text = run_example(example.script);
            let snapshot = format!("{}\n---\n{text}", example.script);
            insta::assert_snapshot!(format!("{name}@example-{}", n + 1), snapshot);
        }
    }
}
