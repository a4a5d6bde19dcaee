//! Error types, one enum per operation family (verb-object-error).

use std::path::PathBuf;

use cert_model::Thumbprint;
use thiserror::Error;

use cert_store::StoreError;

/// Why New-ExchangeCertificate failed.
#[derive(Debug, Error, PartialEq, Eq)]
#[non_exhaustive]
pub enum NewCertificateError {
    /// `-KeySize` is not 1024, 2048 or 4096 (spec §4 `InvalidKeySize`).
    #[error("{bits} is not a valid key size; valid key sizes are 4096, 2048, and 1024")]
    InvalidKeySize {
        /// The rejected size.
        bits: u32,
    },
    /// `-FriendlyName` has 64 characters or more (spec §4 `FriendlyNameTooLong`).
    #[error("the friendly name is too long; the maximum allowed length is 63 characters")]
    FriendlyNameTooLong,
    /// A `-DomainName` value is not a DNS name (spec §4 `DomainNameIsNotValidForCertificate`).
    #[error("domain name {name} is not valid for a certificate")]
    InvalidDomainName {
        /// The rejected name.
        name: String,
    },
    /// Neither the subject CN nor `-DomainName` gives an FQDN (spec §4 `SubjectCnNotValidFQDN`).
    #[error(
        "you must specify at least one valid fully qualified domain name (FQDN) for either the subject or the domain name parameter"
    )]
    SubjectCnNotValidFqdn,
    /// `-SubjectName` holds an attribute type a certificate subject may not carry here.
    #[error("the subject name cannot be used: {reason}")]
    UnsupportedSubjectAttribute {
        /// Why.
        reason: String,
    },
    /// `-Services` together with `-GenerateRequest` (spec §3.1: parameter sets).
    #[error("parameter set cannot be resolved using the specified named parameters")]
    ConflictingParameterSets,
    /// `-BinaryEncoded` or `-Path` without `-GenerateRequest` (spec §4
    /// `CertificateRequestMissingForArgument`).
    #[error("the -{argument} argument is only valid together with -GenerateRequest")]
    RequestArgumentWithoutRequest {
        /// `BinaryEncoded` or `Path`.
        argument: &'static str,
    },
    /// The `-Instance` certificate is not on this server.
    #[error("the certificate with thumbprint {thumbprint} was not found")]
    SourceNotFound {
        /// The clone source's thumbprint.
        thumbprint: Thumbprint,
    },
    /// The request file exists and `-Force` was not given, or writing it failed (spec §4
    /// `RequestCertificateFileInvalid`).
    #[error("the request data cannot be written to the file for the following reason: {reason}")]
    RequestFile {
        /// The file.
        path: PathBuf,
        /// Why.
        reason: String,
    },
    /// Key generation, signing or encoding failed.
    #[error("the certificate could not be generated: {reason}")]
    Generation {
        /// The generator's message.
        reason: String,
    },
    /// Applying the services failed.
    #[error(transparent)]
    Enable(#[from] EnableCertificateError),
    /// The store failed; the operation changed nothing.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Why Get-ExchangeCertificate failed.
#[derive(Debug, Error, PartialEq, Eq)]
#[non_exhaustive]
pub enum GetCertificateError {
    /// No certificate or request with this thumbprint (spec §4 `CertificateNotFound`).
    #[error("the certificate with thumbprint {thumbprint} was not found")]
    NotFound {
        /// The thumbprint asked for.
        thumbprint: Thumbprint,
    },
    /// The store failed; the operation changed nothing.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Why Import-ExchangeCertificate failed.
#[derive(Debug, Error, PartialEq, Eq)]
#[non_exhaustive]
pub enum ImportCertificateError {
    /// The data is text that is not valid Base64 (spec §4 `ImportCertificateBase64DataInvalid`).
    #[error("the source data is corrupted or not properly base64 encoded")]
    Base64DataInvalid,
    /// The data is no certificate, PKCS #7 or PKCS #12, or the password is wrong (spec §4
    /// `ImportCertificateDataInvalid`).
    #[error("the source data cannot be imported or the wrong password was specified")]
    DataInvalid,
    /// The certificate is already installed (spec §4 `ImportCertificateAlreadyExists`).
    #[error(
        "cannot import certificate; a certificate with the thumbprint {thumbprint} already exists"
    )]
    AlreadyExists {
        /// The existing certificate.
        thumbprint: Thumbprint,
    },
    /// A bare certificate that answers no pending request of this server (design.md §8.7).
    #[error(
        "cannot import the certificate with thumbprint {thumbprint}: no pending certificate request on this computer matches it, so its private key is not here; import it on the computer that generated the request"
    )]
    NoMatchingRequest {
        /// The certificate's thumbprint.
        thumbprint: Thumbprint,
    },
    /// `-FriendlyName` has 64 characters or more.
    #[error("the friendly name is too long; the maximum allowed length is 63 characters")]
    FriendlyNameTooLong,
    /// The certificate chain ends in a root this server does not trust (spec §4
    /// `ImportCertificateUntrustedRoot`).
    #[error(
        "the certificate chain terminated in a root certification authority which is not trusted by the trust provider; the root certificate must be installed in the computer's trusted root certification authorities store before this certificate can be imported"
    )]
    UntrustedRoot,
    /// The file could not be read.
    #[error("the file {path} cannot be read: {reason}")]
    ReadFile {
        /// The file.
        path: PathBuf,
        /// Why.
        reason: String,
    },
    /// The store failed; the operation changed nothing.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Why a certificate is not usable by Exchange (spec §3.4 pre-check 3 reasons).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnusableReason {
    /// The certificate has no private key.
    PrivateKeyMissing,
    /// The key is not RSA.
    KeyAlgorithmUnsupported,
    /// The EKU extension lacks Server Authentication.
    PkixKpServerAuthNotFoundInEnhancedKeyUsage,
    /// The key is shorter than 1024 bits.
    PublicKeyUnsupportedSize,
}

