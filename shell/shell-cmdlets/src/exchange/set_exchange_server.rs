//! Set-ExchangeServer -InternetWebProxy (design.md §6a).

use shell_engine::{
    Call, Cmdlet, ConfirmImpact, Context, ErrorRecord, Example, Kind, Param, PipelineInput,
    Signature,
};

use super::{AppState, errors, server_of};

/// Sets the server's web proxy for CRL retrieval.
pub struct SetExchangeServer;

impl Cmdlet<AppState> for SetExchangeServer {
    fn signature(&self) -> Signature {
        Signature::new("Set-ExchangeServer")
            .summary("Sets the server's InternetWebProxy (used for CRL downloads).")
            .supports_should_process(ConfirmImpact::Medium)
            .param(
                Param::new("Identity", Kind::String)
                    .position(0)
                    .from_pipeline(PipelineInput::ByValue)
                    .from_pipeline(PipelineInput::ByPropertyName),
            )
            .param(Param::new("InternetWebProxy", Kind::String))
            .param(Param::new("DomainController", Kind::String))
    }
    fn examples(&self) -> &'static [Example] {
        &[Example {
            script: "Set-ExchangeServer -InternetWebProxy http://proxy.contoso.com:8080; Get-ExchangeServer | Format-List Name,InternetWebProxy",
            summary: "Route CRL downloads through a proxy.",
        }]
    }
    fn run(&self, call: &Call, cx: &mut Context<AppState>) -> Result<(), ErrorRecord> {
        let proxy = match call.value("InternetWebProxy") {
            Some(value) if !value.is_null() && !value.to_string_form().is_empty() => {
                Some(value.to_string_form())
            }
            _ => None,
        };
        let server = server_of(cx);
        let name = server.borrow().name().to_owned();
        if !cx.should_process(&name, "Set-ExchangeServer")? {
            return Ok(());
        }
        let now = cx.now();
        let result = server
            .borrow_mut()
            .set_internet_web_proxy(proxy.as_deref(), now);
        if let Err(error) = result {
            cx.write_error(errors::configure(&error, call.span_of("InternetWebProxy")));
        }
        Ok(())
    }
}
