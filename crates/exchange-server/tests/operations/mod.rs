//! Spec §3.1–§3.6 and B-statements of §5.2, §5.3 and §5.5.

use cert_model::{Certificate, Services, Thumbprint};
use cert_testkit::{TestCa, fixed_now};
use exchange_server::{
    EnableCertificateError, ExportCertificateError, ExportOptions, ImportCertificateError,
    NETWORK_SERVICE, NameInputs, NewCertificateError, NewCertificateOptions, OperationWarning,
    Protocol, RemoveCertificateError, ServerState, UnusableReason, enable_certificate,
    export_certificate, import_certificate, remove_certificate,
};

use crate::common::{Sources, new_cert, server};

fn domains(names: &[&str]) -> Option<Vec<String>> {
    Some(names.iter().map(|name| (*name).to_owned()).collect())
}

fn certificate(state: &ServerState, thumbprint: Thumbprint) -> &Certificate {
    &state.personal(thumbprint).unwrap().certificate
}

fn request_options(names: &[&str]) -> NewCertificateOptions {
    NewCertificateOptions {
        names: NameInputs {
            domain_names: domains(names),
            ..NameInputs::default()
        },
        generate_request: true,
        ..NewCertificateOptions::default()
    }
}

#[test]
fn b02_setup_creates_a_self_signed_certificate_for_internal_smtp() {
    let mut sources = Sources::new();
    let state = server(&mut sources);
    assert_eq!(state.personal.len(), 1);
    let entry = &state.personal[0];
    assert!(entry.certificate.is_self_signed());
    assert_eq!(
        state.config.internal_transport_certificate,
        Some(entry.certificate.thumbprint())
    );
    assert_eq!(entry.services, Services::SMTP);
    assert!(entry.network_service_access);
    assert_eq!(entry.certificate.subject().to_string(), "CN=EXCH01");
    assert_eq!(
        entry.certificate.certificate_domains(),
        ["EXCH01", "EXCH01.contoso.com"]
    );
}

#[test]
fn b03_self_signed_certificates_are_valid_one_year() {
    let mut sources = Sources::new();
    let state = server(&mut sources);
    let certificate = &state.personal[0].certificate;
    assert_eq!(certificate.not_before(), fixed_now());
    assert_eq!(
        certificate.not_after(),
        fixed_now().replace_year(2009).unwrap()
    );
}

#[test]
fn b05_b12_self_signed_issuer_is_the_subject_cn_host() {
    let mut sources = Sources::new();
    let state = server(&mut sources);
    let certificate = &state.personal[0].certificate;
    assert_eq!(certificate.issuer().to_string(), "CN=EXCH01");
    assert_eq!(certificate.issuer(), certificate.subject());
}

#[test]
fn b61_domain_names_and_smtp_service() {
    let mut sources = Sources::new();
    let mut state = server(&mut sources);
    let options = NewCertificateOptions {
        names: NameInputs {
            domain_names: domains(&["server1.fourthcoffee.com", "server1"]),
            ..NameInputs::default()
        },
        services: Some(Services::SMTP),
        force: true,
        ..NewCertificateOptions::default()
    };
    let outcome = new_cert(&mut state, &mut sources, &options, false).unwrap();
    let certificate = certificate(&state, outcome.thumbprint);
    assert_eq!(
        certificate.subject().to_string(),
        "CN=server1.fourthcoffee.com"
    );
    assert_eq!(
        certificate.certificate_domains(),
        ["server1.fourthcoffee.com", "server1"]
    );
    assert_eq!(
        state.personal(outcome.thumbprint).unwrap().services,
        Services::SMTP
    );
    // -Force answered the replacement question.
    assert_eq!(
        state.config.internal_transport_certificate,
        Some(outcome.thumbprint)
    );
}

#[test]
fn s3_4_1_declining_the_smtp_question_keeps_the_default_certificate() {
    let mut sources = Sources::new();
    let mut state = server(&mut sources);
    let original = state.config.internal_transport_certificate;
    let mut asked = None;
    let outcome = exchange_server::new_certificate(
        &mut state,
        &NewCertificateOptions::default(),
        &mut sources.generators(),
        fixed_now(),
        &mut |question| {
            asked = Some(question.clone());
            Some(false)
        },
        &mut |_, _, _| Ok(()),
    )
    .unwrap();
    let question = asked.expect("the question was asked");
    assert_eq!(Some(question.current), original);
    assert_eq!(question.replacement, outcome.thumbprint);
    assert_eq!(state.config.internal_transport_certificate, original);
    // The certificate is still created and SMTP-ACL'd (spec §3.1).
    let entry = state.personal(outcome.thumbprint).unwrap();
    assert!(entry.network_service_access);
}

