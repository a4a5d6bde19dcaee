//! Turning stored entries into [`ExchangeCertificate`]s: Services derived (spec §1.7), Status
//! and RootCAType from chain validation at `now` (spec §1.3, §1.4).

use cert_model::{RootCaType, Status};
use cert_validation::{TrustAnchor, Validator};
use time::OffsetDateTime;

use crate::certificate_view::ExchangeCertificate;
use crate::crl_fetch::{FetchedCrl, FetchingCrlSource, revocation_applies, revocation_validator};
use crate::model::{PersonalEntry, RequestEntry, ServerState};
use crate::request_file::request_base64;
use crate::services::{ServiceFacts, ServiceState, derive_services};

/// Validates certificates of one server state (one validator, so verified signatures are
/// cached across a listing).
pub(crate) struct Evaluator<'a> {
    state: &'a ServerState,
    validator: Validator,
    /// Revocation checking, built at the first `now` that needs it (it may fetch CRLs).
    with_crls: std::sync::OnceLock<(Validator, FetchingCrlSource)>,
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
        Evaluator {
            state,
            validator,
            with_crls: std::sync::OnceLock::new(),
        }
    }

    /// Status and RootCAType of a personal certificate. Revocation is checked when a member of
    /// its chain names a CRL distribution point or a stored CRL (imported into
    /// `Cert:\\LocalMachine\\CA`, or cached) comes from a member's issuer: stored CRLs current
    /// at `now` first, else fetched over HTTP (design.md §6a, `crl_fetch`); no usable CRL is
    /// `Unknown` (spec B-37, B-55).
    fn evaluate(&self, entry: &PersonalEntry, now: OffsetDateTime) -> (Status, RootCaType) {
        let certificate = &entry.certificate;
        let answer = self.validator.validate(certificate, now);
        if answer.status != Status::Valid
            || !revocation_applies(self.state, certificate, &answer.chain)
        {
            return (answer.status, answer.root_ca_type);
        }
        let with_crls = &self
            .with_crls
            .get_or_init(|| revocation_validator(self.state, now))
            .0;
        let answer = with_crls.validate(certificate, now);
        (answer.status, answer.root_ca_type)
    }

    /// The CRLs fetched while evaluating, for the store's CRL cache.
    pub(crate) fn fetched_crls(&self) -> Vec<FetchedCrl> {
        self.with_crls
            .get()
            .map(|(_, source)| source.fetched())
            .unwrap_or_default()
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
