//! The texts of spec §4 (Exchange 2013 resources; 2007 wording unconfirmed), once. Each
//! error is `(ErrorId, category, message)`; `{n}` placeholders are filled by the functions.

use shell_engine::ErrorCategory;

/// `CertificateNotFound`.
pub fn certificate_not_found(thumbprint: &str) -> String {
    format!("The certificate with thumbprint {thumbprint} was not found.")
}

/// `CertificateNotValidForExchange`.
pub fn certificate_not_valid_for_exchange(thumbprint: &str, reason: &str) -> String {
    format!(
        "The certificate with thumbprint {thumbprint} was found but is not valid for use with \
         Exchange Server (reason: {reason})."
    )
}

/// `InvalidKeySize`.
pub fn invalid_key_size(bits: u32) -> String {
    format!("{bits} is not a valid key size. Valid key sizes are 4096, 2048, and 1024.")
}

/// `FriendlyNameTooLong`.
pub const FRIENDLY_NAME_TOO_LONG: &str =
    "The friendly name is too long. The maximum allowed length is 63 characters.";

/// `DomainNameIsNotValidForCertificate`.
pub fn domain_name_not_valid(name: &str) -> String {
    format!("Domain name {name} is not valid for a certificate.")
}

/// `SubjectCnNotValidFQDN`.
pub const SUBJECT_CN_NOT_VALID_FQDN: &str = "You must specify at least one valid fully qualified \
     domain name (FQDN) for either the Subject or the DomainName parameter.";

/// A `-SubjectName` the certificate cannot carry (no Exchange text; ours).
pub fn invalid_subject_name(reason: &str) -> String {
    format!("The subject name cannot be used: {reason}.")
}

/// PowerShell's parameter-set error.
pub const AMBIGUOUS_PARAMETER_SET: &str =
    "Parameter set cannot be resolved using the specified named parameters.";

/// `CertificateRequestMissingForArgument` (sic, as Exchange words it).
pub fn request_argument_without_request(argument: &str, server: &str) -> String {
    format!(
        "The -{argument} argument is invalid when running the New-ExchangeCertificate cmdlet on \
         server {server} with the -GenerateRequest parameter."
    )
}

/// `RequestCertificateFileInvalid`.
pub fn request_file_invalid(reason: &str) -> String {
    format!("The request data cannot be written to the file for the following reason: {reason}")
}

/// Key generation or signing failed (no Exchange text; ours).
pub fn generation_failed(reason: &str) -> String {
    format!("The certificate could not be generated: {reason}.")
}

/// `IncludeAutoDiscoverOnlyApplicableToCAS` (warning).
pub const INCLUDE_AUTODISCOVER_ONLY_ON_CAS: &str = "You can only use the IncludeAutodiscover \
     parameter with the Client Access server role. The Autodiscover names weren't included on the \
     certificate.";

/// `ConfirmOverwriteInternalTransportCertificate` (the ShouldContinue question).
pub fn confirm_overwrite_smtp(
    current: &str,
    current_expires: &str,
    replacement: &str,
    replacement_expires: &str,
) -> String {
    format!(
        "Overwrite the existing default SMTP certificate?\n\nCurrent certificate: '{current}' \
         (expires {current_expires})\nReplace it with certificate: '{replacement}' (expires \
         {replacement_expires})"
    )
}

/// `EnableCertificateServiceNotInstalled`.
pub const SERVICE_NOT_INSTALLED: &str = "One of the services you've selected (IMAP4, POP3, SMTP, \
     IIS, UM) isn't installed on this server. Please check which services are installed on the \
     server and try again.";

/// `WarnInvalidCertificateForProtocol` (warning; sic).
pub fn invalid_certificate_for_protocol(thumbprint: &str, subject: &str, protocol: &str) -> String {
    format!(
        "This certificate with thumbprint {thumbprint} and subject '{subject}' cannot used for \
         {protocol} SSL/TLS connections because the subject is not a Fully Qualified Domain Name \
         (FQDN). Use command Set-{protocol}Settings to set X509CertificateName to the FQDN of the \
         service."
    )
}

/// UM enabled for a certificate without the server FQDN (warning; no Exchange text, spec §3.4
/// recommends one).
pub fn um_certificate_lacks_fqdn(thumbprint: &str, fqdn: &str) -> String {
    format!(
        "The certificate with thumbprint {thumbprint} was enabled for Unified Messaging, but its \
         CertificateDomains don't include the server's FQDN '{fqdn}', so Unified Messaging won't \
         use it."
    )
}

/// `ImportCertificateAlreadyExists`.
pub fn import_already_exists(thumbprint: &str) -> String {
    format!(
        "Cannot import certificate. A certificate with the thumbprint {thumbprint} already exists."
    )
}

/// `ImportCertificateBase64DataInvalid`.
pub const IMPORT_BASE64_INVALID: &str =
    "The source data is corrupted or not properly Base64 encoded.";

/// `ImportCertificateDataInvalid`.
pub const IMPORT_DATA_INVALID: &str =
    "The source data cannot be imported or the wrong password was specified.";

/// `ImportCertificateUntrustedRoot`.
pub const IMPORT_UNTRUSTED_ROOT: &str = "The certificate chain terminated in a root certification \
     authority which is not trusted by the trust provider. The root certificate must be installed \
     in the computer's Trusted Root Certification Authorities store before this certificate can \
     be imported.";

