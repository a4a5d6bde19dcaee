//! CRL fetching for revocation checking (design.md §6a): the only network I/O of the product.
//!
//! What it does: [`HttpCrlClient`] is a small HTTP/1.1 GET client on [`std::net::TcpStream`]
//! with connect, read and write timeouts ([`FETCH_TIMEOUT`]) and an overall deadline, a
//! response size cap ([`MAX_CRL_BYTES`]), a 200-only status rule with at most
//! [`MAX_REDIRECTS`] redirects, and DER or PEM bodies. With `Set-ExchangeServer
//! -InternetWebProxy http://host:port` set it sends absolute-URI requests to that proxy; it
//! connects directly otherwise. [`FetchingCrlSource`] is the [`CrlSource`] the server's
//! validator uses: for each certificate it first consults the stored CRLs (imported into
//! `Cert:\LocalMachine\CA`, or cached by an earlier fetch) that are current at `now` and signed
//! by the issuer, and fetches only when none is, and only from the certificate's own CRL
//! distribution points. What it fetched is kept for the caller to store ([`store_fetched`]),
//! so the next operation before nextUpdate makes no request.
//!
//! What it does not do: HTTPS, LDAP or FTP distribution points (reported as unusable), proxy
//! authentication, OCSP, delta CRLs, or reading the clock (`now` is a parameter).
//!
//! Tests: unit tests of the URL and response parsing at the bottom of this file; loopback
//! server and proxy tests in `tests/crl_fetch.rs`.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream, ToSocketAddrs};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use cert_model::{Certificate, Crl};
use cert_validation::CrlSource;
use time::OffsetDateTime;

/// Connect, read and write timeout of one CRL request; the whole exchange (redirects
/// included) must also finish within twice this.
pub const FETCH_TIMEOUT: Duration = Duration::from_secs(3);

/// The largest CRL body accepted, in bytes.
pub const MAX_CRL_BYTES: usize = 8 * 1024 * 1024;

/// How many redirects (301, 302, 303, 307, 308) a fetch follows.
pub const MAX_REDIRECTS: usize = 2;

/// The largest response head (status line and headers) accepted, in bytes.
const MAX_HEAD_BYTES: usize = 16 * 1024;

/// Fetching a CRL failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FetchCrlError {
    /// The distribution point is not an `http://` URL (LDAP, HTTPS, FTP, file).
    #[error("'{url}' is not an http url; only http crl distribution points are fetched")]
    UnsupportedScheme {
        /// The URL.
        url: String,
    },
    /// The URL (or the proxy URL) cannot be parsed.
    #[error("'{url}' is not a valid http url")]
    InvalidUrl {
        /// The URL.
        url: String,
    },
    /// No connection could be made.
    #[error("cannot connect to {address}: {reason}")]
    Connect {
        /// `host:port` of the server or proxy.
        address: String,
        /// The system's reason.
        reason: String,
    },
    /// Sending the request or reading the response failed (timeouts included).
    #[error("reading {url} failed: {reason}")]
    Transfer {
        /// The URL.
        url: String,
        /// The system's reason.
        reason: String,
    },
    /// The response is not well-formed HTTP/1.x.
    #[error("the response for {url} is not valid http: {reason}")]
    MalformedResponse {
        /// The URL.
        url: String,
        /// What is wrong.
        reason: String,
    },
    /// The server answered with a status other than 200 (after redirects).
    #[error("{url} answered with http status {status}")]
    Status {
        /// The URL.
        url: String,
        /// The status code.
        status: u16,
    },
    /// More than [`MAX_REDIRECTS`] redirects.
    #[error("{url} redirected more than {limit} times")]
    TooManyRedirects {
        /// The first URL.
        url: String,
        /// The limit.
        limit: usize,
    },
    /// The body exceeds the size cap.
    #[error("the response for {url} is larger than {limit} bytes")]
    TooLarge {
        /// The URL.
        url: String,
        /// The cap.
        limit: usize,
    },
    /// The body is neither a DER nor a PEM CRL.
    #[error("the response for {url} is not a crl: {reason}")]
    NotACrl {
        /// The URL.
        url: String,
        /// The parser's reason.
        reason: String,
    },
}

