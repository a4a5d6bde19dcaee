//! Get-, New- and Set-SendConnector (spec §3.8: the Fqdn drives outbound STARTTLS).

use exchange_server::{Connector, ConnectorChanges, ConnectorKind};
use shell_engine::{
    Call, Cmdlet, ConfirmImpact, Context, ErrorRecord, Example, Kind, Param, PipelineInput,
    Signature,
};

use super::AppState;
use super::connectors::{fqdn_change, list, new, set};

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

/// New-SendConnector.
pub struct NewSendConnector;

impl Cmdlet<AppState> for NewSendConnector {
    fn signature(&self) -> Signature {
        Signature::new("New-SendConnector")
            .summary("Creates a Send connector.")
            .supports_should_process(ConfirmImpact::Medium)
            .param(Param::new("Name", Kind::String).position(0).mandatory())
            .param(Param::new("AddressSpaces", Kind::StringList).mandatory())
            .param(Param::new("Fqdn", Kind::String))
            .param(Param::new("Enabled", Kind::Boolean))
            .param(Param::new("Usage", Kind::String))
            .param(Param::new("DomainController", Kind::String))
    }
    fn examples(&self) -> &'static [Example] {
        &[Example {
            script: "New-SendConnector -Name Internet -AddressSpaces 'SMTP:*;1' -Fqdn mail.contoso.com",
            summary: "Create a Send connector for the Internet.",
        }]
    }
    fn run(&self, call: &Call, cx: &mut Context<AppState>) -> Result<(), ErrorRecord> {
        let connector = Connector {
            kind: ConnectorKind::Send,
            name: call.get("Name")?,
            fqdn: call.get_optional::<String>("Fqdn")?,
            bindings: Vec::new(),
            address_spaces: call
                .get_optional::<Vec<String>>("AddressSpaces")?
                .unwrap_or_default(),
            remote_ip_ranges: Vec::new(),
            enabled: call
                .value("Enabled")
                .is_none_or(shell_engine::Value::is_truthy),
        };
        new(connector, call, cx)
    }
}

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
