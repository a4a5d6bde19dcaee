//! Name resolution of New-ExchangeCertificate: the domain list, the subject, the key size and
//! the friendly name (spec §3.1 "Name resolution", steps 1–8).

use cert_generation::{KeySize, SubjectName};
use cert_model::DistinguishedName;

use crate::domain_name::is_valid_domain_name;
use crate::error::NewCertificateError;

/// The friendly name Exchange gives its certificates (spec §1.2, §3.1).
pub const DEFAULT_FRIENDLY_NAME: &str = "Microsoft Exchange";

/// Friendly names must be shorter than 64 characters (spec §3.1, §4 `FriendlyNameTooLong`).
pub const MAX_FRIENDLY_NAME_LENGTH: usize = 63;

/// What the server knows about itself when resolving names (spec §1.1 server configuration).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostNames {
    /// The host name (`EXCH01`).
    pub host_name: String,
    /// The physical FQDN (`EXCH01.contoso.com`).
    pub fqdn: String,
    /// Accepted domains of the organisation, with whether each is authoritative.
    pub accepted_domains: Vec<(String, bool)>,
    /// Whether the Client Access role is installed (`-IncludeAutoDiscover` needs it).
    pub client_access: bool,
}

/// What a clone source (`-Instance`, spec §3.1 "Cloning / renewal") contributes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CloneSource {
    /// The source's CertificateDomains.
    pub domains: Vec<String>,
    /// The source's subject.
    pub subject: DistinguishedName,
    /// The source's friendly name.
    pub friendly_name: String,
    /// The source's public key size in bits.
    pub key_bits: u32,
}

/// The naming inputs of New-ExchangeCertificate.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NameInputs {
    /// `-DomainName`, when given.
    pub domain_names: Option<Vec<String>>,
    /// `-SubjectName`, when given.
    pub subject_name: Option<DistinguishedName>,
    /// `-FriendlyName`, when given.
    pub friendly_name: Option<String>,
    /// `-KeySize`, when given.
    pub key_size: Option<u32>,
    /// `-IncludeAcceptedDomains`.
    pub include_accepted_domains: bool,
    /// `-IncludeAutoDiscover`.
    pub include_autodiscover: bool,
}

/// Warnings name resolution produces (the operation goes on).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NameWarning {
    /// `-IncludeAutoDiscover` on a server without the Client Access role (spec §4
    /// `IncludeAutoDiscoverOnlyApplicableToCAS`).
    AutoDiscoverOnlyOnClientAccess,
}

/// The resolved names of a new certificate or request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolvedNames {
    /// The SAN list, in order (spec §3.1 step 8).
    pub domains: Vec<String>,
    /// The subject, in display order.
    pub subject: DistinguishedName,
    /// The key size.
    pub key_size: KeySize,
    /// The friendly name.
    pub friendly_name: String,
    /// Warnings to show.
    pub warnings: Vec<NameWarning>,
}

/// Resolves names as spec §3.1 steps 1–8 say.
///
/// # Errors
/// [`NewCertificateError::InvalidKeySize`], [`NewCertificateError::FriendlyNameTooLong`],
/// [`NewCertificateError::InvalidDomainName`], [`NewCertificateError::SubjectCnNotValidFqdn`].
pub fn resolve_names(
    inputs: &NameInputs,
    host: &HostNames,
    source: Option<&CloneSource>,
) -> Result<ResolvedNames, NewCertificateError> {
    let mut domains: Vec<String> = Vec::new();
    let mut warnings = Vec::new();
    // Step 1: a clone starts from its source's names.
    if let Some(source) = source {
        for domain in &source.domains {
            push_unique(&mut domains, domain);
        }
    }
    // Step 2: -DomainName values, duplicates skipped.
    if let Some(names) = &inputs.domain_names {
        for name in names {
            push_unique(&mut domains, name.trim());
        }
    }
    // Step 3: accepted domains and autodiscover names.
    if inputs.include_accepted_domains {
        for (domain, _) in &host.accepted_domains {
            push_unique(&mut domains, domain);
        }
    }
    if inputs.include_autodiscover {
        if host.client_access {
            for (domain, authoritative) in &host.accepted_domains {
                if *authoritative {
                    push_unique(&mut domains, &format!("autodiscover.{domain}"));
                }
            }
        } else {
            warnings.push(NameWarning::AutoDiscoverOnlyOnClientAccess);
        }
    }
    // Step 4: nothing given at all → host name and FQDN; a subject alone must carry an FQDN.
    let subject_given = inputs
        .subject_name
        .as_ref()
        .or(source.map(|source| &source.subject));
    if inputs.domain_names.is_none() && domains.is_empty() {
        match subject_given {
            None => {
                push_unique(&mut domains, &host.host_name);
                push_unique(&mut domains, &host.fqdn);
            }
            Some(subject) => {
                let common_name = subject.common_name_value().unwrap_or_default();
                if !is_valid_domain_name(common_name) {
                    return Err(NewCertificateError::SubjectCnNotValidFqdn);
                }
            }
        }
    }
    // Step 5: every name must be a DNS name or wildcard.
    if let Some(bad) = domains.iter().find(|domain| !is_valid_domain_name(domain)) {
        return Err(NewCertificateError::InvalidDomainName { name: bad.clone() });
    }
    // Step 6: key size.
    let bits = inputs
        .key_size
        .or(source.map(|source| source.key_bits))
        .unwrap_or(2048);
    let key_size = match bits {
        1024 => KeySize::Rsa1024,
        2048 => KeySize::Rsa2048,
        4096 => KeySize::Rsa4096,
        other => return Err(NewCertificateError::InvalidKeySize { bits: other }),
    };
    // Friendly name: explicit, else the source's, else the default (spec §3.1).
    let friendly_name = inputs
        .friendly_name
        .clone()
        .or(source.map(|source| source.friendly_name.clone()))
        .unwrap_or_else(|| DEFAULT_FRIENDLY_NAME.to_owned());
    if friendly_name.chars().count() > MAX_FRIENDLY_NAME_LENGTH {
        return Err(NewCertificateError::FriendlyNameTooLong);
    }
    // Step 7: subject.
    let subject = match subject_given {
        Some(subject) => subject.clone(),
        None => {
            let first = domains.iter().find(|domain| domain.chars().count() < 64);
            match first {
                Some(first) => DistinguishedName::common_name(first),
                None => return Err(NewCertificateError::SubjectCnNotValidFqdn),
            }
        }
    };
    Ok(ResolvedNames {
        domains,
        subject,
        key_size,
        friendly_name,
        warnings,
    })
}

