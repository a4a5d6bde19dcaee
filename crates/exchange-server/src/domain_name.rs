//! Which names may go into a certificate's domain list (spec §3.1 `-DomainName`, steps 4–5).

/// The longest domain name Exchange accepts (spec §3.1: each name ≤ 255 characters).
pub const MAX_DOMAIN_NAME_LENGTH: usize = 255;

/// Whether `name` may be a `CertificateDomains` entry: a DNS host name or FQDN made of the
/// characters a–z, 0–9, `-` and `.` (any case), optionally starting with one `*.` wildcard
/// label, at most 255 characters (spec §3.1 `-DomainName` rules; B-16 wildcards).
///
/// Every label must be 1–63 characters and may not start or end with `-` (RFC 1035 §2.3.1).
/// A bare `*` or a wildcard with nothing after it is refused.
pub fn is_valid_domain_name(name: &str) -> bool {
    if name.is_empty() || name.len() > MAX_DOMAIN_NAME_LENGTH {
        return false;
    }
    let host = match name.strip_prefix("*.") {
        Some(rest) => rest,
        None => name,
    };
    !host.is_empty() && host.split('.').all(is_valid_label)
}

/// Whether `name` is a DNS host name or FQDN without a wildcard: what `X509CertificateName`
/// of the POP3/IMAP4 settings must hold (spec §3.4 POP/IMAP, §3.7).
pub fn is_valid_host_name(name: &str) -> bool {
    !name.starts_with("*.") && is_valid_domain_name(name)
}

/// RFC 1035 §2.3.1 label rule, relaxed to allow a leading digit (RFC 1123 §2.1).
fn is_valid_label(label: &str) -> bool {
    !label.is_empty()
        && label.len() <= 63
        && label
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || byte == b'-')
        && !label.starts_with('-')
        && !label.ends_with('-')
}

/// Whether a certificate name `pattern` (possibly `*.suffix`) matches `name`: exact
/// case-insensitive equality, or a wildcard covering exactly one extra non-empty label
/// (spec B-88).
pub fn domain_matches(pattern: &str, name: &str) -> bool {
    if pattern.eq_ignore_ascii_case(name) {
        return true;
    }
    let Some(suffix) = pattern.strip_prefix("*.") else {
        return false;
    };
    let Some((first_label, rest)) = name.split_once('.') else {
        return false;
    };
    !first_label.is_empty() && first_label != "*" && rest.eq_ignore_ascii_case(suffix)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn s3_1_domain_names_accept_hosts_fqdns_and_wildcards() {
        for name in [
            "server1",
            "server1.fourthcoffee.com",
            "EXCH01.contoso.com",
            "*.contoso.com",
        ] {
            assert!(is_valid_domain_name(name), "{name}");
        }
    }

    #[test]
    fn s3_1_domain_names_refuse_bad_characters_and_shapes() {
        for name in [
            "",
            "a b",
            "mail_1.contoso.com",
            "*",
            "*.",
            "a..b",
            "-a.com",
            "a-.com",
            "mail.*.com",
            "**.com",
            "ünicode.com",
        ] {
            assert!(!is_valid_domain_name(name), "{name}");
        }
        assert!(!is_valid_domain_name(&"a".repeat(64)));
        let long = vec!["a".repeat(60); 5].join(".");
        assert!(long.len() > 255);
        assert!(!is_valid_domain_name(&long));
    }

    #[test]
    fn s3_7_host_names_refuse_wildcards() {
        assert!(is_valid_host_name("mail.contoso.com"));
        assert!(!is_valid_host_name("*.contoso.com"));
    }

    #[test]
    fn b88_wildcard_matches_exactly_one_label() {
        assert!(domain_matches(
            "*.fourthcoffee.com",
            "mail.fourthcoffee.com"
        ));
        assert!(domain_matches("*.fourthcoffee.com", "POP.FourthCoffee.com"));
        assert!(!domain_matches("*.fourthcoffee.com", "fourthcoffee.com"));
        assert!(!domain_matches(
            "*.fourthcoffee.com",
            "a.b.fourthcoffee.com"
        ));
        assert!(domain_matches("Mail.Contoso.com", "mail.contoso.com"));
        assert!(!domain_matches("mail.contoso.com", "pop.contoso.com"));
    }
}
