//! Certificates: self-signed (what New-ExchangeCertificate makes) and CA-issued (what the
//! test CA of `cert-testkit` makes), plus CRLs from the same CA.

use rcgen::{
    BasicConstraints, CertificateRevocationListParams, CrlDistributionPoint,
    ExtendedKeyUsagePurpose, IsCa, Issuer, KeyIdMethod, KeyUsagePurpose, RevokedCertParams,
    SanType, SerialNumber,
};
use time::OffsetDateTime;

use crate::key::PrivateKey;
use crate::name::{NameError, SubjectName};
use crate::random::{FillRandomError, RandomSource, serial_number};
use crate::signer::Signer;
use crate::small_key_request;

/// Key usage bits (RFC 5280 §4.2.1.3) a certificate may carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KeyUsage {
    /// digitalSignature.
    DigitalSignature,
    /// keyEncipherment.
    KeyEncipherment,
    /// keyCertSign (CA certificates).
    KeyCertSign,
    /// cRLSign (CA certificates).
    CrlSign,
}

/// Extended key usages (RFC 5280 §4.2.1.12) a certificate may carry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ExtendedKeyUsage {
    /// id-kp-serverAuth, 1.3.6.1.5.5.7.3.1: what every Exchange service requires (spec B-82).
    ServerAuth,
    /// id-kp-clientAuth, 1.3.6.1.5.5.7.3.2.
    ClientAuth,
}

/// Whether a certificate may issue others (basicConstraints, RFC 5280 §4.2.1.9).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CertificateRole {
    /// An end-entity certificate: no basicConstraints extension.
    EndEntity,
    /// A CA certificate; `path_length` limits the intermediates below it.
    Authority {
        /// pathLenConstraint, or `None` for unconstrained.
        path_length: Option<u8>,
    },
}

/// What goes into a certificate (everything but the key, the serial and the issuer).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertificateParams {
    /// The subject name.
    pub subject: SubjectName,
    /// subjectAltName dNSNames, in order; no SAN extension when empty (spec §3.1 step 8).
    pub domains: Vec<String>,
    /// Start of validity.
    pub not_before: OffsetDateTime,
    /// End of validity.
    pub not_after: OffsetDateTime,
    /// End entity or CA.
    pub role: CertificateRole,
    /// Key usage bits; no extension when empty.
    pub key_usage: Vec<KeyUsage>,
    /// Extended key usages; no extension when empty.
    pub extended_key_usage: Vec<ExtendedKeyUsage>,
    /// CRL distribution point URIs (issued certificates; not allowed in requests).
    pub crl_distribution_points: Vec<String>,
}

impl CertificateParams {
    /// An Exchange server certificate: `subject`, SAN `domains`, valid `now` .. now + 1 year
    /// (spec B-03), key usage digitalSignature + keyEncipherment, EKU serverAuth.
    pub fn server(subject: SubjectName, domains: Vec<String>, now: OffsetDateTime) -> Self {
        CertificateParams {
            subject,
            domains,
            not_before: now,
            not_after: one_year_after(now),
            role: CertificateRole::EndEntity,
            key_usage: vec![KeyUsage::DigitalSignature, KeyUsage::KeyEncipherment],
            extended_key_usage: vec![ExtendedKeyUsage::ServerAuth],
            crl_distribution_points: Vec::new(),
        }
    }

    /// A CA certificate valid from `not_before` to `not_after`, allowed to sign certificates
    /// and CRLs.
    pub fn authority(
        subject: SubjectName,
        not_before: OffsetDateTime,
        not_after: OffsetDateTime,
        path_length: Option<u8>,
    ) -> Self {
        CertificateParams {
            subject,
            domains: Vec::new(),
            not_before,
            not_after,
            role: CertificateRole::Authority { path_length },
            key_usage: vec![
                KeyUsage::DigitalSignature,
                KeyUsage::KeyCertSign,
                KeyUsage::CrlSign,
            ],
            extended_key_usage: Vec::new(),
            crl_distribution_points: Vec::new(),
        }
    }

