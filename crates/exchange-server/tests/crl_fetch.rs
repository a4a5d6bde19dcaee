//! CRL fetching (design.md §6a, spec B-37): CRLs served by a loopback HTTP server, and through
//! a loopback proxy, that each test starts on 127.0.0.1. Every server thread stops within a
//! bounded time, and every socket has a timeout.

#![allow(clippy::unwrap_used)] // Test helpers fail loudly by design.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use cert_generation::{CertificateAuthority, CertificateParams, CrlParams, RevokedCertificate};
use cert_model::{Certificate, Crl, RootCaType, Status};
use cert_testkit::{TestCa, fixed_now, key_2048};
use cert_validation::{CrlSource, TrustAnchor, Validator};
use exchange_server::{
    CertificateQuery, ExchangeCertificate, FetchCrlError, FetchingCrlSource, Generators,
    HttpCrlClient, Server, ServerChanges, ServerRole, SetupOptions, store_fetched,
};
use time::{Duration as Days, OffsetDateTime};

type Handler = Box<dyn Fn(usize, &str) -> Vec<u8> + Send>;

/// A loopback HTTP server: answers each connection with `handler(index, request head)` and
/// records the request heads. Stops when dropped (or after 60 s at the latest).
struct Loopback {
    port: u16,
    requests: Arc<Mutex<Vec<String>>>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Loopback {
    fn start(handler: Handler) -> Loopback {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        listener.set_nonblocking(true).unwrap();
        let port = listener.local_addr().unwrap().port();
        let requests = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let thread = {
            let requests = Arc::clone(&requests);
            let stop = Arc::clone(&stop);
            std::thread::spawn(move || {
                let started = Instant::now();
                let served = AtomicUsize::new(0);
                while !stop.load(Ordering::SeqCst) && started.elapsed() < Duration::from_secs(60) {
                    match listener.accept() {
                        Ok((stream, _)) => {
                            let index = served.fetch_add(1, Ordering::SeqCst);
                            let Some(head) = read_head(&stream) else {
                                continue;
                            };
                            requests.lock().unwrap().push(head.clone());
                            let answer = handler(index, &head);
                            let mut stream = stream;
                            let _ = stream.write_all(&answer);
                        }
                        Err(_) => std::thread::sleep(Duration::from_millis(5)),
                    }
                }
            })
        };
        Loopback {
            port,
            requests,
            stop,
            thread: Some(thread),
        }
    }

    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    fn requests(&self) -> Vec<String> {
        self.requests.lock().unwrap().clone()
    }
}

impl Drop for Loopback {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Reads a request head (up to the blank line), with a timeout.
fn read_head(stream: &TcpStream) -> Option<String> {
    stream.set_nonblocking(false).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(3))).ok()?;
    let mut head = Vec::new();
    let mut byte = [0u8; 1];
    let mut reader = stream;
    while !head.ends_with(b"\r\n\r\n") && head.len() < 8192 {
        if reader.read(&mut byte).ok()? == 0 {
            return None;
        }
        head.push(byte[0]);
    }
    String::from_utf8(head).ok()
}

fn ok(body: &[u8]) -> Vec<u8> {
    let mut response = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: application/pkix-crl\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    response.extend_from_slice(body);
    response
}

fn status(line: &str, extra: &str) -> Vec<u8> {
    format!("HTTP/1.1 {line}\r\n{extra}Content-Length: 0\r\n\r\n").into_bytes()
}

/// Serves `body` as a CRL to every request.
fn serving(body: Vec<u8>) -> Loopback {
    Loopback::start(Box::new(move |_, _| ok(&body)))
}

struct Pki {
    ca: TestCa,
    root: Certificate,
    intermediate: Certificate,
}

impl Pki {
    fn new() -> Pki {
        let ca = TestCa::new();
        let root = Certificate::from_der(ca.root_der()).unwrap();
        let intermediate = Certificate::from_der(ca.intermediate_der()).unwrap();
        Pki {
            ca,
            root,
            intermediate,
        }
    }

