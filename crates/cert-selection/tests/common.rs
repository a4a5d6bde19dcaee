//! Fixtures: certificates made in code from the fixed keys of `cert-testkit`, validated by
//! `cert-validation` against the test PKI, with dates relative to `fixed_now`.

use std::cell::RefCell;
use std::sync::Arc;

use cert_generation::{CertificateParams, ExtendedKeyUsage, PrivateKey, SubjectName};
use cert_model::{Certificate, RootCaType};
use cert_selection::{Candidate, PrivateKeyState, SelectionContext};
use cert_testkit::{SeededRandom, TestCa, fixed_now, key_2048};
use cert_validation::{TrustAnchor, Validator};
use time::{Duration, OffsetDateTime};

pub fn now() -> OffsetDateTime {
    fixed_now()
}

pub fn days(n: i64) -> OffsetDateTime {
    fixed_now() + Duration::days(n)
}

/// What goes into one test certificate.
pub struct Spec {
    pub domains: Vec<String>,
    pub not_before: OffsetDateTime,
    pub not_after: OffsetDateTime,
    pub eku: Vec<ExtendedKeyUsage>,
    pub key: PrivateKey,
}

/// A certificate valid from `from` to `to` days around now, CN = first domain, SAN = all.
pub fn spec(domains: &[&str], from: i64, to: i64) -> Spec {
    Spec {
        domains: domains.iter().map(|d| d.to_string()).collect(),
        not_before: days(from),
        not_after: days(to),
        eku: vec![ExtendedKeyUsage::ServerAuth],
        key: key_2048(1),
    }
}

impl Spec {
    pub fn eku(mut self, eku: Vec<ExtendedKeyUsage>) -> Spec {
        self.eku = eku;
        self
    }

    pub fn key(mut self, key: PrivateKey) -> Spec {
        self.key = key;
        self
    }

    fn params(&self) -> CertificateParams {
        let mut params = CertificateParams::server(
            SubjectName::common_name(self.domains.first().map_or("EXCH01", String::as_str)),
            self.domains.clone(),
            self.not_before,
        );
        params.not_after = self.not_after;
        params.extended_key_usage = self.eku.clone();
        params
    }
}

/// The test PKI (root trusted as `Registry`), a validator over it and a serial source.
pub struct Pki {
    pub ca: RefCell<TestCa>,
    random: RefCell<SeededRandom>,
    pub validator: Validator,
}

impl Pki {
    pub fn new() -> Pki {
        let ca = TestCa::new();
        let root = Certificate::from_der(ca.root_der()).expect("test root parses");
        let intermediate =
            Certificate::from_der(ca.intermediate_der()).expect("test intermediate parses");
        let validator = Validator::new(vec![TrustAnchor::new(root, RootCaType::Registry)])
            .with_intermediates(vec![intermediate]);
        Pki {
            ca: RefCell::new(ca),
            random: RefCell::new(SeededRandom::new(42)),
            validator,
        }
    }

    /// A certificate issued by the test intermediate.
    pub fn ca_issued(&self, spec: Spec) -> Arc<Certificate> {
        let der = self.ca.borrow_mut().issue(&spec.params(), &spec.key);
        Arc::new(Certificate::from_der(&der).expect("issued certificate parses"))
    }

    /// A self-signed certificate.
    pub fn self_signed(&self, spec: Spec) -> Arc<Certificate> {
        let der =
            cert_generation::self_signed(&spec.params(), &spec.key, &mut *self.random.borrow_mut())
                .expect("self-signed parameters are valid");
        Arc::new(Certificate::from_der(&der).expect("self-signed certificate parses"))
    }

    /// `certificate` validated at now, with a usable private key.
    pub fn candidate(&self, certificate: &Arc<Certificate>) -> Candidate {
        self.candidate_with_key(certificate, PrivateKeyState::Usable)
    }

    pub fn candidate_with_key(
        &self,
        certificate: &Arc<Certificate>,
        key: PrivateKeyState,
    ) -> Candidate {
        let validation = self.validator.validate(certificate, now());
        Candidate::new(Arc::clone(certificate), &validation, key)
    }
}

/// A server `EXCH01.contoso.com` with Hub Transport, Client Access, Mailbox and UM.
pub fn context() -> SelectionContext {
    use cert_selection::Roles;
    SelectionContext {
        physical_fqdn: "EXCH01.contoso.com".into(),
        roles: Roles::HUB_TRANSPORT
            .union(Roles::CLIENT_ACCESS)
            .union(Roles::MAILBOX)
            .union(Roles::UNIFIED_MESSAGING),
        ..SelectionContext::default()
    }
}

/// The decision as text: outcome, then one line per examined certificate (by name), then
/// the events.
pub fn render(decision: &cert_selection::Decision, names: &[(&str, &Candidate)]) -> String {
    use cert_selection::{Outcome, Verdict};
    let name_of = |thumbprint: cert_model::Thumbprint| {
        names
            .iter()
            .find(|(_, candidate)| candidate.thumbprint() == thumbprint)
            .map_or_else(|| thumbprint.to_string(), |(name, _)| name.to_string())
    };
    let mut out = String::new();
    let outcome = match decision.outcome {
        Outcome::Selected(thumbprint) => format!("Selected({})", name_of(thumbprint)),
        other => format!("{other:?}"),
    };
    out.push_str(&format!("fqdn: {:?}\noutcome: {outcome}\n", decision.fqdn));
    for (thumbprint, verdict) in &decision.candidates {
        let text = match verdict {
            Verdict::Winner => "winner".to_owned(),
            Verdict::Lost(reason) => {
                let mut text = reason.to_string();
                for (name, candidate) in names {
                    text = text.replace(&candidate.thumbprint().to_string(), name);
                }
                format!("lost: {text}")
            }
        };
        out.push_str(&format!("  {}: {text}\n", name_of(*thumbprint)));
    }
    for event in &decision.events {
        out.push_str(&format!(
            "event {} {} {:?}\n",
            event.source, event.id, event.entry_type
        ));
    }
    out
}
