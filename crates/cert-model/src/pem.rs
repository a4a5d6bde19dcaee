//! A small PEM reader shared by certificates and CRLs (RFC 7468, lax: headers ignored).

use base64::Engine;

/// One PEM block: its label and decoded contents.
pub(crate) struct PemBlock {
    pub(crate) label: String,
    pub(crate) contents: Vec<u8>,
}

/// Why PEM text could not be read.
pub(crate) enum PemError {
    Unterminated(String),
    Base64(String),
}

/// Whether `text` contains a PEM begin line.
pub(crate) fn looks_like_pem(text: &[u8]) -> bool {
    text.windows(11).any(|window| window == b"-----BEGIN ")
}

/// Every PEM block of `text`, in order; text outside blocks is ignored.
pub(crate) fn parse_blocks(text: &str) -> Result<Vec<PemBlock>, PemError> {
    let mut blocks = Vec::new();
    let mut rest = text;
    while let Some(begin) = rest.find("-----BEGIN ") {
        let after_begin = &rest[begin + 11..];
        let label_end = after_begin
            .find("-----")
            .ok_or_else(|| PemError::Unterminated("a BEGIN line is not closed".to_owned()))?;
        let label = after_begin[..label_end].trim().to_owned();
        let body_start = &after_begin[label_end + 5..];
        let end_marker = format!("-----END {label}-----");
        let body_end = body_start
            .find(&end_marker)
            .ok_or_else(|| PemError::Unterminated(format!("no END line for {label}")))?;
        let body = &body_start[..body_end];
        // Skip RFC 1421 headers (`Proc-Type: …`) if present.
        let payload: String = body
            .lines()
            .filter(|line| !line.contains(':'))
            .flat_map(|line| line.chars())
            .filter(|c| !c.is_whitespace())
            .collect();
        let contents = base64::engine::general_purpose::STANDARD
            .decode(payload.as_bytes())
            .map_err(|error| PemError::Base64(format!("{label}: {error}")))?;
        blocks.push(PemBlock { label, contents });
        rest = &body_start[body_end + end_marker.len()..];
    }
    Ok(blocks)
}
