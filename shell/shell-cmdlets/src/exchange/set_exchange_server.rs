//! Set-ExchangeServer: `-InternetWebProxy` (an Exchange 2007 SP1 parameter; design.md §6a), and
//! this product's way to set the roles and the RTM/SP1 compatibility mode (design.md §6).

use exchange_server::{ServerChanges, ServerRole};
use shell_engine::{
    Call, Cmdlet, ConfirmImpact, Context, EnumType, ErrorRecord, Example, Kind, Param,
    PipelineInput, Signature, Value,
};

use super::{AppState, errors, server_of};

/// Changes the server's web proxy, roles or compatibility mode.
pub struct SetExchangeServer;

fn compatibility_type() -> std::rc::Rc<EnumType> {
    EnumType::new("CompatibilityMode", &[("RTM", 0), ("SP1", 1)])
}

impl Cmdlet<AppState> for SetExchangeServer {
    fn signature(&self) -> Signature {
        Signature::new("Set-ExchangeServer")
            .summary("Sets the server's InternetWebProxy, roles or RTM/SP1 compatibility mode.")
            .supports_should_process(ConfirmImpact::Medium)
            .param(
                Param::new("Identity", Kind::String)
                    .position(0)
                    .from_pipeline(PipelineInput::ByValue)
                    .from_pipeline(PipelineInput::ByPropertyName),
            )
            .param(Param::new("InternetWebProxy", Kind::String))
            .param(Param::new("ServerRole", Kind::StringList))
            .param(Param::new(
                "CompatibilityMode",
                Kind::Enum(compatibility_type()),
            ))
            .param(Param::new("DomainController", Kind::String))
    }

    fn examples(&self) -> &'static [Example] {
        &[Example {
            script: "Set-ExchangeServer -InternetWebProxy http://proxy.contoso.com:8080; Get-ExchangeServer | Format-List Name,InternetWebProxy",
            summary: "Route CRL downloads through a proxy.",
        }]
    }

    fn run(&self, call: &Call, cx: &mut Context<AppState>) -> Result<(), ErrorRecord> {
        let internet_web_proxy = call.value("InternetWebProxy").map(|value| {
            let text = value.to_string_form();
            if value.is_null() || text.is_empty() {
                None
            } else {
                Some(text)
            }
        });
        let roles = match call.get_optional::<Vec<String>>("ServerRole")? {
            Some(names) => {
                let mut roles = Vec::new();
                for name in names.iter().flat_map(|name| name.split(',')) {
                    match name.parse::<ServerRole>() {
                        Ok(role) => roles.push(role),
                        Err(error) => {
                            cx.write_error(
                                errors::record("InvalidServerRole", format!("{error}."))
                                    .with_span(call.span_of("ServerRole")),
                            );
                            return Ok(());
                        }
                    }
                }
                Some(roles)
            }
            None => None,
        };
        let rtm_mode = call.value("CompatibilityMode").map(|value| match value {
            Value::Enum(mode) => mode.value == 0,
            other => other.to_string_form().eq_ignore_ascii_case("RTM"),
        });
        let changes = ServerChanges {
            internet_web_proxy,
            roles,
            rtm_mode,
        };
        let server = server_of(cx);
        let name = server.borrow().name().to_owned();
        if !cx.should_process(&name, "Set-ExchangeServer")? {
            return Ok(());
        }
        let now = cx.now();
        let result = server.borrow_mut().set_server(&changes, now);
        if let Err(error) = result {
            cx.write_error(errors::configure(&error, call.span_of("InternetWebProxy")));
        }
        Ok(())
    }
}
