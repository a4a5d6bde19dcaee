//! New-ExchangeCertificate (spec §3.1).

use cert_model::DistinguishedName;
use exchange_server::{NameInputs, NewCertificateOptions};
use shell_engine::{
    Call, Cmdlet, ConfirmImpact, Context, ErrorRecord, Example, Kind, Param, PipelineInput,
    Signature,
};

use super::{
    AppState, ask_replace_smtp, certificate_formatting, errors, messages, objects, server_of,
    sources_of, thumbprint_argument, write_warnings,
};

/// Creates a self-signed certificate or (with `-GenerateRequest`) a PKCS #10 request.
pub struct NewExchangeCertificate;

impl Cmdlet<AppState> for NewExchangeCertificate {
    fn signature(&self) -> Signature {
        Signature::new("New-ExchangeCertificate")
            .summary("Creates a self-signed certificate or a certificate request.")
            .default_set("Certificate")
            .supports_should_process(ConfirmImpact::Medium)
            .param(Param::new("DomainName", Kind::StringList))
            .param(Param::new("SubjectName", Kind::String))
            .param(Param::new("FriendlyName", Kind::String))
            .param(Param::new("KeySize", Kind::Int32))
            .param(Param::new("PrivateKeyExportable", Kind::Boolean))
            .param(
                Param::new("Services", Kind::Flags(objects::services_type())).in_set("Certificate"),
            )
            .param(Param::switch("IncludeAcceptedDomains"))
            .param(Param::switch("IncludeAutoDiscover"))
            .param(Param::new("Instance", Kind::Object).from_pipeline(PipelineInput::ByValue))
            .param(Param::switch("GenerateRequest").in_set("Request"))
            .param(Param::new("Path", Kind::String).in_set("Request"))
            .param(Param::switch("BinaryEncoded").in_set("Request"))
            .param(Param::switch("Force"))
            .param(Param::new("DomainController", Kind::String))
    }

    fn examples(&self) -> &'static [Example] {
        &[
            Example {
                script: "New-ExchangeCertificate -DomainName server1.fourthcoffee.com,server1 -Services SMTP -Force",
                summary: "Create a self-signed certificate for SMTP (seed §Generating Self-Signed Certificates).",
            },
            Example {
                script: "New-ExchangeCertificate -DomainName popserver.fourthcoffee.com -SubjectName 'c=us,o=contoso corp, cn=popserver.fourthcoffee.com' -PrivateKeyExportable:$True -GenerateRequest:$True",
                summary: "Create a certificate request (seed §Certificate Request).",
            },
        ]
    }

    fn run(&self, call: &Call, cx: &mut Context<AppState>) -> Result<(), ErrorRecord> {
        let span = call.span;
        let subject_name = match call.get_optional::<String>("SubjectName")? {
            Some(text) => Some(text.parse::<DistinguishedName>().map_err(|error| {
                errors::record(
                    "InvalidSubjectName",
                    messages::invalid_subject_name(&error.to_string()),
                )
                .with_span(call.span_of("SubjectName"))
            })?),
            None => None,
        };
        let instance = match call.value("Instance") {
            Some(value) => {
                let text = value
                    .property("Thumbprint")
                    .unwrap_or_else(|| value.clone())
                    .to_string_form();
                Some(thumbprint_argument(&text, call.span_of("Instance"))?)
            }
            None => None,
        };
        let key_size = call
            .get_optional::<i32>("KeySize")?
            .map(|bits| u32::try_from(bits).unwrap_or(0));
        let services = match call.value("Services") {
            Some(value) => Some(objects::services_of(value).ok_or_else(|| {
                errors::record(
                    "InvalidServices",
                    format!(
                        "'{}' is not a valid value for Services.",
                        value.to_string_form()
                    ),
                )
                .with_span(call.span_of("Services"))
            })?),
            None => None,
        };
        let options = NewCertificateOptions {
            names: NameInputs {
                domain_names: call.get_optional::<Vec<String>>("DomainName")?,
                subject_name,
                friendly_name: call.get_optional::<String>("FriendlyName")?,
                key_size,
                include_accepted_domains: call.switch("IncludeAcceptedDomains"),
                include_autodiscover: call.switch("IncludeAutoDiscover"),
            },
            private_key_exportable: call.switch("PrivateKeyExportable"),
            services,
            instance,
            generate_request: call.switch("GenerateRequest"),
            path: call
                .get_optional::<String>("Path")?
                .map(|path| shell_engine::file_path(&path)),
            binary_encoded: call.switch("BinaryEncoded"),
            force: call.switch("Force"),
        };
        let server = server_of(cx);
        let server_name = server.borrow().name().to_owned();
        let names = match server.borrow_mut().preview_names(&options) {
            Ok(names) => names,
            Err(error) => {
                cx.write_error(errors::new_certificate(&error, &server_name, span));
                return Ok(());
            }
        };
        let message = messages::confirm_new(
            options.generate_request,
            &names.friendly_name,
            &names.subject.to_string(),
            &names.domains.join(", "),
            &match (options.generate_request, options.services) {
                (true, _) => cert_model::Services::NONE,
                (false, Some(services)) => services,
                (false, None) => cert_model::Services::SMTP,
            }
            .to_string(),
            names.key_size.bits(),
        );
        if !cx.should_process_message(&message)? {
            return Ok(());
        }
        let now = cx.now();
        let sources = sources_of(cx);
        let mut sources = sources.borrow_mut();
        let mut generators = sources.generators();
        let mut unanswered = None;
        let result =
            server
                .borrow_mut()
                .new_certificate(&options, &mut generators, now, &mut |question| {
                    ask_replace_smtp(cx, question, &mut unanswered)
                });
        match result {
            Ok(outcome) => {
                write_warnings(cx, &outcome.warnings);
                let created = server.borrow_mut().certificate(outcome.thumbprint, now);
                match created {
                    Ok(certificate) => {
                        let formatting = certificate_formatting(cx);
                        cx.write_output(objects::certificate(&certificate, formatting));
                    }
                    Err(error) => cx.write_error(errors::get_certificate(&error, span)),
                }
            }
            Err(error) => match unanswered {
                Some(record) => return Err(record),
                None => cx.write_error(errors::new_certificate(&error, &server_name, span)),
            },
        }
        Ok(())
    }
}
