//! The selection bridge (`src/selection.rs`): Resolve-ExchangeCertificate answers, services
//! with state in the store, the events their starts log, and the daily UM expiry check
//! (spec B-100 to B-103; seed §Unified Messaging, §SMTP STARTTLS), over in-memory stores with
//! cert-testkit's fixed keys, serials and clock.

#![allow(clippy::unwrap_used)] // Tests fail loudly by design.

use cert_model::{Certificate, RootCaType};
use cert_selection::{
    Direction, Outcome, Preference, Reason, UM_CERTIFICATE_EXPIRED, UM_CERTIFICATE_EXPIRES_SOON,
    UM_CERTIFICATE_IN_USE, UM_CREATES_SELF_SIGNED, UM_SOURCE, Verdict,
};
use cert_testkit::{FixedKeys, SeededRandom, TestCa, fixed_now};
use exchange_server::{
    ControlServiceError, EventType, ExchangeService, Generators, NameInputs, NewCertificateOptions,
    ResolveCertificateError, ResolveRequest, SelectionService, Server, ServerChanges, ServerRole,
    ServiceStatus, SetupOptions,
};
use time::Duration;

struct Sources {
    keys: FixedKeys,
    random: SeededRandom,
}

impl Sources {
    fn new() -> Sources {
        Sources {
            keys: FixedKeys::new(),
            random: SeededRandom::new(7),
        }
    }

    fn generators(&mut self) -> Generators<'_> {
        Generators {
            keys: &mut self.keys,
            random: &mut self.random,
        }
    }
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

fn default_certificate(server: &mut Server) -> cert_model::Thumbprint {
    server
        .state()
        .unwrap()
        .config
        .internal_transport_certificate
        .unwrap()
}

#[test]
fn s5_8_services_follow_the_installed_roles_and_start_stopped() {
    let mut sources = Sources::new();
    let mut server = open(&mut sources);
    let services = server.services().unwrap();
    let names: Vec<_> = services.iter().map(|info| info.service.name()).collect();
    assert_eq!(
        names,
        [
            "MSExchangeIMAP4",
            "MSExchangePOP3",
            "MSExchangeTransport",
            "MSExchangeUM",
            "W3SVC"
        ]
    );
    assert!(
        services
            .iter()
            .all(|info| info.status == ServiceStatus::Stopped)
    );
    server
        .set_server(
            &ServerChanges {
                roles: Some(vec![ServerRole::Mailbox, ServerRole::HubTransport]),
                ..ServerChanges::default()
            },
            fixed_now(),
        )
        .unwrap();
    let names: Vec<_> = server
        .services()
        .unwrap()
        .iter()
        .map(|info| info.service.name())
        .collect();
    assert_eq!(names, ["MSExchangeTransport", "W3SVC"]);
    let error = server
        .start_service("MSExchangeUM", &mut sources.generators(), fixed_now())
        .unwrap_err();
    assert!(matches!(error, ControlServiceError::ServiceNotFound { .. }));
    assert_eq!(
        error.to_string(),
        "cannot find any service with service name 'MSExchangeUM'"
    );
}

#[test]
fn s5_8_start_and_stop_keep_the_state_in_the_store() {
    let mut sources = Sources::new();
    let mut server = open(&mut sources);
    let started = server
        .start_service("msexchangepop3", &mut sources.generators(), fixed_now())
        .unwrap();
    assert_eq!(started.service, ExchangeService::Pop3);
    assert!(!started.already_running);
    let status = |server: &mut Server, service| {
        server
            .services()
            .unwrap()
            .into_iter()
            .find(|info| info.service == service)
            .unwrap()
            .status
    };
    assert_eq!(
        status(&mut server, ExchangeService::Pop3),
        ServiceStatus::Running
    );
    let again = server
        .start_service("MSExchangePOP3", &mut sources.generators(), fixed_now())
        .unwrap();
    assert!(again.already_running);
    assert!(again.events.is_empty());
    assert!(server.stop_service("MSExchangePOP3").unwrap());
    assert!(!server.stop_service("MSExchangePOP3").unwrap());
    assert_eq!(
        status(&mut server, ExchangeService::Pop3),
        ServiceStatus::Stopped
    );
}