#[test]
fn b93_new_certificate_without_arguments_replaces_the_internal_certificate_on_yes() {
    let mut sources = Sources::new();
    let mut state = server(&mut sources);
    let outcome = new_cert(
        &mut state,
        &mut sources,
        &NewCertificateOptions::default(),
        true,
    )
    .unwrap();
    assert_eq!(
        state.config.internal_transport_certificate,
        Some(outcome.thumbprint)
    );
    assert_eq!(
        certificate(&state, outcome.thumbprint)
            .subject()
            .to_string(),
        "CN=EXCH01"
    );
}

#[test]
fn b62_cloning_copies_names_with_a_new_thumbprint_and_validity() {
    let mut sources = Sources::new();
    let mut state = server(&mut sources);
    let source = state.personal[0].certificate.clone();
    let options = NewCertificateOptions {
        instance: Some(source.thumbprint()),
        services: Some(Services::SMTP | Services::POP | Services::IMAP),
        force: true,
        ..NewCertificateOptions::default()
    };
    let outcome = new_cert(&mut state, &mut sources, &options, false).unwrap();
    assert_ne!(outcome.thumbprint, source.thumbprint());
    let clone = certificate(&state, outcome.thumbprint);
    assert_eq!(clone.subject(), source.subject());
    assert_eq!(clone.certificate_domains(), source.certificate_domains());
    assert_ne!(clone.serial_number(), source.serial_number());
    let entry = state.personal(outcome.thumbprint).unwrap();
    assert_eq!(
        entry.services,
        Services::SMTP | Services::POP | Services::IMAP
    );
}

#[test]
fn b64_b65_request_is_written_base64_by_default_and_der_when_binary() {
    let mut sources = Sources::new();
    let mut state = server(&mut sources);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("CertRequest.req");
    let mut options = request_options(&["popserver.fourthcoffee.com"]);
    options.names.subject_name = Some(
        "c=us,o=contoso corp, cn=popserver.fourthcoffee.com"
            .parse()
            .unwrap(),
    );
    options.private_key_exportable = true;
    options.path = Some(path.clone());
    let outcome = new_cert(&mut state, &mut sources, &options, false).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("-----BEGIN NEW CERTIFICATE REQUEST-----\r\n"));
    assert!(text.ends_with("-----END NEW CERTIFICATE REQUEST-----\r\n"));
    let request = state.request(outcome.thumbprint).unwrap();
    assert!(state.personal(outcome.thumbprint).is_none());
    assert_eq!(
        request.placeholder.subject().to_string(),
        "C=us, O=contoso corp, CN=popserver.fourthcoffee.com"
    );

    let binary_path = dir.path().join("CertRequest.der");
    let mut options = request_options(&["popserver.fourthcoffee.com"]);
    options.path = Some(binary_path.clone());
    options.binary_encoded = true;
    let outcome = new_cert(&mut state, &mut sources, &options, false).unwrap();
    let bytes = std::fs::read(&binary_path).unwrap();
    assert_eq!(
        bytes,
        state.request(outcome.thumbprint).unwrap().request_der
    );
    assert_eq!(bytes[0], 0x30);
}

#[test]
fn s3_1_request_file_is_not_overwritten_without_force_and_nothing_changes() {
    let mut sources = Sources::new();
    let mut state = server(&mut sources);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("exists.req");
    std::fs::write(&path, "keep me").unwrap();
    let before = state.clone();
    let mut options = request_options(&["mail.contoso.com"]);
    options.path = Some(path.clone());
    let result = new_cert(&mut state, &mut sources, &options, false);
    assert!(matches!(
        result,
        Err(NewCertificateError::RequestFile { .. })
    ));
    assert_eq!(state, before);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "keep me");
    options.force = true;
    new_cert(&mut state, &mut sources, &options, false).unwrap();
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .starts_with("-----BEGIN NEW")
    );
}

