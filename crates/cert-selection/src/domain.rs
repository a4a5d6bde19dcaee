//! Matching a selection FQDN against CertificateDomains (spec B-07, B-87, B-88).

/// How a certificate domain matched the FQDN.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum DomainMatch {
    /// The domain equals the FQDN, ignoring ASCII case and a trailing dot.
    Exact,
    /// The domain is `*.suffix` and the FQDN is one non-empty label followed by `.suffix`
    /// (spec B-88).
    Wildcard,
}

/// The lower-case form used for comparisons and index keys: ASCII case folded, one trailing
/// dot removed, surrounding white space trimmed.
pub fn normalise_domain(name: &str) -> String {
    let trimmed = name.trim();
    trimmed
        .strip_suffix('.')
        .unwrap_or(trimmed)
        .to_ascii_lowercase()
}

/// The suffix a wildcard domain stands for (`*.contoso.com` → `contoso.com`), when `domain`
/// (already normalised) is a left-most wildcard over at least two labels. `*.com` and
/// `f*.contoso.com` are not wildcards Exchange honours (spec B-88).
pub(crate) fn wildcard_suffix(domain: &str) -> Option<&str> {
    let suffix = domain.strip_prefix("*.")?;
    (!suffix.is_empty()
        && !suffix.contains('*')
        && suffix.contains('.')
        && suffix.split('.').all(|label| !label.is_empty()))
    .then_some(suffix)
}

/// The part of `fqdn` (already normalised) a wildcard would have to cover: everything after
/// the first label, when the first label is non-empty and is not itself a wildcard.
pub(crate) fn parent_of(fqdn: &str) -> Option<&str> {
    let (label, rest) = fqdn.split_once('.')?;
    (!label.is_empty() && !label.contains('*') && !rest.is_empty()).then_some(rest)
}

/// Whether the certificate domain `domain` matches `fqdn` (spec B-88): equal ignoring case,
/// or `*.suffix` covering exactly one extra non-empty label. `*.fourthcoffee.com` matches
/// `mail.fourthcoffee.com` but neither `fourthcoffee.com` nor `a.b.fourthcoffee.com`.
///
/// ```
/// use cert_selection::{DomainMatch, match_domain};
/// assert_eq!(match_domain("*.contoso.com", "mail.contoso.com"), Some(DomainMatch::Wildcard));
/// assert_eq!(match_domain("MAIL.contoso.com", "mail.contoso.com."), Some(DomainMatch::Exact));
/// assert_eq!(match_domain("*.contoso.com", "a.b.contoso.com"), None);
/// ```
pub fn match_domain(domain: &str, fqdn: &str) -> Option<DomainMatch> {
    let domain = normalise_domain(domain);
    let fqdn = normalise_domain(fqdn);
    match_normalised(&domain, &fqdn)
}

pub(crate) fn match_normalised(domain: &str, fqdn: &str) -> Option<DomainMatch> {
    if fqdn.is_empty() || fqdn.contains('*') {
        return None;
    }
    if domain == fqdn {
        return Some(DomainMatch::Exact);
    }
    match (wildcard_suffix(domain), parent_of(fqdn)) {
        (Some(suffix), Some(parent)) if suffix == parent => Some(DomainMatch::Wildcard),
        _ => None,
    }
}

/// The best match of any domain in `domains` (normalised) against `fqdn` (normalised):
/// exact beats wildcard.
pub(crate) fn best_match(domains: &[String], fqdn: &str) -> Option<DomainMatch> {
    let mut best = None;
    for domain in domains {
        match match_normalised(domain, fqdn) {
            Some(DomainMatch::Exact) => return Some(DomainMatch::Exact),
            Some(DomainMatch::Wildcard) => best = Some(DomainMatch::Wildcard),
            None => {}
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wildcard_needs_two_labels_after_the_star() {
        assert_eq!(match_domain("*.com", "contoso.com"), None);
        assert_eq!(match_domain("*.contoso.com", ".contoso.com"), None);
        assert_eq!(match_domain("m*.contoso.com", "mail.contoso.com"), None);
        assert_eq!(match_domain("*.contoso.com", "*.contoso.com"), None);
    }

    #[test]
    fn exact_match_ignores_case_and_trailing_dot() {
        assert_eq!(
            match_domain("Mail.Contoso.COM.", "mail.contoso.com"),
            Some(DomainMatch::Exact)
        );
        assert_eq!(match_domain("exch01", "EXCH01"), Some(DomainMatch::Exact));
        assert_eq!(match_domain("", ""), None);
    }
}
