//! POP3 and IMAP4 (spec B-85 to B-87): SP1 follows STARTTLS; RTM picks the newest and ignores
//! wildcards.

use cert_selection::{
    Mode, Outcome, Preference, Protocol, Reason, SelectionContext, Verdict, select_pop_imap,
};

use crate::common::{Pki, context, now, spec};

fn rtm() -> SelectionContext {
    SelectionContext {
        mode: Mode::Rtm,
        ..context()
    }
}

#[test]
fn b85_sp1_pop_and_imap_match_x509_certificate_name_with_the_starttls_rules() {
    let pki = Pki::new();
    let ca = pki.candidate(&pki.ca_issued(spec(&["pop.contoso.com"], -100, 265)));
    let newer_self = pki.candidate(&pki.self_signed(spec(&["pop.contoso.com"], -1, 364)));
    let other = pki.candidate(&pki.ca_issued(spec(&["imap.contoso.com"], -1, 364)));
    let store = [ca.clone(), newer_self.clone(), other.clone()];
    for protocol in [Protocol::Pop3, Protocol::Imap4] {
        let decision = select_pop_imap(&store, &context(), protocol, "pop.contoso.com", now());
        assert_eq!(decision.winner(), Some(ca.thumbprint()), "{protocol:?}");
        assert_eq!(
            decision.verdict(newer_self.thumbprint()),
            Some(&Verdict::Lost(Reason::Outranked {
                by: ca.thumbprint(),
                rule: Preference::CaIssuedOverSelfSigned
            }))
        );
    }
    let none = select_pop_imap(
        &store,
        &context(),
        Protocol::Pop3,
        "mail.contoso.com",
        now(),
    );
    assert_eq!(none.outcome, Outcome::None);
    assert!(none.events.is_empty());
}

#[test]
fn b86_rtm_pop_imap_pick_the_newest_with_no_ca_preference() {
    let pki = Pki::new();
    let ca = pki.candidate(&pki.ca_issued(spec(&["pop.contoso.com"], -100, 265)));
    let newer_self = pki.candidate(&pki.self_signed(spec(&["pop.contoso.com"], -1, 364)));
    let store = [ca.clone(), newer_self.clone()];
    let decision = select_pop_imap(&store, &rtm(), Protocol::Pop3, "pop.contoso.com", now());
    assert_eq!(decision.winner(), Some(newer_self.thumbprint()));
    assert_eq!(
        decision.verdict(ca.thumbprint()),
        Some(&Verdict::Lost(Reason::Outranked {
            by: newer_self.thumbprint(),
            rule: Preference::NewerNotBefore
        }))
    );
    // SP1 picks the CA-issued one from the same store.
    let sp1 = select_pop_imap(&store, &context(), Protocol::Pop3, "pop.contoso.com", now());
    assert_eq!(sp1.winner(), Some(ca.thumbprint()));
}

#[test]
fn b87_rtm_pop_imap_do_not_match_wildcards_sp1_does() {
    let pki = Pki::new();
    let wildcard = pki.candidate(&pki.ca_issued(spec(&["*.fourthcoffee.com"], 0, 365)));
    let store = [wildcard.clone()];
    let rtm_decision = select_pop_imap(
        &store,
        &rtm(),
        Protocol::Imap4,
        "mail.fourthcoffee.com",
        now(),
    );
    assert_eq!(rtm_decision.outcome, Outcome::None);
    assert_eq!(
        rtm_decision.verdict(wildcard.thumbprint()),
        Some(&Verdict::Lost(Reason::WildcardNotSupported {
            fqdn: "mail.fourthcoffee.com".into()
        }))
    );
    let sp1 = select_pop_imap(
        &store,
        &context(),
        Protocol::Imap4,
        "mail.fourthcoffee.com",
        now(),
    );
    assert_eq!(sp1.winner(), Some(wildcard.thumbprint()));
}

#[test]
fn b87_rtm_still_matches_an_exact_domain_next_to_a_wildcard() {
    let pki = Pki::new();
    let both = pki.candidate(&pki.ca_issued(spec(
        &["*.fourthcoffee.com", "mail.fourthcoffee.com"],
        0,
        365,
    )));
    let decision = select_pop_imap(
        std::slice::from_ref(&both),
        &rtm(),
        Protocol::Pop3,
        "mail.fourthcoffee.com",
        now(),
    );
    assert_eq!(decision.winner(), Some(both.thumbprint()));
}