#[test]
fn s3_1_conflicting_parameter_sets_are_refused() {
    let mut sources = Sources::new();
    let mut state = server(&mut sources);
    let before = state.clone();
    let mut options = request_options(&["mail.contoso.com"]);
    options.services = Some(Services::SMTP);
    assert_eq!(
        new_cert(&mut state, &mut sources, &options, true),
        Err(NewCertificateError::ConflictingParameterSets)
    );
    let options = NewCertificateOptions {
        binary_encoded: true,
        ..NewCertificateOptions::default()
    };
    assert_eq!(
        new_cert(&mut state, &mut sources, &options, true),
        Err(NewCertificateError::RequestArgumentWithoutRequest {
            argument: "BinaryEncoded"
        })
    );
    let options = NewCertificateOptions {
        path: Some("x.req".into()),
        ..NewCertificateOptions::default()
    };
    assert_eq!(
        new_cert(&mut state, &mut sources, &options, true),
        Err(NewCertificateError::RequestArgumentWithoutRequest { argument: "Path" })
    );
    assert_eq!(state, before);
}

#[test]
fn s3_1_bad_names_and_key_sizes_change_nothing() {
    let mut sources = Sources::new();
    let mut state = server(&mut sources);
    let before = state.clone();
    for names in [
        NameInputs {
            domain_names: domains(&["bad name"]),
            ..NameInputs::default()
        },
        NameInputs {
            key_size: Some(512),
            ..NameInputs::default()
        },
        NameInputs {
            friendly_name: Some("x".repeat(64)),
            ..NameInputs::default()
        },
    ] {
        let options = NewCertificateOptions {
            names,
            ..NewCertificateOptions::default()
        };
        assert!(new_cert(&mut state, &mut sources, &options, true).is_err());
    }
    assert_eq!(state, before);
}

#[test]
fn b66_private_keys_are_not_exportable_by_default() {
    let mut sources = Sources::new();
    let state = server(&mut sources);
    let thumbprint = state.personal[0].certificate.thumbprint();
    let options = ExportOptions {
        thumbprint,
        password: Some("pw".into()),
        binary_encoded: true,
        iterations: 1,
    };
    assert_eq!(
        export_certificate(&state, &options),
        Err(ExportCertificateError::KeyNotExportable)
    );
}

/// Request → CA answer → import: the flow of seed §Certificate Request / §Importing.
fn requested_and_issued(
    state: &mut ServerState,
    sources: &mut Sources,
    ca: &mut TestCa,
    name: &str,
) -> (Thumbprint, Vec<u8>) {
    let mut options = request_options(&[name]);
    options.private_key_exportable = true;
    let outcome = new_cert(state, sources, &options, false).unwrap();
    let request_der = state
        .request(outcome.thumbprint)
        .unwrap()
        .request_der
        .clone();
    let issued = ca.answer_request(&request_der).unwrap();
    (outcome.thumbprint, issued)
}

#[test]
fn b68_import_completes_the_pending_request_and_removes_it() {
    let mut sources = Sources::new();
    let mut state = server(&mut sources);
    let mut ca = TestCa::new();
    let (request_thumbprint, issued) =
        requested_and_issued(&mut state, &mut sources, &mut ca, "pop.contoso.com");
    let thumbprint = import_certificate(&mut state, &issued, None, None, false).unwrap();
    assert_eq!(thumbprint, Thumbprint::of_der(&issued));
    assert!(state.request(request_thumbprint).is_none());
    let entry = state.personal(thumbprint).unwrap();
    assert!(entry.key.is_some());
    assert!(entry.exportable);
    assert_eq!(entry.certificate.certificate_domains(), ["pop.contoso.com"]);
    // The request is gone, so the same answer no longer pairs with a key.
    let result = import_certificate(&mut state, &issued, None, None, false);
    assert!(matches!(
        result,
        Err(ImportCertificateError::NoMatchingRequest { .. })
    ));
}

#[test]
fn s3_3_import_accepts_a_pem_chain_and_keeps_the_intermediate() {
    let mut sources = Sources::new();
    let mut state = server(&mut sources);
    let mut ca = TestCa::new();
    let (_, issued) = requested_and_issued(&mut state, &mut sources, &mut ca, "mail.contoso.com");
    let pem = Certificate::from_der(&issued).unwrap().to_pem();
    let chain_pem = format!(
        "{pem}{}",
        Certificate::from_der(ca.intermediate_der())
            .unwrap()
            .to_pem()
    );
    let thumbprint =
        import_certificate(&mut state, chain_pem.as_bytes(), None, None, false).unwrap();
    assert_eq!(thumbprint, Thumbprint::of_der(&issued));
    assert_eq!(state.intermediates.len(), 1);
}

