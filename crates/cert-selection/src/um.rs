//! Unified Messaging in Secured mode (seed §Unified Messaging, §Microsoft Exchange Unified
//! Messaging Service; spec §5.8, B-77, B-100 to B-104).

use std::cmp::Ordering;

use cert_model::Certificate;
use time::{Date, Duration, OffsetDateTime};

use crate::candidate::Candidate;
use crate::context::{Roles, SelectionContext, UmStartupMode};
use crate::decision::{Decision, EntryType, EventSpec, Outcome, Preference, Service};
use crate::domain::normalise_domain;
use crate::rank::{Examined, rank};
use crate::rules::{Wildcards, domain_matches_fqdn, valid_for_internal_use};

/// The event source of the UM service.
pub const UM_SOURCE: &str = "MSExchange Unified Messaging";
/// Event id: UM started in Secured mode with a certificate (spec B-102). Chosen by certsh;
/// Exchange's id is unconfirmed.
pub const UM_CERTIFICATE_IN_USE: u32 = 1150;
/// Event id: the UM certificate expires within a month (spec B-103). Chosen by certsh.
pub const UM_CERTIFICATE_EXPIRES_SOON: u32 = 1151;
/// Event id: the UM certificate has expired (spec B-103). Chosen by certsh.
pub const UM_CERTIFICATE_EXPIRED: u32 = 1152;
/// Event id: no certificate qualified, UM creates a self-signed one (spec B-100). Chosen by
/// certsh.
pub const UM_CREATES_SELF_SIGNED: u32 = 1153;

/// Seed §Unified Messaging: the certificate UM uses when it starts. Unsecured mode needs none
/// (spec B-101); without the UM role there is no UM service (spec B-77). Otherwise every
/// certificate is examined: it must contain the physical FQDN (spec B-77; wildcards as in
/// SP1, spec B-88) and be valid for TLS (spec B-82), where an expired self-signed
/// certificate still counts (spec §1.3). Preference (spec B-104): PKI or public with the
/// longest time left, then shorter; then self-signed longest, then shortest; an expired
/// self-signed certificate last. None qualifies → [`Outcome::CreateSelfSigned`].
///
/// Events: [`UM_CERTIFICATE_IN_USE`] naming Issuer, Serial Number and Thumbprint when a
/// certificate is selected (spec B-102), [`UM_CREATES_SELF_SIGNED`] otherwise. The expiry
/// events are [`um_expiry_event`]'s.
pub fn select_um(
    candidates: &[Candidate],
    context: &SelectionContext,
    now: OffsetDateTime,
) -> Decision {
    um_decision(candidates, context, now, 0)
}

pub(crate) fn um_decision<'c>(
    candidates: impl IntoIterator<Item = &'c Candidate>,
    context: &SelectionContext,
    now: OffsetDateTime,
    skipped_by_index: usize,
) -> Decision {
    let fqdn = normalise_domain(&context.physical_fqdn);
    let early = if !context.roles.contains(Roles::UNIFIED_MESSAGING) {
        Some(Outcome::RoleNotInstalled)
    } else if context.um_startup_mode == UmStartupMode::Unsecured {
        Some(Outcome::NoCertificateNeeded)
    } else {
        None
    };
    if let Some(outcome) = early {
        return Decision {
            service: Service::UnifiedMessaging,
            fqdn: Some(fqdn),
            outcome,
            candidates: Vec::new(),
            skipped_by_index: 0,
            events: Vec::new(),
        };
    }
    let list: Vec<&Candidate> = candidates.into_iter().collect();
    let examined = list
        .iter()
        .map(|candidate| Examined {
            candidate,
            eligibility: domain_matches_fqdn(candidate, &fqdn, Wildcards::Allowed)
                .and_then(|()| valid_for_internal_use(candidate, now).map(|_expired| ())),
        })
        .collect();
    let compare = |a: &Candidate, b: &Candidate| um_preference(a, b, now);
    let (winner, verdicts) = rank(examined, &compare);
    let winner = winner.and_then(|thumbprint| list.iter().find(|c| c.thumbprint() == thumbprint));
    let (outcome, events) = match winner {
        Some(candidate) => (
            Outcome::Selected(candidate.thumbprint()),
            vec![um_certificate_in_use_event(candidate.certificate())],
        ),
        None => (
            Outcome::CreateSelfSigned,
            vec![creates_self_signed_event(&fqdn)],
        ),
    };
    Decision {
        service: Service::UnifiedMessaging,
        fqdn: Some(fqdn),
        outcome,
        candidates: verdicts,
        skipped_by_index,
        events,
    }
}

