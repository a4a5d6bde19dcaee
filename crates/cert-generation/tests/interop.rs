//! Certificates, requests and CRLs checked by openssl 3 (spec §3.1; crypto-notes: openssl).

use cert_generation::{
    CertificateParams, CreateCertificateError, NameAttribute, NameError, RequestParams,
    SubjectName, one_year_after, request, self_signed,
};
use cert_testkit::{SeededRandom, TestCa, fixed_now, key_1024, key_2048};

use crate::common::{Scratch, openssl, openssl_ok, pem};

/// openssl's `-attime` for one day after the fixed clock (the test certificates have long
/// expired by the real clock).
fn at_fixed_now() -> String {
    (fixed_now().unix_timestamp() + 86_400).to_string()
}

fn exchange_default(now: time::OffsetDateTime) -> CertificateParams {
    CertificateParams::server(
        SubjectName::common_name("EXCH01"),
        vec!["EXCH01".into(), "EXCH01.contoso.com".into()],
        now,
    )
}

/// The certificate as openssl prints it, without the key and signature bytes.
fn certificate_text(scratch: &Scratch, name: &str) -> String {
    openssl_ok(
        scratch.dir(),
        &[
            "x509",
            "-in",
            name,
            "-noout",
            "-text",
            "-certopt",
            "no_pubkey,no_sigdump",
        ],
    )
}

#[test]
fn b05_b12_b13_self_signed_default_certificate() {
    let der = self_signed(
        &exchange_default(fixed_now()),
        &key_2048(1),
        &mut SeededRandom::new(1),
    )
    .unwrap();
    let scratch = Scratch::new();
    scratch.write_cert_pem("c.pem", &der);
    insta::assert_snapshot!(certificate_text(&scratch, "c.pem"));
    // The self-signature verifies: openssl accepts the certificate as its own anchor.
    openssl_ok(
        scratch.dir(),
        &[
            "verify",
            "-attime",
            &at_fixed_now(),
            "-CAfile",
            "c.pem",
            "c.pem",
        ],
    );
}

