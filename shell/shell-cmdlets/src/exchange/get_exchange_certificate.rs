//! Get-ExchangeCertificate (spec §3.2).

use exchange_server::CertificateQuery;
use shell_engine::{
    Call, Cmdlet, Context, ErrorRecord, Example, Kind, Param, PipelineInput, Signature,
};

use super::{AppState, certificate_formatting, errors, objects, server_of, thumbprint_argument};

/// Lists the certificates of the local server and its pending requests.
pub struct GetExchangeCertificate;

impl Cmdlet<AppState> for GetExchangeCertificate {
    fn signature(&self) -> Signature {
        Signature::new("Get-ExchangeCertificate")
            .summary("Lists the server's certificates and pending certificate requests.")
            .default_set("Thumbprint")
            .param(
                Param::new("Thumbprint", Kind::String)
                    .in_set("Thumbprint")
                    .position(0)
                    .from_pipeline(PipelineInput::ByValue),
            )
            .param(Param::new("DomainName", Kind::StringList))
            .param(
                Param::new("Instance", Kind::Object)
                    .in_set("Instance")
                    .from_pipeline(PipelineInput::ByValue),
            )
            .param(Param::new("DomainController", Kind::String))
    }

    fn examples(&self) -> &'static [Example] {
        &[
            Example {
                script: "Get-ExchangeCertificate",
                summary: "List every certificate and pending request.",
            },
            Example {
                script: "Get-ExchangeCertificate -DomainName EXCH01.contoso.com | Format-List",
                summary: "Show the certificates for a name with the properties of spec §1.2.",
            },
        ]
    }

    fn run(&self, call: &Call, cx: &mut Context<AppState>) -> Result<(), ErrorRecord> {
        let typed = match (call.value("Thumbprint"), call.value("Instance")) {
            (Some(value), _) => Some((value.to_string_form(), call.span_of("Thumbprint"))),
            (None, Some(instance)) => Some((
                instance
                    .property("Thumbprint")
                    .unwrap_or_else(|| instance.clone())
                    .to_string_form(),
                call.span_of("Instance"),
            )),
            (None, None) => None,
        };
        let thumbprint = match &typed {
            Some((text, span)) => match thumbprint_argument(text, *span) {
                Ok(thumbprint) => Some(thumbprint),
                Err(record) => {
                    cx.write_error(record);
                    return Ok(());
                }
            },
            None => None,
        };
        let query = CertificateQuery {
            thumbprint,
            domain_names: call
                .get_optional::<Vec<String>>("DomainName")?
                .unwrap_or_default(),
        };
        let now = cx.now();
        let result = server_of(cx).borrow_mut().get_certificates(&query, now);
        match result {
            Ok(certificates) => {
                let formatting = certificate_formatting(cx);
                for certificate in &certificates {
                    cx.write_output(objects::certificate(certificate, formatting));
                }
            }
            Err(error) => {
                let span = typed.map_or(call.span, |(_, span)| span);
                cx.write_error(errors::get_certificate(&error, span));
            }
        }
        Ok(())
    }
}
