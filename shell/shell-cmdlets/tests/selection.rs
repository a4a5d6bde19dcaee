//! Resolve-ExchangeCertificate, Get-/Start-/Stop-Service and Get-EventLog through a whole
//! session (engine, binder, Out-Default) on an in-memory store with cert-testkit's fixed keys,
//! serials and clock: transcript snapshots named after the spec statements they pin
//! (B-81 to B-104; docs/selection.md).

#![allow(clippy::unwrap_used)] // Test helpers fail loudly by design.

use std::rc::Rc;

use cert_testkit::{FixedKeys, SeededRandom, fixed_now};
use shell_cmdlets::exchange::{AppState, exchange_cmdlets, register_views};
use shell_cmdlets::format::TextHost;
use shell_cmdlets::registry::{register_builtins, standard_views};
use shell_engine::{Origin, Session};
use time::Duration;

/// A session on a fresh in-memory server `EXCH01.contoso.com`.
fn session() -> Session<AppState> {
    let mut views = standard_views();
    register_views(&mut views);
    let views = Rc::new(views);
    let host = TextHost::new(views.clone(), 120);
    let state = AppState::open_with(
        None,
        Some("EXCH01.contoso.com"),
        fixed_now(),
        Box::new(FixedKeys::new()),
        Box::new(SeededRandom::new(11)),
    )
    .unwrap();
    let mut session = Session::new(state, Box::new(host), fixed_now());
    register_builtins(&mut session, &views);
    for cmdlet in exchange_cmdlets() {
        session.register(cmdlet);
    }
    session
}

/// Runs `script` in `session` and returns its transcript.
fn transcript(session: &mut Session<AppState>, script: &str) -> String {
    session.run_script(script, Origin::Interactive);
    let host = session.host_as_mut::<TextHost>().unwrap();
    host.end_session();
    let text = host.transcript();
    host.stdout.clear();
    host.stderr.clear();
    text
}

fn run(script: &str) -> String {
    transcript(&mut session(), script)
}

/// Sets UMStartupMode (no cmdlet of this product sets it yet) and optionally removes the
/// certificate setup made.
fn secure_um(session: &mut Session<AppState>, remove_default: bool) {
    let server = session.state().server();
    let mut server = server.borrow_mut();
    server.set_um_startup_mode("TLS", fixed_now()).unwrap();
    if remove_default {
        let default = server
            .state()
            .unwrap()
            .config
            .internal_transport_certificate
            .unwrap();
        server.remove_certificate(default, fixed_now()).unwrap();
    }
}

#[test]
fn b81_resolve_smtp_default_view_one_row_per_receive_connector() {
    insta::assert_snapshot!(run("Resolve-ExchangeCertificate -Service SMTP"));
}

#[test]
fn b83_resolve_smtp_format_list_names_every_candidate_and_reason() {
    insta::assert_snapshot!(run(
        "$null = New-ExchangeCertificate -DomainName mail.fabrikam.com -Services None; \
         Resolve-ExchangeCertificate -Service SMTP -Connector 'Default EXCH01' | fl"
    ));
}

#[test]
fn b84_resolve_smtp_for_an_fqdn_no_certificate_has_is_not_advertised() {
    insta::assert_snapshot!(run(
        "Resolve-ExchangeCertificate SMTP -Direction Inbound -Connector 'Client EXCH01' -Fqdn mail.fabrikam.com | fl"
    ));
}

#[test]
fn b87_resolve_pop_and_imap_use_x509_certificate_name() {
    insta::assert_snapshot!(run(
        "Resolve-ExchangeCertificate POP; Resolve-ExchangeCertificate IMAP -Fqdn imap.fabrikam.com | fl Service,Fqdn,Outcome,Candidates"
    ));
}

#[test]
fn b91_b94_resolve_anonymous_tls_for_hub_and_edge_partners() {
    insta::assert_snapshot!(run(
        "Resolve-ExchangeCertificate AnonymousTLS | fl Service,Partner,Outcome,Thumbprint; \
         Resolve-ExchangeCertificate AnonymousTLS -Partner Edge | fl Service,Partner,Outcome,Thumbprint"
    ));
}

#[test]
fn b75_b101_resolve_iis_and_unsecured_um() {
    insta::assert_snapshot!(run(
        "Resolve-ExchangeCertificate IIS | fl Service,Outcome,Candidates; Resolve-ExchangeCertificate UM"
    ));
}

#[test]
fn b81_resolve_with_an_unknown_connector_is_an_error() {
    insta::assert_snapshot!(run(
        "Resolve-ExchangeCertificate SMTP -Direction Outbound -Connector Internet"
    ));
}

#[test]
fn s5_8_get_service_start_and_stop_keep_state_in_the_store() {
    insta::assert_snapshot!(run(
        "Get-Service; Start-Service MSExchangePOP3, W3SVC; Get-Service MSExchange*; \
         Stop-Service MSExchangePOP3 -PassThru; Get-Service NoSuchService, 'Microsoft Exchange POP3'"
    ));
}

#[test]
fn b84_transport_start_without_certificates_logs_12014_per_connector() {
    let mut session = session();
    secure_um(&mut session, true);
    insta::assert_snapshot!(transcript(
        &mut session,
        "Start-Service MSExchangeTransport; Get-EventLog Application; \
         Get-EventLog Application -Newest 1 | fl Index,EntryType,Source,InstanceID,Message"
    ));
}

#[test]
fn b100_um_secured_without_a_usable_certificate_creates_one_and_logs_it() {
    let mut session = session();
    secure_um(&mut session, true);
    insta::assert_snapshot!(transcript(
        &mut session,
        "Resolve-ExchangeCertificate UM | fl Service,Fqdn,Outcome,Events; \
         Start-Service MSExchangeUM; \
         Get-EventLog -LogName Application -Source 'MSExchange Unified*' | fl Index,EntryType,Source,InstanceID,Message; \
         Get-ExchangeCertificate | fl Thumbprint,Services,IsSelfSigned,CertificateDomains; \
         Resolve-ExchangeCertificate UM"
    ));
}

#[test]
fn b103_um_expiry_events_once_per_day_as_now_walks_through_the_year() {
    let mut session = session();
    secure_um(&mut session, false);
    transcript(&mut session, "Start-Service MSExchangeUM");
    let mut text = String::new();
    // The setup certificate expires a year after fixed_now; walk past it.
    for days in [300, 340, 340, 341, 366, 366, 367] {
        session.set_now(fixed_now() + Duration::days(days) + Duration::hours(1));
        text.push_str(&format!("--- day {days}\n"));
        text.push_str(&transcript(
            &mut session,
            "Get-EventLog Application -After (Get-Date).AddDays(-1) | fl Index,EntryType,InstanceID,Message",
        ));
    }
    text.push_str("--- all\n");
    text.push_str(&transcript(&mut session, "Get-EventLog Application"));
    insta::assert_snapshot!(text);
}

#[test]
fn s4_get_event_log_rejects_unknown_logs_and_reports_no_matches() {
    insta::assert_snapshot!(run(
        "Get-EventLog Security; Get-EventLog Application -EntryType Error; Get-EventLog Application -Newest -1"
    ));
}
