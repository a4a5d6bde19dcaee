//! The edge: copies what we need out of x509-parser's borrowed types. Nothing from
//! x509-parser leaves this module.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use x509_parser::extensions::{GeneralName, ParsedExtension, X509Extension};
use x509_parser::x509::{AlgorithmIdentifier, X509Name};

use crate::extensions::{
    BasicConstraints, EKU_ANY, EKU_CLIENT_AUTH, EKU_SERVER_AUTH, Extension, Extensions, KeyUsage,
    NameConstraint, NameConstraints,
};
use crate::name::{AttributeType, DistinguishedName, NameAttribute, Rdn};
use crate::signature::SignatureAlgorithm;

/// Upper-case hex of `bytes`.
pub(crate) fn hex_upper(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02X}")).collect()
}

pub(crate) fn name(x509: &X509Name<'_>) -> DistinguishedName {
    let rdns = x509
        .iter_rdn()
        .map(|rdn| {
            Rdn(rdn
                .iter()
                .map(|attr| NameAttribute {
                    kind: AttributeType::from_oid(&attr.attr_type().to_id_string()),
                    value: match attr.as_str() {
                        Ok(text) => text.to_owned(),
                        Err(_) => format!("#{}", hex_upper(attr.as_slice())),
                    },
                })
                .collect())
        })
        .collect();
    DistinguishedName::from_encoded_order(rdns)
}

pub(crate) fn signature_algorithm(alg: &AlgorithmIdentifier<'_>) -> SignatureAlgorithm {
    SignatureAlgorithm {
        oid: alg.algorithm.to_id_string(),
        parameters: alg
            .parameters
            .as_ref()
            .filter(|any| any.tag() != x509_parser::der_parser::asn1_rs::Tag::Null)
            .map(|any| any.data.to_vec()),
    }
}

fn ip_from_bytes(bytes: &[u8]) -> Option<IpAddr> {
    match bytes.len() {
        4 => {
            let octets: [u8; 4] = bytes.try_into().ok()?;
            Some(IpAddr::V4(Ipv4Addr::from(octets)))
        }
        16 => {
            let octets: [u8; 16] = bytes.try_into().ok()?;
            Some(IpAddr::V6(Ipv6Addr::from(octets)))
        }
        _ => None,
    }
}

fn constraint(general: &GeneralName<'_>) -> NameConstraint {
    match general {
        GeneralName::DNSName(dns) => NameConstraint::Dns((*dns).to_owned()),
        GeneralName::IPAddress(bytes) if bytes.len() == 8 || bytes.len() == 32 => {
            let half = bytes.len() / 2;
            NameConstraint::Ip {
                address: bytes[..half].to_vec(),
                mask: bytes[half..].to_vec(),
            }
        }
        GeneralName::DirectoryName(dn) => NameConstraint::Directory(name(dn)),
        GeneralName::RFC822Name(email) => NameConstraint::Email((*email).to_owned()),
        GeneralName::URI(uri) => NameConstraint::Uri((*uri).to_owned()),
        _ => NameConstraint::Other,
    }
}

pub(crate) fn extensions(list: &[X509Extension<'_>]) -> Extensions {
    let mut out = Extensions::default();
    for ext in list {
        let parsed = ext.parsed_extension();
        let (understood, malformed) = match parsed {
            ParsedExtension::UnsupportedExtension { .. } => (false, false),
            ParsedExtension::ParseError { .. } => (true, true),
            _ => (true, false),
        };
        out.all.push(Extension {
            oid: ext.oid.to_id_string(),
            critical: ext.critical,
            value: ext.value.to_vec(),
            understood,
            malformed,
        });
        match parsed {
            ParsedExtension::BasicConstraints(bc) => {
                out.basic_constraints = Some(BasicConstraints {
                    ca: bc.ca,
                    path_len: bc.path_len_constraint,
                });
            }
            ParsedExtension::KeyUsage(ku) => out.key_usage = Some(KeyUsage(ku.flags)),
            ParsedExtension::ExtendedKeyUsage(eku) => {
                let mut purposes = Vec::new();
                let known = [
                    (eku.any, EKU_ANY),
                    (eku.server_auth, EKU_SERVER_AUTH),
                    (eku.client_auth, EKU_CLIENT_AUTH),
                    (eku.code_signing, "1.3.6.1.5.5.7.3.3"),
                    (eku.email_protection, "1.3.6.1.5.5.7.3.4"),
                    (eku.time_stamping, "1.3.6.1.5.5.7.3.8"),
                    (eku.ocsp_signing, "1.3.6.1.5.5.7.3.9"),
                ];
                purposes.extend(
                    known
                        .iter()
                        .filter(|(set, _)| *set)
                        .map(|(_, oid)| (*oid).to_owned()),
                );
                purposes.extend(eku.other.iter().map(|oid| oid.to_id_string()));
                out.extended_key_usage = Some(purposes);
            }
            ParsedExtension::SubjectAlternativeName(san) => {
                out.san_present = true;
                out.san_entries = san.general_names.len();
                for general in &san.general_names {
                    match general {
                        GeneralName::DNSName(dns) => out.san_dns.push((*dns).to_owned()),
                        GeneralName::IPAddress(bytes) => {
                            if let Some(ip) = ip_from_bytes(bytes) {
                                out.san_ip.push(ip);
                            }
                        }
                        _ => {}
                    }
                }
            }
            ParsedExtension::CRLDistributionPoints(points) => {
                for point in points.iter() {
                    if let Some(x509_parser::extensions::DistributionPointName::FullName(names)) =
                        &point.distribution_point
                    {
                        for general in names {
                            if let GeneralName::URI(uri) = general {
                                out.crl_distribution_points.push((*uri).to_owned());
                            }
                        }
                    }
                }
            }
            ParsedExtension::AuthorityKeyIdentifier(aki) => {
                out.authority_key_id = aki.key_identifier.as_ref().map(|id| id.0.to_vec());
            }
            ParsedExtension::SubjectKeyIdentifier(ski) => out.subject_key_id = Some(ski.0.to_vec()),
            ParsedExtension::IssuingDistributionPoint(idp) => {
                let mut point = crate::extensions::IssuingDistributionPoint {
                    named: idp.distribution_point.is_some(),
                    only_user_certs: idp.only_contains_user_certs,
                    only_ca_certs: idp.only_contains_ca_certs,
                    only_some_reasons: idp.only_some_reasons.is_some(),
                    indirect: idp.indirect_crl,
                    only_attribute_certs: idp.only_contains_attribute_certs,
                    ..Default::default()
                };
                if let Some(x509_parser::extensions::DistributionPointName::FullName(names)) =
                    &idp.distribution_point
                {
                    for general in names {
                        if let GeneralName::URI(uri) = general {
                            point.uris.push((*uri).to_owned());
                        }
                    }
                }
                out.issuing_distribution_point = Some(point);
            }
            ParsedExtension::NameConstraints(nc) => {
                out.name_constraints = Some(NameConstraints {
                    permitted: nc
                        .permitted_subtrees
                        .as_ref()
                        .map(|trees| trees.iter().map(|tree| constraint(&tree.base)).collect()),
                    excluded: nc
                        .excluded_subtrees
                        .as_ref()
                        .map(|trees| trees.iter().map(|tree| constraint(&tree.base)).collect()),
                });
            }
            _ => {}
        }
    }
    out
}
