//! Domain values → shell objects: `ExchangeCertificate` with the properties of spec §1.2 in
//! that order (then the `fl *` extras), POP3/IMAP4 settings, connectors and the server.

use std::rc::Rc;

use cert_model::{RootCaType, Services, Status};
use exchange_server::{
    AccessRule, Connector, ConnectorKind, ExchangeCertificate, LoginType, ProtocolSettings,
    ServerConfig,
};
use shell_engine::{EnumType, EnumValue, PsObject, Value};

/// The .NET type name of certificate objects (spec §1.2).
pub const EXCHANGE_CERTIFICATE: &str =
    "Microsoft.Exchange.Management.SystemConfigurationTasks.ExchangeCertificate";
/// The base type every certificate object also is.
pub const X509_CERTIFICATE2: &str =
    "System.Security.Cryptography.X509Certificates.X509Certificate2";
/// The type of AccessRules entries.
pub const CRYPTO_KEY_ACCESS_RULE: &str = "System.Security.AccessControl.CryptoKeyAccessRule";
/// POP3 settings objects.
pub const POP3_SETTINGS: &str =
    "Microsoft.Exchange.Data.Directory.SystemConfiguration.Pop3AdConfiguration";
/// IMAP4 settings objects.
pub const IMAP4_SETTINGS: &str =
    "Microsoft.Exchange.Data.Directory.SystemConfiguration.Imap4AdConfiguration";
/// Receive connector objects.
pub const RECEIVE_CONNECTOR: &str =
    "Microsoft.Exchange.Data.Directory.SystemConfiguration.ReceiveConnector";
/// Send connector objects.
pub const SEND_CONNECTOR: &str =
    "Microsoft.Exchange.Data.Directory.SystemConfiguration.SmtpSendConnectorConfig";
/// Exchange server objects.
pub const EXCHANGE_SERVER: &str = "Microsoft.Exchange.Data.Directory.Management.ExchangeServer";

/// The `AllowedServices` flags enum (spec §1.5).
pub fn services_type() -> Rc<EnumType> {
    EnumType::flags(
        "AllowedServices",
        &[
            ("None", 0),
            ("IMAP", 1),
            ("POP", 2),
            ("UM", 4),
            ("IIS", 8),
            ("SMTP", 16),
        ],
    )
}

/// The `CertificateStatus` enum (spec §1.3; `PendingRequest` per design.md §8.6).
pub fn status_type() -> Rc<EnumType> {
    let members: Vec<(&str, i64)> = Status::ALL
        .iter()
        .zip(0i64..)
        .map(|(status, index)| (status.as_str(), index))
        .collect();
    EnumType::new("CertificateStatus", &members)
}

/// The `RootCAType` enum (spec §1.4).
pub fn root_ca_type_type() -> Rc<EnumType> {
    let members: Vec<(&str, i64)> = RootCaType::ALL
        .iter()
        .zip(0i64..)
        .map(|(value, index)| (value.as_str(), index))
        .collect();
    EnumType::new("RootCAType", &members)
}

/// The POP3/IMAP4 `LoginType` enum (spec §3.7).
pub fn login_type_type() -> Rc<EnumType> {
    EnumType::new(
        "LoginOptions",
        &[
            ("PlainTextLogin", 1),
            ("PlainTextAuthentication", 2),
            ("SecureLogin", 3),
        ],
    )
}

fn enum_value(ty: &Rc<EnumType>, name: &str) -> Value {
    EnumValue::named(ty, name)
        .map(Value::Enum)
        .unwrap_or_else(|| Value::from(name))
}

/// A Services value as the shell's flags enum.
pub fn services_value(services: Services) -> Value {
    Value::Enum(EnumValue {
        ty: services_type(),
        value: i64::from(services.bits()),
    })
}

/// The Services flags of a shell value (enum, number or names).
pub fn services_of(value: &Value) -> Option<Services> {
    match value {
        Value::Enum(e) => u8::try_from(e.value).ok().and_then(Services::from_bits),
        other => other.to_string_form().parse().ok(),
    }
}

