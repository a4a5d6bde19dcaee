//! Unified Messaging (spec §5.8, B-77, B-100 to B-104).

use cert_selection::{
    EntryType, Outcome, Preference, Reason, Roles, SelectionContext, UM_CERTIFICATE_EXPIRED,
    UM_CERTIFICATE_EXPIRES_SOON, UM_CERTIFICATE_IN_USE, UM_CREATES_SELF_SIGNED, UmStartupMode,
    Verdict, one_month_before, select_um, um_expiry_event,
};
use time::{Duration, macros::datetime};

use crate::common::{Pki, context, now, render, spec};

fn secured() -> SelectionContext {
    SelectionContext {
        um_startup_mode: UmStartupMode::Secured,
        ..context()
    }
}

const FQDN: &str = "EXCH01.contoso.com";

#[test]
fn b104_pki_longest_then_pki_shortest_then_self_signed_longest_then_shortest() {
    let pki = Pki::new();
    let pki_long = pki.ca_issued(spec(&[FQDN], -10, 700));
    let pki_short = pki.ca_issued(spec(&[FQDN], -300, 60));
    let self_long = pki.self_signed(spec(&[FQDN], -1, 365));
    let self_short = pki.self_signed(spec(&[FQDN], -200, 100));
    let all: Vec<_> = [&self_short, &pki_short, &self_long, &pki_long]
        .iter()
        .map(|c| pki.candidate(c))
        .collect();
    let names = [
        ("self_short", &all[0]),
        ("pki_short", &all[1]),
        ("self_long", &all[2]),
        ("pki_long", &all[3]),
    ];
    insta::assert_snapshot!(
        "b104_um_full_order",
        render(&select_um(&all, &secured(), now()), &names)
    );
    // Remove the winner each time: the order is pki_long, pki_short, self_long, self_short.
    let order = [3usize, 1, 2, 0];
    for (step, expected) in order.iter().enumerate() {
        let remaining: Vec<_> = all
            .iter()
            .enumerate()
            .filter(|(i, _)| !order[..step].contains(i))
            .map(|(_, c)| c.clone())
            .collect();
        let decision = select_um(&remaining, &secured(), now());
        assert_eq!(
            decision.winner(),
            Some(all[*expected].thumbprint()),
            "step {step}"
        );
    }
}

#[test]
fn b100_pki_first_else_self_signed_else_create_a_self_signed_certificate() {
    let pki = Pki::new();
    let self_signed = pki.candidate(&pki.self_signed(spec(&[FQDN], -1, 700)));
    let ca = pki.candidate(&pki.ca_issued(spec(&[FQDN], -1, 30)));
    let decision = select_um(&[self_signed.clone(), ca.clone()], &secured(), now());
    assert_eq!(decision.winner(), Some(ca.thumbprint()));
    assert_eq!(
        decision.verdict(self_signed.thumbprint()),
        Some(&Verdict::Lost(Reason::Outranked {
            by: ca.thumbprint(),
            rule: Preference::PkiOverSelfSigned
        }))
    );
    let only_self = select_um(std::slice::from_ref(&self_signed), &secured(), now());
    assert_eq!(only_self.winner(), Some(self_signed.thumbprint()));
    let none = select_um(&[], &secured(), now());
    assert_eq!(none.outcome, Outcome::CreateSelfSigned);
    assert_eq!(none.events[0].id, UM_CREATES_SELF_SIGNED);
}

#[test]
fn b101_unsecured_mode_needs_no_certificate() {
    let pki = Pki::new();
    let ca = pki.candidate(&pki.ca_issued(spec(&[FQDN], -1, 30)));
    let decision = select_um(&[ca], &context(), now());
    assert_eq!(decision.outcome, Outcome::NoCertificateNeeded);
    assert!(decision.candidates.is_empty() && decision.events.is_empty());
}

#[test]
fn b77_um_needs_the_role_and_a_certificate_with_the_physical_fqdn() {
    let pki = Pki::new();
    let other = pki.candidate(&pki.ca_issued(spec(&["mail.contoso.com"], -1, 300)));
    let server = pki.candidate(&pki.self_signed(spec(&[FQDN], -1, 300)));
    let decision = select_um(&[other.clone(), server.clone()], &secured(), now());
    assert_eq!(decision.winner(), Some(server.thumbprint()));
    assert_eq!(
        decision.verdict(other.thumbprint()),
        Some(&Verdict::Lost(Reason::DomainMismatch {
            fqdn: "exch01.contoso.com".into()
        }))
    );
    let no_role = SelectionContext {
        roles: Roles::HUB_TRANSPORT,
        ..secured()
    };
    assert_eq!(
        select_um(&[server], &no_role, now()).outcome,
        Outcome::RoleNotInstalled
    );
}

