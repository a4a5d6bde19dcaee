//! PKCS #12 (PFX) files: Export-ExchangeCertificate writes them, Import-ExchangeCertificate
//! reads them (spec §3.3, §3.5).

use p12_keystore::{EncryptionAlgorithm, KeyStore, KeyStoreEntry, MacAlgorithm, PrivateKeyChain};

use crate::key::PrivateKey;

/// How a PFX is protected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PfxProtection {
    /// The password (may be empty).
    pub password: String,
    /// PBKDF2 and MAC iteration count; [`PfxProtection::DEFAULT_ITERATIONS`] in the product,
    /// small counts in tests (unoptimised PBKDF2 is slow, crypto-notes: Speed).
    pub iterations: u32,
}

impl PfxProtection {
    /// The iteration count the product writes.
    pub const DEFAULT_ITERATIONS: u32 = 10_000;

    /// `password` with the default iteration count.
    pub fn new(password: &str) -> PfxProtection {
        PfxProtection {
            password: password.to_string(),
            iterations: Self::DEFAULT_ITERATIONS,
        }
    }
}

/// Writing a PFX failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExportPfxError {
    /// A certificate is not readable X.509 DER.
    #[error("a certificate to export is not readable")]
    UnreadableCertificate,
    /// The iteration count is zero or too large.
    #[error("the iteration count {iterations} is out of range")]
    InvalidIterations {
        /// The rejected count.
        iterations: u32,
    },
    /// The writer failed.
    #[error("the PKCS #12 file could not be written: {reason}")]
    Encoding {
        /// The writer's message.
        reason: String,
    },
}

/// Writes `certificate_der` (the leaf), its `key` and the `chain` (issuer first, root last) as
/// a PKCS #12 file encrypted with AES-256-CBC under PBES2/PBKDF2-SHA256 and an HMAC-SHA256
/// MAC, the key bag named `friendly_name`.
///
/// # Errors
/// [`ExportPfxError`] for unreadable certificates or a writer failure.
pub fn export_pfx(
    certificate_der: &[u8],
    key: &PrivateKey,
    chain: &[Vec<u8>],
    protection: &PfxProtection,
    friendly_name: &str,
) -> Result<Vec<u8>, ExportPfxError> {
    if protection.iterations == 0 || i32::try_from(protection.iterations).is_err() {
        return Err(ExportPfxError::InvalidIterations {
            iterations: protection.iterations,
        });
    }
    let mut certificates = Vec::with_capacity(chain.len() + 1);
    for der in std::iter::once(certificate_der).chain(chain.iter().map(Vec::as_slice)) {
        certificates.push(
            p12_keystore::Certificate::from_der(der)
                .map_err(|_| ExportPfxError::UnreadableCertificate)?,
        );
    }
    let p12_key = p12_keystore::PrivateKey::from_der(key.pkcs8_der()).map_err(|error| {
        ExportPfxError::Encoding {
            reason: error.to_string(),
        }
    })?;
    // The local key id ties the key bag to the leaf's certificate bag; the SHA-1 of the leaf is
    // what Windows uses too.
    let local_key_id = aws_lc_rs::digest::digest(
        &aws_lc_rs::digest::SHA1_FOR_LEGACY_USE_ONLY,
        certificate_der,
    )
    .as_ref()
    .to_vec();
    let mut store = KeyStore::new();
    store.add_entry(
        friendly_name,
        KeyStoreEntry::PrivateKeyChain(PrivateKeyChain::new(local_key_id, p12_key, certificates)),
    );
    store
        .writer(&protection.password)
        .encryption_algorithm(EncryptionAlgorithm::PbeWithHmacSha256AndAes256)
        .encryption_iterations(protection.iterations)
        .mac_algorithm(MacAlgorithm::HmacSha256)
        .mac_iterations(protection.iterations)
        .write()
        .map_err(|error| ExportPfxError::Encoding {
            reason: error.to_string(),
        })
}

/// The contents of a PFX file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pfx {
    /// The leaf: the certificate the key bag names (local key id), else the one holding the
    /// key's public key, else the first that is not a CA, else the first.
    pub certificate: Vec<u8>,
    /// The private key, normalised to PKCS #8.
    pub key: Option<PrivateKey>,
    /// Every other certificate, in file order.
    pub chain: Vec<Vec<u8>>,
    /// The key bag's friendly name, when the file has one.
    pub friendly_name: Option<String>,
}

