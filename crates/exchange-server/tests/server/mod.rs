//! The store-backed [`Server`]: transactions, computed properties and the full flow of seed
//! §Creating, Importing, and Enabling Certificates (spec §5.5).

use cert_model::{Certificate, Crl, RootCaType, Services, Status, Thumbprint};
use cert_testkit::{TestCa, fixed_now};
use exchange_server::{
    CertificateQuery, ConfigureServerError, ConnectorChanges, ConnectorKind, ExportOptions,
    GetCertificateError, ImportCertificateError, NameInputs, NewCertificateOptions, Protocol,
    ProtocolSettingsChanges, Server, ServerState, SetupOptions,
};
use time::Duration;

use crate::common::Sources;

fn open(sources: &mut Sources) -> Server {
    Server::open_in_memory(
        &SetupOptions::new("EXCH01.contoso.com"),
        Vec::new(),
        &mut sources.generators(),
        fixed_now(),
    )
    .unwrap()
}

fn request(server: &mut Server, sources: &mut Sources, name: &str) -> Thumbprint {
    let options = NewCertificateOptions {
        names: NameInputs {
            domain_names: Some(vec![name.to_owned()]),
            ..NameInputs::default()
        },
        generate_request: true,
        private_key_exportable: true,
        ..NewCertificateOptions::default()
    };
    server
        .new_certificate(
            &options,
            &mut sources.generators(),
            fixed_now(),
            &mut |_| Some(false),
        )
        .unwrap()
        .thumbprint
}

fn request_der(server: &mut Server, thumbprint: Thumbprint) -> Vec<u8> {
    server
        .state()
        .unwrap()
        .request(thumbprint)
        .unwrap()
        .request_der
        .clone()
}

fn unchanged(server: &mut Server, before: &ServerState) {
    assert_eq!(&server.state().unwrap(), before, "the store changed");
}

#[test]
fn b02_b31_setup_stores_the_default_certificate() {
    let mut sources = Sources::new();
    let mut server = open(&mut sources);
    let all = server
        .get_certificates(&CertificateQuery::default(), fixed_now())
        .unwrap();
    assert_eq!(all.len(), 1);
    let default = &all[0];
    assert!(default.is_self_signed);
    assert_eq!(default.status, Status::Valid);
    assert_eq!(default.root_ca_type, RootCaType::None);
    // SMTP enabled; POP and IMAP derived because X509CertificateName is the FQDN (spec §1.7).
    assert_eq!(default.services.to_column_form(), "IP..S");
    assert!(default.has_private_key);
    assert_eq!(default.friendly_name, "Microsoft Exchange");
}

#[test]
fn b33_self_signed_root_ca_type_is_none_and_b19_expired_is_date_invalid() {
    let mut sources = Sources::new();
    let mut server = open(&mut sources);
    let later = fixed_now() + Duration::days(400);
    let all = server
        .get_certificates(&CertificateQuery::default(), later)
        .unwrap();
    assert_eq!(all[0].status, Status::DateInvalid);
    let now = server
        .get_certificates(&CertificateQuery::default(), fixed_now())
        .unwrap();
    assert_eq!(now[0].root_ca_type, RootCaType::None);
}

#[test]
fn b67_b21_get_lists_pending_requests_with_their_request_text() {
    let mut sources = Sources::new();
    let mut server = open(&mut sources);
    let thumbprint = request(&mut server, &mut sources, "pop.contoso.com");
    let pending = server.certificate(thumbprint, fixed_now()).unwrap();
    assert_eq!(pending.status, Status::PendingRequest);
    assert!(!pending.is_self_signed);
    assert_eq!(pending.root_ca_type, RootCaType::Unknown);
    assert_eq!(pending.services, Services::NONE);
    let text = pending.certificate_request.unwrap();
    let der = request_der(&mut server, thumbprint);
    use base64::Engine as _;
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(text.replace("\r\n", ""))
        .unwrap();
    assert_eq!(decoded, der);
    let personal = server
        .get_certificates(&CertificateQuery::default(), fixed_now())
        .unwrap();
    assert!(personal.iter().all(|certificate| {
        certificate.certificate_request.is_some() == (certificate.thumbprint() == thumbprint)
    }));
}

