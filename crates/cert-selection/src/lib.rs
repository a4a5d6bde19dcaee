//! Certificate selection: which certificate SMTP STARTTLS, SMTP X-AnonymousTLS, POP3, IMAP4,
//! Unified Messaging or IIS would use for a connection, and why every other certificate lost
//! (seed §Certificate Selection, §SMTP X-AnonymousTLS, §Unified Messaging, §IIS;
//! spec/cmdlets.md §5.6–§5.8).
//!
//! Everything here is a pure function of the personal store's certificates prepared as
//! [`Candidate`]s (certificate, `cert-validation` result, private-key state), the server
//! configuration ([`SelectionContext`]) and an instant. A decision ([`Decision`]) carries the
//! [`Outcome`] (a certificate, or: not advertised, temporary key, session fails, create a
//! self-signed certificate, none), every examined certificate with its [`Verdict`], and the
//! [`EventSpec`]s the caller should log. One function per seed rule lives in `rules.rs`.
//! [`CandidateIndex`] indexes a large store by domain; [`SelectionCache`] rebuilds it when
//! the store or the day changes.
//!
//! It does not validate chains (the caller passes `cert-validation` results), read the store,
//! the clock or a random source, create certificates or temporary keys (the outcome says so
//! and the caller does it), or write the event log.
//!
//! Tests: unit tests at the bottom of `domain.rs`; the spec statements B-77, B-80 to B-104 in
//! `tests/main.rs` with certificates made by `cert-generation` and `cert-testkit`; a criterion
//! benchmark over 10,000 certificates in `benches/select.rs` (figure in `benches/README.md`).
//! The rules, with seed citations, are explained in `docs/selection.md`.
//!
//! ```
//! use cert_selection::{Connector, Direction, Outcome, SelectionContext, select_smtp_starttls};
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let context = SelectionContext {
//!     physical_fqdn: "exch01.contoso.com".into(),
//!     ..SelectionContext::default()
//! };
//! let connector = Connector { direction: Direction::Inbound, name: "Default EXCH01", fqdn: None };
//! let now = time::macros::datetime!(2008-08-07 10:04:02 UTC);
//! let decision = select_smtp_starttls(&[], &context, connector, now);
//! assert_eq!(decision.outcome, Outcome::NotAdvertised);
//! assert_eq!(decision.events[0].id, 12014);
//! # Ok(())
//! # }
//! ```

#![warn(missing_docs)]

mod anonymous;
mod candidate;
mod context;
mod decision;
mod domain;
mod iis;
mod index;
mod rank;
mod rules;
mod smtp;
mod um;

pub use anonymous::select_anonymous_tls;
pub use candidate::{Candidate, PrivateKeyState};
pub use context::{
    Connector, Direction, Mode, Partner, Protocol, Roles, SelectionContext, UmStartupMode,
};
pub use decision::{Decision, EntryType, EventSpec, Outcome, Preference, Reason, Service, Verdict};
pub use domain::{DomainMatch, match_domain, normalise_domain};
pub use iis::select_iis;
pub use index::{CandidateIndex, SelectionCache};
pub use smtp::{TRANSPORT_SOURCE, select_pop_imap, select_smtp_starttls, starttls_fqdn};
pub use um::{
    UM_CERTIFICATE_EXPIRED, UM_CERTIFICATE_EXPIRES_SOON, UM_CERTIFICATE_IN_USE,
    UM_CREATES_SELF_SIGNED, UM_SOURCE, one_month_before, select_um, um_certificate_in_use_event,
    um_expiry_event,
};
