//! Typed reads and writes inside one transaction. No SQL leaves this crate.

use cert_model::{Services, Thumbprint};
use rusqlite::{OptionalExtension as _, Row, params};
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use crate::error::{StoreError, database, inserting};
use crate::rows::{
    AcceptedDomainRow, ConnectorKind, ConnectorRow, CrlRow, EntryType, EventRow,
    IntermediateCertificateRow, KeyId, PendingRequestRow, PersonalCertificateRow, PhysicalStore,
    Protocol, ProtocolSettingsRow, RootCertificateRow, ServerRow, ServerVersion,
};

/// One open write transaction (see [`crate::Store::transaction`]).
pub struct Transaction<'a> {
    inner: rusqlite::Transaction<'a>,
}

impl std::fmt::Debug for Transaction<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Transaction").finish_non_exhaustive()
    }
}

type Result<T> = std::result::Result<T, StoreError>;

fn corrupt(what: &'static str) -> impl Fn(String) -> StoreError {
    move |reason| StoreError::Corrupt { what, reason }
}

fn thumbprint_blob(thumbprint: &Thumbprint) -> &[u8] {
    thumbprint.as_bytes()
}

fn thumbprint_from(bytes: Vec<u8>) -> Result<Thumbprint> {
    let array: [u8; 20] = bytes
        .try_into()
        .map_err(|bytes: Vec<u8>| corrupt("thumbprint")(format!("{} bytes", bytes.len())))?;
    Ok(Thumbprint::from_bytes(array))
}

fn optional_thumbprint(bytes: Option<Vec<u8>>) -> Result<Option<Thumbprint>> {
    bytes.map(thumbprint_from).transpose()
}

fn list_text(values: &[String]) -> String {
    serde_json::Value::from(values.to_vec()).to_string()
}

fn list_from(text: &str) -> Result<Vec<String>> {
    serde_json::from_str(text).map_err(|error| corrupt("list")(error.to_string()))
}

fn pairs_text(values: &[(String, String)]) -> String {
    let pairs: Vec<Vec<String>> = values
        .iter()
        .map(|(name, value)| vec![name.clone(), value.clone()])
        .collect();
    serde_json::Value::from(pairs).to_string()
}

fn pairs_from(text: &str) -> Result<Vec<(String, String)>> {
    let pairs: Vec<(String, String)> =
        serde_json::from_str(text).map_err(|error| corrupt("property list")(error.to_string()))?;
    Ok(pairs)
}

fn time_text(instant: OffsetDateTime) -> Result<String> {
    instant
        .format(&Rfc3339)
        .map_err(|error| corrupt("time")(error.to_string()))
}

fn time_from(text: &str) -> Result<OffsetDateTime> {
    OffsetDateTime::parse(text, &Rfc3339).map_err(|error| corrupt("time")(error.to_string()))
}