#[test]
fn s3_2_unknown_thumbprint_is_not_found_and_domain_filter_matches_wildcards() {
    let mut sources = Sources::new();
    let mut server = open(&mut sources);
    let unknown = Thumbprint::from_bytes([7; 20]);
    assert_eq!(
        server.certificate(unknown, fixed_now()),
        Err(GetCertificateError::NotFound {
            thumbprint: unknown
        })
    );
    let options = NewCertificateOptions {
        names: NameInputs {
            domain_names: Some(vec!["*.fourthcoffee.com".into()]),
            ..NameInputs::default()
        },
        services: Some(Services::NONE),
        ..NewCertificateOptions::default()
    };
    let wildcard = server
        .new_certificate(
            &options,
            &mut sources.generators(),
            fixed_now(),
            &mut |_| Some(false),
        )
        .unwrap()
        .thumbprint;
    for (name, expected) in [
        ("mail.fourthcoffee.com", true),
        ("fourthcoffee.com", false),
        ("a.b.fourthcoffee.com", false),
    ] {
        let query = CertificateQuery {
            thumbprint: None,
            domain_names: vec![name.into()],
        };
        let found = server.get_certificates(&query, fixed_now()).unwrap();
        assert_eq!(
            found.iter().any(|c| c.thumbprint() == wildcard),
            expected,
            "{name}"
        );
    }
}

#[test]
fn b72_request_import_enable_gives_a_valid_pop_certificate() {
    let mut sources = Sources::new();
    let mut server = open(&mut sources);
    let mut ca = TestCa::new();
    let root = Certificate::from_der(ca.root_der()).unwrap();
    server
        .add_trusted_root(root, RootCaType::Registry, fixed_now())
        .unwrap();
    server
        .add_intermediate(
            Certificate::from_der(ca.intermediate_der()).unwrap(),
            fixed_now(),
        )
        .unwrap();
    let thumbprint = request(&mut server, &mut sources, "popserver.fourthcoffee.com");
    let issued = ca
        .answer_request(&request_der(&mut server, thumbprint))
        .unwrap();
    let imported = server
        .import_certificate(&issued, None, None, false, fixed_now())
        .unwrap();
    assert_eq!(imported.status, Status::Valid);
    assert_eq!(imported.services, Services::NONE);
    server
        .enable_certificate(
            imported.thumbprint(),
            Some(Services::POP),
            false,
            &mut |_| Some(false),
            fixed_now(),
        )
        .unwrap();
    let installed = server
        .certificate(imported.thumbprint(), fixed_now())
        .unwrap();
    assert_eq!(
        installed.certificate_domains,
        ["popserver.fourthcoffee.com"]
    );
    assert!(installed.has_private_key);
    assert_eq!(installed.root_ca_type, RootCaType::Registry);
    assert_eq!(installed.services, Services::POP);
    assert_eq!(installed.status, Status::Valid);
    assert!(!installed.is_self_signed);
    assert_eq!(
        server
            .protocol_settings(Protocol::Pop3)
            .unwrap()
            .x509_certificate_name
            .as_deref(),
        Some("popserver.fourthcoffee.com")
    );
    // The request is gone from the request store (spec §3.3 step 1).
    assert!(server.state().unwrap().requests.is_empty());
}

#[test]
fn s3_3_import_with_an_untrusted_root_is_refused_and_b38_trusting_the_root_fixes_it() {
    let mut sources = Sources::new();
    let mut server = open(&mut sources);
    let mut ca = TestCa::new();
    let thumbprint = request(&mut server, &mut sources, "mail.contoso.com");
    let issued = ca
        .answer_request(&request_der(&mut server, thumbprint))
        .unwrap();
    let before = server.state().unwrap();
    assert_eq!(
        server.import_certificate(&issued, None, None, false, fixed_now()),
        Err(ImportCertificateError::UntrustedRoot)
    );
    unchanged(&mut server, &before);
    server
        .add_trusted_root(
            Certificate::from_der(ca.root_der()).unwrap(),
            RootCaType::Registry,
            fixed_now(),
        )
        .unwrap();
    server
        .add_intermediate(
            Certificate::from_der(ca.intermediate_der()).unwrap(),
            fixed_now(),
        )
        .unwrap();
    let imported = server
        .import_certificate(&issued, None, None, false, fixed_now())
        .unwrap();
    assert_eq!(imported.status, Status::Valid);
}

