//! `ExchangeCertificate`: what the certificate cmdlets emit (spec §1.2).

use cert_model::{Certificate, RootCaType, Services, Status, Thumbprint};

use crate::model::AccessRule;

/// A certificate (or pending request) as Exchange presents it, with the properties that are
/// computed when read: Services (spec §1.7), Status and RootCAType at the caller's `now`
/// (spec §1.3, §1.4).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExchangeCertificate {
    /// The certificate (for a pending request: the placeholder that represents it).
    pub certificate: Certificate,
    /// `AccessRules` of the private key.
    pub access_rules: Vec<AccessRule>,
    /// `CertificateDomains`: subject CN first, then SAN names (spec §1.2).
    pub certificate_domains: Vec<String>,
    /// `HasPrivateKey`.
    pub has_private_key: bool,
    /// `IsSelfSigned` (`False` for pending requests).
    pub is_self_signed: bool,
    /// `RootCAType`.
    pub root_ca_type: RootCaType,
    /// `Services`.
    pub services: Services,
    /// `Status`.
    pub status: Status,
    /// `FriendlyName`.
    pub friendly_name: String,
    /// `PrivateKeyExportable`.
    pub private_key_exportable: bool,
    /// `CertificateRequest`: the Base64 PKCS #10 text, only for pending requests (spec B-21).
    pub certificate_request: Option<String>,
}

impl ExchangeCertificate {
    /// `Thumbprint`.
    pub fn thumbprint(&self) -> Thumbprint {
        self.certificate.thumbprint()
    }

    /// Whether this object is a pending request.
    pub fn is_pending_request(&self) -> bool {
        self.certificate_request.is_some()
    }
}
