//! The bridge between the store and `cert-selection`: which certificate each Exchange service
//! would use and why (Resolve-ExchangeCertificate), the Windows services that make those
//! choices when they start (Get-/Start-/Stop-Service, state kept in the store's settings), the
//! events they log, and the daily expiry check of the UM certificate (seed §Certificate
//! Selection, §Unified Messaging; spec/cmdlets.md §5.6–§5.8; docs/selection.md).
//!
//! Candidates are the personal store's certificates with their `Status` and `RootCAType`
//! computed at `now` (the same evaluation Get-ExchangeCertificate shows) and the private-key
//! state; the context is the server configuration. Nothing here reads the clock.
//!
//! Tests: `tests/selection.rs`.

use std::sync::Arc;

use cert_model::{Services, Thumbprint};
use cert_selection::{
    Candidate, Connector as SelectionConnector, Decision, Direction, EventSpec, Mode, Outcome,
    Partner, PrivateKeyState, Protocol as SelectionProtocol, Roles, SelectionContext,
    UmStartupMode, select_anonymous_tls, select_iis, select_pop_imap, select_smtp_starttls,
    select_um, um_certificate_in_use_event, um_expiry_event,
};
use cert_store::{StoreError, Transaction};
use time::{Date, OffsetDateTime, UtcOffset};

use crate::error::NewCertificateError;
use crate::generate::Generators;
use crate::model::{ConnectorKind, Event, EventType, ServerState};
use crate::operations::{NewCertificateOptions, new_certificate};
use crate::persist;
use crate::roles::ServerRole;
use crate::server::Server;
use crate::view::Evaluator;

/// A Windows service that uses a certificate (Get-Service names).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExchangeService {
    /// `MSExchangeTransport`: SMTP STARTTLS on every connector.
    Transport,
    /// `MSExchangePOP3`.
    Pop3,
    /// `MSExchangeIMAP4`.
    Imap4,
    /// `MSExchangeUM`.
    UnifiedMessaging,
    /// `W3SVC`: IIS and its default web site.
    W3svc,
}

impl ExchangeService {
    /// Every service, in the order Get-Service sorts them (by name).
    pub const ALL: [ExchangeService; 5] = [
        ExchangeService::Imap4,
        ExchangeService::Pop3,
        ExchangeService::Transport,
        ExchangeService::UnifiedMessaging,
        ExchangeService::W3svc,
    ];

    /// The service name (`MSExchangeTransport`).
    pub const fn name(self) -> &'static str {
        match self {
            ExchangeService::Transport => "MSExchangeTransport",
            ExchangeService::Pop3 => "MSExchangePOP3",
            ExchangeService::Imap4 => "MSExchangeIMAP4",
            ExchangeService::UnifiedMessaging => "MSExchangeUM",
            ExchangeService::W3svc => "W3SVC",
        }
    }

    /// The display name (`Microsoft Exchange Transport`).
    pub const fn display_name(self) -> &'static str {
        match self {
            ExchangeService::Transport => "Microsoft Exchange Transport",
            ExchangeService::Pop3 => "Microsoft Exchange POP3",
            ExchangeService::Imap4 => "Microsoft Exchange IMAP4",
            ExchangeService::UnifiedMessaging => "Microsoft Exchange Unified Messaging",
            ExchangeService::W3svc => "World Wide Web Publishing Service",
        }
    }

    /// The service with this name or display name, case-insensitively.
    pub fn from_name(text: &str) -> Option<ExchangeService> {
        let text = text.trim();
        ExchangeService::ALL.into_iter().find(|service| {
            service.name().eq_ignore_ascii_case(text)
                || service.display_name().eq_ignore_ascii_case(text)
        })
    }

    /// Whether a server with `roles` has this service: Transport with Hub or Edge, POP3 and
    /// IMAP4 with Client Access, UM with Unified Messaging; IIS always.
    pub fn installed(self, roles: &[ServerRole]) -> bool {
        let has = |role| roles.contains(&role);
        match self {
            ExchangeService::Transport => {
                has(ServerRole::HubTransport) || has(ServerRole::EdgeTransport)
            }
            ExchangeService::Pop3 | ExchangeService::Imap4 => has(ServerRole::ClientAccess),
            ExchangeService::UnifiedMessaging => has(ServerRole::UnifiedMessaging),
            ExchangeService::W3svc => true,
        }
    }

    fn setting_key(self, server: &str) -> String {
        format!(
            "service-status:{}:{}",
            server.to_ascii_lowercase(),
            self.name()
        )
    }
}