/// A LoginType from the shell's enum value.
pub fn login_type_of(value: &Value) -> Option<LoginType> {
    match value {
        Value::Enum(e) => LoginType::parse(&e.value.to_string()),
        other => LoginType::parse(&other.to_string_form()),
    }
}

fn strings(items: &[String]) -> Value {
    Value::array(
        items
            .iter()
            .map(|item| Value::from(item.as_str()))
            .collect(),
    )
}

fn access_rule(rule: &AccessRule) -> Value {
    let object = PsObject::new(CRYPTO_KEY_ACCESS_RULE)
        .with("CryptoKeyRights", rule.rights.as_str())
        .with("AccessControlType", "Allow")
        .with("IdentityReference", rule.identity.as_str())
        .with("IsInherited", false)
        .with_string_form(CRYPTO_KEY_ACCESS_RULE);
    Value::object(object)
}

/// Which Exchange 2007 release formats a certificate object (B-11): SP1 added the
/// ExchangeCertificate list view of 14 properties; RTM had none, so `fl` fell back to the
/// X509Certificate2 list view and `fl *` was needed to see everything.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CertificateFormatting {
    /// Exchange 2007 RTM compatibility mode.
    Rtm,
    /// Exchange 2007 SP1 and later.
    Sp1,
}

/// Whether a certificate object takes the SP1 list view (objects made before the mode
/// existed, and all but RTM-mode objects, do).
pub fn has_sp1_formatting(value: &Value) -> bool {
    match value {
        Value::Object(object) => object
            .borrow()
            .native
            .as_ref()
            .and_then(|native| native.downcast_ref::<CertificateFormatting>())
            .is_none_or(|formatting| *formatting == CertificateFormatting::Sp1),
        _ => true,
    }
}

/// The `ExchangeCertificate` object: the 14 properties of spec §1.2 in order, then the
/// extras `Format-List *` shows; `formatting` picks its list view.
pub fn certificate(certificate: &ExchangeCertificate, formatting: CertificateFormatting) -> Value {
    let cert = &certificate.certificate;
    let thumbprint = certificate.thumbprint().to_string();
    let mut object = PsObject::new(EXCHANGE_CERTIFICATE)
        .with(
            "AccessRules",
            Value::array(certificate.access_rules.iter().map(access_rule).collect()),
        )
        .with(
            "CertificateDomains",
            strings(&certificate.certificate_domains),
        )
        .with("HasPrivateKey", certificate.has_private_key)
        .with("IsSelfSigned", certificate.is_self_signed)
        .with("Issuer", cert.issuer().to_string())
        .with("NotAfter", Value::DateTime(cert.not_after()))
        .with("NotBefore", Value::DateTime(cert.not_before()))
        .with(
            "PublicKeySize",
            Value::Int(i32::try_from(cert.public_key_size()).unwrap_or(i32::MAX)),
        )
        .with(
            "RootCAType",
            enum_value(&root_ca_type_type(), certificate.root_ca_type.as_str()),
        )
        .with("SerialNumber", cert.serial_number())
        .with("Services", services_value(certificate.services))
        .with(
            "Status",
            enum_value(&status_type(), certificate.status.as_str()),
        )
        .with("Subject", cert.subject().to_string())
        .with("Thumbprint", thumbprint.as_str())
        .with(
            "CertificateRequest",
            certificate
                .certificate_request
                .clone()
                .map(Value::from)
                .unwrap_or(Value::Null),
        )
        .with("FriendlyName", certificate.friendly_name.as_str())
        .with("PrivateKeyExportable", certificate.private_key_exportable)
        .with("ServicesStringForm", certificate.services.to_column_form())
        .with(
            "Version",
            Value::Int(i32::try_from(cert.version()).unwrap_or(3)),
        )
        .with_string_form(thumbprint)
        .with_native(Rc::new(formatting));
    object.type_names.push(X509_CERTIFICATE2.to_owned());
    Value::object(object)
}

/// The ServicesStringForm column (spec §1.5) of a certificate object.
pub fn services_column(object: &Value) -> Value {
    match object.property("Services").as_ref().and_then(services_of) {
        Some(services) => Value::from(services.to_column_form()),
        None => Value::Null,
    }
}

