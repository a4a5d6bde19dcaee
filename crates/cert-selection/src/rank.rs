//! Ranking eligible certificates and writing every verdict.

use std::cmp::Ordering;

use crate::candidate::Candidate;
use crate::decision::{Preference, Reason, Verdict};
use cert_model::Thumbprint;

/// How one eligible certificate compares with another: `Less` means `a` is preferred, with
/// the rule that decided. `Equal` falls back to store order.
pub(crate) type Compare<'f> = &'f dyn Fn(&Candidate, &Candidate) -> (Ordering, Preference);

/// One examined certificate: store position, the candidate, eligible or why not.
pub(crate) struct Examined<'c> {
    pub(crate) candidate: &'c Candidate,
    pub(crate) eligibility: Result<(), Reason>,
}

/// Picks the best eligible certificate and turns every other eligible one into
/// [`Reason::Outranked`] naming the rule that separated it from the winner. Returns the
/// winner and the verdicts in examination (store) order.
pub(crate) fn rank(
    examined: Vec<Examined<'_>>,
    compare: Compare<'_>,
) -> (Option<Thumbprint>, Vec<(Thumbprint, Verdict)>) {
    // Ties keep the earlier certificate: a later one replaces the best only when strictly
    // preferred.
    let best = examined
        .iter()
        .filter(|entry| entry.eligibility.is_ok())
        .map(|entry| entry.candidate)
        .reduce(|current, next| {
            if compare(next, current).0 == Ordering::Less {
                next
            } else {
                current
            }
        });
    let verdicts = examined
        .into_iter()
        .map(|entry| {
            let verdict = match (entry.eligibility, best) {
                (Err(reason), _) => Verdict::Lost(reason),
                (Ok(()), Some(winner)) if !std::ptr::eq(winner, entry.candidate) => {
                    let (ordering, rule) = compare(winner, entry.candidate);
                    let rule = if ordering == Ordering::Equal {
                        Preference::StoreOrder
                    } else {
                        rule
                    };
                    Verdict::Lost(Reason::Outranked {
                        by: winner.thumbprint(),
                        rule,
                    })
                }
                // The eligible entry that `reduce` kept.
                (Ok(()), _) => Verdict::Winner,
            };
            (entry.candidate.thumbprint(), verdict)
        })
        .collect();
    (best.map(Candidate::thumbprint), verdicts)
}

/// Spec B-83 (seed §SMTP STARTTLS: "Exchange selects certificates issued by a trusted CA over
/// self-signed certificates", "Exchange selects the newest valid certificate"): CA-issued
/// first, then the newest NotBefore.
pub(crate) fn ca_issued_then_newest(a: &Candidate, b: &Candidate) -> (Ordering, Preference) {
    match b.is_ca_issued().cmp(&a.is_ca_issued()) {
        Ordering::Equal => newest_not_before(a, b),
        ordering => (ordering, Preference::CaIssuedOverSelfSigned),
    }
}

/// Spec B-86 (seed §POP3 and IMAP4 note, RTM): "Exchange 2007 selects the newest
/// certificate".
pub(crate) fn newest_not_before(a: &Candidate, b: &Candidate) -> (Ordering, Preference) {
    (
        b.certificate()
            .not_before()
            .cmp(&a.certificate().not_before()),
        Preference::NewerNotBefore,
    )
}
