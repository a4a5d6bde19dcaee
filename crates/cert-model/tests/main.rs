//! Integration tests of cert-model with certificates made in code by rcgen, compared against
//! `openssl x509` where openssl reports the same fact.

use std::io::Write;
use std::process::{Command, Stdio};

use cert_model::{
    Certificate, Crl, EKU_SERVER_AUTH, ParseCertificateError, PublicKeyAlgorithm, Status,
    Thumbprint, format_date,
};
use rcgen::{
    BasicConstraints, CertificateParams, CertificateRevocationListParams, DnType,
    ExtendedKeyUsagePurpose, IsCa, Issuer, KeyIdMethod, KeyPair, KeyUsagePurpose,
    RevokedCertParams, SerialNumber, date_time_ymd,
};

struct Made {
    certificate: Certificate,
    pem: String,
}

fn leaf_params() -> CertificateParams {
    let mut params = CertificateParams::new(vec![
        "mail.contoso.com".to_owned(),
        "MAIL.contoso.com".to_owned(),
        "autodiscover.contoso.com".to_owned(),
    ])
    .expect("fixed names are valid SANs");
    params.distinguished_name = rcgen::DistinguishedName::new();
    params.distinguished_name.push(DnType::CountryName, "US");
    params
        .distinguished_name
        .push(DnType::StateOrProvinceName, "WA");
    params
        .distinguished_name
        .push(DnType::OrganizationName, "Contoso");
    params
        .distinguished_name
        .push(DnType::CommonName, "mail.contoso.com");
    params.not_before = date_time_ymd(2008, 8, 7);
    params.not_after = date_time_ymd(2009, 8, 7);
    params.serial_number = Some(SerialNumber::from_slice(&[0x00, 0x9A, 0xBC, 0x01, 0x02]));
    params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
    params.key_usages = vec![
        KeyUsagePurpose::DigitalSignature,
        KeyUsagePurpose::KeyEncipherment,
    ];
    params.crl_distribution_points = vec![rcgen::CrlDistributionPoint {
        uris: vec!["http://crl.contoso.com/root.crl".to_owned()],
    }];
    params
}

fn self_signed_rsa() -> Made {
    let key =
        KeyPair::generate_for(&rcgen::PKCS_RSA_SHA256).expect("aws-lc-rs generates RSA-2048 keys");
    let cert = leaf_params()
        .self_signed(&key)
        .expect("rcgen signs valid parameters");
    let pem = cert.pem();
    Made {
        certificate: Certificate::from_der(cert.der()).expect("rcgen makes parseable certificates"),
        pem,
    }
}

/// Runs `openssl x509 -noout <args>` on `pem`; `None` when openssl is not installed.
fn openssl_x509(pem: &str, args: &[&str]) -> Option<String> {
    let mut child = Command::new("openssl")
        .args(["x509", "-noout"])
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .ok()?;
    child.stdin.take()?.write_all(pem.as_bytes()).ok()?;
    let output = child.wait_with_output().ok()?;
    assert!(output.status.success(), "openssl failed");
    Some(
        String::from_utf8(output.stdout)
            .expect("openssl prints ASCII")
            .trim()
            .to_owned(),
    )
}

#[test]
fn b40_thumbprint_matches_openssl_sha1_fingerprint() {
    let made = self_signed_rsa();
    let Some(openssl) = openssl_x509(&made.pem, &["-fingerprint", "-sha1"]) else {
        eprintln!("openssl not installed: skipping the comparison");
        return;
    };
    let expected = openssl.split('=').nth(1).unwrap().replace(':', "");
    assert_eq!(made.certificate.thumbprint().to_string(), expected);
    assert_eq!(
        expected.parse::<Thumbprint>().unwrap(),
        made.certificate.thumbprint()
    );
}

