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
/// cRLNumber, which MUST be non-critical, and issuingDistributionPoint (checked by
/// [`crl_scope_covers`]). Any other critical extension (deltaCRLIndicator, freshest CRL…)
/// makes the CRL unusable: a delta CRL alone does not establish a status.
fn crl_extensions_acceptable(crl: &Crl) -> Result<(), String> {
    for extension in crl.extensions() {
        if extension.oid == "2.5.29.28" {
            continue;
        }
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

/// RFC 5280 §5.2.5 and §6.3.3(b): a CRL with an issuingDistributionPoint covers only its
/// scope. Indirect CRLs, reason-partitioned CRLs and attribute-certificate CRLs are not
/// supported; a named distribution point must match one of the certificate's CRL
/// distribution point URIs.
fn crl_scope_covers(crl: &Crl, subject: &Certificate) -> Result<(), String> {
    let Some(scope) = crl.issuing_distribution_point() else {
        return Ok(());
    };
    if scope.indirect {
        return Err("indirect crls are not supported".to_owned());
    }
    if scope.only_some_reasons {
        return Err("the crl covers only some revocation reasons".to_owned());
    }
    if scope.only_attribute_certs {
        return Err("the crl covers only attribute certificates".to_owned());
    }
    let subject_is_ca = subject
        .extensions()
        .basic_constraints()
        .is_some_and(|bc| bc.ca);
    if scope.only_user_certs && subject_is_ca {
        return Err("the crl covers only end-entity certificates".to_owned());
    }
    if scope.only_ca_certs && !subject_is_ca {
        return Err("the crl covers only ca certificates".to_owned());
    }
    if scope.named {
        let points = subject.extensions().crl_distribution_points();
        if !scope.uris.iter().any(|uri| points.contains(uri)) {
            return Err("the crl's distribution point is not one the certificate names".to_owned());
        }
    }
    Ok(())
}

/// Whether `crl` can answer for certificates of `issuer` at `now`: scope, extensions, dates,
/// key identifiers, cRLSign and signature.
fn usable(
    crl: &Crl,
    subject: &Certificate,
    issuer: &Certificate,
    now: OffsetDateTime,
    cache: &SignatureCache,
) -> Result<(), String> {
    crl_extensions_acceptable(crl)?;
    crl_scope_covers(crl, subject)?;
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
        match usable(&crl, subject, issuer, now, cache) {
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
