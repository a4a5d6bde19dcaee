//! Get-EventLog: the Application log the services write (MSExchangeTransport,
//! MSExchange Unified Messaging; docs/selection.md "Events"). Before listing, the daily UM
//! certificate expiry check runs at the session's instant, so walking `CERTSH_NOW` through a
//! year shows the expiry events of each day once.

use std::cell::RefCell;
use std::rc::Rc;

use exchange_server::{EventType, LoggedEvent};
use shell_engine::{
    Call, Cmdlet, Context, EnumType, EnumValue, ErrorCategory, ErrorRecord, Example, Kind, Param,
    PsObject, Signature, Value,
};
use time::OffsetDateTime;

use super::resolve_exchange_certificate::EVENT_LOG_ENTRY;
use super::{AppState, server_of};

/// The logs this machine has.
const LOGS: [&str; 2] = ["Application", "System"];

fn entry_type_type() -> Rc<EnumType> {
    EnumType::new(
        "EventLogEntryType",
        &[
            ("Error", 1),
            ("Warning", 2),
            ("Information", 4),
            ("SuccessAudit", 8),
            ("FailureAudit", 16),
        ],
    )
}

fn entry_type_name(entry_type: EventType) -> &'static str {
    match entry_type {
        EventType::Information => "Information",
        EventType::Warning => "Warning",
        EventType::Error => "Error",
    }
}

fn event_object(event: &LoggedEvent, machine: &str) -> Value {
    let entry_type = EnumValue::named(&entry_type_type(), entry_type_name(event.entry_type))
        .map_or(Value::Null, Value::Enum);
    let object = PsObject::new(EVENT_LOG_ENTRY)
        .with("Index", Value::Long(event.index))
        .with("EntryType", entry_type)
        .with("InstanceID", Value::Long(i64::from(event.event_id)))
        .with("EventID", Value::Long(i64::from(event.event_id)))
        .with("Message", event.message.as_str())
        .with("Category", "(0)")
        .with("Source", event.source.as_str())
        .with("TimeGenerated", Value::DateTime(event.time))
        .with("TimeWritten", Value::DateTime(event.time))
        .with("MachineName", machine)
        .with("Log", event.log.as_str())
        .with_string_form(EVENT_LOG_ENTRY);
    Value::Object(Rc::new(RefCell::new(object)))
}

/// Lists event-log records, newest first.
pub struct GetEventLog;

impl Cmdlet<AppState> for GetEventLog {
    fn signature(&self) -> Signature {
        Signature::new("Get-EventLog")
            .summary("Lists the newest records of an event log (Application), newest first.")
            .param(Param::new("LogName", Kind::String).position(0).mandatory())
            .param(Param::new("Newest", Kind::Int32).position(1))
            .param(Param::new("Source", Kind::StringList))
            .param(Param::new("EntryType", Kind::StringList))
            .param(Param::new("After", Kind::DateTime))
    }

    fn examples(&self) -> &'static [Example] {
        &[Example {
            script: "Set-ReceiveConnector 'Default EXCH01' -Fqdn mail.fabrikam.com; \
                     Start-Service MSExchangeTransport; \
                     Get-EventLog -LogName Application -Source MSExchangeTransport -Newest 5",
            summary: "No certificate names mail.fabrikam.com: the transport logs event 12014.",
        }]
    }

    fn run(&self, call: &Call, cx: &mut Context<AppState>) -> Result<(), ErrorRecord> {
        let log = call.get::<String>("LogName")?;
        let Some(log) = LOGS
            .iter()
            .find(|known| known.eq_ignore_ascii_case(log.trim()))
        else {
            cx.write_error(
                ErrorRecord::new(
                    format!("The event log '{log}' on computer '.' does not exist."),
                    "System.InvalidOperationException,Microsoft.PowerShell.Commands.GetEventLogCommand",
                    ErrorCategory::NotSpecified,
                )
                .with_span(call.span_of("LogName")),
            );
            return Ok(());
        };
        let newest = call.get_optional::<i32>("Newest")?;
        if let Some(count) = newest
            && count < 0
        {
            return Err(ErrorRecord::new(
                format!(
                    "Cannot validate argument on parameter 'Newest'. The {count} argument is less \
                     than the minimum allowed range of 0. Supply an argument that is greater than \
                     or equal to 0 and then try the command again."
                ),
                "ParameterArgumentValidationError,Microsoft.PowerShell.Commands.GetEventLogCommand",
                ErrorCategory::InvalidData,
            )
            .with_span(call.span_of("Newest")));
        }
        let sources = call.get_optional::<Vec<String>>("Source")?;
        let entry_types = call.get_optional::<Vec<String>>("EntryType")?;
        let after = call.get_optional::<OffsetDateTime>("After")?;
        let now = cx.now();
        let server = server_of(cx);
        let machine = server.borrow().name().to_owned();
        let events = {
            let mut server = server.borrow_mut();
            server.check_um_expiry(now).and_then(|_| server.events(log))
        };
        let events = match events {
            Ok(events) => events,
            Err(error) => {
                cx.write_error(super::errors::record(
                    "StoreFailure",
                    super::messages::store_failed(&error.to_string()),
                ));
                return Ok(());
            }
        };
        let matching = |event: &&LoggedEvent| {
            sources.as_ref().is_none_or(|sources| {
                sources
                    .iter()
                    .any(|source| crate::format::display::wildcard_match(source, &event.source))
            }) && entry_types.as_ref().is_none_or(|types| {
                types
                    .iter()
                    .any(|name| name.eq_ignore_ascii_case(entry_type_name(event.entry_type)))
            }) && after.is_none_or(|after| event.time > after)
        };
        let limit = newest.map_or(usize::MAX, |count| usize::try_from(count).unwrap_or(0));
        let selected: Vec<&LoggedEvent> =
            events.iter().rev().filter(matching).take(limit).collect();
        if selected.is_empty() && (sources.is_some() || entry_types.is_some() || after.is_some()) {
            cx.write_error(
                ErrorRecord::new(
                    "No matches found",
                    "GetEventLogNoEntriesFound,Microsoft.PowerShell.Commands.GetEventLogCommand",
                    ErrorCategory::ObjectNotFound,
                )
                .with_span(call.span),
            );
        }
        for event in selected {
            cx.write_output(event_object(event, &machine));
        }
        Ok(())
    }
}