/// An `http://host[:port]/path` URL, split.
#[derive(Debug, Clone, PartialEq, Eq)]
struct HttpUrl {
    host: String,
    port: u16,
    path: String,
}

impl HttpUrl {
    fn parse(url: &str) -> Result<HttpUrl, FetchCrlError> {
        let invalid = || FetchCrlError::InvalidUrl {
            url: url.to_owned(),
        };
        let Some((scheme, rest)) = url.split_once("://") else {
            return Err(invalid());
        };
        if !scheme.eq_ignore_ascii_case("http") {
            return Err(FetchCrlError::UnsupportedScheme {
                url: url.to_owned(),
            });
        }
        let (authority, path) = match rest.find(['/', '?', '#']) {
            Some(index) => (&rest[..index], &rest[index..]),
            None => (rest, "/"),
        };
        let path = path.split('#').next().unwrap_or("/");
        let path = if path.starts_with('/') {
            path.to_owned()
        } else {
            format!("/{path}")
        };
        if authority.contains('@') || authority.is_empty() {
            return Err(invalid());
        }
        let (host, port) = if let Some(bracketed) = authority.strip_prefix('[') {
            let (host, after) = bracketed.split_once(']').ok_or_else(invalid)?;
            let port = match after.strip_prefix(':') {
                Some(port) => port.parse::<u16>().map_err(|_| invalid())?,
                None if after.is_empty() => 80,
                None => return Err(invalid()),
            };
            (format!("[{host}]"), port)
        } else {
            match authority.rsplit_once(':') {
                Some((host, port)) => {
                    (host.to_owned(), port.parse::<u16>().map_err(|_| invalid())?)
                }
                None => (authority.to_owned(), 80),
            }
        };
        let host_ok = !host.is_empty()
            && host.chars().all(|c| {
                c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | '[' | ']' | ':')
            });
        if !host_ok || port == 0 || path.chars().any(|c| c.is_ascii_control() || c == ' ') {
            return Err(invalid());
        }
        Ok(HttpUrl { host, port, path })
    }

    /// `host:port` for connecting.
    fn address(&self) -> String {
        format!("{}:{}", self.host, self.port)
    }

    /// The `Host` header value (port omitted when 80).
    fn host_header(&self) -> String {
        if self.port == 80 {
            self.host.clone()
        } else {
            self.address()
        }
    }

    /// The absolute URI a proxy is sent.
    fn absolute(&self) -> String {
        format!("http://{}{}", self.host_header(), self.path)
    }

    /// Resolves a `Location` header against this URL.
    fn resolve(&self, location: &str) -> String {
        if location.contains("://") {
            location.to_owned()
        } else if location.starts_with('/') {
            format!("http://{}{}", self.host_header(), location)
        } else {
            let directory = match self.path.rfind('/') {
                Some(index) => &self.path[..=index],
                None => "/",
            };
            format!("http://{}{directory}{location}", self.host_header())
        }
    }
}

/// A parsed HTTP response.
#[derive(Debug)]
struct Response {
    status: u16,
    location: Option<String>,
    body: Vec<u8>,
}

/// An HTTP/1.1 GET client for CRLs: direct, or through an `http://host:port` proxy.
#[derive(Debug, Clone)]
pub struct HttpCrlClient {
    proxy: Option<HttpUrl>,
    timeout: Duration,
    max_bytes: usize,
}

impl HttpCrlClient {
    /// A client that connects directly, with [`FETCH_TIMEOUT`] and [`MAX_CRL_BYTES`].
    pub fn direct() -> HttpCrlClient {
        HttpCrlClient {
            proxy: None,
            timeout: FETCH_TIMEOUT,
            max_bytes: MAX_CRL_BYTES,
        }
    }

