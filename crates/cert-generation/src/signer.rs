//! The signing key rcgen signs with: aws-lc-rs where it accepts the key, the `rsa` crate for
//! 1024-bit keys (aws-lc-rs refuses them; design.md §4). Always PKCS #1 v1.5 with SHA-256.

use rcgen::{PublicKeyData, SignatureAlgorithm, SigningKey};
use rsa::pkcs1::EncodeRsaPublicKey as _;

use crate::key::PrivateKey;

/// A private key ready to sign certificates, requests and CRLs.
pub(crate) enum Signer {
    /// aws-lc-rs through rcgen's own key pair (2048 bits and up).
    AwsLc(rcgen::KeyPair),
    /// The `rsa` crate (any size; used for 1024-bit keys).
    RustCrypto {
        key: rsa::PrivateKey,
        /// PKCS #1 RSAPublicKey DER, the BIT STRING content of the SubjectPublicKeyInfo.
        public_key: Vec<u8>,
    },
}

/// The key could not be turned into a signer.
#[derive(Debug)]
pub(crate) struct SignerError;

impl Signer {
    /// A signer for `key`.
    pub(crate) fn new(key: &PrivateKey) -> Result<Signer, SignerError> {
        if key.bits() >= 2048
            && let Ok(pair) = rcgen::KeyPair::try_from(key.pkcs8_der())
        {
            return Ok(Signer::AwsLc(pair));
        }
        let rsa_key = key.rsa_key().map_err(|_| SignerError)?;
        let public_key = rsa_key
            .to_public_key()
            .to_pkcs1_der()
            .map_err(|_| SignerError)?
            .as_bytes()
            .to_vec();
        Ok(Signer::RustCrypto {
            key: rsa_key,
            public_key,
        })
    }
}

impl PublicKeyData for Signer {
    fn der_bytes(&self) -> &[u8] {
        match self {
            Signer::AwsLc(pair) => pair.der_bytes(),
            Signer::RustCrypto { public_key, .. } => public_key,
        }
    }

    fn algorithm(&self) -> &'static SignatureAlgorithm {
        &rcgen::PKCS_RSA_SHA256
    }
}

impl SigningKey for Signer {
    fn sign(&self, msg: &[u8]) -> Result<Vec<u8>, rcgen::Error> {
        match self {
            Signer::AwsLc(pair) => pair.sign(msg),
            Signer::RustCrypto { key, .. } => key
                .pkcs1v15_sign::<rsa::sha2::Sha256>(msg)
                .map_err(|_| rcgen::Error::RemoteKeyError),
        }
    }
}
