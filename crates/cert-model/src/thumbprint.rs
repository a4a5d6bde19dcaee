//! The certificate identity: SHA-1 over the DER encoding (spec §1.2, §1.8).

use std::fmt;
use std::str::FromStr;

use crate::error::ParseThumbprintError;

/// A certificate thumbprint: the SHA-1 digest of the DER certificate, shown as 40 upper-case
/// hexadecimal digits (spec §1.2, seed §Thumbprint).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Thumbprint([u8; 20]);

impl Thumbprint {
    /// The thumbprint of `der`, the complete DER encoding of a certificate.
    pub fn of_der(der: &[u8]) -> Self {
        let digest = aws_lc_rs::digest::digest(&aws_lc_rs::digest::SHA1_FOR_LEGACY_USE_ONLY, der);
        let mut bytes = [0u8; 20];
        bytes.copy_from_slice(digest.as_ref());
        Thumbprint(bytes)
    }

    /// Wraps 20 digest bytes.
    pub const fn from_bytes(bytes: [u8; 20]) -> Self {
        Thumbprint(bytes)
    }

    /// The 20 digest bytes.
    pub const fn as_bytes(&self) -> &[u8; 20] {
        &self.0
    }
}

impl fmt::Display for Thumbprint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for byte in self.0 {
            write!(f, "{byte:02X}")?;
        }
        Ok(())
    }
}

impl fmt::Debug for Thumbprint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Thumbprint({self})")
    }
}

impl FromStr for Thumbprint {
    type Err = ParseThumbprintError;

    /// Parses a thumbprint typed by a user: case-insensitive hex; when the third character is
    /// a space the text is taken as space-separated byte pairs and the spaces are removed, as
    /// Exchange does (spec §1.8). Surrounding white space is ignored.
    fn from_str(input: &str) -> Result<Self, Self::Err> {
        let trimmed = input.trim();
        if trimmed.is_empty() {
            return Err(ParseThumbprintError::Empty);
        }
        let compact: String = if trimmed.chars().nth(2) == Some(' ') {
            trimmed.chars().filter(|c| *c != ' ').collect()
        } else {
            trimmed.to_owned()
        };
        let malformed = || ParseThumbprintError::Malformed {
            input: input.to_owned(),
        };
        if compact.len() != 40 || !compact.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(malformed());
        }
        let mut bytes = [0u8; 20];
        for (index, byte) in bytes.iter_mut().enumerate() {
            let pair = compact
                .get(index * 2..index * 2 + 2)
                .ok_or_else(malformed)?;
            *byte = u8::from_str_radix(pair, 16).map_err(|_| malformed())?;
        }
        Ok(Thumbprint(bytes))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn s1_8_thumbprint_parses_case_insensitively() {
        let upper: Thumbprint = "8A141F7F2BBA8041973399723BD2598D2ED2D831".parse().unwrap();
        let lower: Thumbprint = "8a141f7f2bba8041973399723bd2598d2ed2d831".parse().unwrap();
        assert_eq!(upper, lower);
        assert_eq!(
            lower.to_string(),
            "8A141F7F2BBA8041973399723BD2598D2ED2D831"
        );
    }

    #[test]
    fn s1_8_thumbprint_byte_pairs_with_spaces_are_joined() {
        let spaced: Thumbprint = "8a 14 1f 7f 2b ba 80 41 97 33 99 72 3b d2 59 8d 2e d2 d8 31"
            .parse()
            .unwrap();
        assert_eq!(
            spaced.to_string(),
            "8A141F7F2BBA8041973399723BD2598D2ED2D831"
        );
    }

    #[test]
    fn s1_8_thumbprint_spaces_elsewhere_are_refused() {
        let result = "8a1 41f7f2bba8041973399723bd2598d2ed2d831".parse::<Thumbprint>();
        assert!(matches!(
            result,
            Err(ParseThumbprintError::Malformed { .. })
        ));
    }

    #[test]
    fn s1_8_thumbprint_empty_is_refused() {
        assert_eq!("  ".parse::<Thumbprint>(), Err(ParseThumbprintError::Empty));
    }

    #[test]
    fn s1_8_thumbprint_wrong_length_or_digit_is_refused() {
        assert!("8A141F".parse::<Thumbprint>().is_err());
        assert!(
            "ZA141F7F2BBA8041973399723BD2598D2ED2D831"
                .parse::<Thumbprint>()
                .is_err()
        );
    }

    #[test]
    fn b40_thumbprint_is_sha1_of_der() {
        // SHA-1("abc") is a well-known test vector.
        let thumbprint = Thumbprint::of_der(b"abc");
        assert_eq!(
            thumbprint.to_string(),
            "A9993E364706816ABA3E25717850C26C9CD0D89D"
        );
    }
}
