//! The request file New-ExchangeCertificate -GenerateRequest -Path writes (spec §3.1, B-65).

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

/// How a PKCS #10 request is written to a file or exported (spec B-65, §3.5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RequestEncoding {
    /// Base64 text between `NEW CERTIFICATE REQUEST` lines, CRLF line ends (the default).
    #[default]
    Base64,
    /// The DER bytes (`-BinaryEncoded`).
    Binary,
}

/// The PEM label Exchange writes (spec §3.1; openssl 3 reads it, crypto-notes).
pub const REQUEST_PEM_LABEL: &str = "NEW CERTIFICATE REQUEST";

/// The Base64 body of a request without armour, as the `CertificateRequest` property shows it
/// (spec §1.2, B-67): the DER in Base64, wrapped at 64 characters with CRLF.
pub fn request_base64(der: &[u8]) -> String {
    wrap_base64(der).join("\r\n")
}

/// The request as Exchange writes it to a file: `-----BEGIN NEW CERTIFICATE REQUEST-----`,
/// the Base64 body wrapped at 64 characters, `-----END NEW CERTIFICATE REQUEST-----`, every
/// line ended by CRLF (spec §3.1 "File output with -Path").
pub fn request_pem(der: &[u8]) -> String {
    let mut text = format!("-----BEGIN {REQUEST_PEM_LABEL}-----\r\n");
    for line in wrap_base64(der) {
        text.push_str(&line);
        text.push_str("\r\n");
    }
    text.push_str(&format!("-----END {REQUEST_PEM_LABEL}-----\r\n"));
    text
}

/// The bytes of a request file in `encoding`.
pub fn encode_request(der: &[u8], encoding: RequestEncoding) -> Vec<u8> {
    match encoding {
        RequestEncoding::Base64 => request_pem(der).into_bytes(),
        RequestEncoding::Binary => der.to_vec(),
    }
}

fn wrap_base64(der: &[u8]) -> Vec<String> {
    let encoded = STANDARD.encode(der);
    encoded
        .as_bytes()
        .chunks(64)
        .map(|chunk| String::from_utf8_lossy(chunk).into_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn b65_request_file_is_base64_with_exchange_label_and_crlf() {
        let der: Vec<u8> = (0u8..96).collect();
        let text = request_pem(&der);
        let lines: Vec<&str> = text.split("\r\n").collect();
        assert_eq!(lines[0], "-----BEGIN NEW CERTIFICATE REQUEST-----");
        assert_eq!(lines[1].len(), 64);
        assert_eq!(lines[3], "-----END NEW CERTIFICATE REQUEST-----");
        assert_eq!(lines[4], "");
        let body = format!("{}{}", lines[1], lines[2]);
        assert_eq!(STANDARD.decode(body).unwrap(), der);
        assert!(!text.replace("\r\n", "").contains('\n'));
    }

    #[test]
    fn b65_binary_encoded_request_is_der() {
        let der = vec![0x30, 0x03, 0x02, 0x01, 0x01];
        assert_eq!(encode_request(&der, RequestEncoding::Binary), der);
        assert!(encode_request(&der, RequestEncoding::Base64).starts_with(b"-----BEGIN NEW"));
    }
}
