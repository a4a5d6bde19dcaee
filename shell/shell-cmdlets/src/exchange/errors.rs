//! Domain errors → PowerShell error records, once (style.md §5): ErrorId, category and the
//! message of spec §4, with the span of the argument involved.

use exchange_server::{
    ConfigureServerError, EnableCertificateError, ExportCertificateError, GetCertificateError,
    ImportCertificateError, NewCertificateError, RemoveCertificateError,
};
use shell_engine::{ErrorCategory, ErrorRecord, Value};
use shell_parser::Span;

use super::messages as text;

/// A record with the ErrorId's category from spec §4; the reason (CategoryInfo's exception
/// type) is named after the ErrorId, as Exchange's task exceptions are.
pub fn record(error_id: &str, message: String) -> ErrorRecord {
    ErrorRecord::new(message, error_id, text::category(error_id))
        .with_reason(format!("{error_id}Exception"))
}

fn store(error: &impl std::fmt::Display) -> ErrorRecord {
    record("StoreFailure", text::store_failed(&error.to_string()))
}

/// A thumbprint that is not found (spec §4 `CertificateNotFound`), naming the text as typed.
pub fn not_found(thumbprint: &str, span: Span) -> ErrorRecord {
    record(
        "CertificateNotFound",
        text::certificate_not_found(thumbprint),
    )
    .with_target(Value::from(thumbprint))
    .with_span(span)
}

/// New-ExchangeCertificate.
pub fn new_certificate(error: &NewCertificateError, server: &str, span: Span) -> ErrorRecord {
    let record = match error {
        NewCertificateError::InvalidKeySize { bits } => {
            record("InvalidKeySize", text::invalid_key_size(*bits))
        }
        NewCertificateError::FriendlyNameTooLong => record(
            "FriendlyNameTooLong",
            text::FRIENDLY_NAME_TOO_LONG.to_owned(),
        ),
        NewCertificateError::InvalidDomainName { name } => record(
            "DomainNameIsNotValidForCertificate",
            text::domain_name_not_valid(name),
        ),
        NewCertificateError::SubjectCnNotValidFqdn => record(
            "SubjectCnNotValidFQDN",
            text::SUBJECT_CN_NOT_VALID_FQDN.to_owned(),
        ),
        NewCertificateError::UnsupportedSubjectAttribute { reason } => {
            record("InvalidSubjectName", text::invalid_subject_name(reason))
        }
        NewCertificateError::ConflictingParameterSets => record(
            "AmbiguousParameterSet",
            text::AMBIGUOUS_PARAMETER_SET.to_owned(),
        )
        .with_reason("ParameterBindingException"),
        NewCertificateError::RequestArgumentWithoutRequest { argument } => record(
            "CertificateRequestMissingForArgument",
            text::request_argument_without_request(argument, server),
        ),
        NewCertificateError::SourceNotFound { thumbprint } => record(
            "CertificateNotFound",
            text::certificate_not_found(&thumbprint.to_string()),
        ),
        NewCertificateError::RequestFile { reason, .. } => record(
            "RequestCertificateFileInvalid",
            text::request_file_invalid(reason),
        ),
        NewCertificateError::Generation { reason } => record(
            "CertificateGenerationFailed",
            text::generation_failed(reason),
        ),
        NewCertificateError::Enable(inner) => return enable_certificate(inner, span),
        NewCertificateError::Store(inner) => store(inner),
        other => record(
            "CertificateGenerationFailed",
            text::generation_failed(&other.to_string()),
        ),
    };
    record.with_span(span)
}

/// Get-ExchangeCertificate.
pub fn get_certificate(error: &GetCertificateError, span: Span) -> ErrorRecord {
    match error {
        GetCertificateError::NotFound { thumbprint } => {
            // Spec §4: NotSpecified for Get.
            let mut record = not_found(&thumbprint.to_string(), span);
            record.category = shell_engine::ErrorCategory::NotSpecified;
            record
        }
        other => store(other).with_span(span),
    }
}

/// A `-FileData` argument that is not bytes (PowerShell's binding error for `Byte[]`).
pub fn file_data_not_bytes(span: Span) -> ErrorRecord {
    ErrorRecord::new(
        "Cannot bind parameter 'FileData'. Cannot convert the value to type \"System.Byte[]\": \
         read the file with Get-Content -Encoding Byte -ReadCount 0.",
        "CannotConvertArgumentNoMessage",
        ErrorCategory::InvalidArgument,
    )
    .with_reason("ParameterBindingException")
    .with_span(span)
}

