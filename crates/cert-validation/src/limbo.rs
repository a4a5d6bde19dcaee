//! The x509-limbo harness contract (design.md §7): run a limbo-format document and report a
//! verdict per test case. Used by `examples/limbo.rs` and `tests/limbo.rs`.

use cert_model::{Certificate, Crl, RootCaType, Status};
use serde::{Deserialize, Serialize};
use thiserror::Error;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use crate::names::{PeerName, matches_peer_name};
use crate::revocation::StaticCrls;
use crate::validator::{KeyIdentifierRule, Policy, SelfSignedRule, TrustAnchor, Validator};

/// A limbo document: `{"version": 1, "testcases": [...]}`.
#[derive(Debug, Deserialize)]
pub struct LimboDocument {
    /// The test cases.
    pub testcases: Vec<LimboCase>,
}

/// The fields of a limbo test case this harness reads (others are ignored).
#[derive(Debug, Deserialize)]
pub struct LimboCase {
    /// Unique case id.
    pub id: String,
    /// `SERVER` or `CLIENT`; only `SERVER` is run.
    pub validation_kind: String,
    /// PEM anchors.
    #[serde(default)]
    pub trusted_certs: Vec<String>,
    /// PEM pool.
    #[serde(default)]
    pub untrusted_intermediates: Vec<String>,
    /// PEM leaf.
    pub peer_certificate: String,
    /// PEM CRLs.
    #[serde(default)]
    pub crls: Vec<String>,
    /// RFC 3339 instant, `null` for now.
    pub validation_time: Option<String>,
    /// The expected peer name, if any.
    pub expected_peer_name: Option<LimboPeerName>,
    /// `SUCCESS` or `FAILURE`.
    pub expected_result: String,
}

/// `{"kind": "DNS" | "IP", "value": …}`.
#[derive(Debug, Deserialize)]
pub struct LimboPeerName {
    /// `DNS` or `IP`.
    pub kind: String,
    /// The name.
    pub value: String,
}

/// One harness result.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct LimboResult {
    /// The case id.
    pub id: String,
    /// `SUCCESS`, `FAILURE` or `SKIPPED`.
    pub actual_result: String,
    /// Why.
    pub context: Option<String>,
}

/// The harness output document.
#[derive(Debug, Serialize)]
pub struct LimboResults {
    /// Always 1.
    pub version: u32,
    /// `certsh`.
    pub harness: String,
    /// One entry per case.
    pub results: Vec<LimboResult>,
}

/// Why a limbo document could not be run.
#[derive(Debug, Error)]
pub enum RunLimboError {
    /// The input is not a limbo document.
    #[error("the input is not a limbo document: {reason}")]
    InvalidDocument {
        /// The JSON decoder's explanation.
        reason: String,
    },
}

fn verdict(id: &str, actual: &str, context: String) -> LimboResult {
    LimboResult {
        id: id.to_owned(),
        actual_result: actual.to_owned(),
        context: Some(context),
    }
}

/// Runs one case. `now` is used when the case has no validation time.
pub fn run_case(case: &LimboCase, now: OffsetDateTime) -> LimboResult {
    let failure = |context: String| verdict(&case.id, "FAILURE", context);
    if case.validation_kind != "SERVER" {
        return verdict(
            &case.id,
            "SKIPPED",
            format!("{} validation is not supported", case.validation_kind),
        );
    }
    let now = match &case.validation_time {
        Some(text) => match OffsetDateTime::parse(text, &Rfc3339) {
            Ok(instant) => instant,
            Err(error) => {
                return verdict(&case.id, "SKIPPED", format!("bad validation time: {error}"));
            }
        },
        None => now,
    };
    let leaf = match Certificate::from_pem(&case.peer_certificate) {
        Ok(mut certificates) if certificates.len() == 1 => certificates.remove(0),
        Ok(_) => return failure("the peer PEM holds more than one certificate".to_owned()),
        Err(error) => return failure(format!("peer certificate: {error}")),
    };
    let mut anchors = Vec::new();
    for pem in &case.trusted_certs {
        match Certificate::from_pem(pem) {
            Ok(certificates) => anchors.extend(
                certificates
                    .into_iter()
                    .map(|cert| TrustAnchor::new(cert, RootCaType::ThirdParty)),
            ),
            Err(error) => return failure(format!("trusted certificate: {error}")),
        }
    }
    // An unparseable pool certificate cannot be part of any path: leave it out.
    let intermediates: Vec<Certificate> = case
        .untrusted_intermediates
        .iter()
        .filter_map(|pem| Certificate::from_pem(pem).ok())
        .flatten()
        .collect();
    let mut validator = Validator::new(anchors)
        .with_intermediates(intermediates)
        .with_policy(Policy {
            self_signed: SelfSignedRule::Untrusted,
            key_identifiers: KeyIdentifierRule::Required,
            ..Policy::default()
        });
    if !case.crls.is_empty() {
        // CRLs were supplied: check against exactly those that parse (none usable → Unknown).
        let crls: Vec<Crl> = case
            .crls
            .iter()
            .filter_map(|pem| Crl::from_pem(pem).ok())
            .flatten()
            .collect();
        validator = validator.with_crl_source(Box::new(StaticCrls::new(crls)));
    }
    let validation = validator.validate(&leaf, now);
    if validation.status != Status::Valid {
        return failure(format!("{}: {}", validation.status, validation.reason));
    }
    if let Some(expected) = &case.expected_peer_name {
        let peer = match expected.kind.as_str() {
            "DNS" => PeerName::Dns(expected.value.clone()),
            "IP" => match expected.value.parse() {
                Ok(ip) => PeerName::Ip(ip),
                Err(_) => return failure(format!("bad IP peer name {}", expected.value)),
            },
            other => {
                return verdict(
                    &case.id,
                    "SKIPPED",
                    format!("peer name kind {other} is not supported"),
                );
            }
        };
        if !matches_peer_name(&leaf, &peer) {
            return failure(format!("the certificate is not valid for {peer}"));
        }
    }
    LimboResult {
        id: case.id.clone(),
        actual_result: "SUCCESS".to_owned(),
        context: None,
    }
}

/// Runs a limbo JSON document and returns the result document.
///
/// # Errors
///
/// [`RunLimboError::InvalidDocument`] when the input does not parse.
pub fn run_document(json: &str, now: OffsetDateTime) -> Result<LimboResults, RunLimboError> {
    let document: LimboDocument =
        serde_json::from_str(json).map_err(|error| RunLimboError::InvalidDocument {
            reason: error.to_string(),
        })?;
    Ok(LimboResults {
        version: 1,
        harness: "certsh".to_owned(),
        results: document
            .testcases
            .iter()
            .map(|case| run_case(case, now))
            .collect(),
    })
}