#[test]
fn b84_transport_start_logs_the_starttls_decisions_of_enabled_connectors() {
    let mut sources = Sources::new();
    let mut server = open(&mut sources);
    let default = default_certificate(&mut server);
    server.remove_certificate(default, fixed_now()).unwrap();
    let started = server
        .start_service(
            "MSExchangeTransport",
            &mut sources.generators(),
            fixed_now(),
        )
        .unwrap();
    let connectors: Vec<_> = started
        .resolutions
        .iter()
        .map(|resolution| resolution.connector.clone().unwrap())
        .collect();
    assert_eq!(connectors, ["Client EXCH01", "Default EXCH01"]);
    let ids: Vec<_> = started.events.iter().map(|event| event.event_id).collect();
    assert_eq!(ids, [12014, 12014]);
    let expected: Vec<_> = started
        .resolutions
        .iter()
        .flat_map(|resolution| &resolution.decision.events)
        .map(exchange_server::event_of)
        .collect();
    assert_eq!(started.events, expected);
    let logged = server.events("Application").unwrap();
    assert_eq!(logged.len(), started.events.len());
    for (row, event) in logged.iter().zip(&started.events) {
        assert_eq!(row.source, event.source);
        assert_eq!(row.event_id, event.event_id);
        assert_eq!(row.message, event.message);
        assert_eq!(row.time, fixed_now());
    }
}

#[test]
fn b81_resolve_smtp_uses_the_connector_fqdn_and_fqdn_overrides_it() {
    let mut sources = Sources::new();
    let mut server = open(&mut sources);
    let default = default_certificate(&mut server);
    let mut request = ResolveRequest::new(SelectionService::Smtp);
    request.connector = Some("EXCH01\\Default EXCH01".into());
    let answer = server.resolve_certificate(&request, fixed_now()).unwrap();
    assert_eq!(answer.len(), 1);
    assert_eq!(
        answer[0].decision.fqdn.as_deref(),
        Some("exch01.contoso.com")
    );
    assert_eq!(answer[0].decision.outcome, Outcome::Selected(default));

    request.fqdn = Some("mail.fabrikam.com".into());
    let answer = server.resolve_certificate(&request, fixed_now()).unwrap();
    assert_eq!(answer[0].decision.outcome, Outcome::NotAdvertised);
    assert!(matches!(
        answer[0].decision.verdict(default),
        Some(Verdict::Lost(Reason::DomainMismatch { .. }))
    ));

    request.connector = Some("Nowhere".into());
    request.direction = Direction::Outbound;
    let error = server
        .resolve_certificate(&request, fixed_now())
        .unwrap_err();
    assert!(matches!(
        error,
        ResolveCertificateError::ConnectorNotFound { kind: "send", .. }
    ));
    assert_eq!(
        error.to_string(),
        "the send connector 'Nowhere' was not found"
    );
}

#[test]
fn b101_um_unsecured_needs_no_certificate_and_logs_nothing() {
    let mut sources = Sources::new();
    let mut server = open(&mut sources);
    let started = server
        .start_service("MSExchangeUM", &mut sources.generators(), fixed_now())
        .unwrap();
    assert_eq!(
        started.resolutions[0].decision.outcome,
        Outcome::NoCertificateNeeded
    );
    assert!(started.events.is_empty());
    assert!(server.events("Application").unwrap().is_empty());
}

