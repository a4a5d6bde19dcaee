//! Test support, not published: fixed RSA keys, a seeded random source, a fixed clock and a
//! test CA (root + intermediate) that issues certificates and CRLs. Snapshot tests across the
//! workspace use it so that thumbprints, serials and dates are the same on every run.
//!
//! What it does not do: read the clock or the system random generator, or touch the disk (the
//! keys under `keys/` are compiled in). Its own tests live at the bottom of this file.

use cert_generation::{
    CertificateAuthority, CertificateParams, CrlParams, FillRandomError, GenerateKeyError,
    KeyGenerator, KeySize, PrivateKey, RandomSource, RevokedCertificate, SubjectName,
};
use time::{Duration, OffsetDateTime};

/// The instant every test treats as "now": 2008-08-07 10:04:02 UTC, the seed's sample date.
pub fn fixed_now() -> OffsetDateTime {
    time::macros::datetime!(2008-08-07 10:04:02 UTC)
}

const KEYS_2048: [&str; 16] = [
    include_str!("../keys/rsa2048-1.pem"),
    include_str!("../keys/rsa2048-2.pem"),
    include_str!("../keys/rsa2048-3.pem"),
    include_str!("../keys/rsa2048-4.pem"),
    include_str!("../keys/rsa2048-5.pem"),
    include_str!("../keys/rsa2048-6.pem"),
    include_str!("../keys/rsa2048-7.pem"),
    include_str!("../keys/rsa2048-8.pem"),
    include_str!("../keys/rsa2048-9.pem"),
    include_str!("../keys/rsa2048-10.pem"),
    include_str!("../keys/rsa2048-11.pem"),
    include_str!("../keys/rsa2048-12.pem"),
    include_str!("../keys/rsa2048-13.pem"),
    include_str!("../keys/rsa2048-14.pem"),
    include_str!("../keys/rsa2048-15.pem"),
    include_str!("../keys/rsa2048-16.pem"),
];
const KEYS_1024: [&str; 3] = [
    include_str!("../keys/rsa1024-1.pem"),
    include_str!("../keys/rsa1024-2.pem"),
    include_str!("../keys/rsa1024-3.pem"),
];
const KEY_4096: &str = include_str!("../keys/rsa4096-1.pem");

/// Number of fixed 2048-bit keys. Keys 5 and 6 belong to the test CA.
pub const KEY_2048_COUNT: usize = KEYS_2048.len();

/// Number of fixed 1024-bit keys.
pub const KEY_1024_COUNT: usize = KEYS_1024.len();

/// The 2048-bit keys [`FixedKeys`] hands out, in order: every key but the CA's (5 and 6).
const GENERATOR_2048: [usize; 14] = [1, 2, 3, 4, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16];

fn parse(pem: &str) -> PrivateKey {
    PrivateKey::from_pem(pem).expect("the committed test keys are valid PKCS #8 RSA keys")
}

/// Fixed 2048-bit key number `index` (1-based, 1..=16; out-of-range indexes wrap around).
pub fn key_2048(index: usize) -> PrivateKey {
    parse(KEYS_2048[index.saturating_sub(1) % KEYS_2048.len()])
}

/// The first fixed 1024-bit key.
pub fn key_1024() -> PrivateKey {
    key_1024_number(1)
}

/// Fixed 1024-bit key number `index` (1-based, 1..=3; out-of-range indexes wrap around).
pub fn key_1024_number(index: usize) -> PrivateKey {
    parse(KEYS_1024[index.saturating_sub(1) % KEYS_1024.len()])
}

/// The fixed 4096-bit key.
pub fn key_4096() -> PrivateKey {
    parse(KEY_4096)
}

/// A [`KeyGenerator`] handing out the fixed keys in order, each at most once: the 2048-bit
/// keys 1–4 then 7–16 (5 and 6 are the test CA's), the three 1024-bit keys, the 4096-bit key.
/// Asking for more, or for 3072 bits, is [`GenerateKeyError::Exhausted`].
#[derive(Debug, Default, Clone)]
pub struct FixedKeys {
    used_2048: usize,
    used_1024: usize,
    used_4096: bool,
}

