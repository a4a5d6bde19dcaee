//! New-ReceiveConnector (spec §3.8: the connector Fqdn drives inbound STARTTLS selection).

use exchange_server::{Connector, ConnectorKind};
use shell_engine::{
    Call, Cmdlet, ConfirmImpact, Context, ErrorRecord, Example, Kind, Param, Signature,
};

use super::AppState;
use super::connectors::new;

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
