//! The server state an operation works on: loaded from the store at the start of the
//! operation's transaction, changed in memory, and written back before commit (spec §1.1
//! stores and server configuration; design.md §3 "one transaction per cmdlet invocation").

use cert_generation::PrivateKey;
use cert_model::{Certificate, Crl, RootCaType, Services, Thumbprint};

use crate::roles::ServerRole;

/// The local server's configuration (spec §1.1 "Server configuration").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerConfig {
    /// Host name (`EXCH01`).
    pub name: String,
    /// Physical FQDN (`EXCH01.contoso.com`).
    pub fqdn: String,
    /// Installed roles.
    pub roles: Vec<ServerRole>,
    /// The internal transport (default SMTP) certificate.
    pub internal_transport_certificate: Option<Thumbprint>,
    /// The certificate bound to the default IIS web site.
    pub iis_certificate: Option<Thumbprint>,
    /// The UM certificate.
    pub um_certificate: Option<Thumbprint>,
    /// `InternetWebProxy` (design.md §6a), `http://host:port`.
    pub internet_web_proxy: Option<String>,
    /// Accepted domains and whether each is authoritative.
    pub accepted_domains: Vec<(String, bool)>,
    /// Exchange 2007 RTM compatibility mode (design.md §1; SP1+ when false).
    pub rtm_mode: bool,
    /// UM startup mode (`TCP`, `TLS`, `Dual`).
    pub um_startup_mode: String,
}

impl ServerConfig {
    /// `AdminDisplayVersion` as `Get-ExchangeServer` shows it.
    pub fn admin_display_version(&self) -> &'static str {
        if self.rtm_mode {
            "Version 8.0 (Build 685.24)"
        } else {
            "Version 8.1 (Build 240.6)"
        }
    }
}

/// The name of the NETWORK SERVICE account in key access rules (spec B-76).
pub const NETWORK_SERVICE: &str = "NT AUTHORITY\\NETWORK SERVICE";

/// One entry of a private key's access control list (`AccessRules`, spec §1.2).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccessRule {
    /// The account (`NT AUTHORITY\NETWORK SERVICE`).
    pub identity: String,
    /// The rights (`GenericRead`, `FullControl`).
    pub rights: String,
}

/// A certificate of the personal store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonalEntry {
    /// The certificate.
    pub certificate: Certificate,
    /// Its private key, when present.
    pub key: Option<PrivateKey>,
    /// Whether the key may be exported (`PrivateKeyExportable`).
    pub exportable: bool,
    /// `FriendlyName`.
    pub friendly_name: String,
    /// Services recorded by Enable-ExchangeCertificate (spec §1.7 recommendation).
    pub services: Services,
    /// Whether the key's ACL grants NETWORK SERVICE read (spec B-76).
    pub network_service_access: bool,
}

impl PersonalEntry {
    /// The key's access rules: Administrators and SYSTEM full control, plus NETWORK SERVICE read
    /// after SMTP enablement; none without a key.
    pub fn access_rules(&self) -> Vec<AccessRule> {
        if self.key.is_none() {
            return Vec::new();
        }
        let mut rules = vec![
            AccessRule {
                identity: "BUILTIN\\Administrators".into(),
                rights: "FullControl".into(),
            },
            AccessRule {
                identity: "NT AUTHORITY\\SYSTEM".into(),
                rights: "FullControl".into(),
            },
        ];
        if self.network_service_access {
            rules.push(AccessRule {
                identity: NETWORK_SERVICE.into(),
                rights: "GenericRead".into(),
            });
        }
        rules
    }
}

/// A pending request of the request store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequestEntry {
    /// The placeholder certificate that represents the request (its thumbprint is the
    /// request's, spec §3.1 "Request creation").
    pub placeholder: Certificate,
    /// The PKCS #10 DER (spec B-67 `CertificateRequest`).
    pub request_der: Vec<u8>,
    /// The request's private key.
    pub key: PrivateKey,
    /// Whether the key (and the issued certificate) will be exportable.
    pub exportable: bool,
    /// `FriendlyName`.
    pub friendly_name: String,
}

/// POP3 or IMAP4.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Protocol {
    /// POP3.
    Pop3,
    /// IMAP4.
    Imap4,
}

impl Protocol {
    /// `POP3` or `IMAP4` (`ProtocolName`).
    pub const fn name(self) -> &'static str {
        match self {
            Protocol::Pop3 => "POP3",
            Protocol::Imap4 => "IMAP4",
        }
    }

    /// The short name used in messages (`POP`, `IMAP`).
    pub const fn short_name(self) -> &'static str {
        match self {
            Protocol::Pop3 => "POP",
            Protocol::Imap4 => "IMAP",
        }
    }
}

/// `LoginType` of the POP3/IMAP4 settings (spec §3.7).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoginType {
    /// 1.
    PlainTextLogin,
    /// 2.
    PlainTextAuthentication,
    /// 3, the default: credentials only after TLS.
    SecureLogin,
}

impl LoginType {
    /// The name PowerShell prints.
    pub const fn as_str(self) -> &'static str {
        match self {
            LoginType::PlainTextLogin => "PlainTextLogin",
            LoginType::PlainTextAuthentication => "PlainTextAuthentication",
            LoginType::SecureLogin => "SecureLogin",
        }
    }

    /// Every value, in enum order.
    pub const ALL: [LoginType; 3] = [
        LoginType::PlainTextLogin,
        LoginType::PlainTextAuthentication,
        LoginType::SecureLogin,
    ];

    /// The value by name or number (1–3), case-insensitively (spec §3.7: numeric values are
    /// accepted).
    pub fn parse(text: &str) -> Option<LoginType> {
        let text = text.trim();
        match text {
            "1" => return Some(LoginType::PlainTextLogin),
            "2" => return Some(LoginType::PlainTextAuthentication),
            "3" => return Some(LoginType::SecureLogin),
            _ => {}
        }
        LoginType::ALL
            .into_iter()
            .find(|value| value.as_str().eq_ignore_ascii_case(text))
    }
}

