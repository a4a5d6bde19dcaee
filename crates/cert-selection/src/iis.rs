//! IIS: the certificate bound to the default web site (seed §IIS; spec B-75).

use time::OffsetDateTime;

use crate::candidate::Candidate;
use crate::context::SelectionContext;
use crate::decision::{Decision, Outcome, Reason, Service, Verdict};
use crate::rules::{
    chain_valid_and_not_revoked, private_key_present_and_usable, within_validity_window,
};

/// Seed §IIS: "the default IIS Web site is updated to use this specific certificate". IIS
/// uses the bound certificate, subject to spec B-36 (a certificate whose Status is not Valid
/// is used by no service) and a usable private key; there is no search and no FQDN.
/// [`Outcome::None`] when nothing is bound or the bound certificate is unusable.
pub fn select_iis(
    candidates: &[Candidate],
    context: &SelectionContext,
    now: OffsetDateTime,
) -> Decision {
    let mut outcome = Outcome::None;
    let verdicts = candidates
        .iter()
        .map(|candidate| {
            let verdict = if context.iis_certificate == Some(candidate.thumbprint()) {
                match bound_certificate_usable(candidate, now) {
                    Ok(()) if outcome == Outcome::None => {
                        outcome = Outcome::Selected(candidate.thumbprint());
                        Verdict::Winner
                    }
                    Ok(()) => Verdict::Lost(Reason::NotBoundToDefaultWebSite),
                    Err(reason) => Verdict::Lost(reason),
                }
            } else {
                Verdict::Lost(Reason::NotBoundToDefaultWebSite)
            };
            (candidate.thumbprint(), verdict)
        })
        .collect();
    Decision {
        service: Service::Iis,
        fqdn: None,
        outcome,
        candidates: verdicts,
        skipped_by_index: 0,
        events: Vec::new(),
    }
}

fn bound_certificate_usable(candidate: &Candidate, now: OffsetDateTime) -> Result<(), Reason> {
    within_validity_window(candidate, now)?;
    chain_valid_and_not_revoked(candidate)?;
    private_key_present_and_usable(candidate)
}
