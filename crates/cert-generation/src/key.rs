//! RSA private keys held as PKCS #8 DER, and key generation behind a trait.

use std::fmt;

use rsa::pkcs1::DecodeRsaPrivateKey as _;
use rsa::pkcs8::{DecodePrivateKey as _, EncodePrivateKey as _, EncodePublicKey as _};
use rsa::traits::PublicKeyParts as _;

use crate::pem;

/// RSA key sizes New-ExchangeCertificate accepts (spec §3.1 `-KeySize`: 1024, 2048, 4096; 3072
/// is accepted as well because every backend supports it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum KeySize {
    /// 1024-bit modulus (allowed by Exchange 2007; generated with the `rsa` crate).
    Rsa1024,
    /// 2048-bit modulus, the default.
    Rsa2048,
    /// 3072-bit modulus.
    Rsa3072,
    /// 4096-bit modulus.
    Rsa4096,
}

impl KeySize {
    /// The modulus length in bits.
    pub fn bits(self) -> u32 {
        match self {
            KeySize::Rsa1024 => 1024,
            KeySize::Rsa2048 => 2048,
            KeySize::Rsa3072 => 3072,
            KeySize::Rsa4096 => 4096,
        }
    }

    /// The key size for a modulus length, if it is one we generate.
    ///
    /// # Errors
    /// [`InvalidKeySizeError`] for any other length.
    pub fn from_bits(bits: u32) -> Result<KeySize, InvalidKeySizeError> {
        match bits {
            1024 => Ok(KeySize::Rsa1024),
            2048 => Ok(KeySize::Rsa2048),
            3072 => Ok(KeySize::Rsa3072),
            4096 => Ok(KeySize::Rsa4096),
            other => Err(InvalidKeySizeError { bits: other }),
        }
    }
}

impl Default for KeySize {
    /// 2048 bits (spec §3.1: the 2007 default is assumed to be 2048).
    fn default() -> Self {
        KeySize::Rsa2048
    }
}

/// A key size other than 1024, 2048, 3072 or 4096 bits was asked for.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the key size {bits} is not supported; use 1024, 2048 or 4096")]
pub struct InvalidKeySizeError {
    /// The rejected modulus length.
    pub bits: u32,
}

/// Reading a private key failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParsePrivateKeyError {
    /// The text holds no PEM block, or a block is damaged.
    #[error("the text holds no readable PEM private key")]
    NoPem,
    /// The PEM label is not one of `PRIVATE KEY` or `RSA PRIVATE KEY`.
    #[error("unsupported PEM label '{label}'; expected PRIVATE KEY or RSA PRIVATE KEY")]
    UnsupportedLabel {
        /// The label found.
        label: String,
    },
    /// The bytes are neither an RSA PKCS #8 PrivateKeyInfo nor a PKCS #1 RSAPrivateKey.
    #[error("the data is not an RSA private key in PKCS #8 or PKCS #1 form")]
    NotRsa,
}

/// Generating a key failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GenerateKeyError {
    /// The backend reported a failure (it gives no detail).
    #[error("the key generator failed for a {bits}-bit RSA key")]
    Backend {
        /// The requested modulus length.
        bits: u32,
    },
    /// A fixed key source has no key of this size left.
    #[error("no fixed {bits}-bit key is left")]
    Exhausted {
        /// The requested modulus length.
        bits: u32,
    },
}

/// An RSA private key, always held as PKCS #8 DER.
///
/// Keys read as PKCS #1 (`RSA PRIVATE KEY`) are normalised to PKCS #8 on the way in, because
/// PKCS #12 writers reject anything else (crypto-notes: PKCS #12). `Debug` shows the key size
/// only, never the key material.
#[derive(Clone, PartialEq, Eq)]
pub struct PrivateKey {
    pkcs8: Vec<u8>,
    bits: u32,
    /// SubjectPublicKeyInfo DER of the public half.
    public_key: Vec<u8>,
}

