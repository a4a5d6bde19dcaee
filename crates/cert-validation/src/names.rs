//! Name rules: the peer-name check (RFC 6125 as the limbo harness and selection use it) and
//! name constraints (RFC 5280 §4.2.1.10).

use std::fmt;
use std::net::IpAddr;

use cert_model::{Certificate, DistinguishedName, NameConstraint, NameConstraints, is_dns_name};

/// The name a client uses to reach a server.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub enum PeerName {
    /// A DNS host name.
    Dns(String),
    /// An IP address.
    Ip(IpAddr),
}

impl PeerName {
    /// An IP address when `text` parses as one, else a DNS name.
    pub fn parse(text: &str) -> PeerName {
        match text.parse::<IpAddr>() {
            Ok(ip) => PeerName::Ip(ip),
            Err(_) => PeerName::Dns(text.to_owned()),
        }
    }
}

impl fmt::Display for PeerName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PeerName::Dns(name) => f.write_str(name),
            PeerName::Ip(ip) => write!(f, "{ip}"),
        }
    }
}

fn normalise_dns(name: &str) -> String {
    name.strip_suffix('.').unwrap_or(name).to_ascii_lowercase()
}

/// Whether the presented DNS identifier `presented` (from the certificate) matches the
/// reference identifier `reference` (what the client typed): equal ignoring ASCII case, or
/// `presented` is `*.` followed by at least two labels and `reference` is exactly one
/// non-empty label followed by those labels (RFC 6125 §6.4.3: the wildcard must be the whole
/// left-most label; `xn--*-…` or `f*o` never match).
pub fn dns_name_matches(presented: &str, reference: &str) -> bool {
    let presented = normalise_dns(presented);
    let reference = normalise_dns(reference);
    if reference.is_empty() || reference.contains('*') || !is_dns_name(&reference) {
        return false;
    }
    match presented.strip_prefix("*.") {
        Some(suffix) => {
            if suffix.contains('*') || !suffix.contains('.') {
                return false;
            }
            match reference.split_once('.') {
                Some((label, rest)) => !label.is_empty() && rest == suffix,
                None => false,
            }
        }
        None => !presented.contains('*') && presented == reference,
    }
}

/// The peer-name check: a DNS name against the SAN dNSNames (the subject CN only when the
/// certificate has no SAN extension), an IP address against the SAN iPAddress entries.
pub fn matches_peer_name(certificate: &Certificate, peer: &PeerName) -> bool {
    let extensions = certificate.extensions();
    match peer {
        PeerName::Dns(reference) => {
            if extensions.has_subject_alt_name() {
                extensions
                    .san_dns_names()
                    .iter()
                    .any(|name| dns_name_matches(name, reference))
            } else {
                certificate
                    .subject()
                    .attributes()
                    .filter(|attr| attr.kind == cert_model::AttributeType::CommonName)
                    .any(|attr| dns_name_matches(&attr.value, reference))
            }
        }
        PeerName::Ip(ip) => extensions.san_ip_addresses().contains(ip),
    }
}

/// Whether DNS name `name` lies in the subtree `base` (RFC 5280 §4.2.1.10: adding labels on
/// the left; a base starting with `.` covers only subdomains; an empty base covers all).
fn dns_in_subtree(name: &str, base: &str) -> bool {
    let name = normalise_dns(name);
    let name = name
        .strip_prefix("*.")
        .map_or(name.clone(), |rest| format!("x.{rest}"));
    let base = normalise_dns(base);
    if base.is_empty() {
        return true;
    }
    if let Some(stripped) = base.strip_prefix('.') {
        return name.ends_with(&format!(".{stripped}"));
    }
    name == base || name.ends_with(&format!(".{base}"))
}

fn ip_in_subtree(ip: &IpAddr, address: &[u8], mask: &[u8]) -> bool {
    let octets: Vec<u8> = match ip {
        IpAddr::V4(v4) => v4.octets().to_vec(),
        IpAddr::V6(v6) => v6.octets().to_vec(),
    };
    octets.len() == address.len()
        && octets
            .iter()
            .zip(address)
            .zip(mask)
            .all(|((byte, net), bits)| byte & bits == net & bits)
}

/// Whether `subject` lies under the directory name `base`: the base's RDNs are a prefix of
/// the subject's RDNs in encoding order.
fn directory_in_subtree(subject: &DistinguishedName, base: &DistinguishedName) -> bool {
    let subject_rdns: Vec<_> = subject.encoded_order().cloned().collect();
    let base_rdns: Vec<_> = base.encoded_order().cloned().collect();
    if base_rdns.len() > subject_rdns.len() {
        return false;
    }
    let prefix = DistinguishedName::from_encoded_order(subject_rdns[..base_rdns.len()].to_vec());
    prefix.matches(&DistinguishedName::from_encoded_order(base_rdns))
}

