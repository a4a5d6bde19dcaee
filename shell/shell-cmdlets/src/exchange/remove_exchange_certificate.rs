//! Remove-ExchangeCertificate (spec §3.6).

use shell_engine::{
    Call, Cmdlet, ConfirmImpact, Context, ErrorRecord, Example, Kind, Param, PipelineInput,
    Signature,
};

use super::{AppState, errors, messages, server_of, thumbprint_argument};

/// Deletes a certificate or a pending request.
pub struct RemoveExchangeCertificate;

impl Cmdlet<AppState> for RemoveExchangeCertificate {
    fn signature(&self) -> Signature {
        Signature::new("Remove-ExchangeCertificate")
            .summary("Deletes a certificate or pending request from the local stores.")
            .supports_should_process(ConfirmImpact::High)
            .param(
                Param::new("Thumbprint", Kind::String)
                    .position(0)
                    .mandatory()
                    .from_pipeline(PipelineInput::ByValue)
                    .from_pipeline(PipelineInput::ByPropertyName),
            )
            .param(Param::new("DomainController", Kind::String))
    }

    fn examples(&self) -> &'static [Example] {
        &[Example {
            script: "Remove-ExchangeCertificate -Thumbprint 0000000000000000000000000000000000000000 -Confirm:$false",
            summary: "Remove a certificate without the confirmation prompt (here: one that does not exist).",
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
        if !cx.should_process_message(&messages::confirm_remove(&thumbprint.to_string()))? {
            return Ok(());
        }
        let now = cx.now();
        let result = server_of(cx)
            .borrow_mut()
            .remove_certificate(thumbprint, now);
        if let Err(error) = result {
            cx.write_error(errors::remove_certificate(&error, span));
        }
        Ok(())
    }
}
