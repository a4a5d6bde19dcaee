//! Turning stored entries into [`ExchangeCertificate`]s: Services derived (spec §1.7), Status
//! and RootCAType from chain validation at `now` (spec §1.3, §1.4).

use cert_model::{RootCaType, Status};
use cert_validation::{TrustAnchor, Validator};
use time::OffsetDateTime;

use crate::certificate_view::ExchangeCertificate;
use crate::model::{PersonalEntry, RequestEntry, ServerState};
use crate::request_file::request_base64;
use crate::services::{ServiceFacts, ServiceState, derive_services};

/// Validates certificates of one server state (one validator, so verified signatures are
/// cached across a listing).
pub(crate) struct Evaluator<'a> {
    state: &'a ServerState,
    validator: Validator,
    with_crls: Validator,
}

impl<'a> Evaluator<'a> {
    pub(crate) fn new(state: &'a ServerState) -> Evaluator<'a> {
        let anchors = || {
            state
                .roots
                .iter()
                .map(|root| TrustAnchor::new(root.certificate.clone(), root.category))
                .collect::<Vec<_>>()
        };
        let validator = Validator::new(anchors()).with_intermediates(state.intermediates.clone());
        let with_crls = Validator::new(anchors())
            .with_intermediates(state.intermediates.clone())
            .with_crls(state.crls.clone());
        Evaluator {
            state,
            validator,
            with_crls,
        }
    }

    /// Status and RootCAType of a personal certificate. Revocation is checked against the
    /// stored CRLs (imported into `Cert:\\LocalMachine\\CA`, or cached) whenever any is stored.
    /// A certificate that names a CRL distribution point whose CRL is not in the store has an
    /// unknown revocation status (spec B-37, B-55): this product does not download CRLs yet
    /// (design.md §6a), so such a chain is `Unknown` rather than `Valid`.
    fn evaluate(&self, entry: &PersonalEntry, now: OffsetDateTime) -> (Status, RootCaType) {
        let certificate = &entry.certificate;
        let validator = if self.state.crls.is_empty() {
            &self.validator
        } else {
            &self.with_crls
        };
        let answer = validator.validate(certificate, now);
        let names_distribution_point = !certificate
            .extensions()
            .crl_distribution_points()
            .is_empty();
        let crl_in_store = self.state.crls.iter().any(|crl| {
            crl.issuer_der() == certificate.issuer_der()
                || crl.issuer().matches(certificate.issuer())
        });
        if answer.status == Status::Valid && names_distribution_point && !crl_in_store {
            return (Status::Unknown, answer.root_ca_type);
        }
        (answer.status, answer.root_ca_type)
    }

    fn service_state(&self) -> ServiceState<'_> {
        let config = &self.state.config;
        ServiceState {
            roles: &config.roles,
            pop_certificate_name: self.state.pop.x509_certificate_name.as_deref(),
            imap_certificate_name: self.state.imap.x509_certificate_name.as_deref(),
            iis_thumbprint: config.iis_certificate,
            um_thumbprint: config.um_certificate,
        }
    }

    /// The personal certificate as an `ExchangeCertificate`.
    pub(crate) fn personal(
        &self,
        entry: &PersonalEntry,
        now: OffsetDateTime,
    ) -> ExchangeCertificate {
        let certificate = &entry.certificate;
        let domains = certificate.certificate_domains();
        let (status, root_ca_type) = self.evaluate(entry, now);
        let is_self_signed = certificate.is_self_signed();
        let services = derive_services(
            &ServiceFacts {
                thumbprint: certificate.thumbprint(),
                domains: &domains,
                network_service_access: entry.network_service_access,
                recorded: entry.services,
            },
            &self.service_state(),
        );
        ExchangeCertificate {
            certificate: certificate.clone(),
            access_rules: entry.access_rules(),
            certificate_domains: domains,
            has_private_key: entry.key.is_some(),
            is_self_signed,
            root_ca_type,
            services,
            status,
            friendly_name: entry.friendly_name.clone(),
            private_key_exportable: entry.key.is_some() && entry.exportable,
            certificate_request: None,
        }
    }

    /// A pending request as an `ExchangeCertificate`: Status `PendingRequest` (design.md §8.6),
    /// IsSelfSigned False and RootCAType Unknown (spec §1.3), Services None (B-21: a request is
    /// used by no service).
    pub(crate) fn request(&self, entry: &RequestEntry) -> ExchangeCertificate {
        ExchangeCertificate {
            certificate: entry.placeholder.clone(),
            access_rules: Vec::new(),
            certificate_domains: entry.placeholder.certificate_domains(),
            has_private_key: true,
            is_self_signed: false,
            root_ca_type: RootCaType::Unknown,
            services: cert_model::Services::NONE,
            status: Status::PendingRequest,
            friendly_name: entry.friendly_name.clone(),
            private_key_exportable: entry.exportable,
            certificate_request: Some(request_base64(&entry.request_der)),
        }
    }
}