    /// A client that sends every request to `proxy` (`http://host:port`, the server's
    /// `InternetWebProxy`), or connects directly when `None`.
    ///
    /// # Errors
    /// [`FetchCrlError::InvalidUrl`] or [`FetchCrlError::UnsupportedScheme`] for a proxy that
    /// is not `http://host:port`.
    pub fn new(proxy: Option<&str>) -> Result<HttpCrlClient, FetchCrlError> {
        let proxy = proxy.map(HttpUrl::parse).transpose()?;
        Ok(HttpCrlClient {
            proxy,
            ..HttpCrlClient::direct()
        })
    }

    /// The same client with another per-step timeout.
    pub fn with_timeout(mut self, timeout: Duration) -> HttpCrlClient {
        self.timeout = timeout;
        self
    }

    /// The same client with another body size cap.
    pub fn with_max_bytes(mut self, max_bytes: usize) -> HttpCrlClient {
        self.max_bytes = max_bytes;
        self
    }

    /// Fetches the CRLs at `url` (a DER CRL, or PEM with one or more `X509 CRL` blocks),
    /// following at most [`MAX_REDIRECTS`] redirects.
    ///
    /// # Errors
    /// [`FetchCrlError`] for unsupported URLs, network failures, non-200 answers, oversized or
    /// unparsable bodies.
    pub fn fetch(&self, url: &str) -> Result<Vec<Crl>, FetchCrlError> {
        let deadline = Instant::now() + self.timeout.saturating_mul(2);
        let mut current = url.to_owned();
        for _ in 0..=MAX_REDIRECTS {
            let target = HttpUrl::parse(&current)?;
            if Instant::now() > deadline {
                return Err(FetchCrlError::Transfer {
                    url: current,
                    reason: "the transfer took too long".to_owned(),
                });
            }
            let response = self.get(&current, &target, deadline)?;
            match response.status {
                200 => {
                    return Crl::parse_any(&response.body).map_err(|error| {
                        FetchCrlError::NotACrl {
                            url: current.clone(),
                            reason: error.to_string(),
                        }
                    });
                }
                301 | 302 | 303 | 307 | 308 => match response.location {
                    Some(location) => current = target.resolve(&location),
                    None => {
                        return Err(FetchCrlError::MalformedResponse {
                            url: current,
                            reason: "a redirect without a location header".to_owned(),
                        });
                    }
                },
                status => {
                    return Err(FetchCrlError::Status {
                        url: current,
                        status,
                    });
                }
            }
        }
        Err(FetchCrlError::TooManyRedirects {
            url: url.to_owned(),
            limit: MAX_REDIRECTS,
        })
    }

    /// One GET exchange.
    fn get(
        &self,
        url: &str,
        target: &HttpUrl,
        deadline: Instant,
    ) -> Result<Response, FetchCrlError> {
        let (connect_to, request_target) = match &self.proxy {
            Some(proxy) => (proxy, target.absolute()),
            None => (target, target.path.clone()),
        };
        let mut stream = self.connect(connect_to)?;
        let transfer = |error: std::io::Error| FetchCrlError::Transfer {
            url: url.to_owned(),
            reason: error.to_string(),
        };
        let request = format!(
            "GET {request_target} HTTP/1.1\r\nHost: {}\r\nUser-Agent: certsh-crl/1\r\n\
             Accept: application/pkix-crl, */*\r\nConnection: close\r\n\r\n",
            target.host_header()
        );
        stream.write_all(request.as_bytes()).map_err(transfer)?;
        stream.flush().map_err(transfer)?;
        let limit = self.max_bytes.saturating_add(MAX_HEAD_BYTES);
        let mut raw = Vec::new();
        let mut buffer = [0u8; 16 * 1024];
        loop {
            if Instant::now() > deadline {
                return Err(FetchCrlError::Transfer {
                    url: url.to_owned(),
                    reason: "the transfer took too long".to_owned(),
                });
            }
            let read = stream.read(&mut buffer).map_err(transfer)?;
            if read == 0 {
                break;
            }
            raw.extend_from_slice(&buffer[..read]);
            if raw.len() > limit {
                return Err(FetchCrlError::TooLarge {
                    url: url.to_owned(),
                    limit: self.max_bytes,
                });
            }
            if let Some(response) = complete_response(&raw, url, self.max_bytes)? {
                return Ok(response);
            }
        }
        parse_response(&raw, url, self.max_bytes, true)
    }