enum Name<'a> {
    Dns(&'a str),
    Ip(&'a IpAddr),
    Directory(&'a DistinguishedName),
}

fn in_subtree(name: &Name<'_>, constraint: &NameConstraint) -> Option<bool> {
    match (name, constraint) {
        (Name::Dns(dns), NameConstraint::Dns(base)) => Some(dns_in_subtree(dns, base)),
        (Name::Ip(ip), NameConstraint::Ip { address, mask }) => {
            Some(ip_in_subtree(ip, address, mask))
        }
        (Name::Directory(dn), NameConstraint::Directory(base)) => {
            Some(directory_in_subtree(dn, base))
        }
        _ => None,
    }
}

/// Checks every name of `certificate` against `constraints`; `Err` names the first name
/// outside the permitted subtrees or inside an excluded one.
pub(crate) fn check_name_constraints(
    certificate: &Certificate,
    constraints: &NameConstraints,
) -> Result<(), String> {
    let extensions = certificate.extensions();
    let mut names: Vec<(Name<'_>, String)> = Vec::new();
    for dns in extensions.san_dns_names() {
        names.push((Name::Dns(dns), dns.clone()));
    }
    if !extensions.has_subject_alt_name()
        && let Some(cn) = certificate
            .subject()
            .common_name_value()
            .filter(|cn| is_dns_name(cn))
    {
        names.push((Name::Dns(cn), cn.to_owned()));
    }
    for ip in extensions.san_ip_addresses() {
        names.push((Name::Ip(ip), ip.to_string()));
    }
    if !certificate.subject().is_empty() {
        names.push((
            Name::Directory(certificate.subject()),
            certificate.subject().to_string(),
        ));
    }
    for (name, shown) in &names {
        if let Some(excluded) = &constraints.excluded
            && excluded
                .iter()
                .any(|constraint| in_subtree(name, constraint) == Some(true))
        {
            return Err(format!("name {shown} is in an excluded subtree"));
        }
        if let Some(permitted) = &constraints.permitted {
            let verdicts: Vec<bool> = permitted
                .iter()
                .filter_map(|constraint| in_subtree(name, constraint))
                .collect();
            if !verdicts.is_empty() && !verdicts.contains(&true) {
                return Err(format!("name {shown} is outside the permitted subtrees"));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn b06_wildcard_matches_one_left_most_label() {
        assert!(dns_name_matches("*.contoso.com", "mail.contoso.com"));
        assert!(dns_name_matches("*.contoso.com", "POP.Contoso.com"));
        assert!(!dns_name_matches("*.contoso.com", "contoso.com"));
        assert!(!dns_name_matches("*.contoso.com", "a.mail.contoso.com"));
        assert!(!dns_name_matches("mail.*.com", "mail.contoso.com"));
        assert!(!dns_name_matches(
            "xn--*-1b3c148a.example.com",
            "xn--bliss-1b3c148a.example.com"
        ));
        assert!(!dns_name_matches("f*o.example.com", "foo.example.com"));
        assert!(!dns_name_matches("*.com", "example.com"));
    }

    #[test]
    fn b07_exact_names_match_case_insensitively() {
        assert!(dns_name_matches("Mail.Contoso.com", "mail.contoso.com."));
        assert!(!dns_name_matches("mail.contoso.com", "contoso.com"));
        assert!(!dns_name_matches("contoso.com", "mail.contoso.com"));
    }

    #[test]
    fn s5_4_dns_subtrees() {
        assert!(dns_in_subtree("a.example.com", "example.com"));
        assert!(dns_in_subtree("example.com", "example.com"));
        assert!(!dns_in_subtree("badexample.com", "example.com"));
        assert!(!dns_in_subtree("example.com", ".example.com"));
        assert!(dns_in_subtree("*.example.com", "example.com"));
        assert!(dns_in_subtree("anything.test", ""));
    }

    #[test]
    fn s5_4_ip_subtrees() {
        let ip: IpAddr = "10.1.2.3".parse().unwrap();
        assert!(ip_in_subtree(&ip, &[10, 0, 0, 0], &[255, 0, 0, 0]));
        assert!(!ip_in_subtree(&ip, &[11, 0, 0, 0], &[255, 0, 0, 0]));
        let v6: IpAddr = "::1".parse().unwrap();
        assert!(!ip_in_subtree(&v6, &[10, 0, 0, 0], &[255, 0, 0, 0]));
    }
}