/// A certificate with no matching pending request (design.md §8.7; our text).
pub fn import_no_matching_request(thumbprint: &str) -> String {
    format!(
        "Cannot import the certificate with thumbprint {thumbprint}. No pending certificate \
         request on this computer matches it, so its private key isn't here. Import the \
         certificate on the computer that generated the request."
    )
}

/// The import file could not be read (our text).
pub fn import_file_invalid(reason: &str) -> String {
    format!("The source data cannot be read from the file for the following reason: {reason}")
}

/// `ExportCertificateAs12WithoutKey`.
pub const EXPORT_WITHOUT_KEY: &str = "The certificate does not have a private key. Certificates \
     without a private key cannot be exported as PKCS-12.";

/// `ExportCertificateAs12KeyNotExportable`.
pub const EXPORT_KEY_NOT_EXPORTABLE: &str = "The private key couldn't be exported as PKCS-12. It \
     either couldn't be accessed or isn't exportable.";

/// `ExportWithPrivateKeyRequiresPassword`.
pub const EXPORT_REQUIRES_PASSWORD: &str = "Exporting a certificate with its private key requires \
     that a password be specified to protect the private key.";

/// `CertificateDoesNotHavePKCS10`.
pub const MISSING_PKCS10: &str =
    "The certificate request is missing an archived copy of the PKCS10 request data.";

/// `ExportCertificateFileInvalid`.
pub fn export_file_invalid(reason: &str) -> String {
    format!("The exported data cannot be written to the file for the following reason: {reason}")
}

/// `InvalidCertificateName` (DirectoryStrings).
pub fn invalid_certificate_name(name: &str) -> String {
    format!(
        "The certificate with the subject '{name}' can't be used for SSL or TLS connections \
         because the subject isn't a valid fully qualified domain name (FQDN)."
    )
}

/// An invalid connector FQDN (our text).
pub fn invalid_fqdn(name: &str) -> String {
    format!("'{name}' is not a valid fully qualified domain name.")
}

/// A connector that does not exist (PowerShell's ManagementObjectNotFound wording).
pub fn connector_not_found(identity: &str) -> String {
    format!("The operation couldn't be performed because object '{identity}' couldn't be found.")
}

/// A connector name that is taken.
pub fn connector_exists(name: &str) -> String {
    format!("A connector with the name '{name}' already exists.")
}

/// An invalid `-InternetWebProxy`.
pub fn invalid_proxy(url: &str) -> String {
    format!("'{url}' is not a valid web proxy URL. Use the form http://host:port.")
}

/// The store failed (our text).
pub fn store_failed(reason: &str) -> String {
    format!("The certificate store failed: {reason}.")
}

/// The empty-thumbprint message of spec §1.8.
pub const EMPTY_THUMBPRINT: &str =
    "An empty or null string isn't valid for this property. Please specify a value.";

/// ShouldProcess message of New-ExchangeCertificate (spec §2.2), self-signed or request.
pub fn confirm_new(
    request: bool,
    friendly_name: &str,
    subject: &str,
    domains: &str,
    services: &str,
    key_size: u32,
) -> String {
    let what = if request {
        "Generate Certificate Request"
    } else {
        "Generate Certificate"
    };
    format!(
        "{what}:\tFriendlyName=\"{friendly_name}\",\tSubjectName=\"{subject}\",\tDomainName=\"{domains}\",\tServices=\"{services}\",\tKeySize=\"{key_size}\""
    )
}

/// ShouldProcess message of Enable-ExchangeCertificate.
pub fn confirm_enable(thumbprint: &str) -> String {
    format!("Enable certificate with thumbprint {thumbprint}?")
}

/// ShouldProcess message of Export-ExchangeCertificate.
pub fn confirm_export(thumbprint: &str) -> String {
    format!("Exporting the certificate with thumbprint {thumbprint}.")
}

/// ShouldProcess message of Import-ExchangeCertificate.
pub const CONFIRM_IMPORT: &str = "Importing a certificate from the data provided.";

/// ShouldProcess message of Remove-ExchangeCertificate.
pub fn confirm_remove(thumbprint: &str) -> String {
    format!(
        "Remove certificate with thumbprint {thumbprint} from the computer's certificate store?"
    )
}

/// The categories of spec §4, by ErrorId.
pub fn category(error_id: &str) -> ErrorCategory {
    match error_id {
        "CertificateNotFound"
        | "ImportCertificateNoMatchingRequest"
        | "CertificateDoesNotHavePKCS10"
        | "ManagementObjectNotFound" => ErrorCategory::ObjectNotFound,
        "ImportCertificateAlreadyExists" => ErrorCategory::WriteError,
        "ImportCertificateBase64DataInvalid"
        | "ImportCertificateDataInvalid"
        | "ImportCertificateUntrustedRoot"
        | "ImportCertificateFileInvalid" => ErrorCategory::ReadError,
        "RequestCertificateFileInvalid"
        | "ExportCertificateFileInvalid"
        | "CertificateGenerationFailed" => ErrorCategory::InvalidOperation,
        "StoreFailure" | "CertificateNotValidForExchange" => ErrorCategory::NotSpecified,
        "ConnectorExists" => ErrorCategory::ResourceExists,
        _ => ErrorCategory::InvalidArgument,
    }
}
