//! The per-certificate rules of a complete path, one small function each, with its source.

use cert_model::{Certificate, EKU_ANY, EKU_SERVER_AUTH};
use time::OffsetDateTime;

/// Extensions this validator processes or may safely ignore; any other critical extension
/// makes the certificate invalid (RFC 5280 §4.2: "A certificate-using system MUST reject the
/// certificate if it encounters a critical extension it does not recognize").
/// certificatePolicies is ignored: no policy is required (initial-policy-set anyPolicy).
const UNDERSTOOD: &[&str] = &[
    "2.5.29.19",         // basicConstraints
    "2.5.29.15",         // keyUsage
    "2.5.29.37",         // extKeyUsage
    "2.5.29.17",         // subjectAltName
    "2.5.29.30",         // nameConstraints
    "2.5.29.35",         // authorityKeyIdentifier
    "2.5.29.14",         // subjectKeyIdentifier
    "2.5.29.31",         // cRLDistributionPoints
    "2.5.29.32",         // certificatePolicies
    "1.3.6.1.5.5.7.1.1", // authorityInfoAccess
];

/// RFC 5280 §4.2: well-formed, unique extensions, no unknown critical one, and the
/// key identifiers non-critical (§4.2.1.1, §4.2.1.2).
pub(crate) fn check_extensions(certificate: &Certificate) -> Result<(), String> {
    let extensions = certificate.extensions();
    if let Some(oid) = extensions.duplicate() {
        return Err(format!(
            "extension {oid} appears more than once (rfc 5280 §4.2)"
        ));
    }
    if let Some(extension) = extensions.first_malformed() {
        return Err(format!("extension {} is malformed", extension.oid));
    }
    for extension in extensions.all() {
        if !extension.critical {
            continue;
        }
        match extension.oid.as_str() {
            "2.5.29.14" | "2.5.29.35" => {
                return Err(format!(
                    "key identifier extension {} must not be critical (rfc 5280 §4.2.1.1-2)",
                    extension.oid
                ));
            }
            oid if !UNDERSTOOD.contains(&oid) => {
                return Err(format!("unsupported critical extension {oid}"));
            }
            _ => {}
        }
    }
    Ok(())
}

/// RFC 5280 §4.1.2.4: the issuer name must not be empty.
pub(crate) fn check_issuer_not_empty(certificate: &Certificate) -> Result<(), String> {
    if certificate.issuer().is_empty() {
        Err("the issuer name is empty (rfc 5280 §4.1.2.4)".to_owned())
    } else {
        Ok(())
    }
}

/// RFC 5280 §4.1.2.5, inclusive at both ends.
pub(crate) fn check_validity(certificate: &Certificate, now: OffsetDateTime) -> Result<(), String> {
    if now < certificate.not_before() {
        Err("is not yet valid".to_owned())
    } else if now > certificate.not_after() {
        Err("has expired".to_owned())
    } else {
        Ok(())
    }
}

/// RFC 5280 §6.1.4(k): an issuer must assert cA in basicConstraints.
pub(crate) fn check_is_ca(issuer: &Certificate) -> Result<(), String> {
    match issuer.extensions().basic_constraints() {
        Some(constraints) if constraints.ca => Ok(()),
        Some(_) => {
            Err("issues certificates but its basicConstraints say it is not a ca".to_owned())
        }
        None => Err("issues certificates but has no basicConstraints".to_owned()),
    }
}

/// RFC 5280 §6.1.4(l-m): pathLenConstraint bounds the non-self-issued intermediates below.
pub(crate) fn check_path_len(
    issuer: &Certificate,
    intermediates_below: usize,
) -> Result<(), String> {
    match issuer
        .extensions()
        .basic_constraints()
        .and_then(|constraints| constraints.path_len)
    {
        Some(limit) if intermediates_below > limit as usize => Err(format!(
            "pathLenConstraint {limit} allows fewer than the {intermediates_below} intermediates below it"
        )),
        _ => Ok(()),
    }
}

/// RFC 5280 §6.1.4(n): an issuer with keyUsage must have keyCertSign.
pub(crate) fn check_key_cert_sign(issuer: &Certificate) -> Result<(), String> {
    match issuer.extensions().key_usage() {
        Some(usage) if !usage.key_cert_sign() => {
            Err("issues certificates but its key usage lacks keyCertSign".to_owned())
        }
        _ => Ok(()),
    }
}