/// Reading a PFX failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ImportPfxError {
    /// The MAC does not verify or decryption failed: almost always a wrong password.
    #[error("the password is incorrect or the PKCS #12 data is damaged")]
    WrongPassword,
    /// The bytes are not PKCS #12.
    #[error("the data is not a PKCS #12 file: {reason}")]
    NotPkcs12 {
        /// The reader's message.
        reason: String,
    },
    /// The file holds no certificate.
    #[error("the PKCS #12 file holds no certificate")]
    NoCertificate,
    /// The key is not an RSA key.
    #[error("the PKCS #12 file holds a private key that is not RSA")]
    UnsupportedKey,
}

/// Reads a PFX made by us, Windows or openssl (default AES-256 files and `-legacy` 3DES/RC2
/// files alike).
///
/// # Errors
/// [`ImportPfxError::WrongPassword`] for a wrong password, other variants for unreadable data.
pub fn import_pfx(bytes: &[u8], password: &str) -> Result<Pfx, ImportPfxError> {
    use p12_keystore::error::Error as P12Error;
    let archive = p12_keystore::Pkcs12Archive::from_pkcs12(bytes, password).map_err(|error| {
        match error {
            P12Error::MacError(_)
            | P12Error::UnpadError
            | P12Error::InvalidLength
            | P12Error::InvalidPrivateKey => ImportPfxError::WrongPassword,
            // Decryption with a wrong password and no MAC yields garbage that fails to decode.
            P12Error::DerError(_) if !looks_like_pfx(bytes) => ImportPfxError::NotPkcs12 {
                reason: error.to_string(),
            },
            P12Error::DerError(_) => ImportPfxError::WrongPassword,
            other => ImportPfxError::NotPkcs12 {
                reason: other.to_string(),
            },
        }
    })?;
    let key_bag = archive.keys.first();
    let key = key_bag
        .map(|bag| PrivateKey::from_der(bag.key.as_der()))
        .transpose()
        .map_err(|_| ImportPfxError::UnsupportedKey)?;
    let mut certificates: Vec<Vec<u8>> = archive
        .certs
        .iter()
        .map(|bag| bag.cert.as_der().to_vec())
        .collect();
    if certificates.is_empty() {
        return Err(ImportPfxError::NoCertificate);
    }
    let key_id = key_bag
        .and_then(|bag| bag.local_key_id.as_ref())
        .map(|id| id.0.clone());
    let by_key_id = key_id.and_then(|id| {
        archive
            .certs
            .iter()
            .position(|bag| bag.local_key_id.as_deref() == Some(id.as_slice()))
    });
    let leaf_index = by_key_id
        .or_else(|| {
            key.as_ref()
                .and_then(|key| position_of_key(&certificates, key))
        })
        .or_else(|| position_of_end_entity(&certificates))
        .unwrap_or(0);
    let certificate = certificates.remove(leaf_index);
    Ok(Pfx {
        certificate,
        key,
        chain: certificates,
        friendly_name: key_bag.and_then(|bag| bag.friendly_name.clone()),
    })
}

/// The certificate whose public key is `key`'s.
fn position_of_key(certificates: &[Vec<u8>], key: &PrivateKey) -> Option<usize> {
    let public_key = key.public_key_der();
    certificates.iter().position(|der| {
        cert_model::Certificate::from_der(der)
            .is_ok_and(|certificate| certificate.public_key().spki_der() == public_key)
    })
}

/// The first certificate that is not a CA (spec §3.3: "the one without the CA key-usage bit is
/// the leaf").
fn position_of_end_entity(certificates: &[Vec<u8>]) -> Option<usize> {
    certificates.iter().position(|der| {
        cert_model::Certificate::from_der(der).is_ok_and(|certificate| {
            let extensions = certificate.extensions();
            !extensions
                .basic_constraints()
                .is_some_and(|constraints| constraints.ca)
                && !extensions
                    .key_usage()
                    .is_some_and(|usage| usage.key_cert_sign())
        })
    })
}

/// True when the bytes start like a PFX (a SEQUENCE whose first element is INTEGER 3), so a
/// decoding failure further in comes from decrypting with the wrong password.
fn looks_like_pfx(bytes: &[u8]) -> bool {
    bytes.first() == Some(&0x30)
        && bytes
            .windows(3)
            .take(8)
            .any(|window| window == [0x02, 0x01, 0x03])
}
