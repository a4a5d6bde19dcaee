//! The owned certificate model (spec §1.2), parsed at the edge with x509-parser.

use base64::Engine;
use time::OffsetDateTime;
use x509_parser::prelude::FromDer;
use x509_parser::public_key::PublicKey as X509PublicKey;

use crate::convert;
use crate::error::ParseCertificateError;
use crate::extensions::Extensions;
use crate::name::DistinguishedName;
use crate::pem;
use crate::signature::{
    PublicKey, PublicKeyAlgorithm, SignatureAlgorithm, VerifySignatureError, verify_signature,
};
use crate::thumbprint::Thumbprint;

/// An X.509 certificate: the DER it came from plus every fact the product reads from it.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub struct Certificate {
    der: Vec<u8>,
    thumbprint: Thumbprint,
    version: u32,
    serial: Vec<u8>,
    subject: DistinguishedName,
    issuer: DistinguishedName,
    subject_der: Vec<u8>,
    issuer_der: Vec<u8>,
    not_before: OffsetDateTime,
    not_after: OffsetDateTime,
    public_key: PublicKey,
    signature_algorithm: SignatureAlgorithm,
    tbs_signature_algorithm: SignatureAlgorithm,
    tbs: Vec<u8>,
    signature: Vec<u8>,
    extensions: Extensions,
}

fn bit_length(magnitude: &[u8]) -> u32 {
    let trimmed: &[u8] = match magnitude.iter().position(|byte| *byte != 0) {
        Some(first) => &magnitude[first..],
        None => return 0,
    };
    let leading = trimmed.first().map_or(0, |byte| byte.leading_zeros());
    (trimmed.len() as u32) * 8 - leading
}

fn public_key(spki: &x509_parser::x509::SubjectPublicKeyInfo<'_>) -> PublicKey {
    let algorithm_oid = spki.algorithm.algorithm.to_id_string();
    let curve = spki
        .algorithm
        .parameters
        .as_ref()
        .and_then(|any| any.as_oid().ok())
        .map(|oid| oid.to_id_string());
    let algorithm = match (algorithm_oid.as_str(), curve.as_deref()) {
        ("1.2.840.113549.1.1.1", _) => PublicKeyAlgorithm::Rsa,
        ("1.2.840.10045.2.1", Some("1.2.840.10045.3.1.7")) => PublicKeyAlgorithm::EcP256,
        ("1.2.840.10045.2.1", Some("1.3.132.0.34")) => PublicKeyAlgorithm::EcP384,
        ("1.2.840.10045.2.1", Some("1.3.132.0.35")) => PublicKeyAlgorithm::EcP521,
        ("1.3.101.112", _) => PublicKeyAlgorithm::Ed25519,
        (oid, Some(curve)) => PublicKeyAlgorithm::Other(format!("{oid} {curve}")),
        (oid, None) => PublicKeyAlgorithm::Other(oid.to_owned()),
    };
    let bits = match &algorithm {
        PublicKeyAlgorithm::Rsa => match spki.parsed() {
            Ok(X509PublicKey::RSA(rsa)) => bit_length(rsa.modulus),
            _ => 0,
        },
        PublicKeyAlgorithm::EcP256 => 256,
        PublicKeyAlgorithm::EcP384 => 384,
        PublicKeyAlgorithm::EcP521 => 521,
        PublicKeyAlgorithm::Ed25519 => 256,
        PublicKeyAlgorithm::Other(_) => 0,
    };
    PublicKey {
        algorithm,
        bits,
        key_bytes: spki.subject_public_key.data.to_vec(),
        spki_der: spki.raw.to_vec(),
    }
}

/// Whether `name` is a DNS host name or a left-most wildcard (`*.contoso.com`), as
/// CertificateDomains requires of the subject CN (spec §1.2).
pub fn is_dns_name(name: &str) -> bool {
    let body = name.strip_prefix("*.").unwrap_or(name);
    let body = body.strip_suffix('.').unwrap_or(body);
    !body.is_empty()
        && body.len() <= 253
        && body.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
                && !label.starts_with('-')
                && !label.ends_with('-')
        })
}

