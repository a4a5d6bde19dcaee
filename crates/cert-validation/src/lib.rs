//! Chain building and validation for certsh: the `Status` and `RootCAType` of a certificate
//! at a given instant (spec/cmdlets.md §1.3–§1.4, §5.4), and the peer-name check.
//!
//! A [`Validator`] holds trust anchors ([`TrustAnchor`]: every listed certificate is trusted,
//! self-signed or not), an unordered intermediate pool and, optionally, a [`CrlSource`]. It
//! builds paths from the leaf to any anchor depth-first (anchors first, names must chain,
//! AKI/SKI must agree when both are present) under a work [`Budget`], verifies signatures
//! with aws-lc-rs (caching verified pairs across validations), then applies the rules of a
//! complete path: extensions, CA basic constraints, pathLenConstraint, keyCertSign, EKU
//! (leaf: absent or serverAuth), name constraints, validity dates of every member, and
//! revocation against CRLs when any are given. The result is a [`Validation`]: a failed
//! check is an answer, not an `Err`.
//!
//! It does not fetch CRLs (a later `CrlSource` will), check OCSP, process certificate
//! policies, read the clock, or decide which store an anchor came from (the caller says).
//!
//! Tests: unit tests in `names.rs`; rcgen-made chains in `tests/main.rs`; the x509-limbo
//! conformance cases in `tests/limbo.rs` (file `shared/conformance/limbo-dev.json`); the
//! harness binary in `examples/limbo.rs`; a criterion benchmark in `benches/chain.rs`.

#![warn(missing_docs)]

mod cache;
pub mod limbo;
mod names;
mod result;
mod revocation;
mod rules;
mod validator;

pub use names::{PeerName, dns_name_matches, matches_peer_name};
pub use result::Validation;
pub use revocation::{CrlSource, StaticCrls};
pub use validator::{Budget, KeyIdentifierRule, Policy, SelfSignedRule, TrustAnchor, Validator};
