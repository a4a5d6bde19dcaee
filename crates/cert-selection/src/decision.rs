//! The answer of a selection: the outcome, every examined certificate with its verdict, and
//! the events the caller should log (style.md §3 "a failed check is an answer").

use std::fmt;

use cert_model::{Status, Thumbprint};
use time::OffsetDateTime;

use crate::context::{Direction, Partner, Protocol};

/// The service a decision was made for.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Service {
    /// SMTP STARTTLS on a connector (seed §SMTP STARTTLS).
    SmtpStartTls(Direction),
    /// SMTP X-AnonymousTLS with a partner server (seed §SMTP X-AnonymousTLS).
    SmtpAnonymousTls(Partner),
    /// POP3 or IMAP4 (seed §POP3 and IMAP4).
    PopImap(Protocol),
    /// Unified Messaging in Secured mode (seed §Unified Messaging).
    UnifiedMessaging,
    /// IIS, the default web site (seed §IIS).
    Iis,
}

/// What the service does.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Outcome {
    /// This certificate is used.
    Selected(Thumbprint),
    /// No certificate: STARTTLS (or X-AnonymousTLS in RTM mode) is not advertised
    /// (spec B-84).
    NotAdvertised,
    /// No certificate: the session is encrypted with a temporary key (spec B-91, B-92).
    TemporaryKey,
    /// No certificate: the session fails (spec B-94).
    SessionFails,
    /// No certificate: UM creates a self-signed certificate and starts with it (spec B-100).
    CreateSelfSigned,
    /// UM in Unsecured mode needs no certificate (spec B-101).
    NoCertificateNeeded,
    /// The role that runs this service is not installed (spec B-77 for UM).
    RoleNotInstalled,
    /// No certificate, and the service has no fallback (POP3/IMAP4 without TLS, IIS without
    /// a binding).
    None,
}

/// Which preference rule decided between two eligible certificates.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum Preference {
    /// A certificate issued by a trusted CA beats a self-signed one (spec B-83).
    CaIssuedOverSelfSigned,
    /// The newest NotBefore wins (spec B-83, B-86).
    NewerNotBefore,
    /// The configured internal transport certificate comes first (spec B-90).
    InternalTransportFirst,
    /// UM: a PKI or public certificate beats a self-signed one (spec B-104).
    PkiOverSelfSigned,
    /// UM: the longest time remaining before NotAfter wins (spec B-104).
    LongerRemainingValidity,
    /// UM: a certificate inside its validity window beats an expired self-signed one
    /// (spec §1.3 internal exception).
    NotExpired,
    /// Equal on every rule: the earlier in the personal store wins.
    StoreOrder,
}

impl fmt::Display for Preference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Preference::CaIssuedOverSelfSigned => "a ca-issued certificate beats a self-signed one",
            Preference::NewerNotBefore => "a newer notbefore wins",
            Preference::InternalTransportFirst => "the internal transport certificate comes first",
            Preference::PkiOverSelfSigned => "a pki or public certificate beats a self-signed one",
            Preference::LongerRemainingValidity => "a longer time before expiry wins",
            Preference::NotExpired => "a certificate in its validity window beats an expired one",
            Preference::StoreOrder => "equal on every rule, the earlier in the store wins",
        })
    }
}