    /// A server certificate from the intermediate naming `points` as CRL distribution points.
    fn leaf(&mut self, points: &[String]) -> Certificate {
        let mut params = CertificateParams::server(
            cert_generation::SubjectName::common_name("mail.contoso.com"),
            vec!["mail.contoso.com".into()],
            fixed_now(),
        );
        params.crl_distribution_points = points.to_vec();
        Certificate::from_der(&self.ca.issue(&params, &key_2048(3))).unwrap()
    }

    /// Trusts the root (in the store of `category`), and installs the intermediate and the
    /// root's CRL in `Cert:\LocalMachine\CA`, where it covers the intermediate.
    fn install(&self, server: &mut Server, category: RootCaType) {
        server
            .add_trusted_root(self.root.clone(), category, fixed_now())
            .unwrap();
        server
            .add_intermediate(self.intermediate.clone(), fixed_now())
            .unwrap();
        server.add_crl(self.root_crl(), fixed_now()).unwrap();
    }

    /// The root's CRL (no revocations), as imported into `Cert:\LocalMachine\CA`: the
    /// intermediate names no distribution point, so its status comes from the store.
    fn root_crl(&self) -> Crl {
        Crl::from_der(&self.ca.root.crl(&dated(60, &[])).unwrap()).unwrap()
    }

    fn validate(
        &self,
        leaf: &Certificate,
        source: &FetchingCrlSource,
        now: OffsetDateTime,
    ) -> Status {
        Validator::new(vec![TrustAnchor::new(
            self.root.clone(),
            RootCaType::ThirdParty,
        )])
        .with_intermediates(vec![self.intermediate.clone()])
        .with_crl_source(Box::new(source.clone()))
        .validate(leaf, now)
        .status
    }
}

/// CRL parameters: thisUpdate a day before [`fixed_now`], nextUpdate `days` after it.
fn dated(days: i64, revoked: &[Vec<u8>]) -> CrlParams {
    CrlParams {
        this_update: fixed_now() - Days::days(1),
        next_update: fixed_now() + Days::days(days),
        number: 1,
        revoked: revoked
            .iter()
            .map(|serial| RevokedCertificate {
                serial: serial.clone(),
                revoked_at: fixed_now() - Days::days(1),
            })
            .collect(),
    }
}

fn client() -> HttpCrlClient {
    HttpCrlClient::direct().with_timeout(Duration::from_secs(2))
}

#[test]
fn b37_valid_when_the_fetched_crl_does_not_list_the_certificate() {
    let mut pki = Pki::new();
    let server = serving(pki.ca.intermediate_crl(&[]));
    let leaf = pki.leaf(&[server.url("/issuing.crl")]);
    let source = FetchingCrlSource::new(vec![pki.root_crl()], client(), fixed_now());
    assert_eq!(pki.validate(&leaf, &source, fixed_now()), Status::Valid);
    let requests = server.requests();
    assert_eq!(requests.len(), 1);
    assert!(requests[0].starts_with("GET /issuing.crl HTTP/1.1\r\n"));
    assert!(requests[0].contains(&format!("\r\nHost: 127.0.0.1:{}\r\n", server.port)));
    let fetched = source.fetched();
    assert_eq!(fetched.len(), 1);
    assert_eq!(fetched[0].url, server.url("/issuing.crl"));
}

#[test]
fn b37_revoked_when_the_fetched_crl_lists_the_leaf_serial() {
    let mut pki = Pki::new();
    // The serial is only known once the leaf is issued; the server reads it from a cell.
    let serial: Arc<Mutex<Vec<u8>>> = Arc::new(Mutex::new(Vec::new()));
    let server = {
        let serial = Arc::clone(&serial);
        let ca = TestCa::new();
        Loopback::start(Box::new(move |_, _| {
            let listed = serial.lock().unwrap().clone();
            ok(&ca.intermediate_crl(&[listed]))
        }))
    };
    let leaf = pki.leaf(&[server.url("/issuing.crl")]);
    *serial.lock().unwrap() = leaf.serial_bytes().to_vec();
    let source = FetchingCrlSource::new(vec![pki.root_crl()], client(), fixed_now());
    assert_eq!(pki.validate(&leaf, &source, fixed_now()), Status::Revoked);
    assert_eq!(server.requests().len(), 1);
}

