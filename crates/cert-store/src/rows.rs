//! The typed rows the store reads and writes. They are plain data: certificates as DER,
//! keys as PKCS #8 DER; the exchange layer turns them into its model.

use cert_model::{Services, Thumbprint};
use time::OffsetDateTime;

/// Declares a closed vocabulary stored as text.
macro_rules! text_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name {
            $($(#[$vmeta])* $variant),+
        }

        impl $name {
            /// The stored (and displayed) name.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }

            /// The value with stored name `text` (exact match).
            pub fn from_stored(text: &str) -> Option<$name> {
                match text {
                    $($text => Some($name::$variant),)+
                    _ => None,
                }
            }
        }
    };
}

text_enum! {
    /// Exchange 2007 RTM or SP1+ behaviour (design.md §1: RTM is a compatibility mode).
    ServerVersion {
        /// Exchange 2007 RTM.
        Rtm = "RTM",
        /// Exchange 2007 SP1 and later (the default).
        Sp1 = "SP1",
    }
}

text_enum! {
    /// The physical root store a trusted root sits in (spec §1.1, design.md §6).
    PhysicalStore {
        /// `Cert:\LocalMachine\Root`, installed by hand (RootCAType `Registry`).
        Registry = "Registry",
        /// `Root\.GroupPolicy` (RootCAType `GroupPolicy`).
        GroupPolicy = "GroupPolicy",
        /// `Root\.Enterprise` (RootCAType `Enterprise`).
        Enterprise = "Enterprise",
        /// `AuthRoot`, the built-in public roots (RootCAType `ThirdParty`).
        ThirdParty = "ThirdParty",
    }
}

text_enum! {
    /// POP3 or IMAP4.
    Protocol {
        /// POP3.
        Pop3 = "POP3",
        /// IMAP4.
        Imap4 = "IMAP4",
    }
}

text_enum! {
    /// Receive or Send connector.
    ConnectorKind {
        /// A Receive connector.
        Receive = "Receive",
        /// A Send connector.
        Send = "Send",
    }
}

text_enum! {
    /// The entry type of an event-log record.
    EntryType {
        /// Information.
        Information = "Information",
        /// Warning.
        Warning = "Warning",
        /// Error.
        Error = "Error",
    }
}

/// The local server (spec §1.1 "Server configuration").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServerRow {
    /// Host name (`EXCH01`), the key (case-insensitive).
    pub name: String,
    /// Physical FQDN.
    pub fqdn: String,
    /// Installed roles by name (`HubTransport`, `ClientAccess`…), in order.
    pub roles: Vec<String>,
    /// RTM or SP1 behaviour.
    pub version: ServerVersion,
    /// `InternetWebProxy` (design.md §6a).
    pub internet_web_proxy: Option<String>,
    /// UM startup mode (`Secured`, `Unsecured`…).
    pub um_startup_mode: String,
    /// The UM certificate.
    pub um_certificate: Option<Thumbprint>,
    /// The internal transport (default SMTP) certificate.
    pub internal_transport_certificate: Option<Thumbprint>,
    /// The certificate bound to the default IIS web site.
    pub iis_certificate: Option<Thumbprint>,
}

/// An accepted domain of the organisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AcceptedDomainRow {
    /// The domain (`contoso.com`), the key (case-insensitive).
    pub domain: String,
    /// Whether the organisation is authoritative for it.
    pub authoritative: bool,
}

/// The id of a stored private key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct KeyId(pub i64);

/// A certificate of the personal store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonalCertificateRow {
    /// SHA-1 of `der`, the key.
    pub thumbprint: Thumbprint,
    /// The certificate.
    pub der: Vec<u8>,
    /// `FriendlyName`.
    pub friendly_name: String,
    /// Services recorded by Enable-ExchangeCertificate (spec §1.7).
    pub services: Services,
    /// Whether the key ACL grants NETWORK SERVICE read (spec B-76).
    pub network_service_access: bool,
    /// The private key, when there is one.
    pub private_key: Option<KeyId>,
    /// `PrivateKeyExportable`.
    pub key_exportable: bool,
    /// Insertion order, assigned by the store (ignored on insert).
    pub created_order: i64,
}

