//! Distinguished names: parsing `-SubjectName` X.500 strings and rendering names the way
//! Windows does (spec §1.2).
//!
//! # Order decision
//!
//! A [`DistinguishedName`] keeps its relative distinguished names (RDNs) in **display order**:
//! the order Windows prints them and the order an administrator types them. Windows
//! (`CertNameToStr` with the reverse flag, as .NET's `X500DistinguishedName.Name` uses)
//! prints the RDNs of a certificate in the *reverse* of their DER encoding order, and
//! `CertStrToName` encodes a typed string reversed, so a name round-trips unchanged:
//! `-SubjectName "c=us,o=contoso corp, cn=popserver.fourthcoffee.com"` renders as
//! `C=us, O=contoso corp, CN=popserver.fourthcoffee.com`, and a certificate whose DER holds
//! `C, O, CN` (the usual X.509 order, which openssl prints as `C = US, O = …, CN = …`) renders
//! as `CN=…, O=…, C=US`. [`DistinguishedName::encoded_order`] gives the DER order for
//! encoders.

use std::fmt;
use std::str::FromStr;

use nom::IResult;
use nom::Parser;
use nom::bytes::complete::take_while1;
use nom::character::complete::{char, space0};

use crate::error::ParseNameError;

/// The type of one name attribute.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub enum AttributeType {
    /// commonName (2.5.4.3), `CN`.
    CommonName,
    /// surname (2.5.4.4), `SN`.
    Surname,
    /// serialNumber (2.5.4.5), `SERIALNUMBER`.
    SerialNumber,
    /// countryName (2.5.4.6), `C`.
    Country,
    /// localityName (2.5.4.7), `L`.
    Locality,
    /// stateOrProvinceName (2.5.4.8), `S` (input also `ST`).
    State,
    /// streetAddress (2.5.4.9), `STREET`.
    Street,
    /// organizationName (2.5.4.10), `O`.
    Organization,
    /// organizationalUnitName (2.5.4.11), `OU`.
    OrganizationalUnit,
    /// title (2.5.4.12), `T` (input also `TITLE`).
    Title,
    /// postalCode (2.5.4.17), `PostalCode`.
    PostalCode,
    /// givenName (2.5.4.42), `G` (input also `GIVENNAME`).
    GivenName,
    /// initials (2.5.4.43), `I` (input also `INITIALS`).
    Initials,
    /// emailAddress (1.2.840.113549.1.9.1), `E` (input also `EMAIL`).
    Email,
    /// domainComponent (0.9.2342.19200300.100.1.25), `DC`.
    DomainComponent,
    /// userId (0.9.2342.19200300.100.1.1), `UID`.
    UserId,
    /// Any other attribute, by dotted OID; renders as `OID.<dotted>`.
    Other(String),
}

/// Known attribute types: the type, its Windows keyword, accepted input aliases, its OID.
const KNOWN: &[(AttributeType, &str, &[&str], &str)] = &[
    (AttributeType::CommonName, "CN", &["COMMONNAME"], "2.5.4.3"),
    (AttributeType::Surname, "SN", &["SURNAME"], "2.5.4.4"),
    (AttributeType::SerialNumber, "SERIALNUMBER", &[], "2.5.4.5"),
    (AttributeType::Country, "C", &["COUNTRY"], "2.5.4.6"),
    (AttributeType::Locality, "L", &["LOCALITY"], "2.5.4.7"),
    (AttributeType::State, "S", &["ST", "STATE"], "2.5.4.8"),
    (AttributeType::Street, "STREET", &[], "2.5.4.9"),
    (
        AttributeType::Organization,
        "O",
        &["ORGANIZATION"],
        "2.5.4.10",
    ),
    (AttributeType::OrganizationalUnit, "OU", &[], "2.5.4.11"),
    (AttributeType::Title, "T", &["TITLE"], "2.5.4.12"),
    (AttributeType::PostalCode, "PostalCode", &[], "2.5.4.17"),
    (
        AttributeType::GivenName,
        "G",
        &["GIVENNAME", "GN"],
        "2.5.4.42",
    ),
    (AttributeType::Initials, "I", &["INITIALS"], "2.5.4.43"),
    (
        AttributeType::Email,
        "E",
        &["EMAIL", "EMAILADDRESS"],
        "1.2.840.113549.1.9.1",
    ),
    (
        AttributeType::DomainComponent,
        "DC",
        &[],
        "0.9.2342.19200300.100.1.25",
    ),
    (
        AttributeType::UserId,
        "UID",
        &[],
        "0.9.2342.19200300.100.1.1",
    ),
];