#[test]
fn b03_self_signed_valid_exactly_one_year() {
    let der = self_signed(
        &exchange_default(fixed_now()),
        &key_2048(1),
        &mut SeededRandom::new(1),
    )
    .unwrap();
    let scratch = Scratch::new();
    scratch.write_cert_pem("c.pem", &der);
    let dates = openssl_ok(scratch.dir(), &["x509", "-in", "c.pem", "-noout", "-dates"]);
    insta::assert_snapshot!(dates, @r"
    notBefore=Aug  7 10:04:02 2008 GMT
    notAfter=Aug  7 10:04:02 2009 GMT
    ");
    let leap = time::macros::datetime!(2008-02-29 12:00:00 UTC);
    assert_eq!(
        one_year_after(leap),
        time::macros::datetime!(2009-02-28 12:00:00 UTC)
    );
}

#[test]
fn serials_are_positive_and_follow_the_random_source() {
    let params = exchange_default(fixed_now());
    let first = self_signed(&params, &key_2048(1), &mut SeededRandom::new(1)).unwrap();
    let again = self_signed(&params, &key_2048(1), &mut SeededRandom::new(1)).unwrap();
    let other = self_signed(&params, &key_2048(1), &mut SeededRandom::new(2)).unwrap();
    assert_eq!(first, again);
    assert_ne!(first, other);
    let scratch = Scratch::new();
    scratch.write_cert_pem("a.pem", &first);
    scratch.write_cert_pem("b.pem", &other);
    let serial_a = openssl_ok(
        scratch.dir(),
        &["x509", "-in", "a.pem", "-noout", "-serial"],
    );
    let serial_b = openssl_ok(
        scratch.dir(),
        &["x509", "-in", "b.pem", "-noout", "-serial"],
    );
    assert_ne!(serial_a, serial_b);
    // 16 bytes = 32 hex digits, top bit clear (first digit 4..7).
    let hex = serial_a.trim().trim_start_matches("serial=");
    assert_eq!(hex.len(), 32, "{hex}");
    assert!(matches!(hex.as_bytes()[0], b'4'..=b'7'), "{hex}");
}

#[test]
fn self_signed_with_1024_bit_key_verifies() {
    let der = self_signed(
        &exchange_default(fixed_now()),
        &key_1024(),
        &mut SeededRandom::new(3),
    )
    .unwrap();
    let scratch = Scratch::new();
    scratch.write_cert_pem("c.pem", &der);
    let text = openssl_ok(scratch.dir(), &["x509", "-in", "c.pem", "-noout", "-text"]);
    assert!(text.contains("Public-Key: (1024 bit)"), "{text}");
    assert!(text.contains("sha256WithRSAEncryption"), "{text}");
    openssl_ok(
        scratch.dir(),
        &[
            "verify",
            "-auth_level",
            "0",
            "-attime",
            &at_fixed_now(),
            "-CAfile",
            "c.pem",
            "c.pem",
        ],
    );
}

#[test]
fn b14_subject_name_with_every_attribute_keeps_its_order() {
    let subject = SubjectName::new(vec![
        (NameAttribute::Country, "US".into()),
        (NameAttribute::State, "WA".into()),
        (NameAttribute::Locality, "Redmond".into()),
        (NameAttribute::Organization, "Contoso Corp".into()),
        (NameAttribute::OrganizationalUnit, "IT".into()),
        (
            NameAttribute::CommonName,
            "popserver.fourthcoffee.com".into(),
        ),
    ]);
    let params = CertificateParams::server(
        subject,
        vec!["popserver.fourthcoffee.com".into()],
        fixed_now(),
    );
    let der = self_signed(&params, &key_2048(2), &mut SeededRandom::new(4)).unwrap();
    let scratch = Scratch::new();
    scratch.write_cert_pem("c.pem", &der);
    let subject = openssl_ok(
        scratch.dir(),
        &[
            "x509", "-in", "c.pem", "-noout", "-subject", "-nameopt", "oneline",
        ],
    );
    insta::assert_snapshot!(subject.trim(), @"subject=C = US, ST = WA, L = Redmond, O = Contoso Corp, OU = IT, CN = popserver.fourthcoffee.com");
    let asn1 = openssl_ok(scratch.dir(), &["asn1parse", "-in", "c.pem"]);
    assert!(
        asn1.lines()
            .any(|line| line.contains("PRINTABLESTRING") && line.ends_with(":US")),
        "country must be a PrintableString"
    );
}

#[test]
fn repeated_attribute_and_bad_dates_are_errors() {
    let subject = SubjectName::new(vec![
        (NameAttribute::OrganizationalUnit, "A".into()),
        (NameAttribute::OrganizationalUnit, "B".into()),
    ]);
    let params = CertificateParams::server(subject, Vec::new(), fixed_now());
    let err = self_signed(&params, &key_2048(1), &mut SeededRandom::new(1)).unwrap_err();
    assert_eq!(
        err,
        CreateCertificateError::Name(NameError::Repeated { keyword: "OU" })
    );
    assert_eq!(
        err.to_string(),
        "invalid subject name: the attribute OU appears more than once in the subject name"
    );
    let mut params = exchange_default(fixed_now());
    params.not_after = params.not_before;
    assert_eq!(
        self_signed(&params, &key_2048(1), &mut SeededRandom::new(1)),
        Err(CreateCertificateError::InvalidValidity)
    );
}

fn pop_request_params() -> RequestParams {
    RequestParams {
        subject: SubjectName::new(vec![
            (NameAttribute::Country, "us".into()),
            (NameAttribute::Organization, "contoso corp".into()),
            (
                NameAttribute::CommonName,
                "popserver.fourthcoffee.com".into(),
            ),
        ]),
        domains: vec!["popserver.fourthcoffee.com".into()],
    }
}

#[test]
fn b64_b65_request_pem_uses_exchange_label_and_verifies() {
    let csr = request(&pop_request_params(), &key_2048(3)).unwrap();
    let text = csr.to_pem();
    assert!(
        text.starts_with("-----BEGIN NEW CERTIFICATE REQUEST-----\r\n"),
        "{text}"
    );
    assert!(
        text.ends_with("-----END NEW CERTIFICATE REQUEST-----\r\n"),
        "{text}"
    );
    assert!(text.lines().all(|line| line.len() <= 65));
    assert!(text.replace("\r\n", "").contains(&csr.base64()));
    let scratch = Scratch::new();
    scratch.write("r.req", text.as_bytes());
    let run = openssl(scratch.dir(), &["req", "-in", "r.req", "-noout", "-verify"]);
    assert!(run.success, "{}", run.stderr);
    assert!(format!("{}{}", run.stdout, run.stderr).contains("verify OK"));
    let text = openssl_ok(
        scratch.dir(),
        &[
            "req",
            "-in",
            "r.req",
            "-noout",
            "-text",
            "-reqopt",
            "no_pubkey,no_sigdump",
        ],
    );
    insta::assert_snapshot!(text);
}

#[test]
fn b65_binary_request_is_der() {
    let csr = request(&pop_request_params(), &key_2048(3)).unwrap();
    let scratch = Scratch::new();
    scratch.write("r.der", csr.der());
    openssl_ok(
        scratch.dir(),
        &["req", "-inform", "DER", "-in", "r.der", "-noout", "-verify"],
    );
}

#[test]
fn request_with_1024_bit_key_verifies() {
    let csr = request(&pop_request_params(), &key_1024()).unwrap();
    let scratch = Scratch::new();
    scratch.write("r.req", csr.to_pem().as_bytes());
    openssl_ok(scratch.dir(), &["req", "-in", "r.req", "-noout", "-verify"]);
}

#[test]
fn openssl_ca_signs_our_request_keeping_its_extensions() {
    let ca = TestCa::new();
    let scratch = Scratch::new();
    scratch.write_cert_pem("root.pem", ca.root_der());
    scratch.write_cert_pem("inter.pem", ca.intermediate_der());
    scratch.write("inter.key", key_2048(6).to_pem().as_bytes());
    let csr = request(&pop_request_params(), &key_2048(3)).unwrap();
    scratch.write("r.req", csr.to_pem().as_bytes());
    openssl_ok(
        scratch.dir(),
        &[
            "x509",
            "-req",
            "-in",
            "r.req",
            "-CA",
            "inter.pem",
            "-CAkey",
            "inter.key",
            "-copy_extensions",
            "copy",
            "-set_serial",
            "7",
            "-days",
            "30",
            "-out",
            "leaf.pem",
        ],
    );
    let text = certificate_text(&scratch, "leaf.pem");
    assert!(text.contains("DNS:popserver.fourthcoffee.com"), "{text}");
    assert!(text.contains("TLS Web Server Authentication"), "{text}");
    // openssl dates its certificate by the real clock, when the test CA has expired.
    openssl_ok(
        scratch.dir(),
        &[
            "verify",
            "-no_check_time",
            "-CAfile",
            "root.pem",
            "-untrusted",
            "inter.pem",
            "leaf.pem",
        ],
    );
}

#[test]
fn test_ca_chain_verifies_in_openssl() {
    let mut ca = TestCa::new();
    let leaf = ca.issue_server("mail.contoso.com", &["mail.contoso.com"], &key_2048(1));
    let scratch = Scratch::new();
    scratch.write_cert_pem("root.pem", ca.root_der());
    scratch.write_cert_pem("inter.pem", ca.intermediate_der());
    scratch.write_cert_pem("leaf.pem", &leaf);
    openssl_ok(
        scratch.dir(),
        &[
            "verify",
            "-attime",
            &at_fixed_now(),
            "-CAfile",
            "root.pem",
            "-untrusted",
            "inter.pem",
            "leaf.pem",
        ],
    );
    insta::assert_snapshot!(certificate_text(&scratch, "leaf.pem"));
}

#[test]
fn test_ca_answers_our_request() {
    let mut ca = TestCa::new();
    let csr = request(&pop_request_params(), &key_2048(3)).unwrap();
    let leaf = ca.answer_request(csr.der()).unwrap();
    let scratch = Scratch::new();
    scratch.write_cert_pem("root.pem", ca.root_der());
    scratch.write_cert_pem("inter.pem", ca.intermediate_der());
    scratch.write_cert_pem("leaf.pem", &leaf);
    let text = certificate_text(&scratch, "leaf.pem");
    assert!(text.contains("DNS:popserver.fourthcoffee.com"), "{text}");
    openssl_ok(
        scratch.dir(),
        &[
            "verify",
            "-attime",
            &at_fixed_now(),
            "-CAfile",
            "root.pem",
            "-untrusted",
            "inter.pem",
            "leaf.pem",
        ],
    );
    assert!(matches!(
        ca.answer_request(b"not a request"),
        Err(CreateCertificateError::InvalidRequest { .. })
    ));
}

#[test]
fn crl_from_test_ca_revokes_in_openssl() {
    let mut ca = TestCa::new();
    let revoked = ca.issue_server("old.contoso.com", &["old.contoso.com"], &key_2048(1));
    let kept = ca.issue_server("mail.contoso.com", &["mail.contoso.com"], &key_2048(2));
    let scratch = Scratch::new();
    scratch.write_cert_pem("root.pem", ca.root_der());
    scratch.write_cert_pem("inter.pem", ca.intermediate_der());
    scratch.write_cert_pem("revoked.pem", &revoked);
    scratch.write_cert_pem("kept.pem", &kept);
    let serial_line = openssl_ok(
        scratch.dir(),
        &["x509", "-in", "revoked.pem", "-noout", "-serial"],
    );
    let serial_hex = serial_line.trim().trim_start_matches("serial=");
    let serial: Vec<u8> = (0..serial_hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&serial_hex[i..i + 2], 16).unwrap())
        .collect();
    let crl = ca.intermediate_crl(&[serial]);
    scratch.write("crl.pem", pem("X509 CRL", &crl).as_bytes());
    // A CRL for the root too, since -crl_check_all checks every level.
    let verify = |leaf: &str| {
        openssl(
            scratch.dir(),
            &[
                "verify",
                "-attime",
                &at_fixed_now(),
                "-crl_check",
                "-CRLfile",
                "crl.pem",
                "-CAfile",
                "root.pem",
                "-untrusted",
                "inter.pem",
                leaf,
            ],
        )
    };
    let run = verify("revoked.pem");
    assert!(!run.success);
    assert!(format!("{}{}", run.stdout, run.stderr).contains("certificate revoked"));
    let run = verify("kept.pem");
    assert!(run.success, "{}{}", run.stdout, run.stderr);
    openssl_ok(
        scratch.dir(),
        &["crl", "-in", "crl.pem", "-noout", "-CAfile", "inter.pem"],
    );
}

