//! The only module that talks to `cert-store`: loads a [`ServerState`] inside a transaction and
//! writes back what an operation changed (style.md §2: disk I/O behind one module).

use std::collections::HashMap;

use cert_generation::PrivateKey;
use cert_model::{Certificate, Crl, RootCaType, Thumbprint};
use cert_store::{
    AcceptedDomainRow, ConnectorRow, CrlRow, EntryType, EventRow, IntermediateCertificateRow,
    KeyId, PendingRequestRow, PersonalCertificateRow, PhysicalStore, ProtocolSettingsRow,
    RootCertificateRow, ServerRow, ServerVersion, StoreError, Transaction,
};
use time::OffsetDateTime;

use crate::model::{
    Connector, ConnectorKind, Event, EventType, LoginType, PersonalEntry, Protocol,
    ProtocolSettings, RequestEntry, ServerConfig, ServerState, TrustedRoot,
};
use crate::roles::ServerRole;

/// The setting naming the local server.
const LOCAL_SERVER_SETTING: &str = "local_server";

/// The store ids behind a loaded state, needed to write changes back.
#[derive(Debug, Default)]
pub(crate) struct LoadedIds {
    personal_keys: HashMap<Thumbprint, KeyId>,
    request_keys: HashMap<Thumbprint, KeyId>,
}

fn corrupt(what: &'static str) -> impl Fn(String) -> StoreError {
    move |reason| StoreError::Corrupt { what, reason }
}

fn parse_certificate(der: &[u8]) -> Result<Certificate, StoreError> {
    Certificate::from_der(der).map_err(|error| corrupt("certificate")(error.to_string()))
}

fn load_key(transaction: &Transaction<'_>, id: KeyId) -> Result<PrivateKey, StoreError> {
    let der = transaction
        .private_key(id)?
        .ok_or_else(|| corrupt("private key")(format!("key {} is missing", id.0)))?;
    PrivateKey::from_der(&der).map_err(|error| corrupt("private key")(error.to_string()))
}

/// The name of the local server, if setup ran.
pub(crate) fn local_server_name(
    transaction: &Transaction<'_>,
) -> Result<Option<String>, StoreError> {
    transaction.setting(LOCAL_SERVER_SETTING)
}

fn protocol_row_kind(protocol: Protocol) -> cert_store::Protocol {
    match protocol {
        Protocol::Pop3 => cert_store::Protocol::Pop3,
        Protocol::Imap4 => cert_store::Protocol::Imap4,
    }
}

fn connector_row_kind(kind: ConnectorKind) -> cert_store::ConnectorKind {
    match kind {
        ConnectorKind::Receive => cert_store::ConnectorKind::Receive,
        ConnectorKind::Send => cert_store::ConnectorKind::Send,
    }
}

fn root_category(store: PhysicalStore) -> RootCaType {
    match store {
        PhysicalStore::Registry => RootCaType::Registry,
        PhysicalStore::GroupPolicy => RootCaType::GroupPolicy,
        PhysicalStore::Enterprise => RootCaType::Enterprise,
        PhysicalStore::ThirdParty => RootCaType::ThirdParty,
    }
}

fn physical_store(category: RootCaType) -> PhysicalStore {
    match category {
        RootCaType::GroupPolicy => PhysicalStore::GroupPolicy,
        RootCaType::Enterprise => PhysicalStore::Enterprise,
        RootCaType::ThirdParty => PhysicalStore::ThirdParty,
        RootCaType::Registry | RootCaType::None | RootCaType::Unknown => PhysicalStore::Registry,
    }
}