#[test]
fn b69_import_without_a_matching_request_is_refused() {
    let mut sources = Sources::new();
    let mut state = server(&mut sources);
    let mut ca = TestCa::new();
    let foreign = ca.issue_server(
        "other.contoso.com",
        &["other.contoso.com"],
        &cert_testkit::key_2048(3),
    );
    let before = state.clone();
    let result = import_certificate(&mut state, &foreign, None, None, false);
    assert_eq!(
        result,
        Err(ImportCertificateError::NoMatchingRequest {
            thumbprint: Thumbprint::of_der(&foreign)
        })
    );
    assert_eq!(state, before);
}

#[test]
fn s3_3_garbage_and_wrong_passwords_change_nothing() {
    let mut sources = Sources::new();
    let mut state = server(&mut sources);
    let before = state.clone();
    assert_eq!(
        import_certificate(&mut state, b"%%% not base64 %%%", None, None, false),
        Err(ImportCertificateError::Base64DataInvalid)
    );
    assert_eq!(
        import_certificate(
            &mut state,
            &[0x30, 0x03, 0x02, 0x01, 0x03],
            Some("pw"),
            None,
            false
        ),
        Err(ImportCertificateError::DataInvalid)
    );
    assert_eq!(
        import_certificate(&mut state, &[0x30, 0x02, 0x30, 0x00], None, None, false),
        Err(ImportCertificateError::DataInvalid)
    );
    assert_eq!(state, before);
}

#[test]
fn b41_exportable_key_round_trips_through_pfx() {
    let mut sources = Sources::new();
    let mut state = server(&mut sources);
    let options = NewCertificateOptions {
        names: NameInputs {
            domain_names: domains(&["mail.contoso.com"]),
            ..NameInputs::default()
        },
        private_key_exportable: true,
        services: Some(Services::NONE),
        ..NewCertificateOptions::default()
    };
    let outcome = new_cert(&mut state, &mut sources, &options, false).unwrap();
    let export = ExportOptions {
        thumbprint: outcome.thumbprint,
        password: Some("P@ssw0rd".into()),
        binary_encoded: true,
        iterations: 2,
    };
    let exported = export_certificate(&state, &export).unwrap();
    assert!(!exported.is_request);
    // Another server imports it with the same thumbprint (B-40).
    let mut other_sources = Sources::new();
    let mut other = server(&mut other_sources);
    assert_eq!(
        import_certificate(&mut other, &exported.data, Some("wrong"), None, false),
        Err(ImportCertificateError::DataInvalid)
    );
    let thumbprint =
        import_certificate(&mut other, &exported.data, Some("P@ssw0rd"), None, true).unwrap();
    assert_eq!(thumbprint, outcome.thumbprint);
    assert!(other.personal(thumbprint).unwrap().key.is_some());
    assert_eq!(
        import_certificate(&mut other, &exported.data, Some("P@ssw0rd"), None, true),
        Err(ImportCertificateError::AlreadyExists { thumbprint })
    );
    // Base64 by default.
    let text = export_certificate(
        &state,
        &ExportOptions {
            binary_encoded: false,
            ..export
        },
    )
    .unwrap();
    assert!(text.data.iter().all(|byte| byte.is_ascii()));
}

#[test]
fn s3_5_export_needs_a_password_and_a_key() {
    let mut sources = Sources::new();
    let mut state = server(&mut sources);
    let options = NewCertificateOptions {
        private_key_exportable: true,
        services: Some(Services::NONE),
        ..NewCertificateOptions::default()
    };
    let outcome = new_cert(&mut state, &mut sources, &options, false).unwrap();
    let export = ExportOptions {
        thumbprint: outcome.thumbprint,
        password: None,
        binary_encoded: true,
        iterations: 2,
    };
    assert_eq!(
        export_certificate(&state, &export),
        Err(ExportCertificateError::PasswordRequired)
    );
    let unknown = Thumbprint::from_bytes([9; 20]);
    assert_eq!(
        export_certificate(
            &state,
            &ExportOptions {
                thumbprint: unknown,
                ..export
            }
        ),
        Err(ExportCertificateError::NotFound {
            thumbprint: unknown
        })
    );
}