/// Adds `name` unless an entry equal to it ignoring case is already there.
fn push_unique(list: &mut Vec<String>, name: &str) {
    if !list
        .iter()
        .any(|existing| existing.eq_ignore_ascii_case(name))
    {
        list.push(name.to_owned());
    }
}

/// The subject in the form the generator encodes: attributes in DER order, limited to the
/// types `-SubjectName` accepts (spec B-14: C, ST, L, O, OU, CN).
///
/// # Errors
/// [`NewCertificateError::UnsupportedSubjectAttribute`] for other types, multi-valued RDNs or
/// repeated types.
pub fn subject_for_generation(
    subject: &DistinguishedName,
) -> Result<SubjectName, NewCertificateError> {
    SubjectName::try_from(subject).map_err(|error| {
        NewCertificateError::UnsupportedSubjectAttribute {
            reason: error.to_string(),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn host() -> HostNames {
        HostNames {
            host_name: "EXCH01".into(),
            fqdn: "EXCH01.contoso.com".into(),
            accepted_domains: vec![("contoso.com".into(), true), ("fabrikam.com".into(), false)],
            client_access: true,
        }
    }

    fn resolve(inputs: NameInputs) -> Result<ResolvedNames, NewCertificateError> {
        resolve_names(&inputs, &host(), None)
    }

    #[test]
    fn b13_no_arguments_gives_cn_host_and_both_names() {
        let names = resolve(NameInputs::default()).unwrap();
        assert_eq!(names.subject.to_string(), "CN=EXCH01");
        assert_eq!(names.domains, ["EXCH01", "EXCH01.contoso.com"]);
        assert_eq!(names.key_size, KeySize::Rsa2048);
        assert_eq!(names.friendly_name, "Microsoft Exchange");
    }

    #[test]
    fn b61_subject_is_first_domain_name() {
        let names = resolve(NameInputs {
            domain_names: Some(vec!["server1.fourthcoffee.com".into(), "server1".into()]),
            ..NameInputs::default()
        })
        .unwrap();
        assert_eq!(names.subject.to_string(), "CN=server1.fourthcoffee.com");
        assert_eq!(names.domains, ["server1.fourthcoffee.com", "server1"]);
    }

    #[test]
    fn b14_subject_name_is_kept_and_domains_come_only_from_domain_name() {
        let subject: DistinguishedName = "c=us,o=contoso corp, cn=popserver.fourthcoffee.com"
            .parse()
            .unwrap();
        let names = resolve(NameInputs {
            domain_names: Some(vec!["popserver.fourthcoffee.com".into()]),
            subject_name: Some(subject.clone()),
            ..NameInputs::default()
        })
        .unwrap();
        assert_eq!(names.subject, subject);
        let generated = subject_for_generation(&names.subject).unwrap();
        assert_eq!(
            generated.first_common_name(),
            Some("popserver.fourthcoffee.com")
        );
        assert_eq!(generated.attributes().len(), 3);
    }

    #[test]
    fn s3_1_subject_without_fqdn_cn_is_refused() {
        let subject: DistinguishedName = "O=Contoso".parse().unwrap();
        let result = resolve(NameInputs {
            subject_name: Some(subject),
            ..NameInputs::default()
        });
        assert_eq!(result, Err(NewCertificateError::SubjectCnNotValidFqdn));
        let subject: DistinguishedName = "CN=not a host".parse().unwrap();
        let result = resolve(NameInputs {
            subject_name: Some(subject),
            ..NameInputs::default()
        });
        assert_eq!(result, Err(NewCertificateError::SubjectCnNotValidFqdn));
    }

    #[test]
    fn s3_1_subject_alone_leaves_the_san_list_empty() {
        let subject: DistinguishedName = "CN=mail.contoso.com".parse().unwrap();
        let names = resolve(NameInputs {
            subject_name: Some(subject),
            ..NameInputs::default()
        })
        .unwrap();
        assert!(names.domains.is_empty());
    }

    #[test]
    fn b16_wildcards_are_accepted() {
        let names = resolve(NameInputs {
            domain_names: Some(vec!["*.fourthcoffee.com".into()]),
            ..NameInputs::default()
        })
        .unwrap();
        assert_eq!(names.subject.to_string(), "CN=*.fourthcoffee.com");
    }

    #[test]
    fn s3_1_invalid_domain_names_are_refused() {
        let result = resolve(NameInputs {
            domain_names: Some(vec![
                "good.contoso.com".into(),
                "bad_name.contoso.com".into(),
            ]),
            ..NameInputs::default()
        });
        assert_eq!(
            result,
            Err(NewCertificateError::InvalidDomainName {
                name: "bad_name.contoso.com".into()
            })
        );
    }

    #[test]
    fn s3_1_key_sizes_are_1024_2048_4096() {
        for (bits, size) in [
            (1024, KeySize::Rsa1024),
            (2048, KeySize::Rsa2048),
            (4096, KeySize::Rsa4096),
        ] {
            let names = resolve(NameInputs {
                key_size: Some(bits),
                ..NameInputs::default()
            })
            .unwrap();
            assert_eq!(names.key_size, size);
        }
        for bits in [0, 512, 3072, 8192] {
            let result = resolve(NameInputs {
                key_size: Some(bits),
                ..NameInputs::default()
            });
            assert_eq!(result, Err(NewCertificateError::InvalidKeySize { bits }));
        }
    }

    #[test]
    fn s3_1_friendly_name_must_be_shorter_than_64() {
        let ok = "x".repeat(63);
        let names = resolve(NameInputs {
            friendly_name: Some(ok.clone()),
            ..NameInputs::default()
        })
        .unwrap();
        assert_eq!(names.friendly_name, ok);
        let result = resolve(NameInputs {
            friendly_name: Some("x".repeat(64)),
            ..NameInputs::default()
        });
        assert_eq!(result, Err(NewCertificateError::FriendlyNameTooLong));
    }

    #[test]
    fn s3_1_accepted_domains_and_autodiscover_are_appended() {
        let names = resolve(NameInputs {
            domain_names: Some(vec!["mail.contoso.com".into(), "CONTOSO.com".into()]),
            include_accepted_domains: true,
            include_autodiscover: true,
            ..NameInputs::default()
        })
        .unwrap();
        assert_eq!(
            names.domains,
            [
                "mail.contoso.com",
                "CONTOSO.com",
                "fabrikam.com",
                "autodiscover.contoso.com"
            ]
        );
    }

    #[test]
    fn s3_1_autodiscover_off_client_access_warns() {
        let mut host = host();
        host.client_access = false;
        let inputs = NameInputs {
            include_autodiscover: true,
            ..NameInputs::default()
        };
        let names = resolve_names(&inputs, &host, None).unwrap();
        assert_eq!(
            names.warnings,
            [NameWarning::AutoDiscoverOnlyOnClientAccess]
        );
        assert_eq!(names.domains, ["EXCH01", "EXCH01.contoso.com"]);
    }

    #[test]
    fn b62_clone_copies_names_subject_friendly_name_and_key_size() {
        let source = CloneSource {
            domains: vec!["server1.fourthcoffee.com".into(), "server1".into()],
            subject: "CN=server1.fourthcoffee.com".parse().unwrap(),
            friendly_name: "Renewed".into(),
            key_bits: 1024,
        };
        let inputs = NameInputs {
            domain_names: Some(vec!["extra.fourthcoffee.com".into()]),
            ..NameInputs::default()
        };
        let names = resolve_names(&inputs, &host(), Some(&source)).unwrap();
        assert_eq!(
            names.domains,
            [
                "server1.fourthcoffee.com",
                "server1",
                "extra.fourthcoffee.com"
            ]
        );
        assert_eq!(names.subject, source.subject);
        assert_eq!(names.friendly_name, "Renewed");
        assert_eq!(names.key_size, KeySize::Rsa1024);
    }

    #[test]
    fn b14_subject_types_outside_the_accepted_set_are_refused() {
        let subject: DistinguishedName = "CN=a.contoso.com, E=admin@contoso.com".parse().unwrap();
        assert!(matches!(
            subject_for_generation(&subject),
            Err(NewCertificateError::UnsupportedSubjectAttribute { .. })
        ));
    }
}
