//! Start-Service: the service makes its certificate selections at the session's instant and
//! logs their events (seed §SMTP STARTTLS, §Unified Messaging; docs/selection.md "Events").

use exchange_server::ControlServiceError;
use shell_engine::{Call, Cmdlet, Context, ErrorRecord, Example, Param, Signature};

use super::get_service::{
    control_name_param, no_service, read_services, select_services, service_object,
};
use super::{AppState, server_of, sources_of};

/// Starts services.
pub struct StartService;

impl Cmdlet<AppState> for StartService {
    fn signature(&self) -> Signature {
        Signature::new("Start-Service")
            .summary(
                "Starts a service: it selects its certificate now and logs what Exchange logs.",
            )
            .param(control_name_param())
            .param(Param::switch("PassThru"))
    }

    fn examples(&self) -> &'static [Example] {
        &[Example {
            script: "Start-Service MSExchangeTransport -PassThru; Get-EventLog Application",
            summary: "Start transport; its selection found certificates, so it logged nothing.",
        }]
    }

    fn run(&self, call: &Call, cx: &mut Context<AppState>) -> Result<(), ErrorRecord> {
        let names = call.get::<Vec<String>>("Name")?;
        let span = call.span_of("Name");
        let Some(services) = read_services(cx) else {
            return Ok(());
        };
        let server = server_of(cx);
        let now = cx.now();
        for info in select_services(&services, Some(names), "StartServiceCommand", span, cx) {
            let sources = sources_of(cx);
            let mut sources = sources.borrow_mut();
            let started = server.borrow_mut().start_service(
                info.service.name(),
                &mut sources.generators(),
                now,
            );
            drop(sources);
            match started {
                Ok(_) => {
                    if call.switch("PassThru") {
                        let refreshed = server.borrow_mut().services();
                        if let Ok(list) = refreshed
                            && let Some(now_info) =
                                list.iter().find(|known| known.service == info.service)
                        {
                            cx.write_output(service_object(now_info));
                        }
                    }
                }
                Err(error) => cx.write_error(control_error(&error, "StartServiceCommand", call)),
            }
        }
        Ok(())
    }
}

/// The error record of a failed Start-/Stop-Service.
pub(super) fn control_error(
    error: &ControlServiceError,
    command: &str,
    call: &Call,
) -> ErrorRecord {
    match error {
        ControlServiceError::ServiceNotFound { name } => {
            no_service(name, command, call.span_of("Name"))
        }
        other => super::errors::record(
            "ServiceControlFailed",
            format!(
                "{}.",
                super::resolve_exchange_certificate::capitalised(&other.to_string())
            ),
        )
        .with_span(call.span),
    }
}
