//! Throughput of leaf → intermediate → root validation with RSA-2048 keys: one validator,
//! many leaves (the issuer signature is verified once and then served from the cache).
//! Figures and the openssl comparison: `benches/README.md`.

#![allow(missing_docs)] // criterion_group! generates an undocumented public function.

use std::hint::black_box;

use cert_model::{Certificate, RootCaType, Status};
use cert_validation::{TrustAnchor, Validator};
use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};
use rcgen::{
    BasicConstraints, CertificateParams, DnType, ExtendedKeyUsagePurpose, IsCa, Issuer, KeyPair,
    KeyUsagePurpose, SerialNumber,
};
use time::macros::datetime;

const LEAVES: usize = 200;

fn params(common_name: &str, serial: u64) -> CertificateParams {
    let mut params = CertificateParams::new(Vec::<String>::new()).expect("no SANs is valid");
    params.distinguished_name = rcgen::DistinguishedName::new();
    params
        .distinguished_name
        .push(DnType::CommonName, common_name);
    params.not_before = datetime!(2008-08-01 00:00 UTC);
    params.not_after = datetime!(2010-08-01 00:00 UTC);
    params.serial_number = Some(SerialNumber::from(serial));
    params
}

fn ca_params(common_name: &str, serial: u64) -> CertificateParams {
    let mut params = params(common_name, serial);
    params.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
    params.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign];
    params
}

struct Fixture {
    root: Certificate,
    inter: Certificate,
    warm_up: Certificate,
    leaves: Vec<Certificate>,
}

fn fixture() -> Fixture {
    let rsa = || KeyPair::generate_for(&rcgen::PKCS_RSA_SHA256).expect("RSA-2048 keygen works");
    let (root_key, inter_key, leaf_key) = (rsa(), rsa(), rsa());
    let root_params = ca_params("Bench Root CA", 1);
    let root = root_params.self_signed(&root_key).expect("valid root");
    let root_issuer = Issuer::from_params(&root_params, &root_key);
    let inter_params = ca_params("Bench Issuing CA", 2);
    let inter = inter_params
        .signed_by(&inter_key, &root_issuer)
        .expect("valid intermediate");
    let inter_issuer = Issuer::from_params(&inter_params, &inter_key);
    let mut leaves: Vec<Certificate> = (0..=LEAVES)
        .map(|index| {
            let name = format!("host{index}.contoso.com");
            let mut leaf = params(&name, 1000 + index as u64);
            leaf.subject_alt_names = vec![rcgen::SanType::DnsName(
                name.as_str().try_into().expect("valid name"),
            )];
            leaf.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
            let cert = leaf
                .signed_by(&leaf_key, &inter_issuer)
                .expect("valid leaf");
            Certificate::from_der(cert.der()).expect("parseable")
        })
        .collect();
    let warm_up = leaves.pop().expect("LEAVES + 1 leaves were made");
    Fixture {
        root: Certificate::from_der(root.der()).expect("parseable"),
        inter: Certificate::from_der(inter.der()).expect("parseable"),
        warm_up,
        leaves,
    }
}

fn chain(c: &mut Criterion) {
    let fixture = fixture();
    let now = datetime!(2009-01-01 00:00 UTC);
    let ders: Vec<Vec<u8>> = fixture
        .leaves
        .iter()
        .map(|leaf| leaf.der().to_vec())
        .collect();

    let warm_validator = || {
        let validator = Validator::new(vec![TrustAnchor::new(
            fixture.root.clone(),
            RootCaType::Registry,
        )])
        .with_intermediates(vec![fixture.inter.clone()]);
        // One validation caches the intermediate's signature (root key over intermediate).
        assert_eq!(
            validator.validate(&fixture.warm_up, now).status,
            Status::Valid
        );
        validator
    };

    let mut group = c.benchmark_group("rsa2048_chain");
    group.throughput(Throughput::Elements(LEAVES as u64));
    // The realistic figure: leaves never seen before, issuer signature already cached.
    group.bench_function("new_leaves_warm_issuer", |b| {
        b.iter_batched(
            warm_validator,
            |validator| {
                for leaf in &fixture.leaves {
                    assert_eq!(
                        validator.validate(black_box(leaf), now).status,
                        Status::Valid
                    );
                }
            },
            BatchSize::PerIteration,
        )
    });
    group.bench_function("parse_der_new_leaves_warm_issuer", |b| {
        b.iter_batched(
            warm_validator,
            |validator| {
                for der in &ders {
                    let leaf = Certificate::from_der(black_box(der)).expect("parseable");
                    assert_eq!(validator.validate(&leaf, now).status, Status::Valid);
                }
            },
            BatchSize::PerIteration,
        )
    });
    // No cache at all: both signatures verified for every leaf.
    group.bench_function("cold_validator_per_leaf", |b| {
        b.iter(|| {
            for leaf in &fixture.leaves {
                let cold = Validator::new(vec![TrustAnchor::new(
                    fixture.root.clone(),
                    RootCaType::Registry,
                )])
                .with_intermediates(vec![fixture.inter.clone()]);
                assert_eq!(cold.validate(black_box(leaf), now).status, Status::Valid);
            }
        })
    });
    // Revalidating the same leaves (e.g. a second Get-ExchangeCertificate): all cached.
    let cached = warm_validator();
    group.bench_function("revalidate_cached_leaves", |b| {
        b.iter(|| {
            for leaf in &fixture.leaves {
                assert_eq!(cached.validate(black_box(leaf), now).status, Status::Valid);
            }
        })
    });
    group.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default();
    targets = chain
}
criterion_main!(benches);
