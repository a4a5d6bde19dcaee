//! Set-SendConnector (spec §3.8: the connector Fqdn drives outbound STARTTLS selection).

use exchange_server::{ConnectorChanges, ConnectorKind};
use shell_engine::{
    Call, Cmdlet, ConfirmImpact, Context, ErrorRecord, Example, Kind, Param, PipelineInput,
    Signature,
};

use super::AppState;
use super::connectors::{fqdn_change, set};

/// Set-SendConnector.
pub struct SetSendConnector;

impl Cmdlet<AppState> for SetSendConnector {
    fn signature(&self) -> Signature {
        Signature::new("Set-SendConnector")
            .summary("Changes a Send connector.")
            .supports_should_process(ConfirmImpact::Medium)
            .param(
                Param::new("Identity", Kind::String)
                    .position(0)
                    .mandatory()
                    .from_pipeline(PipelineInput::ByValue)
                    .from_pipeline(PipelineInput::ByPropertyName),
            )
            .param(Param::new("Fqdn", Kind::String))
            .param(Param::new("AddressSpaces", Kind::StringList))
            .param(Param::new("Enabled", Kind::Boolean))
            .param(Param::new("DomainController", Kind::String))
    }
    fn examples(&self) -> &'static [Example] {
        &[Example {
            script: "Set-SendConnector -Identity Internet -Fqdn mail.contoso.com",
            summary: "A connector that does not exist is an error.",
        }]
    }
    fn run(&self, call: &Call, cx: &mut Context<AppState>) -> Result<(), ErrorRecord> {
        let changes = ConnectorChanges {
            fqdn: fqdn_change(call),
            enabled: call.value("Enabled").map(shell_engine::Value::is_truthy),
            bindings: None,
            address_spaces: call.get_optional::<Vec<String>>("AddressSpaces")?,
        };
        set(ConnectorKind::Send, &changes, call, cx)
    }
}
