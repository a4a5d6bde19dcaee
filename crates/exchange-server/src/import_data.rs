//! What Import-ExchangeCertificate was given: certificates (PEM, DER, Base64, PKCS #7) or a
//! PKCS #12 file (spec §3.3 behaviour steps 1–2); and the writer of certificates-only PKCS #7
//! files (`Export-Certificate -Type P7B`).
//!
//! A small DER reader tells the containers apart by their first inner element: a certificate
//! starts with a SEQUENCE (tbsCertificate), a PKCS #7 ContentInfo with an OBJECT IDENTIFIER, a
//! PKCS #12 PFX with an INTEGER (version 3).

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

use crate::error::ImportCertificateError;

/// The decoded input of an import.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportData {
    /// One or more DER certificates (a single certificate, or the certificates of a PKCS #7
    /// chain or of several PEM blocks), in input order.
    Certificates(Vec<Vec<u8>>),
    /// A PKCS #12 file, still encrypted.
    Pkcs12(Vec<u8>),
}

const TAG_INTEGER: u8 = 0x02;
const TAG_OID: u8 = 0x06;
const TAG_SEQUENCE: u8 = 0x30;
const TAG_SET: u8 = 0x31;
const TAG_CONTEXT_0: u8 = 0xa0;
/// 1.2.840.113549.1.7.2, id-signedData (RFC 2315 §14).
const OID_SIGNED_DATA: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x02];

/// Decodes `bytes`: PEM text (`CERTIFICATE`, `X509 CERTIFICATE`, `PKCS7` blocks), Base64 text
/// of any DER form, or DER (certificate, PKCS #7 SignedData, PKCS #12).
///
/// # Errors
/// [`ImportCertificateError::Base64DataInvalid`] for text that is not Base64,
/// [`ImportCertificateError::DataInvalid`] for anything that is not one of the forms above.
pub fn decode_import_data(bytes: &[u8]) -> Result<ImportData, ImportCertificateError> {
    if bytes.is_empty() {
        return Err(ImportCertificateError::DataInvalid);
    }
    if bytes.first() == Some(&TAG_SEQUENCE) {
        return classify_der(bytes);
    }
    let text = std::str::from_utf8(bytes).map_err(|_| ImportCertificateError::DataInvalid)?;
    let text = text.trim_start_matches('\u{feff}');
    if text.contains("-----BEGIN") {
        return decode_pem(text);
    }
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let der = STANDARD
        .decode(compact)
        .map_err(|_| ImportCertificateError::Base64DataInvalid)?;
    if der.first() != Some(&TAG_SEQUENCE) {
        return Err(ImportCertificateError::DataInvalid);
    }
    classify_der(&der)
}

fn decode_pem(text: &str) -> Result<ImportData, ImportCertificateError> {
    let mut certificates = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("-----BEGIN ") {
        let after = &rest[start + "-----BEGIN ".len()..];
        let label_end = after
            .find("-----")
            .ok_or(ImportCertificateError::DataInvalid)?;
        let label = &after[..label_end];
        let body_start = &after[label_end + 5..];
        let end_marker = format!("-----END {label}-----");
        let body_end = body_start
            .find(&end_marker)
            .ok_or(ImportCertificateError::DataInvalid)?;
        let body: String = body_start[..body_end]
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        rest = &body_start[body_end + end_marker.len()..];
        match label {
            "CERTIFICATE" | "X509 CERTIFICATE" | "TRUSTED CERTIFICATE" => {
                let der = STANDARD
                    .decode(body)
                    .map_err(|_| ImportCertificateError::Base64DataInvalid)?;
                certificates.push(der);
            }
            "PKCS7" | "CERTIFICATE CHAIN" => {
                let der = STANDARD
                    .decode(body)
                    .map_err(|_| ImportCertificateError::Base64DataInvalid)?;
                match classify_der(&der)? {
                    ImportData::Certificates(mut chain) => certificates.append(&mut chain),
                    ImportData::Pkcs12(_) => return Err(ImportCertificateError::DataInvalid),
                }
            }
            // Keys, CRLs and requests in the same file are not certificates to install.
            _ => {}
        }
    }
    if certificates.is_empty() {
        return Err(ImportCertificateError::DataInvalid);
    }
    Ok(ImportData::Certificates(certificates))
}

