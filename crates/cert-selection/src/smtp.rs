//! SMTP STARTTLS and POP3/IMAP4: the FQDN-driven selections of seed §Certificate Selection
//! (spec §5.6, B-80 to B-88).

use time::OffsetDateTime;

use crate::candidate::Candidate;
use crate::context::{Connector, Mode, Protocol, SelectionContext};
use crate::decision::{Decision, EntryType, EventSpec, Outcome, Reason, Service, Verdict};
use crate::domain::normalise_domain;
use crate::rank::{Compare, Examined, ca_issued_then_newest, newest_not_before, rank};
use crate::rules::{Wildcards, domain_matches_fqdn, valid_for_tls};

/// The event source of the transport service.
pub const TRANSPORT_SOURCE: &str = "MSExchangeTransport";

/// Spec B-81 (seed §SMTP STARTTLS and its note): the connector's `Fqdn`, or the physical FQDN
/// of the server when the connector has none.
pub fn starttls_fqdn(connector: Connector<'_>, context: &SelectionContext) -> String {
    match connector.fqdn.map(str::trim) {
        Some(fqdn) if !fqdn.is_empty() => fqdn.to_owned(),
        _ => context.physical_fqdn.clone(),
    }
}

/// The rules a FQDN-driven service applies, per seed §POP3 and IMAP4.
pub(crate) struct FqdnRules<'f> {
    pub(crate) wildcards: Wildcards,
    pub(crate) compare: Compare<'f>,
}

/// Spec B-85 to B-87: SP1 POP3/IMAP4 use the STARTTLS rules; RTM picks the newest with no CA
/// preference and no wildcards.
pub(crate) fn pop_imap_rules(mode: Mode) -> FqdnRules<'static> {
    match mode {
        Mode::Sp1 => FqdnRules {
            wildcards: Wildcards::Allowed,
            compare: &ca_issued_then_newest,
        },
        Mode::Rtm => FqdnRules {
            wildcards: Wildcards::NotSupported,
            compare: &newest_not_before,
        },
    }
}

/// Spec B-82, B-83: STARTTLS rules (in both modes; only POP3/IMAP4 differ in RTM).
pub(crate) fn starttls_rules() -> FqdnRules<'static> {
    FqdnRules {
        wildcards: Wildcards::Allowed,
        compare: &ca_issued_then_newest,
    }
}

/// Examines `candidates` against `fqdn` (normalised) and ranks the eligible ones.
pub(crate) fn examine_for_fqdn<'c>(
    candidates: impl IntoIterator<Item = &'c Candidate>,
    fqdn: &str,
    rules: &FqdnRules<'_>,
    now: OffsetDateTime,
) -> (
    Option<cert_model::Thumbprint>,
    Vec<(cert_model::Thumbprint, Verdict)>,
) {
    let examined = candidates
        .into_iter()
        .map(|candidate| Examined {
            candidate,
            eligibility: domain_matches_fqdn(candidate, fqdn, rules.wildcards)
                .and_then(|()| valid_for_tls(candidate, now)),
        })
        .collect();
    rank(examined, rules.compare)
}

/// Seed §SMTP STARTTLS: which certificate a Receive (inbound) or Send (outbound) connector
/// presents, or [`Outcome::NotAdvertised`] when none qualifies (spec B-80 to B-84). Every
/// certificate in `candidates` (the personal store, in store order) is examined.
///
/// Events: 12014 (Warning) when no certificate qualifies, plus 12016 (Error) when a
/// certificate for the FQDN exists but has expired.
pub fn select_smtp_starttls(
    candidates: &[Candidate],
    context: &SelectionContext,
    connector: Connector<'_>,
    now: OffsetDateTime,
) -> Decision {
    starttls_decision(candidates, context, connector, now, 0)
}

