//! The Exchange server: configuration and the rules of New-, Get-, Import-, Enable-, Export- and
//! Remove-ExchangeCertificate (spec/cmdlets.md §1.1, §1.7, §3), POP3/IMAP4 settings,
//! receive/send connectors and the server object, over one `cert-store` database.
//!
//! What it does: resolves names and parameters of New-ExchangeCertificate, creates self-signed
//! certificates and PKCS #10 requests, completes requests with the CA's answer, imports PFX
//! files, applies the side effects of enabling services, exports PFX and request files, and
//! removes certificates; every operation is one store transaction, so a failed operation
//! changes nothing. `Services`, `Status` and `RootCAType` are computed when read, at the `now`
//! the caller passes. Revocation may fetch CRLs over HTTP (design.md §6a); that network I/O
//! lives only in `crl_fetch` (tests in `tests/crl_fetch.rs`, against loopback servers).
//!
//! What it does not do: print, prompt, read the clock or draw randomness directly (keys and
//! serials come through `cert-generation`'s traits, questions through a callback), or know
//! anything about the shell.
//!
//! Tests: unit tests at the bottom of each module; `tests/main.rs` holds the operation tests
//! over an in-memory state (`operations`), the store-backed flow (`server`) and the openssl
//! interoperability tests (`openssl`).
//!
//! ```
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! use exchange_server::{
//!     CertificateQuery, Generators, Server, SetupOptions, SystemKeyGenerator, SystemRandomSource,
//! };
//! let now = time::macros::datetime!(2008-08-07 10:04:02 UTC);
//! let mut generators =
//!     Generators { keys: &mut SystemKeyGenerator, random: &mut SystemRandomSource };
//! // First use runs setup: the server and its default self-signed SMTP certificate.
//! let setup = SetupOptions::new("EXCH01.contoso.com");
//! let mut server = Server::open_in_memory(&setup, vec![], &mut generators, now)?;
//! let certificates = server.get_certificates(&CertificateQuery::default(), now)?;
//! assert_eq!(certificates[0].certificate.subject().to_string(), "CN=EXCH01");
//! assert_eq!(certificates[0].services.to_column_form(), "IP..S");
//! # Ok(())
//! # }
//! ```

#![warn(missing_docs)]

mod certificate_view;
mod crl_fetch;
mod domain_name;
mod error;
mod generate;
mod import_data;
mod model;
mod names;
mod operations;
mod persist;
mod request_file;
mod roles;
mod selection;
mod server;
mod services;
mod setup;
mod trust;
mod view;
mod warning;

/// The selection vocabulary of Resolve-ExchangeCertificate (re-exported from `cert-selection`).
pub use cert_selection::{Decision, Direction, Outcome, Partner, Reason, Verdict};
pub use certificate_view::ExchangeCertificate;
pub use crl_fetch::{
    FETCH_TIMEOUT, FetchAttempt, FetchCrlError, FetchedCrl, FetchingCrlSource, HttpCrlClient,
    MAX_CRL_BYTES, MAX_REDIRECTS, store_fetched,
};
pub use domain_name::{domain_matches, is_valid_domain_name, is_valid_host_name};
pub use error::{
    ConfigureServerError, EnableCertificateError, ExportCertificateError, GetCertificateError,
    ImportCertificateError, NewCertificateError, OpenServerError, RemoveCertificateError,
    UnusableReason,
};
pub use generate::Generators;
pub use import_data::{ImportData, decode_import_data, pkcs7_certificates_only};
pub use model::{
    AccessRule, Connector, ConnectorKind, Event, EventType, LoginType, NETWORK_SERVICE,
    PersonalEntry, Protocol, ProtocolSettings, RequestEntry, ServerConfig, ServerState,
    TrustedRoot,
};
pub use names::{
    CloneSource, DEFAULT_FRIENDLY_NAME, HostNames, NameInputs, NameWarning, ResolvedNames,
    resolve_names, subject_for_generation,
};
pub use operations::{
    ExportOptions, ExportedCertificate, NewCertificateOptions, NewCertificateOutcome,
    ReplaceSmtpAnswer, WriteRequestFile, enable_certificate, export_certificate,
    import_certificate, matches_any_domain, new_certificate, preview_names, remove_certificate,
    unusable_reason,
};
pub use request_file::{RequestEncoding, encode_request, request_base64, request_pem};
pub use roles::{ParseRoleError, ServerRole, roles_support};
pub use selection::{
    ControlServiceError, ExchangeService, LoggedEvent, Resolution, ResolveCertificateError,
    ResolveRequest, SelectionService, ServiceInfo, ServiceStatus, StartedService, event_of,
    resolve, selection_candidates, selection_context,
};
pub use server::{
    CertificateQuery, ConnectorChanges, ProtocolSettingsChanges, Server, ServerChanges,
};
pub use services::{ServiceFacts, ServiceState, derive_services};
pub use setup::{
    OS_CA_BUNDLE, SetupOptions, empty_server, local_fqdn, os_roots, setup_server, third_party_roots,
};
pub use trust::{ListTrustStoreError, RemoveTrustEntryError, TrustEntry, TrustLocation};

/// The PBKDF2 iteration count of exported PFX files.
pub const PFX_DEFAULT_ITERATIONS: u32 = cert_generation::PfxProtection::DEFAULT_ITERATIONS;

/// The key and randomness sources operations take (re-exported so the shell needs no direct
/// dependency on `cert-generation`).
pub use cert_generation::{KeyGenerator, RandomSource, SystemKeyGenerator, SystemRandomSource};
pub use warning::{OperationWarning, ReplaceSmtpCertificate};