impl std::fmt::Display for UnusableReason {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            UnusableReason::PrivateKeyMissing => "PrivateKeyMissing",
            UnusableReason::KeyAlgorithmUnsupported => "KeyAlgorithmUnsupported",
            UnusableReason::PkixKpServerAuthNotFoundInEnhancedKeyUsage => {
                "PkixKpServerAuthNotFoundInEnhancedKeyUsage"
            }
            UnusableReason::PublicKeyUnsupportedSize => "PublicKeyUnsupportedSize",
        })
    }
}

/// Why Enable-ExchangeCertificate failed.
#[derive(Debug, Error, PartialEq, Eq)]
#[non_exhaustive]
pub enum EnableCertificateError {
    /// No personal-store certificate has this thumbprint (spec §3.4 pre-check 2).
    #[error("the certificate with thumbprint {thumbprint} was not found")]
    NotFound {
        /// The thumbprint asked for.
        thumbprint: Thumbprint,
    },
    /// The certificate cannot be used by Exchange (spec §4 `CertificateNotValidForExchange`).
    #[error(
        "the certificate with thumbprint {thumbprint} was found but is not valid for use with exchange server (reason: {reason})"
    )]
    NotValidForExchange {
        /// The certificate.
        thumbprint: Thumbprint,
        /// Why.
        reason: UnusableReason,
    },
    /// A requested service's role is not installed (spec §4 `EnableCertificateServiceNotInstalled`).
    #[error(
        "one of the services you've selected (IMAP4, POP3, SMTP, IIS, UM) isn't installed on this server"
    )]
    ServiceNotInstalled,
    /// The "replace the default SMTP certificate?" question could not be asked (spec §3.4.1;
    /// design.md §8.3).
    #[error(
        "the question to overwrite the existing default SMTP certificate could not be asked; use -Force to answer it"
    )]
    QuestionUnanswered,
    /// The store failed; the operation changed nothing.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Why Export-ExchangeCertificate failed.
