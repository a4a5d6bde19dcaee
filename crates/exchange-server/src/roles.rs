//! Server roles (spec §1.1 server configuration) and which service each role enables.

use std::fmt;
use std::str::FromStr;

use cert_model::Services;

/// An Exchange 2007 server role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ServerRole {
    /// Mailbox.
    Mailbox,
    /// Client Access (POP3, IMAP4, IIS).
    ClientAccess,
    /// Unified Messaging.
    UnifiedMessaging,
    /// Hub Transport (SMTP).
    HubTransport,
    /// Edge Transport (SMTP).
    EdgeTransport,
}

impl ServerRole {
    /// Every role in the order `Get-ExchangeServer` lists them.
    pub const ALL: [ServerRole; 5] = [
        ServerRole::Mailbox,
        ServerRole::ClientAccess,
        ServerRole::UnifiedMessaging,
        ServerRole::HubTransport,
        ServerRole::EdgeTransport,
    ];

    /// The roles setup installs by default (design.md §3).
    pub const SETUP_DEFAULT: [ServerRole; 4] = [
        ServerRole::Mailbox,
        ServerRole::ClientAccess,
        ServerRole::UnifiedMessaging,
        ServerRole::HubTransport,
    ];

    /// The name `Get-ExchangeServer` prints (`ServerRole : Mailbox, ClientAccess, …`).
    pub const fn as_str(self) -> &'static str {
        match self {
            ServerRole::Mailbox => "Mailbox",
            ServerRole::ClientAccess => "ClientAccess",
            ServerRole::UnifiedMessaging => "UnifiedMessaging",
            ServerRole::HubTransport => "HubTransport",
            ServerRole::EdgeTransport => "Edge",
        }
    }
}

impl fmt::Display for ServerRole {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A role name was not recognised.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "'{input}' is not a server role; use Mailbox, ClientAccess, UnifiedMessaging, HubTransport or Edge"
)]
pub struct ParseRoleError {
    /// The text as typed.
    pub input: String,
}

impl FromStr for ServerRole {
    type Err = ParseRoleError;

    fn from_str(input: &str) -> Result<Self, Self::Err> {
        let trimmed = input.trim();
        ServerRole::ALL
            .into_iter()
            .find(|role| {
                role.as_str().eq_ignore_ascii_case(trimmed)
                    || (*role == ServerRole::EdgeTransport
                        && trimmed.eq_ignore_ascii_case("EdgeTransport"))
            })
            .ok_or_else(|| ParseRoleError {
                input: input.to_owned(),
            })
    }
}

/// Whether every service in `services` has its role installed (spec §3.4 pre-check 1: SMTP needs
/// Hub or Edge, POP/IMAP/IIS need Client Access, UM needs Unified Messaging).
pub fn roles_support(roles: &[ServerRole], services: Services) -> bool {
    let has = |role: ServerRole| roles.contains(&role);
    let transport = has(ServerRole::HubTransport) || has(ServerRole::EdgeTransport);
    services.iter().all(|service| {
        if service == Services::SMTP {
            transport
        } else if service == Services::UM {
            has(ServerRole::UnifiedMessaging)
        } else {
            has(ServerRole::ClientAccess)
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn s3_4_services_need_their_roles() {
        let roles = [ServerRole::Mailbox, ServerRole::ClientAccess];
        assert!(roles_support(
            &roles,
            Services::POP | Services::IMAP | Services::IIS
        ));
        assert!(!roles_support(&roles, Services::SMTP));
        assert!(!roles_support(&roles, Services::UM));
        assert!(roles_support(&[ServerRole::EdgeTransport], Services::SMTP));
        assert!(roles_support(&[], Services::NONE));
    }

    #[test]
    fn roles_parse_case_insensitively() {
        assert_eq!(
            "hubtransport".parse::<ServerRole>(),
            Ok(ServerRole::HubTransport)
        );
        assert_eq!(
            "EdgeTransport".parse::<ServerRole>(),
            Ok(ServerRole::EdgeTransport)
        );
        assert!("Gateway".parse::<ServerRole>().is_err());
    }
}