#[test]
fn s1_2_serial_number_matches_openssl() {
    let made = self_signed_rsa();
    // Windows keeps the encoded sign byte: the INTEGER 0x9ABC0102 is encoded 00 9A BC 01 02.
    assert_eq!(made.certificate.serial_number(), "009ABC0102");
    let Some(openssl) = openssl_x509(&made.pem, &["-serial"]) else {
        eprintln!("openssl not installed: skipping the comparison");
        return;
    };
    let openssl_serial = openssl.strip_prefix("serial=").unwrap();
    assert_eq!(
        made.certificate.serial_number().trim_start_matches("00"),
        openssl_serial
    );
}

#[test]
fn s1_2_subject_renders_most_specific_first() {
    let made = self_signed_rsa();
    assert_eq!(
        made.certificate.subject().to_string(),
        "CN=mail.contoso.com, O=Contoso, S=WA, C=US"
    );
    assert_eq!(
        made.certificate.issuer().to_string(),
        "CN=mail.contoso.com, O=Contoso, S=WA, C=US"
    );
    if let Some(openssl) = openssl_x509(&made.pem, &["-subject", "-nameopt", "RFC2253"]) {
        // RFC 2253 prints the most specific RDN first too.
        assert_eq!(openssl, "subject=CN=mail.contoso.com,O=Contoso,ST=WA,C=US");
    }
}

#[test]
fn b15_certificate_domains_are_cn_then_san_without_duplicates() {
    let made = self_signed_rsa();
    assert_eq!(
        made.certificate.certificate_domains(),
        ["mail.contoso.com", "autodiscover.contoso.com"]
    );
}

#[test]
fn b16_wildcard_cn_counts_as_a_domain() {
    let key = KeyPair::generate().unwrap();
    let mut params = CertificateParams::new(vec!["pop.fourthcoffee.com".to_owned()]).unwrap();
    params.distinguished_name = rcgen::DistinguishedName::new();
    params
        .distinguished_name
        .push(DnType::CommonName, "*.fourthcoffee.com");
    let cert = Certificate::from_der(params.self_signed(&key).unwrap().der()).unwrap();
    assert_eq!(
        cert.certificate_domains(),
        ["*.fourthcoffee.com", "pop.fourthcoffee.com"]
    );
    assert_eq!(cert.public_key_size(), 256);
    assert_eq!(cert.public_key().algorithm(), &PublicKeyAlgorithm::EcP256);
    assert_eq!(cert.signature_algorithm().name(), "sha256ECDSA");
}

#[test]
fn s1_2_cn_that_is_not_a_dns_name_is_not_a_domain() {
    let key = KeyPair::generate().unwrap();
    let mut params = CertificateParams::new(vec!["a.contoso.com".to_owned()]).unwrap();
    params.distinguished_name = rcgen::DistinguishedName::new();
    params
        .distinguished_name
        .push(DnType::CommonName, "Contoso Root CA");
    let cert = Certificate::from_der(params.self_signed(&key).unwrap().der()).unwrap();
    assert_eq!(cert.certificate_domains(), ["a.contoso.com"]);
}

#[test]
fn s1_2_key_size_dates_and_extensions() {
    let made = self_signed_rsa();
    let cert = &made.certificate;
    assert_eq!(cert.public_key_size(), 2048);
    assert_eq!(cert.public_key().algorithm(), &PublicKeyAlgorithm::Rsa);
    assert_eq!(cert.signature_algorithm().oid(), "1.2.840.113549.1.1.11");
    assert_eq!(format_date(cert.not_before()), "8/7/2008 12:00:00 AM");
    assert_eq!(format_date(cert.not_after()), "8/7/2009 12:00:00 AM");
    let ext = cert.extensions();
    assert_eq!(ext.extended_key_usage().unwrap(), [EKU_SERVER_AUTH]);
    assert!(ext.allows_server_auth());
    let ku = ext.key_usage().unwrap();
    assert!(ku.digital_signature() && ku.key_encipherment() && !ku.key_cert_sign());
    assert_eq!(
        ext.crl_distribution_points(),
        ["http://crl.contoso.com/root.crl"]
    );
    assert!(ext.basic_constraints().is_none());
    assert!(ext.has_subject_alt_name());
    assert_eq!(ext.san_dns_names().len(), 3);
    assert_eq!(ext.san_entry_count(), 3);
    assert_eq!(cert.tbs_signature_algorithm(), cert.signature_algorithm());
    assert!(ext.duplicate().is_none());
    assert!(ext.first_malformed().is_none());
    assert_eq!(cert.version(), 3);
}