    fn connect(&self, to: &HttpUrl) -> Result<TcpStream, FetchCrlError> {
        let address = to.address();
        let failed = |reason: String| FetchCrlError::Connect {
            address: address.clone(),
            reason,
        };
        let host = to.host.trim_start_matches('[').trim_end_matches(']');
        let addresses = resolve(host, to.port, self.timeout).map_err(failed)?;
        let mut last = "the name has no address".to_owned();
        for candidate in addresses.iter().take(4) {
            match TcpStream::connect_timeout(candidate, self.timeout) {
                Ok(stream) => {
                    let configure = stream
                        .set_read_timeout(Some(self.timeout))
                        .and_then(|()| stream.set_write_timeout(Some(self.timeout)));
                    configure.map_err(|error| failed(error.to_string()))?;
                    return Ok(stream);
                }
                Err(error) => last = error.to_string(),
            }
        }
        Err(failed(last))
    }
}

/// The addresses of `host`: an IP literal directly, a name through the system resolver on a
/// helper thread, given up after `timeout` (the resolver itself has no timeout; an abandoned
/// lookup finishes on its own thread).
fn resolve(host: &str, port: u16, timeout: Duration) -> Result<Vec<SocketAddr>, String> {
    if let Ok(ip) = host.parse::<std::net::IpAddr>() {
        return Ok(vec![SocketAddr::new(ip, port)]);
    }
    let (sender, receiver) = std::sync::mpsc::channel();
    let name = host.to_owned();
    std::thread::Builder::new()
        .name("certsh-crl-resolve".to_owned())
        .spawn(move || {
            let answer = (name.as_str(), port)
                .to_socket_addrs()
                .map(Iterator::collect::<Vec<SocketAddr>>)
                .map_err(|error| error.to_string());
            // The receiver may have given up; nothing is waiting then.
            let _ = sender.send(answer);
        })
        .map_err(|error| error.to_string())?;
    match receiver.recv_timeout(timeout) {
        Ok(answer) => answer,
        Err(_) => Err(format!("resolving {host} took longer than {timeout:?}")),
    }
}

/// The response, once `raw` holds all of it by its Content-Length (`None` while more is to come
/// or the length is only known at end of stream).
fn complete_response(
    raw: &[u8],
    url: &str,
    max_bytes: usize,
) -> Result<Option<Response>, FetchCrlError> {
    let Some(head_end) = find(raw, b"\r\n\r\n") else {
        if raw.len() > MAX_HEAD_BYTES {
            return Err(malformed(url, "the response head is too long"));
        }
        return Ok(None);
    };
    let head = parse_head(&raw[..head_end], url)?;
    match head.content_length {
        Some(length) if !head.chunked && raw.len() - (head_end + 4) >= length => {
            parse_response(raw, url, max_bytes, false).map(Some)
        }
        _ => Ok(None),
    }
}

struct Head {
    status: u16,
    location: Option<String>,
    content_length: Option<usize>,
    chunked: bool,
}

fn malformed(url: &str, reason: &str) -> FetchCrlError {
    FetchCrlError::MalformedResponse {
        url: url.to_owned(),
        reason: reason.to_owned(),
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window == needle)
}

