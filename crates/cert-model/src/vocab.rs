//! The Exchange vocabulary: `Services` (spec §1.5), `Status` (spec §1.3) and `RootCAType`
//! (spec §1.4).

use std::fmt;
use std::ops::{BitOr, BitOrAssign};
use std::str::FromStr;

use crate::error::{ParseEnumError, ParseServicesError};

/// The services a certificate is enabled for: a flag set with Exchange's values
/// `None = 0, IMAP = 1, POP = 2, UM = 4, IIS = 8, SMTP = 16` (spec §1.5).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Services(u8);

impl Services {
    /// No service.
    pub const NONE: Services = Services(0);
    /// IMAP4.
    pub const IMAP: Services = Services(1);
    /// POP3.
    pub const POP: Services = Services(2);
    /// Unified Messaging.
    pub const UM: Services = Services(4);
    /// IIS (Outlook Web Access, Autodiscover, ActiveSync).
    pub const IIS: Services = Services(8);
    /// SMTP (STARTTLS, internal transport).
    pub const SMTP: Services = Services(16);

    /// Every flag in ascending bit order, with its name and its column letter.
    const FLAGS: [(Services, &'static str, char); 5] = [
        (Services::IMAP, "IMAP", 'I'),
        (Services::POP, "POP", 'P'),
        (Services::UM, "UM", 'U'),
        (Services::IIS, "IIS", 'W'),
        (Services::SMTP, "SMTP", 'S'),
    ];

    /// The flag set with numeric value `bits`, or `None` when unknown bits are set.
    pub const fn from_bits(bits: u8) -> Option<Services> {
        if bits & !0x1f == 0 {
            Some(Services(bits))
        } else {
            None
        }
    }

    /// The numeric value, as Exchange stores it.
    pub const fn bits(self) -> u8 {
        self.0
    }

    /// Whether no flag is set.
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Whether every flag of `other` is set in `self`.
    pub const fn contains(self, other: Services) -> bool {
        self.0 & other.0 == other.0
    }

    /// The union of both sets.
    pub const fn union(self, other: Services) -> Services {
        Services(self.0 | other.0)
    }

    /// The flags of `self` that are not in `other`.
    pub const fn difference(self, other: Services) -> Services {
        Services(self.0 & !other.0)
    }

    /// The single flags that are set, in ascending bit order.
    pub fn iter(self) -> impl Iterator<Item = Services> {
        Self::FLAGS
            .into_iter()
            .map(|(flag, _, _)| flag)
            .filter(move |flag| self.contains(*flag))
    }

    /// The five-character `ServicesStringForm` of the default table view: one letter per flag
    /// in the order `I P U W S`, `.` when unset (spec §1.5), e.g. `IP.WS`.
    pub fn to_column_form(self) -> String {
        Self::FLAGS
            .iter()
            .map(|(flag, _, letter)| if self.contains(*flag) { *letter } else { '.' })
            .collect()
    }
}

impl BitOr for Services {
    type Output = Services;
    fn bitor(self, rhs: Services) -> Services {
        self.union(rhs)
    }
}

impl BitOrAssign for Services {
    fn bitor_assign(&mut self, rhs: Services) {
        *self = self.union(rhs);
    }
}

impl fmt::Display for Services {
    /// Names joined with `, ` in ascending bit order (`IMAP, POP, SMTP`), or `None`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_empty() {
            return f.write_str("None");
        }
        let mut first = true;
        for (flag, name, _) in Self::FLAGS {
            if self.contains(flag) {
                if !first {
                    f.write_str(", ")?;
                }
                f.write_str(name)?;
                first = false;
            }
        }
        Ok(())
    }
}

impl fmt::Debug for Services {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Services({self})")
    }
}

impl FromStr for Services {
    type Err = ParseServicesError;

    /// Accepts one name or a comma-separated list, case-insensitively, with spaces allowed
    /// around names (`"IMAP, POP"`, `"smtp"`, `"None"`); an empty string is `None`.
    fn from_str(input: &str) -> Result<Self, Self::Err> {
        let mut services = Services::NONE;
        for part in input.split(',') {
            let name = part.trim();
            if name.is_empty() && input.trim().is_empty() {
                continue;
            }
            if name.eq_ignore_ascii_case("none") {
                continue;
            }
            let flag = Self::FLAGS
                .iter()
                .find(|(_, flag_name, _)| flag_name.eq_ignore_ascii_case(name))
                .map(|(flag, _, _)| *flag)
                .ok_or_else(|| ParseServicesError::UnknownService {
                    name: name.to_owned(),
                })?;
            services |= flag;
        }
        Ok(services)
    }
}

/// The validity of a certificate as evaluated on a server (spec §1.3). The order is Exchange's
/// enum order; `PendingRequest` is the 2010 value design.md §8.6 adopts for requests.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Status {
    /// Revocation status could not be determined.
    Unknown,
    /// Chain, dates and revocation checks passed (or a self-signed certificate in its window).
    Valid,
    /// A CRL lists the certificate or a chain member.
    Revoked,
    /// Now is outside the validity window of the certificate or of a chain member.
    DateInvalid,
    /// The chain does not end at a trusted root.
    Untrusted,
    /// Any other chain problem (bad signature, constraints, unsupported extension…).
    Invalid,
    /// A pending certificate request.
    PendingRequest,
}

