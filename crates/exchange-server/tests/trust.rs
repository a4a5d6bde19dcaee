//! The trust locations of `Cert:\LocalMachine` (design.md §6) over an in-memory store: listing,
//! removal by thumbprint, and the effect of a change of trust on Status and RootCAType.

#![allow(clippy::unwrap_used)] // Test helpers fail loudly by design.

use cert_model::{Certificate, Crl, RootCaType, Status, Thumbprint};
use cert_testkit::{FixedKeys, SeededRandom, TestCa, fixed_now, key_2048};
use exchange_server::{
    ExchangeCertificate, Generators, RemoveTrustEntryError, Server, SetupOptions, TrustEntry,
    TrustLocation,
};

fn open_server() -> Server {
    Server::open_in_memory(
        &SetupOptions::new("EXCH01.contoso.com"),
        Vec::new(),
        &mut Generators {
            keys: &mut FixedKeys::new(),
            random: &mut SeededRandom::new(7),
        },
        fixed_now(),
    )
    .unwrap()
}

struct Pki {
    root: Certificate,
    intermediate: Certificate,
    leaf: Certificate,
    crl: Crl,
}

fn pki() -> Pki {
    let mut ca = TestCa::new();
    let leaf = ca.issue_server("mail.contoso.com", &["mail.contoso.com"], &key_2048(3));
    Pki {
        root: Certificate::from_der(ca.root_der()).unwrap(),
        intermediate: Certificate::from_der(ca.intermediate_der()).unwrap(),
        leaf: Certificate::from_der(&leaf).unwrap(),
        crl: Crl::from_der(&ca.root_crl(&[])).unwrap(),
    }
}

fn import_leaf(server: &mut Server, leaf: &Certificate) {
    let protection = cert_generation::PfxProtection {
        password: "pw".into(),
        iterations: 1,
    };
    let pfx = cert_generation::export_pfx(leaf.der(), &key_2048(3), &[], &protection, "t").unwrap();
    server
        .import_certificate(&pfx, Some("pw"), None, false, fixed_now())
        .unwrap();
}

fn shown(server: &mut Server, leaf: &Certificate) -> ExchangeCertificate {
    server.certificate(leaf.thumbprint(), fixed_now()).unwrap()
}

fn thumbprints(server: &mut Server, location: TrustLocation) -> Vec<Thumbprint> {
    server
        .trust_entries(location)
        .unwrap()
        .iter()
        .map(TrustEntry::thumbprint)
        .collect()
}

#[test]
fn s6_each_location_lists_only_its_own_entries() {
    let pki = pki();
    let mut server = open_server();
    server
        .add_trusted_root(pki.root.clone(), RootCaType::GroupPolicy, fixed_now())
        .unwrap();
    server
        .add_intermediate(pki.intermediate.clone(), fixed_now())
        .unwrap();
    server.add_crl(pki.crl.clone(), fixed_now()).unwrap();
    assert_eq!(
        thumbprints(&mut server, TrustLocation::RootGroupPolicy),
        [pki.root.thumbprint()]
    );
    for location in [
        TrustLocation::Root,
        TrustLocation::RootEnterprise,
        TrustLocation::AuthRoot,
    ] {
        assert!(thumbprints(&mut server, location).is_empty(), "{location}");
    }
    let ca = server.trust_entries(TrustLocation::Ca).unwrap();
    assert_eq!(
        ca,
        [
            TrustEntry::Certificate(Box::new(pki.intermediate.clone())),
            TrustEntry::Crl(Box::new(pki.crl.clone()))
        ]
    );
    assert_eq!(ca[1].thumbprint(), Thumbprint::of_der(pki.crl.der()));
}

#[test]
fn s6_removing_the_root_makes_the_leaf_untrusted() {
    let pki = pki();
    let mut server = open_server();
    server
        .add_trusted_root(pki.root.clone(), RootCaType::Registry, fixed_now())
        .unwrap();
    server
        .add_intermediate(pki.intermediate.clone(), fixed_now())
        .unwrap();
    import_leaf(&mut server, &pki.leaf);
    let before = shown(&mut server, &pki.leaf);
    assert_eq!(before.status, Status::Valid);
    assert_eq!(before.root_ca_type, RootCaType::Registry);

    let removed = server
        .remove_trust_entry(TrustLocation::Root, &pki.root.thumbprint())
        .unwrap();
    assert_eq!(removed, TrustEntry::Certificate(Box::new(pki.root.clone())));
    assert!(thumbprints(&mut server, TrustLocation::Root).is_empty());
    assert_eq!(shown(&mut server, &pki.leaf).status, Status::Untrusted);
}

#[test]
fn s6_removal_from_one_location_leaves_the_others() {
    let pki = pki();
    let mut server = open_server();
    for category in [RootCaType::Registry, RootCaType::Enterprise] {
        server
            .add_trusted_root(pki.root.clone(), category, fixed_now())
            .unwrap();
    }
    server
        .add_intermediate(pki.intermediate.clone(), fixed_now())
        .unwrap();
    import_leaf(&mut server, &pki.leaf);
    server
        .remove_trust_entry(TrustLocation::Root, &pki.root.thumbprint())
        .unwrap();
    assert_eq!(
        thumbprints(&mut server, TrustLocation::RootEnterprise),
        [pki.root.thumbprint()]
    );
    let after = shown(&mut server, &pki.leaf);
    assert_eq!(after.status, Status::Valid);
    assert_eq!(after.root_ca_type, RootCaType::Enterprise);
}

#[test]
fn s6_removing_an_unknown_thumbprint_fails_and_changes_nothing() {
    let pki = pki();
    let mut server = open_server();
    server
        .add_trusted_root(pki.root.clone(), RootCaType::ThirdParty, fixed_now())
        .unwrap();
    let before = server.state().unwrap();
    // In another location than the one the root is in.
    let error = server
        .remove_trust_entry(TrustLocation::Root, &pki.root.thumbprint())
        .unwrap_err();
    assert!(matches!(
        error,
        RemoveTrustEntryError::NotFound {
            location: TrustLocation::Root,
            ..
        }
    ));
    assert_eq!(
        error.to_string(),
        format!("no entry with thumbprint {} in Root", pki.root.thumbprint())
    );
    assert!(
        server
            .remove_trust_entry(TrustLocation::AuthRoot, &pki.leaf.thumbprint())
            .is_err()
    );
    assert_eq!(server.state().unwrap(), before);
}

#[test]
fn s6_intermediates_and_crls_are_removed_from_ca() {
    let pki = pki();
    let mut server = open_server();
    server
        .add_intermediate(pki.intermediate.clone(), fixed_now())
        .unwrap();
    server.add_crl(pki.crl.clone(), fixed_now()).unwrap();
    let crl = Thumbprint::of_der(pki.crl.der());
    assert_eq!(
        server.remove_trust_entry(TrustLocation::Ca, &crl).unwrap(),
        TrustEntry::Crl(Box::new(pki.crl.clone()))
    );
    assert_eq!(
        thumbprints(&mut server, TrustLocation::Ca),
        [pki.intermediate.thumbprint()]
    );
    server
        .remove_trust_entry(TrustLocation::Ca, &pki.intermediate.thumbprint())
        .unwrap();
    assert!(server.trust_entries(TrustLocation::Ca).unwrap().is_empty());
    let state = server.state().unwrap();
    assert!(state.intermediates.is_empty() && state.crls.is_empty());
}