fn classify_der(der: &[u8]) -> Result<ImportData, ImportCertificateError> {
    let invalid = || ImportCertificateError::DataInvalid;
    let (tag, content, _) = read_tlv(der).ok_or_else(invalid)?;
    if tag != TAG_SEQUENCE {
        return Err(invalid());
    }
    let (first_tag, _, _) = read_tlv(content).ok_or_else(invalid)?;
    match first_tag {
        TAG_SEQUENCE => Ok(ImportData::Certificates(vec![der.to_vec()])),
        TAG_INTEGER => Ok(ImportData::Pkcs12(der.to_vec())),
        TAG_OID => pkcs7_certificates(content)
            .map(ImportData::Certificates)
            .ok_or_else(invalid),
        _ => Err(invalid()),
    }
}

/// The certificates of a PKCS #7 SignedData (RFC 2315 §9.1), given the ContentInfo's content.
fn pkcs7_certificates(content_info: &[u8]) -> Option<Vec<Vec<u8>>> {
    let (tag, oid, rest) = read_tlv(content_info)?;
    if tag != TAG_OID || oid != OID_SIGNED_DATA {
        return None;
    }
    let (tag, explicit, _) = read_tlv(rest)?;
    if tag != TAG_CONTEXT_0 {
        return None;
    }
    let (tag, signed_data, _) = read_tlv(explicit)?;
    if tag != TAG_SEQUENCE {
        return None;
    }
    // version INTEGER, digestAlgorithms SET, contentInfo SEQUENCE, [0] IMPLICIT certificates.
    let (tag, _, rest) = read_tlv(signed_data)?;
    if tag != TAG_INTEGER {
        return None;
    }
    let (tag, _, rest) = read_tlv(rest)?;
    if tag != TAG_SET {
        return None;
    }
    let (tag, _, rest) = read_tlv(rest)?;
    if tag != TAG_SEQUENCE {
        return None;
    }
    let (tag, mut certificates_field, _) = read_tlv(rest)?;
    if tag != TAG_CONTEXT_0 {
        return None;
    }
    let mut certificates = Vec::new();
    while !certificates_field.is_empty() {
        let (tag, _, remainder) = read_tlv(certificates_field)?;
        let length = certificates_field.len() - remainder.len();
        if tag == TAG_SEQUENCE {
            certificates.push(certificates_field[..length].to_vec());
        }
        certificates_field = remainder;
    }
    if certificates.is_empty() {
        None
    } else {
        Some(certificates)
    }
}

/// 1.2.840.113549.1.7.1, id-data.
const OID_DATA: &[u8] = &[0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x07, 0x01];

/// A certificates-only PKCS #7 SignedData (RFC 2315 §9.1, no signers) holding `certificates`
/// (DER), as `.p7b` files are: what `openssl pkcs7 -print_certs` and Windows read.
pub fn pkcs7_certificates_only(certificates: &[&[u8]]) -> Vec<u8> {
    let signed_data = [
        tlv(TAG_INTEGER, &[1]),
        tlv(TAG_SET, &[]),
        tlv(TAG_SEQUENCE, &tlv(TAG_OID, OID_DATA)),
        tlv(TAG_CONTEXT_0, &certificates.concat()),
        tlv(TAG_SET, &[]),
    ]
    .concat();
    let content = [
        tlv(TAG_OID, OID_SIGNED_DATA),
        tlv(TAG_CONTEXT_0, &tlv(TAG_SEQUENCE, &signed_data)),
    ]
    .concat();
    tlv(TAG_SEQUENCE, &content)
}

/// One DER TLV with a definite length.
fn tlv(tag: u8, content: &[u8]) -> Vec<u8> {
    let mut out = vec![tag];
    let length = content.len();
    if length < 0x80 {
        out.push(length as u8);
    } else {
        let octets: Vec<u8> = length
            .to_be_bytes()
            .into_iter()
            .skip_while(|octet| *octet == 0)
            .collect();
        out.push(0x80 | octets.len() as u8);
        out.extend_from_slice(&octets);
    }
    out.extend_from_slice(content);
    out
}