#[test]
fn b37_revoked_when_the_stored_root_crl_lists_the_intermediate() {
    let mut pki = Pki::new();
    let server = serving(pki.ca.intermediate_crl(&[]));
    let leaf = pki.leaf(&[server.url("/issuing.crl")]);
    let serial = pki.intermediate.serial_bytes().to_vec();
    let root_crl = Crl::from_der(&pki.ca.root.crl(&dated(60, &[serial])).unwrap()).unwrap();
    let source = FetchingCrlSource::new(vec![root_crl], client(), fixed_now());
    assert_eq!(pki.validate(&leaf, &source, fixed_now()), Status::Revoked);
}

#[test]
fn b37_unknown_when_the_crl_server_is_down() {
    let mut pki = Pki::new();
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!(
        "http://127.0.0.1:{}/issuing.crl",
        listener.local_addr().unwrap().port()
    );
    drop(listener);
    let leaf = pki.leaf(&[url]);
    let source = FetchingCrlSource::new(vec![pki.root_crl()], client(), fixed_now());
    assert_eq!(pki.validate(&leaf, &source, fixed_now()), Status::Unknown);
    let attempts = source.attempts();
    assert_eq!(attempts.len(), 1);
    assert!(matches!(
        attempts[0].outcome,
        Err(FetchCrlError::Connect { .. })
    ));
}

#[test]
fn b37_unknown_when_the_server_answers_404() {
    let mut pki = Pki::new();
    let server = Loopback::start(Box::new(|_, _| status("404 Not Found", "")));
    let leaf = pki.leaf(&[server.url("/issuing.crl")]);
    let source = FetchingCrlSource::new(vec![pki.root_crl()], client(), fixed_now());
    assert_eq!(pki.validate(&leaf, &source, fixed_now()), Status::Unknown);
    assert_eq!(
        source.attempts()[0].outcome,
        Err(FetchCrlError::Status {
            url: server.url("/issuing.crl"),
            status: 404
        })
    );
}

#[test]
fn b37_unknown_when_the_server_answers_garbage() {
    let mut pki = Pki::new();
    let server = serving(b"this is not a certificate revocation list".to_vec());
    let leaf = pki.leaf(&[server.url("/issuing.crl")]);
    let source = FetchingCrlSource::new(vec![pki.root_crl()], client(), fixed_now());
    assert_eq!(pki.validate(&leaf, &source, fixed_now()), Status::Unknown);
    assert!(matches!(
        source.attempts()[0].outcome,
        Err(FetchCrlError::NotACrl { .. })
    ));
    // A response that is not HTTP at all.
    let server = Loopback::start(Box::new(|_, _| b"\x00\x01 hello".to_vec()));
    let leaf = pki.leaf(&[server.url("/issuing.crl")]);
    let source = FetchingCrlSource::new(vec![pki.root_crl()], client(), fixed_now());
    assert_eq!(pki.validate(&leaf, &source, fixed_now()), Status::Unknown);
    assert!(matches!(
        source.attempts()[0].outcome,
        Err(FetchCrlError::MalformedResponse { .. })
    ));
}

#[test]
fn b37_unknown_when_the_fetched_crl_is_out_of_date() {
    let mut pki = Pki::new();
    let expired = pki.ca.intermediate.crl(&dated(2, &[])).unwrap();
    let server = serving(expired);
    let leaf = pki.leaf(&[server.url("/issuing.crl")]);
    let now = fixed_now() + Days::days(10);
    let source = FetchingCrlSource::new(vec![pki.root_crl()], client(), now);
    let answer = Validator::new(vec![TrustAnchor::new(
        pki.root.clone(),
        RootCaType::ThirdParty,
    )])
    .with_intermediates(vec![pki.intermediate.clone()])
    .with_crl_source(Box::new(source.clone()))
    .validate(&leaf, now);
    assert_eq!(answer.status, Status::Unknown);
    assert!(answer.reason.contains("out of date"), "{}", answer.reason);
    assert_eq!(server.requests().len(), 1);
}

