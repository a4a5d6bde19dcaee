//! One selection decision over a personal store of 10,000 certificates (mixed domains,
//! issuers and dates), after the first: the candidates are validated and indexed once through
//! a `SelectionCache`, then each iteration asks for one decision. The full-scan slice
//! functions are measured too, for comparison. Figures: benches/README.md.

// criterion_group! generates an undocumented public function.
#![allow(missing_docs)]

use std::hint::black_box;
use std::sync::Arc;

use cert_generation::{CertificateParams, SubjectName};
use cert_model::{Certificate, RootCaType};
use cert_selection::{
    Candidate, Connector, Direction, PrivateKeyState, Protocol, Roles, SelectionCache,
    SelectionContext, UmStartupMode, select_pop_imap, select_smtp_starttls,
};
use cert_testkit::{SeededRandom, TestCa, fixed_now, key_1024_number, key_2048};
use cert_validation::{TrustAnchor, Validator};
use criterion::{Criterion, criterion_group, criterion_main};
use time::Duration;

const STORE_SIZE: usize = 10_000;
const HOSTS: usize = 400;

/// 400 host names, 25 certificates each; the organisation is fixed by the host.
fn domain_of(i: usize) -> String {
    format!("host{}.org{}.example", i % HOSTS, (i % HOSTS) % 25)
}

fn build_store() -> Vec<Candidate> {
    let now = fixed_now();
    let mut ca = TestCa::new();
    let root = Certificate::from_der(ca.root_der()).expect("root parses");
    let intermediate = Certificate::from_der(ca.intermediate_der()).expect("intermediate parses");
    let validator = Validator::new(vec![TrustAnchor::new(root, RootCaType::ThirdParty)])
        .with_intermediates(vec![intermediate]);
    let mut random = SeededRandom::new(7);
    // 1024-bit keys sign fast, which keeps the setup short; keys are shared freely.
    let keys = [
        key_1024_number(1),
        key_1024_number(2),
        key_1024_number(3),
        key_2048(1),
    ];
    (0..STORE_SIZE)
        .map(|i| {
            let mut domains = vec![domain_of(i)];
            if i % 10 == 0 {
                // 1,000 wildcard certificates, 40 per organisation.
                domains.push(format!("*.org{}.example", (i / 10) % 25));
            }
            let not_before = now - Duration::days((i % 700) as i64);
            let mut params = CertificateParams::server(
                SubjectName::common_name(&domains[0]),
                domains,
                not_before,
            );
            params.not_after = not_before + Duration::days(365 + (i % 5) as i64 * 200);
            let key = &keys[i % keys.len()];
            let der = if i % 3 == 0 {
                cert_generation::self_signed(&params, key, &mut random).expect("self-signed")
            } else {
                ca.issue(&params, key)
            };
            let certificate = Arc::new(Certificate::from_der(&der).expect("parses"));
            let validation = validator.validate(&certificate, now);
            let key_state = if i % 17 == 0 {
                PrivateKeyState::Absent
            } else {
                PrivateKeyState::Usable
            };
            Candidate::new(certificate, &validation, key_state)
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let now = fixed_now();
    let started = std::time::Instant::now();
    let store = build_store();
    println!(
        "{STORE_SIZE} certificates made, parsed, validated and prepared in {:?}",
        started.elapsed()
    );
    let context = SelectionContext {
        physical_fqdn: domain_of(42),
        roles: Roles::HUB_TRANSPORT.union(Roles::UNIFIED_MESSAGING),
        um_startup_mode: UmStartupMode::Secured,
        ..SelectionContext::default()
    };
    let mut cache = SelectionCache::new();
    let fqdn = domain_of(123);
    let connector = Connector {
        direction: Direction::Inbound,
        name: "Default",
        fqdn: Some(&fqdn),
    };
    let started = std::time::Instant::now();
    let index = cache.index(1, now, || store.clone());
    println!(
        "index of {STORE_SIZE} candidates built in {:?}",
        started.elapsed()
    );
    // The first decision (not measured).
    let first = index.select_smtp_starttls(&context, connector, now);
    println!(
        "store {STORE_SIZE}: {} certificates examined for {fqdn}, {} skipped by the index",
        first.candidates.len(),
        first.skipped_by_index
    );

    let mut group = c.benchmark_group("select_10000");
    group.bench_function("starttls_indexed", |b| {
        b.iter(|| black_box(index.select_smtp_starttls(&context, connector, black_box(now))))
    });
    group.bench_function("pop3_indexed", |b| {
        b.iter(|| black_box(index.select_pop_imap(&context, Protocol::Pop3, &fqdn, now)))
    });
    group.bench_function("um_indexed", |b| {
        b.iter(|| black_box(index.select_um(&context, now)))
    });
    group.bench_function("starttls_full_scan", |b| {
        b.iter(|| black_box(select_smtp_starttls(&store, &context, connector, now)))
    });
    group.bench_function("pop3_full_scan", |b| {
        b.iter(|| {
            black_box(select_pop_imap(
                &store,
                &context,
                Protocol::Pop3,
                &fqdn,
                now,
            ))
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
