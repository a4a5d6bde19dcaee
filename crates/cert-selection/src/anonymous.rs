//! SMTP X-AnonymousTLS between Hub Transport servers and between Hub and Edge (seed §SMTP
//! X-AnonymousTLS; spec §5.7, B-90 to B-94).

use std::cmp::Ordering;

use cert_model::Thumbprint;
use time::OffsetDateTime;

use crate::candidate::Candidate;
use crate::context::{Mode, Partner, SelectionContext};
use crate::decision::{
    Decision, EntryType, EventSpec, Outcome, Preference, Reason, Service, Verdict,
};
use crate::rank::{Examined, newest_not_before, rank};
use crate::rules::{valid_for_internal_use, valid_for_tls};
use crate::smtp::TRANSPORT_SOURCE;

/// Seed §SMTP X-AnonymousTLS: "Exchange searches for an internal transport certificate. If a
/// valid internal transport certificate cannot be found, Exchange searches for a valid CA
/// certificate." Hub-to-Hub without either uses a temporary key in SP1 (spec B-91, B-92) and
/// logs an event; Hub-to-Edge accepts only the internal transport certificate and otherwise
/// fails with an error event (spec B-94). In [`Mode::Rtm`] there is no temporary key, so
/// Hub-to-Hub without a certificate does not advertise X-AnonymousTLS.
///
/// An expired self-signed internal transport certificate is still used, with event 12015
/// (seed §Internal Components; spec §1.3, B-04). Every certificate is examined.
pub fn select_anonymous_tls(
    candidates: &[Candidate],
    context: &SelectionContext,
    partner: Partner,
    now: OffsetDateTime,
) -> Decision {
    let configured = context.internal_transport_certificate;
    let internal =
        configured.and_then(|thumbprint| candidates.iter().find(|c| c.thumbprint() == thumbprint));
    let service = Service::SmtpAnonymousTls(partner);
    let internal_result = internal.map(|candidate| valid_for_internal_use(candidate, now));

    if let (Some(winner), Some(Ok(expired))) = (internal, &internal_result) {
        let verdicts = candidates
            .iter()
            .map(|candidate| {
                let verdict = if std::ptr::eq(candidate, winner) {
                    Verdict::Winner
                } else {
                    Verdict::Lost(Reason::Outranked {
                        by: winner.thumbprint(),
                        rule: Preference::InternalTransportFirst,
                    })
                };
                (candidate.thumbprint(), verdict)
            })
            .collect();
        let events = if *expired {
            vec![internal_transport_certificate_expired_event(
                winner.thumbprint(),
            )]
        } else {
            Vec::new()
        };
        return Decision {
            service,
            fqdn: None,
            outcome: Outcome::Selected(winner.thumbprint()),
            candidates: verdicts,
            skipped_by_index: 0,
            events,
        };
    }

    let internal_reason = |candidate: &Candidate| -> Option<Reason> {
        match (internal, &internal_result) {
            (Some(internal), Some(Err(reason))) if std::ptr::eq(internal, candidate) => {
                Some(reason.clone())
            }
            _ => None,
        }
    };

    let (winner, verdicts) = match partner {
        // Spec B-94: the Edge trusts only the internal transport certificate it received
        // through EdgeSync, so there is no CA fallback.
        Partner::HubToEdge => {
            let verdicts = candidates
                .iter()
                .map(|candidate| {
                    let reason = internal_reason(candidate).unwrap_or(Reason::NotInternalTransport);
                    (candidate.thumbprint(), Verdict::Lost(reason))
                })
                .collect();
            (None, verdicts)
        }
        Partner::HubToHub => {
            let examined = candidates
                .iter()
                .map(|candidate| Examined {
                    candidate,
                    eligibility: match internal_reason(candidate) {
                        Some(reason) => Err(reason),
                        None => valid_ca_certificate(candidate, now),
                    },
                })
                .collect();
            rank(examined, &newest_ca_certificate)
        }
    };

    let (outcome, events) = match (winner, partner, context.mode) {
        (Some(thumbprint), _, _) => (Outcome::Selected(thumbprint), Vec::new()),
        (None, Partner::HubToHub, Mode::Sp1) => {
            (Outcome::TemporaryKey, vec![temporary_key_event(configured)])
        }
        (None, Partner::HubToHub, Mode::Rtm) => (
            Outcome::NotAdvertised,
            vec![internal_transport_certificate_missing_event(configured)],
        ),
        (None, Partner::HubToEdge, _) => (
            Outcome::SessionFails,
            vec![internal_transport_certificate_missing_event(configured)],
        ),
    };
    Decision {
        service,
        fqdn: None,
        outcome,
        candidates: verdicts,
        skipped_by_index: 0,
        events,
    }
}

