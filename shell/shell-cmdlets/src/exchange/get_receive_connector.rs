//! Get-ReceiveConnector (spec §3.8: the connector Fqdn drives inbound STARTTLS selection).

use exchange_server::ConnectorKind;
use shell_engine::{
    Call, Cmdlet, Context, ErrorRecord, Example, Kind, Param, PipelineInput, Signature,
};

use super::AppState;
use super::connectors::list;

/// Get-ReceiveConnector.
pub struct GetReceiveConnector;

impl Cmdlet<AppState> for GetReceiveConnector {
    fn signature(&self) -> Signature {
        Signature::new("Get-ReceiveConnector")
            .summary("Lists the Receive connectors of the server.")
            .param(
                Param::new("Identity", Kind::String)
                    .position(0)
                    .from_pipeline(PipelineInput::ByValue),
            )
            .param(Param::new("Server", Kind::String))
            .param(Param::new("DomainController", Kind::String))
    }
    fn examples(&self) -> &'static [Example] {
        &[Example {
            script: "Get-ReceiveConnector",
            summary: "List the Receive connectors.",
        }]
    }
    fn run(&self, call: &Call, cx: &mut Context<AppState>) -> Result<(), ErrorRecord> {
        list(ConnectorKind::Receive, call, cx)
    }
}