#[test]
fn b37_revoked_certificates_show_revoked() {
    let mut sources = Sources::new();
    let mut server = open(&mut sources);
    let mut ca = TestCa::new();
    server
        .add_trusted_root(
            Certificate::from_der(ca.root_der()).unwrap(),
            RootCaType::ThirdParty,
            fixed_now(),
        )
        .unwrap();
    server
        .add_intermediate(
            Certificate::from_der(ca.intermediate_der()).unwrap(),
            fixed_now(),
        )
        .unwrap();
    let thumbprint = request(&mut server, &mut sources, "mail.contoso.com");
    let issued = ca
        .answer_request(&request_der(&mut server, thumbprint))
        .unwrap();
    let imported = server
        .import_certificate(&issued, None, None, false, fixed_now())
        .unwrap();
    assert_eq!(imported.root_ca_type, RootCaType::ThirdParty);
    let serial = Certificate::from_der(&issued)
        .unwrap()
        .serial_bytes()
        .to_vec();
    let crl = Crl::from_der(&ca.intermediate_crl(&[serial])).unwrap();
    server.add_crl(crl, fixed_now()).unwrap();
    assert_eq!(
        server
            .certificate(imported.thumbprint(), fixed_now())
            .unwrap()
            .status,
        Status::Revoked
    );
}

#[test]
fn s3_failed_operations_leave_the_store_row_for_row_unchanged() {
    let mut sources = Sources::new();
    let mut server = open(&mut sources);
    let before = server.state().unwrap();
    let unknown = Thumbprint::from_bytes([1; 20]);
    assert!(
        server
            .import_certificate(b"garbage!", None, None, false, fixed_now())
            .is_err()
    );
    assert!(
        server
            .import_certificate(
                &[0x30, 0x03, 0x02, 0x01, 0x03],
                Some("x"),
                None,
                false,
                fixed_now()
            )
            .is_err()
    );
    assert!(
        server
            .enable_certificate(
                unknown,
                Some(Services::POP),
                false,
                &mut |_| Some(true),
                fixed_now()
            )
            .is_err()
    );
    assert!(server.remove_certificate(unknown, fixed_now()).is_err());
    let bad = NewCertificateOptions {
        names: NameInputs {
            key_size: Some(1536),
            ..NameInputs::default()
        },
        ..NewCertificateOptions::default()
    };
    assert!(
        server
            .new_certificate(&bad, &mut sources.generators(), fixed_now(), &mut |_| Some(
                true
            ))
            .is_err()
    );
    let changes = ProtocolSettingsChanges {
        x509_certificate_name: Some(Some("*.contoso.com".into())),
        ..ProtocolSettingsChanges::default()
    };
    assert!(matches!(
        server.set_protocol_settings(Protocol::Imap4, &changes, fixed_now()),
        Err(ConfigureServerError::InvalidCertificateName { .. })
    ));
    unchanged(&mut server, &before);
}

#[test]
fn s1_7_setting_x509_certificate_name_by_hand_changes_derived_services() {
    let mut sources = Sources::new();
    let mut server = open(&mut sources);
    let changes = ProtocolSettingsChanges {
        x509_certificate_name: Some(Some("mail.contoso.com".into())),
        ..ProtocolSettingsChanges::default()
    };
    server
        .set_protocol_settings(Protocol::Pop3, &changes, fixed_now())
        .unwrap();
    let all = server
        .get_certificates(&CertificateQuery::default(), fixed_now())
        .unwrap();
    assert_eq!(all[0].services.to_column_form(), "I...S");
}