#[test]
fn crl_authority_key_id_repeats_the_ca_subject_key_id() {
    let ca = TestCa::new();
    let crl = cert_model::Crl::from_der(&ca.intermediate_crl(&[])).unwrap();
    let intermediate = cert_model::Certificate::from_der(ca.intermediate_der()).unwrap();
    assert!(intermediate.extensions().subject_key_id().is_some());
    assert_eq!(
        crl.authority_key_id(),
        intermediate.extensions().subject_key_id()
    );
}

#[test]
fn openssl_made_ca_issues_and_revokes_through_us() {
    use cert_generation::{CertificateAuthority, CrlParams, RevokedCertificate};
    let scratch = Scratch::new();
    scratch.write("ca.key", key_2048(4).to_pem().as_bytes());
    openssl_ok(
        scratch.dir(),
        &[
            "req",
            "-x509",
            "-new",
            "-key",
            "ca.key",
            "-subj",
            "/CN=OpenSSL Made CA",
            "-days",
            "30",
            "-outform",
            "DER",
            "-out",
            "ca.der",
        ],
    );
    let ca_der = std::fs::read(scratch.path("ca.der")).unwrap();
    let ca = CertificateAuthority::new(&ca_der, &key_2048(4)).unwrap();
    let params = CertificateParams::server(
        SubjectName::common_name("mail.contoso.com"),
        vec!["mail.contoso.com".into()],
        fixed_now(),
    );
    let leaf = ca
        .issue(&params, &key_2048(1), &mut SeededRandom::new(9))
        .unwrap();
    let serial = cert_model::Certificate::from_der(&leaf)
        .unwrap()
        .serial_bytes()
        .to_vec();
    let crl = ca
        .crl(&CrlParams {
            this_update: fixed_now(),
            next_update: fixed_now() + time::Duration::days(7),
            number: 2,
            revoked: vec![RevokedCertificate {
                serial,
                revoked_at: fixed_now(),
            }],
        })
        .unwrap();
    let ca_certificate = cert_model::Certificate::from_der(&ca_der).unwrap();
    let parsed = cert_model::Crl::from_der(&crl).unwrap();
    assert_eq!(
        parsed.authority_key_id(),
        ca_certificate.extensions().subject_key_id()
    );
    scratch.write_cert_pem("ca.pem", &ca_der);
    scratch.write_cert_pem("leaf.pem", &leaf);
    scratch.write("crl.pem", pem("X509 CRL", &crl).as_bytes());
    openssl_ok(
        scratch.dir(),
        &["verify", "-no_check_time", "-CAfile", "ca.pem", "leaf.pem"],
    );
    let run = openssl(
        scratch.dir(),
        &[
            "verify",
            "-no_check_time",
            "-crl_check",
            "-CRLfile",
            "crl.pem",
            "-CAfile",
            "ca.pem",
            "leaf.pem",
        ],
    );
    assert!(!run.success);
    assert!(format!("{}{}", run.stdout, run.stderr).contains("certificate revoked"));
}

