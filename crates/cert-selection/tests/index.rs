//! The domain index and the cache give the slice functions' answers.

use std::cell::Cell;

use cert_selection::{
    CandidateIndex, Connector, Direction, Mode, Protocol, SelectionCache, SelectionContext,
    UmStartupMode, Verdict, select_pop_imap, select_smtp_starttls, select_um,
};
use cert_testkit::key_2048;
use time::Duration;

use crate::common::{Pki, context, now, spec};

fn mixed_store(pki: &Pki) -> Vec<cert_selection::Candidate> {
    let mut store = Vec::new();
    let domains = [
        "mail.contoso.com",
        "pop.contoso.com",
        "exch01.contoso.com",
        "www.fabrikam.com",
    ];
    for (i, domain) in domains.iter().enumerate() {
        let from = -(i as i64) * 20 - 1;
        store.push(pki.candidate(&pki.ca_issued(spec(&[domain], from, 200).key(key_2048(i + 1)))));
        store.push(pki.candidate(&pki.self_signed(spec(&[domain, "EXCH01"], from - 3, 300))));
    }
    store.push(pki.candidate(&pki.ca_issued(spec(&["*.contoso.com"], -2, 100))));
    store.push(pki.candidate(&pki.self_signed(spec(&["*.fabrikam.com"], -2, 100))));
    store.push(pki.candidate(&pki.ca_issued(spec(&["*.com"], -2, 100))));
    store
}

#[test]
fn b88_index_decisions_equal_the_slice_decisions_for_the_examined_certificates() {
    let pki = Pki::new();
    let store = mixed_store(&pki);
    let index = CandidateIndex::new(store.clone());
    let fqdns = [
        "mail.contoso.com",
        "POP.contoso.com.",
        "exch01.contoso.com",
        "other.contoso.com",
        "contoso.com",
        "a.b.contoso.com",
        "www.fabrikam.com",
        "EXCH01",
        "nothing.example",
        "*.contoso.com",
        "",
    ];
    for mode in [Mode::Sp1, Mode::Rtm] {
        let context = SelectionContext {
            mode,
            um_startup_mode: UmStartupMode::Secured,
            ..context()
        };
        for fqdn in fqdns {
            let connector = Connector {
                direction: Direction::Inbound,
                name: "R",
                fqdn: Some(fqdn),
            };
            let pairs = [
                (
                    select_smtp_starttls(&store, &context, connector, now()),
                    index.select_smtp_starttls(&context, connector, now()),
                ),
                (
                    select_pop_imap(&store, &context, Protocol::Pop3, fqdn, now()),
                    index.select_pop_imap(&context, Protocol::Pop3, fqdn, now()),
                ),
            ];
            for (slow, fast) in pairs {
                assert_same(&slow, &fast, fqdn);
            }
        }
        let um_context = SelectionContext {
            physical_fqdn: "exch01.contoso.com".into(),
            ..context
        };
        assert_same(
            &select_um(&store, &um_context, now()),
            &index.select_um(&um_context, now()),
            "um",
        );
    }
}

#[track_caller]
fn assert_same(slow: &cert_selection::Decision, fast: &cert_selection::Decision, what: &str) {
    assert_eq!(slow.outcome, fast.outcome, "{what}");
    assert_eq!(slow.events, fast.events, "{what}");
    let examined: Vec<_> = slow
        .candidates
        .iter()
        .filter(|(_, verdict)| {
            !matches!(
                verdict,
                Verdict::Lost(cert_selection::Reason::DomainMismatch { .. })
            )
        })
        .cloned()
        .collect();
    assert_eq!(examined, fast.candidates, "{what}");
    assert_eq!(
        slow.candidates.len(),
        fast.candidates.len() + fast.skipped_by_index,
        "{what}"
    );
}

#[test]
fn selection_cache_rebuilds_when_the_store_or_the_day_changes() {
    let pki = Pki::new();
    let store = mixed_store(&pki);
    let builds = Cell::new(0);
    let build = || {
        builds.set(builds.get() + 1);
        store.clone()
    };
    let mut cache = SelectionCache::new();
    cache.index(1, now(), build);
    cache.index(1, now() + Duration::hours(5), build);
    assert_eq!(builds.get(), 1);
    assert!(cache.is_fresh(1, now()));
    cache.index(2, now(), build);
    assert_eq!(builds.get(), 2);
    let next_day = now() + Duration::days(1);
    assert!(!cache.is_fresh(2, next_day));
    let index = cache.index(2, next_day, build);
    assert_eq!(index.candidates().len(), store.len());
    assert_eq!(builds.get(), 3);
    cache.invalidate();
    assert!(!cache.is_fresh(2, next_day));
}