impl AttributeType {
    /// The type of the attribute with dotted OID `oid`.
    pub fn from_oid(oid: &str) -> AttributeType {
        KNOWN
            .iter()
            .find(|(_, _, _, known)| *known == oid)
            .map(|(kind, _, _, _)| kind.clone())
            .unwrap_or_else(|| AttributeType::Other(oid.to_owned()))
    }

    /// The type named by an input keyword (case-insensitive; `OID.1.2.3` or a dotted OID for
    /// others), or `None` for an unknown keyword.
    pub fn from_keyword(keyword: &str) -> Option<AttributeType> {
        let upper = keyword.to_ascii_uppercase();
        if let Some(dotted) = upper.strip_prefix("OID.").or_else(|| {
            upper
                .starts_with(|c: char| c.is_ascii_digit())
                .then_some(upper.as_str())
        }) {
            let valid = dotted.split('.').count() >= 2
                && dotted
                    .split('.')
                    .all(|arc| !arc.is_empty() && arc.bytes().all(|b| b.is_ascii_digit()));
            return valid.then(|| AttributeType::from_oid(dotted));
        }
        KNOWN
            .iter()
            .find(|(_, canonical, aliases, _)| {
                canonical.eq_ignore_ascii_case(&upper) || aliases.contains(&upper.as_str())
            })
            .map(|(kind, _, _, _)| kind.clone())
    }

    /// The dotted OID.
    pub fn oid(&self) -> &str {
        match self {
            AttributeType::Other(oid) => oid,
            known => KNOWN
                .iter()
                .find(|(kind, _, _, _)| kind == known)
                .map(|(_, _, _, oid)| *oid)
                .unwrap_or_default(),
        }
    }

    /// The keyword Windows prints (`CN`, `S`, `OID.1.2.3`…).
    pub fn keyword(&self) -> String {
        match self {
            AttributeType::Other(oid) => format!("OID.{oid}"),
            known => KNOWN
                .iter()
                .find(|(kind, _, _, _)| kind == known)
                .map(|(_, keyword, _, _)| (*keyword).to_owned())
                .unwrap_or_default(),
        }
    }
}

/// One attribute of a name: a type and its value.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub struct NameAttribute {
    /// The attribute type.
    pub kind: AttributeType,
    /// The value as text (non-string values from certificates are `#` followed by hex DER).
    pub value: String,
}

/// One relative distinguished name: usually one attribute, several joined with `+`.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub struct Rdn(pub Vec<NameAttribute>);

/// An X.500 distinguished name in display order (see the module documentation).
#[derive(Clone, PartialEq, Eq, Hash, Debug, Default)]
pub struct DistinguishedName {
    rdns: Vec<Rdn>,
}

impl DistinguishedName {
    /// A name from RDNs in display order.
    pub fn from_display_order(rdns: Vec<Rdn>) -> Self {
        DistinguishedName { rdns }
    }

    /// A name from RDNs in DER encoding order (reversed for display).
    pub fn from_encoded_order(mut rdns: Vec<Rdn>) -> Self {
        rdns.reverse();
        DistinguishedName { rdns }
    }

    /// A name with a single `CN=<value>`.
    pub fn common_name(value: &str) -> Self {
        DistinguishedName {
            rdns: vec![Rdn(vec![NameAttribute {
                kind: AttributeType::CommonName,
                value: value.to_owned(),
            }])],
        }
    }

