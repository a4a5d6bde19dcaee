//! Chain validation with certificates made in code by rcgen; each test pins a spec statement
//! (spec/cmdlets.md §1.3–§1.4, §5.4) or an RFC 5280 rule.

use std::time::Instant;

use crate::fixtures::{Ca, NOW, crl, issue, rsa_1024, scoped_crl, server_params};
use cert_model::{Certificate, Crl, RootCaType, Status};
use cert_validation::{
    PeerName, Policy, SelfSignedRule, TrustAnchor, Validator, matches_peer_name,
};
use rcgen::{CustomExtension, ExtendedKeyUsagePurpose, GeneralSubtree, IsCa, NameConstraints};
use time::Duration;

fn anchors(roots: &[&Ca], root_type: RootCaType) -> Vec<TrustAnchor> {
    roots
        .iter()
        .map(|ca| TrustAnchor::new(ca.cert.clone(), root_type))
        .collect()
}

struct Chain {
    root: Ca,
    inter: Ca,
    leaf: Certificate,
}

fn chain() -> Chain {
    let root = Ca::root("Contoso Root CA");
    let inter = Ca::intermediate("Contoso Issuing CA", &root);
    let leaf = issue(&server_params("mail.contoso.com"), &inter);
    Chain { root, inter, leaf }
}

fn validator(chain: &Chain) -> Validator {
    Validator::new(anchors(&[&chain.root], RootCaType::Registry))
        .with_intermediates(vec![chain.inter.cert.clone()])
}

#[test]
fn b50_chain_through_intermediate_to_trusted_root_is_valid() {
    let chain = chain();
    let answer = validator(&chain).validate(&chain.leaf, NOW);
    assert_eq!(answer.status, Status::Valid, "{}", answer.reason);
    assert_eq!(answer.root_ca_type, RootCaType::Registry);
    assert_eq!(
        answer.chain,
        [
            chain.leaf.thumbprint(),
            chain.inter.cert.thumbprint(),
            chain.root.cert.thumbprint()
        ]
    );
}

#[test]
fn b34_root_ca_type_is_the_anchor_store_category() {
    let chain = chain();
    for root_type in [
        RootCaType::ThirdParty,
        RootCaType::Enterprise,
        RootCaType::GroupPolicy,
    ] {
        let answer = Validator::new(anchors(&[&chain.root], root_type))
            .with_intermediates(vec![chain.inter.cert.clone()])
            .validate(&chain.leaf, NOW);
        assert_eq!(
            (answer.status, answer.root_ca_type),
            (Status::Valid, root_type)
        );
    }
}

#[test]
fn b52_chain_to_a_root_not_in_the_store_is_untrusted() {
    let chain = chain();
    let other = Ca::root("Fabrikam Root CA");
    let answer = Validator::new(anchors(&[&other], RootCaType::ThirdParty))
        .with_intermediates(vec![chain.inter.cert.clone(), chain.root.cert.clone()])
        .validate(&chain.leaf, NOW);
    assert_eq!(answer.status, Status::Untrusted, "{}", answer.reason);
    assert_eq!(answer.root_ca_type, RootCaType::Unknown);
    assert!(answer.reason.contains("not trusted"), "{}", answer.reason);
}

#[test]
fn b38_adding_the_root_turns_untrusted_into_valid() {
    let chain = chain();
    let without = Validator::new(Vec::new())
        .with_intermediates(vec![chain.inter.cert.clone()])
        .validate(&chain.leaf, NOW);
    assert_eq!(without.status, Status::Untrusted);
    let with = validator(&chain).validate(&chain.leaf, NOW);
    assert_eq!(with.status, Status::Valid);
}

#[test]
fn b19_expired_leaf_is_date_invalid() {
    let chain = chain();
    let answer = validator(&chain).validate(&chain.leaf, NOW + Duration::days(3 * 365));
    assert_eq!(answer.status, Status::DateInvalid, "{}", answer.reason);
    assert!(answer.reason.contains("has expired"));
}

#[test]
fn s1_3_not_yet_valid_leaf_is_date_invalid() {
    let chain = chain();
    let answer = validator(&chain).validate(&chain.leaf, NOW - Duration::days(60));
    assert_eq!(answer.status, Status::DateInvalid);
    assert!(answer.reason.contains("not yet valid"));
}