/// Whether a service runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ServiceStatus {
    /// `Running`.
    Running,
    /// `Stopped`: the state of a service that was never started in this store.
    Stopped,
}

impl ServiceStatus {
    /// `Running` or `Stopped`.
    pub const fn as_str(self) -> &'static str {
        match self {
            ServiceStatus::Running => "Running",
            ServiceStatus::Stopped => "Stopped",
        }
    }
}

/// One service as Get-Service shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ServiceInfo {
    /// The service.
    pub service: ExchangeService,
    /// Its status.
    pub status: ServiceStatus,
}

/// What Start-Service did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StartedService {
    /// The service.
    pub service: ExchangeService,
    /// `true` when it was already running (nothing was selected or logged).
    pub already_running: bool,
    /// The selections it made, with the connector each was made for (Transport).
    pub resolutions: Vec<Resolution>,
    /// The certificate UM created because none qualified (spec B-100).
    pub created_certificate: Option<Thumbprint>,
    /// The events written, in order.
    pub events: Vec<Event>,
}

/// The `-Service` of Resolve-ExchangeCertificate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SelectionService {
    /// `SMTP`: STARTTLS on connectors.
    Smtp,
    /// `POP`.
    Pop,
    /// `IMAP`.
    Imap,
    /// `UM`.
    Um,
    /// `IIS`.
    Iis,
    /// `AnonymousTLS`: SMTP X-AnonymousTLS with a partner.
    AnonymousTls,
}

impl SelectionService {
    /// Every value, as the parameter accepts them.
    pub const ALL: [SelectionService; 6] = [
        SelectionService::Smtp,
        SelectionService::Pop,
        SelectionService::Imap,
        SelectionService::Um,
        SelectionService::Iis,
        SelectionService::AnonymousTls,
    ];

    /// The parameter value (`SMTP`).
    pub const fn as_str(self) -> &'static str {
        match self {
            SelectionService::Smtp => "SMTP",
            SelectionService::Pop => "POP",
            SelectionService::Imap => "IMAP",
            SelectionService::Um => "UM",
            SelectionService::Iis => "IIS",
            SelectionService::AnonymousTls => "AnonymousTLS",
        }
    }

    /// The value named `text`, case-insensitively.
    pub fn parse(text: &str) -> Option<SelectionService> {
        let text = text.trim();
        SelectionService::ALL
            .into_iter()
            .find(|service| service.as_str().eq_ignore_ascii_case(text))
    }
}

/// A Resolve-ExchangeCertificate question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolveRequest {
    /// `-Service`.
    pub service: SelectionService,
    /// `-Direction` (SMTP): Inbound looks at Receive connectors, Outbound at Send connectors.
    pub direction: Direction,
    /// `-Connector` (SMTP): one connector by name; all connectors of the direction otherwise.
    pub connector: Option<String>,
    /// `-Partner` (AnonymousTLS).
    pub partner: Partner,
    /// `-Fqdn`: the FQDN to match instead of the connector's `Fqdn` (SMTP) or the
    /// `X509CertificateName` (POP, IMAP).
    pub fqdn: Option<String>,
}

impl ResolveRequest {
    /// A question about `service` with the defaults: Inbound, every connector, Hub partner,
    /// configured FQDNs.
    pub fn new(service: SelectionService) -> ResolveRequest {
        ResolveRequest {
            service,
            direction: Direction::Inbound,
            connector: None,
            partner: Partner::HubToHub,
            fqdn: None,
        }
    }
}

/// One decision, with the connector it was made for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolution {
    /// The connector's name (SMTP STARTTLS), else `None`.
    pub connector: Option<String>,
    /// The decision.
    pub decision: Decision,
}

/// A Resolve-ExchangeCertificate question could not be answered.
#[derive(Debug, thiserror::Error)]
pub enum ResolveCertificateError {
    /// The store could not be read.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// `-Connector` names no connector of the direction.
    #[error("the {kind} connector '{name}' was not found")]
    ConnectorNotFound {
        /// `receive` or `send`.
        kind: &'static str,
        /// The name given.
        name: String,
    },
}

