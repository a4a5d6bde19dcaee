//! The machine's trust stores as the `Cert:\LocalMachine` drive shows them (design.md §6):
//! `Root` (physical store Registry), `Root\.GroupPolicy`, `Root\.Enterprise`, `AuthRoot`
//! (ThirdParty) and `CA` (intermediate certificates and CRLs). Listing one location and
//! removing one entry by thumbprint each run in one store transaction; a removal that finds
//! nothing changes nothing. Tests: unit tests below and `tests/trust.rs`.

use cert_model::{Certificate, Crl, RootCaType, Thumbprint};
use cert_store::{PhysicalStore, StoreError};

use crate::Server;

/// One trust location of `Cert:\LocalMachine`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TrustLocation {
    /// `Root`: roots installed by hand (RootCAType `Registry`).
    Root,
    /// `Root\.GroupPolicy`: roots deployed by Group Policy.
    RootGroupPolicy,
    /// `Root\.Enterprise`: roots published through Active Directory.
    RootEnterprise,
    /// `AuthRoot`: the built-in public roots (RootCAType `ThirdParty`).
    AuthRoot,
    /// `CA`: intermediate CA certificates and CRLs.
    Ca,
}

impl TrustLocation {
    /// Every location, in the order the drive lists them.
    pub const ALL: [TrustLocation; 5] = [
        TrustLocation::AuthRoot,
        TrustLocation::Ca,
        TrustLocation::Root,
        TrustLocation::RootEnterprise,
        TrustLocation::RootGroupPolicy,
    ];

    /// The path below `Cert:\LocalMachine\` (`Root\.GroupPolicy`).
    pub const fn path(self) -> &'static str {
        match self {
            TrustLocation::Root => "Root",
            TrustLocation::RootGroupPolicy => "Root\\.GroupPolicy",
            TrustLocation::RootEnterprise => "Root\\.Enterprise",
            TrustLocation::AuthRoot => "AuthRoot",
            TrustLocation::Ca => "CA",
        }
    }

    /// The location a path below `Cert:\LocalMachine\` names, case-insensitively, with `/` or
    /// `\` separators and an optional trailing separator; `None` for any other path.
    pub fn from_path(path: &str) -> Option<TrustLocation> {
        let normalised = path.trim().replace('/', "\\");
        let normalised = normalised.trim_end_matches('\\');
        TrustLocation::ALL
            .into_iter()
            .find(|location| location.path().eq_ignore_ascii_case(normalised))
    }

    /// The RootCAType of the roots in this location; `None` for `CA`.
    pub const fn root_ca_type(self) -> Option<RootCaType> {
        match self {
            TrustLocation::Root => Some(RootCaType::Registry),
            TrustLocation::RootGroupPolicy => Some(RootCaType::GroupPolicy),
            TrustLocation::RootEnterprise => Some(RootCaType::Enterprise),
            TrustLocation::AuthRoot => Some(RootCaType::ThirdParty),
            TrustLocation::Ca => None,
        }
    }

    fn physical_store(self) -> Option<PhysicalStore> {
        match self {
            TrustLocation::Root => Some(PhysicalStore::Registry),
            TrustLocation::RootGroupPolicy => Some(PhysicalStore::GroupPolicy),
            TrustLocation::RootEnterprise => Some(PhysicalStore::Enterprise),
            TrustLocation::AuthRoot => Some(PhysicalStore::ThirdParty),
            TrustLocation::Ca => None,
        }
    }
}

impl std::fmt::Display for TrustLocation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.path())
    }
}

/// One entry of a trust location.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TrustEntry {
    /// A root or intermediate CA certificate.
    Certificate(Box<Certificate>),
    /// A CRL (only in `CA`).
    Crl(Box<Crl>),
}

impl TrustEntry {
    /// The SHA-1 of the entry's DER, its name on the drive.
    pub fn thumbprint(&self) -> Thumbprint {
        match self {
            TrustEntry::Certificate(certificate) => certificate.thumbprint(),
            TrustEntry::Crl(crl) => Thumbprint::of_der(crl.der()),
        }
    }
}

/// Listing a trust location failed.
#[derive(Debug, thiserror::Error)]
pub enum ListTrustStoreError {
    /// The store could not be read, or holds an unreadable entry.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A stored entry is not a certificate or CRL.
    #[error("the {location} store holds an unreadable entry: {reason}")]
    Corrupt {
        /// The location read.
        location: TrustLocation,
        /// The parser's explanation.
        reason: String,
    },
}

/// Removing a trust entry failed; nothing was changed.
#[derive(Debug, thiserror::Error)]
pub enum RemoveTrustEntryError {
    /// The store could not be read or written.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// No entry with that thumbprint in that location.
    #[error("no entry with thumbprint {thumbprint} in {location}")]
    NotFound {
        /// The location searched.
        location: TrustLocation,
        /// The thumbprint given.
        thumbprint: Thumbprint,
    },
    /// A stored entry is not a certificate or CRL.
    #[error("the {location} store holds an unreadable entry: {reason}")]
    Corrupt {
        /// The location read.
        location: TrustLocation,
        /// The parser's explanation.
        reason: String,
    },
}