#[test]
fn b50_expired_intermediate_makes_the_chain_date_invalid() {
    let root = Ca::root("Contoso Root CA");
    let inter = Ca::intermediate_with("Old Issuing CA", &root, |params| {
        params.not_after = NOW - Duration::days(1);
    });
    let leaf = issue(&server_params("mail.contoso.com"), &inter);
    let answer = Validator::new(anchors(&[&root], RootCaType::Registry))
        .with_intermediates(vec![inter.cert.clone()])
        .validate(&leaf, NOW);
    assert_eq!(answer.status, Status::DateInvalid);
    assert!(answer.reason.contains(&inter.cert.thumbprint().to_string()));
}

#[test]
fn b37_leaf_listed_on_its_issuers_crl_is_revoked() {
    let chain = chain();
    let crls = vec![
        crl(&chain.inter, &[&chain.leaf], NOW),
        crl(&chain.root, &[], NOW),
    ];
    let answer = validator(&chain).with_crls(crls).validate(&chain.leaf, NOW);
    assert_eq!(answer.status, Status::Revoked, "{}", answer.reason);
    assert_eq!(answer.root_ca_type, RootCaType::Unknown);
}

#[test]
fn b37_revoked_intermediate_revokes_the_chain() {
    let chain = chain();
    let crls = vec![
        crl(&chain.inter, &[], NOW),
        crl(&chain.root, &[&chain.inter.cert], NOW),
    ];
    let answer = validator(&chain).with_crls(crls).validate(&chain.leaf, NOW);
    assert_eq!(answer.status, Status::Revoked);
}

#[test]
fn b54_crls_that_list_nothing_in_the_chain_leave_it_valid() {
    let chain = chain();
    let crls = vec![crl(&chain.inter, &[], NOW), crl(&chain.root, &[], NOW)];
    let answer = validator(&chain).with_crls(crls).validate(&chain.leaf, NOW);
    assert_eq!(answer.status, Status::Valid, "{}", answer.reason);
}

#[test]
fn b55_member_without_a_usable_crl_is_unknown() {
    let chain = chain();
    // The intermediate's CRL is there; the root's CRL (covering the intermediate) is not.
    let answer = validator(&chain)
        .with_crls(vec![crl(&chain.inter, &[], NOW)])
        .validate(&chain.leaf, NOW);
    assert_eq!(answer.status, Status::Unknown, "{}", answer.reason);
    assert!(answer.reason.contains("revocation check failed"));
}

#[test]
fn b55_stale_crl_is_not_usable() {
    let chain = chain();
    let stale = NOW - Duration::days(90);
    let crls = vec![crl(&chain.inter, &[], stale), crl(&chain.root, &[], NOW)];
    let answer = validator(&chain).with_crls(crls).validate(&chain.leaf, NOW);
    assert_eq!(answer.status, Status::Unknown);
    assert!(answer.reason.contains("out of date"), "{}", answer.reason);
}

#[test]
fn b55_crl_signed_by_an_impostor_is_not_usable() {
    let chain = chain();
    let impostor = Ca::root("Contoso Issuing CA");
    let crls = vec![crl(&impostor, &[], NOW), crl(&chain.root, &[], NOW)];
    let answer = validator(&chain).with_crls(crls).validate(&chain.leaf, NOW);
    assert_eq!(answer.status, Status::Unknown, "{}", answer.reason);
}

#[test]
fn b37_bad_signature_is_invalid() {
    let chain = chain();
    // An impostor CA with the real intermediate's name signs the leaf.
    let impostor = Ca::intermediate("Contoso Issuing CA", &Ca::root("Evil Root"));
    let forged = issue(&server_params("mail.contoso.com"), &impostor);
    let answer = validator(&chain).validate(&forged, NOW);
    assert_eq!(answer.status, Status::Invalid, "{}", answer.reason);
    assert!(answer.reason.contains("does not verify"));

    // A flipped bit in the signature value.
    let mut der = chain.leaf.der().to_vec();
    let last = der.len() - 1;
    der[last] ^= 1;
    let tampered = Certificate::from_der(&der).unwrap();
    assert_eq!(
        validator(&chain).validate(&tampered, NOW).status,
        Status::Invalid
    );
}

#[test]
fn b37_issuer_that_is_not_a_ca_is_invalid() {
    let root = Ca::root("Contoso Root CA");
    let not_ca = Ca::intermediate_with("Web Server", &root, |params| {
        params.is_ca = IsCa::ExplicitNoCa;
        params.key_usages.clear();
    });
    let leaf = issue(&server_params("mail.contoso.com"), &not_ca);
    let answer = Validator::new(anchors(&[&root], RootCaType::Registry))
        .with_intermediates(vec![not_ca.cert.clone()])
        .validate(&leaf, NOW);
    assert_eq!(answer.status, Status::Invalid);
    assert!(answer.reason.contains("not a ca"), "{}", answer.reason);
}

