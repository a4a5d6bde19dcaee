//! PKCS #12 files: ours read by openssl, openssl's (default and -legacy) read by us.

use cert_generation::{ImportPfxError, PfxProtection, PrivateKey, export_pfx, import_pfx};
use cert_testkit::{TestCa, key_2048};

use crate::common::{Scratch, openssl, openssl_ok};

/// Small iteration count: unoptimised PBKDF2 is slow and the count is not under test.
fn protection(password: &str) -> PfxProtection {
    PfxProtection {
        password: password.into(),
        iterations: 64,
    }
}

struct Fixture {
    ca: TestCa,
    leaf: Vec<u8>,
    key: PrivateKey,
}

fn fixture() -> Fixture {
    let mut ca = TestCa::new();
    let key = key_2048(1);
    let leaf = ca.issue_server("mail.contoso.com", &["mail.contoso.com"], &key);
    Fixture { ca, leaf, key }
}

#[test]
fn b41_openssl_reads_our_pfx_with_key_and_chain() {
    let f = fixture();
    let chain = vec![f.ca.intermediate_der().to_vec(), f.ca.root_der().to_vec()];
    let bytes = export_pfx(
        &f.leaf,
        &f.key,
        &chain,
        &protection("x"),
        "Microsoft Exchange",
    )
    .unwrap();
    let scratch = Scratch::new();
    scratch.write("c.pfx", &bytes);
    let out = openssl_ok(
        scratch.dir(),
        &["pkcs12", "-in", "c.pfx", "-passin", "pass:x", "-nodes"],
    );
    assert_eq!(
        out.matches("-----BEGIN CERTIFICATE-----").count(),
        3,
        "{out}"
    );
    assert!(out.contains("-----BEGIN PRIVATE KEY-----"), "{out}");
    assert!(out.contains("friendlyName: Microsoft Exchange"), "{out}");
    let info = openssl(
        scratch.dir(),
        &[
            "pkcs12", "-in", "c.pfx", "-passin", "pass:x", "-info", "-noout",
        ],
    );
    let info = format!("{}{}", info.stdout, info.stderr);
    assert!(info.contains("AES-256-CBC"), "{info}");
    let wrong = openssl(
        scratch.dir(),
        &["pkcs12", "-in", "c.pfx", "-passin", "pass:y", "-nodes"],
    );
    assert!(!wrong.success);
}

#[test]
fn our_pfx_round_trips() {
    let f = fixture();
    let chain = vec![f.ca.intermediate_der().to_vec()];
    let bytes = export_pfx(&f.leaf, &f.key, &chain, &protection("secret"), "Exchange").unwrap();
    let pfx = import_pfx(&bytes, "secret").unwrap();
    assert_eq!(pfx.certificate, f.leaf);
    assert_eq!(pfx.key, Some(f.key));
    assert_eq!(pfx.chain, chain);
    assert_eq!(pfx.friendly_name.as_deref(), Some("Exchange"));
}

#[test]
fn wrong_password_is_a_clear_error() {
    let f = fixture();
    let bytes = export_pfx(&f.leaf, &f.key, &[], &protection("secret"), "Exchange").unwrap();
    let err = import_pfx(&bytes, "guess").unwrap_err();
    assert_eq!(err, ImportPfxError::WrongPassword);
    assert_eq!(
        err.to_string(),
        "the password is incorrect or the PKCS #12 data is damaged"
    );
}

#[test]
fn garbage_is_not_pkcs12() {
    assert!(matches!(
        import_pfx(b"hello", "x"),
        Err(ImportPfxError::NotPkcs12 { .. })
    ));
}

fn openssl_pfx(legacy: bool, password: &str) -> (Fixture, Vec<u8>) {
    let f = fixture();
    let scratch = Scratch::new();
    scratch.write_cert_pem("leaf.pem", &f.leaf);
    scratch.write_cert_pem("inter.pem", f.ca.intermediate_der());
    scratch.write("leaf.key", f.key.to_pem().as_bytes());
    let pass = format!("pass:{password}");
    let mut args = vec![
        "pkcs12",
        "-export",
        "-inkey",
        "leaf.key",
        "-in",
        "leaf.pem",
        "-certfile",
        "inter.pem",
        "-passout",
        &pass,
        "-out",
        "o.pfx",
    ];
    if legacy {
        args.push("-legacy");
    }
    openssl_ok(scratch.dir(), &args);
    let bytes = std::fs::read(scratch.path("o.pfx")).expect("openssl wrote the file");
    (f, bytes)
}

#[test]
fn we_read_openssl_default_pfx() {
    let (f, bytes) = openssl_pfx(false, "x");
    let pfx = import_pfx(&bytes, "x").unwrap();
    assert_eq!(pfx.certificate, f.leaf);
    assert_eq!(pfx.key, Some(f.key));
    assert_eq!(pfx.chain, vec![f.ca.intermediate_der().to_vec()]);
    assert_eq!(import_pfx(&bytes, "y"), Err(ImportPfxError::WrongPassword));
}

#[test]
fn we_read_openssl_legacy_pfx() {
    let (f, bytes) = openssl_pfx(true, "x");
    let pfx = import_pfx(&bytes, "x").unwrap();
    assert_eq!(pfx.certificate, f.leaf);
    assert_eq!(pfx.key, Some(f.key));
    assert_eq!(import_pfx(&bytes, "y"), Err(ImportPfxError::WrongPassword));
}

#[test]
fn we_read_openssl_empty_password_pfx() {
    let (f, bytes) = openssl_pfx(false, "");
    let pfx = import_pfx(&bytes, "").unwrap();
    assert_eq!(pfx.certificate, f.leaf);
}

#[test]
fn s3_3_certificate_only_pfx_picks_the_non_ca_certificate_as_leaf() {
    let f = fixture();
    let scratch = Scratch::new();
    // The intermediate comes first in the file; the leaf is the one without the CA bit.
    let mut chain = crate::common::pem("CERTIFICATE", f.ca.intermediate_der());
    chain.push_str(&crate::common::pem("CERTIFICATE", &f.leaf));
    scratch.write("chain.pem", chain.as_bytes());
    openssl_ok(
        scratch.dir(),
        &[
            "pkcs12",
            "-export",
            "-nokeys",
            "-in",
            "chain.pem",
            "-passout",
            "pass:x",
            "-out",
            "c.pfx",
        ],
    );
    let bytes = std::fs::read(scratch.path("c.pfx")).expect("openssl wrote the file");
    let pfx = import_pfx(&bytes, "x").unwrap();
    assert_eq!(pfx.key, None);
    assert_eq!(pfx.certificate, f.leaf);
    assert_eq!(pfx.chain, vec![f.ca.intermediate_der().to_vec()]);
}