fn parse_head(head: &[u8], url: &str) -> Result<Head, FetchCrlError> {
    let text = std::str::from_utf8(head).map_err(|_| malformed(url, "the head is not text"))?;
    let mut lines = text.split("\r\n");
    let status_line = lines.next().unwrap_or("");
    let mut parts = status_line.splitn(3, ' ');
    let version = parts.next().unwrap_or("");
    if !version.starts_with("HTTP/1.") {
        return Err(malformed(url, "the status line is not HTTP/1.x"));
    }
    let status = parts
        .next()
        .and_then(|code| code.parse::<u16>().ok())
        .filter(|code| (100..=999).contains(code))
        .ok_or_else(|| malformed(url, "the status code is missing"))?;
    let mut head = Head {
        status,
        location: None,
        content_length: None,
        chunked: false,
    };
    for line in lines {
        let (name, value) = line
            .split_once(':')
            .ok_or_else(|| malformed(url, "a header line has no colon"))?;
        let value = value.trim();
        if name.eq_ignore_ascii_case("content-length") {
            let length = value
                .parse::<usize>()
                .map_err(|_| malformed(url, "the content-length is not a number"))?;
            if head.content_length.is_some_and(|known| known != length) {
                return Err(malformed(url, "conflicting content-length headers"));
            }
            head.content_length = Some(length);
        } else if name.eq_ignore_ascii_case("transfer-encoding") {
            head.chunked = value.to_ascii_lowercase().ends_with("chunked");
        } else if name.eq_ignore_ascii_case("location") {
            head.location = Some(value.to_owned());
        }
    }
    Ok(head)
}

/// Parses a whole response; `at_eof` when the connection has closed.
fn parse_response(
    raw: &[u8],
    url: &str,
    max_bytes: usize,
    at_eof: bool,
) -> Result<Response, FetchCrlError> {
    let head_end = find(raw, b"\r\n\r\n").ok_or_else(|| {
        if raw.is_empty() {
            malformed(url, "the connection closed without a response")
        } else {
            malformed(url, "the response head is incomplete")
        }
    })?;
    let head = parse_head(&raw[..head_end], url)?;
    let rest = &raw[head_end + 4..];
    let body = if head.chunked {
        decode_chunked(rest, url)?
    } else {
        match head.content_length {
            Some(length) if rest.len() >= length => rest[..length].to_vec(),
            Some(_) if at_eof => return Err(malformed(url, "the body is shorter than announced")),
            Some(_) => return Err(malformed(url, "the body is incomplete")),
            None => rest.to_vec(),
        }
    };
    if body.len() > max_bytes {
        return Err(FetchCrlError::TooLarge {
            url: url.to_owned(),
            limit: max_bytes,
        });
    }
    Ok(Response {
        status: head.status,
        location: head.location,
        body,
    })
}

fn decode_chunked(mut rest: &[u8], url: &str) -> Result<Vec<u8>, FetchCrlError> {
    let mut body = Vec::new();
    loop {
        let line_end = find(rest, b"\r\n").ok_or_else(|| malformed(url, "a chunk is truncated"))?;
        let size_text = std::str::from_utf8(&rest[..line_end])
            .map_err(|_| malformed(url, "a chunk size is not text"))?;
        let size_text = size_text.split(';').next().unwrap_or("").trim();
        let size = usize::from_str_radix(size_text, 16)
            .map_err(|_| malformed(url, "a chunk size is not hexadecimal"))?;
        rest = &rest[line_end + 2..];
        if size == 0 {
            return Ok(body);
        }
        if rest.len() < size.saturating_add(2) {
            return Err(malformed(url, "a chunk is truncated"));
        }
        body.extend_from_slice(&rest[..size]);
        rest = &rest[size + 2..];
    }
}

/// One fetch attempt of a [`FetchingCrlSource`], for diagnostics.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchAttempt {
    /// The distribution point URL.
    pub url: String,
    /// How many CRLs it gave, or why it gave none.
    pub outcome: Result<usize, FetchCrlError>,
}