#[test]
fn b54_leaf_without_server_auth_eku_is_invalid() {
    let chain = chain();
    let mut params = server_params("mail.contoso.com");
    params.extended_key_usages = vec![ExtendedKeyUsagePurpose::ClientAuth];
    let client_only = issue(&params, &chain.inter);
    let answer = validator(&chain).validate(&client_only, NOW);
    assert_eq!(answer.status, Status::Invalid);
    assert!(answer.reason.contains("server authentication"));

    params.extended_key_usages.clear();
    let no_eku = issue(&params, &chain.inter);
    assert_eq!(
        validator(&chain).validate(&no_eku, NOW).status,
        Status::Valid
    );
}

#[test]
fn b53_cross_certified_chain_reaches_the_trusted_root() {
    let trusted = Ca::root("Contoso Root CA");
    let partner_root = Ca::root("Fabrikam Root CA");
    let cross = partner_root.cross_signed_by(&trusted);
    let partner_inter = Ca::intermediate("Fabrikam Issuing CA", &partner_root);
    let leaf = issue(&server_params("mail.fabrikam.com"), &partner_inter);
    let answer = Validator::new(anchors(&[&trusted], RootCaType::Enterprise))
        .with_intermediates(vec![
            partner_root.cert.clone(),
            partner_inter.cert.clone(),
            cross.clone(),
        ])
        .validate(&leaf, NOW);
    assert_eq!(answer.status, Status::Valid, "{}", answer.reason);
    assert_eq!(answer.root_ca_type, RootCaType::Enterprise);
    assert_eq!(
        answer.chain,
        [
            leaf.thumbprint(),
            partner_inter.cert.thumbprint(),
            cross.thumbprint(),
            trusted.cert.thumbprint()
        ]
    );
}

#[test]
fn s4_rsa_1024_chain_verifies() {
    let root = Ca::root_with_key("Legacy Root CA", rsa_1024());
    assert_eq!(root.cert.public_key_size(), 1024);
    let leaf = issue(&server_params("legacy.contoso.com"), &root);
    let answer = Validator::new(anchors(&[&root], RootCaType::Registry)).validate(&leaf, NOW);
    assert_eq!(answer.status, Status::Valid, "{}", answer.reason);
}

#[test]
fn b33_self_signed_certificate_outside_the_root_store_is_valid_with_root_type_none() {
    let self_signed = Ca::self_signed_server("exch01.contoso.com");
    let validator = Validator::new(Vec::new());
    let answer = validator.validate(&self_signed, NOW);
    assert_eq!(
        (answer.status, answer.root_ca_type),
        (Status::Valid, RootCaType::None)
    );

    let expired = validator.validate(&self_signed, NOW + Duration::days(3 * 365));
    assert_eq!(
        (expired.status, expired.root_ca_type),
        (Status::DateInvalid, RootCaType::None)
    );

    let strict = Validator::new(Vec::new())
        .with_policy(Policy {
            self_signed: SelfSignedRule::Untrusted,
            ..Policy::default()
        })
        .validate(&self_signed, NOW);
    assert_eq!(strict.status, Status::Untrusted);
}

#[test]
fn s1_4_self_signed_certificate_in_a_root_store_reports_the_store() {
    let self_signed = Ca::self_signed_server("exch01.contoso.com");
    let answer = Validator::new(vec![TrustAnchor::new(
        self_signed.clone(),
        RootCaType::Registry,
    )])
    .validate(&self_signed, NOW);
    assert_eq!(
        (answer.status, answer.root_ca_type),
        (Status::Valid, RootCaType::Registry)
    );
}

#[test]
fn rfc5280_path_len_zero_forbids_an_intermediate() {
    let root = Ca::root_with("Contoso Root CA", |params| {
        params.is_ca = IsCa::Ca(rcgen::BasicConstraints::Constrained(0));
    });
    let inter = Ca::intermediate("Contoso Issuing CA", &root);
    let leaf = issue(&server_params("mail.contoso.com"), &inter);
    let answer = Validator::new(anchors(&[&root], RootCaType::Registry))
        .with_intermediates(vec![inter.cert.clone()])
        .validate(&leaf, NOW);
    assert_eq!(answer.status, Status::Invalid);
    assert!(
        answer.reason.contains("pathLenConstraint"),
        "{}",
        answer.reason
    );
}