impl FixedKeys {
    /// A fresh sequence starting at key 1.
    pub fn new() -> FixedKeys {
        FixedKeys::default()
    }
}

impl KeyGenerator for FixedKeys {
    fn generate_rsa(&mut self, size: KeySize) -> Result<PrivateKey, GenerateKeyError> {
        let exhausted = GenerateKeyError::Exhausted { bits: size.bits() };
        match size {
            KeySize::Rsa2048 => {
                let index = GENERATOR_2048.get(self.used_2048).ok_or(exhausted)?;
                self.used_2048 += 1;
                Ok(key_2048(*index))
            }
            KeySize::Rsa1024 if self.used_1024 < KEY_1024_COUNT => {
                self.used_1024 += 1;
                Ok(key_1024_number(self.used_1024))
            }
            KeySize::Rsa4096 if !self.used_4096 => {
                self.used_4096 = true;
                Ok(key_4096())
            }
            _ => Err(exhausted),
        }
    }
}

/// A deterministic [`RandomSource`] (SplitMix64): the same seed gives the same serials.
#[derive(Debug, Clone)]
pub struct SeededRandom {
    state: u64,
}

impl SeededRandom {
    /// A source seeded with `seed`.
    pub fn new(seed: u64) -> SeededRandom {
        SeededRandom { state: seed }
    }

    fn next_u64(&mut self) -> u64 {
        // SplitMix64 (Steele, Lea, Flood 2014): tiny, full period, good enough for serials.
        self.state = self.state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

impl RandomSource for SeededRandom {
    fn fill(&mut self, buffer: &mut [u8]) -> Result<(), FillRandomError> {
        for chunk in buffer.chunks_mut(8) {
            let bytes = self.next_u64().to_be_bytes();
            chunk.copy_from_slice(&bytes[..chunk.len()]);
        }
        Ok(())
    }
}

/// A two-level test PKI: a root CA (`CN=certsh Test Root CA`) and an intermediate
/// (`CN=certsh Test Issuing CA`) that issues server certificates and CRLs. Both are valid from
/// one year before [`fixed_now`] to ten years after it.
pub struct TestCa {
    /// The root CA (self-signed, key 5).
    pub root: CertificateAuthority,
    /// The issuing CA (signed by the root, key 6).
    pub intermediate: CertificateAuthority,
    random: SeededRandom,
}

impl std::fmt::Debug for TestCa {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TestCa").finish_non_exhaustive()
    }
}

impl TestCa {
    /// The test PKI; every call builds byte-identical certificates.
    pub fn new() -> TestCa {
        let mut random = SeededRandom::new(0x5eed_0000_0000_0001);
        let not_before = fixed_now() - Duration::days(365);
        let not_after = fixed_now() + Duration::days(3650);
        let root_key = key_2048(5);
        let root_params = CertificateParams::authority(
            SubjectName::new(vec![
                (
                    cert_generation::NameAttribute::CommonName,
                    "certsh Test Root CA".into(),
                ),
                (
                    cert_generation::NameAttribute::Organization,
                    "certsh tests".into(),
                ),
            ]),
            not_before,
            not_after,
            None,
        );
        let root_der = cert_generation::self_signed(&root_params, &root_key, &mut random)
            .expect("the test root parameters are valid");
        let root = CertificateAuthority::new(&root_der, &root_key)
            .expect("the test root certificate was just made");
        let intermediate_key = key_2048(6);
        let intermediate_params = CertificateParams::authority(
            SubjectName::new(vec![
                (
                    cert_generation::NameAttribute::CommonName,
                    "certsh Test Issuing CA".into(),
                ),
                (
                    cert_generation::NameAttribute::Organization,
                    "certsh tests".into(),
                ),
            ]),
            not_before,
            not_after,
            Some(0),
        );
        let intermediate_der = root
            .issue(&intermediate_params, &intermediate_key, &mut random)
            .expect("the test intermediate parameters are valid");
        let intermediate = CertificateAuthority::new(&intermediate_der, &intermediate_key)
            .expect("the test intermediate certificate was just made");
        TestCa {
            root,
            intermediate,
            random,
        }
    }

    /// The root certificate (DER), to place in a trusted root store.
    pub fn root_der(&self) -> &[u8] {
        self.root.certificate_der()
    }