/// Get-, Start- or Stop-Service failed.
#[derive(Debug, thiserror::Error)]
pub enum ControlServiceError {
    /// The store could not be read or written.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// No such service on this server (unknown name, or its role is not installed).
    #[error("cannot find any service with service name '{name}'")]
    ServiceNotFound {
        /// The name given.
        name: String,
    },
    /// UM found no certificate and could not create one.
    #[error("the unified messaging service could not create a self-signed certificate: {0}")]
    CreateCertificate(#[from] NewCertificateError),
    /// The UM startup mode is not TCP, TLS or Dual.
    #[error("'{mode}' is not a um startup mode; use TCP, TLS or Dual")]
    InvalidUmStartupMode {
        /// The value given.
        mode: String,
    },
}

/// One event-log record as Get-EventLog shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoggedEvent {
    /// `Index`.
    pub index: i64,
    /// `TimeGenerated`.
    pub time: OffsetDateTime,
    /// The log (`Application`).
    pub log: String,
    /// `Source`.
    pub source: String,
    /// `EntryType`.
    pub entry_type: EventType,
    /// `InstanceID` (the event id).
    pub event_id: u32,
    /// `Message`.
    pub message: String,
}

/// The selection context of a server state (spec §1.1 "Server configuration").
pub fn selection_context(state: &ServerState) -> SelectionContext {
    let config = &state.config;
    let roles = config
        .roles
        .iter()
        .fold(Roles::NONE, |roles, role| roles.union(role_flag(*role)));
    SelectionContext {
        mode: if config.rtm_mode {
            Mode::Rtm
        } else {
            Mode::Sp1
        },
        physical_fqdn: config.fqdn.clone(),
        roles,
        internal_transport_certificate: config.internal_transport_certificate,
        iis_certificate: config.iis_certificate,
        um_startup_mode: um_startup_mode(&config.um_startup_mode),
    }
}

fn role_flag(role: ServerRole) -> Roles {
    match role {
        ServerRole::Mailbox => Roles::MAILBOX,
        ServerRole::ClientAccess => Roles::CLIENT_ACCESS,
        ServerRole::UnifiedMessaging => Roles::UNIFIED_MESSAGING,
        ServerRole::HubTransport => Roles::HUB_TRANSPORT,
        ServerRole::EdgeTransport => Roles::EDGE_TRANSPORT,
    }
}

/// `TCP` is Unsecured; `TLS` and `Dual` search the personal store (seed §Unified Messaging).
fn um_startup_mode(text: &str) -> UmStartupMode {
    if text.eq_ignore_ascii_case("TCP") {
        UmStartupMode::Unsecured
    } else {
        UmStartupMode::Secured
    }
}

/// The personal store's certificates as candidates, in store order, with `Status` and
/// `RootCAType` at `now`. The store keeps no removable or password-protected keys, so a key is
/// usable when present.
pub fn selection_candidates(state: &ServerState, now: OffsetDateTime) -> Vec<Candidate> {
    let evaluator = Evaluator::new(state);
    state
        .personal
        .iter()
        .map(|entry| {
            let view = evaluator.personal(entry, now);
            let key = if entry.key.is_some() {
                PrivateKeyState::Usable
            } else {
                PrivateKeyState::Absent
            };
            Candidate::with_status(
                Arc::new(entry.certificate.clone()),
                view.status,
                view.root_ca_type,
                key,
            )
        })
        .collect()
}

/// Answers `request` on `state` at `now`: one resolution per connector for SMTP, one otherwise.
///
/// # Errors
/// [`ResolveCertificateError::ConnectorNotFound`] when `-Connector` names no connector.
pub fn resolve(
    state: &ServerState,
    request: &ResolveRequest,
    now: OffsetDateTime,
) -> Result<Vec<Resolution>, ResolveCertificateError> {
    let candidates = selection_candidates(state, now);
    let context = selection_context(state);
    let single = |decision| {
        Ok(vec![Resolution {
            connector: None,
            decision,
        }])
    };
    match request.service {
        SelectionService::Smtp => smtp_resolutions(state, request, &candidates, &context, now),
        SelectionService::Pop | SelectionService::Imap => {
            let (protocol, settings) = if request.service == SelectionService::Pop {
                (SelectionProtocol::Pop3, &state.pop)
            } else {
                (SelectionProtocol::Imap4, &state.imap)
            };
            let name = request
                .fqdn
                .clone()
                .or_else(|| settings.x509_certificate_name.clone())
                .unwrap_or_else(|| state.config.fqdn.clone());
            single(select_pop_imap(&candidates, &context, protocol, &name, now))
        }
        SelectionService::Um => single(select_um(&candidates, &context, now)),
        SelectionService::Iis => single(select_iis(&candidates, &context, now)),
        SelectionService::AnonymousTls => single(select_anonymous_tls(
            &candidates,
            &context,
            request.partner,
            now,
        )),
    }
}