/// The Exchange rule (conformance/README.md): the leaf's EKU is absent or contains serverAuth.
/// anyExtendedKeyUsage alone is not enough for the leaf, as in webpki.
pub(crate) fn check_leaf_eku(leaf: &Certificate) -> Result<(), String> {
    if leaf.extensions().allows_server_auth() {
        Ok(())
    } else {
        Err("extended key usage does not include server authentication".to_owned())
    }
}

/// CryptoAPI intersects EKUs along the chain: an intermediate that restricts EKU must allow
/// serverAuth (or anyExtendedKeyUsage).
pub(crate) fn check_intermediate_eku(intermediate: &Certificate) -> Result<(), String> {
    match intermediate.extensions().extended_key_usage() {
        Some(purposes)
            if !purposes
                .iter()
                .any(|oid| oid == EKU_SERVER_AUTH || oid == EKU_ANY) =>
        {
            Err("extended key usage does not allow server authentication".to_owned())
        }
        _ => Ok(()),
    }
}

/// RFC 5280 §4.1.1.2: the signature algorithm inside the signed part must equal the outer one
/// (otherwise the signed data does not say how it was signed).
pub(crate) fn check_signature_algorithm_consistent(
    certificate: &Certificate,
) -> Result<(), String> {
    if certificate.signature_algorithm() == certificate.tbs_signature_algorithm() {
        Ok(())
    } else {
        Err(format!(
            "its signature algorithms disagree ({} outside, {} inside; rfc 5280 §4.1.1.2)",
            certificate.signature_algorithm().name(),
            certificate.tbs_signature_algorithm().name()
        ))
    }
}

/// RFC 5280 §4.2.1.3: a keyUsage extension sets at least one bit, and keyCertSign requires
/// the cA bit of basicConstraints.
pub(crate) fn check_key_usage_consistent(certificate: &Certificate) -> Result<(), String> {
    let Some(usage) = certificate.extensions().key_usage() else {
        return Ok(());
    };
    if usage.0 == 0 {
        return Err("its keyUsage extension sets no bit (rfc 5280 §4.2.1.3)".to_owned());
    }
    let is_ca = certificate
        .extensions()
        .basic_constraints()
        .is_some_and(|bc| bc.ca);
    if usage.key_cert_sign() && !is_ca {
        return Err("asserts keyCertSign without being a ca (rfc 5280 §4.2.1.3)".to_owned());
    }
    Ok(())
}

/// RFC 5280 §4.2.1.6: a SAN holds at least one name, and must be critical when the subject is
/// empty.
pub(crate) fn check_subject_alt_name(certificate: &Certificate) -> Result<(), String> {
    let extensions = certificate.extensions();
    if !extensions.has_subject_alt_name() {
        return Ok(());
    }
    if extensions.san_entry_count() == 0 {
        return Err("its subjectAltName extension is empty (rfc 5280 §4.2.1.6)".to_owned());
    }
    let critical = extensions
        .all()
        .iter()
        .any(|ext| ext.oid == "2.5.29.17" && ext.critical);
    if certificate.subject().is_empty() && !critical {
        return Err(
            "has an empty subject and a non-critical subjectAltName (rfc 5280 §4.2.1.6)".to_owned(),
        );
    }
    Ok(())
}

/// Exchange 2007 accepts RSA keys of 1024 bits or more (design.md §4); smaller keys are
/// refused anywhere in the chain.
pub(crate) fn check_key_strength(certificate: &Certificate) -> Result<(), String> {
    let key = certificate.public_key();
    if *key.algorithm() == cert_model::PublicKeyAlgorithm::Rsa && key.bits() < 1024 {
        Err(format!(
            "has a {}-bit rsa key; at least 1024 bits are required",
            key.bits()
        ))
    } else {
        Ok(())
    }
}

/// RFC 5280 §4.2.1.1–§4.2.1.2 (applied under `KeyIdentifierRule::Required`): a certificate
/// that is not self-issued names its issuer's key, and a CA certificate names its own.
pub(crate) fn check_key_identifiers(certificate: &Certificate) -> Result<(), String> {
    let extensions = certificate.extensions();
    if !certificate.is_self_issued() && extensions.authority_key_id().is_none() {
        return Err("has no authorityKeyIdentifier keyIdentifier (rfc 5280 §4.2.1.1)".to_owned());
    }
    let is_ca = extensions
        .basic_constraints()
        .is_some_and(|constraints| constraints.ca);
    if is_ca && extensions.subject_key_id().is_none() {
        return Err("is a ca without a subjectKeyIdentifier (rfc 5280 §4.2.1.2)".to_owned());
    }
    Ok(())
}
