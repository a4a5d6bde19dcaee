//! PKCS #10 certificate requests, as New-ExchangeCertificate -GenerateRequest writes them.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

use crate::certificate::{
    CreateCertificateError, ExtendedKeyUsage, extended_key_usage, subject_alt_names,
};
use crate::key::PrivateKey;
use crate::name::SubjectName;
use crate::pem;
use crate::signer::Signer;

/// What goes into a request. Serial, validity and CRL distribution points are the CA's to
/// choose and cannot be requested.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestParams {
    /// The requested subject name.
    pub subject: SubjectName,
    /// Requested subjectAltName dNSNames; no SAN extension when empty.
    pub domains: Vec<String>,
}

/// A signed PKCS #10 request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CertificateRequest {
    der: Vec<u8>,
}

impl CertificateRequest {
    /// The DER encoding (what `-BinaryEncoded` writes, spec B-65).
    pub fn der(&self) -> &[u8] {
        &self.der
    }

    /// The Base64 of the DER on one line (the `CertificateRequest` property, spec B-67).
    pub fn base64(&self) -> String {
        STANDARD.encode(&self.der)
    }

    /// The file form Exchange writes by default: `-----BEGIN NEW CERTIFICATE REQUEST-----`,
    /// Base64 in 64-character lines, CRLF line ends (spec §3.1).
    pub fn to_pem(&self) -> String {
        pem::encode("NEW CERTIFICATE REQUEST", &self.der, "\r\n")
    }
}

/// Creates a PKCS #10 request signed with `key` (SHA-256 RSA), carrying the extension request
/// keyUsage digitalSignature + keyEncipherment, extKeyUsage serverAuth and the SAN `domains`.
///
/// # Errors
/// [`CreateCertificateError`] for unencodable names or a key that cannot sign.
pub fn request(
    params: &RequestParams,
    key: &PrivateKey,
) -> Result<CertificateRequest, CreateCertificateError> {
    let mut rcgen_params = rcgen::CertificateParams::default();
    rcgen_params.distinguished_name = params
        .subject
        .to_rcgen()
        .map_err(CreateCertificateError::Name)?;
    rcgen_params.subject_alt_names = subject_alt_names(&params.domains)?;
    rcgen_params.key_usages = vec![
        rcgen::KeyUsagePurpose::DigitalSignature,
        rcgen::KeyUsagePurpose::KeyEncipherment,
    ];
    rcgen_params.extended_key_usages = vec![extended_key_usage(ExtendedKeyUsage::ServerAuth)];
    let signer = Signer::new(key).map_err(|_| CreateCertificateError::UnusableKey)?;
    let request = rcgen_params.serialize_request(&signer).map_err(|error| {
        CreateCertificateError::Encoding {
            reason: error.to_string(),
        }
    })?;
    Ok(CertificateRequest {
        der: request.der().to_vec(),
    })
}
