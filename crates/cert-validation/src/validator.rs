//! Path building (leaf → pool → anchor) with a work budget, and the evaluation of a complete
//! path into a [`Validation`].

use cert_model::{Certificate, RootCaType, Status, Thumbprint};
use time::OffsetDateTime;

use crate::cache::{SignatureCache, pair_key, sha256};
use crate::names::check_name_constraints;
use crate::result::Validation;
use crate::revocation::{CrlSource, StaticCrls, check_revocation};
use crate::rules;

/// A trusted root: any certificate listed here is an anchor, self-signed or not.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrustAnchor {
    /// The anchor certificate.
    pub cert: Certificate,
    /// How it is trusted (which root store it came from).
    pub root_type: RootCaType,
}

impl TrustAnchor {
    /// An anchor of type `root_type`.
    pub fn new(cert: Certificate, root_type: RootCaType) -> Self {
        TrustAnchor { cert, root_type }
    }
}

/// What happens to a self-signed certificate that reaches no anchor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SelfSignedRule {
    /// Exchange's rule (spec §1.3): `Valid` with RootCAType `None` inside its validity
    /// window, `DateInvalid` outside it.
    ValidWithoutRoot,
    /// Strict path validation (x509-limbo): `Untrusted`.
    Untrusted,
}

/// Whether chain members must carry key identifiers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyIdentifierRule {
    /// Not required: CryptoAPI (and so Exchange) builds chains without them, and openssl's
    /// `x509 -req` issues certificates without an authorityKeyIdentifier.
    Optional,
    /// RFC 5280 profile (x509-limbo): every non-anchor certificate that is not self-issued
    /// carries an authorityKeyIdentifier keyIdentifier (§4.2.1.1), and every non-anchor CA
    /// certificate a subjectKeyIdentifier (§4.2.1.2).
    Required,
}

/// Bounds on path-building work, so hostile pools cannot make validation hang
/// (x509-limbo's denial-of-service cases; webpki's `Budget`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Budget {
    /// Signature checks per validation (cached ones count too).
    pub signature_checks: usize,
    /// Candidate issuers considered per validation.
    pub steps: usize,
    /// Most intermediates in a path.
    pub max_intermediates: usize,
}

impl Default for Budget {
    fn default() -> Self {
        Budget {
            signature_checks: 100,
            steps: 2_000,
            max_intermediates: 8,
        }
    }
}

/// Validation policy.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Policy {
    /// The self-signed rule.
    pub self_signed: SelfSignedRule,
    /// The work budget.
    pub budget: Budget,
    /// The key-identifier rule.
    pub key_identifiers: KeyIdentifierRule,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            self_signed: SelfSignedRule::ValidWithoutRoot,
            budget: Budget::default(),
            key_identifiers: KeyIdentifierRule::Optional,
        }
    }
}

/// A candidate issuer: anchor or pool certificate, with digests computed once.
#[derive(Debug)]
struct Entry {
    cert: Certificate,
    der_digest: [u8; 32],
    key_digest: [u8; 32],
    self_issued: bool,
    anchor: Option<RootCaType>,
}

impl Entry {
    fn new(cert: Certificate, anchor: Option<RootCaType>) -> Self {
        Entry {
            der_digest: sha256(cert.der()),
            key_digest: sha256(cert.public_key().spki_der()),
            self_issued: cert.is_self_issued(),
            cert,
            anchor,
        }
    }
}

/// Validates certificates against trust anchors, an intermediate pool and optional CRLs.
/// One validator serves many validations: verified signatures are cached inside it.
///
/// ```
/// # use cert_validation::{TrustAnchor, Validator};
/// # use cert_model::{RootCaType, Status};
/// # fn demo(root: cert_model::Certificate, leaf: cert_model::Certificate, now: time::OffsetDateTime) {
/// let validator = Validator::new(vec![TrustAnchor::new(root, RootCaType::Registry)]);
/// let answer = validator.validate(&leaf, now);
/// if answer.status != Status::Valid {
///     println!("{}: {}", answer.status, answer.reason);
/// }
/// # }
/// ```
pub struct Validator {
    entries: Vec<Entry>,
    crl_source: Option<Box<dyn CrlSource>>,
    policy: Policy,
    cache: SignatureCache,
}

