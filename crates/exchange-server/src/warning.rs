//! Warnings operations report while succeeding (PowerShell `WARNING:` lines).

use cert_model::Thumbprint;
use time::OffsetDateTime;

use crate::model::Protocol;

/// Something the administrator should know; the operation still succeeded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OperationWarning {
    /// `-IncludeAutoDiscover` on a server without the Client Access role (spec §4
    /// `IncludeAutoDiscoverOnlyApplicableToCAS`).
    AutoDiscoverOnlyOnClientAccess,
    /// POP/IMAP enablement could not set `X509CertificateName` because the certificate's name
    /// is not a host name (spec §4 `WarnInvalidCertificateForProtocol`).
    InvalidCertificateForProtocol {
        /// The certificate.
        thumbprint: Thumbprint,
        /// Its subject, as rendered.
        subject: String,
        /// POP3 or IMAP4.
        protocol: Protocol,
    },
    /// UM was enabled for a certificate whose CertificateDomains lack the server's physical
    /// FQDN: UM will not use it (seed §Unified Messaging; spec §3.4 UM recommends a warning).
    UmCertificateLacksServerFqdn {
        /// The certificate.
        thumbprint: Thumbprint,
        /// The server FQDN.
        fqdn: String,
    },
}

/// The "replace the default SMTP certificate?" question (spec §3.4.1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReplaceSmtpCertificate {
    /// The current internal transport certificate.
    pub current: Thumbprint,
    /// Its NotAfter.
    pub current_expires: OffsetDateTime,
    /// The certificate that would replace it.
    pub replacement: Thumbprint,
    /// Its NotAfter.
    pub replacement_expires: OffsetDateTime,
}