#[derive(Debug, Error, PartialEq, Eq)]
#[non_exhaustive]
pub enum ExportCertificateError {
    /// No certificate or request with this thumbprint.
    #[error("the certificate with thumbprint {thumbprint} was not found")]
    NotFound {
        /// The thumbprint asked for.
        thumbprint: Thumbprint,
    },
    /// The certificate has no private key (spec §4 `ExportCertificateAs12WithoutKey`).
    #[error(
        "the certificate does not have a private key; certificates without a private key cannot be exported as PKCS-12"
    )]
    WithoutKey,
    /// The key is not exportable (spec §4 `ExportCertificateAs12KeyNotExportable`).
    #[error(
        "the private key couldn't be exported as PKCS-12; it either couldn't be accessed or isn't exportable"
    )]
    KeyNotExportable,
    /// No password was given for a PKCS #12 export (spec §4 `ExportWithPrivateKeyRequiresPassword`).
    #[error(
        "exporting a certificate with its private key requires that a password be specified to protect the private key"
    )]
    PasswordRequired,
    /// The request has no archived PKCS #10 data (spec §4 `CertificateDoesNotHavePKCS10`).
    #[error("the certificate request is missing an archived copy of the PKCS10 request data")]
    MissingPkcs10,
    /// Writing the PKCS #12 file failed.
    #[error("the certificate could not be exported: {reason}")]
    Encoding {
        /// The writer's message.
        reason: String,
    },
    /// The file could not be written (spec §4 `ExportCertificateFileInvalid`).
    #[error("the exported data cannot be written to the file for the following reason: {reason}")]
    WriteFile {
        /// The file.
        path: PathBuf,
        /// Why.
        reason: String,
    },
    /// The store failed; the operation changed nothing.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Why Remove-ExchangeCertificate failed.
#[derive(Debug, Error, PartialEq, Eq)]
#[non_exhaustive]
pub enum RemoveCertificateError {
    /// No certificate or request with this thumbprint.
    #[error("the certificate with thumbprint {thumbprint} was not found")]
    NotFound {
        /// The thumbprint asked for.
        thumbprint: Thumbprint,
    },
    /// The store failed; the operation changed nothing.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Why a POP3/IMAP4 settings, connector or server operation failed.
#[derive(Debug, Error, PartialEq, Eq)]
#[non_exhaustive]
pub enum ConfigureServerError {
    /// `X509CertificateName` is not a DNS host name (spec §4 `InvalidCertificateName`).
    #[error(
        "the certificate with the subject '{name}' can't be used for SSL or TLS connections because the subject isn't a valid fully qualified domain name (FQDN)"
    )]
    InvalidCertificateName {
        /// The rejected value.
        name: String,
    },
    /// A connector FQDN is not a DNS host name.
    #[error("'{name}' is not a valid fully qualified domain name")]
    InvalidFqdn {
        /// The rejected value.
        name: String,
    },
    /// No connector with this identity.
    #[error("the connector '{identity}' was not found")]
    ConnectorNotFound {
        /// The identity asked for.
        identity: String,
    },
    /// A connector with this name exists already.
    #[error("a connector named '{name}' already exists")]
    ConnectorExists {
        /// The name.
        name: String,
    },
    /// A proxy URL is not `http://host:port`.
    #[error("'{url}' is not a valid web proxy URL; use http://host:port")]
    InvalidProxy {
        /// The rejected value.
        url: String,
    },
    /// The store failed; the operation changed nothing.
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Why the server could not be opened or set up.
#[derive(Debug, Error, PartialEq, Eq)]
#[non_exhaustive]
pub enum OpenServerError {
    /// The store could not be opened or read.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The server FQDN given for setup is not a DNS name.
    #[error("'{fqdn}' is not a valid server name; set CERTSH_SERVER to the server's FQDN")]
    InvalidServerName {
        /// The rejected name.
        fqdn: String,
    },
    /// The store has no server and no name was given to set one up.
    #[error("the store has no local server and no server name was given for setup")]
    NoServer,
    /// The default certificate could not be made.
    #[error("setup could not create the default certificate: {0}")]
    Setup(#[source] NewCertificateError),
}