impl std::fmt::Debug for Validator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Validator")
            .field("certificates", &self.entries.len())
            .field("checks_revocation", &self.crl_source.is_some())
            .field("policy", &self.policy)
            .finish()
    }
}

/// How far a failed attempt got; the furthest one is reported.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum Reach {
    NoIssuer,
    BadSignature,
    Exhausted,
    Anchor,
}

struct Failure {
    reach: Reach,
    status: Status,
    reason: String,
    chain: Vec<Thumbprint>,
}

struct Search<'a> {
    validator: &'a Validator,
    now: OffsetDateTime,
    signature_checks: usize,
    steps: usize,
    best: Option<Failure>,
}

/// A path element: the certificate and, for pool entries, its index.
#[derive(Clone, Copy)]
struct Node<'a> {
    cert: &'a Certificate,
    der_digest: [u8; 32],
}

impl Validator {
    /// A validator trusting `anchors`, with no pool and no revocation checking.
    pub fn new(anchors: Vec<TrustAnchor>) -> Self {
        let mut entries: Vec<Entry> = Vec::new();
        for anchor in anchors {
            let entry = Entry::new(anchor.cert, Some(anchor.root_type));
            if !entries
                .iter()
                .any(|known| known.der_digest == entry.der_digest)
            {
                entries.push(entry);
            }
        }
        Validator {
            entries,
            crl_source: None,
            policy: Policy::default(),
            cache: SignatureCache::default(),
        }
    }

    /// Adds untrusted intermediates to the pool (duplicates and anchors are skipped).
    pub fn with_intermediates(mut self, intermediates: Vec<Certificate>) -> Self {
        for cert in intermediates {
            let entry = Entry::new(cert, None);
            if !self
                .entries
                .iter()
                .any(|known| known.der_digest == entry.der_digest)
            {
                self.entries.push(entry);
            }
        }
        self
    }

    /// Checks revocation against exactly these CRLs; an empty list means no revocation check.
    pub fn with_crls(self, crls: Vec<cert_model::Crl>) -> Self {
        if crls.is_empty() {
            self
        } else {
            self.with_crl_source(Box::new(StaticCrls::new(crls)))
        }
    }

    /// Checks revocation through `source`.
    pub fn with_crl_source(mut self, source: Box<dyn CrlSource>) -> Self {
        self.crl_source = Some(source);
        self
    }

    /// Replaces the policy.
    pub fn with_policy(mut self, policy: Policy) -> Self {
        self.policy = policy;
        self
    }

    /// Validates `leaf` at `now` (floored to whole seconds, the granularity of X.509 times).
    pub fn validate(&self, leaf: &Certificate, now: OffsetDateTime) -> Validation {
        let now = now.replace_nanosecond(0).unwrap_or(now);
        let leaf_node = Node {
            cert: leaf,
            der_digest: sha256(leaf.der()),
        };
        if let Some(root_type) = self
            .entries
            .iter()
            .find(|entry| entry.der_digest == leaf_node.der_digest)
            .and_then(|entry| entry.anchor)
        {
            return self.evaluate_anchor_itself(leaf, root_type, now);
        }
        let mut search = Search {
            validator: self,
            now,
            signature_checks: 0,
            steps: 0,
            best: None,
        };
        let mut path = vec![leaf_node];
        if let Some(valid) = search.extend(&mut path) {
            return valid;
        }
        let best = search.best.unwrap_or(Failure {
            reach: Reach::NoIssuer,
            status: Status::Untrusted,
            reason: "no chain was built".to_owned(),
            chain: vec![leaf.thumbprint()],
        });
        if best.reach < Reach::Anchor
            && self.policy.self_signed == SelfSignedRule::ValidWithoutRoot
            && leaf.is_self_signed()
        {
            return self_signed_rule(leaf, now);
        }
        Validation::failure(best.status, best.reason, best.chain)
    }

    /// A leaf that is itself an anchor: only its dates matter.
    fn evaluate_anchor_itself(
        &self,
        leaf: &Certificate,
        root_type: RootCaType,
        now: OffsetDateTime,
    ) -> Validation {
        let chain = vec![leaf.thumbprint()];
        match rules::check_validity(leaf, now) {
            Ok(()) => Validation {
                status: Status::Valid,
                root_ca_type: root_type,
                reason: "the certificate is a trusted root".to_owned(),
                chain,
            },
            Err(problem) => Validation::failure(
                Status::DateInvalid,
                format!("certificate {} {problem}", leaf.thumbprint()),
                chain,
            ),
        }
    }