    /// The intermediate certificate (DER).
    pub fn intermediate_der(&self) -> &[u8] {
        self.intermediate.certificate_der()
    }

    /// A server certificate from the intermediate: `CN=<common_name>`, SAN `domains`, valid
    /// [`fixed_now`] .. one year later, for `key`. Returns the DER.
    pub fn issue_server(
        &mut self,
        common_name: &str,
        domains: &[&str],
        key: &PrivateKey,
    ) -> Vec<u8> {
        let params = CertificateParams::server(
            SubjectName::common_name(common_name),
            domains.iter().map(|domain| domain.to_string()).collect(),
            fixed_now(),
        );
        self.issue(&params, key)
    }

    /// A certificate from the intermediate with arbitrary `params`. Returns the DER.
    ///
    /// # Panics
    /// When `params` cannot be encoded (a bug in the test that calls it).
    pub fn issue(&mut self, params: &CertificateParams, key: &PrivateKey) -> Vec<u8> {
        self.intermediate
            .issue(params, key, &mut self.random)
            .expect("test certificate parameters must be encodable")
    }

    /// Answers a PKCS #10 request (DER) from the intermediate, valid [`fixed_now`] .. one year
    /// later.
    ///
    /// # Errors
    /// The request is unreadable or badly signed.
    pub fn answer_request(
        &mut self,
        request_der: &[u8],
    ) -> Result<Vec<u8>, cert_generation::CreateCertificateError> {
        let params = cert_generation::IssueParams {
            not_before: fixed_now(),
            not_after: cert_generation::one_year_after(fixed_now()),
            crl_distribution_points: Vec::new(),
        };
        self.intermediate
            .issue_for_request(request_der, &params, &mut self.random)
    }

    /// A CRL from the intermediate revoking `serials`, thisUpdate one day before [`fixed_now`],
    /// nextUpdate a week after it.
    pub fn intermediate_crl(&self, serials: &[Vec<u8>]) -> Vec<u8> {
        self.intermediate
            .crl(&crl_params(serials))
            .expect("the test intermediate may sign CRLs")
    }