fn smtp_resolutions(
    state: &ServerState,
    request: &ResolveRequest,
    candidates: &[Candidate],
    context: &SelectionContext,
    now: OffsetDateTime,
) -> Result<Vec<Resolution>, ResolveCertificateError> {
    let (kind, kind_name) = match request.direction {
        Direction::Inbound => (ConnectorKind::Receive, "receive"),
        Direction::Outbound => (ConnectorKind::Send, "send"),
    };
    let connectors: Vec<_> = state
        .connectors
        .iter()
        .filter(|connector| connector.kind == kind)
        .filter(|connector| {
            request.connector.as_deref().is_none_or(|name| {
                let name = name.rsplit('\\').next().unwrap_or(name);
                connector.name.eq_ignore_ascii_case(name.trim())
            })
        })
        .collect();
    if let Some(name) = &request.connector
        && connectors.is_empty()
    {
        return Err(ResolveCertificateError::ConnectorNotFound {
            kind: kind_name,
            name: name.clone(),
        });
    }
    let decide = |name: &str, fqdn: Option<&str>| {
        let connector = SelectionConnector {
            direction: request.direction,
            name,
            fqdn: request.fqdn.as_deref().or(fqdn),
        };
        select_smtp_starttls(candidates, context, connector, now)
    };
    if connectors.is_empty() {
        // No connector of this direction: what a connector without Fqdn would get.
        return Ok(vec![Resolution {
            connector: None,
            decision: decide("", None),
        }]);
    }
    Ok(connectors
        .into_iter()
        .map(|connector| Resolution {
            connector: Some(connector.name.clone()),
            decision: decide(&connector.name, connector.fqdn.as_deref()),
        })
        .collect())
}

/// The model event of a selection's event.
pub fn event_of(spec: &EventSpec) -> Event {
    Event {
        source: spec.source.to_owned(),
        entry_type: match spec.entry_type {
            cert_selection::EntryType::Information => EventType::Information,
            cert_selection::EntryType::Warning => EventType::Warning,
            cert_selection::EntryType::Error => EventType::Error,
        },
        event_id: spec.id,
        message: spec.message.clone(),
    }
}

const UM_EXPIRY_SETTING: &str = "um-expiry-last-logged";

fn service_status(
    transaction: &Transaction<'_>,
    server: &str,
    service: ExchangeService,
) -> Result<ServiceStatus, StoreError> {
    Ok(
        match transaction
            .setting(&service.setting_key(server))?
            .as_deref()
        {
            Some("Running") => ServiceStatus::Running,
            _ => ServiceStatus::Stopped,
        },
    )
}

fn find_service(state: &ServerState, name: &str) -> Result<ExchangeService, ControlServiceError> {
    ExchangeService::from_name(name)
        .filter(|service| service.installed(&state.config.roles))
        .ok_or_else(|| ControlServiceError::ServiceNotFound {
            name: name.to_owned(),
        })
}

/// The UM expiry event due at `now` for the UM certificate, recording the day it is logged
/// (per certificate) in the settings. `None` when nothing is due, or in Unsecured mode, where
/// UM uses no certificate (spec B-101).
fn um_expiry_check(
    transaction: &Transaction<'_>,
    state: &ServerState,
    now: OffsetDateTime,
) -> Result<Option<Event>, StoreError> {
    if um_startup_mode(&state.config.um_startup_mode) == UmStartupMode::Unsecured {
        return Ok(None);
    }
    let Some(entry) = state
        .config
        .um_certificate
        .and_then(|thumbprint| state.personal(thumbprint))
    else {
        return Ok(None);
    };
    let key = format!(
        "{UM_EXPIRY_SETTING}:{}:{}",
        state.config.name.to_ascii_lowercase(),
        entry.certificate.thumbprint()
    );
    let format = time::macros::format_description!("[year]-[month]-[day]");
    let last_logged = transaction
        .setting(&key)?
        .and_then(|text| Date::parse(&text, format).ok());
    let Some(spec) = um_expiry_event(&entry.certificate, now, last_logged) else {
        return Ok(None);
    };
    let today = now.to_offset(UtcOffset::UTC).date();
    if let Ok(text) = today.format(format) {
        transaction.set_setting(&key, &text)?;
    }
    Ok(Some(event_of(&spec)))
}

