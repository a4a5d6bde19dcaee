//! Resolve-ExchangeCertificate: which certificate a service would select now, and the verdict
//! on every other certificate (seed §Certificate Selection; spec/cmdlets.md §5.6–§5.8;
//! docs/selection.md). Also the views and objects of the selection cmdlets (Get-Service,
//! Get-EventLog).

use std::rc::Rc;

use exchange_server::{
    Direction, Outcome, Partner, Resolution, ResolveCertificateError, ResolveRequest,
    SelectionService, Verdict,
};
use shell_engine::{
    Call, Cmdlet, Context, EnumType, EnumValue, ErrorCategory, ErrorRecord, Example, Kind, Param,
    PsObject, Signature, Value,
};
use shell_format::Align;

use super::{AppState, server_of};
use crate::format::{ListView, TableView, TableViewColumn, View};

/// The type name of Resolve-ExchangeCertificate's objects (a certsh type: Exchange has no
/// such cmdlet).
pub const CERTIFICATE_RESOLUTION: &str = "Certsh.ExchangeCertificateResolution";
/// The type name of Get-Service's objects.
pub const SERVICE_CONTROLLER: &str = "System.ServiceProcess.ServiceController";
/// The type name of Get-EventLog's objects.
pub const EVENT_LOG_ENTRY: &str = "System.Diagnostics.EventLogEntry";

fn service_type() -> Rc<EnumType> {
    let members: Vec<(&str, i64)> = SelectionService::ALL
        .iter()
        .zip(0i64..)
        .map(|(service, index)| (service.as_str(), index))
        .collect();
    EnumType::new("ExchangeCertificateService", &members)
}

fn direction_type() -> Rc<EnumType> {
    EnumType::new("Direction", &[("Inbound", 0), ("Outbound", 1)])
}

fn partner_type() -> Rc<EnumType> {
    EnumType::new("Partner", &[("Hub", 0), ("Edge", 1)])
}

/// Shows the certificate a service would select and why.
pub struct ResolveExchangeCertificate;

impl Cmdlet<AppState> for ResolveExchangeCertificate {
    fn signature(&self) -> Signature {
        Signature::new("Resolve-ExchangeCertificate")
            .summary(
                "Shows which certificate a service would select now, and why every other \
                 certificate was not used.",
            )
            .param(
                Param::new("Service", Kind::Enum(service_type()))
                    .position(0)
                    .mandatory(),
            )
            .param(Param::new("Direction", Kind::Enum(direction_type())))
            .param(Param::new("Connector", Kind::String))
            .param(Param::new("Partner", Kind::Enum(partner_type())))
            .param(Param::new("Fqdn", Kind::String))
    }

    fn examples(&self) -> &'static [Example] {
        &[
            Example {
                script: "Resolve-ExchangeCertificate -Service SMTP",
                summary: "The certificate each Receive connector would offer with STARTTLS.",
            },
            Example {
                script: "Resolve-ExchangeCertificate -Service POP -Fqdn mail.contoso.com | fl",
                summary: "POP3's choice for another name, with every candidate and its reason.",
            },
        ]
    }

    fn run(&self, call: &Call, cx: &mut Context<AppState>) -> Result<(), ErrorRecord> {
        let service = call.get::<EnumValue>("Service")?.name();
        let Some(service) = SelectionService::parse(&service) else {
            return Ok(());
        };
        let mut request = ResolveRequest::new(service);
        if let Some(direction) = call.get_optional::<EnumValue>("Direction")?
            && direction.name() == "Outbound"
        {
            request.direction = Direction::Outbound;
        }
        if let Some(partner) = call.get_optional::<EnumValue>("Partner")?
            && partner.name() == "Edge"
        {
            request.partner = Partner::HubToEdge;
        }
        request.connector = call.get_optional::<String>("Connector")?;
        request.fqdn = call
            .get_optional::<String>("Fqdn")?
            .filter(|fqdn| !fqdn.trim().is_empty());
        let now = cx.now();
        let answer = server_of(cx)
            .borrow_mut()
            .resolve_certificate(&request, now);
        match answer {
            Ok(resolutions) => {
                for resolution in &resolutions {
                    cx.write_output(resolution_object(&request, resolution));
                }
            }
            Err(error) => cx.write_error(resolve_error(&error, call)),
        }
        Ok(())
    }
}

fn resolve_error(error: &ResolveCertificateError, call: &Call) -> ErrorRecord {
    match error {
        ResolveCertificateError::ConnectorNotFound { .. } => ErrorRecord::new(
            format!("{}.", capitalised(&error.to_string())),
            "ManagementObjectNotFound",
            ErrorCategory::ObjectNotFound,
        )
        .with_span(call.span_of("Connector")),
        ResolveCertificateError::Store(_) => ErrorRecord::new(
            format!("{}.", capitalised(&error.to_string())),
            "StoreFailure",
            ErrorCategory::NotSpecified,
        )
        .with_span(call.span),
    }
}

