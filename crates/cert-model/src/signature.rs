//! Public keys, signature algorithms and signature verification with aws-lc-rs.
//!
//! RSA PKCS#1 v1.5 with SHA-1/256/512 is verified with aws-lc-rs's legacy algorithms so 1024-bit
//! keys (allowed by Exchange 2007, design.md §4) verify; SHA-384 needs a 2048-bit key or larger
//! (aws-lc-rs has no 1024-bit SHA-384 variant). RSA-PSS (SHA-256/384/512, MGF1 with the same
//! hash), ECDSA on P-256/P-384/P-521 and Ed25519 are supported.

use thiserror::Error;

/// The algorithm of a subject public key.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub enum PublicKeyAlgorithm {
    /// rsaEncryption (1.2.840.113549.1.1.1).
    Rsa,
    /// id-ecPublicKey on NIST P-256.
    EcP256,
    /// id-ecPublicKey on NIST P-384.
    EcP384,
    /// id-ecPublicKey on NIST P-521.
    EcP521,
    /// Ed25519 (1.3.101.112).
    Ed25519,
    /// Anything else, by dotted algorithm OID (and curve OID for other EC keys).
    Other(String),
}

impl std::fmt::Display for PublicKeyAlgorithm {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PublicKeyAlgorithm::Rsa => f.write_str("RSA"),
            PublicKeyAlgorithm::EcP256 => f.write_str("ECDSA_P256"),
            PublicKeyAlgorithm::EcP384 => f.write_str("ECDSA_P384"),
            PublicKeyAlgorithm::EcP521 => f.write_str("ECDSA_P521"),
            PublicKeyAlgorithm::Ed25519 => f.write_str("Ed25519"),
            PublicKeyAlgorithm::Other(oid) => f.write_str(oid),
        }
    }
}

/// A subject public key: its algorithm, size, the key bytes and the whole SPKI DER.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub struct PublicKey {
    pub(crate) algorithm: PublicKeyAlgorithm,
    pub(crate) bits: u32,
    pub(crate) key_bytes: Vec<u8>,
    pub(crate) spki_der: Vec<u8>,
}

impl PublicKey {
    /// The key algorithm.
    pub fn algorithm(&self) -> &PublicKeyAlgorithm {
        &self.algorithm
    }

    /// Key size in bits: RSA modulus length without leading zeros; EC curve size.
    pub fn bits(&self) -> u32 {
        self.bits
    }

    /// The subjectPublicKey BIT STRING contents (PKCS#1 RSAPublicKey, EC point, …).
    pub fn key_bytes(&self) -> &[u8] {
        &self.key_bytes
    }

    /// The complete SubjectPublicKeyInfo DER.
    pub fn spki_der(&self) -> &[u8] {
        &self.spki_der
    }
}

/// A signature algorithm identifier: dotted OID plus raw parameter bytes.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub struct SignatureAlgorithm {
    pub(crate) oid: String,
    pub(crate) parameters: Option<Vec<u8>>,
}

impl SignatureAlgorithm {
    /// The dotted OID, e.g. `1.2.840.113549.1.1.11` for sha256WithRSAEncryption.
    pub fn oid(&self) -> &str {
        &self.oid
    }

    /// The parameter contents (RSA-PSS parameters), if any.
    pub fn parameters(&self) -> Option<&[u8]> {
        self.parameters.as_deref()
    }

    /// A readable name (`sha256RSA` as Windows shows it) or the OID.
    pub fn name(&self) -> &str {
        match self.oid.as_str() {
            "1.2.840.113549.1.1.5" => "sha1RSA",
            "1.2.840.113549.1.1.11" => "sha256RSA",
            "1.2.840.113549.1.1.12" => "sha384RSA",
            "1.2.840.113549.1.1.13" => "sha512RSA",
            "1.2.840.113549.1.1.10" => "RSASSA-PSS",
            "1.2.840.10045.4.3.2" => "sha256ECDSA",
            "1.2.840.10045.4.3.3" => "sha384ECDSA",
            "1.2.840.10045.4.3.4" => "sha512ECDSA",
            "1.3.101.112" => "Ed25519",
            other => other,
        }
    }
}

/// Why a signature did not verify.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum VerifySignatureError {
    /// The signature algorithm (or its combination with the key) is not supported.
    #[error("unsupported signature algorithm {algorithm} for a {key} key")]
    UnsupportedAlgorithm {
        /// The signature algorithm OID or name.
        algorithm: String,
        /// The key algorithm.
        key: String,
    },
    /// The signature does not match the data and key.
    #[error("the signature does not verify")]
    BadSignature,
}

const SHA256_OID: &[u8] = &[0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01];
const SHA384_OID: &[u8] = &[0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x02];
const SHA512_OID: &[u8] = &[0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x03];