/// POP3 or IMAP4 settings of the server (spec §3.7, the 2007 property set that matters here).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProtocolSettings {
    /// Which protocol.
    pub protocol: Protocol,
    /// `X509CertificateName`: the FQDN that selects the certificate (seed §POP3 and IMAP4).
    pub x509_certificate_name: Option<String>,
    /// `UnencryptedOrTLSBindings`.
    pub unencrypted_or_tls_bindings: Vec<String>,
    /// `SSLBindings`.
    pub ssl_bindings: Vec<String>,
    /// `LoginType`.
    pub login_type: LoginType,
    /// `Banner` (empty: the protocol default).
    pub banner: String,
}

impl ProtocolSettings {
    /// The defaults of spec §3.7, with `X509CertificateName` set to the server FQDN as the spec
    /// recommends for setup.
    pub fn defaults(protocol: Protocol, fqdn: &str) -> ProtocolSettings {
        let (plain, ssl) = match protocol {
            Protocol::Pop3 => ("0.0.0.0:110", "0.0.0.0:995"),
            Protocol::Imap4 => ("0.0.0.0:143", "0.0.0.0:993"),
        };
        ProtocolSettings {
            protocol,
            x509_certificate_name: Some(fqdn.to_owned()),
            unencrypted_or_tls_bindings: vec![plain.to_owned()],
            ssl_bindings: vec![ssl.to_owned()],
            login_type: LoginType::SecureLogin,
            banner: String::new(),
        }
    }
}

/// Receive or Send.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ConnectorKind {
    /// A Receive connector (inbound SMTP).
    Receive,
    /// A Send connector (outbound SMTP).
    Send,
}

/// A Receive or Send connector; only `Fqdn` matters to certificates (spec §3.8).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Connector {
    /// Receive or Send.
    pub kind: ConnectorKind,
    /// The connector's name (`Default EXCH01`).
    pub name: String,
    /// `Fqdn`; `None` means the server FQDN is used (spec B-81).
    pub fqdn: Option<String>,
    /// Receive: `Bindings` (`0.0.0.0:25`); Send: empty.
    pub bindings: Vec<String>,
    /// Send: `AddressSpaces` (`SMTP:*;1`); Receive: empty.
    pub address_spaces: Vec<String>,
    /// Receive: `RemoteIPRanges`; Send: empty.
    pub remote_ip_ranges: Vec<String>,
    /// `Enabled`.
    pub enabled: bool,
}

/// The entry type of an event-log record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventType {
    /// Information.
    Information,
    /// Warning.
    Warning,
    /// Error.
    Error,
}

/// An Application event-log record the server writes (spec §1.1 "Event log").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// The source (`MSExchangeTransport`).
    pub source: String,
    /// The entry type.
    pub entry_type: EventType,
    /// The event id.
    pub event_id: u32,
    /// The message.
    pub message: String,
}

/// A root CA certificate with how it is trusted (spec §1.1 "Trusted root stores").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrustedRoot {
    /// The root certificate.
    pub certificate: Certificate,
    /// ThirdParty, Registry, GroupPolicy or Enterprise.
    pub category: RootCaType,
}

/// Everything an operation reads and may change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerState {
    /// The server configuration.
    pub config: ServerConfig,
    /// The personal store, in insertion order.
    pub personal: Vec<PersonalEntry>,
    /// The request store, in insertion order.
    pub requests: Vec<RequestEntry>,
    /// Trusted roots.
    pub roots: Vec<TrustedRoot>,
    /// Intermediate CA certificates.
    pub intermediates: Vec<Certificate>,
    /// Cached and imported CRLs.
    pub crls: Vec<Crl>,
    /// POP3 settings.
    pub pop: ProtocolSettings,
    /// IMAP4 settings.
    pub imap: ProtocolSettings,
    /// Receive and Send connectors.
    pub connectors: Vec<Connector>,
    /// Events written during this operation (appended to the log on commit).
    pub new_events: Vec<Event>,
}

impl ServerState {
    /// The personal-store entry with `thumbprint`.
    pub fn personal(&self, thumbprint: Thumbprint) -> Option<&PersonalEntry> {
        self.personal
            .iter()
            .find(|entry| entry.certificate.thumbprint() == thumbprint)
    }

    /// The personal-store entry with `thumbprint`, mutable.
    pub fn personal_mut(&mut self, thumbprint: Thumbprint) -> Option<&mut PersonalEntry> {
        self.personal
            .iter_mut()
            .find(|entry| entry.certificate.thumbprint() == thumbprint)
    }

    /// The pending request with `thumbprint`.
    pub fn request(&self, thumbprint: Thumbprint) -> Option<&RequestEntry> {
        self.requests
            .iter()
            .find(|entry| entry.placeholder.thumbprint() == thumbprint)
    }

    /// The settings of `protocol`.
    pub fn protocol(&self, protocol: Protocol) -> &ProtocolSettings {
        match protocol {
            Protocol::Pop3 => &self.pop,
            Protocol::Imap4 => &self.imap,
        }
    }

    /// The settings of `protocol`, mutable.
    pub fn protocol_mut(&mut self, protocol: Protocol) -> &mut ProtocolSettings {
        match protocol {
            Protocol::Pop3 => &mut self.pop,
            Protocol::Imap4 => &mut self.imap,
        }
    }
}