#[test]
fn b102_the_certificate_in_use_is_logged_with_issuer_serial_and_thumbprint() {
    let pki = Pki::new();
    let ca = pki.candidate(&pki.ca_issued(spec(&[FQDN], -1, 300)));
    let decision = select_um(std::slice::from_ref(&ca), &secured(), now());
    let event = &decision.events[0];
    assert_eq!(
        (event.id, event.entry_type),
        (UM_CERTIFICATE_IN_USE, EntryType::Information)
    );
    assert!(
        event
            .message
            .contains(&format!("Issuer Name: {},", ca.certificate().issuer())),
        "{}",
        event.message
    );
    assert!(
        event.message.contains("certsh Test Issuing CA"),
        "{}",
        event.message
    );
    assert!(event.message.contains(&format!(
        "Serial Number: {}",
        ca.certificate().serial_number()
    )));
    assert!(
        event
            .message
            .contains(&format!("Thumbprint: {}", ca.thumbprint()))
    );
}

#[test]
fn b04_b103_an_expired_self_signed_certificate_is_still_used_but_last() {
    let pki = Pki::new();
    let expired = pki.candidate(&pki.self_signed(spec(&[FQDN], -400, -35)));
    let decision = select_um(std::slice::from_ref(&expired), &secured(), now());
    assert_eq!(decision.winner(), Some(expired.thumbprint()));
    let valid = pki.candidate(&pki.self_signed(spec(&[FQDN], -1, 10)));
    let decision = select_um(&[expired.clone(), valid.clone()], &secured(), now());
    assert_eq!(decision.winner(), Some(valid.thumbprint()));
    assert_eq!(
        decision.verdict(expired.thumbprint()),
        Some(&Verdict::Lost(Reason::Outranked {
            by: valid.thumbprint(),
            rule: Preference::NotExpired
        }))
    );
    // An expired CA-issued certificate does not get the internal exception.
    let expired_ca = pki.candidate(&pki.ca_issued(spec(&[FQDN], -400, -35)));
    let decision = select_um(&[expired_ca], &secured(), now());
    assert_eq!(decision.outcome, Outcome::CreateSelfSigned);
}

#[test]
fn b103_expiry_events_start_one_month_before_and_come_once_a_day() {
    let pki = Pki::new();
    // NotAfter 2008-09-20 10:04:02: the window opens 2008-08-20 10:04:02.
    let cert = pki.ca_issued(spec(&[FQDN], -100, 44));
    assert_eq!(
        one_month_before(cert.not_after()),
        datetime!(2008-08-20 10:04:02 UTC)
    );
    let day_before_window = datetime!(2008-08-19 12:00 UTC);
    assert_eq!(um_expiry_event(&cert, day_before_window, None), None);
    let first = datetime!(2008-08-20 11:00 UTC);
    let event = um_expiry_event(&cert, first, None).expect("due on the first day of the window");
    assert_eq!(
        (event.id, event.entry_type),
        (UM_CERTIFICATE_EXPIRES_SOON, EntryType::Warning)
    );
    assert!(event.message.contains("(30 days remaining)"));
    // Logged today: nothing more today, one again tomorrow.
    assert_eq!(
        um_expiry_event(&cert, first + Duration::hours(5), Some(first.date())),
        None
    );
    let tomorrow = first + Duration::days(1);
    assert!(um_expiry_event(&cert, tomorrow, Some(first.date())).is_some());
    // After expiry: an error each day.
    let after = cert.not_after() + Duration::days(3);
    let expired = um_expiry_event(&cert, after, Some(after.date() - Duration::days(1)))
        .expect("due the day after expiry");
    assert_eq!(
        (expired.id, expired.entry_type),
        (UM_CERTIFICATE_EXPIRED, EntryType::Error)
    );
    assert_eq!(um_expiry_event(&cert, after, Some(after.date())), None);
}

#[test]
fn b103_one_month_before_clamps_to_the_shorter_month() {
    assert_eq!(
        one_month_before(datetime!(2009-03-31 08:00 UTC)),
        datetime!(2009-02-28 08:00 UTC)
    );
    assert_eq!(
        one_month_before(datetime!(2009-01-15 08:00 UTC)),
        datetime!(2008-12-15 08:00 UTC)
    );
}