/// A CRL fetched from a distribution point.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FetchedCrl {
    /// The URL it came from.
    pub url: String,
    /// The CRL.
    pub crl: Crl,
}

#[derive(Debug, Default)]
struct Fetches {
    crls: Vec<FetchedCrl>,
    attempts: Vec<FetchAttempt>,
}

/// The server's [`CrlSource`]: stored CRLs that are current at `now`, else CRLs fetched from
/// the certificate's HTTP distribution points (each URL at most once per source). Clones share
/// one record of fetches, so a clone handed to a validator still reports to the original.
#[derive(Debug, Clone)]
pub struct FetchingCrlSource {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    stored: Vec<Crl>,
    client: Option<HttpCrlClient>,
    now: OffsetDateTime,
    fetches: Mutex<Fetches>,
}

impl FetchingCrlSource {
    /// A source over `stored` CRLs that fetches with `client` at `now`.
    pub fn new(stored: Vec<Crl>, client: HttpCrlClient, now: OffsetDateTime) -> FetchingCrlSource {
        FetchingCrlSource::build(stored, Some(client), now)
    }

    /// A source over `stored` CRLs that never fetches.
    pub fn offline(stored: Vec<Crl>, now: OffsetDateTime) -> FetchingCrlSource {
        FetchingCrlSource::build(stored, None, now)
    }

    fn build(
        stored: Vec<Crl>,
        client: Option<HttpCrlClient>,
        now: OffsetDateTime,
    ) -> FetchingCrlSource {
        FetchingCrlSource {
            inner: Arc::new(Inner {
                stored,
                client,
                now,
                fetches: Mutex::new(Fetches::default()),
            }),
        }
    }

    /// The CRLs fetched so far (to be stored with [`store_fetched`]).
    pub fn fetched(&self) -> Vec<FetchedCrl> {
        self.lock().crls.clone()
    }

