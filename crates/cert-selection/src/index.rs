//! An index of the personal store by domain, and a cache that rebuilds it when the store or
//! the day changes, so a decision over a large store looks only at certificates whose
//! CertificateDomains can match the FQDN.

use std::collections::HashMap;

use time::{Date, OffsetDateTime, UtcOffset};

use crate::anonymous::select_anonymous_tls;
use crate::candidate::Candidate;
use crate::context::{Connector, Partner, Protocol, SelectionContext};
use crate::decision::Decision;
use crate::domain::{normalise_domain, parent_of, wildcard_suffix};
use crate::iis::select_iis;
use crate::smtp::{pop_imap_decision, starttls_decision, starttls_fqdn};
use crate::um::um_decision;

/// The personal store's candidates indexed by exact domain and by wildcard suffix. The
/// FQDN-driven decisions (STARTTLS, POP3/IMAP4, UM) examine only the certificates the index
/// returns and count the rest in [`Decision::skipped_by_index`]; their outcome and the
/// verdicts they list are those of the slice functions. X-AnonymousTLS and IIS match no FQDN
/// and examine every certificate.
#[derive(Clone, Debug, Default)]
pub struct CandidateIndex {
    candidates: Vec<Candidate>,
    exact: HashMap<String, Vec<usize>>,
    wildcard: HashMap<String, Vec<usize>>,
}

impl CandidateIndex {
    /// Indexes `candidates` (the personal store, in store order).
    pub fn new(candidates: Vec<Candidate>) -> CandidateIndex {
        let mut exact: HashMap<String, Vec<usize>> = HashMap::new();
        let mut wildcard: HashMap<String, Vec<usize>> = HashMap::new();
        for (position, candidate) in candidates.iter().enumerate() {
            for domain in candidate.domains() {
                let (map, key) = match wildcard_suffix(domain) {
                    Some(suffix) => (&mut wildcard, suffix),
                    None => (&mut exact, domain.as_str()),
                };
                let positions = map.entry(key.to_owned()).or_default();
                if positions.last() != Some(&position) {
                    positions.push(position);
                }
            }
        }
        CandidateIndex {
            candidates,
            exact,
            wildcard,
        }
    }

    /// The indexed candidates, in store order.
    pub fn candidates(&self) -> &[Candidate] {
        &self.candidates
    }

    /// Store positions of the certificates with a domain that can match `fqdn` (normalised):
    /// the exact entry and the wildcard entry of its parent, in store order.
    fn lookup(&self, fqdn: &str) -> Vec<usize> {
        if fqdn.is_empty() || fqdn.contains('*') {
            return Vec::new();
        }
        let exact = self.exact.get(fqdn).map(Vec::as_slice).unwrap_or_default();
        let wildcard = parent_of(fqdn)
            .and_then(|parent| self.wildcard.get(parent))
            .map(Vec::as_slice)
            .unwrap_or_default();
        let mut positions = Vec::with_capacity(exact.len() + wildcard.len());
        positions.extend_from_slice(exact);
        positions.extend_from_slice(wildcard);
        positions.sort_unstable();
        positions.dedup();
        positions
    }

    fn matching(&self, fqdn: &str) -> (Vec<&Candidate>, usize) {
        let positions = self.lookup(fqdn);
        let skipped = self.candidates.len() - positions.len();
        let found = positions
            .into_iter()
            .filter_map(|position| self.candidates.get(position))
            .collect();
        (found, skipped)
    }

    /// [`crate::select_smtp_starttls`] through the index.
    pub fn select_smtp_starttls(
        &self,
        context: &SelectionContext,
        connector: Connector<'_>,
        now: OffsetDateTime,
    ) -> Decision {
        let fqdn = normalise_domain(&starttls_fqdn(connector, context));
        let (found, skipped) = self.matching(&fqdn);
        starttls_decision(found, context, connector, now, skipped)
    }

    /// [`crate::select_pop_imap`] through the index.
    pub fn select_pop_imap(
        &self,
        context: &SelectionContext,
        protocol: Protocol,
        x509_certificate_name: &str,
        now: OffsetDateTime,
    ) -> Decision {
        let (found, skipped) = self.matching(&normalise_domain(x509_certificate_name));
        pop_imap_decision(
            found,
            context,
            protocol,
            x509_certificate_name,
            now,
            skipped,
        )
    }

    /// [`crate::select_um`] through the index.
    pub fn select_um(&self, context: &SelectionContext, now: OffsetDateTime) -> Decision {
        let (found, skipped) = self.matching(&normalise_domain(&context.physical_fqdn));
        um_decision(found, context, now, skipped)
    }

    /// [`crate::select_anonymous_tls`] over every indexed certificate.
    pub fn select_anonymous_tls(
        &self,
        context: &SelectionContext,
        partner: Partner,
        now: OffsetDateTime,
    ) -> Decision {
        select_anonymous_tls(&self.candidates, context, partner, now)
    }

    /// [`crate::select_iis`] over every indexed certificate.
    pub fn select_iis(&self, context: &SelectionContext, now: OffsetDateTime) -> Decision {
        select_iis(&self.candidates, context, now)
    }
}

/// Holds a [`CandidateIndex`] with the validation results it was built from, and rebuilds it
/// when the caller's store generation changes or the UTC day of `now` differs from the day
/// it was built (validation results depend on the instant; within a day the decision
/// re-checks each certificate's own dates).
#[derive(Clone, Debug, Default)]
pub struct SelectionCache {
    built: Option<(u64, Date, CandidateIndex)>,
}

impl SelectionCache {
    /// An empty cache.
    pub fn new() -> SelectionCache {
        SelectionCache::default()
    }

    /// The index for `store_generation` on the UTC day of `now`, calling `build` (which
    /// validates the store at `now` and prepares its candidates) only when the cached index is
    /// missing or stale.
    pub fn index(
        &mut self,
        store_generation: u64,
        now: OffsetDateTime,
        build: impl FnOnce() -> Vec<Candidate>,
    ) -> &CandidateIndex {
        let day = now.to_offset(UtcOffset::UTC).date();
        let fresh = matches!(
            &self.built,
            Some((generation, built_day, _)) if *generation == store_generation && *built_day == day
        );
        if !fresh {
            self.built = None;
        }
        let (_, _, index) = self
            .built
            .get_or_insert_with(|| (store_generation, day, CandidateIndex::new(build())));
        index
    }

    /// Whether an index for `store_generation` on the UTC day of `now` is cached.
    pub fn is_fresh(&self, store_generation: u64, now: OffsetDateTime) -> bool {
        let day = now.to_offset(UtcOffset::UTC).date();
        matches!(
            &self.built,
            Some((generation, built_day, _)) if *generation == store_generation && *built_day == day
        )
    }

    /// Drops the cached index.
    pub fn invalidate(&mut self) {
        self.built = None;
    }
}
