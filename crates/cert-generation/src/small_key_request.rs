//! Answering PKCS #10 requests signed by 1024-bit keys. rcgen checks request signatures through
//! x509-parser, which refuses SHA-2 signatures from RSA keys under 2048 bits (crypto-notes:
//! x509-parser); here the request is decoded with `x509-cert`, its signature checked with
//! aws-lc-rs's legacy RSA algorithms (design.md §4), and its extensions copied as they are
//! (like `openssl x509 -req -copy_extensions copy`).

use aws_lc_rs::signature::{self, UnparsedPublicKey, VerificationAlgorithm};
use rcgen::{
    CustomExtension, DistinguishedName, DnType, DnValue, PublicKeyData, SignatureAlgorithm,
};
use x509_cert::der::asn1::ObjectIdentifier;
use x509_cert::der::{Decode as _, Encode as _, Tag, Tagged as _};
use x509_cert::request::CertReq;

use crate::certificate::CreateCertificateError;

const RSA_ENCRYPTION: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.1");
const SHA1_WITH_RSA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.5");
const SHA256_WITH_RSA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.11");
const SHA384_WITH_RSA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.12");
const SHA512_WITH_RSA: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.1.13");
const EXTENSION_REQUEST: ObjectIdentifier = ObjectIdentifier::new_unwrap("1.2.840.113549.1.9.14");
const AUTHORITY_KEY_IDENTIFIER: ObjectIdentifier = ObjectIdentifier::new_unwrap("2.5.29.35");

/// What a verified request asks for.
pub(crate) struct VerifiedRequest {
    pub(crate) subject: DistinguishedName,
    pub(crate) extensions: Vec<CustomExtension>,
    pub(crate) public_key: RequestedKey,
}

/// The requester's RSA public key, for rcgen to put in the certificate.
pub(crate) struct RequestedKey {
    /// PKCS #1 RSAPublicKey, the SubjectPublicKeyInfo BIT STRING contents.
    pkcs1: Vec<u8>,
}

impl PublicKeyData for RequestedKey {
    fn der_bytes(&self) -> &[u8] {
        &self.pkcs1
    }

    /// Any RSA algorithm writes the same rsaEncryption SubjectPublicKeyInfo.
    fn algorithm(&self) -> &'static SignatureAlgorithm {
        &rcgen::PKCS_RSA_SHA256
    }
}

fn invalid(reason: impl Into<String>) -> CreateCertificateError {
    CreateCertificateError::InvalidRequest {
        reason: reason.into(),
    }
}

fn arcs(oid: &ObjectIdentifier) -> Vec<u64> {
    oid.arcs().map(u64::from).collect()
}

/// Decodes `request_der` and checks its self-signature with the legacy RSA algorithms.
pub(crate) fn verify(request_der: &[u8]) -> Result<VerifiedRequest, CreateCertificateError> {
    let request = CertReq::from_der(request_der).map_err(|error| invalid(error.to_string()))?;
    if request.info.public_key.algorithm.oid != RSA_ENCRYPTION {
        return Err(invalid("the request's key is not an RSA key"));
    }
    let algorithm: &'static dyn VerificationAlgorithm = match request.algorithm.oid {
        SHA1_WITH_RSA => &signature::RSA_PKCS1_1024_8192_SHA1_FOR_LEGACY_USE_ONLY,
        SHA256_WITH_RSA => &signature::RSA_PKCS1_1024_8192_SHA256_FOR_LEGACY_USE_ONLY,
        SHA384_WITH_RSA => &signature::RSA_PKCS1_2048_8192_SHA384,
        SHA512_WITH_RSA => &signature::RSA_PKCS1_1024_8192_SHA512_FOR_LEGACY_USE_ONLY,
        other => return Err(invalid(format!("unsupported signature algorithm {other}"))),
    };
    let pkcs1 = request
        .info
        .public_key
        .subject_public_key
        .as_bytes()
        .ok_or_else(|| invalid("the public key is not a whole number of bytes"))?
        .to_vec();
    let signed = request
        .info
        .to_der()
        .map_err(|error| invalid(error.to_string()))?;
    let signature_bytes = request
        .signature
        .as_bytes()
        .ok_or_else(|| invalid("the signature is not a whole number of bytes"))?;
    UnparsedPublicKey::new(algorithm, &pkcs1)
        .verify(&signed, signature_bytes)
        .map_err(|_| invalid("the request's signature does not verify"))?;

    let mut subject = DistinguishedName::new();
    for rdn in request.info.subject.iter_rdn() {
        if rdn.len() != 1 {
            return Err(invalid("multi-valued name components are not supported"));
        }
        for attribute in rdn.iter() {
            let dn_type = DnType::from_oid(&arcs(&attribute.oid));
            if subject.get(&dn_type).is_some() {
                return Err(invalid("a subject attribute appears more than once"));
            }
            subject.push(dn_type, directory_string(&attribute.value)?);
        }
    }

    let mut extensions = Vec::new();
    for attribute in request.info.attributes.iter() {
        if attribute.oid != EXTENSION_REQUEST {
            continue;
        }
        for value in attribute.values.iter() {
            let der = value.to_der().map_err(|error| invalid(error.to_string()))?;
            let requested = Vec::<x509_cert::ext::Extension>::from_der(&der)
                .map_err(|error| invalid(error.to_string()))?;
            // The CA writes its own authority key identifier.
            for extension in requested
                .iter()
                .filter(|ext| ext.extn_id != AUTHORITY_KEY_IDENTIFIER)
            {
                let mut custom = CustomExtension::from_oid_content(
                    &arcs(&extension.extn_id),
                    extension.extn_value.as_bytes().to_vec(),
                );
                custom.set_criticality(extension.critical);
                extensions.push(custom);
            }
        }
    }
    Ok(VerifiedRequest {
        subject,
        extensions,
        public_key: RequestedKey { pkcs1 },
    })
}

/// A DirectoryString (or IA5String) value, keeping its string type where rcgen can.
fn directory_string(value: &x509_cert::der::Any) -> Result<DnValue, CreateCertificateError> {
    let text = || {
        std::str::from_utf8(value.value())
            .map(str::to_owned)
            .map_err(|_| invalid("a subject value is not valid text"))
    };
    let bad = |_| invalid("a subject value does not fit its string type");
    Ok(match value.tag() {
        Tag::PrintableString => DnValue::PrintableString(text()?.try_into().map_err(bad)?),
        Tag::Ia5String => DnValue::Ia5String(text()?.try_into().map_err(bad)?),
        Tag::TeletexString => DnValue::TeletexString(text()?.try_into().map_err(bad)?),
        Tag::Utf8String => DnValue::Utf8String(text()?),
        Tag::BmpString => {
            let units: Vec<u16> = value
                .value()
                .chunks_exact(2)
                .map(|pair| u16::from_be_bytes([pair[0], pair[1]]))
                .collect();
            let decoded = String::from_utf16(&units).map_err(|_| invalid("bad BMPString"))?;
            DnValue::BmpString(decoded.as_str().try_into().map_err(bad)?)
        }
        other => return Err(invalid(format!("unsupported subject value type {other}"))),
    })
}
