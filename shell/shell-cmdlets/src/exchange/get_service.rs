//! Get-Service: the certificate-using services of the local server (MSExchangeTransport,
//! MSExchangePOP3, MSExchangeIMAP4, MSExchangeUM, W3SVC, by installed role) with the status
//! kept in the store.

use std::cell::RefCell;
use std::rc::Rc;

use exchange_server::{ServiceInfo, ServiceStatus};
use shell_engine::{
    Call, Cmdlet, Context, EnumType, EnumValue, ErrorCategory, ErrorRecord, Example, Kind, Param,
    PipelineInput, PsObject, Signature, Value,
};
use shell_parser::Span;

use super::resolve_exchange_certificate::SERVICE_CONTROLLER;
use super::{AppState, server_of};
use crate::format::display::{has_wildcard, wildcard_match};

/// The `ServiceControllerStatus` enum (the two states certsh models).
fn status_type() -> Rc<EnumType> {
    EnumType::new("ServiceControllerStatus", &[("Stopped", 1), ("Running", 4)])
}

/// A `ServiceController` object.
pub(super) fn service_object(info: &ServiceInfo) -> Value {
    let status = match info.status {
        ServiceStatus::Running => 4,
        ServiceStatus::Stopped => 1,
    };
    let object = PsObject::new(SERVICE_CONTROLLER)
        .with(
            "Status",
            Value::Enum(EnumValue {
                ty: status_type(),
                value: status,
            }),
        )
        .with("Name", info.service.name())
        .with("DisplayName", info.service.display_name())
        .with("ServiceName", info.service.name())
        .with_string_form(SERVICE_CONTROLLER);
    Value::Object(Rc::new(RefCell::new(object)))
}

/// `Cannot find any service with service name 'X'.` (ObjectNotFound).
pub(super) fn no_service(name: &str, command: &str, span: Span) -> ErrorRecord {
    ErrorRecord::new(
        format!("Cannot find any service with service name '{name}'."),
        format!("NoServiceFoundForGivenName,Microsoft.PowerShell.Commands.{command}"),
        ErrorCategory::ObjectNotFound,
    )
    .with_target(Value::from(name))
    .with_span(span)
}

/// The services the store keeps; `None` after writing the store failure.
pub(super) fn read_services(cx: &mut Context<AppState>) -> Option<Vec<ServiceInfo>> {
    let services = server_of(cx).borrow_mut().services();
    match services {
        Ok(services) => Some(services),
        Err(error) => {
            cx.write_error(super::errors::record(
                "StoreFailure",
                super::messages::store_failed(&error.to_string()),
            ));
            None
        }
    }
}

/// The `-Name` of Start-Service and Stop-Service.
pub(super) fn control_name_param() -> Param {
    Param::new("Name", Kind::StringList)
        .position(0)
        .mandatory()
        .alias("ServiceName")
        .from_pipeline(PipelineInput::ByPropertyName)
}

/// Which of `services` `names` selects (wildcards allowed), writing an error for each name
/// without a wildcard that matches nothing.
pub(super) fn select_services(
    services: &[ServiceInfo],
    names: Option<Vec<String>>,
    command: &str,
    span: Span,
    cx: &mut Context<AppState>,
) -> Vec<ServiceInfo> {
    let Some(names) = names else {
        return services.to_vec();
    };
    let mut selected: Vec<ServiceInfo> = Vec::new();
    for name in &names {
        let matching: Vec<&ServiceInfo> = services
            .iter()
            .filter(|info| {
                let service = info.service;
                if has_wildcard(name) {
                    wildcard_match(name, service.name())
                } else {
                    service.name().eq_ignore_ascii_case(name.trim())
                }
            })
            .collect();
        if matching.is_empty() && !has_wildcard(name) {
            cx.write_error(no_service(name, command, span));
        }
        for info in matching {
            if !selected.iter().any(|known| known.service == info.service) {
                selected.push(*info);
            }
        }
    }
    selected
}

/// Lists the services and their status.
pub struct GetService;

impl Cmdlet<AppState> for GetService {
    fn signature(&self) -> Signature {
        Signature::new("Get-Service")
            .summary("Lists the Exchange services that use certificates, and their status.")
            .param(
                Param::new("Name", Kind::StringList)
                    .position(0)
                    .alias("ServiceName")
                    .from_pipeline(PipelineInput::ByValue),
            )
    }

    fn examples(&self) -> &'static [Example] {
        &[Example {
            script: "Get-Service MSExchange*",
            summary: "The Exchange services and whether they run.",
        }]
    }

    fn run(&self, call: &Call, cx: &mut Context<AppState>) -> Result<(), ErrorRecord> {
        let names = call.get_optional::<Vec<String>>("Name")?;
        if let Some(services) = read_services(cx) {
            let span = call.span_of("Name");
            for info in select_services(&services, names, "GetServiceCommand", span, cx) {
                cx.write_output(service_object(&info));
            }
        }
        Ok(())
    }
}