fn position_of(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

/// The hash of RSA-PSS parameters: the first hash OID present (the hashAlgorithm field comes
/// first); absent parameters mean SHA-1, which is not supported.
fn pss_algorithm(parameters: &[u8]) -> Option<&'static aws_lc_rs::signature::RsaParameters> {
    use aws_lc_rs::signature::{
        RSA_PSS_2048_8192_SHA256, RSA_PSS_2048_8192_SHA384, RSA_PSS_2048_8192_SHA512,
    };
    [
        (SHA256_OID, &RSA_PSS_2048_8192_SHA256),
        (SHA384_OID, &RSA_PSS_2048_8192_SHA384),
        (SHA512_OID, &RSA_PSS_2048_8192_SHA512),
    ]
    .into_iter()
    .filter_map(|(oid, algorithm)| position_of(parameters, oid).map(|at| (at, algorithm)))
    .min_by_key(|(at, _)| *at)
    .map(|(_, algorithm)| algorithm)
}

/// Verifies `signature` over `signed` with `signer`'s key under `algorithm`.
///
/// # Errors
///
/// [`VerifySignatureError::UnsupportedAlgorithm`] when the pair is not supported,
/// [`VerifySignatureError::BadSignature`] when the signature is wrong.
pub fn verify_signature(
    algorithm: &SignatureAlgorithm,
    signed: &[u8],
    signature: &[u8],
    signer: &PublicKey,
) -> Result<(), VerifySignatureError> {
    use aws_lc_rs::signature as sig;
    let verification: &'static dyn sig::VerificationAlgorithm =
        match (algorithm.oid.as_str(), &signer.algorithm) {
            ("1.2.840.113549.1.1.5", PublicKeyAlgorithm::Rsa) => {
                &sig::RSA_PKCS1_1024_8192_SHA1_FOR_LEGACY_USE_ONLY
            }
            ("1.2.840.113549.1.1.11", PublicKeyAlgorithm::Rsa) => {
                &sig::RSA_PKCS1_1024_8192_SHA256_FOR_LEGACY_USE_ONLY
            }
            ("1.2.840.113549.1.1.12", PublicKeyAlgorithm::Rsa) => &sig::RSA_PKCS1_2048_8192_SHA384,
            ("1.2.840.113549.1.1.13", PublicKeyAlgorithm::Rsa) => {
                &sig::RSA_PKCS1_1024_8192_SHA512_FOR_LEGACY_USE_ONLY
            }
            ("1.2.840.113549.1.1.10", PublicKeyAlgorithm::Rsa) => {
                match algorithm.parameters.as_deref().and_then(pss_algorithm) {
                    Some(parameters) => parameters,
                    None => return Err(unsupported(algorithm, signer)),
                }
            }
            ("1.2.840.10045.4.3.2", PublicKeyAlgorithm::EcP256) => &sig::ECDSA_P256_SHA256_ASN1,
            ("1.2.840.10045.4.3.3", PublicKeyAlgorithm::EcP256) => &sig::ECDSA_P256_SHA384_ASN1,
            ("1.2.840.10045.4.3.4", PublicKeyAlgorithm::EcP256) => &sig::ECDSA_P256_SHA512_ASN1,
            ("1.2.840.10045.4.3.2", PublicKeyAlgorithm::EcP384) => &sig::ECDSA_P384_SHA256_ASN1,
            ("1.2.840.10045.4.3.3", PublicKeyAlgorithm::EcP384) => &sig::ECDSA_P384_SHA384_ASN1,
            ("1.2.840.10045.4.3.4", PublicKeyAlgorithm::EcP384) => &sig::ECDSA_P384_SHA512_ASN1,
            ("1.2.840.10045.4.3.2", PublicKeyAlgorithm::EcP521) => &sig::ECDSA_P521_SHA256_ASN1,
            ("1.2.840.10045.4.3.3", PublicKeyAlgorithm::EcP521) => &sig::ECDSA_P521_SHA384_ASN1,
            ("1.2.840.10045.4.3.4", PublicKeyAlgorithm::EcP521) => &sig::ECDSA_P521_SHA512_ASN1,
            ("1.3.101.112", PublicKeyAlgorithm::Ed25519) => &sig::ED25519,
            _ => return Err(unsupported(algorithm, signer)),
        };
    sig::UnparsedPublicKey::new(verification, &signer.key_bytes)
        .verify(signed, signature)
        .map_err(|_| VerifySignatureError::BadSignature)
}

fn unsupported(algorithm: &SignatureAlgorithm, signer: &PublicKey) -> VerifySignatureError {
    VerifySignatureError::UnsupportedAlgorithm {
        algorithm: algorithm.name().to_owned(),
        key: signer.algorithm.to_string(),
    }
}