#[test]
fn b05_self_signed_certificate_has_issuer_equal_subject() {
    let made = self_signed_rsa();
    assert!(made.certificate.is_self_issued());
    assert!(made.certificate.is_self_signed());
}

#[test]
fn s1_2_issued_certificate_is_not_self_signed_and_carries_key_ids() {
    let ca_key = KeyPair::generate().unwrap();
    let mut ca_params = CertificateParams::new(Vec::<String>::new()).unwrap();
    ca_params.distinguished_name = rcgen::DistinguishedName::new();
    ca_params
        .distinguished_name
        .push(DnType::CommonName, "Contoso Root CA");
    ca_params.is_ca = IsCa::Ca(BasicConstraints::Constrained(1));
    ca_params.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
    let ca_cert = Certificate::from_der(ca_params.self_signed(&ca_key).unwrap().der()).unwrap();
    let issuer = Issuer::new(ca_params, ca_key);
    let leaf_key = KeyPair::generate().unwrap();
    let mut params = leaf_params();
    params.use_authority_key_identifier_extension = true;
    let leaf = Certificate::from_der(params.signed_by(&leaf_key, &issuer).unwrap().der()).unwrap();
    assert!(!leaf.is_self_issued());
    assert!(!leaf.is_self_signed());
    assert_eq!(leaf.issuer().to_string(), "CN=Contoso Root CA");
    assert!(leaf.verify_signed_by(ca_cert.public_key()).is_ok());
    assert!(leaf.verify_signed_by(leaf.public_key()).is_err());
    let bc = ca_cert.extensions().basic_constraints().unwrap();
    assert!(bc.ca);
    assert_eq!(bc.path_len, Some(1));
    assert!(ca_cert.extensions().key_usage().unwrap().key_cert_sign());
    assert_eq!(
        leaf.extensions().authority_key_id(),
        ca_cert.extensions().subject_key_id()
    );
    assert!(leaf.extensions().authority_key_id().is_some());

    let crl = CertificateRevocationListParams {
        this_update: date_time_ymd(2008, 9, 1),
        next_update: date_time_ymd(2008, 10, 1),
        crl_number: SerialNumber::from(7u64),
        issuing_distribution_point: None,
        revoked_certs: vec![RevokedCertParams {
            serial_number: SerialNumber::from_slice(leaf.serial_bytes()),
            revocation_time: date_time_ymd(2008, 8, 30),
            reason_code: None,
            invalidity_date: None,
        }],
        key_identifier_method: KeyIdMethod::Sha256,
    }
    .signed_by(&issuer)
    .unwrap();
    let parsed = Crl::parse_any(crl.pem().unwrap().as_bytes())
        .unwrap()
        .remove(0);
    assert_eq!(parsed.issuer().to_string(), "CN=Contoso Root CA");
    assert_eq!(format_date(parsed.this_update()), "9/1/2008 12:00:00 AM");
    assert_eq!(
        parsed.next_update().map(format_date).unwrap(),
        "10/1/2008 12:00:00 AM"
    );
    assert_eq!(parsed.crl_number(), Some(&[7u8][..]));
    assert!(parsed.find_revoked(leaf.serial_bytes()).is_some());
    assert!(parsed.verify_signed_by(ca_cert.public_key()).is_ok());
    assert!(parsed.verify_signed_by(leaf.public_key()).is_err());
    assert_eq!(
        parsed.authority_key_id(),
        ca_cert.extensions().subject_key_id()
    );
    assert_eq!(Crl::from_der(crl.der()).unwrap(), parsed);
}

