//! One certificate of the personal store as selection sees it: the certificate, its
//! validation result, and the state of its private key (spec B-82, B-39).

use std::sync::Arc;

use cert_model::{Certificate, RootCaType, Status, Thumbprint};
use cert_validation::Validation;

use crate::domain::normalise_domain;

/// Where the private key of a certificate stands (seed §Certificate Selection, SMTP
/// STARTTLS: "present and available", "not stored in a removable device", "not protected
/// with a password"; spec B-82).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum PrivateKeyState {
    /// No private key (`HasPrivateKey False`).
    Absent,
    /// A private key that the services can use.
    Usable,
    /// The key lives on a removable device.
    Removable,
    /// The key is protected with a password.
    PasswordProtected,
}

/// A certificate of the personal store with everything selection needs, prepared once so a
/// decision does no parsing, hashing or signature checks.
#[derive(Clone, Debug)]
pub struct Candidate {
    certificate: Arc<Certificate>,
    thumbprint: Thumbprint,
    domains: Vec<String>,
    self_signed: bool,
    status: Status,
    root_ca_type: RootCaType,
    private_key: PrivateKeyState,
}

impl Candidate {
    /// Prepares `certificate` with its `validation` (from `cert-validation`, computed by the
    /// caller at the instant of its choosing) and the state of its private key. Checks the
    /// self-signature once, here.
    pub fn new(
        certificate: Arc<Certificate>,
        validation: &Validation,
        private_key: PrivateKeyState,
    ) -> Candidate {
        Candidate::with_status(
            certificate,
            validation.status,
            validation.root_ca_type,
            private_key,
        )
    }

    /// As [`Candidate::new`], from a `Status` and `RootCAType` already known (for example
    /// read back from a cache).
    pub fn with_status(
        certificate: Arc<Certificate>,
        status: Status,
        root_ca_type: RootCaType,
        private_key: PrivateKeyState,
    ) -> Candidate {
        let domains = certificate
            .certificate_domains()
            .iter()
            .map(|domain| normalise_domain(domain))
            .collect();
        Candidate {
            thumbprint: certificate.thumbprint(),
            self_signed: certificate.is_self_signed(),
            certificate,
            domains,
            status,
            root_ca_type,
            private_key,
        }
    }

    /// The certificate.
    pub fn certificate(&self) -> &Certificate {
        &self.certificate
    }

    /// The shared certificate.
    pub fn certificate_arc(&self) -> &Arc<Certificate> {
        &self.certificate
    }

    /// Its thumbprint.
    pub fn thumbprint(&self) -> Thumbprint {
        self.thumbprint
    }

    /// CertificateDomains, lower-cased.
    pub fn domains(&self) -> &[String] {
        &self.domains
    }

    /// `IsSelfSigned`: the issuer is the subject and the self-signature verifies.
    pub fn is_self_signed(&self) -> bool {
        self.self_signed
    }

    /// `Status` from the validation.
    pub fn status(&self) -> Status {
        self.status
    }

    /// `RootCAType` from the validation.
    pub fn root_ca_type(&self) -> RootCaType {
        self.root_ca_type
    }

    /// The private key state.
    pub fn private_key(&self) -> PrivateKeyState {
        self.private_key
    }

    /// Whether the certificate counts as issued by a trusted CA: its chain reached a trusted
    /// root. A self-signed certificate that an administrator copied into a root store reports
    /// that store's category and therefore counts as CA-issued (spec §1.4, the anomaly the
    /// seed warns about in §RootCAType).
    pub fn is_ca_issued(&self) -> bool {
        self.status == Status::Valid && self.root_ca_type != RootCaType::None
    }
}
