//! A cache of signatures already verified, so one issuer signature verified once serves every
//! later validation that uses the same (issuer key, certificate) pair.

use std::collections::HashSet;
use std::sync::Mutex;

use aws_lc_rs::digest::{SHA256, digest};

/// Identity of a verified pair: SHA-256 of the signed certificate's DER followed by SHA-256 of
/// the issuer's SubjectPublicKeyInfo. SHA-256 (not the SHA-1 thumbprint) so a SHA-1
/// collision cannot smuggle an unverified certificate in.
pub(crate) type PairKey = [u8; 64];

/// SHA-256 of `bytes`.
pub(crate) fn sha256(bytes: &[u8]) -> [u8; 32] {
    let mut out = [0u8; 32];
    out.copy_from_slice(digest(&SHA256, bytes).as_ref());
    out
}

pub(crate) fn pair_key(subject_digest: &[u8; 32], issuer_key_digest: &[u8; 32]) -> PairKey {
    let mut key = [0u8; 64];
    key[..32].copy_from_slice(subject_digest);
    key[32..].copy_from_slice(issuer_key_digest);
    key
}

/// Most pairs kept; the set is cleared when it would grow beyond this.
const CAPACITY: usize = 65_536;

/// Thread-safe set of verified pairs. Only successes are cached.
#[derive(Default, Debug)]
pub(crate) struct SignatureCache {
    verified: Mutex<HashSet<PairKey>>,
}

impl SignatureCache {
    pub(crate) fn contains(&self, key: &PairKey) -> bool {
        self.verified
            .lock()
            .map(|set| set.contains(key))
            .unwrap_or(false)
    }

    pub(crate) fn insert(&self, key: PairKey) {
        if let Ok(mut set) = self.verified.lock() {
            if set.len() >= CAPACITY {
                set.clear();
            }
            set.insert(key);
        }
    }
}