/// Import-ExchangeCertificate.
pub fn import_certificate(error: &ImportCertificateError, span: Span) -> ErrorRecord {
    let record = match error {
        ImportCertificateError::Base64DataInvalid => record(
            "ImportCertificateBase64DataInvalid",
            text::IMPORT_BASE64_INVALID.to_owned(),
        ),
        ImportCertificateError::DataInvalid => record(
            "ImportCertificateDataInvalid",
            text::IMPORT_DATA_INVALID.to_owned(),
        ),
        ImportCertificateError::AlreadyExists { thumbprint } => record(
            "ImportCertificateAlreadyExists",
            text::import_already_exists(&thumbprint.to_string()),
        ),
        ImportCertificateError::NoMatchingRequest { thumbprint } => record(
            "ImportCertificateNoMatchingRequest",
            text::import_no_matching_request(&thumbprint.to_string()),
        ),
        ImportCertificateError::FriendlyNameTooLong => record(
            "FriendlyNameTooLong",
            text::FRIENDLY_NAME_TOO_LONG.to_owned(),
        ),
        ImportCertificateError::UntrustedRoot => record(
            "ImportCertificateUntrustedRoot",
            text::IMPORT_UNTRUSTED_ROOT.to_owned(),
        ),
        ImportCertificateError::ReadFile { reason, .. } => record(
            "ImportCertificateFileInvalid",
            text::import_file_invalid(reason),
        ),
        ImportCertificateError::Store(inner) => store(inner),
        other => record("ImportCertificateDataInvalid", other.to_string()),
    };
    record.with_span(span)
}

/// Enable-ExchangeCertificate (and the services of New-ExchangeCertificate).
pub fn enable_certificate(error: &EnableCertificateError, span: Span) -> ErrorRecord {
    let record = match error {
        EnableCertificateError::NotFound { thumbprint } => {
            return not_found(&thumbprint.to_string(), span);
        }
        EnableCertificateError::NotValidForExchange { thumbprint, reason } => record(
            "CertificateNotValidForExchange",
            text::certificate_not_valid_for_exchange(&thumbprint.to_string(), &reason.to_string()),
        ),
        EnableCertificateError::ServiceNotInstalled => record(
            "EnableCertificateServiceNotInstalled",
            text::SERVICE_NOT_INSTALLED.to_owned(),
        ),
        EnableCertificateError::Store(inner) => store(inner),
        other => record("ConfirmationRequired", other.to_string()),
    };
    record.with_span(span)
}

/// Export-ExchangeCertificate.
pub fn export_certificate(error: &ExportCertificateError, span: Span) -> ErrorRecord {
    let record = match error {
        ExportCertificateError::NotFound { thumbprint } => {
            return not_found(&thumbprint.to_string(), span);
        }
        ExportCertificateError::WithoutKey => record(
            "ExportCertificateAs12WithoutKey",
            text::EXPORT_WITHOUT_KEY.to_owned(),
        ),
        ExportCertificateError::KeyNotExportable => record(
            "ExportCertificateAs12KeyNotExportable",
            text::EXPORT_KEY_NOT_EXPORTABLE.to_owned(),
        ),
        ExportCertificateError::PasswordRequired => record(
            "ExportWithPrivateKeyRequiresPassword",
            text::EXPORT_REQUIRES_PASSWORD.to_owned(),
        ),
        ExportCertificateError::MissingPkcs10 => record(
            "CertificateDoesNotHavePKCS10",
            text::MISSING_PKCS10.to_owned(),
        ),
        ExportCertificateError::WriteFile { reason, .. } => record(
            "ExportCertificateFileInvalid",
            text::export_file_invalid(reason),
        ),
        ExportCertificateError::Store(inner) => store(inner),
        other => record(
            "ExportCertificateFileInvalid",
            text::export_file_invalid(&other.to_string()),
        ),
    };
    record.with_span(span)
}

/// Remove-ExchangeCertificate.
pub fn remove_certificate(error: &RemoveCertificateError, span: Span) -> ErrorRecord {
    match error {
        RemoveCertificateError::NotFound { thumbprint } => not_found(&thumbprint.to_string(), span),
        other => store(other).with_span(span),
    }
}

/// Settings, connectors and the server object.
pub fn configure(error: &ConfigureServerError, span: Span) -> ErrorRecord {
    let record = match error {
        ConfigureServerError::InvalidCertificateName { name } => record(
            "InvalidCertificateName",
            text::invalid_certificate_name(name),
        ),
        ConfigureServerError::InvalidFqdn { name } => {
            record("InvalidFqdn", text::invalid_fqdn(name))
        }
        ConfigureServerError::ConnectorNotFound { identity } => record(
            "ManagementObjectNotFound",
            text::connector_not_found(identity),
        ),
        ConfigureServerError::ConnectorExists { name } => {
            record("ConnectorExists", text::connector_exists(name))
        }
        ConfigureServerError::InvalidProxy { url } => {
            record("InvalidProxy", text::invalid_proxy(url))
        }
        ConfigureServerError::Store(inner) => store(inner),
        other => store(other),
    };
    record.with_span(span)
}
