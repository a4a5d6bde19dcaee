//! Revocation checking against CRLs (RFC 5280 §6.3, simplified to full CRLs issued by the
//! certificate's issuer). Where CRLs come from is a [`CrlSource`]: the caller passes the CRLs
//! it has ([`StaticCrls`]); fetching over HTTP (design.md §6a) plugs in behind the same trait.

use cert_model::{Certificate, Crl, Status};
use time::OffsetDateTime;

use crate::cache::{SignatureCache, pair_key, sha256};

/// Where a validator gets the CRLs for a certificate.
pub trait CrlSource: Send + Sync {
    /// The CRLs that may cover `subject`, whose issuer in the chain is `issuer`. Returning
    /// none means the revocation status cannot be established (Status `Unknown`).
    fn crls_for(&self, subject: &Certificate, issuer: &Certificate) -> Vec<Crl>;
}

/// A fixed set of CRLs, as imported into `Cert:\LocalMachine\CA` or given by a test case.
#[derive(Clone, Debug, Default)]
pub struct StaticCrls {
    crls: Vec<Crl>,
}

impl StaticCrls {
    /// Wraps the CRLs.
    pub fn new(crls: Vec<Crl>) -> Self {
        StaticCrls { crls }
    }
}

impl CrlSource for StaticCrls {
    fn crls_for(&self, subject: &Certificate, _issuer: &Certificate) -> Vec<Crl> {
        self.crls
            .iter()
            .filter(|crl| {
                crl.issuer_der() == subject.issuer_der() || crl.issuer().matches(subject.issuer())
            })
            .cloned()
            .collect()
    }
}

/// CRL extensions this checker understands (RFC 5280 §5.2): authorityKeyIdentifier and
/// cRLNumber. Both MUST be non-critical; any critical extension makes the CRL unusable
/// (issuingDistributionPoint and deltaCRLIndicator scope a CRL in ways not implemented).
fn crl_extensions_acceptable(crl: &Crl) -> Result<(), String> {
    for extension in crl.extensions() {
        let known = matches!(extension.oid.as_str(), "2.5.29.35" | "2.5.29.20");
        if extension.critical {
            return Err(if known {
                format!(
                    "the crl marks extension {} critical, which rfc 5280 §5.2 forbids",
                    extension.oid
                )
            } else {
                format!(
                    "the crl has unsupported critical extension {}",
                    extension.oid
                )
            });
        }
        if extension.malformed {
            return Err(format!("the crl extension {} is malformed", extension.oid));
        }
    }
    Ok(())
}

/// Whether `crl` can answer for certificates of `issuer` at `now`: scope, extensions, dates,
/// key identifiers, cRLSign and signature.
fn usable(
    crl: &Crl,
    issuer: &Certificate,
    now: OffsetDateTime,
    cache: &SignatureCache,
) -> Result<(), String> {
    crl_extensions_acceptable(crl)?;
    if crl.this_update() > now {
        return Err("the crl is not yet valid".to_owned());
    }
    if crl.next_update().is_some_and(|next| next < now) {
        return Err("the crl is out of date".to_owned());
    }
    if issuer
        .extensions()
        .key_usage()
        .is_some_and(|usage| !usage.crl_sign())
    {
        return Err("the crl issuer's key usage lacks cRLSign".to_owned());
    }
    let key = pair_key(&sha256(crl.der()), &sha256(issuer.public_key().spki_der()));
    if !cache.contains(&key) {
        crl.verify_signed_by(issuer.public_key())
            .map_err(|error| format!("the crl signature is not valid: {error}"))?;
        cache.insert(key);
    }
    Ok(())
}

/// The revocation verdict for `subject` issued by `issuer`: `Ok` when a usable CRL does not
/// list it, `Revoked` when one lists it, `Unknown` when no CRL is usable.
pub(crate) fn check_revocation(
    subject: &Certificate,
    issuer: &Certificate,
    source: &dyn CrlSource,
    now: OffsetDateTime,
    cache: &SignatureCache,
) -> Result<(), (Status, String)> {
    let mut last_problem = None;
    for crl in source.crls_for(subject, issuer) {
        match usable(&crl, issuer, now, cache) {
            Ok(()) => {
                return match crl.find_revoked(subject.serial_bytes()) {
                    Some(entry) => Err((
                        Status::Revoked,
                        format!(
                            "certificate {} was revoked on {}",
                            subject.thumbprint(),
                            cert_model::format_date(entry.revocation_date)
                        ),
                    )),
                    _ => Ok(()),
                };
            }
            Err(problem) => last_problem = Some(problem),
        }
    }
    Err((
        Status::Unknown,
        match last_problem {
            Some(problem) => format!(
                "revocation check failed for certificate {}: {problem}",
                subject.thumbprint()
            ),
            None => format!(
                "revocation check failed for certificate {}: no crl from its issuer",
                subject.thumbprint()
            ),
        },
    ))
}