#[test]
fn b37_unknown_when_the_fetched_crl_is_signed_by_another_key() {
    let mut pki = Pki::new();
    // Same issuer name as the intermediate, another key.
    let impostor = CertificateAuthority::new(pki.ca.intermediate_der(), &key_2048(7)).unwrap();
    let server = serving(impostor.crl(&dated(7, &[])).unwrap());
    let leaf = pki.leaf(&[server.url("/issuing.crl")]);
    let source = FetchingCrlSource::new(vec![pki.root_crl()], client(), fixed_now());
    assert_eq!(pki.validate(&leaf, &source, fixed_now()), Status::Unknown);
    assert_eq!(source.attempts()[0].outcome, Ok(0));
    assert!(
        source.fetched().is_empty(),
        "a badly signed crl is not cached"
    );
}

#[test]
fn s6a_pem_bodies_and_a_redirect_are_accepted() {
    let mut pki = Pki::new();
    let pem = format!(
        "-----BEGIN X509 CRL-----\n{}\n-----END X509 CRL-----\n",
        base64_lines(&pki.ca.intermediate_crl(&[]))
    );
    let server = Loopback::start(Box::new(move |_, head: &str| {
        if head.starts_with("GET /old.crl ") {
            status("302 Found", "Location: /new.crl\r\n")
        } else {
            ok(pem.as_bytes())
        }
    }));
    let leaf = pki.leaf(&[server.url("/old.crl")]);
    let source = FetchingCrlSource::new(vec![pki.root_crl()], client(), fixed_now());
    assert_eq!(pki.validate(&leaf, &source, fixed_now()), Status::Valid);
    let requests = server.requests();
    assert_eq!(requests.len(), 2);
    assert!(requests[1].starts_with("GET /new.crl HTTP/1.1\r\n"));
}

#[test]
fn s6a_redirect_loops_stop_after_two_redirects() {
    let mut pki = Pki::new();
    let server = Loopback::start(Box::new(|_, _| {
        status("301 Moved Permanently", "Location: /loop.crl\r\n")
    }));
    let leaf = pki.leaf(&[server.url("/loop.crl")]);
    let source = FetchingCrlSource::new(vec![pki.root_crl()], client(), fixed_now());
    assert_eq!(pki.validate(&leaf, &source, fixed_now()), Status::Unknown);
    assert!(matches!(
        source.attempts()[0].outcome,
        Err(FetchCrlError::TooManyRedirects { limit: 2, .. })
    ));
    assert_eq!(server.requests().len(), 3);
}

#[test]
fn s6a_oversized_responses_are_refused() {
    let mut pki = Pki::new();
    let server = serving(vec![0x30; 4096]);
    let leaf = pki.leaf(&[server.url("/big.crl")]);
    let small = client().with_max_bytes(1024);
    let source = FetchingCrlSource::new(vec![pki.root_crl()], small, fixed_now());
    assert_eq!(pki.validate(&leaf, &source, fixed_now()), Status::Unknown);
    assert!(matches!(
        source.attempts()[0].outcome,
        Err(FetchCrlError::TooLarge { limit: 1024, .. })
    ));
}

#[test]
fn s6a_a_silent_server_times_out() {
    let mut pki = Pki::new();
    let server = Loopback::start(Box::new(|_, _| {
        std::thread::sleep(Duration::from_millis(1500));
        Vec::new()
    }));
    let leaf = pki.leaf(&[server.url("/slow.crl")]);
    let quick = HttpCrlClient::direct().with_timeout(Duration::from_millis(300));
    let source = FetchingCrlSource::new(vec![pki.root_crl()], quick, fixed_now());
    let started = Instant::now();
    assert_eq!(pki.validate(&leaf, &source, fixed_now()), Status::Unknown);
    assert!(started.elapsed() < Duration::from_millis(1400));
    assert!(matches!(
        source.attempts()[0].outcome,
        Err(FetchCrlError::Transfer { .. })
    ));
}