/// Loads the state of server `name`.
pub(crate) fn load(
    transaction: &Transaction<'_>,
    name: &str,
) -> Result<(ServerState, LoadedIds), StoreError> {
    let server = transaction
        .server(name)?
        .ok_or_else(|| corrupt("server")(format!("the server {name} is missing")))?;
    let accepted_domains = transaction
        .accepted_domains()?
        .into_iter()
        .map(|row| (row.domain, row.authoritative))
        .collect();
    let roles = server
        .roles
        .iter()
        .map(|role| {
            role.parse::<ServerRole>()
                .map_err(|error| corrupt("role")(error.to_string()))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let config = ServerConfig {
        name: server.name.clone(),
        fqdn: server.fqdn.clone(),
        roles,
        internal_transport_certificate: server.internal_transport_certificate,
        iis_certificate: server.iis_certificate,
        um_certificate: server.um_certificate,
        internet_web_proxy: server.internet_web_proxy.clone(),
        accepted_domains,
        rtm_mode: server.version == ServerVersion::Rtm,
        um_startup_mode: server.um_startup_mode.clone(),
    };
    let mut ids = LoadedIds::default();
    let mut personal = Vec::new();
    for row in transaction.personal_certificates()? {
        let key = match row.private_key {
            Some(id) => {
                ids.personal_keys.insert(row.thumbprint, id);
                Some(load_key(transaction, id)?)
            }
            None => None,
        };
        personal.push(PersonalEntry {
            certificate: parse_certificate(&row.der)?,
            key,
            exportable: row.key_exportable,
            friendly_name: row.friendly_name,
            services: row.services,
            network_service_access: row.network_service_access,
        });
    }
    let mut requests = Vec::new();
    for row in transaction.pending_requests()? {
        ids.request_keys.insert(row.thumbprint, row.private_key);
        requests.push(RequestEntry {
            placeholder: parse_certificate(&row.placeholder_der)?,
            request_der: row.request_der,
            key: load_key(transaction, row.private_key)?,
            exportable: row.key_exportable,
            friendly_name: row.friendly_name,
        });
    }
    let roots = transaction
        .root_certificates()?
        .into_iter()
        .map(|row| {
            Ok(TrustedRoot {
                certificate: parse_certificate(&row.der)?,
                category: root_category(row.physical_store),
            })
        })
        .collect::<Result<Vec<_>, StoreError>>()?;
    let intermediates = transaction
        .intermediate_certificates()?
        .into_iter()
        .map(|row| parse_certificate(&row.der))
        .collect::<Result<Vec<_>, _>>()?;
    let crls = transaction
        .crls()?
        .into_iter()
        .map(|row| Crl::from_der(&row.der).map_err(|error| corrupt("crl")(error.to_string())))
        .collect::<Result<Vec<_>, _>>()?;
    let pop = load_protocol(transaction, Protocol::Pop3, &server.fqdn)?;
    let imap = load_protocol(transaction, Protocol::Imap4, &server.fqdn)?;
    let connectors = transaction
        .connectors()?
        .into_iter()
        .map(|row| Connector {
            kind: match row.kind {
                cert_store::ConnectorKind::Receive => ConnectorKind::Receive,
                cert_store::ConnectorKind::Send => ConnectorKind::Send,
            },
            name: row.name,
            fqdn: row.fqdn,
            bindings: row.bindings,
            address_spaces: row.address_spaces,
            remote_ip_ranges: row.remote_ip_ranges,
            enabled: row.enabled,
        })
        .collect();
    let state = ServerState {
        config,
        personal,
        requests,
        roots,
        intermediates,
        crls,
        pop,
        imap,
        connectors,
        new_events: Vec::new(),
    };
    Ok((state, ids))
}

fn load_protocol(
    transaction: &Transaction<'_>,
    protocol: Protocol,
    fqdn: &str,
) -> Result<ProtocolSettings, StoreError> {
    Ok(
        match transaction.protocol_settings(protocol_row_kind(protocol))? {
            Some(row) => ProtocolSettings {
                protocol,
                x509_certificate_name: row.x509_certificate_name,
                unencrypted_or_tls_bindings: row.unencrypted_or_tls_bindings,
                ssl_bindings: row.ssl_bindings,
                login_type: LoginType::parse(&row.login_type).unwrap_or(LoginType::SecureLogin),
                banner: row.banner,
            },
            None => ProtocolSettings::defaults(protocol, fqdn),
        },
    )
}

fn server_row(config: &ServerConfig) -> ServerRow {
    ServerRow {
        name: config.name.clone(),
        fqdn: config.fqdn.clone(),
        roles: config
            .roles
            .iter()
            .map(|role| role.as_str().to_owned())
            .collect(),
        version: if config.rtm_mode {
            ServerVersion::Rtm
        } else {
            ServerVersion::Sp1
        },
        internet_web_proxy: config.internet_web_proxy.clone(),
        um_startup_mode: config.um_startup_mode.clone(),
        um_certificate: config.um_certificate,
        internal_transport_certificate: config.internal_transport_certificate,
        iis_certificate: config.iis_certificate,
    }
}

fn personal_row(entry: &PersonalEntry, key: Option<KeyId>) -> PersonalCertificateRow {
    PersonalCertificateRow {
        thumbprint: entry.certificate.thumbprint(),
        der: entry.certificate.der().to_vec(),
        friendly_name: entry.friendly_name.clone(),
        services: entry.services,
        network_service_access: entry.network_service_access,
        private_key: key,
        key_exportable: entry.exportable,
        created_order: 0,
    }
}

fn protocol_row(settings: &ProtocolSettings) -> ProtocolSettingsRow {
    ProtocolSettingsRow {
        protocol: protocol_row_kind(settings.protocol),
        x509_certificate_name: settings.x509_certificate_name.clone(),
        unencrypted_or_tls_bindings: settings.unencrypted_or_tls_bindings.clone(),
        ssl_bindings: settings.ssl_bindings.clone(),
        login_type: settings.login_type.as_str().to_owned(),
        banner: settings.banner.clone(),
        properties: Vec::new(),
    }
}

fn connector_row(connector: &Connector) -> ConnectorRow {
    ConnectorRow {
        kind: connector_row_kind(connector.kind),
        name: connector.name.clone(),
        fqdn: connector.fqdn.clone(),
        bindings: connector.bindings.clone(),
        address_spaces: connector.address_spaces.clone(),
        remote_ip_ranges: connector.remote_ip_ranges.clone(),
        enabled: connector.enabled,
    }
}

/// Creates server `state` in an empty store and marks it local.
pub(crate) fn create(
    transaction: &Transaction<'_>,
    state: &ServerState,
    now: OffsetDateTime,
) -> Result<(), StoreError> {
    let mut empty = state.clone();
    empty.personal.clear();
    empty.requests.clear();
    empty.roots.clear();
    empty.intermediates.clear();
    empty.crls.clear();
    empty.connectors.clear();
    empty.config.accepted_domains.clear();
    empty.new_events.clear();
    // Pointers to certificates are written after the certificates themselves.
    let mut bare = empty.config.clone();
    bare.internal_transport_certificate = None;
    bare.iis_certificate = None;
    bare.um_certificate = None;
    transaction.put_server(&server_row(&bare))?;
    transaction.set_setting(LOCAL_SERVER_SETTING, &state.config.name)?;
    empty.config = bare;
    save(transaction, &empty, state, &LoadedIds::default(), now, true)
}

/// Writes the differences between `before` and `after`.
pub(crate) fn save(
    transaction: &Transaction<'_>,
    before: &ServerState,
    after: &ServerState,
    ids: &LoadedIds,
    now: OffsetDateTime,
    force_protocols: bool,
) -> Result<(), StoreError> {
    save_personal(transaction, before, after, ids)?;
    save_requests(transaction, before, after, ids)?;
    if before.config != after.config {
        transaction.put_server(&server_row(&after.config))?;
    }
    for (domain, authoritative) in &after.config.accepted_domains {
        if !before
            .config
            .accepted_domains
            .iter()
            .any(|(known, _)| known == domain)
        {
            transaction.put_accepted_domain(&AcceptedDomainRow {
                domain: domain.clone(),
                authoritative: *authoritative,
            })?;
        }
    }
    for root in &after.roots {
        if !before.roots.contains(root) {
            transaction.insert_root_certificate(&RootCertificateRow {
                thumbprint: root.certificate.thumbprint(),
                physical_store: physical_store(root.category),
                der: root.certificate.der().to_vec(),
            })?;
        }
    }
    for certificate in &after.intermediates {
        if !before.intermediates.contains(certificate) {
            transaction.insert_intermediate_certificate(&IntermediateCertificateRow {
                thumbprint: certificate.thumbprint(),
                der: certificate.der().to_vec(),
            })?;
        }
    }
    for crl in &after.crls {
        if !before.crls.contains(crl) {
            transaction.put_crl(&CrlRow {
                id: 0,
                issuer: crl.issuer().to_string(),
                der: crl.der().to_vec(),
                this_update: crl.this_update(),
                next_update: crl.next_update(),
                source_url: None,
            })?;
        }
    }
    for (old, new) in [(&before.pop, &after.pop), (&before.imap, &after.imap)] {
        if force_protocols || old != new {
            transaction.put_protocol_settings(&protocol_row(new))?;
        }
    }
    for connector in &after.connectors {
        if !before.connectors.contains(connector) {
            transaction.put_connector(&connector_row(connector))?;
        }
    }
    for connector in &before.connectors {
        let kept = after.connectors.iter().any(|other| {
            other.kind == connector.kind && other.name.eq_ignore_ascii_case(&connector.name)
        });
        if !kept {
            transaction.delete_connector(connector_row_kind(connector.kind), &connector.name)?;
        }
    }
    for event in &after.new_events {
        transaction.append_event(&event_row(event, now))?;
    }
    Ok(())
}

fn event_row(event: &Event, now: OffsetDateTime) -> EventRow {
    EventRow {
        id: 0,
        time: now,
        log: "Application".to_owned(),
        source: event.source.clone(),
        event_id: event.event_id,
        entry_type: match event.entry_type {
            EventType::Information => EntryType::Information,
            EventType::Warning => EntryType::Warning,
            EventType::Error => EntryType::Error,
        },
        message: event.message.clone(),
    }
}

fn save_personal(
    transaction: &Transaction<'_>,
    before: &ServerState,
    after: &ServerState,
    ids: &LoadedIds,
) -> Result<(), StoreError> {
    for old in &before.personal {
        let thumbprint = old.certificate.thumbprint();
        if after.personal(thumbprint).is_none() {
            transaction.delete_personal_certificate(&thumbprint)?;
            if let Some(id) = ids.personal_keys.get(&thumbprint) {
                transaction.delete_private_key(*id)?;
            }
        }
    }
    for new in &after.personal {
        let thumbprint = new.certificate.thumbprint();
        match before.personal(thumbprint) {
            None => {
                let key = match &new.key {
                    Some(key) => Some(transaction.insert_private_key(key.pkcs8_der())?),
                    None => None,
                };
                transaction.insert_personal_certificate(&personal_row(new, key))?;
            }
            Some(old) if old != new => {
                let key = ids.personal_keys.get(&thumbprint).copied();
                transaction.update_personal_certificate(&personal_row(new, key))?;
            }
            Some(_) => {}
        }
    }
    Ok(())
}

fn save_requests(
    transaction: &Transaction<'_>,
    before: &ServerState,
    after: &ServerState,
    ids: &LoadedIds,
) -> Result<(), StoreError> {
    for old in &before.requests {
        let thumbprint = old.placeholder.thumbprint();
        if after.request(thumbprint).is_none() {
            transaction.delete_pending_request(&thumbprint)?;
            if let Some(id) = ids.request_keys.get(&thumbprint) {
                transaction.delete_private_key(*id)?;
            }
        }
    }
    for new in &after.requests {
        let thumbprint = new.placeholder.thumbprint();
        if before.request(thumbprint).is_none() {
            let key = transaction.insert_private_key(new.key.pkcs8_der())?;
            transaction.insert_pending_request(&PendingRequestRow {
                thumbprint,
                placeholder_der: new.placeholder.der().to_vec(),
                request_der: new.request_der.clone(),
                subject: new.placeholder.subject().to_string(),
                domains: new.placeholder.certificate_domains(),
                private_key: key,
                friendly_name: new.friendly_name.clone(),
                key_exportable: new.exportable,
                created_order: 0,
            })?;
        }
    }
    Ok(())
}