#[test]
fn test_ca_answers_a_1024_bit_request_keeping_its_extensions() {
    let mut ca = TestCa::new();
    let csr = request(&pop_request_params(), &key_1024()).unwrap();
    let leaf = ca.answer_request(csr.der()).unwrap();
    let scratch = Scratch::new();
    scratch.write_cert_pem("root.pem", ca.root_der());
    scratch.write_cert_pem("inter.pem", ca.intermediate_der());
    scratch.write_cert_pem("leaf.pem", &leaf);
    let text = certificate_text(&scratch, "leaf.pem");
    assert!(text.contains("DNS:popserver.fourthcoffee.com"), "{text}");
    assert!(text.contains("TLS Web Server Authentication"), "{text}");
    assert!(
        text.contains("Digital Signature, Key Encipherment"),
        "{text}"
    );
    assert!(text.contains("Authority Key Identifier"), "{text}");
    let subject = openssl_ok(
        scratch.dir(),
        &[
            "x509", "-in", "leaf.pem", "-noout", "-subject", "-nameopt", "oneline",
        ],
    );
    assert_eq!(
        subject.trim(),
        "subject=C = us, O = contoso corp, CN = popserver.fourthcoffee.com"
    );
    openssl_ok(
        scratch.dir(),
        &[
            "verify",
            "-auth_level",
            "0",
            "-attime",
            &at_fixed_now(),
            "-CAfile",
            "root.pem",
            "-untrusted",
            "inter.pem",
            "leaf.pem",
        ],
    );
    let certificate = cert_model::Certificate::from_der(&leaf).unwrap();
    assert_eq!(certificate.public_key_size(), 1024);
}

#[test]
fn tampered_1024_bit_request_is_refused() {
    let mut ca = TestCa::new();
    let csr = request(&pop_request_params(), &key_1024()).unwrap();
    let mut der = csr.der().to_vec();
    // Flip one byte of the subject's common name; the signature no longer matches.
    let position = der
        .windows(9)
        .position(|window| window == b"popserver")
        .unwrap();
    der[position] = b'q';
    assert_eq!(
        ca.answer_request(&der),
        Err(CreateCertificateError::InvalidRequest {
            reason: "the request's signature does not verify".into()
        })
    );
}