#[test]
fn s6a_ldap_and_https_points_are_unusable_and_not_contacted() {
    let mut pki = Pki::new();
    let leaf = pki.leaf(&[
        "ldap:///CN=certsh%20Test%20Issuing%20CA,CN=CDP?certificateRevocationList?base".into(),
        "https://127.0.0.1:9/issuing.crl".into(),
    ]);
    let source = FetchingCrlSource::new(vec![pki.root_crl()], client(), fixed_now());
    assert_eq!(pki.validate(&leaf, &source, fixed_now()), Status::Unknown);
    let attempts = source.attempts();
    assert_eq!(attempts.len(), 2);
    assert!(attempts.iter().all(|attempt| matches!(
        attempt.outcome,
        Err(FetchCrlError::UnsupportedScheme { .. })
    )));
}

#[test]
fn s6a_no_fetch_without_a_distribution_point() {
    let mut pki = Pki::new();
    let leaf = pki.leaf(&[]);
    let source = FetchingCrlSource::new(vec![pki.root_crl()], client(), fixed_now());
    assert_eq!(pki.validate(&leaf, &source, fixed_now()), Status::Unknown);
    assert!(source.attempts().is_empty());
}

#[test]
fn s6a_a_stored_current_crl_is_used_without_fetching() {
    let mut pki = Pki::new();
    let server = serving(pki.ca.intermediate_crl(&[]));
    let leaf = pki.leaf(&[server.url("/issuing.crl")]);
    let stored = Crl::from_der(&pki.ca.intermediate_crl(&[])).unwrap();
    let source = FetchingCrlSource::new(vec![pki.root_crl(), stored], client(), fixed_now());
    assert_eq!(pki.validate(&leaf, &source, fixed_now()), Status::Valid);
    assert!(server.requests().is_empty());
    assert!(source.attempts().is_empty());
}

#[test]
fn s6a_fetches_go_through_the_proxy_as_absolute_uri_requests() {
    let mut pki = Pki::new();
    let origin = serving(pki.ca.intermediate_crl(&[]));
    let proxy = Loopback::start(Box::new(|_, head: &str| forward(head)));
    let leaf = pki.leaf(&[origin.url("/issuing.crl")]);
    let through_proxy = HttpCrlClient::new(Some(&proxy.url("")))
        .unwrap()
        .with_timeout(Duration::from_secs(2));
    let source = FetchingCrlSource::new(vec![pki.root_crl()], through_proxy, fixed_now());
    assert_eq!(pki.validate(&leaf, &source, fixed_now()), Status::Valid);
    let seen = proxy.requests();
    assert_eq!(seen.len(), 1);
    let absolute = format!("GET {} HTTP/1.1\r\n", origin.url("/issuing.crl"));
    assert!(seen[0].starts_with(&absolute), "{}", seen[0]);
    let forwarded = origin.requests();
    assert_eq!(forwarded.len(), 1);
    assert!(forwarded[0].starts_with("GET /issuing.crl HTTP/1.1\r\n"));
}

#[test]
fn s6a_the_proxy_must_be_http_host_port() {
    assert!(matches!(
        HttpCrlClient::new(Some("https://proxy:8080")),
        Err(FetchCrlError::UnsupportedScheme { .. })
    ));
    assert!(matches!(
        HttpCrlClient::new(Some("http://proxy:port")),
        Err(FetchCrlError::InvalidUrl { .. })
    ));
}