#[test]
fn s1_2_parse_any_detects_pem_der_and_base64() {
    let made = self_signed_rsa();
    let der = made.certificate.der().to_vec();
    let two = format!("{}{}", made.pem, made.certificate.to_pem());
    assert_eq!(Certificate::parse_any(two.as_bytes()).unwrap().len(), 2);
    assert_eq!(Certificate::parse_any(&der).unwrap()[0], made.certificate);
    let base64: String = made
        .pem
        .lines()
        .filter(|line| !line.starts_with("-----"))
        .collect::<Vec<_>>()
        .join("\r\n");
    assert_eq!(
        Certificate::parse_any(base64.as_bytes()).unwrap()[0],
        made.certificate
    );
    assert_eq!(Certificate::from_base64(&base64).unwrap(), made.certificate);
}

#[test]
fn s1_2_garbage_is_an_error_not_a_panic() {
    assert_eq!(
        Certificate::parse_any(b""),
        Err(ParseCertificateError::Empty)
    );
    assert!(matches!(
        Certificate::parse_any(&[0x30, 0x03, 0x02]),
        Err(ParseCertificateError::InvalidDer { .. })
    ));
    assert!(matches!(
        Certificate::parse_any(b"not base64 !!"),
        Err(ParseCertificateError::InvalidBase64 { .. })
    ));
    assert_eq!(
        Certificate::from_pem("-----BEGIN X509 CRL-----\nAAAA\n-----END X509 CRL-----\n"),
        Err(ParseCertificateError::NoCertificateInPem)
    );
    assert!(matches!(
        Certificate::from_pem("-----BEGIN CERTIFICATE-----\nAAAA\n"),
        Err(ParseCertificateError::InvalidPem { .. })
    ));
    let made = self_signed_rsa();
    let mut trailing = made.certificate.der().to_vec();
    trailing.push(0);
    assert_eq!(
        Certificate::from_der(&trailing),
        Err(ParseCertificateError::TrailingData { count: 1 })
    );
    assert_eq!(Status::Valid.to_string(), "Valid");
}

/// A small deterministic generator for robustness inputs (xorshift64).
struct Noise(u64);

impl Noise {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn s2_user_input_never_panics_the_parsers() {
    const PIECES: &[&str] = &[
        "CN",
        "cn",
        "O",
        "ST",
        "OID.2.5.4.3",
        "1.2",
        "=",
        ",",
        ";",
        "+",
        "\"",
        "\\",
        " ",
        "a",
        "é",
        "€",
        "\\,",
        "\"\"",
        "-----BEGIN CERTIFICATE-----",
        "-----END CERTIFICATE-----",
        "MII",
        "\n",
        "*.",
        ".",
        "IMAP",
        "none",
    ];
    let mut noise = Noise(0x5eed_1234_abcd_0001);
    for _ in 0..5_000 {
        let length = (noise.next() % 12) as usize;
        let text: String = (0..length)
            .map(|_| PIECES[(noise.next() % PIECES.len() as u64) as usize])
            .collect();
        let _ = text.parse::<cert_model::DistinguishedName>();
        let _ = text.parse::<cert_model::Services>();
        let _ = text.parse::<Thumbprint>();
        let _ = Certificate::parse_any(text.as_bytes());
        let _ = Crl::parse_any(text.as_bytes());
    }
    // Every truncation and some corruptions of a real certificate.
    let der = self_signed_rsa().certificate.der().to_vec();
    for end in 0..der.len() {
        let _ = Certificate::parse_any(&der[..end]);
    }
    for _ in 0..2_000 {
        let mut corrupted = der.clone();
        let at = (noise.next() % der.len() as u64) as usize;
        corrupted[at] = (noise.next() & 0xff) as u8;
        if let Ok(parsed) = Certificate::from_der(&corrupted) {
            let _ = parsed.certificate_domains();
            let _ = parsed.is_self_signed();
            let _ = parsed.subject().to_string();
        }
    }
}
