//! IIS (spec B-75, B-36).

use cert_selection::{Outcome, PrivateKeyState, Reason, SelectionContext, Verdict, select_iis};

use crate::common::{Pki, context, now, spec};

#[test]
fn b75_iis_uses_the_certificate_bound_to_the_default_web_site() {
    let pki = Pki::new();
    let bound = pki.candidate(&pki.self_signed(spec(&["EXCH01.contoso.com"], -100, 265)));
    let newer = pki.candidate(&pki.ca_issued(spec(&["mail.contoso.com"], -1, 364)));
    let context = SelectionContext {
        iis_certificate: Some(bound.thumbprint()),
        ..context()
    };
    let decision = select_iis(&[newer.clone(), bound.clone()], &context, now());
    assert_eq!(decision.winner(), Some(bound.thumbprint()));
    assert_eq!(
        decision.verdict(newer.thumbprint()),
        Some(&Verdict::Lost(Reason::NotBoundToDefaultWebSite))
    );
    let unbound = select_iis(&[newer, bound], &crate::common::context(), now());
    assert_eq!(unbound.outcome, Outcome::None);
}

#[test]
fn b36_iis_does_not_use_a_bound_certificate_that_is_not_usable() {
    let pki = Pki::new();
    let cert = pki.ca_issued(spec(&["mail.contoso.com"], -1, 364));
    let keyless = pki.candidate_with_key(&cert, PrivateKeyState::Absent);
    let context = SelectionContext {
        iis_certificate: Some(keyless.thumbprint()),
        ..context()
    };
    let decision = select_iis(std::slice::from_ref(&keyless), &context, now());
    assert_eq!(decision.outcome, Outcome::None);
    assert_eq!(
        decision.verdict(keyless.thumbprint()),
        Some(&Verdict::Lost(Reason::NoPrivateKey))
    );
}