/// Reads one DER TLV: (tag, content, rest). Only single-byte tags and definite lengths of up to
/// four length octets, which is all the structures above use.
fn read_tlv(input: &[u8]) -> Option<(u8, &[u8], &[u8])> {
    let (&tag, rest) = input.split_first()?;
    let (&first, rest) = rest.split_first()?;
    let (length, rest) = if first < 0x80 {
        (usize::from(first), rest)
    } else {
        let count = usize::from(first & 0x7f);
        if count == 0 || count > 4 || rest.len() < count {
            return None;
        }
        let (octets, rest) = rest.split_at(count);
        let length = octets
            .iter()
            .fold(0usize, |acc, octet| (acc << 8) | usize::from(*octet));
        (length, rest)
    };
    if rest.len() < length {
        return None;
    }
    let (content, rest) = rest.split_at(length);
    Some((tag, content, rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A minimal DER "certificate" shape: SEQUENCE { SEQUENCE {} }.
    const CERT_SHAPE: &[u8] = &[0x30, 0x02, 0x30, 0x00];

    fn pkcs7(certs: &[&[u8]]) -> Vec<u8> {
        pkcs7_certificates_only(certs)
    }

    #[test]
    fn pkcs7_writer_uses_long_lengths_beyond_127_octets() {
        let big = [vec![0x30, 0x81, 0xc8, 0x30, 0x00], vec![0u8; 198]].concat();
        let data = pkcs7(&[&big, CERT_SHAPE]);
        assert_eq!(
            decode_import_data(&data).unwrap(),
            ImportData::Certificates(vec![big.clone(), CERT_SHAPE.to_vec()])
        );
    }

    #[test]
    fn s3_3_der_certificate_is_recognised() {
        assert_eq!(
            decode_import_data(CERT_SHAPE).unwrap(),
            ImportData::Certificates(vec![CERT_SHAPE.to_vec()])
        );
    }

    #[test]
    fn s3_3_pkcs7_chain_yields_every_certificate() {
        let second: &[u8] = &[0x30, 0x03, 0x30, 0x01, 0x05];
        let data = pkcs7(&[CERT_SHAPE, second]);
        assert_eq!(
            decode_import_data(&data).unwrap(),
            ImportData::Certificates(vec![CERT_SHAPE.to_vec(), second.to_vec()])
        );
        let pem = format!(
            "-----BEGIN PKCS7-----\n{}\n-----END PKCS7-----\n",
            STANDARD.encode(&data)
        );
        assert_eq!(
            decode_import_data(pem.as_bytes()).unwrap(),
            ImportData::Certificates(vec![CERT_SHAPE.to_vec(), second.to_vec()])
        );
    }

    #[test]
    fn s3_3_base64_and_pem_text_are_decoded() {
        let base64 = format!("{}\r\n", STANDARD.encode(CERT_SHAPE));
        assert_eq!(
            decode_import_data(base64.as_bytes()).unwrap(),
            ImportData::Certificates(vec![CERT_SHAPE.to_vec()])
        );
        let pem = format!(
            "junk\n-----BEGIN CERTIFICATE-----\r\n{}\r\n-----END CERTIFICATE-----\r\n",
            STANDARD.encode(CERT_SHAPE)
        );
        assert_eq!(
            decode_import_data(pem.as_bytes()).unwrap(),
            ImportData::Certificates(vec![CERT_SHAPE.to_vec()])
        );
    }

    #[test]
    fn s3_3_pkcs12_is_recognised_by_its_version() {
        let pfx = [0x30, 0x03, 0x02, 0x01, 0x03];
        assert_eq!(
            decode_import_data(&pfx).unwrap(),
            ImportData::Pkcs12(pfx.to_vec())
        );
    }

    #[test]
    fn s3_3_garbage_is_refused_with_the_catalogue_errors() {
        assert_eq!(
            decode_import_data(b"not base64 at all!"),
            Err(ImportCertificateError::Base64DataInvalid)
        );
        assert_eq!(
            decode_import_data(b""),
            Err(ImportCertificateError::DataInvalid)
        );
        assert_eq!(
            decode_import_data(&[0x30, 0x10, 0x01]),
            Err(ImportCertificateError::DataInvalid)
        );
        assert_eq!(
            decode_import_data(&[0xff, 0x00, 0x13]),
            Err(ImportCertificateError::DataInvalid)
        );
        assert_eq!(
            decode_import_data(b"-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"),
            Err(ImportCertificateError::DataInvalid)
        );
        assert_eq!(
            decode_import_data(b"aGVsbG8="),
            Err(ImportCertificateError::DataInvalid)
        );
    }
}