    /// The rcgen parameters, without a serial.
    pub(crate) fn to_rcgen(&self) -> Result<rcgen::CertificateParams, CreateCertificateError> {
        if self.not_after <= self.not_before {
            return Err(CreateCertificateError::InvalidValidity);
        }
        let mut params = rcgen::CertificateParams::default();
        params.distinguished_name = self
            .subject
            .to_rcgen()
            .map_err(CreateCertificateError::Name)?;
        params.subject_alt_names = subject_alt_names(&self.domains)?;
        params.not_before = self.not_before;
        params.not_after = self.not_after;
        params.is_ca = match self.role {
            CertificateRole::EndEntity => IsCa::NoCa,
            CertificateRole::Authority { path_length: None } => {
                IsCa::Ca(BasicConstraints::Unconstrained)
            }
            CertificateRole::Authority {
                path_length: Some(length),
            } => IsCa::Ca(BasicConstraints::Constrained(length)),
        };
        params.key_usages = self
            .key_usage
            .iter()
            .map(|usage| key_usage(*usage))
            .collect();
        params.extended_key_usages = self
            .extended_key_usage
            .iter()
            .map(|usage| extended_key_usage(*usage))
            .collect();
        params.crl_distribution_points = if self.crl_distribution_points.is_empty() {
            Vec::new()
        } else {
            vec![CrlDistributionPoint {
                uris: self.crl_distribution_points.clone(),
            }]
        };
        Ok(params)
    }
}

/// The same instant one calendar year later; 29 February maps to 28 February.
pub fn one_year_after(instant: OffsetDateTime) -> OffsetDateTime {
    let year = instant.year() + 1;
    instant
        .replace_year(year)
        .or_else(|_| {
            instant
                .replace_day(28)
                .and_then(|day| day.replace_year(year))
        })
        .unwrap_or(instant)
}

pub(crate) fn subject_alt_names(
    domains: &[String],
) -> Result<Vec<SanType>, CreateCertificateError> {
    domains
        .iter()
        .map(|domain| {
            domain
                .as_str()
                .try_into()
                .map(SanType::DnsName)
                .map_err(|_| CreateCertificateError::InvalidDomain {
                    domain: domain.clone(),
                })
        })
        .collect()
}

fn key_usage(usage: KeyUsage) -> KeyUsagePurpose {
    match usage {
        KeyUsage::DigitalSignature => KeyUsagePurpose::DigitalSignature,
        KeyUsage::KeyEncipherment => KeyUsagePurpose::KeyEncipherment,
        KeyUsage::KeyCertSign => KeyUsagePurpose::KeyCertSign,
        KeyUsage::CrlSign => KeyUsagePurpose::CrlSign,
    }
}

pub(crate) fn extended_key_usage(usage: ExtendedKeyUsage) -> ExtendedKeyUsagePurpose {
    match usage {
        ExtendedKeyUsage::ServerAuth => ExtendedKeyUsagePurpose::ServerAuth,
        ExtendedKeyUsage::ClientAuth => ExtendedKeyUsagePurpose::ClientAuth,
    }
}

/// Creating a certificate or CRL failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CreateCertificateError {
    /// The subject name cannot be encoded.
    #[error("invalid subject name: {0}")]
    Name(#[source] NameError),
    /// A SAN entry is not an IA5 string.
    #[error("the domain name '{domain}' cannot be put in a certificate")]
    InvalidDomain {
        /// The rejected name.
        domain: String,
    },
    /// NotAfter (or nextUpdate) is not after NotBefore (or thisUpdate).
    #[error("the end of validity must be after its start")]
    InvalidValidity,
    /// No serial number could be drawn.
    #[error("could not draw a serial number")]
    Random(#[source] FillRandomError),
    /// The private key cannot sign.
    #[error("the private key cannot be used for signing")]
    UnusableKey,
    /// The CA certificate could not be read.
    #[error("the issuing CA certificate cannot be read")]
    UnreadableIssuer,
    /// The request is unreadable or its signature does not verify.
    #[error("the certificate request is invalid: {reason}")]
    InvalidRequest {
        /// What was wrong.
        reason: String,
    },
    /// The CA certificate's key usage does not allow CRL signing.
    #[error("the issuing CA may not sign CRLs")]
    IssuerNotCrlSigner,
    /// The encoder refused the parameters.
    #[error("the certificate could not be encoded: {reason}")]
    Encoding {
        /// The encoder's message.
        reason: String,
    },
}

fn encoding(error: rcgen::Error) -> CreateCertificateError {
    match error {
        rcgen::Error::InvalidCrlNextUpdate => CreateCertificateError::InvalidValidity,
        rcgen::Error::IssuerNotCrlSigner => CreateCertificateError::IssuerNotCrlSigner,
        other => CreateCertificateError::Encoding {
            reason: other.to_string(),
        },
    }
}

/// Makes a self-signed certificate: issuer = subject (spec B-05), signed with `key`
/// (SHA-256 RSA), with a random positive 16-byte serial from `random`. Returns the DER.
///
/// ```
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// use cert_generation::{
///     CertificateParams, KeyGenerator, KeySize, SubjectName, SystemKeyGenerator,
///     SystemRandomSource, self_signed,
/// };
/// let key = SystemKeyGenerator.generate_rsa(KeySize::Rsa2048)?;
/// let now = time::macros::datetime!(2008-08-07 10:04:02 UTC);
/// let params = CertificateParams::server(
///     SubjectName::common_name("EXCH01"),
///     vec!["EXCH01".into(), "EXCH01.contoso.com".into()],
///     now,
/// );
/// let der = self_signed(&params, &key, &mut SystemRandomSource)?;
/// assert!(der.len() > 500);
/// # Ok(())
/// # }
/// ```
///
/// # Errors
/// [`CreateCertificateError`] for unencodable names or dates, a key that cannot sign, or a
/// failing random source.
pub fn self_signed(
    params: &CertificateParams,
    key: &PrivateKey,
    random: &mut dyn RandomSource,
) -> Result<Vec<u8>, CreateCertificateError> {
    let mut rcgen_params = params.to_rcgen()?;
    let serial = serial_number(random).map_err(CreateCertificateError::Random)?;
    rcgen_params.serial_number = Some(SerialNumber::from_slice(&serial));
    let signer = Signer::new(key).map_err(|_| CreateCertificateError::UnusableKey)?;
    let certificate = rcgen_params.self_signed(&signer).map_err(encoding)?;
    Ok(certificate.der().to_vec())
}

/// A CA: its certificate and private key, able to issue certificates and sign CRLs.
pub struct CertificateAuthority {
    certificate_der: Vec<u8>,
    /// The CA's subjectKeyIdentifier, repeated as the authorityKeyIdentifier of its CRLs.
    subject_key_id: Option<Vec<u8>>,
    issuer: Issuer<'static, Signer>,
}

impl std::fmt::Debug for CertificateAuthority {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CertificateAuthority")
            .finish_non_exhaustive()
    }
}