pub(crate) fn starttls_decision<'c>(
    candidates: impl IntoIterator<Item = &'c Candidate>,
    context: &SelectionContext,
    connector: Connector<'_>,
    now: OffsetDateTime,
    skipped_by_index: usize,
) -> Decision {
    let fqdn = normalise_domain(&starttls_fqdn(connector, context));
    let (winner, verdicts) = examine_for_fqdn(candidates, &fqdn, &starttls_rules(), now);
    let mut events = Vec::new();
    let outcome = match winner {
        Some(thumbprint) => Outcome::Selected(thumbprint),
        None => {
            events.push(starttls_certificate_not_found_event(&fqdn, connector.name));
            if verdicts.iter().any(|(_, verdict)| is_expired(verdict)) {
                events.push(starttls_certificate_expired_event(&fqdn));
            }
            Outcome::NotAdvertised
        }
    };
    Decision {
        service: Service::SmtpStartTls(connector.direction),
        fqdn: Some(fqdn),
        outcome,
        candidates: verdicts,
        skipped_by_index,
        events,
    }
}

fn is_expired(verdict: &Verdict) -> bool {
    matches!(
        verdict,
        Verdict::Lost(Reason::Expired { .. })
            | Verdict::Lost(Reason::NotValid {
                status: cert_model::Status::DateInvalid
            })
    )
}

/// MSExchangeTransport 12014 (Exchange 2007: Warning; "How to Troubleshoot STARTTLS
/// Certificate Error 12014").
fn starttls_certificate_not_found_event(fqdn: &str, connector: &str) -> EventSpec {
    EventSpec {
        source: TRANSPORT_SOURCE,
        id: 12014,
        entry_type: EntryType::Warning,
        message: format!(
            "Microsoft Exchange could not find a certificate that contains the domain name \
             {fqdn} in the personal store on the local computer. Therefore, it is unable to \
             support the STARTTLS SMTP verb for the connector {connector} with a FQDN parameter \
             of {fqdn}. If the connector's FQDN is not specified, the computer's FQDN is used. \
             Verify the connector configuration and the installed certificates to make sure \
             that there is a certificate with a domain name for that FQDN. If this certificate \
             exists, run Enable-ExchangeCertificate -Services SMTP to make sure that the \
             Microsoft Exchange Transport service has access to the certificate key."
        ),
    }
}

/// MSExchangeTransport 12016 `STARTTLSCertificateExpired` (Error).
fn starttls_certificate_expired_event(fqdn: &str) -> EventSpec {
    EventSpec {
        source: TRANSPORT_SOURCE,
        id: 12016,
        entry_type: EntryType::Error,
        message: format!(
            "There is no valid SMTP Transport Layer Security (TLS) certificate for the FQDN of \
             {fqdn}. The existing certificate for that FQDN has expired. The continued use of \
             that FQDN will cause mail flow problems. A new certificate that contains the FQDN \
             of {fqdn} should be installed on this server as soon as possible. You can create a \
             new certificate by using the New-ExchangeCertificate task."
        ),
    }
}

/// Seed §POP3 and IMAP4: the certificate POP3 or IMAP4 uses for TLS/SSL, found by the
/// `X509CertificateName` of the protocol's settings (spec B-85). SP1 applies the STARTTLS
/// rules; [`Mode::Rtm`] picks the newest certificate with no CA preference and ignores
/// wildcard domains (spec B-86, B-87). [`Outcome::None`] when nothing qualifies. No events
/// (the seed names none).
pub fn select_pop_imap(
    candidates: &[Candidate],
    context: &SelectionContext,
    protocol: Protocol,
    x509_certificate_name: &str,
    now: OffsetDateTime,
) -> Decision {
    pop_imap_decision(candidates, context, protocol, x509_certificate_name, now, 0)
}

pub(crate) fn pop_imap_decision<'c>(
    candidates: impl IntoIterator<Item = &'c Candidate>,
    context: &SelectionContext,
    protocol: Protocol,
    x509_certificate_name: &str,
    now: OffsetDateTime,
    skipped_by_index: usize,
) -> Decision {
    let fqdn = normalise_domain(x509_certificate_name);
    let (winner, verdicts) =
        examine_for_fqdn(candidates, &fqdn, &pop_imap_rules(context.mode), now);
    Decision {
        service: Service::PopImap(protocol),
        fqdn: Some(fqdn),
        outcome: winner.map_or(Outcome::None, Outcome::Selected),
        candidates: verdicts,
        skipped_by_index,
        events: Vec::new(),
    }
}