    /// The RDNs in display order.
    pub fn rdns(&self) -> &[Rdn] {
        &self.rdns
    }

    /// The RDNs in DER encoding order (for building a certificate or request).
    pub fn encoded_order(&self) -> impl Iterator<Item = &Rdn> {
        self.rdns.iter().rev()
    }

    /// All attributes in display order.
    pub fn attributes(&self) -> impl Iterator<Item = &NameAttribute> {
        self.rdns.iter().flat_map(|rdn| rdn.0.iter())
    }

    /// Whether the name has no attribute.
    pub fn is_empty(&self) -> bool {
        self.attributes().next().is_none()
    }

    /// The first value (in display order, i.e. the most specific) of attribute type `kind`.
    pub fn first(&self, kind: &AttributeType) -> Option<&str> {
        self.attributes()
            .find(|attr| &attr.kind == kind)
            .map(|attr| attr.value.as_str())
    }

    /// The first common name, in display order.
    pub fn common_name_value(&self) -> Option<&str> {
        self.first(&AttributeType::CommonName)
    }

    /// Compares two names as X.500 matching does for the common string types: same
    /// attribute types in the same order, values equal ignoring ASCII case and
    /// leading/trailing/duplicate inner spaces (RFC 5280 §7.1, simplified).
    pub fn matches(&self, other: &DistinguishedName) -> bool {
        self.rdns.len() == other.rdns.len()
            && self.rdns.iter().zip(&other.rdns).all(|(left, right)| {
                left.0.len() == right.0.len()
                    && left.0.iter().zip(&right.0).all(|(a, b)| {
                        a.kind == b.kind && normalise_value(&a.value) == normalise_value(&b.value)
                    })
            })
    }
}

fn normalise_value(value: &str) -> String {
    value
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Whether Windows quotes `value` when rendering it.
fn needs_quotes(value: &str) -> bool {
    value.is_empty()
        || value.starts_with(' ')
        || value.ends_with(' ')
        || value.contains([',', '+', '=', '"', '\n', '\r', '<', '>', '#', ';'])
}

impl fmt::Display for DistinguishedName {
    /// The Windows rendering: `CN=mail.contoso.com, OU=IT, O=Contoso, L=Redmond, S=WA, C=US`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (index, rdn) in self.rdns.iter().enumerate() {
            if index > 0 {
                f.write_str(", ")?;
            }
            for (position, attr) in rdn.0.iter().enumerate() {
                if position > 0 {
                    f.write_str(" + ")?;
                }
                write!(f, "{}=", attr.kind.keyword())?;
                if needs_quotes(&attr.value) {
                    write!(f, "\"{}\"", attr.value.replace('"', "\"\""))?;
                } else {
                    f.write_str(&attr.value)?;
                }
            }
        }
        Ok(())
    }
}

impl FromStr for DistinguishedName {
    type Err = ParseNameError;

    /// Parses an X.500 string such as `c=us,o=contoso corp, cn=popserver.fourthcoffee.com`:
    /// `KEYWORD=value` pairs separated by `,` or `;`, multi-valued RDNs joined by `+`,
    /// keywords case-insensitive, spaces around separators and `=` ignored, values quoted
    /// (`"a, b"`, `""` for a quote) or backslash-escaped (`a\, b`).
    fn from_str(input: &str) -> Result<Self, Self::Err> {
        parse_name(input)
    }
}

fn offset(input: &str, rest: &str) -> usize {
    input[..input.len() - rest.len()].chars().count()
}

fn keyword(input: &str) -> IResult<&str, &str> {
    take_while1(|c: char| c.is_ascii_alphanumeric() || c == '.' || c == '-' || c == '_')
        .parse(input)
}