    /// Applies every rule to a complete path (leaf first, anchor last).
    fn evaluate(
        &self,
        path: &[Node<'_>],
        root_type: RootCaType,
        now: OffsetDateTime,
    ) -> Result<Validation, (Status, String)> {
        let last = path.len() - 1;
        let invalid = |cert: &Certificate, problem: String| {
            (
                Status::Invalid,
                format!("certificate {} {problem}", cert.thumbprint()),
            )
        };
        // Structure: RFC 5280 §4.2 and §6.1.4, Exchange's EKU rule.
        for (index, node) in path.iter().enumerate() {
            let cert = node.cert;
            rules::check_extensions(cert).map_err(|p| invalid(cert, format!("is invalid: {p}")))?;
            rules::check_signature_algorithm_consistent(cert).map_err(|p| invalid(cert, p))?;
            rules::check_key_usage_consistent(cert).map_err(|p| invalid(cert, p))?;
            rules::check_subject_alt_name(cert).map_err(|p| invalid(cert, p))?;
            rules::check_key_strength(cert).map_err(|p| invalid(cert, p))?;
            if index < last && self.policy.key_identifiers == KeyIdentifierRule::Required {
                rules::check_key_identifiers(cert).map_err(|p| invalid(cert, p))?;
            }
            if index < last {
                rules::check_issuer_not_empty(cert)
                    .map_err(|p| invalid(cert, format!("is invalid: {p}")))?;
            }
            if index == 0 {
                rules::check_leaf_eku(cert)
                    .map_err(|p| invalid(cert, format!("is not valid for servers: {p}")))?;
            } else {
                // A version 1 anchor cannot carry basicConstraints; it is a CA "as verified
                // out-of-band" (RFC 5280 §6.1.4(k)) by being in a root store.
                let v1_anchor = index == last && cert.version() < 3;
                if !v1_anchor {
                    rules::check_is_ca(cert).map_err(|p| invalid(cert, p))?;
                }
                rules::check_key_cert_sign(cert).map_err(|p| invalid(cert, p))?;
                let intermediates_below = path[1..index]
                    .iter()
                    .filter(|below| !below.cert.is_self_issued())
                    .count();
                rules::check_path_len(cert, intermediates_below).map_err(|p| invalid(cert, p))?;
                if index < last {
                    rules::check_intermediate_eku(cert).map_err(|p| invalid(cert, p))?;
                }
                if let Some(constraints) = cert.extensions().name_constraints() {
                    for (below_index, below) in path[..index].iter().enumerate() {
                        if below_index > 0 && below.cert.is_self_issued() {
                            continue;
                        }
                        check_name_constraints(below.cert, constraints).map_err(|p| {
                            invalid(
                                below.cert,
                                format!(
                                    "violates the name constraints of {}: {p}",
                                    cert.thumbprint()
                                ),
                            )
                        })?;
                    }
                }
            }
        }
        // Time: every member, anchor included (spec §1.3 DateInvalid).
        for node in path {
            rules::check_validity(node.cert, now).map_err(|problem| {
                (
                    Status::DateInvalid,
                    format!("certificate {} {problem}", node.cert.thumbprint()),
                )
            })?;
        }
        // Revocation: every member but the anchor, against its issuer's CRL.
        if let Some(source) = &self.crl_source {
            for pair in path.windows(2) {
                check_revocation(
                    pair[0].cert,
                    pair[1].cert,
                    source.as_ref(),
                    now,
                    &self.cache,
                )?;
            }
        }
        Ok(Validation {
            status: Status::Valid,
            root_ca_type: root_type,
            reason: "the chain ends at a trusted root".to_owned(),
            chain: path.iter().map(|node| node.cert.thumbprint()).collect(),
        })
    }
}

/// Spec §1.3: a self-signed certificate outside the root stores is `Valid` with RootCAType
/// `None` inside its validity window and `DateInvalid` outside it.
fn self_signed_rule(leaf: &Certificate, now: OffsetDateTime) -> Validation {
    let chain = vec![leaf.thumbprint()];
    match rules::check_validity(leaf, now) {
        Ok(()) => Validation {
            status: Status::Valid,
            root_ca_type: RootCaType::None,
            reason: "the certificate is self-signed".to_owned(),
            chain,
        },
        Err(problem) => Validation {
            status: Status::DateInvalid,
            root_ca_type: RootCaType::None,
            reason: format!("self-signed certificate {} {problem}", leaf.thumbprint()),
            chain,
        },
    }
}

/// Whether `issuer` may have issued `subject`: the names chain (RFC 5280 §6.1.3(a)(4)).
fn could_issue(subject: &Certificate, issuer: &Certificate) -> bool {
    subject.issuer_der() == issuer.subject_der()
        || (!subject.issuer().is_empty() && subject.issuer().matches(issuer.subject()))
}

/// Candidate order: anchors first; then pool certificates that are not self-issued (a
/// self-issued pool certificate only leads on through another certificate with the same
/// name, which could have been taken directly); then by key identifiers: SKI equal to the
/// subject's AKI, identifiers absent, identifiers that disagree. Key identifiers only order
/// the search; the signature decides.
fn candidate_rank(subject: &Certificate, entry: &Entry) -> (bool, bool, u8) {
    let key_match = match (
        subject.extensions().authority_key_id(),
        entry.cert.extensions().subject_key_id(),
    ) {
        (Some(aki), Some(ski)) if aki == ski => 0,
        (Some(_), Some(_)) => 2,
        _ => 1,
    };
    (entry.anchor.is_none(), entry.self_issued, key_match)
}

impl<'a> Search<'a> {
    fn record(&mut self, reach: Reach, status: Status, reason: String, path: &[Node<'_>]) {
        if self.best.as_ref().is_none_or(|best| reach > best.reach) {
            self.best = Some(Failure {
                reach,
                status,
                reason,
                chain: path.iter().map(|node| node.cert.thumbprint()).collect(),
            });
        }
    }

    /// Depth-first search from the last certificate of `path`; anchors are tried first.
    fn extend(&mut self, path: &mut Vec<Node<'a>>) -> Option<Validation> {
        let validator = self.validator;
        let budget = validator.policy.budget;
        let current = *path.last()?;
        let mut candidates: Vec<&Entry> = validator
            .entries
            .iter()
            .filter(|entry| could_issue(current.cert, &entry.cert))
            .filter(|entry| !path.iter().any(|node| node.der_digest == entry.der_digest))
            .collect();
        candidates.sort_by_key(|entry| candidate_rank(current.cert, entry));
        if candidates.is_empty() {
            let reason = if current.cert.is_self_issued() {
                format!(
                    "the chain ends in root {} ({}), which is not trusted",
                    current.cert.thumbprint(),
                    current.cert.subject()
                )
            } else {
                format!(
                    "the issuer of certificate {} ({}) is not a trusted root and was not found",
                    current.cert.thumbprint(),
                    current.cert.issuer()
                )
            };
            self.record(Reach::NoIssuer, Status::Untrusted, reason, path);
            return None;
        }
        for entry in candidates {
            self.steps += 1;
            if self.steps > budget.steps || self.signature_checks >= budget.signature_checks {
                self.record(
                    Reach::Exhausted,
                    Status::Invalid,
                    "path building exceeded its work budget".to_owned(),
                    path,
                );
                return None;
            }
            if entry.anchor.is_none() && path.len() > budget.max_intermediates {
                self.record(
                    Reach::Exhausted,
                    Status::Invalid,
                    "the chain is too long".to_owned(),
                    path,
                );
                continue;
            }
            self.signature_checks += 1;
            let key = pair_key(&current.der_digest, &entry.key_digest);
            if !validator.cache.contains(&key) {
                if let Err(error) = current.cert.verify_signed_by(entry.cert.public_key()) {
                    let reason = format!(
                        "the signature of certificate {} does not verify with the key of {}: {error}",
                        current.cert.thumbprint(),
                        entry.cert.thumbprint()
                    );
                    self.record(Reach::BadSignature, Status::Invalid, reason, path);
                    continue;
                }
                validator.cache.insert(key);
            }
            path.push(Node {
                cert: &entry.cert,
                der_digest: entry.der_digest,
            });
            if let Some(root_type) = entry.anchor {
                match validator.evaluate(path, root_type, self.now) {
                    Ok(valid) => return Some(valid),
                    Err((status, reason)) => self.record(Reach::Anchor, status, reason, path),
                }
            } else if let Some(valid) = self.extend(path) {
                return Some(valid);
            }
            path.pop();
        }
        None
    }
}
