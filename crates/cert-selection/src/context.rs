//! What a decision needs to know about the server and the connection (spec §1.1 "Server
//! configuration", §3.7, §3.8).

use cert_model::Thumbprint;

/// Which Exchange 2007 release the server behaves as (design.md §1).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Default)]
pub enum Mode {
    /// Exchange 2007 SP1 and later: the default.
    #[default]
    Sp1,
    /// Exchange 2007 RTM compatibility: POP3/IMAP4 pick the newest certificate with no CA
    /// preference and no wildcard domains; X-AnonymousTLS has no temporary key.
    Rtm,
}

/// The server roles installed, as a flag set (spec §1.1).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Default)]
pub struct Roles(u8);

impl Roles {
    /// No role.
    pub const NONE: Roles = Roles(0);
    /// Hub Transport.
    pub const HUB_TRANSPORT: Roles = Roles(1);
    /// Edge Transport.
    pub const EDGE_TRANSPORT: Roles = Roles(2);
    /// Client Access.
    pub const CLIENT_ACCESS: Roles = Roles(4);
    /// Mailbox.
    pub const MAILBOX: Roles = Roles(8);
    /// Unified Messaging.
    pub const UNIFIED_MESSAGING: Roles = Roles(16);

    /// Both sets of roles.
    pub const fn union(self, other: Roles) -> Roles {
        Roles(self.0 | other.0)
    }

    /// Whether every role of `other` is installed.
    pub const fn contains(self, other: Roles) -> bool {
        self.0 & other.0 == other.0
    }
}

/// The UM service's startup security mode (seed §Unified Messaging; the server's
/// `UMStartupMode`).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug, Default)]
pub enum UmStartupMode {
    /// Unsecured (TCP): no certificate is needed (spec B-101).
    #[default]
    Unsecured,
    /// Secured (TLS, or Dual): UM searches the personal store (spec B-100).
    Secured,
}

/// The server configuration a decision reads.
#[derive(Clone, PartialEq, Eq, Debug, Default)]
pub struct SelectionContext {
    /// SP1 (default) or RTM behaviour.
    pub mode: Mode,
    /// The server's physical FQDN (`EXCH01.contoso.com`), used when a connector has no `Fqdn`
    /// (spec B-81) and by UM (spec B-77).
    pub physical_fqdn: String,
    /// Installed roles.
    pub roles: Roles,
    /// The internal transport certificate (spec §1.1), if one is configured.
    pub internal_transport_certificate: Option<Thumbprint>,
    /// The certificate bound to the default IIS web site (spec B-75), if any.
    pub iis_certificate: Option<Thumbprint>,
    /// UM startup mode.
    pub um_startup_mode: UmStartupMode,
}

/// The direction of an SMTP STARTTLS session (seed §SMTP STARTTLS).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Direction {
    /// Inbound: the Receive connector's `Fqdn`.
    Inbound,
    /// Outbound: the Send connector's `Fqdn`.
    Outbound,
}

/// A Receive (inbound) or Send (outbound) connector: only its name and `Fqdn` matter
/// (spec §3.8).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub struct Connector<'a> {
    /// Inbound for a Receive connector, outbound for a Send connector.
    pub direction: Direction,
    /// The connector's name (`Default EXCH01`), for events.
    pub name: &'a str,
    /// `Fqdn`; `None` or empty means the physical FQDN (spec B-81).
    pub fqdn: Option<&'a str>,
}

/// The other end of an X-AnonymousTLS session (seed §SMTP X-AnonymousTLS).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Partner {
    /// Another Hub Transport server (Kerberos-authenticated).
    HubToHub,
    /// An Edge Transport server subscribed to the organisation.
    HubToEdge,
}

/// POP3 or IMAP4 (seed §POP3 and IMAP4).
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Protocol {
    /// POP3: `Get-POPSettings` `X509CertificateName`.
    Pop3,
    /// IMAP4: `Get-IMAPSettings` `X509CertificateName`.
    Imap4,
}