impl Certificate {
    /// Parses one DER-encoded certificate.
    ///
    /// # Errors
    ///
    /// [`ParseCertificateError`] when the bytes are empty, not a certificate, or followed by
    /// trailing data.
    pub fn from_der(der: &[u8]) -> Result<Certificate, ParseCertificateError> {
        if der.is_empty() {
            return Err(ParseCertificateError::Empty);
        }
        let (rest, x509) =
            x509_parser::certificate::X509Certificate::from_der(der).map_err(|error| {
                ParseCertificateError::InvalidDer {
                    reason: error.to_string(),
                }
            })?;
        if !rest.is_empty() {
            return Err(ParseCertificateError::TrailingData { count: rest.len() });
        }
        let tbs = &x509.tbs_certificate;
        Ok(Certificate {
            der: der.to_vec(),
            thumbprint: Thumbprint::of_der(der),
            version: tbs.version.0 + 1,
            serial: x509.raw_serial().to_vec(),
            subject: convert::name(tbs.subject()),
            issuer: convert::name(tbs.issuer()),
            subject_der: tbs.subject().as_raw().to_vec(),
            issuer_der: tbs.issuer().as_raw().to_vec(),
            not_before: tbs.validity().not_before.to_datetime(),
            not_after: tbs.validity().not_after.to_datetime(),
            public_key: public_key(tbs.public_key()),
            signature_algorithm: convert::signature_algorithm(&x509.signature_algorithm),
            tbs_signature_algorithm: convert::signature_algorithm(&tbs.signature),
            tbs: tbs.as_ref().to_vec(),
            signature: x509.signature_value.data.to_vec(),
            extensions: convert::extensions(tbs.extensions()),
        })
    }

    /// Parses every `CERTIFICATE` block of PEM text, in order.
    ///
    /// # Errors
    ///
    /// [`ParseCertificateError::NoCertificateInPem`] when there is none, or the error of the
    /// first malformed block.
    pub fn from_pem(text: &str) -> Result<Vec<Certificate>, ParseCertificateError> {
        let blocks = pem::parse_blocks(text).map_err(|error| match error {
            pem::PemError::Unterminated(reason) | pem::PemError::Base64(reason) => {
                ParseCertificateError::InvalidPem { reason }
            }
        })?;
        let certificates = blocks
            .iter()
            .filter(|block| block.label == "CERTIFICATE" || block.label == "X509 CERTIFICATE")
            .map(|block| Certificate::from_der(&block.contents))
            .collect::<Result<Vec<_>, _>>()?;
        if certificates.is_empty() {
            return Err(ParseCertificateError::NoCertificateInPem);
        }
        Ok(certificates)
    }

    /// Parses a bare Base64 `.cer` file (no PEM armour; white space ignored).
    ///
    /// # Errors
    ///
    /// [`ParseCertificateError::InvalidBase64`] or the DER error.
    pub fn from_base64(text: &str) -> Result<Certificate, ParseCertificateError> {
        let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        if compact.is_empty() {
            return Err(ParseCertificateError::Empty);
        }
        let der = base64::engine::general_purpose::STANDARD
            .decode(compact.as_bytes())
            .map_err(|error| ParseCertificateError::InvalidBase64 {
                reason: error.to_string(),
            })?;
        Certificate::from_der(&der)
    }

    /// Detects the encoding (PEM, DER, bare Base64) and parses every certificate.
    ///
    /// # Errors
    ///
    /// The error of the detected format.
    pub fn parse_any(bytes: &[u8]) -> Result<Vec<Certificate>, ParseCertificateError> {
        if bytes.iter().all(|byte| byte.is_ascii_whitespace()) {
            return Err(ParseCertificateError::Empty);
        }
        if pem::looks_like_pem(bytes) {
            let text = String::from_utf8_lossy(bytes);
            return Certificate::from_pem(&text);
        }
        if bytes.first() == Some(&0x30) {
            return Certificate::from_der(bytes).map(|certificate| vec![certificate]);
        }
        match std::str::from_utf8(bytes) {
            Ok(text) => Certificate::from_base64(text).map(|certificate| vec![certificate]),
            Err(_) => Err(ParseCertificateError::InvalidDer {
                reason: "the data is neither DER, PEM nor Base64".to_owned(),
            }),
        }
    }

    /// The complete DER encoding.
    pub fn der(&self) -> &[u8] {
        &self.der
    }

    /// The PEM encoding (`-----BEGIN CERTIFICATE-----`, 64-character lines).
    pub fn to_pem(&self) -> String {
        let encoded = base64::engine::general_purpose::STANDARD.encode(&self.der);
        let mut out = String::from("-----BEGIN CERTIFICATE-----\n");
        for chunk in encoded.as_bytes().chunks(64) {
            out.push_str(&String::from_utf8_lossy(chunk));
            out.push('\n');
        }
        out.push_str("-----END CERTIFICATE-----\n");
        out
    }