    /// Every fetch attempted so far, in order.
    pub fn attempts(&self) -> Vec<FetchAttempt> {
        self.lock().attempts.clone()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Fetches> {
        // A poisoned lock only means another validation panicked; the data is still whole.
        self.inner
            .fetches
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn current(&self, crl: &Crl) -> bool {
        let now = self.inner.now;
        crl.this_update() <= now && crl.next_update().is_none_or(|next| next >= now)
    }
}

fn issued_by(crl: &Crl, subject: &Certificate, issuer: &Certificate) -> bool {
    (crl.issuer_der() == subject.issuer_der() || crl.issuer().matches(subject.issuer()))
        && crl.verify_signed_by(issuer.public_key()).is_ok()
}

impl CrlSource for FetchingCrlSource {
    fn crls_for(&self, subject: &Certificate, issuer: &Certificate) -> Vec<Crl> {
        let mut fetches = self.lock();
        let known: Vec<Crl> = self
            .inner
            .stored
            .iter()
            .chain(fetches.crls.iter().map(|fetched| &fetched.crl))
            .filter(|crl| issued_by(crl, subject, issuer))
            .cloned()
            .collect();
        let current: Vec<Crl> = known
            .iter()
            .filter(|crl| self.current(crl))
            .cloned()
            .collect();
        if !current.is_empty() {
            return current;
        }
        let mut stale = known;
        let mut fresh = Vec::new();
        if let Some(client) = &self.inner.client {
            for url in subject.extensions().crl_distribution_points() {
                if fetches.attempts.iter().any(|attempt| &attempt.url == url) {
                    continue;
                }
                let outcome = client.fetch(url).map(|crls| {
                    let mine: Vec<Crl> = crls
                        .into_iter()
                        .filter(|crl| issued_by(crl, subject, issuer))
                        .collect();
                    let count = mine.len();
                    for crl in mine {
                        if self.current(&crl) {
                            fresh.push(crl.clone());
                            fetches.crls.push(FetchedCrl {
                                url: url.clone(),
                                crl,
                            });
                        } else {
                            // Not cached: it could answer nothing, now or later.
                            stale.push(crl);
                        }
                    }
                    count
                });
                fetches.attempts.push(FetchAttempt {
                    url: url.clone(),
                    outcome,
                });
            }
        }
        // Out-of-date CRLs go last: the validator then explains why none is usable.
        fresh.extend(stale);
        fresh
    }
}

/// Stores fetched CRLs in the CRL cache, each replacing the earlier copy from the same issuer
/// and URL.
///
/// # Errors
/// [`cert_store::StoreError`] on database failure.
pub fn store_fetched(
    transaction: &cert_store::Transaction<'_>,
    fetched: &[FetchedCrl],
) -> Result<(), cert_store::StoreError> {
    for item in fetched {
        transaction.put_crl(&cert_store::CrlRow {
            id: 0,
            issuer: item.crl.issuer().to_string(),
            der: item.crl.der().to_vec(),
            this_update: item.crl.this_update(),
            next_update: item.crl.next_update(),
            source_url: Some(item.url.clone()),
        })?;
    }
    Ok(())
}

/// The revocation-checking validator of a server state at `now` (design.md §6a): trusted roots
/// as anchors, the intermediate store as the pool, and a [`FetchingCrlSource`] over the stored
/// CRLs that fetches through the server's `InternetWebProxy` when one is set (offline when the
/// stored proxy is unusable). The source is returned too, for [`FetchingCrlSource::fetched`].
pub(crate) fn revocation_validator(
    state: &crate::model::ServerState,
    now: OffsetDateTime,
) -> (cert_validation::Validator, FetchingCrlSource) {
    let source = match HttpCrlClient::new(state.config.internet_web_proxy.as_deref()) {
        Ok(client) => FetchingCrlSource::new(state.crls.clone(), client, now),
        Err(_) => FetchingCrlSource::offline(state.crls.clone(), now),
    };
    let anchors = state
        .roots
        .iter()
        .map(|root| cert_validation::TrustAnchor::new(root.certificate.clone(), root.category))
        .collect();
    let validator = cert_validation::Validator::new(anchors)
        .with_intermediates(state.intermediates.clone())
        .with_crl_source(Box::new(source.clone()));
    (validator, source)
}

/// Whether revocation is checked for `leaf`, whose chain (leaf first, anchor last) is
/// `chain`: when a member below the anchor names a CRL distribution point, or a stored CRL
/// comes from a member's issuer. A chain no CRL concerns is not checked, so a CRL cached for
/// one CA never turns the certificates of another CA `Unknown`.
pub(crate) fn revocation_applies(
    state: &crate::model::ServerState,
    leaf: &Certificate,
    chain: &[cert_model::Thumbprint],
) -> bool {
    let below_anchor = &chain[..chain.len().saturating_sub(1)];
    let find = |thumbprint: &cert_model::Thumbprint| {
        std::iter::once(leaf)
            .chain(state.intermediates.iter())
            .chain(state.roots.iter().map(|root| &root.certificate))
            .find(|certificate| certificate.thumbprint() == *thumbprint)
    };
    below_anchor.iter().filter_map(find).any(|member| {
        !member.extensions().crl_distribution_points().is_empty()
            || state.crls.iter().any(|crl| {
                crl.issuer_der() == member.issuer_der() || crl.issuer().matches(member.issuer())
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn s6a_http_urls_split_into_host_port_and_path() {
        let url = HttpUrl::parse("http://crl.contoso.com/issuing.crl").unwrap();
        assert_eq!(url.host, "crl.contoso.com");
        assert_eq!(url.port, 80);
        assert_eq!(url.path, "/issuing.crl");
        assert_eq!(url.absolute(), "http://crl.contoso.com/issuing.crl");
        let url = HttpUrl::parse("HTTP://127.0.0.1:8080").unwrap();
        assert_eq!(url.address(), "127.0.0.1:8080");
        assert_eq!(url.path, "/");
        let url = HttpUrl::parse("http://[::1]:81/a?b=c#frag").unwrap();
        assert_eq!(url.host, "[::1]");
        assert_eq!(url.path, "/a?b=c");
    }

    #[test]
    fn s6a_ip_literals_need_no_lookup_and_names_resolve_with_a_timeout() {
        let addresses = resolve("127.0.0.1", 8080, Duration::from_millis(1)).unwrap();
        assert_eq!(addresses, ["127.0.0.1:8080".parse::<SocketAddr>().unwrap()]);
        let addresses = resolve("::1", 81, Duration::from_millis(1)).unwrap();
        assert_eq!(addresses, ["[::1]:81".parse::<SocketAddr>().unwrap()]);
        let addresses = resolve("localhost", 80, Duration::from_secs(3)).unwrap();
        assert!(addresses.iter().all(|address| address.ip().is_loopback()));
    }

    #[test]
    fn s6a_ldap_and_https_distribution_points_are_unusable() {
        for url in [
            "ldap:///CN=certsh,CN=CDP?certificateRevocationList?base",
            "https://crl.contoso.com/a.crl",
            "ftp://crl.contoso.com/a.crl",
        ] {
            assert!(matches!(
                HttpUrl::parse(url),
                Err(FetchCrlError::UnsupportedScheme { .. })
            ));
            assert!(matches!(
                HttpCrlClient::direct().fetch(url),
                Err(FetchCrlError::UnsupportedScheme { .. })
            ));
        }
        for url in [
            "http://",
            "http://host:notaport/",
            "http://us@host/",
            "crl.crl",
        ] {
            assert!(matches!(
                HttpUrl::parse(url),
                Err(FetchCrlError::InvalidUrl { .. })
            ));
        }
    }

    #[test]
    fn s6a_redirect_locations_resolve_against_the_request_url() {
        let url = HttpUrl::parse("http://a.example:8080/dir/x.crl").unwrap();
        assert_eq!(url.resolve("/y.crl"), "http://a.example:8080/y.crl");
        assert_eq!(url.resolve("z.crl"), "http://a.example:8080/dir/z.crl");
        assert_eq!(
            url.resolve("http://b.example/w.crl"),
            "http://b.example/w.crl"
        );
    }

    #[test]
    fn s6a_responses_by_length_chunked_or_end_of_stream() {
        let raw = b"HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nabcdef";
        let response = complete_response(raw, "u", 100).unwrap().unwrap();
        assert_eq!(response.body, b"abc");
        assert!(
            complete_response(b"HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\nab", "u", 100)
                .unwrap()
                .is_none()
        );
        let raw = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nab\r\n1;x\r\nc\r\n0\r\n\r\n";
        assert_eq!(parse_response(raw, "u", 100, true).unwrap().body, b"abc");
        let raw = b"HTTP/1.0 302 Found\r\nLocation: /b\r\n\r\n";
        let response = parse_response(raw, "u", 100, true).unwrap();
        assert_eq!(response.status, 302);
        assert_eq!(response.location.as_deref(), Some("/b"));
        let raw = b"HTTP/1.1 200 OK\r\n\r\n0123456789";
        assert!(matches!(
            parse_response(raw, "u", 5, true),
            Err(FetchCrlError::TooLarge { limit: 5, .. })
        ));
        for bad in [
            &b""[..],
            b"garbage\r\n\r\n",
            b"HTTP/1.1 abc\r\n\r\n",
            b"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nab",
            b"HTTP/1.1 200 OK\r\nno colon\r\n\r\n",
        ] {
            assert!(matches!(
                parse_response(bad, "u", 100, true),
                Err(FetchCrlError::MalformedResponse { .. })
            ));
        }
    }
}