/// Why a certificate was not used.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub enum Reason {
    /// No CertificateDomains entry matches the FQDN (spec B-07, B-82).
    DomainMismatch {
        /// The FQDN looked for.
        fqdn: String,
    },
    /// Only a wildcard domain matches, and RTM POP3/IMAP4 do not support wildcards
    /// (spec B-87).
    WildcardNotSupported {
        /// The FQDN looked for.
        fqdn: String,
    },
    /// The EKU extension is present without Server Authentication (spec B-82).
    NoServerAuthentication,
    /// The public key is not RSA (spec B-82).
    NotRsa,
    /// The RSA key is shorter than 1024 bits (spec B-82).
    KeyTooShort {
        /// The key size.
        bits: u32,
    },
    /// The chain does not validate (Status not Valid, spec B-36, B-82).
    NotValid {
        /// The certificate's Status.
        status: Status,
    },
    /// The chain did not pass the revocation check: the CRL could not be reached (Status
    /// Unknown, spec B-55).
    RevocationCheckFailed,
    /// A CRL lists the certificate or its chain (Status Revoked, spec B-82).
    Revoked,
    /// Now is after NotAfter.
    Expired {
        /// NotAfter.
        not_after: OffsetDateTime,
    },
    /// Now is before NotBefore.
    NotYetValid {
        /// NotBefore.
        not_before: OffsetDateTime,
    },
    /// No private key (spec B-39).
    NoPrivateKey,
    /// The private key is on a removable device (spec B-82).
    KeyOnRemovableDevice,
    /// The private key is protected with a password (spec B-82).
    KeyPasswordProtected,
    /// X-AnonymousTLS falls back to CA certificates only; this one is self-signed
    /// (spec B-90).
    NotCaIssued,
    /// Hub-to-Edge accepts only the internal transport certificate (spec B-94).
    NotInternalTransport,
    /// IIS uses only the certificate bound to the default web site (spec B-75).
    NotBoundToDefaultWebSite,
    /// Eligible, but another certificate won by `rule`.
    Outranked {
        /// The winner.
        by: Thumbprint,
        /// The rule that decided.
        rule: Preference,
    },
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::DomainMismatch { fqdn } => {
                write!(f, "no certificate domain matches {fqdn}")
            }
            Reason::WildcardNotSupported { fqdn } => write!(
                f,
                "only a wildcard domain matches {fqdn}, and rtm pop3/imap4 do not support wildcards"
            ),
            Reason::NoServerAuthentication => {
                f.write_str("the enhanced key usage does not include server authentication")
            }
            Reason::NotRsa => f.write_str("the public key is not rsa"),
            Reason::KeyTooShort { bits } => {
                write!(f, "the rsa key has {bits} bits, fewer than 1024")
            }
            Reason::NotValid { status } => write!(f, "the status is {status}, not Valid"),
            Reason::RevocationCheckFailed => {
                f.write_str("the revocation check could not be completed (status Unknown)")
            }
            Reason::Revoked => f.write_str("the certificate or its chain is revoked"),
            Reason::Expired { not_after } => write!(
                f,
                "the certificate expired on {}",
                cert_model::format_date(*not_after)
            ),
            Reason::NotYetValid { not_before } => write!(
                f,
                "the certificate is not valid before {}",
                cert_model::format_date(*not_before)
            ),
            Reason::NoPrivateKey => f.write_str("there is no private key"),
            Reason::KeyOnRemovableDevice => f.write_str("the private key is on a removable device"),
            Reason::KeyPasswordProtected => {
                f.write_str("the private key is protected with a password")
            }
            Reason::NotCaIssued => f.write_str("the fallback accepts only ca-issued certificates"),
            Reason::NotInternalTransport => {
                f.write_str("hub-to-edge sessions use only the internal transport certificate")
            }
            Reason::NotBoundToDefaultWebSite => {
                f.write_str("not the certificate bound to the default web site")
            }
            Reason::Outranked { by, rule } => write!(f, "{by} was preferred: {rule}"),
        }
    }
}

/// The verdict on one examined certificate.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub enum Verdict {
    /// This certificate is used.
    Winner,
    /// This certificate was not used, for this reason.
    Lost(Reason),
}

/// The type of an event-log entry.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
pub enum EntryType {
    /// Information.
    Information,
    /// Warning.
    Warning,
    /// Error.
    Error,
}

/// An Application event-log entry the caller should write.
#[derive(Clone, PartialEq, Eq, Hash, Debug)]
pub struct EventSpec {
    /// The event source (`MSExchangeTransport`, `MSExchange Unified Messaging`).
    pub source: &'static str,
    /// The event id.
    pub id: u32,
    /// Information, Warning or Error.
    pub entry_type: EntryType,
    /// The message text.
    pub message: String,
}

/// The answer to "which certificate would this service use, and why not the others".
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Decision {
    /// The service.
    pub service: Service,
    /// The FQDN the certificate was matched against, for services that match one.
    pub fqdn: Option<String>,
    /// What the service does.
    pub outcome: Outcome,
    /// Every examined certificate, in personal-store order, with its verdict.
    pub candidates: Vec<(Thumbprint, Verdict)>,
    /// Certificates a [`crate::CandidateIndex`] skipped without examining because none of
    /// their domains can match the FQDN (each would be [`Reason::DomainMismatch`]); always 0
    /// for the slice functions.
    pub skipped_by_index: usize,
    /// Events to log, in order.
    pub events: Vec<EventSpec>,
}

impl Decision {
    /// The selected certificate, if any.
    pub fn winner(&self) -> Option<Thumbprint> {
        match self.outcome {
            Outcome::Selected(thumbprint) => Some(thumbprint),
            _ => None,
        }
    }

    /// The verdict on `thumbprint`, when it was examined.
    pub fn verdict(&self, thumbprint: Thumbprint) -> Option<&Verdict> {
        self.candidates
            .iter()
            .find(|(candidate, _)| *candidate == thumbprint)
            .map(|(_, verdict)| verdict)
    }
}
