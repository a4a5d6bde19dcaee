//! Get-ExchangeServer (design.md §6: physical FQDN, roles, version).

use shell_engine::{
    Call, Cmdlet, Context, ErrorRecord, Example, Kind, Param, PipelineInput, Signature,
};

use super::{AppState, errors, objects, server_of};

/// Shows the local Exchange server.
pub struct GetExchangeServer;

impl Cmdlet<AppState> for GetExchangeServer {
    fn signature(&self) -> Signature {
        Signature::new("Get-ExchangeServer")
            .summary("Shows the Exchange server: name, FQDN, roles and version.")
            .param(
                Param::new("Identity", Kind::String)
                    .position(0)
                    .from_pipeline(PipelineInput::ByValue),
            )
            .param(Param::new("DomainController", Kind::String))
    }
    fn examples(&self) -> &'static [Example] {
        &[Example {
            script: "Get-ExchangeServer | Format-List Name,Fqdn,ServerRole,AdminDisplayVersion",
            summary: "Show the server's roles and version.",
        }]
    }
    fn run(&self, call: &Call, cx: &mut Context<AppState>) -> Result<(), ErrorRecord> {
        let result = server_of(cx).borrow_mut().config();
        match result {
            Ok(config) => {
                let wanted = call.get_optional::<String>("Identity")?;
                let matches = wanted.as_deref().is_none_or(|identity| {
                    identity.eq_ignore_ascii_case(&config.name)
                        || identity.eq_ignore_ascii_case(&config.fqdn)
                });
                if matches {
                    cx.write_output(objects::exchange_server(&config));
                } else {
                    let identity = wanted.unwrap_or_default();
                    cx.write_error(
                        errors::record(
                            "ManagementObjectNotFound",
                            super::messages::connector_not_found(&identity),
                        )
                        .with_span(call.span_of("Identity")),
                    );
                }
            }
            Err(error) => cx.write_error(errors::configure(&error, call.span)),
        }
        Ok(())
    }
}
