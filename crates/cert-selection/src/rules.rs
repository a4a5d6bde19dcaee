//! The eligibility rules, one function each, in the order of seed §Certificate Selection →
//! SMTP STARTTLS ("A certificate is valid for TLS use if it meets all the following
//! requirements"; spec B-82).

use cert_model::{PublicKeyAlgorithm, Status};
use time::OffsetDateTime;

use crate::candidate::{Candidate, PrivateKeyState};
use crate::decision::Reason;
use crate::domain::{DomainMatch, best_match};

/// Whether wildcard domains may satisfy the FQDN.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Wildcards {
    /// SP1 and later, every service (spec B-88).
    Allowed,
    /// RTM POP3/IMAP4 (spec B-87).
    NotSupported,
}

/// Seed §SMTP STARTTLS: "Exchange selects a certificate based on the FQDN and a matching
/// value in the CertificateDomains field" (spec B-07, B-82, B-87, B-88). `fqdn` is
/// normalised.
pub(crate) fn domain_matches_fqdn(
    candidate: &Candidate,
    fqdn: &str,
    wildcards: Wildcards,
) -> Result<(), Reason> {
    match (best_match(candidate.domains(), fqdn), wildcards) {
        (Some(DomainMatch::Exact), _) | (Some(DomainMatch::Wildcard), Wildcards::Allowed) => Ok(()),
        (Some(DomainMatch::Wildcard), Wildcards::NotSupported) => {
            Err(Reason::WildcardNotSupported {
                fqdn: fqdn.to_owned(),
            })
        }
        (None, _) => Err(Reason::DomainMismatch {
            fqdn: fqdn.to_owned(),
        }),
    }
}

/// Seed §SMTP STARTTLS: "The Enhanced Key Usage field contains either the Server
/// Authentication object identifier … or is null."
pub(crate) fn eku_allows_server_authentication(candidate: &Candidate) -> Result<(), Reason> {
    if candidate.certificate().extensions().allows_server_auth() {
        Ok(())
    } else {
        Err(Reason::NoServerAuthentication)
    }
}

/// Seed §SMTP STARTTLS: "The PKI certificate extension lists an RSA key with a minimum of
/// 1024 bits."
pub(crate) fn rsa_key_of_at_least_1024_bits(candidate: &Candidate) -> Result<(), Reason> {
    let key = candidate.certificate().public_key();
    if *key.algorithm() != PublicKeyAlgorithm::Rsa {
        return Err(Reason::NotRsa);
    }
    if key.bits() < 1024 {
        return Err(Reason::KeyTooShort { bits: key.bits() });
    }
    Ok(())
}

/// Seed §SMTP STARTTLS: "The certificate validates the certificate chain up to a trusted
/// root, or the certificate is self-signed" and "The certificate and certificate chain passes
/// the revocation check" (spec B-36, B-55, B-82). A `Valid` validation covers both: the
/// self-signed rule of spec §1.3 makes an in-window self-signed certificate `Valid`.
pub(crate) fn chain_valid_and_not_revoked(candidate: &Candidate) -> Result<(), Reason> {
    match candidate.status() {
        Status::Valid => Ok(()),
        Status::Unknown => Err(Reason::RevocationCheckFailed),
        Status::Revoked => Err(Reason::Revoked),
        status => Err(Reason::NotValid { status }),
    }
}

/// The validity window at `now` (seed §NotBefore and NotAfter; spec B-19). The validation may
/// have been computed earlier the same day (a cached result), so the dates are checked again
/// at the decision's own instant.
pub(crate) fn within_validity_window(
    candidate: &Candidate,
    now: OffsetDateTime,
) -> Result<(), Reason> {
    let certificate = candidate.certificate();
    if now < certificate.not_before() {
        Err(Reason::NotYetValid {
            not_before: certificate.not_before(),
        })
    } else if now > certificate.not_after() {
        Err(Reason::Expired {
            not_after: certificate.not_after(),
        })
    } else {
        Ok(())
    }
}

/// Seed §SMTP STARTTLS: "The private key is present and available", "not stored in a
/// removable device", "not protected with a password" (spec B-39, B-82).
pub(crate) fn private_key_present_and_usable(candidate: &Candidate) -> Result<(), Reason> {
    match candidate.private_key() {
        PrivateKeyState::Usable => Ok(()),
        PrivateKeyState::Absent => Err(Reason::NoPrivateKey),
        PrivateKeyState::Removable => Err(Reason::KeyOnRemovableDevice),
        PrivateKeyState::PasswordProtected => Err(Reason::KeyPasswordProtected),
    }
}

/// Every requirement of seed §SMTP STARTTLS but the name match, in the seed's order: the
/// certificate is "valid for TLS use".
pub(crate) fn valid_for_tls(candidate: &Candidate, now: OffsetDateTime) -> Result<(), Reason> {
    eku_allows_server_authentication(candidate)?;
    rsa_key_of_at_least_1024_bits(candidate)?;
    // The certificate's own dates first: an expired leaf is `DateInvalid` too, and "expired
    // on …" says more than the status.
    within_validity_window(candidate, now)?;
    chain_valid_and_not_revoked(candidate)?;
    private_key_present_and_usable(candidate)
}

/// Whether the internal certificate is usable although expired: seed §Internal Components
/// ("the internal components that rely on the default self-signed certificates continue to
/// operate even if the self-signed certificate has expired"; spec §1.3, B-04). Only a
/// self-signed certificate whose sole problem is its dates qualifies.
pub(crate) fn expired_self_signed_still_usable(candidate: &Candidate, now: OffsetDateTime) -> bool {
    candidate.is_self_signed()
        && matches!(candidate.status(), Status::DateInvalid | Status::Valid)
        && now > candidate.certificate().not_after()
}

/// What an internal component (the internal transport certificate, UM) accepts: everything
/// [`valid_for_tls`] asks, except that an expired self-signed certificate still counts.
/// `Ok(true)` means "usable, but expired".
pub(crate) fn valid_for_internal_use(
    candidate: &Candidate,
    now: OffsetDateTime,
) -> Result<bool, Reason> {
    eku_allows_server_authentication(candidate)?;
    rsa_key_of_at_least_1024_bits(candidate)?;
    if expired_self_signed_still_usable(candidate, now) {
        private_key_present_and_usable(candidate)?;
        return Ok(true);
    }
    within_validity_window(candidate, now)?;
    chain_valid_and_not_revoked(candidate)?;
    private_key_present_and_usable(candidate)?;
    Ok(false)
}
