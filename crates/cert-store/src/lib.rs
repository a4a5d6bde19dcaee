//! The on-disk store: one SQLite database (rusqlite, bundled) holding the servers, the
//! personal, request, root and intermediate certificate stores, private keys (PKCS #8 DER),
//! CRLs, POP3/IMAP4 settings, connectors, the event log and a few settings (design.md §3).
//!
//! What it does: opens or creates the file (mode 0600, WAL, busy timeout), migrates the schema
//! forward (`PRAGMA user_version`), and offers typed rows inside one closure-based
//! transaction per operation ([`Store::transaction`]): commit on `Ok`, rollback on `Err`.
//!
//! What it does not do: parse certificates or keys (rows hold DER bytes), decide Exchange
//! rules, or read the clock (times are fields of the rows). No SQL leaves this crate.
//!
//! Tests: unit tests at the bottom of modules; round trips, migrations, rollback, file mode
//! and two-connection locking in `tests/main.rs`.

mod error;
mod rows;
mod schema;
mod store;
mod tables;

pub use error::StoreError;
pub use rows::{
    AcceptedDomainRow, ConnectorKind, ConnectorRow, CrlRow, EntryType, EventRow,
    IntermediateCertificateRow, KeyId, PendingRequestRow, PersonalCertificateRow, PhysicalStore,
    Protocol, ProtocolSettingsRow, RootCertificateRow, ServerRow, ServerVersion,
};
pub use schema::SCHEMA_VERSION;
pub use store::{DEFAULT_BUSY_TIMEOUT, Store};
pub use tables::Transaction;