#[test]
fn s3_8_connectors_are_listed_created_and_changed() {
    let mut sources = Sources::new();
    let mut server = open(&mut sources);
    let receive = server.connectors(ConnectorKind::Receive).unwrap();
    assert_eq!(receive.len(), 2);
    let default = receive.iter().find(|c| c.name == "Default EXCH01").unwrap();
    assert_eq!(default.fqdn.as_deref(), Some("EXCH01.contoso.com"));
    assert_eq!(default.bindings, ["0.0.0.0:25"]);
    let changes = ConnectorChanges {
        fqdn: Some(Some("mail.contoso.com".into())),
        ..ConnectorChanges::default()
    };
    let changed = server
        .set_connector(
            ConnectorKind::Receive,
            "EXCH01\\Default EXCH01",
            &changes,
            fixed_now(),
        )
        .unwrap();
    assert_eq!(changed.fqdn.as_deref(), Some("mail.contoso.com"));
    let send = exchange_server::Connector {
        kind: ConnectorKind::Send,
        name: "Internet".into(),
        fqdn: None,
        bindings: Vec::new(),
        address_spaces: vec!["SMTP:*;1".into()],
        remote_ip_ranges: Vec::new(),
        enabled: true,
    };
    server.new_connector(send.clone(), fixed_now()).unwrap();
    assert!(matches!(
        server.new_connector(send, fixed_now()),
        Err(ConfigureServerError::ConnectorExists { .. })
    ));
    assert_eq!(server.connectors(ConnectorKind::Send).unwrap().len(), 1);
    let bad = ConnectorChanges {
        fqdn: Some(Some("not valid".into())),
        ..ConnectorChanges::default()
    };
    assert!(
        server
            .set_connector(ConnectorKind::Send, "Internet", &bad, fixed_now())
            .is_err()
    );
}

#[test]
fn s6a_internet_web_proxy_is_set_and_cleared() {
    let mut sources = Sources::new();
    let mut server = open(&mut sources);
    server
        .set_internet_web_proxy(Some("http://proxy.contoso.com:8080"), fixed_now())
        .unwrap();
    assert_eq!(
        server.config().unwrap().internet_web_proxy.as_deref(),
        Some("http://proxy.contoso.com:8080")
    );
    assert!(
        server
            .set_internet_web_proxy(Some("ftp://x"), fixed_now())
            .is_err()
    );
    server.set_internet_web_proxy(None, fixed_now()).unwrap();
    assert_eq!(server.config().unwrap().internet_web_proxy, None);
}

#[test]
fn s3_store_file_persists_across_opens_and_setup_runs_once() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store.db");
    let setup = SetupOptions::new("EXCH01.contoso.com");
    let mut sources = Sources::new();
    let first = {
        let mut server = Server::open(
            &path,
            Some(&setup),
            Vec::new,
            &mut sources.generators(),
            fixed_now(),
        )
        .unwrap();
        let thumbprint = request(&mut server, &mut sources, "mail.contoso.com");
        (server.state().unwrap(), thumbprint)
    };
    let mut again = Server::open(
        &path,
        None,
        Vec::new,
        &mut sources.generators(),
        fixed_now(),
    )
    .unwrap();
    assert_eq!(again.name(), "EXCH01");
    assert_eq!(again.state().unwrap(), first.0);
    assert!(again.certificate(first.1, fixed_now()).is_ok());
    let export = ExportOptions {
        thumbprint: first.1,
        password: None,
        binary_encoded: true,
        iterations: 1,
    };
    assert!(again.export_certificate(&export).unwrap().is_request);
}

#[test]
fn s3_open_without_setup_or_with_a_bad_name_fails() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store.db");
    let mut sources = Sources::new();
    assert!(
        Server::open(
            &path,
            None,
            Vec::new,
            &mut sources.generators(),
            fixed_now()
        )
        .is_err()
    );
    let bad = SetupOptions::new("bad name");
    assert!(
        Server::open(
            &path,
            Some(&bad),
            Vec::new,
            &mut sources.generators(),
            fixed_now()
        )
        .is_err()
    );
}

#[test]
fn s3_4_1_an_unanswerable_smtp_question_fails_and_changes_nothing() {
    let mut sources = Sources::new();
    let mut server = open(&mut sources);
    let before = server.state().unwrap();
    let result = server.new_certificate(
        &NewCertificateOptions::default(),
        &mut sources.generators(),
        fixed_now(),
        &mut |_| None,
    );
    assert_eq!(
        result,
        Err(exchange_server::NewCertificateError::Enable(
            exchange_server::EnableCertificateError::QuestionUnanswered
        ))
    );
    unchanged(&mut server, &before);
}

/// Installs `der` with `key` through a PFX, as an administrator would.
fn install_with_key(
    server: &mut Server,
    der: &[u8],
    key: &cert_generation::PrivateKey,
) -> Thumbprint {
    let protection = cert_generation::PfxProtection {
        password: "pw".into(),
        iterations: 1,
    };
    let pfx = cert_generation::export_pfx(der, key, &[], &protection, "test").unwrap();
    server
        .import_certificate(&pfx, Some("pw"), None, false, fixed_now())
        .unwrap()
        .thumbprint()
}

