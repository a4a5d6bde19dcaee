//! Interoperability with openssl 3 as the outside CA and PFX reader (crypto-notes: openssl as
//! the outside CA). Every test runs the real `openssl` binary in a temporary directory.

use std::path::Path;
use std::process::Command;

use cert_model::{Certificate, RootCaType, Services, Status};
use cert_testkit::fixed_now;
use exchange_server::{ExportOptions, NameInputs, NewCertificateOptions, Server, SetupOptions};

use crate::common::Sources;

fn openssl(dir: &Path, args: &[&str]) {
    let output = Command::new("openssl")
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "openssl {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

fn open(sources: &mut Sources) -> Server {
    Server::open_in_memory(
        &SetupOptions::new("EXCH01.contoso.com"),
        Vec::new(),
        &mut sources.generators(),
        fixed_now(),
    )
    .unwrap()
}

#[test]
fn s3_3_openssl_signs_our_request_and_the_answer_pairs_with_its_key() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let mut sources = Sources::new();
    let mut server = open(&mut sources);
    let request_path = dir.join("request.req");
    let options = NewCertificateOptions {
        names: NameInputs {
            domain_names: Some(vec!["pop.contoso.com".into(), "mail.contoso.com".into()]),
            ..NameInputs::default()
        },
        generate_request: true,
        private_key_exportable: true,
        path: Some(request_path.clone()),
        ..NewCertificateOptions::default()
    };
    server
        .new_certificate(
            &options,
            &mut sources.generators(),
            fixed_now(),
            &mut |_| None,
        )
        .unwrap();
    // openssl reads the Exchange label and verifies the request's signature.
    openssl(dir, &["req", "-in", "request.req", "-verify", "-noout"]);
    // A CA valid now (openssl's clock); our checks then run at openssl's "now" too.
    openssl(dir, &["genrsa", "-out", "ca.key", "2048"]);
    openssl(
        dir,
        &[
            "req",
            "-x509",
            "-new",
            "-key",
            "ca.key",
            "-subj",
            "/CN=OpenSSL Test Root",
            "-days",
            "30",
            "-out",
            "ca.pem",
        ],
    );
    openssl(
        dir,
        &[
            "x509",
            "-req",
            "-in",
            "request.req",
            "-CA",
            "ca.pem",
            "-CAkey",
            "ca.key",
            "-set_serial",
            "4660",
            "-days",
            "20",
            "-copy_extensions",
            "copy",
            "-out",
            "issued.cer",
        ],
    );
    let root = Certificate::from_pem(&std::fs::read_to_string(dir.join("ca.pem")).unwrap())
        .unwrap()
        .remove(0);
    let issued_pem = std::fs::read_to_string(dir.join("issued.cer")).unwrap();
    let issued = Certificate::from_pem(&issued_pem).unwrap().remove(0);
    let now = issued.not_before() + time::Duration::hours(1);
    server
        .add_trusted_root(root, RootCaType::Registry, now)
        .unwrap();
    let imported = server
        .import_certificate_file(&dir.join("issued.cer"), None, None, false, now)
        .unwrap();
    assert_eq!(imported.thumbprint(), issued.thumbprint());
    assert!(imported.has_private_key);
    assert_eq!(
        imported.certificate_domains,
        ["pop.contoso.com", "mail.contoso.com"]
    );
    assert_eq!(imported.status, Status::Valid);
    assert_eq!(imported.root_ca_type, RootCaType::Registry);
    assert!(server.state().unwrap().requests.is_empty());
    // The same answer as DER and as a PKCS #7 chain made by openssl is recognised too.
    openssl(
        dir,
        &[
            "crl2pkcs7",
            "-nocrl",
            "-certfile",
            "issued.cer",
            "-certfile",
            "ca.pem",
            "-out",
            "chain.p7b",
        ],
    );
    let chain = std::fs::read(dir.join("chain.p7b")).unwrap();
    assert!(matches!(
        exchange_server::decode_import_data(&chain).unwrap(),
        exchange_server::ImportData::Certificates(list) if list.len() == 2
    ));
}

#[test]
fn s3_5_openssl_reads_our_pfx() {
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path();
    let mut sources = Sources::new();
    let mut server = open(&mut sources);
    let options = NewCertificateOptions {
        names: NameInputs {
            domain_names: Some(vec!["mail.contoso.com".into()]),
            ..NameInputs::default()
        },
        services: Some(Services::NONE),
        private_key_exportable: true,
        ..NewCertificateOptions::default()
    };
    let thumbprint = server
        .new_certificate(
            &options,
            &mut sources.generators(),
            fixed_now(),
            &mut |_| None,
        )
        .unwrap()
        .thumbprint;
    let export = ExportOptions {
        thumbprint,
        password: Some("P@ssw0rd".into()),
        binary_encoded: true,
        iterations: 2048,
    };
    server
        .export_certificate_file(&export, &dir.join("cert.pfx"), false)
        .unwrap();
    openssl(
        dir,
        &[
            "pkcs12",
            "-in",
            "cert.pfx",
            "-passin",
            "pass:P@ssw0rd",
            "-nodes",
            "-out",
            "all.pem",
        ],
    );
    let pem = std::fs::read_to_string(dir.join("all.pem")).unwrap();
    assert!(pem.contains("PRIVATE KEY"));
    let certificate = Certificate::from_pem(&pem).unwrap().remove(0);
    assert_eq!(certificate.thumbprint(), thumbprint);
    // Writing again without -Force refuses to overwrite.
    assert!(
        server
            .export_certificate_file(&export, &dir.join("cert.pfx"), false)
            .is_err()
    );
    // A PFX made by openssl (default AES) imports with its key.
    openssl(
        dir,
        &[
            "pkcs12",
            "-export",
            "-in",
            "all.pem",
            "-passout",
            "pass:secret",
            "-out",
            "again.pfx",
        ],
    );
    let mut other_sources = Sources::new();
    let mut other = open(&mut other_sources);
    let bytes = std::fs::read(dir.join("again.pfx")).unwrap();
    let imported = other
        .import_certificate(&bytes, Some("secret"), None, true, fixed_now())
        .unwrap();
    assert_eq!(imported.thumbprint(), thumbprint);
    assert!(imported.has_private_key);
    assert!(imported.private_key_exportable);
}