impl PrivateKey {
    /// Reads an RSA key from DER: PKCS #8 PrivateKeyInfo or PKCS #1 RSAPrivateKey.
    ///
    /// # Errors
    /// [`ParsePrivateKeyError::NotRsa`] when the bytes are neither.
    pub fn from_der(der: &[u8]) -> Result<PrivateKey, ParsePrivateKeyError> {
        if let Ok(key) = rsa::PrivateKey::from_pkcs8_der(der) {
            return PrivateKey::from_parts(der.to_vec(), &key);
        }
        let key = rsa::PrivateKey::from_pkcs1_der(der).map_err(|_| ParsePrivateKeyError::NotRsa)?;
        let pkcs8 = key
            .to_pkcs8_der()
            .map_err(|_| ParsePrivateKeyError::NotRsa)?;
        PrivateKey::from_parts(pkcs8.as_bytes().to_vec(), &key)
    }

    /// A key from its PKCS #8 DER and the parsed key: the modulus length and public key are
    /// computed once here.
    fn from_parts(
        pkcs8: Vec<u8>,
        key: &rsa::PrivateKey,
    ) -> Result<PrivateKey, ParsePrivateKeyError> {
        let public_key = key
            .to_public_key()
            .to_public_key_der()
            .map_err(|_| ParsePrivateKeyError::NotRsa)?
            .as_bytes()
            .to_vec();
        Ok(PrivateKey {
            pkcs8,
            bits: key.n().bit_width(),
            public_key,
        })
    }

    /// Reads the first key of a PEM text (`PRIVATE KEY` or `RSA PRIVATE KEY`).
    ///
    /// # Errors
    /// [`ParsePrivateKeyError`] when there is no key block or the key is not RSA.
    pub fn from_pem(text: &str) -> Result<PrivateKey, ParsePrivateKeyError> {
        let blocks = pem::parse_all(text).ok_or(ParsePrivateKeyError::NoPem)?;
        let block = blocks
            .into_iter()
            .find(|block| block.label.ends_with("PRIVATE KEY"))
            .ok_or(ParsePrivateKeyError::NoPem)?;
        match block.label.as_str() {
            "PRIVATE KEY" | "RSA PRIVATE KEY" => PrivateKey::from_der(&block.der),
            other => Err(ParsePrivateKeyError::UnsupportedLabel {
                label: other.to_string(),
            }),
        }
    }

    /// The PKCS #8 PrivateKeyInfo DER encoding (what the store keeps).
    pub fn pkcs8_der(&self) -> &[u8] {
        &self.pkcs8
    }

    /// The key as PEM (`-----BEGIN PRIVATE KEY-----`, LF line ends).
    pub fn to_pem(&self) -> String {
        pem::encode("PRIVATE KEY", &self.pkcs8, "\n")
    }

    /// The modulus length in bits, computed from the modulus itself (x509-parser's
    /// `key_size()` is wrong for odd lengths, crypto-notes).
    pub fn bits(&self) -> u32 {
        self.bits
    }

    /// The DER SubjectPublicKeyInfo of the public half (compare it with a certificate's to pair
    /// a certificate with its key).
    pub fn public_key_der(&self) -> Vec<u8> {
        self.public_key.clone()
    }

    /// The key as an `rsa` crate key; the constructor validated it, so this only fails if the
    /// bytes were corrupted in memory.
    pub(crate) fn rsa_key(&self) -> Result<rsa::PrivateKey, ParsePrivateKeyError> {
        rsa::PrivateKey::from_pkcs8_der(&self.pkcs8).map_err(|_| ParsePrivateKeyError::NotRsa)
    }
}

impl fmt::Debug for PrivateKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PrivateKey")
            .field("bits", &self.bits)
            .finish_non_exhaustive()
    }
}

/// Where new key pairs come from: the system generator in the product, fixed keys in tests.
pub trait KeyGenerator {
    /// Makes (or hands out) an RSA key of `size`.
    ///
    /// # Errors
    /// [`GenerateKeyError`] when the backend fails or a fixed source is exhausted.
    fn generate_rsa(&mut self, size: KeySize) -> Result<PrivateKey, GenerateKeyError>;
}

/// Fresh keys from the system: aws-lc-rs for 2048 bits and up, the `rsa` crate for 1024 bits
/// (aws-lc-rs does not generate 1024-bit keys; design.md §4).
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemKeyGenerator;