/// POP3 or IMAP4 settings (spec §3.7).
pub fn protocol_settings(settings: &ProtocolSettings, server: &str) -> Value {
    let (type_name, name) = match settings.protocol {
        exchange_server::Protocol::Pop3 => (POP3_SETTINGS, "1"),
        exchange_server::Protocol::Imap4 => (IMAP4_SETTINGS, "1"),
    };
    let object = PsObject::new(type_name)
        .with("ProtocolName", settings.protocol.name())
        .with("Name", name)
        .with("Server", server)
        .with(
            "UnencryptedOrTLSBindings",
            strings(&settings.unencrypted_or_tls_bindings),
        )
        .with("SSLBindings", strings(&settings.ssl_bindings))
        .with(
            "LoginType",
            enum_value(&login_type_type(), settings.login_type.as_str()),
        )
        .with(
            "X509CertificateName",
            settings
                .x509_certificate_name
                .clone()
                .map(Value::from)
                .unwrap_or(Value::Null),
        )
        .with("Banner", settings.banner.as_str())
        .with("Identity", format!("{server}\\{name}"));
    Value::object(object)
}

/// A Receive or Send connector (spec §3.8).
pub fn connector(connector: &Connector, server: &ServerConfig) -> Value {
    let fqdn = connector
        .fqdn
        .clone()
        .map(Value::from)
        .unwrap_or(Value::Null);
    let object = match connector.kind {
        ConnectorKind::Receive => PsObject::new(RECEIVE_CONNECTOR)
            .with("Identity", format!("{}\\{}", server.name, connector.name))
            .with("Name", connector.name.as_str())
            .with("Server", server.name.as_str())
            .with("Bindings", strings(&connector.bindings))
            .with("RemoteIPRanges", strings(&connector.remote_ip_ranges))
            .with("Fqdn", fqdn)
            .with("Enabled", connector.enabled),
        ConnectorKind::Send => PsObject::new(SEND_CONNECTOR)
            .with("Identity", connector.name.as_str())
            .with("Name", connector.name.as_str())
            .with("AddressSpaces", strings(&connector.address_spaces))
            .with(
                "SourceTransportServers",
                Value::array(vec![Value::from(server.name.as_str())]),
            )
            .with("Fqdn", fqdn)
            .with("Enabled", connector.enabled),
    };
    Value::object(object.with_string_form(connector.name.clone()))
}

/// The server object of Get-ExchangeServer.
pub fn exchange_server(config: &ServerConfig) -> Value {
    let roles: Vec<String> = config
        .roles
        .iter()
        .map(|role| role.as_str().to_owned())
        .collect();
    let object = PsObject::new(EXCHANGE_SERVER)
        .with("Name", config.name.as_str())
        .with("Fqdn", config.fqdn.as_str())
        .with("Site", "Default-First-Site-Name")
        .with("ServerRole", roles.join(", "))
        .with("Edition", "Enterprise")
        .with("AdminDisplayVersion", config.admin_display_version())
        .with(
            "InternetWebProxy",
            config
                .internet_web_proxy
                .clone()
                .map(Value::from)
                .unwrap_or(Value::Null),
        )
        .with(
            "IsHubTransportServer",
            config
                .roles
                .contains(&exchange_server::ServerRole::HubTransport),
        )
        .with(
            "IsClientAccessServer",
            config
                .roles
                .contains(&exchange_server::ServerRole::ClientAccess),
        )
        .with(
            "IsMailboxServer",
            config.roles.contains(&exchange_server::ServerRole::Mailbox),
        )
        .with(
            "IsUnifiedMessagingServer",
            config
                .roles
                .contains(&exchange_server::ServerRole::UnifiedMessaging),
        )
        .with(
            "IsEdgeServer",
            config
                .roles
                .contains(&exchange_server::ServerRole::EdgeTransport),
        )
        .with("Identity", config.name.as_str())
        .with_string_form(config.name.clone());
    Value::object(object)
}
