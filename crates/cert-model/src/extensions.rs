//! Certificate extensions copied out of the DER into owned values (RFC 5280 §4.2).

use std::net::IpAddr;

use crate::name::DistinguishedName;

/// OID of serverAuth (RFC 5280 §4.2.1.12).
pub const EKU_SERVER_AUTH: &str = "1.3.6.1.5.5.7.3.1";
/// OID of clientAuth.
pub const EKU_CLIENT_AUTH: &str = "1.3.6.1.5.5.7.3.2";
/// OID of anyExtendedKeyUsage.
pub const EKU_ANY: &str = "2.5.29.37.0";

/// One extension as found in the certificate.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub struct Extension {
    /// Dotted OID.
    pub oid: String,
    /// The critical flag.
    pub critical: bool,
    /// The extnValue OCTET STRING contents.
    pub value: Vec<u8>,
    /// Whether this crate decodes this extension type (else it is kept only as data).
    pub understood: bool,
    /// Whether decoding a known extension type failed.
    pub malformed: bool,
}

/// basicConstraints (RFC 5280 §4.2.1.9).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct BasicConstraints {
    /// The cA boolean.
    pub ca: bool,
    /// pathLenConstraint, when present.
    pub path_len: Option<u32>,
}

/// keyUsage bits (RFC 5280 §4.2.1.3); bit 0 is digitalSignature.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct KeyUsage(pub u16);

impl KeyUsage {
    /// digitalSignature.
    pub fn digital_signature(self) -> bool {
        self.0 & 1 != 0
    }
    /// keyEncipherment.
    pub fn key_encipherment(self) -> bool {
        self.0 & (1 << 2) != 0
    }
    /// keyCertSign.
    pub fn key_cert_sign(self) -> bool {
        self.0 & (1 << 5) != 0
    }
    /// cRLSign.
    pub fn crl_sign(self) -> bool {
        self.0 & (1 << 6) != 0
    }
}

/// One name form inside a name-constraints subtree (RFC 5280 §4.2.1.10).
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub enum NameConstraint {
    /// A dNSName subtree (`example.com` covers itself and its subdomains).
    Dns(String),
    /// An iPAddress subtree: address and mask bytes (4+4 or 16+16).
    Ip {
        /// Network address bytes.
        address: Vec<u8>,
        /// Mask bytes.
        mask: Vec<u8>,
    },
    /// A directoryName subtree.
    Directory(DistinguishedName),
    /// An rfc822Name subtree.
    Email(String),
    /// A uniformResourceIdentifier subtree.
    Uri(String),
    /// Another form this crate does not interpret.
    Other,
}

/// nameConstraints: permitted and excluded subtrees.
#[derive(Clone, PartialEq, Eq, Hash, Debug, Default)]
pub struct NameConstraints {
    /// permittedSubtrees (`None` when absent).
    pub permitted: Option<Vec<NameConstraint>>,
    /// excludedSubtrees (`None` when absent).
    pub excluded: Option<Vec<NameConstraint>>,
}

/// issuingDistributionPoint of a CRL (RFC 5280 §5.2.5): the CRL's scope.
#[derive(Clone, PartialEq, Eq, Hash, Debug, Default)]
pub struct IssuingDistributionPoint {
    /// Full-name URIs of the distribution point, when named.
    pub uris: Vec<String>,
    /// Whether the distribution point is named at all (by URIs or other forms).
    pub named: bool,
    /// onlyContainsUserCerts.
    pub only_user_certs: bool,
    /// onlyContainsCACerts.
    pub only_ca_certs: bool,
    /// Whether onlySomeReasons is present (the CRL covers only some reasons).
    pub only_some_reasons: bool,
    /// indirectCRL.
    pub indirect: bool,
    /// onlyContainsAttributeCerts.
    pub only_attribute_certs: bool,
}

