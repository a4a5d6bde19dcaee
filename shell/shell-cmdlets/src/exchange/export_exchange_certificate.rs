//! Export-ExchangeCertificate (spec §3.5).

use exchange_server::ExportOptions;
use shell_engine::{
    Call, Cmdlet, ConfirmImpact, Context, ErrorRecord, Example, Kind, Param, PipelineInput,
    PsObject, Signature, Value,
};

use super::{AppState, errors, messages, secret, server_of, thumbprint_argument};

/// The type of the object `-BinaryEncoded` without `-Path` writes.
const BINARY_FILE_DATA: &str = "Microsoft.Exchange.Data.BinaryFileDataObject";

/// Exports a certificate with its key as PKCS #12, or a pending request as PKCS #10.
pub struct ExportExchangeCertificate;

impl Cmdlet<AppState> for ExportExchangeCertificate {
    fn signature(&self) -> Signature {
        Signature::new("Export-ExchangeCertificate")
            .summary("Exports a certificate (PKCS #12) or a pending request (PKCS #10).")
            .supports_should_process(ConfirmImpact::Medium)
            .param(
                Param::new("Thumbprint", Kind::String)
                    .position(0)
                    .mandatory()
                    .from_pipeline(PipelineInput::ByValue)
                    .from_pipeline(PipelineInput::ByPropertyName),
            )
            .param(Param::new("Path", Kind::String))
            .param(Param::new("Password", Kind::SecureString))
            .param(Param::switch("BinaryEncoded"))
            .param(Param::switch("Force"))
            .param(Param::new("DomainController", Kind::String))
    }

    fn examples(&self) -> &'static [Example] {
        &[Example {
            script: "Get-ExchangeCertificate -DomainName EXCH01.contoso.com | Export-ExchangeCertificate",
            summary: "Try to export the default certificate (its key is not exportable).",
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
        if !cx.should_process_message(&messages::confirm_export(&thumbprint.to_string()))? {
            return Ok(());
        }
        let options = ExportOptions {
            thumbprint,
            password: secret(call.value("Password")),
            binary_encoded: call.switch("BinaryEncoded"),
            iterations: cx.state().pfx_iterations,
        };
        let server = server_of(cx);
        let result = match call.get_optional::<String>("Path")? {
            Some(path) => server
                .borrow_mut()
                .export_certificate_file(
                    &options,
                    &shell_engine::file_path(&path),
                    call.switch("Force"),
                )
                .map(|_| None),
            None => server.borrow_mut().export_certificate(&options).map(Some),
        };
        match result {
            Ok(None) => {}
            // Exchange 2010's shape, which scripts save with
            // `Set-Content -Value $file.FileData -Encoding Byte`.
            Ok(Some(exported)) if exported.binary => {
                let bytes = Value::array(
                    exported
                        .data
                        .iter()
                        .map(|byte| Value::Int(i32::from(*byte)))
                        .collect(),
                );
                cx.write_output(Value::object(
                    PsObject::new(BINARY_FILE_DATA)
                        .with("FileData", bytes)
                        .with_string_form(BINARY_FILE_DATA.to_owned()),
                ));
            }
            Ok(Some(exported)) => cx.write_output(Value::from(
                String::from_utf8_lossy(&exported.data).into_owned(),
            )),
            Err(error) => cx.write_error(errors::export_certificate(&error, span)),
        }
        Ok(())
    }
}