/// The loopback proxy: takes an absolute-URI request, sends it to the origin in origin form,
/// and relays the answer.
fn forward(head: &str) -> Vec<u8> {
    let target = head
        .strip_prefix("GET http://")
        .and_then(|rest| rest.split(' ').next())
        .unwrap_or("");
    let (authority, path) = target.split_at(target.find('/').unwrap_or(target.len()));
    if authority.is_empty() || !authority.starts_with("127.0.0.1:") {
        return status("400 Bad Request", "");
    }
    let Ok(mut upstream) = TcpStream::connect(authority) else {
        return status("502 Bad Gateway", "");
    };
    let _ = upstream.set_read_timeout(Some(Duration::from_secs(3)));
    let request = format!("GET {path} HTTP/1.1\r\nHost: {authority}\r\nConnection: close\r\n\r\n");
    if upstream.write_all(request.as_bytes()).is_err() {
        return status("502 Bad Gateway", "");
    }
    let mut answer = Vec::new();
    let _ = upstream.read_to_end(&mut answer);
    answer
}

#[test]
fn s6a_fetched_crls_are_cached_until_next_update() {
    let mut pki = Pki::new();
    // First answer: nextUpdate a week after fixed_now; later answers: two months after.
    let short = pki.ca.intermediate.crl(&dated(7, &[])).unwrap();
    let long = pki.ca.intermediate.crl(&dated(60, &[])).unwrap();
    let server = Loopback::start(Box::new(
        move |index, _| {
            if index == 0 { ok(&short) } else { ok(&long) }
        },
    ));
    let leaf = pki.leaf(&[server.url("/issuing.crl")]);
    let first = FetchingCrlSource::new(vec![pki.root_crl()], client(), fixed_now());
    assert_eq!(pki.validate(&leaf, &first, fixed_now()), Status::Valid);
    // Within one source, a second certificate of the same issuer makes no request.
    assert_eq!(pki.validate(&leaf, &first, fixed_now()), Status::Valid);
    assert_eq!(server.requests().len(), 1);

    // The fetched CRL goes into the store's CRL cache ...
    let mut store = cert_store::Store::open_in_memory().unwrap();
    store
        .transaction(|transaction| store_fetched(transaction, &first.fetched()))
        .unwrap();
    let cached = |store: &mut cert_store::Store| -> Vec<Crl> {
        store
            .transaction(|transaction| transaction.crls())
            .unwrap()
            .into_iter()
            .map(|row| Crl::from_der(&row.der).unwrap())
            .collect()
    };
    let rows = store.transaction(|transaction| transaction.crls()).unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(
        rows[0].source_url.as_deref(),
        Some(server.url("/issuing.crl").as_str())
    );

    // ... so the next operation before nextUpdate makes no request,
    let mut stored = cached(&mut store);
    stored.push(pki.root_crl());
    let later = fixed_now() + Days::days(6);
    let second = FetchingCrlSource::new(stored.clone(), client(), later);
    assert_eq!(pki.validate(&leaf, &second, later), Status::Valid);
    assert_eq!(server.requests().len(), 1);

    // and one after nextUpdate fetches again, replacing the cached copy.
    let after = fixed_now() + Days::days(8);
    let third = FetchingCrlSource::new(stored, client(), after);
    assert_eq!(pki.validate(&leaf, &third, after), Status::Valid);
    assert_eq!(server.requests().len(), 2);
    store
        .transaction(|transaction| store_fetched(transaction, &third.fetched()))
        .unwrap();
    let rows = store.transaction(|transaction| transaction.crls()).unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].next_update, Some(fixed_now() + Days::days(60)));
}

#[test]
fn s6a_each_url_is_tried_once_per_source() {
    let mut pki = Pki::new();
    let server = Loopback::start(Box::new(|_, _| status("503 Service Unavailable", "")));
    let leaf = pki.leaf(&[server.url("/issuing.crl")]);
    let source = FetchingCrlSource::new(vec![pki.root_crl()], client(), fixed_now());
    for _ in 0..3 {
        assert_eq!(pki.validate(&leaf, &source, fixed_now()), Status::Unknown);
    }
    assert_eq!(server.requests().len(), 1);
    // The source is what a validator sees.
    let as_source: &dyn CrlSource = &source;
    assert!(as_source.crls_for(&leaf, &pki.intermediate).is_empty());
}

