//! SMTP X-AnonymousTLS (spec §5.7, B-90 to B-94; B-04).

use cert_model::{RootCaType, Status};
use cert_selection::{
    Candidate, EntryType, Mode, Outcome, Partner, Preference, PrivateKeyState, Reason,
    SelectionContext, Verdict, select_anonymous_tls,
};

use crate::common::{Pki, context, now, spec};

fn with_internal(candidate: &Candidate) -> SelectionContext {
    SelectionContext {
        internal_transport_certificate: Some(candidate.thumbprint()),
        ..context()
    }
}

#[test]
fn b90_the_internal_transport_certificate_comes_first() {
    let pki = Pki::new();
    let internal =
        pki.candidate(&pki.self_signed(spec(&["EXCH01", "EXCH01.contoso.com"], -100, 265)));
    let ca = pki.candidate(&pki.ca_issued(spec(&["mail.contoso.com"], -1, 364)));
    let store = [ca.clone(), internal.clone()];
    for partner in [Partner::HubToHub, Partner::HubToEdge] {
        let decision = select_anonymous_tls(&store, &with_internal(&internal), partner, now());
        assert_eq!(
            decision.winner(),
            Some(internal.thumbprint()),
            "{partner:?}"
        );
        assert_eq!(
            decision.verdict(ca.thumbprint()),
            Some(&Verdict::Lost(Reason::Outranked {
                by: internal.thumbprint(),
                rule: Preference::InternalTransportFirst
            }))
        );
        assert!(decision.events.is_empty());
    }
}

#[test]
fn b90_without_a_valid_internal_certificate_hub_to_hub_takes_the_newest_valid_ca_certificate() {
    let pki = Pki::new();
    let internal_cert = pki.self_signed(spec(&["EXCH01.contoso.com"], -100, 265));
    let internal = pki.candidate_with_key(&internal_cert, PrivateKeyState::Absent);
    let self_signed = pki.candidate(&pki.self_signed(spec(&["other.contoso.com"], -1, 364)));
    let ca_old = pki.candidate(&pki.ca_issued(spec(&["mail.contoso.com"], -50, 300)));
    let ca_new = pki.candidate(&pki.ca_issued(spec(&["smtp.contoso.com"], -5, 300)));
    let store = [
        internal.clone(),
        self_signed.clone(),
        ca_old.clone(),
        ca_new.clone(),
    ];
    let decision =
        select_anonymous_tls(&store, &with_internal(&internal), Partner::HubToHub, now());
    assert_eq!(decision.winner(), Some(ca_new.thumbprint()));
    assert_eq!(
        decision.verdict(internal.thumbprint()),
        Some(&Verdict::Lost(Reason::NoPrivateKey))
    );
    assert_eq!(
        decision.verdict(self_signed.thumbprint()),
        Some(&Verdict::Lost(Reason::NotCaIssued))
    );
    assert_eq!(
        decision.verdict(ca_old.thumbprint()),
        Some(&Verdict::Lost(Reason::Outranked {
            by: ca_new.thumbprint(),
            rule: Preference::NewerNotBefore
        }))
    );
}

#[test]
fn b91_b92_hub_to_hub_without_any_certificate_uses_a_temporary_key_and_logs() {
    let pki = Pki::new();
    let self_signed = pki.candidate(&pki.self_signed(spec(&["other.contoso.com"], -1, 364)));
    let decision = select_anonymous_tls(&[self_signed], &context(), Partner::HubToHub, now());
    assert_eq!(decision.outcome, Outcome::TemporaryKey);
    assert_eq!(decision.events.len(), 1);
    assert_eq!(decision.events[0].source, "MSExchangeTransport");
    assert_eq!(decision.events[0].id, 12024);
    assert!(
        decision.events[0]
            .message
            .contains("New-ExchangeCertificate without")
    );
}

#[test]
fn b91_rtm_has_no_temporary_key() {
    let context = SelectionContext {
        mode: Mode::Rtm,
        ..context()
    };
    let decision = select_anonymous_tls(&[], &context, Partner::HubToHub, now());
    assert_eq!(decision.outcome, Outcome::NotAdvertised);
    assert_eq!(decision.events[0].id, 12013);
}

#[test]
fn b94_hub_to_edge_without_a_valid_internal_certificate_fails_with_an_error() {
    let pki = Pki::new();
    let revoked_internal = Candidate::with_status(
        pki.self_signed(spec(&["EXCH01.contoso.com"], -100, 265)),
        Status::Revoked,
        RootCaType::Unknown,
        PrivateKeyState::Usable,
    );
    let ca = pki.candidate(&pki.ca_issued(spec(&["mail.contoso.com"], -1, 364)));
    let store = [revoked_internal.clone(), ca.clone()];
    let decision = select_anonymous_tls(
        &store,
        &with_internal(&revoked_internal),
        Partner::HubToEdge,
        now(),
    );
    assert_eq!(decision.outcome, Outcome::SessionFails);
    assert_eq!(
        decision.verdict(revoked_internal.thumbprint()),
        Some(&Verdict::Lost(Reason::Revoked))
    );
    assert_eq!(
        decision.verdict(ca.thumbprint()),
        Some(&Verdict::Lost(Reason::NotInternalTransport))
    );
    assert_eq!(
        (decision.events[0].id, decision.events[0].entry_type),
        (12013, EntryType::Error)
    );
    assert!(
        decision.events[0]
            .message
            .contains(&revoked_internal.thumbprint().to_string())
    );
    // The same store lets Hub-to-Hub fall back to the CA certificate.
    let hub = select_anonymous_tls(
        &store,
        &with_internal(&revoked_internal),
        Partner::HubToHub,
        now(),
    );
    assert_eq!(hub.winner(), Some(ca.thumbprint()));
}

#[test]
fn b93_a_new_internal_certificate_clears_the_condition() {
    let pki = Pki::new();
    let failing = select_anonymous_tls(&[], &context(), Partner::HubToEdge, now());
    assert_eq!(failing.outcome, Outcome::SessionFails);
    // What New-ExchangeCertificate with no arguments makes: a self-signed certificate for the
    // server, which becomes the internal transport certificate.
    let fresh = pki.candidate(&pki.self_signed(spec(&["EXCH01", "EXCH01.contoso.com"], 0, 365)));
    let fixed = select_anonymous_tls(
        std::slice::from_ref(&fresh),
        &with_internal(&fresh),
        Partner::HubToEdge,
        now(),
    );
    assert_eq!(fixed.winner(), Some(fresh.thumbprint()));
}

#[test]
fn b04_an_expired_self_signed_internal_certificate_is_still_used_with_an_event() {
    let pki = Pki::new();
    let expired = pki.candidate(&pki.self_signed(spec(&["EXCH01.contoso.com"], -400, -35)));
    assert_eq!(expired.status(), Status::DateInvalid);
    let decision = select_anonymous_tls(
        std::slice::from_ref(&expired),
        &with_internal(&expired),
        Partner::HubToEdge,
        now(),
    );
    assert_eq!(decision.winner(), Some(expired.thumbprint()));
    assert_eq!(decision.events.len(), 1);
    assert_eq!(decision.events[0].id, 12015);
    assert!(
        decision.events[0]
            .message
            .ends_with(&expired.thumbprint().to_string())
    );
}
