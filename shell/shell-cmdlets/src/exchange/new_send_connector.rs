//! New-SendConnector (spec §3.8: the connector Fqdn drives outbound STARTTLS selection).

use exchange_server::{Connector, ConnectorKind};
use shell_engine::{
    Call, Cmdlet, ConfirmImpact, Context, ErrorRecord, Example, Kind, Param, Signature,
};

use super::AppState;
use super::connectors::new;

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