/// A quoted value: `"…"` with `""` or `\"` standing for a quote.
fn quoted_value(input: &str) -> IResult<&str, String> {
    let (mut rest, _) = char('"').parse(input)?;
    let mut value = String::new();
    loop {
        let mut chars = rest.chars();
        match chars.next() {
            None => {
                return Err(nom::Err::Failure(nom::error::Error::new(
                    rest,
                    nom::error::ErrorKind::Char,
                )));
            }
            Some('"') => {
                if chars.as_str().starts_with('"') {
                    value.push('"');
                    rest = &rest[2..];
                } else {
                    return Ok((&rest[1..], value));
                }
            }
            Some('\\') => match chars.next() {
                Some(escaped) => {
                    value.push(escaped);
                    rest = chars.as_str();
                }
                None => {
                    return Err(nom::Err::Failure(nom::error::Error::new(
                        rest,
                        nom::error::ErrorKind::Escaped,
                    )));
                }
            },
            Some(other) => {
                value.push(other);
                rest = chars.as_str();
            }
        }
    }
}

/// An unquoted value: up to an unescaped `,`, `;` or `+`, with `\x` escapes; trailing
/// unescaped spaces are dropped.
fn unquoted_value(input: &str) -> IResult<&str, String> {
    let mut value = String::new();
    let mut keep = 0;
    let mut rest = input;
    loop {
        let mut chars = rest.chars();
        match chars.next() {
            None | Some(',') | Some(';') | Some('+') => break,
            Some('\\') => match chars.next() {
                Some(escaped) => {
                    value.push(escaped);
                    keep = value.len();
                    rest = chars.as_str();
                }
                None => {
                    return Err(nom::Err::Failure(nom::error::Error::new(
                        rest,
                        nom::error::ErrorKind::Escaped,
                    )));
                }
            },
            Some(other) => {
                value.push(other);
                if other != ' ' {
                    keep = value.len();
                }
                rest = chars.as_str();
            }
        }
    }
    value.truncate(keep);
    Ok((rest, value))
}

