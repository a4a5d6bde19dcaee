//! Enable-ExchangeCertificate (spec §3.4).

use shell_engine::{
    Call, Cmdlet, ConfirmImpact, Context, ErrorRecord, Example, Kind, Param, PipelineInput,
    Signature,
};

use super::{
    AppState, ask_replace_smtp, errors, messages, objects, server_of, thumbprint_argument,
    write_warnings,
};

/// Assigns services to an installed certificate, with each service's side effects.
pub struct EnableExchangeCertificate;

impl Cmdlet<AppState> for EnableExchangeCertificate {
    fn signature(&self) -> Signature {
        Signature::new("Enable-ExchangeCertificate")
            .summary("Assigns services to an installed certificate.")
            .supports_should_process(ConfirmImpact::Medium)
            .param(
                Param::new("Thumbprint", Kind::String)
                    .position(0)
                    .mandatory()
                    .from_pipeline(PipelineInput::ByValue)
                    .from_pipeline(PipelineInput::ByPropertyName),
            )
            .param(Param::new(
                "Services",
                Kind::Flags(objects::services_type()),
            ))
            .param(Param::switch("Force"))
            .param(Param::new("DomainController", Kind::String))
    }

    fn examples(&self) -> &'static [Example] {
        &[Example {
            script: "Get-ExchangeCertificate -DomainName EXCH01.contoso.com | Enable-ExchangeCertificate -Services IIS",
            summary: "Bind the server's certificate to the default web site.",
        }]
    }

    fn run(&self, call: &Call, cx: &mut Context<AppState>) -> Result<(), ErrorRecord> {
        let span = call.span_of("Thumbprint");
        let text: String = call.get("Thumbprint")?;
        let thumbprint = match thumbprint_argument(&text, span) {
            Ok(thumbprint) => thumbprint,
            Err(record) => {
                cx.write_error(record);
                return Ok(());
            }
        };
        let services = call.value("Services").and_then(objects::services_of);
        if !cx.should_process_message(&messages::confirm_enable(&thumbprint.to_string()))? {
            return Ok(());
        }
        let now = cx.now();
        let server = server_of(cx);
        let mut unanswered = None;
        let result = server.borrow_mut().enable_certificate(
            thumbprint,
            services,
            call.switch("Force"),
            &mut |question| ask_replace_smtp(cx, question, &mut unanswered),
            now,
        );
        match result {
            Ok(warnings) => write_warnings(cx, &warnings),
            Err(error) => match unanswered {
                Some(record) => return Err(record),
                None => cx.write_error(errors::enable_certificate(&error, span)),
            },
        }
        Ok(())
    }
}
