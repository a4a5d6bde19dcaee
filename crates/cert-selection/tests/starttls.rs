//! SMTP STARTTLS (spec §5.6, B-80 to B-84, B-88).

use cert_generation::ExtendedKeyUsage;
use cert_model::{RootCaType, Status};
use cert_selection::{
    Connector, Direction, EntryType, Outcome, Preference, PrivateKeyState, Reason, Verdict,
    select_smtp_starttls,
};
use cert_testkit::{key_1024, key_2048};

use crate::common::{Pki, context, now, render, spec};

fn receive(fqdn: Option<&'static str>) -> Connector<'static> {
    Connector {
        direction: Direction::Inbound,
        name: "Default EXCH01",
        fqdn,
    }
}

#[test]
fn b80_b84_no_certificate_for_the_fqdn_means_starttls_is_not_advertised() {
    let pki = Pki::new();
    let other = pki.candidate(&pki.ca_issued(spec(&["www.fabrikam.com"], 0, 365)));
    let decision = select_smtp_starttls(
        std::slice::from_ref(&other),
        &context(),
        receive(Some("mail.contoso.com")),
        now(),
    );
    assert_eq!(decision.outcome, Outcome::NotAdvertised);
    assert_eq!(
        decision.verdict(other.thumbprint()),
        Some(&Verdict::Lost(Reason::DomainMismatch {
            fqdn: "mail.contoso.com".into()
        }))
    );
    assert_eq!(decision.events.len(), 1);
    assert_eq!(
        (decision.events[0].id, decision.events[0].entry_type),
        (12014, EntryType::Warning)
    );
    assert!(
        decision.events[0]
            .message
            .contains("domain name mail.contoso.com")
    );
    assert!(
        decision.events[0]
            .message
            .contains("connector Default EXCH01")
    );
}

#[test]
fn b80_a_valid_certificate_for_the_fqdn_is_selected_and_logs_nothing() {
    let pki = Pki::new();
    let cert = pki.candidate(&pki.ca_issued(spec(&["mail.contoso.com"], 0, 365)));
    let decision = select_smtp_starttls(
        std::slice::from_ref(&cert),
        &context(),
        receive(Some("MAIL.contoso.com")),
        now(),
    );
    assert_eq!(decision.outcome, Outcome::Selected(cert.thumbprint()));
    assert!(decision.events.is_empty());
}

#[test]
fn b81_inbound_uses_the_receive_connector_fqdn_outbound_without_fqdn_the_physical_fqdn() {
    let pki = Pki::new();
    let mail = pki.candidate(&pki.ca_issued(spec(&["mail.contoso.com"], 0, 365)));
    let server = pki.candidate(&pki.self_signed(spec(&["EXCH01", "EXCH01.contoso.com"], 0, 365)));
    let store = [mail.clone(), server.clone()];
    let inbound =
        select_smtp_starttls(&store, &context(), receive(Some("mail.contoso.com")), now());
    assert_eq!(inbound.winner(), Some(mail.thumbprint()));
    let send = Connector {
        direction: Direction::Outbound,
        name: "To Internet",
        fqdn: None,
    };
    let outbound = select_smtp_starttls(&store, &context(), send, now());
    assert_eq!(outbound.fqdn.as_deref(), Some("exch01.contoso.com"));
    assert_eq!(outbound.winner(), Some(server.thumbprint()));
    let empty = select_smtp_starttls(&store, &context(), receive(Some("  ")), now());
    assert_eq!(empty.winner(), Some(server.thumbprint()));
}

#[test]
fn b82_eku_must_contain_server_authentication_or_be_absent() {
    let pki = Pki::new();
    let client_only = pki.candidate(
        &pki.ca_issued(spec(&["mail.contoso.com"], 0, 365).eku(vec![ExtendedKeyUsage::ClientAuth])),
    );
    let no_eku = pki.candidate(&pki.ca_issued(spec(&["mail.contoso.com"], -10, 365).eku(vec![])));
    let decision = select_smtp_starttls(
        &[client_only.clone(), no_eku.clone()],
        &context(),
        receive(Some("mail.contoso.com")),
        now(),
    );
    assert_eq!(decision.winner(), Some(no_eku.thumbprint()));
    assert_eq!(
        decision.verdict(client_only.thumbprint()),
        Some(&Verdict::Lost(Reason::NoServerAuthentication))
    );
}

#[test]
fn b82_a_1024_bit_rsa_key_is_enough() {
    let pki = Pki::new();
    let short = pki.candidate(&pki.ca_issued(spec(&["mail.contoso.com"], 0, 365).key(key_1024())));
    assert_eq!(short.certificate().public_key_size(), 1024);
    let decision = select_smtp_starttls(
        std::slice::from_ref(&short),
        &context(),
        receive(Some("mail.contoso.com")),
        now(),
    );
    assert_eq!(decision.winner(), Some(short.thumbprint()));
}

#[test]
fn b82_a_key_that_is_not_rsa_loses() {
    // An ECDSA P-256 self-signed certificate made with rcgen directly: cert-generation only
    // makes RSA keys, as Exchange 2007 does.
    let key = rcgen::KeyPair::generate_for(&rcgen::PKCS_ECDSA_P256_SHA256).expect("p-256 key");
    let params = rcgen::CertificateParams::new(vec!["mail.contoso.com".to_owned()])
        .expect("params for one dns name");
    let mut params = params;
    params.not_before = now() - time::Duration::days(1);
    params.not_after = now() + time::Duration::days(300);
    let der = params
        .self_signed(&key)
        .expect("self-signed ec certificate")
        .der()
        .to_vec();
    let certificate = std::sync::Arc::new(cert_model::Certificate::from_der(&der).expect("parses"));
    let pki = Pki::new();
    let candidate = pki.candidate(&certificate);
    assert_eq!(candidate.status(), Status::Valid);
    let decision = select_smtp_starttls(
        std::slice::from_ref(&candidate),
        &context(),
        receive(Some("mail.contoso.com")),
        now(),
    );
    assert_eq!(decision.outcome, Outcome::NotAdvertised);
    assert_eq!(
        decision.verdict(candidate.thumbprint()),
        Some(&Verdict::Lost(Reason::NotRsa))
    );
}

#[test]
fn b82_an_untrusted_chain_loses_and_a_self_signed_certificate_is_accepted() {
    let pki = Pki::new();
    let issued = pki.ca_issued(spec(&["mail.contoso.com"], 0, 365));
    // A validator that does not trust the test root: the CA-issued certificate is Untrusted.
    let stranger = cert_validation::Validator::new(Vec::new());
    let untrusted = cert_selection::Candidate::new(
        issued.clone(),
        &stranger.validate(&issued, now()),
        PrivateKeyState::Usable,
    );
    assert_eq!(untrusted.status(), Status::Untrusted);
    let self_signed = pki.candidate(&pki.self_signed(spec(&["mail.contoso.com"], -30, 300)));
    assert_eq!(self_signed.root_ca_type(), RootCaType::None);
    let decision = select_smtp_starttls(
        &[untrusted.clone(), self_signed.clone()],
        &context(),
        receive(Some("mail.contoso.com")),
        now(),
    );
    assert_eq!(decision.winner(), Some(self_signed.thumbprint()));
    assert_eq!(
        decision.verdict(untrusted.thumbprint()),
        Some(&Verdict::Lost(Reason::NotValid {
            status: Status::Untrusted
        }))
    );
}

#[test]
fn b82_b55_revoked_and_unreachable_crl_lose() {
    let pki = Pki::new();
    let revoked_cert = pki.ca_issued(spec(&["mail.contoso.com"], 0, 365));
    let crl = cert_model::Crl::from_der(
        &pki.ca
            .borrow()
            .intermediate_crl(&[revoked_cert.serial_bytes().to_vec()]),
    )
    .expect("test crl parses");
    let root = cert_model::Certificate::from_der(pki.ca.borrow().root_der()).expect("root");
    let intermediate = cert_model::Certificate::from_der(pki.ca.borrow().intermediate_der())
        .expect("intermediate");
    let checking = cert_validation::Validator::new(vec![cert_validation::TrustAnchor::new(
        root,
        RootCaType::Registry,
    )])
    .with_intermediates(vec![intermediate])
    .with_crls(vec![crl]);
    let revoked = cert_selection::Candidate::new(
        revoked_cert.clone(),
        &checking.validate(&revoked_cert, now()),
        PrivateKeyState::Usable,
    );
    assert_eq!(revoked.status(), Status::Revoked);
    let unreachable_cert = pki.ca_issued(spec(&["mail.contoso.com"], -1, 365));
    let unreachable = cert_selection::Candidate::with_status(
        unreachable_cert,
        Status::Unknown,
        RootCaType::Unknown,
        PrivateKeyState::Usable,
    );
    let decision = select_smtp_starttls(
        &[revoked.clone(), unreachable.clone()],
        &context(),
        receive(Some("mail.contoso.com")),
        now(),
    );
    assert_eq!(decision.outcome, Outcome::NotAdvertised);
    assert_eq!(
        decision.verdict(revoked.thumbprint()),
        Some(&Verdict::Lost(Reason::Revoked))
    );
    assert_eq!(
        decision.verdict(unreachable.thumbprint()),
        Some(&Verdict::Lost(Reason::RevocationCheckFailed))
    );
}

#[test]
fn b39_b82_the_private_key_must_be_present_local_and_without_password() {
    let pki = Pki::new();
    let certificate = pki.ca_issued(spec(&["mail.contoso.com"], 0, 365));
    for (state, reason) in [
        (PrivateKeyState::Absent, Reason::NoPrivateKey),
        (PrivateKeyState::Removable, Reason::KeyOnRemovableDevice),
        (
            PrivateKeyState::PasswordProtected,
            Reason::KeyPasswordProtected,
        ),
    ] {
        let candidate = pki.candidate_with_key(&certificate, state);
        let decision = select_smtp_starttls(
            std::slice::from_ref(&candidate),
            &context(),
            receive(Some("mail.contoso.com")),
            now(),
        );
        assert_eq!(decision.outcome, Outcome::NotAdvertised, "{state:?}");
        assert_eq!(
            decision.verdict(candidate.thumbprint()),
            Some(&Verdict::Lost(reason))
        );
    }
}

#[test]
fn b83_a_ca_issued_certificate_beats_a_newer_self_signed_one() {
    let pki = Pki::new();
    let old_ca = pki.candidate(&pki.ca_issued(spec(&["mail.contoso.com"], -200, 165)));
    let new_self = pki.candidate(&pki.self_signed(spec(&["mail.contoso.com"], -1, 364)));
    let decision = select_smtp_starttls(
        &[new_self.clone(), old_ca.clone()],
        &context(),
        receive(Some("mail.contoso.com")),
        now(),
    );
    assert_eq!(decision.winner(), Some(old_ca.thumbprint()));
    assert_eq!(
        decision.verdict(new_self.thumbprint()),
        Some(&Verdict::Lost(Reason::Outranked {
            by: old_ca.thumbprint(),
            rule: Preference::CaIssuedOverSelfSigned
        }))
    );
}

#[test]
fn b83_within_the_same_kind_the_newest_not_before_wins() {
    let pki = Pki::new();
    let ca_old = pki.ca_issued(spec(&["mail.contoso.com"], -100, 265));
    let ca_new = pki.ca_issued(spec(&["mail.contoso.com"], -5, 200).key(key_2048(2)));
    let self_old = pki.self_signed(spec(&["mail.contoso.com"], -50, 300));
    let self_new = pki.self_signed(spec(&["mail.contoso.com"], -2, 300));
    let candidates: Vec<_> = [&ca_old, &ca_new, &self_old, &self_new]
        .iter()
        .map(|c| pki.candidate(c))
        .collect();
    let decision = select_smtp_starttls(
        &candidates,
        &context(),
        receive(Some("mail.contoso.com")),
        now(),
    );
    let names = [
        ("ca_old", &candidates[0]),
        ("ca_new", &candidates[1]),
        ("self_old", &candidates[2]),
        ("self_new", &candidates[3]),
    ];
    insta::assert_snapshot!("b83_ca_issued_first_then_newest", render(&decision, &names));
    // Among self-signed certificates alone the newest wins too.
    let decision = select_smtp_starttls(
        &candidates[2..],
        &context(),
        receive(Some("mail.contoso.com")),
        now(),
    );
    assert_eq!(decision.winner(), Some(candidates[3].thumbprint()));
}

#[test]
fn b36_b19_an_expired_or_future_certificate_is_not_used_and_expiry_is_logged() {
    let pki = Pki::new();
    let expired = pki.candidate(&pki.ca_issued(spec(&["mail.contoso.com"], -400, -35)));
    let future = pki.candidate(&pki.ca_issued(spec(&["mail.contoso.com"], 10, 375)));
    let decision = select_smtp_starttls(
        &[expired.clone(), future.clone()],
        &context(),
        receive(Some("mail.contoso.com")),
        now(),
    );
    assert_eq!(decision.outcome, Outcome::NotAdvertised);
    assert_eq!(
        decision.verdict(expired.thumbprint()),
        Some(&Verdict::Lost(Reason::Expired {
            not_after: expired.certificate().not_after()
        }))
    );
    assert!(matches!(
        decision.verdict(future.thumbprint()),
        Some(Verdict::Lost(Reason::NotYetValid { .. }))
    ));
    let ids: Vec<u32> = decision.events.iter().map(|event| event.id).collect();
    assert_eq!(ids, [12014, 12016]);
}

#[test]
fn b36_a_validation_cached_earlier_is_rechecked_against_the_decision_instant() {
    let pki = Pki::new();
    let cert = pki.candidate(&pki.ca_issued(spec(&["mail.contoso.com"], -300, 1)));
    let later = now() + time::Duration::days(2);
    let decision = select_smtp_starttls(
        std::slice::from_ref(&cert),
        &context(),
        receive(Some("mail.contoso.com")),
        later,
    );
    assert!(matches!(
        decision.verdict(cert.thumbprint()),
        Some(Verdict::Lost(Reason::Expired { .. }))
    ));
}

#[test]
fn b06_b88_one_wildcard_certificate_serves_mail_and_pop_but_not_the_apex_or_two_labels() {
    let pki = Pki::new();
    let wildcard = pki.candidate(&pki.ca_issued(spec(&["*.contoso.com"], 0, 365)));
    let store = [wildcard.clone()];
    for fqdn in ["mail.contoso.com", "pop.contoso.com"] {
        let decision = select_smtp_starttls(&store, &context(), receive(Some(fqdn)), now());
        assert_eq!(decision.winner(), Some(wildcard.thumbprint()), "{fqdn}");
    }
    for fqdn in ["contoso.com", "a.b.contoso.com", "mail.fabrikam.com"] {
        let decision = select_smtp_starttls(&store, &context(), receive(Some(fqdn)), now());
        assert_eq!(decision.outcome, Outcome::NotAdvertised, "{fqdn}");
    }
}

#[test]
fn b07_the_name_must_be_in_certificate_domains_subject_cn_or_san() {
    let pki = Pki::new();
    let cert = pki.candidate(&pki.ca_issued(spec(
        &["mail.contoso.com", "autodiscover.contoso.com"],
        0,
        365,
    )));
    let store = [cert.clone()];
    for fqdn in ["mail.contoso.com", "autodiscover.contoso.com"] {
        let decision = select_smtp_starttls(&store, &context(), receive(Some(fqdn)), now());
        assert_eq!(decision.winner(), Some(cert.thumbprint()), "{fqdn}");
    }
    let decision =
        select_smtp_starttls(&store, &context(), receive(Some("owa.contoso.com")), now());
    assert_eq!(decision.outcome, Outcome::NotAdvertised);
}

#[test]
fn b83_equal_on_every_rule_the_earlier_certificate_in_the_store_wins() {
    let pki = Pki::new();
    let first = pki.candidate(&pki.ca_issued(spec(&["mail.contoso.com"], -3, 300)));
    let second = pki.candidate(&pki.ca_issued(spec(&["mail.contoso.com"], -3, 300)));
    assert_ne!(first.thumbprint(), second.thumbprint());
    let decision = select_smtp_starttls(
        &[first.clone(), second.clone()],
        &context(),
        receive(Some("mail.contoso.com")),
        now(),
    );
    assert_eq!(decision.winner(), Some(first.thumbprint()));
    assert_eq!(
        decision.verdict(second.thumbprint()),
        Some(&Verdict::Lost(Reason::Outranked {
            by: first.thumbprint(),
            rule: Preference::StoreOrder
        }))
    );
}

#[test]
fn b82_every_failed_requirement_is_named_in_the_verdicts() {
    let pki = Pki::new();
    let fqdn = "mail.contoso.com";
    let with = |status: Status, from: i64| {
        cert_selection::Candidate::with_status(
            pki.ca_issued(spec(&[fqdn], from, 300)),
            status,
            RootCaType::Unknown,
            PrivateKeyState::Usable,
        )
    };
    let keyed = |key: PrivateKeyState, from: i64| {
        pki.candidate_with_key(&pki.ca_issued(spec(&[fqdn], from, 300)), key)
    };
    let store = vec![
        (
            "mismatch",
            pki.candidate(&pki.ca_issued(spec(&["www.contoso.com"], -1, 300))),
        ),
        (
            "client_auth_only",
            pki.candidate(
                &pki.ca_issued(spec(&[fqdn], -2, 300).eku(vec![ExtendedKeyUsage::ClientAuth])),
            ),
        ),
        ("untrusted", with(Status::Untrusted, -3)),
        ("invalid", with(Status::Invalid, -4)),
        ("revoked", with(Status::Revoked, -5)),
        ("crl_unreachable", with(Status::Unknown, -6)),
        (
            "expired",
            pki.candidate(&pki.ca_issued(spec(&[fqdn], -400, -35))),
        ),
        (
            "not_yet_valid",
            pki.candidate(&pki.ca_issued(spec(&[fqdn], 10, 300))),
        ),
        ("no_key", keyed(PrivateKeyState::Absent, -7)),
        ("removable_key", keyed(PrivateKeyState::Removable, -8)),
        (
            "password_key",
            keyed(PrivateKeyState::PasswordProtected, -9),
        ),
    ];
    let candidates: Vec<_> = store
        .iter()
        .map(|(_, candidate)| candidate.clone())
        .collect();
    let decision = select_smtp_starttls(&candidates, &context(), receive(Some(fqdn)), now());
    let names: Vec<(&str, &cert_selection::Candidate)> = store
        .iter()
        .map(|(name, candidate)| (*name, candidate))
        .collect();
    insta::assert_snapshot!("b82_every_requirement_named", render(&decision, &names));
}

/// A throwaway 768-bit RSA key (made once with `openssl genpkey`), below the 1024-bit minimum
/// of spec B-82; `cert-testkit` has no key this short.
const KEY_768: &str = "-----BEGIN PRIVATE KEY-----
MIIB5AIBADANBgkqhkiG9w0BAQEFAASCAc4wggHKAgEAAmEAq/0hEB2E+rdAXBMO
iydQkwSgMC127FHe83OuXhgDv69b2lh0lGO/WfpFWGHJzoZGDK2tDBeH6478t+wR
cOdosAxqSWpP40fEvVOtApcEEt7eaie4DkDmgkFwfghE7zsBAgMBAAECYQCi82C5
EQ7mMGuVESUtaKFpue8/1kOfoe44ATmKwvwCSFYhqL9DvMIWsQ20sGnw97unF5A3
Gqid9rZLKX59QO07lO5tYGUE/d08XjqNNl2T7EsW8zQfnND517jjY1QiMfECMQDX
M5hV3BacUZj8Zy1IUjWeBxtFNicLyw6vTMnBqNKpXoKicY+fvsUJVFyB55UDUZ0C
MQDMmEibhVIyKgPn2U3KgpQmJMhOIqkZC4egXp49TXw6bm6sk/AgbyesrnLxHVqR
c7UCMGrY4CrJEqTcUqQHKlF9F8f1aVHM2EgfspPRAV9YzfdvyFaVIaVD15qROzj4
XWD/dQIwIriNSedcRasfso8MRpvWbIq9e5UiQV/Vin/ENv8ZYAkxuxP4Imj6wLFy
TD0BC8IpAjBkBAe30uZtQlirxZthH3xJ3nb/Rd/JyaYfVJ21uJ9uOK1D9JesaMSk
9Qat6SignvE=
-----END PRIVATE KEY-----
";

#[test]
fn b82_an_rsa_key_shorter_than_1024_bits_loses() {
    let pki = Pki::new();
    let key = cert_generation::PrivateKey::from_pem(KEY_768).expect("the 768-bit test key parses");
    let short = pki.candidate(&pki.self_signed(spec(&["mail.contoso.com"], -1, 300).key(key)));
    assert_eq!(short.certificate().public_key_size(), 768);
    let decision = select_smtp_starttls(
        std::slice::from_ref(&short),
        &context(),
        receive(Some("mail.contoso.com")),
        now(),
    );
    assert_eq!(decision.outcome, Outcome::NotAdvertised);
    assert_eq!(
        decision.verdict(short.thumbprint()),
        Some(&Verdict::Lost(Reason::KeyTooShort { bits: 768 }))
    );
}