/// Reads every row of a query into raw tuples first, then decodes, so decoding errors are
/// ours rather than rusqlite's.
fn collect<T, R>(
    statement: &mut rusqlite::Statement<'_>,
    parameters: impl rusqlite::Params,
    read: impl Fn(&Row<'_>) -> rusqlite::Result<R>,
    decode: impl Fn(R) -> Result<T>,
) -> Result<Vec<T>> {
    let raw: Vec<R> = statement
        .query_map(parameters, read)
        .map_err(database("reading rows"))?
        .collect::<rusqlite::Result<_>>()
        .map_err(database("reading rows"))?;
    raw.into_iter().map(decode).collect()
}

type RawServer = (
    String,
    String,
    String,
    String,
    Option<String>,
    String,
    Option<Vec<u8>>,
    Option<Vec<u8>>,
    Option<Vec<u8>>,
);

const SERVER_COLUMNS: &str = "name, fqdn, roles, version, internet_web_proxy, um_startup_mode, \
     um_certificate, internal_transport_certificate, iis_certificate";

fn read_server(row: &Row<'_>) -> rusqlite::Result<RawServer> {
    Ok((
        row.get(0)?,
        row.get(1)?,
        row.get(2)?,
        row.get(3)?,
        row.get(4)?,
        row.get(5)?,
        row.get(6)?,
        row.get(7)?,
        row.get(8)?,
    ))
}

fn decode_server(raw: RawServer) -> Result<ServerRow> {
    let (name, fqdn, roles, version, proxy, um_mode, um, transport, iis) = raw;
    Ok(ServerRow {
        name,
        fqdn,
        roles: list_from(&roles)?,
        version: ServerVersion::from_stored(&version)
            .ok_or_else(|| corrupt("server version")(version.clone()))?,
        internet_web_proxy: proxy,
        um_startup_mode: um_mode,
        um_certificate: optional_thumbprint(um)?,
        internal_transport_certificate: optional_thumbprint(transport)?,
        iis_certificate: optional_thumbprint(iis)?,
    })
}

type RawPersonal = (Vec<u8>, Vec<u8>, String, i64, bool, Option<i64>, bool, i64);

const PERSONAL_COLUMNS: &str = "thumbprint, der, friendly_name, services, \
     network_service_access, private_key_id, key_exportable, created_order";

fn read_personal(row: &Row<'_>) -> rusqlite::Result<RawPersonal> {
    Ok((
        row.get(0)?,
        row.get(1)?,
        row.get(2)?,
        row.get(3)?,
        row.get(4)?,
        row.get(5)?,
        row.get(6)?,
        row.get(7)?,
    ))
}

fn decode_personal(raw: RawPersonal) -> Result<PersonalCertificateRow> {
    let (thumbprint, der, friendly_name, services, network, key, exportable, order) = raw;
    let services = u8::try_from(services)
        .ok()
        .and_then(Services::from_bits)
        .ok_or_else(|| corrupt("services")(services.to_string()))?;
    Ok(PersonalCertificateRow {
        thumbprint: thumbprint_from(thumbprint)?,
        der,
        friendly_name,
        services,
        network_service_access: network,
        private_key: key.map(KeyId),
        key_exportable: exportable,
        created_order: order,
    })
}

type RawRequest = (
    Vec<u8>,
    Vec<u8>,
    Vec<u8>,
    String,
    String,
    i64,
    String,
    bool,
    i64,
);

const REQUEST_COLUMNS: &str = "thumbprint, placeholder_der, request_der, subject, domains, \
     private_key_id, friendly_name, key_exportable, created_order";

fn read_request(row: &Row<'_>) -> rusqlite::Result<RawRequest> {
    Ok((
        row.get(0)?,
        row.get(1)?,
        row.get(2)?,
        row.get(3)?,
        row.get(4)?,
        row.get(5)?,
        row.get(6)?,
        row.get(7)?,
        row.get(8)?,
    ))
}

fn decode_request(raw: RawRequest) -> Result<PendingRequestRow> {
    let (thumbprint, placeholder, request, subject, domains, key, friendly_name, exportable, order) =
        raw;
    Ok(PendingRequestRow {
        thumbprint: thumbprint_from(thumbprint)?,
        placeholder_der: placeholder,
        request_der: request,
        subject,
        domains: list_from(&domains)?,
        private_key: KeyId(key),
        friendly_name,
        key_exportable: exportable,
        created_order: order,
    })
}

type RawCrl = (i64, String, Vec<u8>, String, Option<String>, Option<String>);

fn read_crl(row: &Row<'_>) -> rusqlite::Result<RawCrl> {
    Ok((
        row.get(0)?,
        row.get(1)?,
        row.get(2)?,
        row.get(3)?,
        row.get(4)?,
        row.get(5)?,
    ))
}

fn decode_crl(raw: RawCrl) -> Result<CrlRow> {
    let (id, issuer, der, this_update, next_update, source_url) = raw;
    Ok(CrlRow {
        id,
        issuer,
        der,
        this_update: time_from(&this_update)?,
        next_update: next_update.as_deref().map(time_from).transpose()?,
        source_url,
    })
}

type RawConnector = (String, String, Option<String>, String, String, String, bool);

const CONNECTOR_COLUMNS: &str =
    "kind, name, fqdn, bindings, address_spaces, remote_ip_ranges, enabled";

fn read_connector(row: &Row<'_>) -> rusqlite::Result<RawConnector> {
    Ok((
        row.get(0)?,
        row.get(1)?,
        row.get(2)?,
        row.get(3)?,
        row.get(4)?,
        row.get(5)?,
        row.get(6)?,
    ))
}

fn decode_connector(raw: RawConnector) -> Result<ConnectorRow> {
    let (kind, name, fqdn, bindings, address_spaces, remote_ip_ranges, enabled) = raw;
    Ok(ConnectorRow {
        kind: ConnectorKind::from_stored(&kind)
            .ok_or_else(|| corrupt("connector kind")(kind.clone()))?,
        name,
        fqdn,
        bindings: list_from(&bindings)?,
        address_spaces: list_from(&address_spaces)?,
        remote_ip_ranges: list_from(&remote_ip_ranges)?,
        enabled,
    })
}

type RawProtocol = (
    String,
    Option<String>,
    String,
    String,
    String,
    String,
    String,
);

fn read_protocol(row: &Row<'_>) -> rusqlite::Result<RawProtocol> {
    Ok((
        row.get(0)?,
        row.get(1)?,
        row.get(2)?,
        row.get(3)?,
        row.get(4)?,
        row.get(5)?,
        row.get(6)?,
    ))
}

fn decode_protocol(raw: RawProtocol) -> Result<ProtocolSettingsRow> {
    let (protocol, name, plain, ssl, login_type, banner, properties) = raw;
    Ok(ProtocolSettingsRow {
        protocol: Protocol::from_stored(&protocol)
            .ok_or_else(|| corrupt("protocol")(protocol.clone()))?,
        x509_certificate_name: name,
        unencrypted_or_tls_bindings: list_from(&plain)?,
        ssl_bindings: list_from(&ssl)?,
        login_type,
        banner,
        properties: pairs_from(&properties)?,
    })
}

type RawEvent = (i64, String, String, String, u32, String, String);

fn read_event(row: &Row<'_>) -> rusqlite::Result<RawEvent> {
    Ok((
        row.get(0)?,
        row.get(1)?,
        row.get(2)?,
        row.get(3)?,
        row.get(4)?,
        row.get(5)?,
        row.get(6)?,
    ))
}

fn decode_event(raw: RawEvent) -> Result<EventRow> {
    let (id, time, log, source, event_id, entry_type, message) = raw;
    Ok(EventRow {
        id,
        time: time_from(&time)?,
        log,
        source,
        event_id,
        entry_type: EntryType::from_stored(&entry_type)
            .ok_or_else(|| corrupt("entry type")(entry_type.clone()))?,
        message,
    })
}

impl<'a> Transaction<'a> {
    pub(crate) fn new(inner: rusqlite::Transaction<'a>) -> Transaction<'a> {
        Transaction { inner }
    }

    pub(crate) fn commit(self) -> Result<()> {
        self.inner.commit().map_err(database("committing"))
    }

    fn query_all<T, R>(
        &self,
        sql: &str,
        parameters: impl rusqlite::Params,
        read: impl Fn(&Row<'_>) -> rusqlite::Result<R>,
        decode: impl Fn(R) -> Result<T>,
    ) -> Result<Vec<T>> {
        let mut statement = self
            .inner
            .prepare(sql)
            .map_err(database("preparing a query"))?;
        collect(&mut statement, parameters, read, decode)
    }

    fn query_one<T, R>(
        &self,
        sql: &str,
        parameters: impl rusqlite::Params,
        read: impl Fn(&Row<'_>) -> rusqlite::Result<R>,
        decode: impl Fn(R) -> Result<T>,
    ) -> Result<Option<T>> {
        let raw = self
            .inner
            .query_row(sql, parameters, |row| read(row))
            .optional()
            .map_err(database("reading a row"))?;
        raw.map(decode).transpose()
    }

    fn execute(
        &self,
        operation: &'static str,
        sql: &str,
        parameters: impl rusqlite::Params,
    ) -> Result<usize> {
        self.inner
            .execute(sql, parameters)
            .map_err(database(operation))
    }

    // --- servers -------------------------------------------------------------------------

    /// Every server, by name.
    ///
    /// # Errors
    /// [`StoreError`] on database failure or an unreadable row.
    pub fn servers(&self) -> Result<Vec<ServerRow>> {
        let sql = format!("SELECT {SERVER_COLUMNS} FROM servers ORDER BY name");
        self.query_all(&sql, [], read_server, decode_server)
    }

    /// The server called `name` (case-insensitive).
    ///
    /// # Errors
    /// [`StoreError`] on database failure or an unreadable row.
    pub fn server(&self, name: &str) -> Result<Option<ServerRow>> {
        let sql = format!("SELECT {SERVER_COLUMNS} FROM servers WHERE name = ?1");
        self.query_one(&sql, [name], read_server, decode_server)
    }

    /// Inserts the server or replaces the one with the same name.
    ///
    /// # Errors
    /// [`StoreError`] on database failure.
    pub fn put_server(&self, server: &ServerRow) -> Result<()> {
        self.execute(
            "writing a server",
            "INSERT INTO servers (name, fqdn, roles, version, internet_web_proxy, \
             um_startup_mode, um_certificate, internal_transport_certificate, iis_certificate) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) \
             ON CONFLICT(name) DO UPDATE SET name = excluded.name, fqdn = excluded.fqdn, \
             roles = excluded.roles, version = excluded.version, \
             internet_web_proxy = excluded.internet_web_proxy, \
             um_startup_mode = excluded.um_startup_mode, um_certificate = excluded.um_certificate, \
             internal_transport_certificate = excluded.internal_transport_certificate, \
             iis_certificate = excluded.iis_certificate",
            params![
                server.name,
                server.fqdn,
                list_text(&server.roles),
                server.version.as_str(),
                server.internet_web_proxy,
                server.um_startup_mode,
                server.um_certificate.as_ref().map(thumbprint_blob),
                server
                    .internal_transport_certificate
                    .as_ref()
                    .map(thumbprint_blob),
                server.iis_certificate.as_ref().map(thumbprint_blob),
            ],
        )?;
        Ok(())
    }

    /// Deletes the server called `name`; `false` when there was none.
    ///
    /// # Errors
    /// [`StoreError`] on database failure.
    pub fn delete_server(&self, name: &str) -> Result<bool> {
        Ok(self.execute(
            "deleting a server",
            "DELETE FROM servers WHERE name = ?1",
            [name],
        )? > 0)
    }

    // --- accepted domains ----------------------------------------------------------------

    /// Every accepted domain, by domain.
    ///
    /// # Errors
    /// [`StoreError`] on database failure.
    pub fn accepted_domains(&self) -> Result<Vec<AcceptedDomainRow>> {
        self.query_all(
            "SELECT domain, authoritative FROM accepted_domains ORDER BY domain",
            [],
            |row| Ok((row.get(0)?, row.get(1)?)),
            |(domain, authoritative)| {
                Ok(AcceptedDomainRow {
                    domain,
                    authoritative,
                })
            },
        )
    }

    /// Inserts or replaces an accepted domain.
    ///
    /// # Errors
    /// [`StoreError`] on database failure.
    pub fn put_accepted_domain(&self, domain: &AcceptedDomainRow) -> Result<()> {
        self.execute(
            "writing an accepted domain",
            "INSERT INTO accepted_domains (domain, authoritative) VALUES (?1, ?2) \
             ON CONFLICT(domain) DO UPDATE SET authoritative = excluded.authoritative",
            params![domain.domain, domain.authoritative],
        )?;
        Ok(())
    }

    /// Deletes an accepted domain; `false` when there was none.
    ///
    /// # Errors
    /// [`StoreError`] on database failure.
    pub fn delete_accepted_domain(&self, domain: &str) -> Result<bool> {
        Ok(self.execute(
            "deleting an accepted domain",
            "DELETE FROM accepted_domains WHERE domain = ?1",
            [domain],
        )? > 0)
    }

    // --- private keys --------------------------------------------------------------------

    /// Stores a PKCS #8 DER private key and returns its id.
    ///
    /// # Errors
    /// [`StoreError`] on database failure.
    pub fn insert_private_key(&self, pkcs8_der: &[u8]) -> Result<KeyId> {
        self.execute(
            "storing a private key",
            "INSERT INTO private_keys (pkcs8) VALUES (?1)",
            [pkcs8_der],
        )?;
        Ok(KeyId(self.inner.last_insert_rowid()))
    }

    /// The PKCS #8 DER of key `id`.
    ///
    /// # Errors
    /// [`StoreError`] on database failure.
    pub fn private_key(&self, id: KeyId) -> Result<Option<Vec<u8>>> {
        self.query_one(
            "SELECT pkcs8 FROM private_keys WHERE id = ?1",
            [id.0],
            |row| row.get::<_, Vec<u8>>(0),
            Ok,
        )
    }

    /// Deletes key `id`; `false` when there was none.
    ///
    /// # Errors
    /// [`StoreError::Database`] while a certificate or request still refers to the key.
    pub fn delete_private_key(&self, id: KeyId) -> Result<bool> {
        Ok(self.execute(
            "deleting a private key",
            "DELETE FROM private_keys WHERE id = ?1",
            [id.0],
        )? > 0)
    }

    // --- personal store ------------------------------------------------------------------

    /// Adds a certificate to the personal store; the store assigns `created_order` (returned).
    ///
    /// # Errors
    /// [`StoreError::AlreadyExists`] for a thumbprint already present.
    pub fn insert_personal_certificate(&self, row: &PersonalCertificateRow) -> Result<i64> {
        let order: i64 = self
            .inner
            .query_row(
                "SELECT COALESCE(MAX(created_order), 0) + 1 FROM personal_certificates",
                [],
                |row| row.get(0),
            )
            .map_err(database("numbering a certificate"))?;
        self.inner
            .execute(
                &format!(
                    "INSERT INTO personal_certificates ({PERSONAL_COLUMNS}) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"
                ),
                params![
                    thumbprint_blob(&row.thumbprint),
                    row.der,
                    row.friendly_name,
                    i64::from(row.services.bits()),
                    row.network_service_access,
                    row.private_key.map(|key| key.0),
                    row.key_exportable,
                    order,
                ],
            )
            .map_err(inserting(|| {
                format!("personal certificate {}", row.thumbprint)
            }))?;
        Ok(order)
    }

    /// The personal certificate with `thumbprint`.
    ///
    /// # Errors
    /// [`StoreError`] on database failure or an unreadable row.
    pub fn personal_certificate(
        &self,
        thumbprint: &Thumbprint,
    ) -> Result<Option<PersonalCertificateRow>> {
        let sql =
            format!("SELECT {PERSONAL_COLUMNS} FROM personal_certificates WHERE thumbprint = ?1");
        self.query_one(
            &sql,
            [thumbprint_blob(thumbprint)],
            read_personal,
            decode_personal,
        )
    }

    /// Every personal certificate, oldest first.
    ///
    /// # Errors
    /// [`StoreError`] on database failure or an unreadable row.
    pub fn personal_certificates(&self) -> Result<Vec<PersonalCertificateRow>> {
        let sql =
            format!("SELECT {PERSONAL_COLUMNS} FROM personal_certificates ORDER BY created_order");
        self.query_all(&sql, [], read_personal, decode_personal)
    }

    /// Rewrites the changeable properties (friendly name, services, ACL flag, key,
    /// exportability) of the certificate `row.thumbprint`; the DER never changes (spec B-10).
    /// `false` when there is no such certificate.
    ///
    /// # Errors
    /// [`StoreError`] on database failure.
    pub fn update_personal_certificate(&self, row: &PersonalCertificateRow) -> Result<bool> {
        Ok(self.execute(
            "updating a certificate",
            "UPDATE personal_certificates SET friendly_name = ?2, services = ?3, \
             network_service_access = ?4, private_key_id = ?5, key_exportable = ?6 \
             WHERE thumbprint = ?1",
            params![
                thumbprint_blob(&row.thumbprint),
                row.friendly_name,
                i64::from(row.services.bits()),
                row.network_service_access,
                row.private_key.map(|key| key.0),
                row.key_exportable,
            ],
        )? > 0)
    }

    /// Removes a personal certificate (not its key: delete that with
    /// [`Self::delete_private_key`]); `false` when there was none.
    ///
    /// # Errors
    /// [`StoreError`] on database failure.
    pub fn delete_personal_certificate(&self, thumbprint: &Thumbprint) -> Result<bool> {
        Ok(self.execute(
            "deleting a certificate",
            "DELETE FROM personal_certificates WHERE thumbprint = ?1",
            [thumbprint_blob(thumbprint)],
        )? > 0)
    }

    // --- request store -------------------------------------------------------------------

    /// Adds a pending request; the store assigns `created_order` (returned).
    ///
    /// # Errors
    /// [`StoreError::AlreadyExists`] for a thumbprint already present.
    pub fn insert_pending_request(&self, row: &PendingRequestRow) -> Result<i64> {
        let order: i64 = self
            .inner
            .query_row(
                "SELECT COALESCE(MAX(created_order), 0) + 1 FROM pending_requests",
                [],
                |row| row.get(0),
            )
            .map_err(database("numbering a request"))?;
        self.inner
            .execute(
                &format!(
                    "INSERT INTO pending_requests ({REQUEST_COLUMNS}) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
                ),
                params![
                    thumbprint_blob(&row.thumbprint),
                    row.placeholder_der,
                    row.request_der,
                    row.subject,
                    list_text(&row.domains),
                    row.private_key.0,
                    row.friendly_name,
                    row.key_exportable,
                    order,
                ],
            )
            .map_err(inserting(|| format!("pending request {}", row.thumbprint)))?;
        Ok(order)
    }

    /// The pending request with `thumbprint`.
    ///
    /// # Errors
    /// [`StoreError`] on database failure or an unreadable row.
    pub fn pending_request(&self, thumbprint: &Thumbprint) -> Result<Option<PendingRequestRow>> {
        let sql = format!("SELECT {REQUEST_COLUMNS} FROM pending_requests WHERE thumbprint = ?1");
        self.query_one(
            &sql,
            [thumbprint_blob(thumbprint)],
            read_request,
            decode_request,
        )
    }

    /// Every pending request, oldest first.
    ///
    /// # Errors
    /// [`StoreError`] on database failure or an unreadable row.
    pub fn pending_requests(&self) -> Result<Vec<PendingRequestRow>> {
        let sql = format!("SELECT {REQUEST_COLUMNS} FROM pending_requests ORDER BY created_order");
        self.query_all(&sql, [], read_request, decode_request)
    }

    /// Removes a pending request (not its key); `false` when there was none.
    ///
    /// # Errors
    /// [`StoreError`] on database failure.
    pub fn delete_pending_request(&self, thumbprint: &Thumbprint) -> Result<bool> {
        Ok(self.execute(
            "deleting a request",
            "DELETE FROM pending_requests WHERE thumbprint = ?1",
            [thumbprint_blob(thumbprint)],
        )? > 0)
    }

    // --- root and intermediate stores ----------------------------------------------------

    /// Adds a trusted root to a physical store; `false` when it was already there.
    ///
    /// # Errors
    /// [`StoreError`] on database failure.
    pub fn insert_root_certificate(&self, row: &RootCertificateRow) -> Result<bool> {
        Ok(self.execute(
            "adding a root certificate",
            "INSERT OR IGNORE INTO root_certificates (thumbprint, physical_store, der) \
             VALUES (?1, ?2, ?3)",
            params![
                thumbprint_blob(&row.thumbprint),
                row.physical_store.as_str(),
                row.der
            ],
        )? > 0)
    }

    /// Every trusted root, by physical store then insertion.
    ///
    /// # Errors
    /// [`StoreError`] on database failure or an unreadable row.
    pub fn root_certificates(&self) -> Result<Vec<RootCertificateRow>> {
        self.query_all(
            "SELECT thumbprint, physical_store, der FROM root_certificates \
             ORDER BY physical_store, rowid",
            [],
            |row| {
                Ok((
                    row.get::<_, Vec<u8>>(0)?,
                    row.get::<_, String>(1)?,
                    row.get(2)?,
                ))
            },
            |(thumbprint, store, der)| {
                Ok(RootCertificateRow {
                    thumbprint: thumbprint_from(thumbprint)?,
                    physical_store: PhysicalStore::from_stored(&store)
                        .ok_or_else(|| corrupt("physical store")(store.clone()))?,
                    der,
                })
            },
        )
    }

    /// Removes a root from one physical store; `false` when it was not there.
    ///
    /// # Errors
    /// [`StoreError`] on database failure.
    pub fn delete_root_certificate(
        &self,
        thumbprint: &Thumbprint,
        physical_store: PhysicalStore,
    ) -> Result<bool> {
        Ok(self.execute(
            "deleting a root certificate",
            "DELETE FROM root_certificates WHERE thumbprint = ?1 AND physical_store = ?2",
            params![thumbprint_blob(thumbprint), physical_store.as_str()],
        )? > 0)
    }

    /// Adds an intermediate CA certificate; `false` when it was already there.
    ///
    /// # Errors
    /// [`StoreError`] on database failure.
    pub fn insert_intermediate_certificate(
        &self,
        row: &IntermediateCertificateRow,
    ) -> Result<bool> {
        Ok(self.execute(
            "adding an intermediate certificate",
            "INSERT OR IGNORE INTO intermediate_certificates (thumbprint, der) VALUES (?1, ?2)",
            params![thumbprint_blob(&row.thumbprint), row.der],
        )? > 0)
    }

    /// Every intermediate certificate, in insertion order.
    ///
    /// # Errors
    /// [`StoreError`] on database failure or an unreadable row.
    pub fn intermediate_certificates(&self) -> Result<Vec<IntermediateCertificateRow>> {
        self.query_all(
            "SELECT thumbprint, der FROM intermediate_certificates ORDER BY rowid",
            [],
            |row| Ok((row.get::<_, Vec<u8>>(0)?, row.get(1)?)),
            |(thumbprint, der)| {
                Ok(IntermediateCertificateRow {
                    thumbprint: thumbprint_from(thumbprint)?,
                    der,
                })
            },
        )
    }

    /// Removes an intermediate certificate; `false` when there was none.
    ///
    /// # Errors
    /// [`StoreError`] on database failure.
    pub fn delete_intermediate_certificate(&self, thumbprint: &Thumbprint) -> Result<bool> {
        Ok(self.execute(
            "deleting an intermediate certificate",
            "DELETE FROM intermediate_certificates WHERE thumbprint = ?1",
            [thumbprint_blob(thumbprint)],
        )? > 0)
    }

    // --- CRLs ----------------------------------------------------------------------------

    /// Stores a CRL, replacing any earlier one from the same issuer and source (a fresh fetch
    /// replaces the cached copy); returns its id.
    ///
    /// # Errors
    /// [`StoreError`] on database failure.
    pub fn put_crl(&self, row: &CrlRow) -> Result<i64> {
        self.execute(
            "replacing a CRL",
            "DELETE FROM crls WHERE issuer = ?1 AND source_url IS ?2",
            params![row.issuer, row.source_url],
        )?;
        self.execute(
            "storing a CRL",
            "INSERT INTO crls (issuer, der, this_update, next_update, source_url) \
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                row.issuer,
                row.der,
                time_text(row.this_update)?,
                row.next_update.map(time_text).transpose()?,
                row.source_url,
            ],
        )?;
        Ok(self.inner.last_insert_rowid())
    }

    /// Every stored CRL, in insertion order.
    ///
    /// # Errors
    /// [`StoreError`] on database failure or an unreadable row.
    pub fn crls(&self) -> Result<Vec<CrlRow>> {
        self.query_all(
            "SELECT id, issuer, der, this_update, next_update, source_url FROM crls ORDER BY id",
            [],
            read_crl,
            decode_crl,
        )
    }

    /// Deletes CRL `id`; `false` when there was none.
    ///
    /// # Errors
    /// [`StoreError`] on database failure.
    pub fn delete_crl(&self, id: i64) -> Result<bool> {
        Ok(self.execute("deleting a CRL", "DELETE FROM crls WHERE id = ?1", [id])? > 0)
    }

    // --- POP3 / IMAP4 --------------------------------------------------------------------

    /// The settings of `protocol`, `None` before setup wrote them.
    ///
    /// # Errors
    /// [`StoreError`] on database failure or an unreadable row.
    pub fn protocol_settings(&self, protocol: Protocol) -> Result<Option<ProtocolSettingsRow>> {
        self.query_one(
            "SELECT protocol, x509_certificate_name, unencrypted_or_tls_bindings, ssl_bindings, \
             login_type, banner, properties FROM protocol_settings WHERE protocol = ?1",
            [protocol.as_str()],
            read_protocol,
            decode_protocol,
        )
    }

    /// Writes the settings of `row.protocol`, replacing earlier ones.
    ///
    /// # Errors
    /// [`StoreError`] on database failure.
    pub fn put_protocol_settings(&self, row: &ProtocolSettingsRow) -> Result<()> {
        self.execute(
            "writing protocol settings",
            "INSERT OR REPLACE INTO protocol_settings (protocol, x509_certificate_name, \
             unencrypted_or_tls_bindings, ssl_bindings, login_type, banner, properties) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                row.protocol.as_str(),
                row.x509_certificate_name,
                list_text(&row.unencrypted_or_tls_bindings),
                list_text(&row.ssl_bindings),
                row.login_type,
                row.banner,
                pairs_text(&row.properties),
            ],
        )?;
        Ok(())
    }

    // --- connectors ----------------------------------------------------------------------

    /// Every connector: Receive then Send, each by name.
    ///
    /// # Errors
    /// [`StoreError`] on database failure or an unreadable row.
    pub fn connectors(&self) -> Result<Vec<ConnectorRow>> {
        let sql = format!("SELECT {CONNECTOR_COLUMNS} FROM connectors ORDER BY kind, name");
        self.query_all(&sql, [], read_connector, decode_connector)
    }

    /// The connector of `kind` called `name` (case-insensitive).
    ///
    /// # Errors
    /// [`StoreError`] on database failure or an unreadable row.
    pub fn connector(&self, kind: ConnectorKind, name: &str) -> Result<Option<ConnectorRow>> {
        let sql =
            format!("SELECT {CONNECTOR_COLUMNS} FROM connectors WHERE kind = ?1 AND name = ?2");
        self.query_one(
            &sql,
            params![kind.as_str(), name],
            read_connector,
            decode_connector,
        )
    }

    /// Inserts a connector or replaces the one with the same kind and name.
    ///
    /// # Errors
    /// [`StoreError`] on database failure.
    pub fn put_connector(&self, row: &ConnectorRow) -> Result<()> {
        self.execute(
            "writing a connector",
            "INSERT INTO connectors (kind, name, fqdn, bindings, address_spaces, \
             remote_ip_ranges, enabled) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) \
             ON CONFLICT(kind, name) DO UPDATE SET name = excluded.name, fqdn = excluded.fqdn, \
             bindings = excluded.bindings, address_spaces = excluded.address_spaces, \
             remote_ip_ranges = excluded.remote_ip_ranges, enabled = excluded.enabled",
            params![
                row.kind.as_str(),
                row.name,
                row.fqdn,
                list_text(&row.bindings),
                list_text(&row.address_spaces),
                list_text(&row.remote_ip_ranges),
                row.enabled,
            ],
        )?;
        Ok(())
    }

    /// Deletes a connector; `false` when there was none.
    ///
    /// # Errors
    /// [`StoreError`] on database failure.
    pub fn delete_connector(&self, kind: ConnectorKind, name: &str) -> Result<bool> {
        Ok(self.execute(
            "deleting a connector",
            "DELETE FROM connectors WHERE kind = ?1 AND name = ?2",
            params![kind.as_str(), name],
        )? > 0)
    }

    // --- event log -----------------------------------------------------------------------

    /// Appends an event; returns its id (`Index`).
    ///
    /// # Errors
    /// [`StoreError`] on database failure.
    pub fn append_event(&self, row: &EventRow) -> Result<i64> {
        self.execute(
            "writing an event",
            "INSERT INTO events (time, log, source, event_id, entry_type, message) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                time_text(row.time)?,
                row.log,
                row.source,
                row.event_id,
                row.entry_type.as_str(),
                row.message,
            ],
        )?;
        Ok(self.inner.last_insert_rowid())
    }

    /// The events of `log` (case-insensitive), oldest first.
    ///
    /// # Errors
    /// [`StoreError`] on database failure or an unreadable row.
    pub fn events(&self, log: &str) -> Result<Vec<EventRow>> {
        self.query_all(
            "SELECT id, time, log, source, event_id, entry_type, message FROM events \
             WHERE log = ?1 COLLATE NOCASE ORDER BY id",
            [log],
            read_event,
            decode_event,
        )
    }

    // --- settings ------------------------------------------------------------------------

    /// The value of setting `key`.
    ///
    /// # Errors
    /// [`StoreError`] on database failure.
    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        self.query_one(
            "SELECT value FROM settings WHERE key = ?1",
            [key],
            |row| row.get::<_, String>(0),
            Ok,
        )
    }

    /// Sets setting `key` to `value`.
    ///
    /// # Errors
    /// [`StoreError`] on database failure.
    pub fn set_setting(&self, key: &str, value: &str) -> Result<()> {
        self.execute(
            "writing a setting",
            "INSERT OR REPLACE INTO settings (key, value) VALUES (?1, ?2)",
            [key, value],
        )?;
        Ok(())
    }

    /// Deletes setting `key`; `false` when there was none.
    ///
    /// # Errors
    /// [`StoreError`] on database failure.
    pub fn delete_setting(&self, key: &str) -> Result<bool> {
        Ok(self.execute(
            "deleting a setting",
            "DELETE FROM settings WHERE key = ?1",
            [key],
        )? > 0)
    }
}