/// A row read inside the transaction: the entry and how to delete it.
enum Located {
    Root(TrustEntry),
    Intermediate(TrustEntry),
    Crl(TrustEntry, i64),
}

impl Located {
    fn entry(&self) -> &TrustEntry {
        match self {
            Located::Root(entry) | Located::Intermediate(entry) | Located::Crl(entry, _) => entry,
        }
    }

    fn into_entry(self) -> TrustEntry {
        match self {
            Located::Root(entry) | Located::Intermediate(entry) | Located::Crl(entry, _) => entry,
        }
    }
}

fn read_location(
    transaction: &cert_store::Transaction<'_>,
    location: TrustLocation,
) -> Result<Result<Vec<Located>, String>, StoreError> {
    let mut out = Vec::new();
    match location.physical_store() {
        Some(store) => {
            for row in transaction.root_certificates()? {
                if row.physical_store != store {
                    continue;
                }
                match Certificate::from_der(&row.der) {
                    Ok(certificate) => out.push(Located::Root(TrustEntry::Certificate(Box::new(
                        certificate,
                    )))),
                    Err(error) => return Ok(Err(error.to_string())),
                }
            }
        }
        None => {
            for row in transaction.intermediate_certificates()? {
                match Certificate::from_der(&row.der) {
                    Ok(certificate) => out.push(Located::Intermediate(TrustEntry::Certificate(
                        Box::new(certificate),
                    ))),
                    Err(error) => return Ok(Err(error.to_string())),
                }
            }
            for row in transaction.crls()? {
                match Crl::from_der(&row.der) {
                    Ok(crl) => out.push(Located::Crl(TrustEntry::Crl(Box::new(crl)), row.id)),
                    Err(error) => return Ok(Err(error.to_string())),
                }
            }
        }
    }
    Ok(Ok(out))
}

impl Server {
    /// `Get-ChildItem Cert:\LocalMachine\<location>`: the entries of one trust location, roots
    /// and intermediates in insertion order, then (in `CA`) the CRLs.
    ///
    /// # Errors
    /// [`ListTrustStoreError`] when the store cannot be read.
    pub fn trust_entries(
        &mut self,
        location: TrustLocation,
    ) -> Result<Vec<TrustEntry>, ListTrustStoreError> {
        let read = self
            .store
            .transaction(|transaction| read_location(transaction, location))?;
        match read {
            Ok(located) => Ok(located.into_iter().map(Located::into_entry).collect()),
            Err(reason) => Err(ListTrustStoreError::Corrupt { location, reason }),
        }
    }

    /// `Remove-Item Cert:\LocalMachine\<location>\<thumbprint>`: removes that entry from that
    /// location only (the same root in another location stays), in one transaction, and
    /// returns it. Every CRL of `CA` whose DER has this thumbprint is removed.
    ///
    /// # Errors
    /// [`RemoveTrustEntryError::NotFound`] when the location holds no such entry (nothing
    /// changes), or the store's error.
    pub fn remove_trust_entry(
        &mut self,
        location: TrustLocation,
        thumbprint: &Thumbprint,
    ) -> Result<TrustEntry, RemoveTrustEntryError> {
        self.store.transaction(|transaction| {
            let located = read_location(transaction, location)?
                .map_err(|reason| RemoveTrustEntryError::Corrupt { location, reason })?;
            let mut removed = None;
            for item in located {
                if item.entry().thumbprint() != *thumbprint {
                    continue;
                }
                match &item {
                    Located::Root(_) => {
                        if let Some(store) = location.physical_store() {
                            transaction.delete_root_certificate(thumbprint, store)?;
                        }
                    }
                    Located::Intermediate(_) => {
                        transaction.delete_intermediate_certificate(thumbprint)?;
                    }
                    Located::Crl(_, id) => {
                        transaction.delete_crl(*id)?;
                    }
                }
                removed.get_or_insert(item.into_entry());
            }
            removed.ok_or(RemoveTrustEntryError::NotFound {
                location,
                thumbprint: *thumbprint,
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn s6_trust_paths_parse_case_insensitively() {
        assert_eq!(TrustLocation::from_path("root"), Some(TrustLocation::Root));
        assert_eq!(
            TrustLocation::from_path("Root/.grouppolicy\\"),
            Some(TrustLocation::RootGroupPolicy)
        );
        assert_eq!(
            TrustLocation::from_path("ROOT\\.Enterprise"),
            Some(TrustLocation::RootEnterprise)
        );
        assert_eq!(
            TrustLocation::from_path("AuthRoot"),
            Some(TrustLocation::AuthRoot)
        );
        assert_eq!(TrustLocation::from_path("ca"), Some(TrustLocation::Ca));
        assert_eq!(TrustLocation::from_path("My"), None);
        assert_eq!(TrustLocation::from_path("Root\\x"), None);
    }

    #[test]
    fn s6_locations_map_to_root_ca_types() {
        for location in TrustLocation::ALL {
            assert_eq!(
                TrustLocation::from_path(location.path()),
                Some(location),
                "{location}"
            );
        }
        assert_eq!(
            TrustLocation::AuthRoot.root_ca_type(),
            Some(RootCaType::ThirdParty)
        );
        assert_eq!(TrustLocation::Ca.root_ca_type(), None);
    }
}
