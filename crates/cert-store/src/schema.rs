//! The schema and its forward migrations. `PRAGMA user_version` holds the number of
//! migrations applied; each migration runs once, in order, inside one transaction.

/// Migration `n` (1-based) brings the schema from version `n - 1` to `n`. Append only: a
/// released migration is never edited.
pub(crate) const MIGRATIONS: &[&str] = &[
    // 1: the initial schema (design.md §3).
    r#"
    CREATE TABLE servers (
        name TEXT PRIMARY KEY NOT NULL COLLATE NOCASE,
        fqdn TEXT NOT NULL,
        roles TEXT NOT NULL,
        version TEXT NOT NULL,
        internet_web_proxy TEXT,
        um_startup_mode TEXT NOT NULL,
        um_certificate BLOB,
        internal_transport_certificate BLOB,
        iis_certificate BLOB
    ) STRICT;
    CREATE TABLE accepted_domains (
        domain TEXT PRIMARY KEY NOT NULL COLLATE NOCASE,
        authoritative INTEGER NOT NULL
    ) STRICT;
    CREATE TABLE private_keys (
        id INTEGER PRIMARY KEY,
        pkcs8 BLOB NOT NULL
    ) STRICT;
    CREATE TABLE personal_certificates (
        thumbprint BLOB PRIMARY KEY NOT NULL,
        der BLOB NOT NULL,
        friendly_name TEXT NOT NULL,
        services INTEGER NOT NULL,
        network_service_access INTEGER NOT NULL,
        private_key_id INTEGER REFERENCES private_keys(id),
        key_exportable INTEGER NOT NULL,
        created_order INTEGER NOT NULL UNIQUE
    ) STRICT;
    CREATE TABLE pending_requests (
        thumbprint BLOB PRIMARY KEY NOT NULL,
        placeholder_der BLOB NOT NULL,
        request_der BLOB NOT NULL,
        subject TEXT NOT NULL,
        domains TEXT NOT NULL,
        private_key_id INTEGER NOT NULL REFERENCES private_keys(id),
        friendly_name TEXT NOT NULL,
        key_exportable INTEGER NOT NULL,
        created_order INTEGER NOT NULL UNIQUE
    ) STRICT;
    CREATE TABLE root_certificates (
        thumbprint BLOB NOT NULL,
        physical_store TEXT NOT NULL,
        der BLOB NOT NULL,
        PRIMARY KEY (thumbprint, physical_store)
    ) STRICT;
    CREATE TABLE intermediate_certificates (
        thumbprint BLOB PRIMARY KEY NOT NULL,
        der BLOB NOT NULL
    ) STRICT;
    CREATE TABLE crls (
        id INTEGER PRIMARY KEY,
        issuer TEXT NOT NULL,
        der BLOB NOT NULL,
        this_update TEXT NOT NULL,
        next_update TEXT,
        source_url TEXT
    ) STRICT;
    CREATE TABLE protocol_settings (
        protocol TEXT PRIMARY KEY NOT NULL,
        x509_certificate_name TEXT,
        unencrypted_or_tls_bindings TEXT NOT NULL,
        ssl_bindings TEXT NOT NULL,
        login_type TEXT NOT NULL,
        banner TEXT NOT NULL,
        properties TEXT NOT NULL
    ) STRICT;
    CREATE TABLE connectors (
        kind TEXT NOT NULL,
        name TEXT NOT NULL COLLATE NOCASE,
        fqdn TEXT,
        bindings TEXT NOT NULL,
        address_spaces TEXT NOT NULL,
        remote_ip_ranges TEXT NOT NULL,
        enabled INTEGER NOT NULL,
        PRIMARY KEY (kind, name)
    ) STRICT;
    CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        time TEXT NOT NULL,
        log TEXT NOT NULL,
        source TEXT NOT NULL,
        event_id INTEGER NOT NULL,
        entry_type TEXT NOT NULL,
        message TEXT NOT NULL
    ) STRICT;
    CREATE TABLE settings (
        key TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL
    ) STRICT;
    "#,
];

/// The schema version this build creates and understands.
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;
