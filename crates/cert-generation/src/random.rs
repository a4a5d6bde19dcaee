//! Randomness behind a trait, so tests pass a seeded source and get the same serials each run.

use aws_lc_rs::rand::SecureRandom as _;

/// The operating system's random generator failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the random number generator failed")]
pub struct FillRandomError;

/// A source of random bytes (serial numbers).
///
/// The product uses [`SystemRandomSource`]; tests pass a seeded source such as
/// `cert_testkit::SeededRandom` so that serials, and so thumbprints, are reproducible.
pub trait RandomSource {
    /// Fills `buffer` entirely with random bytes.
    ///
    /// # Errors
    /// [`FillRandomError`] when the underlying generator fails.
    fn fill(&mut self, buffer: &mut [u8]) -> Result<(), FillRandomError>;
}

/// The operating system's cryptographic random generator (through aws-lc-rs).
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemRandomSource;

impl RandomSource for SystemRandomSource {
    fn fill(&mut self, buffer: &mut [u8]) -> Result<(), FillRandomError> {
        aws_lc_rs::rand::SystemRandom::new()
            .fill(buffer)
            .map_err(|_| FillRandomError)
    }
}

/// A positive 16-byte serial number drawn from `random` (RFC 5280 §4.1.2.2: positive, at most
/// 20 octets).
///
/// The top bit is cleared so the INTEGER is positive, and the next bit is set so the encoding
/// is always exactly 16 bytes long (no leading zero octet is dropped).
pub(crate) fn serial_number(random: &mut dyn RandomSource) -> Result<[u8; 16], FillRandomError> {
    let mut serial = [0u8; 16];
    random.fill(&mut serial)?;
    serial[0] = (serial[0] & 0x7f) | 0x40;
    Ok(serial)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serial_is_positive_and_sixteen_bytes() {
        for _ in 0..32 {
            let serial = serial_number(&mut SystemRandomSource).unwrap();
            assert_eq!(serial[0] & 0x80, 0);
            assert_ne!(serial[0], 0);
        }
    }
}