impl KeyGenerator for SystemKeyGenerator {
    fn generate_rsa(&mut self, size: KeySize) -> Result<PrivateKey, GenerateKeyError> {
        use aws_lc_rs::encoding::AsDer as _;
        let bits = size.bits();
        let backend = GenerateKeyError::Backend { bits };
        let aws_size = match size {
            KeySize::Rsa1024 => {
                let key = rsa::PrivateKey::new(&mut AwsRng, 1024).map_err(|_| backend.clone())?;
                let pkcs8 = key.to_pkcs8_der().map_err(|_| backend.clone())?;
                return PrivateKey::from_parts(pkcs8.as_bytes().to_vec(), &key)
                    .map_err(|_| backend);
            }
            KeySize::Rsa2048 => aws_lc_rs::rsa::KeySize::Rsa2048,
            KeySize::Rsa3072 => aws_lc_rs::rsa::KeySize::Rsa3072,
            KeySize::Rsa4096 => aws_lc_rs::rsa::KeySize::Rsa4096,
        };
        let pair = aws_lc_rs::rsa::KeyPair::generate(aws_size).map_err(|_| backend.clone())?;
        let der = pair.as_der().map_err(|_| backend.clone())?;
        PrivateKey::from_der(der.as_ref()).map_err(|_| backend)
    }
}

/// The aws-lc-rs system generator seen through the `rand_core` traits the `rsa` crate wants.
struct AwsRng;

/// aws-lc-rs's random generator failed.
#[derive(Debug)]
struct AwsRngError;

impl fmt::Display for AwsRngError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the system random generator failed")
    }
}

impl std::error::Error for AwsRngError {}

impl rsa::rand_core::TryRng for AwsRng {
    type Error = AwsRngError;

    fn try_next_u32(&mut self) -> Result<u32, Self::Error> {
        let mut bytes = [0u8; 4];
        self.try_fill_bytes(&mut bytes)?;
        Ok(u32::from_le_bytes(bytes))
    }

    fn try_next_u64(&mut self) -> Result<u64, Self::Error> {
        let mut bytes = [0u8; 8];
        self.try_fill_bytes(&mut bytes)?;
        Ok(u64::from_le_bytes(bytes))
    }

    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Self::Error> {
        aws_lc_rs::rand::fill(dst).map_err(|_| AwsRngError)
    }
}

impl rsa::rand_core::TryCryptoRng for AwsRng {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_size_accepts_exchange_sizes_only() {
        assert_eq!(KeySize::from_bits(1024), Ok(KeySize::Rsa1024));
        assert_eq!(KeySize::from_bits(4096), Ok(KeySize::Rsa4096));
        let err = KeySize::from_bits(1536).unwrap_err();
        assert_eq!(
            err.to_string(),
            "the key size 1536 is not supported; use 1024, 2048 or 4096"
        );
    }

    #[test]
    fn system_generator_makes_1024_bit_keys() {
        let key = SystemKeyGenerator.generate_rsa(KeySize::Rsa1024).unwrap();
        assert_eq!(key.bits(), 1024);
        assert_eq!(format!("{key:?}"), "PrivateKey { bits: 1024, .. }");
    }

    #[test]
    fn pkcs1_is_normalised_to_pkcs8() {
        use rsa::pkcs1::EncodeRsaPrivateKey as _;
        let key = SystemKeyGenerator.generate_rsa(KeySize::Rsa1024).unwrap();
        let pkcs1 = key.rsa_key().unwrap().to_pkcs1_der().unwrap();
        let again = PrivateKey::from_der(pkcs1.as_bytes()).unwrap();
        assert_eq!(again, key);
        let pem = pem::encode("RSA PRIVATE KEY", pkcs1.as_bytes(), "\n");
        assert_eq!(PrivateKey::from_pem(&pem).unwrap(), key);
    }

    #[test]
    fn public_key_is_the_subject_public_key_info() {
        let key = SystemKeyGenerator.generate_rsa(KeySize::Rsa1024).unwrap();
        let spki = key.public_key_der();
        // SEQUENCE { SEQUENCE { rsaEncryption, NULL }, BIT STRING }
        assert_eq!(spki[0], 0x30);
        let rsa_encryption = [
            0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01,
        ];
        assert!(
            spki.windows(rsa_encryption.len())
                .any(|window| window == rsa_encryption)
        );
    }

    #[test]
    fn garbage_is_not_a_key() {
        assert_eq!(
            PrivateKey::from_der(b"nonsense"),
            Err(ParsePrivateKeyError::NotRsa)
        );
        assert_eq!(
            PrivateKey::from_pem("hello"),
            Err(ParsePrivateKeyError::NoPem)
        );
    }
}