#[test]
fn s3_5_request_exports_as_pkcs10() {
    let mut sources = Sources::new();
    let mut state = server(&mut sources);
    let outcome = new_cert(
        &mut state,
        &mut sources,
        &request_options(&["mail.contoso.com"]),
        false,
    )
    .unwrap();
    let export = ExportOptions {
        thumbprint: outcome.thumbprint,
        password: None,
        binary_encoded: false,
        iterations: 2,
    };
    let exported = export_certificate(&state, &export).unwrap();
    assert!(exported.is_request);
    assert!(
        exported
            .data
            .starts_with(b"-----BEGIN NEW CERTIFICATE REQUEST-----")
    );
}

#[test]
fn b70_b74_enabling_pop_sets_x509_certificate_name() {
    let mut sources = Sources::new();
    let mut state = server(&mut sources);
    let mut ca = TestCa::new();
    let (_, issued) = requested_and_issued(&mut state, &mut sources, &mut ca, "pop.contoso.com");
    let thumbprint = import_certificate(&mut state, &issued, None, None, false).unwrap();
    let warnings = enable_certificate(
        &mut state,
        thumbprint,
        Some(Services::POP),
        false,
        &mut |_| Some(false),
    )
    .unwrap();
    assert!(warnings.is_empty());
    assert_eq!(
        state
            .protocol(Protocol::Pop3)
            .x509_certificate_name
            .as_deref(),
        Some("pop.contoso.com")
    );
    assert_eq!(state.personal(thumbprint).unwrap().services, Services::POP);
    // B-73: the certificate itself did not change.
    assert_eq!(
        state.personal(thumbprint).unwrap().certificate.thumbprint(),
        thumbprint
    );
}

#[test]
fn b75_b76_iis_binds_the_default_site_and_smtp_grants_network_service() {
    let mut sources = Sources::new();
    let mut state = server(&mut sources);
    let options = NewCertificateOptions {
        names: NameInputs {
            domain_names: domains(&["mail.contoso.com"]),
            ..NameInputs::default()
        },
        services: Some(Services::NONE),
        ..NewCertificateOptions::default()
    };
    let outcome = new_cert(&mut state, &mut sources, &options, false).unwrap();
    let thumbprint = outcome.thumbprint;
    assert!(!state.personal(thumbprint).unwrap().network_service_access);
    enable_certificate(
        &mut state,
        thumbprint,
        Some(Services::IIS | Services::SMTP),
        true,
        &mut |_| Some(false),
    )
    .unwrap();
    assert_eq!(state.config.iis_certificate, Some(thumbprint));
    let entry = state.personal(thumbprint).unwrap();
    assert!(
        entry
            .access_rules()
            .iter()
            .any(|rule| rule.identity == NETWORK_SERVICE)
    );
    assert_eq!(
        state.config.internal_transport_certificate,
        Some(thumbprint)
    );
}

#[test]
fn b77_um_without_the_server_fqdn_warns() {
    let mut sources = Sources::new();
    let mut state = server(&mut sources);
    let options = NewCertificateOptions {
        names: NameInputs {
            domain_names: domains(&["um.contoso.com"]),
            ..NameInputs::default()
        },
        services: Some(Services::UM),
        ..NewCertificateOptions::default()
    };
    let outcome = new_cert(&mut state, &mut sources, &options, false).unwrap();
    assert_eq!(state.config.um_certificate, Some(outcome.thumbprint));
    assert_eq!(
        outcome.warnings,
        [OperationWarning::UmCertificateLacksServerFqdn {
            thumbprint: outcome.thumbprint,
            fqdn: "EXCH01.contoso.com".into()
        }]
    );
}

#[test]
fn s3_4_wildcard_certificates_do_not_set_pop_names() {
    let mut sources = Sources::new();
    let mut state = server(&mut sources);
    let options = NewCertificateOptions {
        names: NameInputs {
            domain_names: domains(&["*.contoso.com"]),
            ..NameInputs::default()
        },
        services: Some(Services::POP),
        ..NewCertificateOptions::default()
    };
    let before = state.pop.x509_certificate_name.clone();
    let outcome = new_cert(&mut state, &mut sources, &options, false).unwrap();
    assert!(matches!(
        outcome.warnings.as_slice(),
        [OperationWarning::InvalidCertificateForProtocol {
            protocol: Protocol::Pop3,
            ..
        }]
    ));
    assert_eq!(state.pop.x509_certificate_name, before);
}