impl Server {
    /// Resolve-ExchangeCertificate: which certificate the service would use at `now`, and the
    /// verdict on every other certificate.
    ///
    /// # Errors
    /// [`ResolveCertificateError`].
    pub fn resolve_certificate(
        &mut self,
        request: &ResolveRequest,
        now: OffsetDateTime,
    ) -> Result<Vec<Resolution>, ResolveCertificateError> {
        let state = self.state()?;
        resolve(&state, request, now)
    }

    /// Get-Service: the certificate services this server has (by its roles), with their status.
    ///
    /// # Errors
    /// [`StoreError`] when the store cannot be read.
    pub fn services(&mut self) -> Result<Vec<ServiceInfo>, StoreError> {
        let name = self.name().to_owned();
        self.store.transaction(|transaction| {
            let (state, _) = persist::load(transaction, &name)?;
            ExchangeService::ALL
                .into_iter()
                .filter(|service| service.installed(&state.config.roles))
                .map(|service| {
                    Ok(ServiceInfo {
                        service,
                        status: service_status(transaction, &name, service)?,
                    })
                })
                .collect()
        })
    }

    /// Start-Service: a stopped service makes its selections at `now` and logs their events
    /// (Transport: STARTTLS on every enabled connector; POP3/IMAP4; UM, which records the
    /// certificate it uses, creates a self-signed one when none qualifies (spec B-100) and runs
    /// the expiry check; IIS logs nothing). A running service is left alone. One transaction.
    ///
    /// # Errors
    /// [`ControlServiceError`].
    pub fn start_service(
        &mut self,
        name: &str,
        generators: &mut Generators<'_>,
        now: OffsetDateTime,
    ) -> Result<StartedService, ControlServiceError> {
        let server = self.name().to_owned();
        self.store.transaction(|transaction| {
            let (mut state, ids) = persist::load(transaction, &server)?;
            let service = find_service(&state, name)?;
            if service_status(transaction, &server, service)? == ServiceStatus::Running {
                return Ok(StartedService {
                    service,
                    already_running: true,
                    resolutions: Vec::new(),
                    created_certificate: None,
                    events: Vec::new(),
                });
            }
            let before = state.clone();
            let mut started = start(&mut state, service, generators, now)?;
            if service == ExchangeService::UnifiedMessaging
                && let Some(event) = um_expiry_check(transaction, &state, now)?
            {
                started.events.push(event);
            }
            state.new_events = started.events.clone();
            persist::save(transaction, &before, &state, &ids, now, false)?;
            transaction.set_setting(
                &service.setting_key(&server),
                ServiceStatus::Running.as_str(),
            )?;
            Ok(started)
        })
    }

    /// Stop-Service: marks the service stopped; `false` when it was not running.
    ///
    /// # Errors
    /// [`ControlServiceError`].
    pub fn stop_service(&mut self, name: &str) -> Result<bool, ControlServiceError> {
        let server = self.name().to_owned();
        self.store.transaction(|transaction| {
            let (state, _) = persist::load(transaction, &server)?;
            let service = find_service(&state, name)?;
            let was_running =
                service_status(transaction, &server, service)? == ServiceStatus::Running;
            transaction.set_setting(
                &service.setting_key(&server),
                ServiceStatus::Stopped.as_str(),
            )?;
            Ok(was_running)
        })
    }

    /// The daily UM certificate expiry check (spec B-103): when `MSExchangeUM` runs with a
    /// certificate that expires within a month or has expired, logs one event per UTC day of
    /// `now` and certificate. Returns the event written, if any.
    ///
    /// # Errors
    /// [`StoreError`].
    pub fn check_um_expiry(&mut self, now: OffsetDateTime) -> Result<Option<Event>, StoreError> {
        let server = self.name().to_owned();
        self.store.transaction(|transaction| {
            let (state, ids) = persist::load(transaction, &server)?;
            let um = ExchangeService::UnifiedMessaging;
            if !um.installed(&state.config.roles)
                || service_status(transaction, &server, um)? != ServiceStatus::Running
            {
                return Ok(None);
            }
            let event = um_expiry_check(transaction, &state, now)?;
            if let Some(event) = &event {
                let mut after = state.clone();
                after.new_events.push(event.clone());
                persist::save(transaction, &state, &after, &ids, now, false)?;
            }
            Ok(event)
        })
    }