/// Seed §SMTP X-AnonymousTLS: "a valid CA certificate": valid for TLS (spec B-82) and issued
/// by a trusted CA. There is no FQDN in an X-AnonymousTLS exchange, so no name is matched.
fn valid_ca_certificate(candidate: &Candidate, now: OffsetDateTime) -> Result<(), Reason> {
    valid_for_tls(candidate, now)?;
    if candidate.is_ca_issued() {
        Ok(())
    } else {
        Err(Reason::NotCaIssued)
    }
}

/// Among valid CA certificates the newest NotBefore wins, as for STARTTLS (spec B-83).
fn newest_ca_certificate(a: &Candidate, b: &Candidate) -> (Ordering, Preference) {
    newest_not_before(a, b)
}

fn thumbprint_text(configured: Option<Thumbprint>) -> String {
    configured.map_or_else(|| "(none)".to_owned(), |thumbprint| thumbprint.to_string())
}

/// MSExchangeTransport 12015 `InternalTransportCertificateExpired` (Information).
fn internal_transport_certificate_expired_event(thumbprint: Thumbprint) -> EventSpec {
    EventSpec {
        source: TRANSPORT_SOURCE,
        id: 12015,
        entry_type: EntryType::Information,
        message: format!("An internal transport certificate expired. Thumbprint:{thumbprint}"),
    }
}

/// MSExchangeTransport 12013 `CannotLoadInternalTransportCertificateFromStore` (Error).
fn internal_transport_certificate_missing_event(configured: Option<Thumbprint>) -> EventSpec {
    let thumbprint = thumbprint_text(configured);
    EventSpec {
        source: TRANSPORT_SOURCE,
        id: 12013,
        entry_type: EntryType::Error,
        message: format!(
            "Microsoft Exchange could not load the certificate with thumbprint of {thumbprint} \
             from the personal store on the local computer. This certificate was configured for \
             authentication with other Exchange servers. Mail flow to other Exchange servers \
             could be affected by this error. If the certificate with this thumbprint still \
             exists in the personal store, run Enable-ExchangeCertificate {thumbprint} -Services \
             SMTP to resolve the issue. If the certificate does not exist in the personal store, \
             restore it from backup by using the Import-ExchangeCertificate cmdlet, or create a \
             new certificate by running New-ExchangeCertificate without arguments."
        ),
    }
}

/// MSExchangeTransport 12024 `CannotLoadInternalTransportCertificateFallbackEphemeralCertificate`
/// (Information; the id is Exchange 2010's, the 2007 SP1 id is unconfirmed).
fn temporary_key_event(configured: Option<Thumbprint>) -> EventSpec {
    let thumbprint = thumbprint_text(configured);
    EventSpec {
        source: TRANSPORT_SOURCE,
        id: 12024,
        entry_type: EntryType::Information,
        message: format!(
            "Microsoft Exchange could not load the certificate with thumbprint of {thumbprint} \
             from the personal store on the local computer. This certificate was configured for \
             authentication with other Exchange servers. Run New-ExchangeCertificate without \
             arguments on this computer to create a new internal transport certificate. \
             Meanwhile, a temporary encryption key is being used."
        ),
    }
}