#[test]
fn rfc5280_name_constraints_limit_dns_names() {
    let root = Ca::root("Contoso Root CA");
    let inter = Ca::intermediate_with("Contoso Issuing CA", &root, |params| {
        params.name_constraints = Some(NameConstraints {
            permitted_subtrees: vec![GeneralSubtree::DnsName("contoso.com".to_owned())],
            excluded_subtrees: vec![GeneralSubtree::DnsName("secret.contoso.com".to_owned())],
        });
    });
    let validator = Validator::new(anchors(&[&root], RootCaType::Registry))
        .with_intermediates(vec![inter.cert.clone()]);
    let inside = issue(&server_params("mail.contoso.com"), &inter);
    assert_eq!(validator.validate(&inside, NOW).status, Status::Valid);
    let outside = issue(&server_params("mail.fabrikam.com"), &inter);
    let answer = validator.validate(&outside, NOW);
    assert_eq!(answer.status, Status::Invalid);
    assert!(answer.reason.contains("permitted"), "{}", answer.reason);
    let excluded = issue(&server_params("a.secret.contoso.com"), &inter);
    assert_eq!(validator.validate(&excluded, NOW).status, Status::Invalid);
}

#[test]
fn rfc5280_unknown_critical_extension_is_invalid() {
    let chain = chain();
    let mut params = server_params("mail.contoso.com");
    let mut extension =
        CustomExtension::from_oid_content(&[1, 3, 6, 1, 4, 1, 55738, 666, 1], vec![0x05, 0x00]);
    extension.set_criticality(true);
    params.custom_extensions.push(extension);
    let leaf = issue(&params, &chain.inter);
    let answer = validator(&chain).validate(&leaf, NOW);
    assert_eq!(answer.status, Status::Invalid);
    assert!(answer.reason.contains("unsupported critical extension"));
}

#[test]
fn s7_hostile_pool_is_rejected_within_the_budget() {
    // Forty CAs named alike, each issued by the previous: a long chain that never reaches a
    // trusted root, plus every one is a candidate issuer of every other.
    let mut pool = vec![Ca::root("Loop CA")];
    for _ in 0..40 {
        let next = Ca::intermediate("Loop CA", pool.last().unwrap());
        pool.push(next);
    }
    let leaf = issue(&server_params("mail.contoso.com"), pool.last().unwrap());
    let validator = Validator::new(anchors(
        &[&Ca::root("Contoso Root CA")],
        RootCaType::Registry,
    ))
    .with_intermediates(pool.iter().map(|ca| ca.cert.clone()).collect());
    let started = Instant::now();
    let answer = validator.validate(&leaf, NOW);
    assert_ne!(answer.status, Status::Valid);
    assert!(
        started.elapsed().as_secs() < 5,
        "took {:?}",
        started.elapsed()
    );
}

#[test]
fn s7_signature_cache_serves_later_validations() {
    let chain = chain();
    let validator = validator(&chain);
    let second = issue(&server_params("pop.contoso.com"), &chain.inter);
    for _ in 0..3 {
        assert_eq!(validator.validate(&chain.leaf, NOW).status, Status::Valid);
        assert_eq!(validator.validate(&second, NOW).status, Status::Valid);
    }
    // A cached issuer signature must not let a forged leaf through.
    let impostor = Ca::intermediate("Contoso Issuing CA", &Ca::root("Evil Root"));
    let forged = issue(&server_params("mail.contoso.com"), &impostor);
    assert_eq!(validator.validate(&forged, NOW).status, Status::Invalid);
}

#[test]
fn b06_wildcard_certificate_serves_mail_and_pop() {
    let chain = chain();
    let wildcard = issue(&server_params("*.contoso.com"), &chain.inter);
    for name in ["mail.contoso.com", "pop.contoso.com"] {
        assert!(
            matches_peer_name(&wildcard, &PeerName::parse(name)),
            "{name}"
        );
    }
    assert!(!matches_peer_name(
        &wildcard,
        &PeerName::parse("contoso.com")
    ));
    assert!(!matches_peer_name(
        &wildcard,
        &PeerName::parse("a.b.contoso.com")
    ));
}

#[test]
fn b07_name_must_be_among_the_certificate_names() {
    let chain = chain();
    assert!(matches_peer_name(
        &chain.leaf,
        &PeerName::parse("MAIL.contoso.com")
    ));
    assert!(!matches_peer_name(
        &chain.leaf,
        &PeerName::parse("owa.contoso.com")
    ));
    assert!(!matches_peer_name(
        &chain.leaf,
        &PeerName::parse("10.0.0.1")
    ));
}