/// Error texts are sentences on screen (style.md: domain messages are lower-case).
pub(super) fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The name an outcome shows as.
pub fn outcome_name(outcome: &Outcome) -> &'static str {
    match outcome {
        Outcome::Selected(_) => "Selected",
        Outcome::NotAdvertised => "NotAdvertised",
        Outcome::TemporaryKey => "TemporaryKey",
        Outcome::SessionFails => "SessionFails",
        Outcome::CreateSelfSigned => "CreateSelfSigned",
        Outcome::NoCertificateNeeded => "NoCertificateNeeded",
        Outcome::RoleNotInstalled => "RoleNotInstalled",
        Outcome::None => "NoCertificate",
    }
}

fn resolution_object(request: &ResolveRequest, resolution: &Resolution) -> Value {
    let decision = &resolution.decision;
    let direction = match (request.service, request.direction) {
        (SelectionService::Smtp, Direction::Inbound) => Value::from("Inbound"),
        (SelectionService::Smtp, Direction::Outbound) => Value::from("Outbound"),
        _ => Value::Null,
    };
    let partner = match (request.service, request.partner) {
        (SelectionService::AnonymousTls, Partner::HubToHub) => Value::from("Hub"),
        (SelectionService::AnonymousTls, Partner::HubToEdge) => Value::from("Edge"),
        _ => Value::Null,
    };
    let candidates: Vec<String> = decision
        .candidates
        .iter()
        .map(|(thumbprint, verdict)| match verdict {
            Verdict::Winner => format!("{thumbprint} selected"),
            Verdict::Lost(reason) => format!("{thumbprint} {reason}"),
        })
        .collect();
    let events: Vec<Value> = decision
        .events
        .iter()
        .map(|event| Value::from(format!("{} {}", event.source, event.id)))
        .collect();
    let object = PsObject::new(CERTIFICATE_RESOLUTION)
        .with("Service", request.service.as_str())
        .with(
            "Connector",
            resolution
                .connector
                .clone()
                .map_or(Value::Null, Value::from),
        )
        .with("Direction", direction)
        .with("Partner", partner)
        .with(
            "Fqdn",
            decision.fqdn.clone().map_or(Value::Null, Value::from),
        )
        .with("Outcome", outcome_name(&decision.outcome))
        .with(
            "Thumbprint",
            decision.winner().map_or(Value::Null, |thumbprint| {
                Value::from(thumbprint.to_string())
            }),
        )
        .with("Candidates", candidates.join("\n"))
        .with(
            "SkippedByIndex",
            Value::Long(decision.skipped_by_index as i64),
        )
        .with("Events", Value::array(events));
    Value::Object(Rc::new(std::cell::RefCell::new(object)))
}

/// The views of Resolve-ExchangeCertificate, Get-Service and Get-EventLog: the resolution
/// table (Service, Fqdn, Outcome, Thumbprint) and list (adding the candidates with their
/// reasons), Get-Service's Status / Name / DisplayName table and Get-EventLog's Index / Time /
/// EntryType / Source / InstanceID / Message table as Windows PowerShell 5.1 shows them.
pub fn selection_views() -> Vec<(&'static str, View)> {
    vec![
        (
            CERTIFICATE_RESOLUTION,
            View::Table(TableView {
                columns: vec![
                    TableViewColumn::property("Service"),
                    TableViewColumn::property("Fqdn"),
                    TableViewColumn::property("Outcome"),
                    TableViewColumn::property("Thumbprint"),
                ],
                group_by: None,
                auto_size: false,
            }),
        ),
        (
            CERTIFICATE_RESOLUTION,
            View::List(ListView::properties(&[
                "Service",
                "Connector",
                "Direction",
                "Partner",
                "Fqdn",
                "Outcome",
                "Thumbprint",
                "Candidates",
                "Events",
            ])),
        ),
        (
            SERVICE_CONTROLLER,
            View::Table(TableView {
                columns: vec![
                    TableViewColumn::property("Status").width(8),
                    TableViewColumn::property("Name").width(18),
                    TableViewColumn::property("DisplayName").width(38),
                ],
                group_by: None,
                auto_size: false,
            }),
        ),
        (
            EVENT_LOG_ENTRY,
            View::Table(TableView {
                columns: vec![
                    TableViewColumn::property("Index")
                        .width(8)
                        .align(Align::Right),
                    TableViewColumn::computed("Time", event_time).width(13),
                    TableViewColumn::property("EntryType").width(11),
                    TableViewColumn::property("Source").width(20),
                    TableViewColumn::property("InstanceID")
                        .width(12)
                        .align(Align::Right),
                    TableViewColumn::property("Message"),
                ],
                group_by: None,
                auto_size: false,
            }),
        ),
    ]
}

/// `TimeGenerated` as 5.1's table shows it: `Nov 27 03:56`.
fn event_time(object: &Value) -> Value {
    match object.property("TimeGenerated") {
        Some(Value::DateTime(time)) => {
            let format = time::macros::format_description!(
                "[month repr:short] [day] [hour repr:24]:[minute]"
            );
            time.format(format).map_or(Value::Null, Value::from)
        }
        _ => Value::Null,
    }
}