#[test]
fn s3_4_enabling_a_pending_request_or_unknown_thumbprint_is_not_found() {
    let mut sources = Sources::new();
    let mut state = server(&mut sources);
    let outcome = new_cert(
        &mut state,
        &mut sources,
        &request_options(&["mail.contoso.com"]),
        false,
    )
    .unwrap();
    let before = state.clone();
    assert_eq!(
        enable_certificate(
            &mut state,
            outcome.thumbprint,
            Some(Services::POP),
            false,
            &mut |_| Some(true)
        ),
        Err(EnableCertificateError::NotFound {
            thumbprint: outcome.thumbprint
        })
    );
    assert_eq!(state, before);
}

#[test]
fn b39_certificates_without_a_key_cannot_be_enabled() {
    let mut sources = Sources::new();
    let mut state = server(&mut sources);
    let thumbprint = state.personal[0].certificate.thumbprint();
    state.personal[0].key = None;
    let before = state.clone();
    assert_eq!(
        enable_certificate(
            &mut state,
            thumbprint,
            Some(Services::POP),
            false,
            &mut |_| Some(true)
        ),
        Err(EnableCertificateError::NotValidForExchange {
            thumbprint,
            reason: UnusableReason::PrivateKeyMissing
        })
    );
    assert_eq!(state, before);
}

#[test]
fn s3_4_services_need_installed_roles() {
    let mut sources = Sources::new();
    let mut state = server(&mut sources);
    state
        .config
        .roles
        .retain(|role| *role != exchange_server::ServerRole::UnifiedMessaging);
    let thumbprint = state.personal[0].certificate.thumbprint();
    assert_eq!(
        enable_certificate(
            &mut state,
            thumbprint,
            Some(Services::UM),
            false,
            &mut |_| Some(true)
        ),
        Err(EnableCertificateError::ServiceNotInstalled)
    );
}

#[test]
fn s3_6_remove_deletes_certificates_and_requests() {
    let mut sources = Sources::new();
    let mut state = server(&mut sources);
    let request = new_cert(
        &mut state,
        &mut sources,
        &request_options(&["mail.contoso.com"]),
        false,
    )
    .unwrap();
    remove_certificate(&mut state, request.thumbprint).unwrap();
    assert!(state.requests.is_empty());
    let default = state.personal[0].certificate.thumbprint();
    remove_certificate(&mut state, default).unwrap();
    assert!(state.personal.is_empty());
    assert_eq!(state.config.internal_transport_certificate, None);
    assert_eq!(
        remove_certificate(&mut state, default),
        Err(RemoveCertificateError::NotFound {
            thumbprint: default
        })
    );
}

/// Never panic on user input: random bytes, truncations and bit flips of real certificates,
/// requests and PFX files all give an error or an import, and never change the state on error.
#[test]
fn s3_3_random_and_damaged_import_data_never_panics() {
    use cert_generation::RandomSource as _;
    let mut sources = Sources::new();
    let mut state = server(&mut sources);
    let mut ca = TestCa::new();
    let (_, issued) = requested_and_issued(&mut state, &mut sources, &mut ca, "mail.contoso.com");
    let pfx = cert_generation::export_pfx(
        &issued,
        &cert_testkit::key_2048(3),
        &[],
        &cert_generation::PfxProtection {
            password: "pw".into(),
            iterations: 1,
        },
        "x",
    )
    .unwrap();
    let pem = Certificate::from_der(&issued).unwrap().to_pem();
    let mut random = cert_testkit::SeededRandom::new(99);
    let before = state.clone();
    for sample in [issued.clone(), pfx, pem.into_bytes()] {
        for cut in (0..sample.len()).step_by(7) {
            let mut damaged = sample[..cut].to_vec();
            let _ = import_certificate(&mut state, &damaged, Some("pw"), None, false);
            if let Some(byte) = damaged.get_mut(cut / 2) {
                *byte ^= 0x5a;
            }
            let _ = import_certificate(&mut state, &damaged, Some("pw"), None, false);
            assert_eq!(state.requests.len(), before.requests.len());
        }
    }
    for length in 0..300 {
        let mut bytes = vec![0u8; length];
        random.fill(&mut bytes).unwrap();
        if let Some(first) = bytes.first_mut() {
            *first = if length % 2 == 0 { 0x30 } else { *first };
        }
        assert!(import_certificate(&mut state, &bytes, None, None, false).is_err());
    }
    assert_eq!(state.personal.len(), before.personal.len());
}
