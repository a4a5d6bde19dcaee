//! Minimal PEM armour: enough for keys, certificates and requests, nothing more.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;

/// One decoded PEM block: its label and the bytes between the armour lines.
pub(crate) struct PemBlock {
    pub(crate) label: String,
    pub(crate) der: Vec<u8>,
}

/// Finds every `-----BEGIN X-----` … `-----END X-----` block in `text`, in order.
///
/// Returns `None` when a block is unterminated or its body is not Base64.
pub(crate) fn parse_all(text: &str) -> Option<Vec<PemBlock>> {
    let mut blocks = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("-----BEGIN ") {
        let after = &rest[start + "-----BEGIN ".len()..];
        let label_end = after.find("-----")?;
        let label = after[..label_end].to_string();
        let body_start = &after[label_end + 5..];
        let end_marker = format!("-----END {label}-----");
        let body_end = body_start.find(&end_marker)?;
        let body: String = body_start[..body_end]
            .chars()
            .filter(|c| !c.is_ascii_whitespace())
            .collect();
        let der = STANDARD.decode(body.as_bytes()).ok()?;
        blocks.push(PemBlock { label, der });
        rest = &body_start[body_end + end_marker.len()..];
    }
    Some(blocks)
}

/// Wraps `der` in PEM armour with `label`, 64 Base64 characters per line, joined by `eol`.
pub(crate) fn encode(label: &str, der: &[u8], eol: &str) -> String {
    let body = STANDARD.encode(der);
    let mut out = format!("-----BEGIN {label}-----{eol}");
    for chunk in body.as_bytes().chunks(64) {
        // Base64 output is ASCII, so every 64-byte chunk is valid UTF-8.
        out.push_str(&String::from_utf8_lossy(chunk));
        out.push_str(eol);
    }
    out.push_str(&format!("-----END {label}-----{eol}"));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encode_then_parse_round_trips_with_crlf() {
        let der: Vec<u8> = (0u8..=200).collect();
        let text = encode("NEW CERTIFICATE REQUEST", &der, "\r\n");
        assert!(text.starts_with("-----BEGIN NEW CERTIFICATE REQUEST-----\r\n"));
        assert!(
            text.lines()
                .all(|line| line.trim_end().len() <= 64 || line.starts_with("-----"))
        );
        let blocks = parse_all(&text).unwrap();
        assert_eq!(blocks.len(), 1);
        assert_eq!(blocks[0].label, "NEW CERTIFICATE REQUEST");
        assert_eq!(blocks[0].der, der);
    }

    #[test]
    fn unterminated_block_is_rejected() {
        assert!(parse_all("-----BEGIN CERTIFICATE-----\nAAAA\n").is_none());
    }

    #[test]
    fn bad_base64_is_rejected() {
        assert!(parse_all("-----BEGIN X-----\n!!!\n-----END X-----\n").is_none());
    }
}
