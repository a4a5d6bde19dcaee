//! The subject name a caller asks for: an ordered list of attributes, as `-SubjectName` gives
//! them. Parsing X.500 strings is `cert-model`'s job; this type only carries the result.

use rcgen::{DistinguishedName, DnType, DnValue};

/// The attribute types `-SubjectName` accepts (spec B-14: C, ST, L, O, OU, CN).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NameAttribute {
    /// `CN`, commonName (2.5.4.3).
    CommonName,
    /// `OU`, organizationalUnitName (2.5.4.11).
    OrganizationalUnit,
    /// `O`, organizationName (2.5.4.10).
    Organization,
    /// `L`, localityName (2.5.4.7).
    Locality,
    /// `S` / `ST`, stateOrProvinceName (2.5.4.8).
    State,
    /// `C`, countryName (2.5.4.6), encoded as a PrintableString.
    Country,
}

impl NameAttribute {
    /// The keyword Windows prints for the attribute (`S` for state, spec §1.2).
    pub fn keyword(self) -> &'static str {
        match self {
            NameAttribute::CommonName => "CN",
            NameAttribute::OrganizationalUnit => "OU",
            NameAttribute::Organization => "O",
            NameAttribute::Locality => "L",
            NameAttribute::State => "S",
            NameAttribute::Country => "C",
        }
    }

    fn dn_type(self) -> DnType {
        match self {
            NameAttribute::CommonName => DnType::CommonName,
            NameAttribute::OrganizationalUnit => DnType::OrganizationalUnitName,
            NameAttribute::Organization => DnType::OrganizationName,
            NameAttribute::Locality => DnType::LocalityName,
            NameAttribute::State => DnType::StateOrProvinceName,
            NameAttribute::Country => DnType::CountryName,
        }
    }
}

/// A subject distinguished name: attributes in the order they are encoded.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SubjectName {
    attributes: Vec<(NameAttribute, String)>,
}

impl SubjectName {
    /// A name from attributes, in encoding order.
    pub fn new(attributes: Vec<(NameAttribute, String)>) -> SubjectName {
        SubjectName { attributes }
    }

    /// `CN=<common_name>`, the name Exchange gives its certificates (spec §3.1).
    pub fn common_name(common_name: &str) -> SubjectName {
        SubjectName {
            attributes: vec![(NameAttribute::CommonName, common_name.to_string())],
        }
    }

    /// The attributes in encoding order.
    pub fn attributes(&self) -> &[(NameAttribute, String)] {
        &self.attributes
    }

    /// The first common name, if any.
    pub fn first_common_name(&self) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(attribute, _)| *attribute == NameAttribute::CommonName)
            .map(|(_, value)| value.as_str())
    }

    /// The rcgen form; rcgen keeps one value per attribute type, so a repeated type is an
    /// error rather than a silent loss.
    pub(crate) fn to_rcgen(&self) -> Result<DistinguishedName, NameError> {
        let mut name = DistinguishedName::new();
        for (attribute, value) in &self.attributes {
            let dn_type = attribute.dn_type();
            if name.get(&dn_type).is_some() {
                return Err(NameError::Repeated {
                    keyword: attribute.keyword(),
                });
            }
            let dn_value = match attribute {
                // X.520 requires countryName to be a PrintableString.
                NameAttribute::Country => {
                    DnValue::PrintableString(value.as_str().try_into().map_err(|_| {
                        NameError::BadCountry {
                            value: value.clone(),
                        }
                    })?)
                }
                _ => DnValue::Utf8String(value.clone()),
            };
            name.push(dn_type, dn_value);
        }
        Ok(name)
    }
}

impl TryFrom<&cert_model::DistinguishedName> for SubjectName {
    type Error = NameError;

    /// The name in DER encoding order (a `-SubjectName` string parsed by `cert-model` is kept
    /// in display order and encoded reversed, as Windows does).
    ///
    /// # Errors
    /// [`NameError::MultiValued`] for an RDN joined with `+`, [`NameError::Unsupported`] for
    /// an attribute outside C, ST, L, O, OU, CN.
    fn try_from(name: &cert_model::DistinguishedName) -> Result<SubjectName, NameError> {
        use cert_model::AttributeType;
        let mut attributes = Vec::new();
        for rdn in name.encoded_order() {
            let [attribute] = rdn.0.as_slice() else {
                return Err(NameError::MultiValued);
            };
            let kind = match &attribute.kind {
                AttributeType::CommonName => NameAttribute::CommonName,
                AttributeType::OrganizationalUnit => NameAttribute::OrganizationalUnit,
                AttributeType::Organization => NameAttribute::Organization,
                AttributeType::Locality => NameAttribute::Locality,
                AttributeType::State => NameAttribute::State,
                AttributeType::Country => NameAttribute::Country,
                other => {
                    return Err(NameError::Unsupported {
                        keyword: other.keyword(),
                    });
                }
            };
            attributes.push((kind, attribute.value.clone()));
        }
        Ok(SubjectName { attributes })
    }
}

/// A subject name that cannot be encoded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NameError {
    /// An attribute type appears twice.
    #[error("the attribute {keyword} appears more than once in the subject name")]
    Repeated {
        /// The repeated attribute's keyword.
        keyword: &'static str,
    },
    /// An RDN holds several attributes joined with `+`.
    #[error("multi-valued name components (joined with '+') are not supported")]
    MultiValued,
    /// An attribute type New-ExchangeCertificate does not accept (spec B-14).
    #[error("the attribute {keyword} is not supported in a subject name")]
    Unsupported {
        /// The attribute's keyword.
        keyword: String,
    },
    /// The country is not a PrintableString.
    #[error("the country '{value}' is not a printable string")]
    BadCountry {
        /// The rejected value.
        value: String,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn b14_typed_subject_is_encoded_in_reverse_display_order() {
        let typed: cert_model::DistinguishedName =
            "c=us,o=contoso corp, cn=popserver.fourthcoffee.com"
                .parse()
                .unwrap();
        let subject = SubjectName::try_from(&typed).unwrap();
        assert_eq!(
            subject.attributes(),
            &[
                (
                    NameAttribute::CommonName,
                    "popserver.fourthcoffee.com".to_string()
                ),
                (NameAttribute::Organization, "contoso corp".to_string()),
                (NameAttribute::Country, "us".to_string()),
            ]
        );
    }

    #[test]
    fn b14_other_attributes_are_refused() {
        let typed: cert_model::DistinguishedName = "CN=x, E=a@b.c".parse().unwrap();
        assert_eq!(
            SubjectName::try_from(&typed),
            Err(NameError::Unsupported {
                keyword: "E".to_string()
            })
        );
    }
}
