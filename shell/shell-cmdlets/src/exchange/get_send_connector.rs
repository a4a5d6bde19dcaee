//! Get-SendConnector (spec §3.8: the connector Fqdn drives outbound STARTTLS selection).

use exchange_server::ConnectorKind;
use shell_engine::{
    Call, Cmdlet, Context, ErrorRecord, Example, Kind, Param, PipelineInput, Signature,
};

use super::AppState;
use super::connectors::list;

/// Get-SendConnector.
pub struct GetSendConnector;

impl Cmdlet<AppState> for GetSendConnector {
    fn signature(&self) -> Signature {
        Signature::new("Get-SendConnector")
            .summary("Lists the Send connectors.")
            .param(
                Param::new("Identity", Kind::String)
                    .position(0)
                    .from_pipeline(PipelineInput::ByValue),
            )
            .param(Param::new("DomainController", Kind::String))
    }
    fn examples(&self) -> &'static [Example] {
        &[Example {
            script: "Get-SendConnector",
            summary: "List the Send connectors (none after setup).",
        }]
    }
    fn run(&self, call: &Call, cx: &mut Context<AppState>) -> Result<(), ErrorRecord> {
        list(ConnectorKind::Send, call, cx)
    }
}