fn base64_lines(der: &[u8]) -> String {
    use base64::Engine;
    let text = base64::engine::general_purpose::STANDARD.encode(der);
    text.as_bytes()
        .chunks(64)
        .map(|chunk| String::from_utf8_lossy(chunk).into_owned())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn b57_s6a_get_exchange_certificate_fetches_through_the_proxy_and_caches_until_next_update() {
    let mut pki = Pki::new();
    let origin = serving(pki.ca.intermediate_crl(&[])); // nextUpdate: fixed_now + 7 days
    let proxy = Loopback::start(Box::new(|_, head: &str| forward(head)));
    let mut server = open_server();
    pki.install(&mut server, RootCaType::ThirdParty);
    server
        .set_internet_web_proxy(Some(&proxy.url("")), fixed_now())
        .unwrap();
    let leaf = pki.leaf(&[origin.url("/issuing.crl")]);
    let imported = import(&mut server, &leaf, 3);
    assert_eq!(imported.status, Status::Valid);
    let after_import = origin.requests().len();
    assert!(after_import <= 1);

    // Get-ExchangeCertificate fetches through the proxy, with an absolute-URI request ...
    let thumbprint = leaf.thumbprint();
    let shown = server.certificate(thumbprint, fixed_now()).unwrap();
    assert_eq!(shown.status, Status::Valid);
    assert_eq!(origin.requests().len(), after_import + 1);
    let through_proxy = proxy.requests();
    assert!(
        through_proxy
            .iter()
            .all(|head| head
                .starts_with(&format!("GET {} HTTP/1.1\r\n", origin.url("/issuing.crl"))))
    );
    assert_eq!(through_proxy.len(), origin.requests().len());
    // ... and caches the CRL in the store: before nextUpdate there is no request.
    let cached = server.state().unwrap().crls.len();
    assert_eq!(cached, 2);
    let later = fixed_now() + Days::days(6);
    assert_eq!(
        server.certificate(thumbprint, later).unwrap().status,
        Status::Valid
    );
    assert_eq!(origin.requests().len(), after_import + 1);

    // After nextUpdate it fetches again; the CA published nothing newer, so Unknown.
    let stale = fixed_now() + Days::days(8);
    assert_eq!(
        server.certificate(thumbprint, stale).unwrap().status,
        Status::Unknown
    );
    assert_eq!(origin.requests().len(), after_import + 2);

    // Without a proxy the request goes to the distribution point directly.
    server.set_internet_web_proxy(None, stale).unwrap();
    let proxied = proxy.requests().len();
    assert_eq!(
        server.certificate(thumbprint, stale).unwrap().status,
        Status::Unknown
    );
    assert_eq!(origin.requests().len(), after_import + 3);
    assert_eq!(proxy.requests().len(), proxied);
    assert!(
        origin
            .requests()
            .last()
            .unwrap()
            .starts_with("GET /issuing.crl HTTP/1.1\r\n")
    );
}

fn open_server() -> Server {
    let mut keys = cert_testkit::FixedKeys::new();
    let mut random = cert_testkit::SeededRandom::new(7);
    Server::open_in_memory(
        &SetupOptions::new("EXCH01.contoso.com"),
        Vec::new(),
        &mut Generators {
            keys: &mut keys,
            random: &mut random,
        },
        fixed_now(),
    )
    .unwrap()
}

/// Imports `certificate` with fixed key `key` as a PFX (Import-ExchangeCertificate).
fn import(server: &mut Server, certificate: &Certificate, key: usize) -> ExchangeCertificate {
    let protection = cert_generation::PfxProtection {
        password: "pw".into(),
        iterations: 1,
    };
    let pfx = cert_generation::export_pfx(certificate.der(), &key_2048(key), &[], &protection, "t")
        .unwrap();
    server
        .import_certificate(&pfx, Some("pw"), None, false, fixed_now())
        .unwrap()
}

#[test]
fn s6a_a_cached_crl_of_one_ca_leaves_other_chains_unchecked() {
    let mut pki = Pki::new();
    let origin = serving(pki.ca.intermediate_crl(&[]));
    let mut server = open_server();
    pki.install(&mut server, RootCaType::ThirdParty);
    let with_point = pki.leaf(&[origin.url("/issuing.crl")]);
    import(&mut server, &with_point, 3);
    let listed = server
        .get_certificates(&CertificateQuery::default(), fixed_now())
        .unwrap();
    assert!(listed.iter().any(
        |shown| shown.thumbprint() == with_point.thumbprint() && shown.status == Status::Valid
    ));
    assert_eq!(server.state().unwrap().crls.len(), 2);

    // Another CA, no distribution point, no CRL: its certificate is not revocation-checked.
    let other_key = key_2048(8);
    let authority = CertificateParams::authority(
        cert_generation::SubjectName::common_name("Fabrikam Root CA"),
        fixed_now() - Days::days(10),
        fixed_now() + Days::days(3650),
        None,
    );
    let mut random = cert_testkit::SeededRandom::new(11);
    let other_root = cert_generation::self_signed(&authority, &other_key, &mut random).unwrap();
    let other = CertificateAuthority::new(&other_root, &other_key).unwrap();
    let params = CertificateParams::server(
        cert_generation::SubjectName::common_name("other.contoso.com"),
        vec!["other.contoso.com".into()],
        fixed_now(),
    );
    let other_leaf =
        Certificate::from_der(&other.issue(&params, &key_2048(4), &mut random).unwrap()).unwrap();
    server
        .add_trusted_root(
            Certificate::from_der(&other_root).unwrap(),
            RootCaType::ThirdParty,
            fixed_now(),
        )
        .unwrap();
    assert_eq!(import(&mut server, &other_leaf, 4).status, Status::Valid);
    let shown = server
        .certificate(other_leaf.thumbprint(), fixed_now())
        .unwrap();
    assert_eq!(shown.status, Status::Valid);
    // The same CA's certificate without a distribution point is checked against the cached CRL.
    let plain = pki.leaf(&[]);
    let requests = origin.requests().len();
    assert_eq!(import(&mut server, &plain, 3).status, Status::Valid);
    assert_eq!(origin.requests().len(), requests);
}

/// B-56: an Edge server checks revocation even for certificates its own organisation's CA
/// issued (a root published through Active Directory, RootCAType Enterprise): while the
/// issuing CA's CRL cannot be reached from the Edge the certificate is Unknown, and once the
/// distribution point answers it is Valid.
#[test]
fn b56_an_edge_server_checks_its_own_organisations_certificates_against_the_crl() {
    let mut pki = Pki::new();
    let mut server = open_server();
    server
        .set_server(
            &ServerChanges {
                roles: Some(vec![ServerRole::EdgeTransport]),
                ..ServerChanges::default()
            },
            fixed_now(),
        )
        .unwrap();
    assert_eq!(
        server.config().unwrap().roles,
        vec![ServerRole::EdgeTransport]
    );
    pki.install(&mut server, RootCaType::Enterprise);

    // The distribution point is unreachable from the Edge: nothing listens on it.
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let unreachable = format!(
        "http://127.0.0.1:{}/issuing.crl",
        listener.local_addr().unwrap().port()
    );
    drop(listener);
    let own = pki.leaf(&[unreachable]);
    let imported = import(&mut server, &own, 3);
    assert_eq!(imported.status, Status::Unknown);

    // Published where the Edge can reach it, the same organisation's certificate is Valid.
    let origin = serving(pki.ca.intermediate_crl(&[]));
    let reachable = pki.leaf(&[origin.url("/issuing.crl")]);
    let imported = import(&mut server, &reachable, 4);
    assert_eq!(imported.root_ca_type, RootCaType::Enterprise);
    assert_eq!(imported.status, Status::Valid);
    assert!(!origin.requests().is_empty());
}