#[test]
fn b102_um_secured_records_and_logs_the_certificate_it_uses() {
    let mut sources = Sources::new();
    let mut server = open(&mut sources);
    let default = default_certificate(&mut server);
    server.set_um_startup_mode("tls", fixed_now()).unwrap();
    assert_eq!(server.state().unwrap().config.um_startup_mode, "TLS");
    let started = server
        .start_service("MSExchangeUM", &mut sources.generators(), fixed_now())
        .unwrap();
    assert_eq!(
        started.resolutions[0].decision.outcome,
        Outcome::Selected(default)
    );
    assert_eq!(started.created_certificate, None);
    assert_eq!(server.state().unwrap().config.um_certificate, Some(default));
    let logged = server.events("Application").unwrap();
    assert_eq!(logged.len(), 1);
    assert_eq!(logged[0].source, UM_SOURCE);
    assert_eq!(logged[0].event_id, UM_CERTIFICATE_IN_USE);
    assert!(logged[0].message.contains(&default.to_string()));
}

#[test]
fn b100_um_secured_without_a_usable_certificate_creates_a_self_signed_one() {
    let mut sources = Sources::new();
    let mut server = open(&mut sources);
    let default = default_certificate(&mut server);
    server.remove_certificate(default, fixed_now()).unwrap();
    server.set_um_startup_mode("Dual", fixed_now()).unwrap();
    let started = server
        .start_service("MSExchangeUM", &mut sources.generators(), fixed_now())
        .unwrap();
    assert_eq!(
        started.resolutions[0].decision.outcome,
        Outcome::CreateSelfSigned
    );
    let created = started.created_certificate.unwrap();
    let state = server.state().unwrap();
    assert_eq!(state.config.um_certificate, Some(created));
    let entry = state.personal(created).unwrap();
    assert!(entry.certificate.is_self_signed());
    assert!(
        entry
            .certificate
            .certificate_domains()
            .iter()
            .any(|domain| domain.eq_ignore_ascii_case("EXCH01.contoso.com"))
    );
    let logged: Vec<_> = server
        .events("Application")
        .unwrap()
        .into_iter()
        .map(|row| (row.source, row.event_id))
        .collect();
    assert_eq!(
        logged,
        [
            (UM_SOURCE.to_owned(), UM_CREATES_SELF_SIGNED),
            (UM_SOURCE.to_owned(), UM_CERTIFICATE_IN_USE)
        ]
    );
    // Resolving afterwards finds the certificate UM made.
    let answer = server
        .resolve_certificate(&ResolveRequest::new(SelectionService::Um), fixed_now())
        .unwrap();
    assert_eq!(answer[0].decision.outcome, Outcome::Selected(created));
}

#[test]
fn b103_um_expiry_events_appear_once_per_day_as_the_instant_walks() {
    let mut sources = Sources::new();
    let mut server = open(&mut sources);
    let default = default_certificate(&mut server);
    let not_after = server
        .state()
        .unwrap()
        .personal(default)
        .unwrap()
        .certificate
        .not_after();
    // Not running: no check.
    assert_eq!(
        server
            .check_um_expiry(not_after - Duration::days(3))
            .unwrap(),
        None
    );
    // Running Unsecured with a UM certificate enabled: UM uses no certificate (B-101).
    server
        .enable_certificate(
            default,
            Some(cert_model::Services::UM),
            false,
            &mut |_| Some(false),
            fixed_now(),
        )
        .unwrap();
    server
        .start_service("MSExchangeUM", &mut sources.generators(), fixed_now())
        .unwrap();
    assert_eq!(
        server
            .check_um_expiry(not_after - Duration::days(3))
            .unwrap(),
        None
    );
    server.stop_service("MSExchangeUM").unwrap();
    server.set_um_startup_mode("TLS", fixed_now()).unwrap();
    server
        .start_service("MSExchangeUM", &mut sources.generators(), fixed_now())
        .unwrap();
    let walk = [
        (not_after - Duration::days(60), None),
        (
            not_after - Duration::days(20),
            Some(UM_CERTIFICATE_EXPIRES_SOON),
        ),
        (not_after - Duration::days(20) + Duration::hours(1), None),
        (
            not_after - Duration::days(19),
            Some(UM_CERTIFICATE_EXPIRES_SOON),
        ),
        (not_after - Duration::days(19), None),
        (not_after + Duration::days(2), Some(UM_CERTIFICATE_EXPIRED)),
        (not_after + Duration::days(2) + Duration::minutes(5), None),
        (not_after + Duration::days(3), Some(UM_CERTIFICATE_EXPIRED)),
    ];
    for (now, expected) in walk {
        let event = server.check_um_expiry(now).unwrap();
        assert_eq!(
            event.as_ref().map(|event| event.event_id),
            expected,
            "{now}"
        );
        if let Some(event) = event {
            let entry_type = if expected == Some(UM_CERTIFICATE_EXPIRED) {
                EventType::Error
            } else {
                EventType::Warning
            };
            assert_eq!(event.entry_type, entry_type);
        }
    }
    let logged: Vec<_> = server
        .events("Application")
        .unwrap()
        .into_iter()
        .map(|row| row.event_id)
        .collect();
    assert_eq!(
        logged,
        [
            UM_CERTIFICATE_IN_USE,
            UM_CERTIFICATE_EXPIRES_SOON,
            UM_CERTIFICATE_EXPIRES_SOON,
            UM_CERTIFICATE_EXPIRED,
            UM_CERTIFICATE_EXPIRED
        ]
    );
}