    /// SHA-1 thumbprint of the DER.
    pub fn thumbprint(&self) -> Thumbprint {
        self.thumbprint
    }

    /// X.509 version number (1, 2 or 3).
    pub fn version(&self) -> u32 {
        self.version
    }

    /// The serial number as Windows shows it: upper-case hex of the encoded INTEGER bytes
    /// (a leading `00` sign byte is kept, as `X509Certificate2.SerialNumber` keeps it).
    pub fn serial_number(&self) -> String {
        convert::hex_upper(&self.serial)
    }

    /// The encoded serial INTEGER bytes.
    pub fn serial_bytes(&self) -> &[u8] {
        &self.serial
    }

    /// The subject name (display order).
    pub fn subject(&self) -> &DistinguishedName {
        &self.subject
    }

    /// The issuer name (display order).
    pub fn issuer(&self) -> &DistinguishedName {
        &self.issuer
    }

    /// The DER of the subject Name.
    pub fn subject_der(&self) -> &[u8] {
        &self.subject_der
    }

    /// The DER of the issuer Name.
    pub fn issuer_der(&self) -> &[u8] {
        &self.issuer_der
    }

    /// CertificateDomains (spec §1.2): the subject CN first when it is a DNS name or wildcard,
    /// then each SAN dNSName not already present (case-insensitive).
    pub fn certificate_domains(&self) -> Vec<String> {
        let mut domains: Vec<String> = Vec::new();
        let cn = self
            .subject
            .common_name_value()
            .filter(|cn| is_dns_name(cn));
        for name in cn
            .into_iter()
            .chain(self.extensions.san_dns_names().iter().map(String::as_str))
        {
            if !domains.iter().any(|known| known.eq_ignore_ascii_case(name)) {
                domains.push(name.to_owned());
            }
        }
        domains
    }

    /// NotBefore.
    pub fn not_before(&self) -> OffsetDateTime {
        self.not_before
    }

    /// NotAfter.
    pub fn not_after(&self) -> OffsetDateTime {
        self.not_after
    }

    /// Whether `now` lies inside NotBefore..=NotAfter (RFC 5280 §4.1.2.5).
    pub fn is_within_validity(&self, now: OffsetDateTime) -> bool {
        self.not_before <= now && now <= self.not_after
    }

    /// The subject public key.
    pub fn public_key(&self) -> &PublicKey {
        &self.public_key
    }

    /// PublicKeySize: bits of the RSA modulus, or the EC curve size.
    pub fn public_key_size(&self) -> u32 {
        self.public_key.bits
    }

    /// The signature algorithm of the outer certificate.
    pub fn signature_algorithm(&self) -> &SignatureAlgorithm {
        &self.signature_algorithm
    }

    /// The signature algorithm named inside the TBSCertificate; RFC 5280 §4.1.1.2 requires it
    /// to equal [`Certificate::signature_algorithm`].
    pub fn tbs_signature_algorithm(&self) -> &SignatureAlgorithm {
        &self.tbs_signature_algorithm
    }

    /// The raw TBSCertificate DER (the signed bytes).
    pub fn tbs_der(&self) -> &[u8] {
        &self.tbs
    }

    /// The signature value bytes.
    pub fn signature_value(&self) -> &[u8] {
        &self.signature
    }

    /// The extensions.
    pub fn extensions(&self) -> &Extensions {
        &self.extensions
    }

    /// Whether the issuer name equals the subject name (byte-equal or matching).
    pub fn is_self_issued(&self) -> bool {
        self.subject_der == self.issuer_der || self.subject.matches(&self.issuer)
    }

    /// IsSelfSigned (spec §1.2): self-issued and the signature verifies with its own key.
    pub fn is_self_signed(&self) -> bool {
        self.is_self_issued() && self.verify_signed_by(&self.public_key).is_ok()
    }

    /// Verifies this certificate's signature with `issuer_key`.
    ///
    /// # Errors
    ///
    /// [`VerifySignatureError`] when the algorithm is unsupported or the signature is wrong.
    pub fn verify_signed_by(&self, issuer_key: &PublicKey) -> Result<(), VerifySignatureError> {
        verify_signature(
            &self.signature_algorithm,
            &self.tbs,
            &self.signature,
            issuer_key,
        )
    }
}
