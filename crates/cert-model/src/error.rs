//! Error types of the crate, one enum per operation family.

use thiserror::Error;

/// Why a certificate could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum ParseCertificateError {
    /// The input held no bytes at all.
    #[error("the certificate data is empty")]
    Empty,
    /// The input is not a DER-encoded X.509 certificate.
    #[error("the data is not a valid X.509 certificate: {reason}")]
    InvalidDer {
        /// The decoder's explanation.
        reason: String,
    },
    /// Bytes follow the certificate's DER encoding.
    #[error("the certificate has {count} trailing bytes after its DER encoding")]
    TrailingData {
        /// How many bytes follow.
        count: usize,
    },
    /// A PEM block could not be decoded.
    #[error("the PEM block is malformed: {reason}")]
    InvalidPem {
        /// What is wrong with the block.
        reason: String,
    },
    /// The input looks like Base64 but does not decode.
    #[error("the Base64 text does not decode: {reason}")]
    InvalidBase64 {
        /// The decoder's explanation.
        reason: String,
    },
    /// PEM text holds no `CERTIFICATE` block.
    #[error("the PEM text holds no CERTIFICATE block")]
    NoCertificateInPem,
}

/// Why a CRL could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum ParseCrlError {
    /// The input held no bytes at all.
    #[error("the CRL data is empty")]
    Empty,
    /// The input is not a DER-encoded CRL.
    #[error("the data is not a valid X.509 CRL: {reason}")]
    InvalidDer {
        /// The decoder's explanation.
        reason: String,
    },
    /// A PEM block could not be decoded.
    #[error("the PEM block is malformed: {reason}")]
    InvalidPem {
        /// What is wrong with the block.
        reason: String,
    },
    /// PEM text holds no `X509 CRL` block.
    #[error("the PEM text holds no X509 CRL block")]
    NoCrlInPem,
}

/// Why a thumbprint argument was refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum ParseThumbprintError {
    /// The text was empty (spec §1.8).
    #[error("an empty or null string isn't valid for this property")]
    Empty,
    /// The text is not 40 hexadecimal digits.
    #[error("'{input}' is not a thumbprint: expected 40 hexadecimal digits")]
    Malformed {
        /// The text as typed.
        input: String,
    },
}

/// Why an X.500 distinguished-name string was refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum ParseNameError {
    /// The string holds no attribute at all.
    #[error("the distinguished name is empty")]
    Empty,
    /// An attribute keyword is not one this product knows.
    #[error("unknown attribute keyword '{keyword}' in distinguished name")]
    UnknownKeyword {
        /// The keyword as typed.
        keyword: String,
    },
    /// The string does not follow `KEY=value, KEY=value` syntax.
    #[error("malformed distinguished name at character {position}: {reason}")]
    Malformed {
        /// 0-based character offset of the problem.
        position: usize,
        /// What was expected there.
        reason: String,
    },
}

/// Why a Services value was refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum ParseServicesError {
    /// A name is not one of None, IMAP, POP, UM, IIS, SMTP.
    #[error("cannot convert '{name}' to Services: valid names are None, IMAP, POP, UM, IIS, SMTP")]
    UnknownService {
        /// The name as typed.
        name: String,
    },
}

/// Why a Status or RootCAType value was refused.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("'{input}' is not a valid {kind} value")]
pub struct ParseEnumError {
    /// The enum name (`Status`, `RootCAType`).
    pub kind: &'static str,
    /// The text as typed.
    pub input: String,
}
