//! Stop-Service: marks services stopped in the store (nothing is logged).

use shell_engine::{Call, Cmdlet, Context, ErrorRecord, Example, Param, Signature};

use super::get_service::{control_name_param, read_services, select_services, service_object};
use super::start_service::control_error;
use super::{AppState, server_of};

/// Stops services.
pub struct StopService;

impl Cmdlet<AppState> for StopService {
    fn signature(&self) -> Signature {
        Signature::new("Stop-Service")
            .summary("Stops a service; the next Start-Service selects its certificate again.")
            .param(control_name_param())
            .param(Param::switch("PassThru"))
    }

    fn examples(&self) -> &'static [Example] {
        &[Example {
            script: "Stop-Service MSExchangeUM; Get-Service MSExchangeUM",
            summary: "Stop Unified Messaging.",
        }]
    }

    fn run(&self, call: &Call, cx: &mut Context<AppState>) -> Result<(), ErrorRecord> {
        let names = call.get::<Vec<String>>("Name")?;
        let span = call.span_of("Name");
        let Some(services) = read_services(cx) else {
            return Ok(());
        };
        let server = server_of(cx);
        for info in select_services(&services, Some(names), "StopServiceCommand", span, cx) {
            let stopped = server.borrow_mut().stop_service(info.service.name());
            match stopped {
                Ok(_) => {
                    if call.switch("PassThru") {
                        let mut info = info;
                        info.status = exchange_server::ServiceStatus::Stopped;
                        cx.write_output(service_object(&info));
                    }
                }
                Err(error) => cx.write_error(control_error(&error, "StopServiceCommand", call)),
            }
        }
        Ok(())
    }
}