#[test]
fn s5_8_um_startup_mode_rejects_unknown_values() {
    let mut sources = Sources::new();
    let mut server = open(&mut sources);
    let error = server
        .set_um_startup_mode("Secure", fixed_now())
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "'Secure' is not a um startup mode; use TCP, TLS or Dual"
    );
    assert_eq!(server.state().unwrap().config.um_startup_mode, "TCP");
}

/// Installs the test CA's root and intermediate, requests a certificate for `name`, has the CA
/// answer it and imports the answer.
fn ca_issued(server: &mut Server, sources: &mut Sources, name: &str) -> cert_model::Thumbprint {
    let mut ca = TestCa::new();
    let root = Certificate::from_der(ca.root_der()).unwrap();
    server
        .add_trusted_root(root, RootCaType::Registry, fixed_now())
        .unwrap();
    let intermediate = Certificate::from_der(ca.intermediate_der()).unwrap();
    server.add_intermediate(intermediate, fixed_now()).unwrap();
    let options = NewCertificateOptions {
        names: NameInputs {
            domain_names: Some(vec![name.to_owned()]),
            ..NameInputs::default()
        },
        generate_request: true,
        ..NewCertificateOptions::default()
    };
    let request = server
        .new_certificate(
            &options,
            &mut sources.generators(),
            fixed_now(),
            &mut |_| Some(false),
        )
        .unwrap()
        .thumbprint;
    let der = server
        .state()
        .unwrap()
        .request(request)
        .unwrap()
        .request_der
        .clone();
    let issued = ca.answer_request(&der).unwrap();
    server
        .import_certificate(&issued, None, None, false, fixed_now())
        .unwrap()
        .thumbprint()
}

#[test]
fn b83_b104_a_trusted_ca_issued_certificate_beats_the_default_self_signed_one() {
    let mut sources = Sources::new();
    let mut server = open(&mut sources);
    let default = default_certificate(&mut server);
    let issued = ca_issued(&mut server, &mut sources, "EXCH01.contoso.com");
    let mut request = ResolveRequest::new(SelectionService::Smtp);
    request.connector = Some("Default EXCH01".into());
    let answer = server.resolve_certificate(&request, fixed_now()).unwrap();
    let decision = &answer[0].decision;
    assert_eq!(decision.outcome, Outcome::Selected(issued));
    assert_eq!(
        decision.verdict(default),
        Some(&Verdict::Lost(Reason::Outranked {
            by: issued,
            rule: Preference::CaIssuedOverSelfSigned
        }))
    );
    server.set_um_startup_mode("TLS", fixed_now()).unwrap();
    let started = server
        .start_service("MSExchangeUM", &mut sources.generators(), fixed_now())
        .unwrap();
    assert_eq!(
        started.resolutions[0].decision.outcome,
        Outcome::Selected(issued)
    );
    assert_eq!(server.state().unwrap().config.um_certificate, Some(issued));
}