/// A pending request of the request store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingRequestRow {
    /// Thumbprint of the placeholder certificate, the key.
    pub thumbprint: Thumbprint,
    /// The placeholder certificate that stands for the request (spec §3.1).
    pub placeholder_der: Vec<u8>,
    /// The PKCS #10 request.
    pub request_der: Vec<u8>,
    /// The requested subject as Windows renders it.
    pub subject: String,
    /// The requested domains.
    pub domains: Vec<String>,
    /// The request's private key.
    pub private_key: KeyId,
    /// `FriendlyName`.
    pub friendly_name: String,
    /// Whether the key will be exportable.
    pub key_exportable: bool,
    /// Insertion order, assigned by the store (ignored on insert).
    pub created_order: i64,
}

/// A trusted root certificate in one physical store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RootCertificateRow {
    /// SHA-1 of `der`.
    pub thumbprint: Thumbprint,
    /// Where it is installed.
    pub physical_store: PhysicalStore,
    /// The certificate.
    pub der: Vec<u8>,
}

/// An intermediate CA certificate (`Cert:\LocalMachine\CA`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IntermediateCertificateRow {
    /// SHA-1 of `der`, the key.
    pub thumbprint: Thumbprint,
    /// The certificate.
    pub der: Vec<u8>,
}

/// A cached or imported CRL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CrlRow {
    /// Row id, assigned by the store (ignored on insert).
    pub id: i64,
    /// The issuer as Windows renders it.
    pub issuer: String,
    /// The CRL.
    pub der: Vec<u8>,
    /// thisUpdate.
    pub this_update: OffsetDateTime,
    /// nextUpdate, when present.
    pub next_update: Option<OffsetDateTime>,
    /// Where it was fetched from; `None` when imported into `Cert:\LocalMachine\CA`.
    pub source_url: Option<String>,
}

/// POP3 or IMAP4 settings (spec §3.7).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProtocolSettingsRow {
    /// Which protocol, the key.
    pub protocol: Protocol,
    /// `X509CertificateName`.
    pub x509_certificate_name: Option<String>,
    /// `UnencryptedOrTLSBindings`.
    pub unencrypted_or_tls_bindings: Vec<String>,
    /// `SSLBindings`.
    pub ssl_bindings: Vec<String>,
    /// `LoginType` by name.
    pub login_type: String,
    /// `Banner`.
    pub banner: String,
    /// The other properties of spec §3.7 (`MaxCommandSize`, timeouts…) by name, as text.
    pub properties: Vec<(String, String)>,
}

/// A Receive or Send connector (spec §3.8).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConnectorRow {
    /// Receive or Send; with `name`, the key.
    pub kind: ConnectorKind,
    /// The connector name (case-insensitive).
    pub name: String,
    /// `Fqdn`; `None` means the server FQDN.
    pub fqdn: Option<String>,
    /// Receive `Bindings`.
    pub bindings: Vec<String>,
    /// Send `AddressSpaces`.
    pub address_spaces: Vec<String>,
    /// Receive `RemoteIPRanges`.
    pub remote_ip_ranges: Vec<String>,
    /// `Enabled`.
    pub enabled: bool,
}

/// An event-log record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventRow {
    /// Row id (the event's `Index`), assigned by the store (ignored on insert).
    pub id: i64,
    /// When it was written.
    pub time: OffsetDateTime,
    /// The log (`Application`).
    pub log: String,
    /// The source (`MSExchangeTransport`).
    pub source: String,
    /// The event id.
    pub event_id: u32,
    /// The entry type.
    pub entry_type: EntryType,
    /// The message.
    pub message: String,
}
