//! Set-UMServer: `-UMStartupMode TCP|TLS|Dual`, how the Unified Messaging service starts
//! (Unsecured with TCP, Secured with TLS or Dual; spec B-101, design.md §6). Tests:
//! `tests/trust.rs`.

use exchange_server::ControlServiceError;
use shell_engine::{
    Call, Cmdlet, ConfirmImpact, Context, ErrorRecord, Example, Kind, Param, PipelineInput,
    Signature,
};

use super::{AppState, errors, server_of};

/// Sets the UM startup mode of the local server.
pub struct SetUmServer;

impl Cmdlet<AppState> for SetUmServer {
    fn signature(&self) -> Signature {
        Signature::new("Set-UMServer")
            .summary("Sets the startup mode (TCP, TLS or Dual) of the Unified Messaging service.")
            .supports_should_process(ConfirmImpact::Medium)
            .param(
                Param::new("Identity", Kind::String)
                    .position(0)
                    .from_pipeline(PipelineInput::ByValue)
                    .from_pipeline(PipelineInput::ByPropertyName),
            )
            .param(Param::new("UMStartupMode", Kind::String).mandatory())
    }

    fn examples(&self) -> &'static [Example] {
        &[Example {
            script: "Set-UMServer -Identity EXCH01 -UMStartupMode TLS",
            summary: "UM answers on TLS only and needs a certificate (Secured mode).",
        }]
    }

    fn run(&self, call: &Call, cx: &mut Context<AppState>) -> Result<(), ErrorRecord> {
        let mode: String = call.get("UMStartupMode")?;
        let server = server_of(cx);
        let config = match server.borrow_mut().config() {
            Ok(config) => config,
            Err(error) => {
                cx.write_error(errors::configure(&error, call.span));
                return Ok(());
            }
        };
        let identity = call
            .get_optional::<String>("Identity")?
            .unwrap_or_else(|| config.name.clone());
        if !identity.eq_ignore_ascii_case(&config.name)
            && !identity.eq_ignore_ascii_case(&config.fqdn)
        {
            cx.write_error(
                errors::record(
                    "ManagementObjectNotFound",
                    super::messages::connector_not_found(&identity),
                )
                .with_span(call.span_of("Identity")),
            );
            return Ok(());
        }
        if !cx.should_process(&config.name, "Set-UMServer")? {
            return Ok(());
        }
        let now = cx.now();
        let result = server.borrow_mut().set_um_startup_mode(&mode, now);
        match result {
            Ok(()) => {}
            Err(ControlServiceError::InvalidUmStartupMode { mode }) => cx.write_error(
                errors::record(
                    "InvalidUMStartupMode",
                    format!("'{mode}' is not a UM startup mode. Use TCP, TLS or Dual."),
                )
                .with_span(call.span_of("UMStartupMode")),
            ),
            Err(other) => cx.write_error(super::start_service::control_error(
                &other,
                "Set-UMServer",
                call,
            )),
        }
        Ok(())
    }
}