#[test]
fn s7_common_name_counts_only_without_san_and_ip_matches_ip_san() {
    let chain = chain();
    let mut params = server_params("ignored.contoso.com");
    params.subject_alt_names = vec![rcgen::SanType::IpAddress("10.0.0.1".parse().unwrap())];
    let ip_only = issue(&params, &chain.inter);
    assert!(matches_peer_name(&ip_only, &PeerName::parse("10.0.0.1")));
    assert!(!matches_peer_name(
        &ip_only,
        &PeerName::parse("ignored.contoso.com")
    ));

    params.subject_alt_names.clear();
    let cn_only = issue(&params, &chain.inter);
    assert!(matches_peer_name(
        &cn_only,
        &PeerName::parse("ignored.contoso.com")
    ));
}

#[test]
fn s1_3_crl_parse_round_trip_feeds_validation() {
    let chain = chain();
    let listed = crl(&chain.inter, &[&chain.leaf], NOW);
    let reparsed = Crl::from_der(listed.der()).unwrap();
    let answer = validator(&chain)
        .with_crls(vec![reparsed, crl(&chain.root, &[], NOW)])
        .validate(&chain.leaf, NOW);
    assert_eq!(answer.status, Status::Revoked);
}

#[test]
fn rfc5280_key_cert_sign_without_ca_is_invalid() {
    let chain = chain();
    let mut params = server_params("mail.contoso.com");
    params.key_usages.push(rcgen::KeyUsagePurpose::KeyCertSign);
    let leaf = issue(&params, &chain.inter);
    let answer = validator(&chain).validate(&leaf, NOW);
    assert_eq!(answer.status, Status::Invalid);
    assert!(
        answer.reason.contains("keyCertSign without being a ca"),
        "{}",
        answer.reason
    );
}

#[test]
fn rfc5280_key_identifiers_are_required_only_under_the_strict_rule() {
    let chain = chain();
    let mut params = server_params("mail.contoso.com");
    params.use_authority_key_identifier_extension = false;
    let without_aki = issue(&params, &chain.inter);
    assert_eq!(
        validator(&chain).validate(&without_aki, NOW).status,
        Status::Valid
    );
    let strict = validator(&chain).with_policy(Policy {
        key_identifiers: cert_validation::KeyIdentifierRule::Required,
        ..Policy::default()
    });
    let answer = strict.validate(&without_aki, NOW);
    assert_eq!(answer.status, Status::Invalid);
    assert!(
        answer.reason.contains("authorityKeyIdentifier"),
        "{}",
        answer.reason
    );
    assert_eq!(strict.validate(&chain.leaf, NOW).status, Status::Valid);
}

#[test]
fn rfc5280_crl_scope_must_cover_the_certificate() {
    let chain = chain();
    let point = "http://crl.contoso.com/issuing.crl";
    let mut params = server_params("mail.contoso.com");
    params.crl_distribution_points = vec![rcgen::CrlDistributionPoint {
        uris: vec![point.to_owned()],
    }];
    let leaf = issue(&params, &chain.inter);
    let scope = |uri: &str, only: Option<rcgen::CrlScope>| {
        Some(rcgen::CrlIssuingDistributionPoint {
            distribution_point: rcgen::CrlDistributionPoint {
                uris: vec![uri.to_owned()],
            },
            scope: only,
        })
    };
    let check = |idp| {
        let crls = vec![
            scoped_crl(&chain.inter, &[], NOW, idp),
            crl(&chain.root, &[], NOW),
        ];
        validator(&chain).with_crls(crls).validate(&leaf, NOW)
    };
    assert_eq!(
        check(scope(point, Some(rcgen::CrlScope::UserCertsOnly))).status,
        Status::Valid
    );
    assert_eq!(check(scope(point, None)).status, Status::Valid);
    let elsewhere = check(scope("http://crl.contoso.com/other.crl", None));
    assert_eq!(elsewhere.status, Status::Unknown);
    assert!(
        elsewhere.reason.contains("distribution point"),
        "{}",
        elsewhere.reason
    );
    let ca_only = check(scope(point, Some(rcgen::CrlScope::CaCertsOnly)));
    assert_eq!(ca_only.status, Status::Unknown);
    // A scoped CRL that lists the leaf still revokes it.
    let crls = vec![
        scoped_crl(&chain.inter, &[&leaf], NOW, scope(point, None)),
        crl(&chain.root, &[], NOW),
    ];
    assert_eq!(
        validator(&chain)
            .with_crls(crls)
            .validate(&leaf, NOW)
            .status,
        Status::Revoked
    );
}
