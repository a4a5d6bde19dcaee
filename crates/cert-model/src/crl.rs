//! Certificate revocation lists (RFC 5280 §5), parsed at the edge with x509-parser.

use time::OffsetDateTime;
use x509_parser::prelude::FromDer;

use crate::convert;
use crate::error::ParseCrlError;
use crate::extensions::{Extension, IssuingDistributionPoint};
use crate::name::DistinguishedName;
use crate::pem;
use crate::signature::{PublicKey, SignatureAlgorithm, VerifySignatureError, verify_signature};

/// One revoked certificate entry.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub struct RevokedEntry {
    /// Encoded serial INTEGER bytes (compare with `Certificate::serial_bytes`).
    pub serial: Vec<u8>,
    /// The revocation date.
    pub revocation_date: OffsetDateTime,
}

/// A parsed CRL.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub struct Crl {
    der: Vec<u8>,
    issuer: DistinguishedName,
    issuer_der: Vec<u8>,
    this_update: OffsetDateTime,
    next_update: Option<OffsetDateTime>,
    revoked: Vec<RevokedEntry>,
    signature_algorithm: SignatureAlgorithm,
    tbs: Vec<u8>,
    signature: Vec<u8>,
    authority_key_id: Option<Vec<u8>>,
    crl_number: Option<Vec<u8>>,
    issuing_distribution_point: Option<IssuingDistributionPoint>,
    extensions: Vec<Extension>,
}

impl Crl {
    /// Parses one DER CRL.
    ///
    /// # Errors
    ///
    /// [`ParseCrlError`] when the bytes are empty or not a CRL.
    pub fn from_der(der: &[u8]) -> Result<Crl, ParseCrlError> {
        if der.is_empty() {
            return Err(ParseCrlError::Empty);
        }
        let (rest, x509) = x509_parser::revocation_list::CertificateRevocationList::from_der(der)
            .map_err(|error| ParseCrlError::InvalidDer {
            reason: error.to_string(),
        })?;
        if !rest.is_empty() {
            return Err(ParseCrlError::InvalidDer {
                reason: format!("{} trailing bytes", rest.len()),
            });
        }
        let tbs = &x509.tbs_cert_list;
        let extensions = convert::extensions(tbs.extensions());
        let authority_key_id = extensions.authority_key_id().map(<[u8]>::to_vec);
        let crl_number = x509.crl_number().map(|number| number.to_bytes_be());
        let issuing_distribution_point = extensions.issuing_distribution_point().cloned();
        Ok(Crl {
            der: der.to_vec(),
            issuer: convert::name(&tbs.issuer),
            issuer_der: tbs.issuer.as_raw().to_vec(),
            this_update: tbs.this_update.to_datetime(),
            next_update: tbs.next_update.map(|time| time.to_datetime()),
            revoked: x509
                .iter_revoked_certificates()
                .map(|entry| RevokedEntry {
                    serial: entry.raw_serial().to_vec(),
                    revocation_date: entry.revocation_date.to_datetime(),
                })
                .collect(),
            signature_algorithm: convert::signature_algorithm(&x509.signature_algorithm),
            tbs: tbs.as_ref().to_vec(),
            signature: x509.signature_value.data.to_vec(),
            authority_key_id,
            crl_number,
            issuing_distribution_point,
            extensions: extensions.all().to_vec(),
        })
    }

    /// Parses every `X509 CRL` block of PEM text.
    ///
    /// # Errors
    ///
    /// [`ParseCrlError::NoCrlInPem`] when there is none, or the first block's error.
    pub fn from_pem(text: &str) -> Result<Vec<Crl>, ParseCrlError> {
        let blocks = pem::parse_blocks(text).map_err(|error| match error {
            pem::PemError::Unterminated(reason) | pem::PemError::Base64(reason) => {
                ParseCrlError::InvalidPem { reason }
            }
        })?;
        let crls = blocks
            .iter()
            .filter(|block| block.label == "X509 CRL")
            .map(|block| Crl::from_der(&block.contents))
            .collect::<Result<Vec<_>, _>>()?;
        if crls.is_empty() {
            return Err(ParseCrlError::NoCrlInPem);
        }
        Ok(crls)
    }

    /// Detects PEM or DER and parses every CRL.
    ///
    /// # Errors
    ///
    /// The error of the detected format.
    pub fn parse_any(bytes: &[u8]) -> Result<Vec<Crl>, ParseCrlError> {
        if pem::looks_like_pem(bytes) {
            Crl::from_pem(&String::from_utf8_lossy(bytes))
        } else {
            Crl::from_der(bytes).map(|crl| vec![crl])
        }
    }

    /// The complete DER.
    pub fn der(&self) -> &[u8] {
        &self.der
    }

    /// The issuer name (display order).
    pub fn issuer(&self) -> &DistinguishedName {
        &self.issuer
    }

    /// The DER of the issuer Name.
    pub fn issuer_der(&self) -> &[u8] {
        &self.issuer_der
    }

    /// thisUpdate.
    pub fn this_update(&self) -> OffsetDateTime {
        self.this_update
    }

    /// nextUpdate, when present.
    pub fn next_update(&self) -> Option<OffsetDateTime> {
        self.next_update
    }

    /// The revoked entries.
    pub fn revoked(&self) -> &[RevokedEntry] {
        &self.revoked
    }

    /// The entry for the certificate with encoded serial `serial`, if listed.
    pub fn find_revoked(&self, serial: &[u8]) -> Option<&RevokedEntry> {
        self.revoked.iter().find(|entry| entry.serial == serial)
    }

    /// The signature algorithm.
    pub fn signature_algorithm(&self) -> &SignatureAlgorithm {
        &self.signature_algorithm
    }

    /// The raw TBSCertList DER.
    pub fn tbs_der(&self) -> &[u8] {
        &self.tbs
    }

    /// The signature value bytes.
    pub fn signature_value(&self) -> &[u8] {
        &self.signature
    }

    /// authorityKeyIdentifier keyIdentifier, when present.
    pub fn authority_key_id(&self) -> Option<&[u8]> {
        self.authority_key_id.as_deref()
    }

    /// cRLNumber as big-endian bytes, when present.
    pub fn crl_number(&self) -> Option<&[u8]> {
        self.crl_number.as_deref()
    }

    /// issuingDistributionPoint (the CRL's scope), when present.
    pub fn issuing_distribution_point(&self) -> Option<&IssuingDistributionPoint> {
        self.issuing_distribution_point.as_ref()
    }

    /// Every CRL extension as data.
    pub fn extensions(&self) -> &[Extension] {
        &self.extensions
    }

    /// Verifies the CRL signature with the issuer's key.
    ///
    /// # Errors
    ///
    /// [`VerifySignatureError`] when unsupported or wrong.
    pub fn verify_signed_by(&self, issuer_key: &PublicKey) -> Result<(), VerifySignatureError> {
        verify_signature(
            &self.signature_algorithm,
            &self.tbs,
            &self.signature,
            issuer_key,
        )
    }
}
