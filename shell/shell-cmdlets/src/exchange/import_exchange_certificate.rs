//! Import-ExchangeCertificate (spec §3.3).

use shell_engine::{
    Call, Cmdlet, ConfirmImpact, Context, ErrorRecord, Example, Kind, Param, PipelineInput,
    Signature,
};

use super::{AppState, certificate_formatting, errors, messages, objects, secret, server_of};

/// The bytes of a `-FileData` argument (`[Byte[]]`, Get-Content -Encoding Byte's output, or
/// an Export-ExchangeCertificate object's FileData); `None` when it holds anything else.
fn bytes_of(value: &shell_engine::Value) -> Option<Vec<u8>> {
    let value = value.property("FileData").unwrap_or_else(|| value.clone());
    value
        .enumerate()
        .iter()
        .map(|item| item.to_i64().and_then(|n| u8::try_from(n).ok()))
        .collect()
}

/// Installs a CA's answer to a pending request, or a PFX file with its key.
pub struct ImportExchangeCertificate;

impl Cmdlet<AppState> for ImportExchangeCertificate {
    fn signature(&self) -> Signature {
        Signature::new("Import-ExchangeCertificate")
            .summary("Imports a certificate issued for a pending request, or a PFX file.")
            .default_set("Instance")
            .supports_should_process(ConfirmImpact::Medium)
            .param(Param::new("Path", Kind::String).in_set("Path").mandatory())
            .param(
                Param::new("FileData", Kind::Object)
                    .in_set("FileData")
                    .mandatory(),
            )
            .param(
                Param::new("Instance", Kind::StringList)
                    .in_set("Instance")
                    .from_pipeline(PipelineInput::ByValue),
            )
            .param(Param::new("Password", Kind::SecureString))
            .param(Param::new("FriendlyName", Kind::String))
            .param(Param::new("PrivateKeyExportable", Kind::Boolean))
            .param(Param::new("DomainController", Kind::String))
    }

    fn examples(&self) -> &'static [Example] {
        &[
            Example {
                script: "Import-ExchangeCertificate -Path C:\\CertificateFile.cer | Enable-ExchangeCertificate -Services POP",
                summary: "Install the CA's answer and enable it for POP3 (seed §Enabling a Certificate).",
            },
            Example {
                script: "Import-ExchangeCertificate -FileData ([Byte[]]@(1, 2, 3))",
                summary: "Exchange 2010's form (bytes from Get-Content -Encoding Byte -ReadCount 0); these three bytes are no certificate.",
            },
        ]
    }

    fn run(&self, call: &Call, cx: &mut Context<AppState>) -> Result<(), ErrorRecord> {
        let password = secret(call.value("Password"));
        let friendly_name = call.get_optional::<String>("FriendlyName")?;
        let exportable = call.switch("PrivateKeyExportable");
        if !cx.should_process_message(messages::CONFIRM_IMPORT)? {
            return Ok(());
        }
        let now = cx.now();
        let server = server_of(cx);
        if let Some(data) = call.value("FileData") {
            let Some(bytes) = bytes_of(data) else {
                cx.write_error(errors::file_data_not_bytes(call.span_of("FileData")));
                return Ok(());
            };
            let imported = server.borrow_mut().import_certificate(
                &bytes,
                password.as_deref(),
                friendly_name.as_deref(),
                exportable,
                now,
            );
            match imported {
                Ok(certificate) => {
                    let formatting = certificate_formatting(cx);
                    cx.write_output(objects::certificate(&certificate, formatting));
                }
                Err(error) => {
                    cx.write_error(errors::import_certificate(&error, call.span_of("FileData")))
                }
            }
            return Ok(());
        }
        let result = match call.get_optional::<String>("Path")? {
            Some(path) => server.borrow_mut().import_certificate_file(
                &shell_engine::file_path(&path),
                password.as_deref(),
                friendly_name.as_deref(),
                exportable,
                now,
            ),
            None => {
                let text = call
                    .get_optional::<Vec<String>>("Instance")?
                    .unwrap_or_default()
                    .join("\n");
                server.borrow_mut().import_certificate(
                    text.as_bytes(),
                    password.as_deref(),
                    friendly_name.as_deref(),
                    exportable,
                    now,
                )
            }
        };
        match result {
            Ok(certificate) => {
                let formatting = certificate_formatting(cx);
                cx.write_output(objects::certificate(&certificate, formatting));
            }
            Err(error) => {
                let span = if call.is_bound("Path") {
                    call.span_of("Path")
                } else {
                    call.span
                };
                cx.write_error(errors::import_certificate(&error, span));
            }
        }
        Ok(())
    }
}