    /// A CRL from the root revoking `serials` (for example the intermediate's), with the same
    /// dates as [`TestCa::intermediate_crl`].
    pub fn root_crl(&self, serials: &[Vec<u8>]) -> Vec<u8> {
        self.root
            .crl(&crl_params(serials))
            .expect("the test root may sign CRLs")
    }
}

fn crl_params(serials: &[Vec<u8>]) -> CrlParams {
    CrlParams {
        this_update: fixed_now() - Duration::days(1),
        next_update: fixed_now() + Duration::days(7),
        number: 1,
        revoked: serials
            .iter()
            .map(|serial| RevokedCertificate {
                serial: serial.clone(),
                revoked_at: fixed_now() - Duration::days(1),
            })
            .collect(),
    }
}

/// A self-signed server certificate as New-ExchangeCertificate makes it: `CN=<common_name>`,
/// SAN `domains`, valid [`fixed_now`] .. one year later, serial from `SeededRandom::new(seed)`.
/// Returns the DER.
pub fn self_signed_server(
    common_name: &str,
    domains: &[&str],
    key: &PrivateKey,
    seed: u64,
) -> Vec<u8> {
    let params = CertificateParams::server(
        SubjectName::common_name(common_name),
        domains.iter().map(|domain| domain.to_string()).collect(),
        fixed_now(),
    );
    cert_generation::self_signed(&params, key, &mut SeededRandom::new(seed))
        .expect("test certificate parameters must be encodable")
}

impl Default for TestCa {
    fn default() -> Self {
        TestCa::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_keys_have_their_sizes() {
        for index in 1..=KEY_1024_COUNT {
            assert_eq!(key_1024_number(index).bits(), 1024);
        }
        assert_eq!(key_4096().bits(), 4096);
        for index in 1..=KEY_2048_COUNT {
            assert_eq!(key_2048(index).bits(), 2048);
        }
        let distinct: std::collections::HashSet<Vec<u8>> = (1..=KEY_2048_COUNT)
            .map(key_2048)
            .chain((1..=KEY_1024_COUNT).map(key_1024_number))
            .map(|key| key.pkcs8_der().to_vec())
            .collect();
        assert_eq!(distinct.len(), KEY_2048_COUNT + KEY_1024_COUNT);
    }

    #[test]
    fn fixed_key_generator_hands_out_keys_in_order_then_runs_out() {
        let mut keys = FixedKeys::new();
        assert_eq!(keys.generate_rsa(KeySize::Rsa2048).unwrap(), key_2048(1));
        assert_eq!(keys.generate_rsa(KeySize::Rsa2048).unwrap(), key_2048(2));
        assert_eq!(keys.generate_rsa(KeySize::Rsa1024).unwrap(), key_1024());
        for _ in 3..=4 {
            keys.generate_rsa(KeySize::Rsa2048).unwrap();
        }
        // Keys 5 and 6 are the CA's: the generator skips them.
        assert_eq!(keys.generate_rsa(KeySize::Rsa2048).unwrap(), key_2048(7));
        for _ in 8..=16 {
            keys.generate_rsa(KeySize::Rsa2048).unwrap();
        }
        assert_eq!(
            keys.generate_rsa(KeySize::Rsa2048),
            Err(GenerateKeyError::Exhausted { bits: 2048 })
        );
        assert_eq!(
            keys.generate_rsa(KeySize::Rsa1024).unwrap(),
            key_1024_number(2)
        );
        assert_eq!(
            keys.generate_rsa(KeySize::Rsa1024).unwrap(),
            key_1024_number(3)
        );
        assert_eq!(
            keys.generate_rsa(KeySize::Rsa1024),
            Err(GenerateKeyError::Exhausted { bits: 1024 })
        );
        assert_eq!(
            keys.generate_rsa(KeySize::Rsa3072),
            Err(GenerateKeyError::Exhausted { bits: 3072 })
        );
    }

    #[test]
    fn seeded_random_repeats_per_seed() {
        let (mut a, mut b, mut c) = (
            SeededRandom::new(7),
            SeededRandom::new(7),
            SeededRandom::new(8),
        );
        let (mut x, mut y, mut z) = ([0u8; 20], [0u8; 20], [0u8; 20]);
        a.fill(&mut x).unwrap();
        b.fill(&mut y).unwrap();
        c.fill(&mut z).unwrap();
        assert_eq!(x, y);
        assert_ne!(x, z);
    }

    #[test]
    fn test_ca_is_deterministic() {
        let first = TestCa::new();
        let second = TestCa::new();
        assert_eq!(first.root_der(), second.root_der());
        assert_eq!(first.intermediate_der(), second.intermediate_der());
        assert_ne!(first.root_der(), first.intermediate_der());
    }

    #[test]
    fn test_ca_issues_and_revokes() {
        let mut ca = TestCa::new();
        let leaf = ca.issue_server("mail.contoso.com", &["mail.contoso.com"], &key_2048(1));
        assert!(leaf.len() > 500);
        let crl = ca.intermediate_crl(&[vec![0x40, 1, 2]]);
        let parsed = cert_model::Crl::from_der(&crl).unwrap();
        assert_eq!(parsed.revoked().len(), 1);
        let leaf = cert_model::Certificate::from_der(&leaf).unwrap();
        let intermediate = cert_model::Certificate::from_der(ca.intermediate_der()).unwrap();
        assert_eq!(leaf.issuer(), intermediate.subject());
        let root_crl = cert_model::Crl::from_der(&ca.root_crl(&[])).unwrap();
        assert!(root_crl.revoked().is_empty());
    }

    #[test]
    fn b05_self_signed_server_is_deterministic_and_self_issued() {
        let names = ["EXCH01", "EXCH01.contoso.com"];
        let der = self_signed_server("EXCH01", &names, &key_2048(1), 1);
        assert_eq!(der, self_signed_server("EXCH01", &names, &key_2048(1), 1));
        let certificate = cert_model::Certificate::from_der(&der).unwrap();
        assert!(certificate.is_self_signed());
        assert_eq!(certificate.not_before(), fixed_now());
        assert_eq!(certificate.certificate_domains(), names.to_vec());
    }
}