impl Status {
    /// The value's name as PowerShell prints it.
    pub const fn as_str(self) -> &'static str {
        match self {
            Status::Unknown => "Unknown",
            Status::Valid => "Valid",
            Status::Revoked => "Revoked",
            Status::DateInvalid => "DateInvalid",
            Status::Untrusted => "Untrusted",
            Status::Invalid => "Invalid",
            Status::PendingRequest => "PendingRequest",
        }
    }

    /// Every value in enum order.
    pub const ALL: [Status; 7] = [
        Status::Unknown,
        Status::Valid,
        Status::Revoked,
        Status::DateInvalid,
        Status::Untrusted,
        Status::Invalid,
        Status::PendingRequest,
    ];
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Status {
    type Err = ParseEnumError;

    /// Accepts a value name case-insensitively.
    fn from_str(input: &str) -> Result<Self, Self::Err> {
        Status::ALL
            .into_iter()
            .find(|status| status.as_str().eq_ignore_ascii_case(input.trim()))
            .ok_or_else(|| ParseEnumError {
                kind: "Status",
                input: input.to_owned(),
            })
    }
}

/// How the root of a certificate's chain is trusted (spec §1.4). The property prints as
/// `RootCAType`; values print as their names.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum RootCaType {
    /// Self-signed certificate not in a root store.
    None,
    /// A built-in public root (`Cert:\LocalMachine\AuthRoot`).
    ThirdParty,
    /// A root published through Active Directory.
    Enterprise,
    /// A root installed manually (`Cert:\LocalMachine\Root`).
    Registry,
    /// A root deployed by Group Policy.
    GroupPolicy,
    /// Could not be determined (also untrusted or invalid chains, pending requests).
    Unknown,
}

impl RootCaType {
    /// The value's name as PowerShell prints it.
    pub const fn as_str(self) -> &'static str {
        match self {
            RootCaType::None => "None",
            RootCaType::ThirdParty => "ThirdParty",
            RootCaType::Enterprise => "Enterprise",
            RootCaType::Registry => "Registry",
            RootCaType::GroupPolicy => "GroupPolicy",
            RootCaType::Unknown => "Unknown",
        }
    }

    /// Every value in enum order.
    pub const ALL: [RootCaType; 6] = [
        RootCaType::None,
        RootCaType::ThirdParty,
        RootCaType::Enterprise,
        RootCaType::Registry,
        RootCaType::GroupPolicy,
        RootCaType::Unknown,
    ];
}

impl fmt::Display for RootCaType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for RootCaType {
    type Err = ParseEnumError;

    /// Accepts a value name case-insensitively.
    fn from_str(input: &str) -> Result<Self, Self::Err> {
        RootCaType::ALL
            .into_iter()
            .find(|value| value.as_str().eq_ignore_ascii_case(input.trim()))
            .ok_or_else(|| ParseEnumError {
                kind: "RootCAType",
                input: input.to_owned(),
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn b01_services_vocabulary_is_the_2007_set() {
        let all: Services = "imap,pop,um,iis,smtp".parse().unwrap();
        assert_eq!(all.bits(), 31);
        assert_eq!(all.to_string(), "IMAP, POP, UM, IIS, SMTP");
        assert!("Federation".parse::<Services>().is_err());
    }

    #[test]
    fn s1_5_services_display_ascending_bits() {
        assert_eq!(
            (Services::SMTP | Services::IMAP | Services::POP).to_string(),
            "IMAP, POP, SMTP"
        );
        assert_eq!(Services::NONE.to_string(), "None");
    }

    #[test]
    fn s1_5_services_parse_lists_case_insensitively() {
        assert_eq!(
            "IMAP, POP".parse::<Services>().unwrap(),
            Services::IMAP | Services::POP
        );
        assert_eq!("smtp".parse::<Services>().unwrap(), Services::SMTP);
        assert_eq!("None".parse::<Services>().unwrap(), Services::NONE);
        assert_eq!("".parse::<Services>().unwrap(), Services::NONE);
        assert!("IMAP,,POP".parse::<Services>().is_err());
    }

    #[test]
    fn s1_5_services_column_form() {
        let services = Services::IMAP | Services::POP | Services::IIS | Services::SMTP;
        assert_eq!(services.to_column_form(), "IP.WS");
        assert_eq!(Services::SMTP.to_column_form(), "....S");
        assert_eq!(Services::POP.to_column_form(), ".P...");
        assert_eq!(Services::NONE.to_column_form(), ".....");
    }

    #[test]
    fn s1_3_status_names_round_trip() {
        for status in Status::ALL {
            assert_eq!(
                status.to_string().to_lowercase().parse::<Status>().unwrap(),
                status
            );
        }
        assert!("Expired".parse::<Status>().is_err());
    }

    #[test]
    fn s1_4_root_ca_type_names_round_trip() {
        for value in RootCaType::ALL {
            assert_eq!(value.to_string().parse::<RootCaType>().unwrap(), value);
        }
        assert_eq!(RootCaType::ThirdParty.to_string(), "ThirdParty");
    }
}
