//! The answer of a validation (spec §1.3, §1.4).

use cert_model::{RootCaType, Status, Thumbprint};

/// The outcome of validating a certificate at an instant. A failed check is an answer here,
/// not an error: `status` says what failed and `reason` says why.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Validation {
    /// The Exchange status (spec §1.3).
    pub status: Status,
    /// How the chain's root is trusted (spec §1.4): the anchor's type when the chain reached
    /// one, `None` for a self-signed certificate accepted by the self-signed rule, `Unknown`
    /// for every failure.
    pub root_ca_type: RootCaType,
    /// Why: a lowercase sentence naming the rule and the certificate involved.
    pub reason: String,
    /// The chain that was judged, leaf first, anchor last (empty when none was built).
    pub chain: Vec<Thumbprint>,
}

impl Validation {
    /// Whether `status` is `Valid`.
    pub fn is_valid(&self) -> bool {
        self.status == Status::Valid
    }

    pub(crate) fn failure(status: Status, reason: String, chain: Vec<Thumbprint>) -> Validation {
        Validation {
            status,
            root_ca_type: RootCaType::Unknown,
            reason,
            chain,
        }
    }
}