/// The tier of spec B-104: 0 PKI/public, 1 self-signed, 2 expired self-signed (spec §1.3).
fn um_tier(candidate: &Candidate, now: OffsetDateTime) -> u8 {
    if now > candidate.certificate().not_after() {
        2
    } else if candidate.is_ca_issued() {
        0
    } else {
        1
    }
}

/// Spec B-104 (seed §Unified Messaging, the four-item preference list): tier first, then the
/// longest time remaining before NotAfter.
fn um_preference(a: &Candidate, b: &Candidate, now: OffsetDateTime) -> (Ordering, Preference) {
    let (tier_a, tier_b) = (um_tier(a, now), um_tier(b, now));
    if tier_a != tier_b {
        let rule = if tier_a == 2 || tier_b == 2 {
            Preference::NotExpired
        } else {
            Preference::PkiOverSelfSigned
        };
        return (tier_a.cmp(&tier_b), rule);
    }
    (
        b.certificate()
            .not_after()
            .cmp(&a.certificate().not_after()),
        Preference::LongerRemainingValidity,
    )
}

/// Spec B-102 (seed §Unified Messaging: "Issuer Name, Serial Number, Thumbprint"): the event
/// UM logs when it starts with `certificate` or the certificate changes.
pub fn um_certificate_in_use_event(certificate: &Certificate) -> EventSpec {
    EventSpec {
        source: UM_SOURCE,
        id: UM_CERTIFICATE_IN_USE,
        entry_type: EntryType::Information,
        message: format!(
            "The Microsoft Exchange Unified Messaging service started in Secured mode with the \
             certificate: Issuer Name: {}, Serial Number: {}, Thumbprint: {}.",
            certificate.issuer(),
            certificate.serial_number(),
            certificate.thumbprint()
        ),
    }
}

fn creates_self_signed_event(fqdn: &str) -> EventSpec {
    EventSpec {
        source: UM_SOURCE,
        id: UM_CREATES_SELF_SIGNED,
        entry_type: EntryType::Information,
        message: format!(
            "The Microsoft Exchange Unified Messaging service found no valid certificate for \
             {fqdn} in the personal store and is creating a self-signed certificate to start \
             in Secured mode."
        ),
    }
}

/// The same instant one calendar month earlier; a day that the earlier month lacks (31 March
/// → February) becomes that month's last day.
pub fn one_month_before(instant: OffsetDateTime) -> OffsetDateTime {
    let (year, month) = match instant.month() {
        time::Month::January => (instant.year() - 1, time::Month::December),
        month => (instant.year(), month.previous()),
    };
    let last_day = time::util::days_in_month(month, year);
    let day = instant.day().min(last_day);
    Date::from_calendar_date(year, month, day)
        .map(|date| instant.replace_date(date))
        .unwrap_or(instant - Duration::days(30))
}

/// Spec B-103 (seed §Unified Messaging: "logs an event one month before the certificate that
/// is being used expires … each day until the certificate expires and each day after"): the
/// event due at `now` for the certificate in use, given the UTC day an expiry event was last
/// logged (the caller stores it). At most one per UTC day; days when nothing asked are not
/// made up afterwards. `None` before the one-month window or when today's event is logged.
pub fn um_expiry_event(
    certificate: &Certificate,
    now: OffsetDateTime,
    last_logged: Option<Date>,
) -> Option<EventSpec> {
    let today = now.to_offset(time::UtcOffset::UTC).date();
    if now < one_month_before(certificate.not_after()) || last_logged == Some(today) {
        return None;
    }
    let thumbprint = certificate.thumbprint();
    let not_after = cert_model::format_date(certificate.not_after());
    Some(if now <= certificate.not_after() {
        let days = (certificate.not_after() - now).whole_days();
        EventSpec {
            source: UM_SOURCE,
            id: UM_CERTIFICATE_EXPIRES_SOON,
            entry_type: EntryType::Warning,
            message: format!(
                "The certificate with thumbprint {thumbprint} that the Microsoft Exchange \
                 Unified Messaging service uses will expire on {not_after} ({days} days \
                 remaining). Create or install a new certificate."
            ),
        }
    } else {
        EventSpec {
            source: UM_SOURCE,
            id: UM_CERTIFICATE_EXPIRED,
            entry_type: EntryType::Error,
            message: format!(
                "The certificate with thumbprint {thumbprint} that the Microsoft Exchange \
                 Unified Messaging service uses expired on {not_after}. Create or install a new \
                 certificate."
            ),
        }
    })
}