#[test]
fn b06_one_wildcard_certificate_serves_mail_and_pop() {
    let mut sources = Sources::new();
    let mut server = open(&mut sources);
    let options = NewCertificateOptions {
        names: NameInputs {
            domain_names: Some(vec!["*.contoso.com".into()]),
            ..NameInputs::default()
        },
        services: Some(Services::NONE),
        ..NewCertificateOptions::default()
    };
    let wildcard = server
        .new_certificate(
            &options,
            &mut sources.generators(),
            fixed_now(),
            &mut |_| None,
        )
        .unwrap()
        .thumbprint;
    for name in ["mail.contoso.com", "pop.contoso.com"] {
        let query = CertificateQuery {
            thumbprint: None,
            domain_names: vec![name.into()],
        };
        let found = server.get_certificates(&query, fixed_now()).unwrap();
        assert!(found.iter().any(|c| c.thumbprint() == wildcard), "{name}");
    }
}

#[test]
fn b15_certificate_domains_are_the_cn_then_the_san_names() {
    let mut sources = Sources::new();
    let mut server = open(&mut sources);
    let options = NewCertificateOptions {
        names: NameInputs {
            domain_names: Some(vec![
                "owa.contoso.com".into(),
                "autodiscover.contoso.com".into(),
            ]),
            subject_name: Some("CN=mail.contoso.com, O=Contoso".parse().unwrap()),
            ..NameInputs::default()
        },
        services: Some(Services::NONE),
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
    let certificate = server.certificate(thumbprint, fixed_now()).unwrap();
    assert_eq!(
        certificate.certificate_domains,
        [
            "mail.contoso.com",
            "owa.contoso.com",
            "autodiscover.contoso.com"
        ]
    );
    assert_eq!(
        certificate.certificate.subject().to_string(),
        "CN=mail.contoso.com, O=Contoso"
    );
}

#[test]
fn b37_unreachable_crl_gives_unknown_and_b34_group_policy_roots() {
    let mut sources = Sources::new();
    let mut server = open(&mut sources);
    let mut ca = TestCa::new();
    server
        .add_trusted_root(
            Certificate::from_der(ca.root_der()).unwrap(),
            RootCaType::GroupPolicy,
            fixed_now(),
        )
        .unwrap();
    server
        .add_intermediate(
            Certificate::from_der(ca.intermediate_der()).unwrap(),
            fixed_now(),
        )
        .unwrap();
    let key = cert_testkit::key_2048(3);
    let mut params = cert_generation::CertificateParams::server(
        cert_generation::SubjectName::common_name("crl.contoso.com"),
        vec!["crl.contoso.com".into()],
        fixed_now(),
    );
    // A closed loopback port: unreachable without touching the network.
    params.crl_distribution_points = vec!["http://127.0.0.1:1/issuing.crl".into()];
    let with_cdp = ca.issue(&params, &key);
    let thumbprint = install_with_key(&mut server, &with_cdp, &key);
    let certificate = server.certificate(thumbprint, fixed_now()).unwrap();
    assert_eq!(certificate.status, Status::Unknown);
    let plain = ca.issue_server(
        "plain.contoso.com",
        &["plain.contoso.com"],
        &cert_testkit::key_2048(4),
    );
    let thumbprint = install_with_key(&mut server, &plain, &cert_testkit::key_2048(4));
    let certificate = server.certificate(thumbprint, fixed_now()).unwrap();
    assert_eq!(certificate.status, Status::Valid);
    assert_eq!(certificate.root_ca_type, RootCaType::GroupPolicy);
}

#[test]
fn s6_roles_and_rtm_mode_are_set_together_with_the_proxy() {
    let mut sources = Sources::new();
    let mut server = open(&mut sources);
    let changes = exchange_server::ServerChanges {
        internet_web_proxy: Some(Some("http://proxy.contoso.com:3128".into())),
        roles: Some(vec![
            exchange_server::ServerRole::HubTransport,
            exchange_server::ServerRole::ClientAccess,
        ]),
        rtm_mode: Some(true),
    };
    server.set_server(&changes, fixed_now()).unwrap();
    let config = server.config().unwrap();
    assert!(config.rtm_mode);
    assert_eq!(config.admin_display_version(), "Version 8.0 (Build 685.24)");
    assert_eq!(
        config.roles,
        [
            exchange_server::ServerRole::ClientAccess,
            exchange_server::ServerRole::HubTransport
        ]
    );
    assert_eq!(
        config.internet_web_proxy.as_deref(),
        Some("http://proxy.contoso.com:3128")
    );
    // UM is no longer installed: enabling UM is refused.
    let thumbprint = server.state().unwrap().personal[0].certificate.thumbprint();
    assert_eq!(
        server.enable_certificate(
            thumbprint,
            Some(Services::UM),
            false,
            &mut |_| None,
            fixed_now()
        ),
        Err(exchange_server::EnableCertificateError::ServiceNotInstalled)
    );
}

#[test]
fn s3_3_a_pfx_with_an_untrusted_root_is_installed_and_shows_untrusted() {
    let mut sources = Sources::new();
    let mut server = open(&mut sources);
    let mut ca = TestCa::new();
    let key = cert_testkit::key_2048(4);
    let issued = ca.issue_server("mail.contoso.com", &["mail.contoso.com"], &key);
    let thumbprint = install_with_key(&mut server, &issued, &key);
    let certificate = server.certificate(thumbprint, fixed_now()).unwrap();
    assert_eq!(certificate.status, Status::Untrusted);
    assert_eq!(certificate.root_ca_type, RootCaType::Unknown);
    assert!(certificate.has_private_key);
}

#[test]
fn b51_setup_seeds_auth_root_from_a_ca_bundle_as_third_party() {
    let ca = TestCa::new();
    let bundle = format!(
        "# a bundle\n{}{}",
        Certificate::from_der(ca.root_der()).unwrap().to_pem(),
        "-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----\n"
    );
    // The unreadable entry is skipped; the good one is seeded.
    let roots = exchange_server::third_party_roots(&bundle);
    assert_eq!(roots.len(), 1);
    assert_eq!(roots[0].category, RootCaType::ThirdParty);
    let mut sources = Sources::new();
    let mut server = Server::open_in_memory(
        &SetupOptions::new("EXCH01.contoso.com"),
        roots,
        &mut sources.generators(),
        fixed_now(),
    )
    .unwrap();
    assert_eq!(server.state().unwrap().roots.len(), 1);
    // B-51: a certificate from a built-in public root is trusted with no extra configuration.
    server
        .add_intermediate(
            Certificate::from_der(ca.intermediate_der()).unwrap(),
            fixed_now(),
        )
        .unwrap();
    let key = cert_testkit::key_2048(4);
    let mut ca = ca;
    let issued = ca.issue_server("mail.contoso.com", &["mail.contoso.com"], &key);
    let thumbprint = install_with_key(&mut server, &issued, &key);
    let certificate = server.certificate(thumbprint, fixed_now()).unwrap();
    assert_eq!(certificate.status, Status::Valid);
    assert_eq!(certificate.root_ca_type, RootCaType::ThirdParty);
}

#[test]
fn s3_4_1_a_second_shell_can_write_while_the_smtp_question_is_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store.db");
    let setup = SetupOptions::new("EXCH01.contoso.com");
    let mut sources = Sources::new();
    let mut first = Server::open(
        &path,
        Some(&setup),
        Vec::new,
        &mut sources.generators(),
        fixed_now(),
    )
    .unwrap();
    let mut second = Server::open(
        &path,
        None,
        Vec::new,
        &mut sources.generators(),
        fixed_now(),
    )
    .unwrap();
    let mut asked = None;
    let outcome = first
        .new_certificate(
            &NewCertificateOptions::default(),
            &mut sources.generators(),
            fixed_now(),
            &mut |question| {
                // The other shell is not blocked by this one while the administrator thinks.
                second
                    .set_internet_web_proxy(Some("http://proxy.contoso.com:8080"), fixed_now())
                    .unwrap();
                asked = Some(question.clone());
                Some(true)
            },
        )
        .unwrap();
    let asked = asked.unwrap();
    // The certificate made is the one the question named.
    assert_eq!(asked.replacement, outcome.thumbprint);
    let config = first.config().unwrap();
    assert_eq!(
        config.internal_transport_certificate,
        Some(outcome.thumbprint)
    );
    assert_eq!(
        config.internet_web_proxy.as_deref(),
        Some("http://proxy.contoso.com:8080")
    );
}