/// The decoded extensions of a certificate plus every extension as raw data.
#[derive(Clone, PartialEq, Eq, Hash, Debug, Default)]
pub struct Extensions {
    pub(crate) all: Vec<Extension>,
    pub(crate) basic_constraints: Option<BasicConstraints>,
    pub(crate) key_usage: Option<KeyUsage>,
    pub(crate) extended_key_usage: Option<Vec<String>>,
    pub(crate) san_present: bool,
    pub(crate) san_entries: usize,
    pub(crate) san_dns: Vec<String>,
    pub(crate) san_ip: Vec<IpAddr>,
    pub(crate) crl_distribution_points: Vec<String>,
    pub(crate) authority_key_id: Option<Vec<u8>>,
    pub(crate) subject_key_id: Option<Vec<u8>>,
    pub(crate) name_constraints: Option<NameConstraints>,
    pub(crate) issuing_distribution_point: Option<IssuingDistributionPoint>,
}

impl Extensions {
    /// Every extension in certificate order, known or not.
    pub fn all(&self) -> &[Extension] {
        &self.all
    }

    /// basicConstraints, when present.
    pub fn basic_constraints(&self) -> Option<BasicConstraints> {
        self.basic_constraints
    }

    /// keyUsage, when present.
    pub fn key_usage(&self) -> Option<KeyUsage> {
        self.key_usage
    }

    /// extendedKeyUsage purpose OIDs, when the extension is present.
    pub fn extended_key_usage(&self) -> Option<&[String]> {
        self.extended_key_usage.as_deref()
    }

    /// Whether the EKU extension is absent or lists serverAuth (the Exchange rule; an
    /// anyExtendedKeyUsage alone does not count, as in webpki).
    pub fn allows_server_auth(&self) -> bool {
        self.extended_key_usage
            .as_ref()
            .is_none_or(|purposes| purposes.iter().any(|oid| oid == EKU_SERVER_AUTH))
    }

    /// Whether a subjectAltName extension is present.
    pub fn has_subject_alt_name(&self) -> bool {
        self.san_present
    }

    /// How many GeneralNames the SAN extension holds, of every form (0 when absent).
    pub fn san_entry_count(&self) -> usize {
        self.san_entries
    }

    /// SAN dNSName entries in certificate order.
    pub fn san_dns_names(&self) -> &[String] {
        &self.san_dns
    }

    /// SAN iPAddress entries in certificate order.
    pub fn san_ip_addresses(&self) -> &[IpAddr] {
        &self.san_ip
    }

    /// CRL distribution point URIs (full names only).
    pub fn crl_distribution_points(&self) -> &[String] {
        &self.crl_distribution_points
    }

    /// authorityKeyIdentifier keyIdentifier, when present.
    pub fn authority_key_id(&self) -> Option<&[u8]> {
        self.authority_key_id.as_deref()
    }

    /// subjectKeyIdentifier, when present.
    pub fn subject_key_id(&self) -> Option<&[u8]> {
        self.subject_key_id.as_deref()
    }

    /// nameConstraints, when present.
    pub fn name_constraints(&self) -> Option<&NameConstraints> {
        self.name_constraints.as_ref()
    }

    /// issuingDistributionPoint (CRLs only), when present.
    pub fn issuing_distribution_point(&self) -> Option<&IssuingDistributionPoint> {
        self.issuing_distribution_point.as_ref()
    }

    /// The OID of the first extension that occurs more than once (RFC 5280 §4.2 forbids it).
    pub fn duplicate(&self) -> Option<&str> {
        self.all.iter().enumerate().find_map(|(index, ext)| {
            self.all[..index]
                .iter()
                .any(|earlier| earlier.oid == ext.oid)
                .then_some(ext.oid.as_str())
        })
    }

    /// The first extension whose decoding failed.
    pub fn first_malformed(&self) -> Option<&Extension> {
        self.all.iter().find(|ext| ext.malformed)
    }
}
