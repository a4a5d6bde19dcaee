//! "Setup": the state of a new server on first use of a store (design.md §3; seed
//! §IsSelfSigned; spec B-02, B-31, B-32).

use cert_model::{Certificate, RootCaType};
use time::OffsetDateTime;

use crate::error::NewCertificateError;
use crate::generate::Generators;
use crate::model::{
    Connector, ConnectorKind, Protocol, ProtocolSettings, ServerConfig, ServerState, TrustedRoot,
};
use crate::operations::{NewCertificateOptions, new_certificate};
use crate::roles::ServerRole;

/// The operating system's CA bundle, seeded into `AuthRoot` as ThirdParty roots (design.md §3).
pub const OS_CA_BUNDLE: &str = "/etc/ssl/certs/ca-certificates.crt";

/// Who the new server is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetupOptions {
    /// The physical FQDN (`EXCH01.contoso.com`); the host name is its first label.
    pub fqdn: String,
    /// Installed roles.
    pub roles: Vec<ServerRole>,
}

impl SetupOptions {
    /// A server with the default roles (Hub Transport, Client Access, Mailbox, Unified
    /// Messaging; design.md §3).
    pub fn new(fqdn: &str) -> SetupOptions {
        SetupOptions {
            fqdn: fqdn.to_owned(),
            roles: ServerRole::SETUP_DEFAULT.to_vec(),
        }
    }
}

/// A server with no certificates yet: configuration, POP3/IMAP4 defaults (X509CertificateName
/// = the FQDN), the default Receive connectors, no Send connector, and the accepted domain
/// taken from the FQDN.
pub fn empty_server(options: &SetupOptions) -> ServerState {
    let fqdn = options.fqdn.trim().trim_end_matches('.').to_owned();
    let (name, domain) = match fqdn.split_once('.') {
        Some((name, domain)) => (name.to_owned(), Some(domain.to_owned())),
        None => (fqdn.clone(), None),
    };
    let receive = |connector_name: String, binding: &str| Connector {
        kind: ConnectorKind::Receive,
        name: connector_name,
        fqdn: Some(fqdn.clone()),
        bindings: vec![binding.to_owned()],
        address_spaces: Vec::new(),
        remote_ip_ranges: vec!["0.0.0.0-255.255.255.255".to_owned()],
        enabled: true,
    };
    let has_transport = options.roles.contains(&ServerRole::HubTransport)
        || options.roles.contains(&ServerRole::EdgeTransport);
    let connectors = if has_transport {
        vec![
            receive(format!("Default {name}"), "0.0.0.0:25"),
            receive(format!("Client {name}"), "0.0.0.0:587"),
        ]
    } else {
        Vec::new()
    };
    ServerState {
        config: ServerConfig {
            name,
            fqdn: fqdn.clone(),
            roles: options.roles.clone(),
            internal_transport_certificate: None,
            iis_certificate: None,
            um_certificate: None,
            internet_web_proxy: None,
            accepted_domains: domain.into_iter().map(|domain| (domain, true)).collect(),
            rtm_mode: false,
            um_startup_mode: "TCP".to_owned(),
        },
        personal: Vec::new(),
        requests: Vec::new(),
        roots: Vec::new(),
        intermediates: Vec::new(),
        crls: Vec::new(),
        pop: ProtocolSettings::defaults(Protocol::Pop3, &fqdn),
        imap: ProtocolSettings::defaults(Protocol::Imap4, &fqdn),
        connectors,
        new_events: Vec::new(),
    }
}

/// The certificates of a PEM CA bundle, as ThirdParty roots. Each block is read on its own, so
/// one unreadable entry skips only itself.
pub fn third_party_roots(bundle_pem: &str) -> Vec<TrustedRoot> {
    const END: &str = "-----END CERTIFICATE-----";
    let mut roots = Vec::new();
    let mut rest = bundle_pem;
    while let Some(start) = rest.find("-----BEGIN CERTIFICATE-----") {
        let Some(length) = rest[start..].find(END) else {
            break;
        };
        let block = &rest[start..start + length + END.len()];
        rest = &rest[start + length + END.len()..];
        if let Ok(mut certificates) = Certificate::from_pem(block)
            && let Some(certificate) = certificates.pop()
        {
            roots.push(TrustedRoot {
                certificate,
                category: RootCaType::ThirdParty,
            });
        }
    }
    roots
}

/// The operating system's CA bundle as ThirdParty roots, or none when there is no bundle.
pub fn os_roots() -> Vec<TrustedRoot> {
    std::fs::read_to_string(OS_CA_BUNDLE)
        .map(|bundle| third_party_roots(&bundle))
        .unwrap_or_default()
}

/// This machine's FQDN from the kernel's host and domain names (design.md §2 default of
/// `CERTSH_SERVER`), when it can be read.
pub fn local_fqdn() -> Option<String> {
    let read = |path: &str| {
        std::fs::read_to_string(path)
            .ok()
            .map(|text| text.trim().to_owned())
            .filter(|text| !text.is_empty() && text != "(none)")
    };
    let host = read("/proc/sys/kernel/hostname").or_else(|| read("/etc/hostname"))?;
    if host.contains('.') {
        return Some(host);
    }
    match read("/proc/sys/kernel/domainname") {
        Some(domain) => Some(format!("{host}.{domain}")),
        None => Some(host),
    }
}

/// Runs setup: the empty server, `roots` in AuthRoot, and — when a role that uses one is
/// installed — the default self-signed certificate made as `New-ExchangeCertificate` with no
/// arguments makes it, enabled for SMTP and recorded as the internal transport certificate
/// (seed §IsSelfSigned, spec B-02, B-32).
///
/// # Errors
/// [`NewCertificateError`] when the certificate cannot be generated.
pub fn setup_server(
    options: &SetupOptions,
    roots: Vec<TrustedRoot>,
    generators: &mut Generators<'_>,
    now: OffsetDateTime,
) -> Result<ServerState, NewCertificateError> {
    let mut state = empty_server(options);
    state.roots = roots;
    let needs_certificate = options.roles.iter().any(|role| {
        matches!(
            role,
            ServerRole::HubTransport
                | ServerRole::EdgeTransport
                | ServerRole::ClientAccess
                | ServerRole::UnifiedMessaging
        )
    });
    if needs_certificate {
        // Nothing to overwrite and no file to write: the question and the writer are unused.
        new_certificate(
            &mut state,
            &NewCertificateOptions::default(),
            generators,
            now,
            &mut |_| Some(true),
            &mut |_, _, _| Ok(()),
        )?;
    }
    Ok(state)
}
