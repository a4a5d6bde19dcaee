//! Set-ReceiveConnector (spec §3.8: the connector Fqdn drives inbound STARTTLS selection).

use exchange_server::{ConnectorChanges, ConnectorKind};
use shell_engine::{
    Call, Cmdlet, ConfirmImpact, Context, ErrorRecord, Example, Kind, Param, PipelineInput,
    Signature,
};

use super::AppState;
use super::connectors::{fqdn_change, set};

/// Set-ReceiveConnector.
pub struct SetReceiveConnector;

impl Cmdlet<AppState> for SetReceiveConnector {
    fn signature(&self) -> Signature {
        Signature::new("Set-ReceiveConnector")
            .summary("Changes a Receive connector.")
            .supports_should_process(ConfirmImpact::Medium)
            .param(
                Param::new("Identity", Kind::String)
                    .position(0)
                    .mandatory()
                    .from_pipeline(PipelineInput::ByValue)
                    .from_pipeline(PipelineInput::ByPropertyName),
            )
            .param(Param::new("Fqdn", Kind::String))
            .param(Param::new("Bindings", Kind::StringList))
            .param(Param::new("Enabled", Kind::Boolean))
            .param(Param::new("DomainController", Kind::String))
    }
    fn examples(&self) -> &'static [Example] {
        &[Example {
            script: "Get-ReceiveConnector | Set-ReceiveConnector -Fqdn mail.contoso.com -WhatIf",
            summary: "Show what changing every Receive connector's FQDN would do.",
        }]
    }
    fn run(&self, call: &Call, cx: &mut Context<AppState>) -> Result<(), ErrorRecord> {
        let changes = ConnectorChanges {
            fqdn: fqdn_change(call),
            enabled: call.value("Enabled").map(shell_engine::Value::is_truthy),
            bindings: call.get_optional::<Vec<String>>("Bindings")?,
            address_spaces: None,
        };
        set(ConnectorKind::Receive, &changes, call, cx)
    }
}