fn parse_name(input: &str) -> Result<DistinguishedName, ParseNameError> {
    if input.trim().is_empty() {
        return Err(ParseNameError::Empty);
    }
    let malformed = |rest: &str, reason: &str| ParseNameError::Malformed {
        position: offset(input, rest),
        reason: reason.to_owned(),
    };
    let mut rdns = Vec::new();
    let mut current = Vec::new();
    let mut rest = input;
    loop {
        let (after_space, _) = space0::<_, nom::error::Error<&str>>(rest)
            .map_err(|_| malformed(rest, "expected an attribute keyword"))?;
        let (after_keyword, word) = keyword(after_space)
            .map_err(|_| malformed(after_space, "expected an attribute keyword"))?;
        let kind =
            AttributeType::from_keyword(word).ok_or_else(|| ParseNameError::UnknownKeyword {
                keyword: word.to_owned(),
            })?;
        let (after_equals, _) = (space0, char('='), space0).parse(after_keyword).map_err(
            |_: nom::Err<nom::error::Error<&str>>| {
                malformed(after_keyword, "expected '=' after the keyword")
            },
        )?;
        let (after_value, value) = if after_equals.starts_with('"') {
            let (after_quote, value) = quoted_value(after_equals)
                .map_err(|_| malformed(after_equals, "unterminated quoted value"))?;
            let (after_trailing, _) = space0::<_, nom::error::Error<&str>>(after_quote)
                .map_err(|_| malformed(after_quote, "expected a separator"))?;
            (after_trailing, value)
        } else {
            unquoted_value(after_equals)
                .map_err(|_| malformed(after_equals, "a backslash must escape a character"))?
        };
        if value.is_empty() {
            return Err(malformed(after_value, "expected a value after '='"));
        }
        current.push(NameAttribute { kind, value });
        let mut chars = after_value.chars();
        match chars.next() {
            None => {
                rdns.push(Rdn(std::mem::take(&mut current)));
                break;
            }
            Some(',') | Some(';') => {
                rdns.push(Rdn(std::mem::take(&mut current)));
                rest = chars.as_str();
            }
            Some('+') => rest = chars.as_str(),
            Some(_) => return Err(malformed(after_value, "expected ',' between attributes")),
        }
    }
    Ok(DistinguishedName { rdns })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(input: &str, rendered: &str) {
        let name: DistinguishedName = input.parse().unwrap();
        assert_eq!(name.to_string(), rendered);
    }

    #[test]
    fn b14_subject_name_accepts_c_st_l_o_ou_cn() {
        check(
            "cn=mail.contoso.com,ou=IT,o=Contoso,l=Redmond,st=WA,c=US",
            "CN=mail.contoso.com, OU=IT, O=Contoso, L=Redmond, S=WA, C=US",
        );
    }

    #[test]
    fn s1_2_subject_name_keeps_typed_order() {
        check(
            "c=us,o=contoso corp, cn=popserver.fourthcoffee.com",
            "C=us, O=contoso corp, CN=popserver.fourthcoffee.com",
        );
    }

    #[test]
    fn s1_2_quoted_and_escaped_values() {
        check("O=\"Contoso, Ltd\", CN=a", "O=\"Contoso, Ltd\", CN=a");
        check("O=Contoso\\, Ltd;CN=a", "O=\"Contoso, Ltd\", CN=a");
        check("CN=say \"hi\"", "CN=\"say \"\"hi\"\"\"");
        check("CN=\"say \"\"hi\"\"\"", "CN=\"say \"\"hi\"\"\"");
    }

    #[test]
    fn s1_2_more_keywords_and_oids() {
        check(
            "E=admin@contoso.com, dc=contoso, DC=com, SERIALNUMBER=42, T=Boss, OID.2.5.4.97=x",
            "E=admin@contoso.com, DC=contoso, DC=com, SERIALNUMBER=42, T=Boss, OID.2.5.4.97=x",
        );
        check("cn=a + ou=b, o=c", "CN=a + OU=b, O=c");
    }

    #[test]
    fn s1_2_errors_for_bad_names() {
        assert_eq!("".parse::<DistinguishedName>(), Err(ParseNameError::Empty));
        assert!(matches!(
            "XX=1".parse::<DistinguishedName>(),
            Err(ParseNameError::UnknownKeyword { keyword }) if keyword == "XX"
        ));
        assert!(matches!(
            "CN".parse::<DistinguishedName>(),
            Err(ParseNameError::Malformed { position: 2, .. })
        ));
        assert!(matches!(
            "CN=".parse::<DistinguishedName>(),
            Err(ParseNameError::Malformed { .. })
        ));
        assert!(matches!(
            "CN=\"open".parse::<DistinguishedName>(),
            Err(ParseNameError::Malformed { .. })
        ));
        assert!(matches!(
            "CN=a,".parse::<DistinguishedName>(),
            Err(ParseNameError::Malformed { .. })
        ));
        assert!(matches!(
            "CN=\"a\" b".parse::<DistinguishedName>(),
            Err(ParseNameError::Malformed { .. })
        ));
    }

    #[test]
    fn s1_2_names_compare_case_insensitively() {
        let left: DistinguishedName = "CN=Mail.Contoso.com, O=Contoso".parse().unwrap();
        let right: DistinguishedName = "cn=mail.contoso.com,o=contoso".parse().unwrap();
        assert!(left.matches(&right));
        assert_ne!(left, right);
        let other: DistinguishedName = "cn=mail.contoso.com".parse().unwrap();
        assert!(!left.matches(&other));
    }

    #[test]
    fn s1_2_encoded_order_is_reversed_display_order() {
        let name: DistinguishedName = "CN=a, O=b, C=US".parse().unwrap();
        let encoded: Vec<_> = name
            .encoded_order()
            .map(|rdn| rdn.0[0].value.clone())
            .collect();
        assert_eq!(encoded, ["US", "b", "a"]);
    }
}
