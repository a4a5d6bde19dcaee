//! Get-, New- and Set-ReceiveConnector (spec §3.8: the Fqdn drives inbound STARTTLS).

use exchange_server::{Connector, ConnectorChanges, ConnectorKind};
use shell_engine::{
    Call, Cmdlet, ConfirmImpact, Context, ErrorRecord, Example, Kind, Param, PipelineInput,
    Signature,
};

use super::AppState;
use super::connectors::{fqdn_change, list, new, set};

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

/// New-ReceiveConnector.
pub struct NewReceiveConnector;

impl Cmdlet<AppState> for NewReceiveConnector {
    fn signature(&self) -> Signature {
        Signature::new("New-ReceiveConnector")
            .summary("Creates a Receive connector.")
            .supports_should_process(ConfirmImpact::Medium)
            .param(Param::new("Name", Kind::String).position(0).mandatory())
            .param(Param::new("Bindings", Kind::StringList).mandatory())
            .param(Param::new("RemoteIPRanges", Kind::StringList))
            .param(Param::new("Fqdn", Kind::String))
            .param(Param::new("Enabled", Kind::Boolean))
            .param(Param::new("Usage", Kind::String))
            .param(Param::new("Server", Kind::String))
            .param(Param::new("DomainController", Kind::String))
    }
    fn examples(&self) -> &'static [Example] {
        &[Example {
            script: "New-ReceiveConnector -Name Partners -Bindings 0.0.0.0:2525 -Fqdn mail.contoso.com",
            summary: "Create a Receive connector announcing mail.contoso.com.",
        }]
    }
    fn run(&self, call: &Call, cx: &mut Context<AppState>) -> Result<(), ErrorRecord> {
        let connector = Connector {
            kind: ConnectorKind::Receive,
            name: call.get("Name")?,
            fqdn: call.get_optional::<String>("Fqdn")?,
            bindings: call
                .get_optional::<Vec<String>>("Bindings")?
                .unwrap_or_default(),
            address_spaces: Vec::new(),
            remote_ip_ranges: call
                .get_optional::<Vec<String>>("RemoteIPRanges")?
                .unwrap_or_else(|| vec!["0.0.0.0-255.255.255.255".to_owned()]),
            enabled: call
                .value("Enabled")
                .is_none_or(shell_engine::Value::is_truthy),
        };
        new(connector, call, cx)
    }
}

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