impl CertificateAuthority {
    /// A CA from its DER certificate and private key.
    ///
    /// # Errors
    /// [`CreateCertificateError::UnreadableIssuer`] or [`CreateCertificateError::UnusableKey`].
    pub fn new(
        certificate_der: &[u8],
        key: &PrivateKey,
    ) -> Result<CertificateAuthority, CreateCertificateError> {
        let certificate = cert_model::Certificate::from_der(certificate_der)
            .map_err(|_| CreateCertificateError::UnreadableIssuer)?;
        let signer = Signer::new(key).map_err(|_| CreateCertificateError::UnusableKey)?;
        let issuer = Issuer::from_ca_cert_der(&certificate_der.to_vec().into(), signer)
            .map_err(|_| CreateCertificateError::UnreadableIssuer)?;
        Ok(CertificateAuthority {
            certificate_der: certificate_der.to_vec(),
            subject_key_id: certificate
                .extensions()
                .subject_key_id()
                .map(<[u8]>::to_vec),
            issuer,
        })
    }

    /// The CA's own certificate (DER).
    pub fn certificate_der(&self) -> &[u8] {
        &self.certificate_der
    }

    /// Issues a certificate for `subject_key`'s public half. Returns the DER.
    ///
    /// # Errors
    /// As [`self_signed`].
    pub fn issue(
        &self,
        params: &CertificateParams,
        subject_key: &PrivateKey,
        random: &mut dyn RandomSource,
    ) -> Result<Vec<u8>, CreateCertificateError> {
        let mut rcgen_params = params.to_rcgen()?;
        let serial = serial_number(random).map_err(CreateCertificateError::Random)?;
        rcgen_params.serial_number = Some(SerialNumber::from_slice(&serial));
        rcgen_params.use_authority_key_identifier_extension = true;
        let subject = Signer::new(subject_key).map_err(|_| CreateCertificateError::UnusableKey)?;
        let certificate = rcgen_params
            .signed_by(&subject, &self.issuer)
            .map_err(encoding)?;
        Ok(certificate.der().to_vec())
    }