    /// Sets `UMStartupMode` (`TCP`, `TLS` or `Dual`, case-insensitively).
    ///
    /// # Errors
    /// [`ControlServiceError::InvalidUmStartupMode`], or the store's error.
    pub fn set_um_startup_mode(
        &mut self,
        mode: &str,
        now: OffsetDateTime,
    ) -> Result<(), ControlServiceError> {
        let mode = ["TCP", "TLS", "Dual"]
            .into_iter()
            .find(|known| known.eq_ignore_ascii_case(mode.trim()))
            .ok_or_else(|| ControlServiceError::InvalidUmStartupMode {
                mode: mode.to_owned(),
            })?;
        let server = self.name().to_owned();
        self.store.transaction(|transaction| {
            let (state, ids) = persist::load(transaction, &server)?;
            let mut after = state.clone();
            after.config.um_startup_mode = mode.to_owned();
            persist::save(transaction, &state, &after, &ids, now, false)?;
            Ok(())
        })
    }

    /// Get-EventLog: the records of `log` (`Application`), oldest first.
    ///
    /// # Errors
    /// [`StoreError`].
    pub fn events(&mut self, log: &str) -> Result<Vec<LoggedEvent>, StoreError> {
        self.store.transaction(|transaction| {
            Ok(transaction
                .events(log)?
                .into_iter()
                .map(|row| LoggedEvent {
                    index: row.id,
                    time: row.time,
                    log: row.log,
                    source: row.source,
                    entry_type: match row.entry_type {
                        cert_store::EntryType::Information => EventType::Information,
                        cert_store::EntryType::Warning => EventType::Warning,
                        cert_store::EntryType::Error => EventType::Error,
                    },
                    event_id: row.event_id,
                    message: row.message,
                })
                .collect())
        })
    }
}

/// The selections of `service` starting on `state`; UM changes `state` (its certificate).
fn start(
    state: &mut ServerState,
    service: ExchangeService,
    generators: &mut Generators<'_>,
    now: OffsetDateTime,
) -> Result<StartedService, ControlServiceError> {
    let requests: Vec<ResolveRequest> = match service {
        ExchangeService::Transport => [Direction::Inbound, Direction::Outbound]
            .into_iter()
            .map(|direction| ResolveRequest {
                direction,
                ..ResolveRequest::new(SelectionService::Smtp)
            })
            .collect(),
        ExchangeService::Pop3 => vec![ResolveRequest::new(SelectionService::Pop)],
        ExchangeService::Imap4 => vec![ResolveRequest::new(SelectionService::Imap)],
        ExchangeService::UnifiedMessaging => vec![ResolveRequest::new(SelectionService::Um)],
        ExchangeService::W3svc => vec![ResolveRequest::new(SelectionService::Iis)],
    };
    let mut resolutions = Vec::new();
    for request in &requests {
        let found = resolve(state, request, now).map_err(|error| match error {
            ResolveCertificateError::Store(error) => ControlServiceError::Store(error),
            ResolveCertificateError::ConnectorNotFound { name, .. } => {
                ControlServiceError::ServiceNotFound { name }
            }
        })?;
        resolutions.extend(found.into_iter().filter(|resolution| {
            // A disabled connector does not listen; one with no connector at all either.
            resolution.connector.as_ref().is_none_or(|name| {
                state
                    .connectors
                    .iter()
                    .any(|connector| connector.name == *name && connector.enabled)
            }) && !(service == ExchangeService::Transport && resolution.connector.is_none())
        }));
    }
    let mut events: Vec<Event> = resolutions
        .iter()
        .flat_map(|resolution| resolution.decision.events.iter().map(event_of))
        .collect();
    let mut created_certificate = None;
    if service == ExchangeService::UnifiedMessaging
        && let Some(resolution) = resolutions.first()
    {
        match resolution.decision.outcome {
            Outcome::Selected(thumbprint) => {
                state.config.um_certificate = Some(thumbprint);
            }
            Outcome::CreateSelfSigned => {
                // Seed §Unified Messaging: UM creates a self-signed certificate for its FQDN
                // and starts with it.
                let options = NewCertificateOptions {
                    services: Some(Services::UM),
                    ..NewCertificateOptions::default()
                };
                let outcome = new_certificate(
                    state,
                    &options,
                    generators,
                    now,
                    &mut |_| Some(false),
                    &mut |_, _, _| Ok(()),
                )?;
                state.config.um_certificate = Some(outcome.thumbprint);
                if let Some(entry) = state.personal(outcome.thumbprint) {
                    events.push(event_of(&um_certificate_in_use_event(&entry.certificate)));
                }
                created_certificate = Some(outcome.thumbprint);
            }
            _ => {}
        }
    }
    Ok(StartedService {
        service,
        already_running: false,
        resolutions,
        created_certificate,
        events,
    })
}