    /// Issues a certificate for a PKCS #10 request (DER), as a CA answering New-ExchangeCertificate
    /// -GenerateRequest would: subject, SAN, key usage and EKU come from the request, validity and
    /// CRL distribution points from `params`.
    ///
    /// The request's signature is checked by x509-parser through rcgen; x509-parser refuses
    /// SHA-2 signatures from keys under 2048 bits, so such requests are checked with aws-lc-rs's
    /// legacy RSA algorithms instead and their extensions copied unchanged.
    ///
    /// # Errors
    /// [`CreateCertificateError::InvalidRequest`] for an unreadable or badly signed request, and
    /// the errors of [`self_signed`].
    pub fn issue_for_request(
        &self,
        request_der: &[u8],
        params: &IssueParams,
        random: &mut dyn RandomSource,
    ) -> Result<Vec<u8>, CreateCertificateError> {
        if params.not_after <= params.not_before {
            return Err(CreateCertificateError::InvalidValidity);
        }
        let mut request =
            match rcgen::CertificateSigningRequestParams::from_der(&request_der.to_vec().into()) {
                Ok(request) => request,
                // x509-parser refuses SHA-2 signatures from keys under 2048 bits.
                Err(rcgen::Error::InvalidCertificationRequestSignature) => {
                    return self.issue_for_small_key_request(request_der, params, random);
                }
                Err(error) => {
                    return Err(CreateCertificateError::InvalidRequest {
                        reason: error.to_string(),
                    });
                }
            };
        let serial = serial_number(random).map_err(CreateCertificateError::Random)?;
        request.params.serial_number = Some(SerialNumber::from_slice(&serial));
        request.params.not_before = params.not_before;
        request.params.not_after = params.not_after;
        request.params.use_authority_key_identifier_extension = true;
        if !params.crl_distribution_points.is_empty() {
            request.params.crl_distribution_points = vec![CrlDistributionPoint {
                uris: params.crl_distribution_points.clone(),
            }];
        }
        let certificate = request.signed_by(&self.issuer).map_err(encoding)?;
        Ok(certificate.der().to_vec())
    }

    /// [`Self::issue_for_request`] for a request whose signature x509-parser cannot check:
    /// verified with aws-lc-rs's legacy RSA algorithms, extensions copied as requested.
    fn issue_for_small_key_request(
        &self,
        request_der: &[u8],
        params: &IssueParams,
        random: &mut dyn RandomSource,
    ) -> Result<Vec<u8>, CreateCertificateError> {
        let request = small_key_request::verify(request_der)?;
        let mut certificate_params = rcgen::CertificateParams::default();
        certificate_params.distinguished_name = request.subject;
        certificate_params.custom_extensions = request.extensions;
        certificate_params.not_before = params.not_before;
        certificate_params.not_after = params.not_after;
        let serial = serial_number(random).map_err(CreateCertificateError::Random)?;
        certificate_params.serial_number = Some(SerialNumber::from_slice(&serial));
        certificate_params.use_authority_key_identifier_extension = true;
        if !params.crl_distribution_points.is_empty() {
            certificate_params.crl_distribution_points = vec![CrlDistributionPoint {
                uris: params.crl_distribution_points.clone(),
            }];
        }
        let certificate = certificate_params
            .signed_by(&request.public_key, &self.issuer)
            .map_err(encoding)?;
        Ok(certificate.der().to_vec())
    }

    /// Signs a CRL listing `params.revoked`. Returns the DER.
    ///
    /// The CRL's authorityKeyIdentifier repeats the CA certificate's subjectKeyIdentifier
    /// (RFC 5280 §5.2.1), whichever method made it; a CA certificate without one gets rcgen's
    /// SHA-256-based identifier of its key.
    ///
    /// # Errors
    /// [`CreateCertificateError::InvalidValidity`] when nextUpdate is not after thisUpdate,
    /// [`CreateCertificateError::IssuerNotCrlSigner`] when the CA lacks cRLSign.
    pub fn crl(&self, params: &CrlParams) -> Result<Vec<u8>, CreateCertificateError> {
        let rcgen_params = CertificateRevocationListParams {
            this_update: params.this_update,
            next_update: params.next_update,
            crl_number: SerialNumber::from(params.number),
            issuing_distribution_point: None,
            revoked_certs: params
                .revoked
                .iter()
                .map(|entry| RevokedCertParams {
                    serial_number: SerialNumber::from_slice(&entry.serial),
                    revocation_time: entry.revoked_at,
                    reason_code: None,
                    invalidity_date: None,
                })
                .collect(),
            key_identifier_method: match &self.subject_key_id {
                Some(id) => KeyIdMethod::PreSpecified(id.clone()),
                None => KeyIdMethod::Sha256,
            },
        };
        let crl = rcgen_params.signed_by(&self.issuer).map_err(encoding)?;
        Ok(crl.der().to_vec())
    }
}

/// What a CA decides when answering a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssueParams {
    /// Start of validity.
    pub not_before: OffsetDateTime,
    /// End of validity.
    pub not_after: OffsetDateTime,
    /// CRL distribution point URIs to add.
    pub crl_distribution_points: Vec<String>,
}

/// One revoked certificate in a CRL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RevokedCertificate {
    /// The serial number, big-endian bytes as in the certificate.
    pub serial: Vec<u8>,
    /// When the CA revoked it.
    pub revoked_at: OffsetDateTime,
}

/// The contents of a CRL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CrlParams {
    /// thisUpdate.
    pub this_update: OffsetDateTime,
    /// nextUpdate.
    pub next_update: OffsetDateTime,
    /// cRLNumber.
    pub number: u64,
    /// The revoked certificates.
    pub revoked: Vec<RevokedCertificate>,
}
