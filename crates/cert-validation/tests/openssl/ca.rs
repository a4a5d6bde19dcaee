//! Differential tests against `openssl verify -crl_check_all` (issue 4 item 5): chains and
//! CRLs made by real `openssl ca` must get the same verdict from openssl and from our
//! [`Validator`], and that verdict must be the one the scenario expects.
//!
//! Each test makes its own PKI in a fresh temp directory: a root CA, an intermediate CA
//! signed by the root (`-extensions v3_ca`), and leaves signed by the intermediate with the
//! serverAuth EKU, all with P-256 keys (fast to generate). Every CA has its own directory
//! holding `index.txt`, `serial` and `crlnumber`, and `openssl ca` runs there with the
//! configuration `tests/fixtures/openssl-ca/ca.cnf` (policy_anything, `-batch`). Dates are
//! fixed with `-startdate`/`-enddate` and CRL dates with `-crl_lastupdate`/`-crl_nextupdate`
//! (openssl 3.0 has both), and both sides validate at [`AT`] (`-attime` for openssl), so no
//! result depends on the wall clock. The root is self-signed with `openssl ca -selfsign`
//! rather than `openssl req -x509`, because `req -x509` in openssl 3.0 cannot set notBefore
//! (its validity would start at the wall clock, after [`AT`]). Revocation dates written by
//! `openssl ca -revoke` are the wall clock; neither side compares them with the instant.
//!
//! openssl runs as `openssl verify -attime T -crl_check_all -CAfile <anchor> -untrusted
//! <intermediates> -CRLfile <crl>… leaf.pem`; it stops at the first error, printed as
//! `error N at D depth lookup: <message>` (the first such line is its verdict), and N maps
//! to a [`Status`]:
//!
//! | openssl result                                         | code | Status        |
//! |--------------------------------------------------------|------|---------------|
//! | `OK` (X509_V_OK)                                       | 0    | `Valid`       |
//! | certificate revoked                                    | 23   | `Revoked`     |
//! | certificate is not yet valid                           | 9    | `DateInvalid` |
//! | certificate has expired                                | 10   | `DateInvalid` |
//! | unable to get certificate CRL                          | 3    | `Unknown`     |
//! | CRL is not yet valid                                   | 11   | `Unknown`     |
//! | CRL has expired                                        | 12   | `Unknown`     |
//! | unable to get issuer certificate                       | 2    | `Untrusted`   |
//! | self-signed certificate                                | 18   | `Untrusted`   |
//! | self-signed certificate in certificate chain           | 19   | `Untrusted`   |
//! | unable to get local issuer certificate                 | 20   | `Untrusted`   |
//! | invalid CA certificate (79 in openssl 3.0), and others | any  | `Invalid`     |
//!
//! Skips with a message when openssl is not installed.

use std::path::{Path, PathBuf};
use std::process::Command;

use cert_model::{Certificate, Crl, RootCaType, Status};
use cert_validation::{TrustAnchor, Validator};
use time::OffsetDateTime;
use time::macros::datetime;

/// The instant both sides validate at.
const AT: OffsetDateTime = datetime!(2010-06-01 00:00 UTC);
/// Validity of the CAs and of current leaves: 2008 to 2030.
const START: &str = "20080101000000Z";
const END: &str = "20300101000000Z";
/// Dates of current CRLs: issued before [`AT`], due after it.
const CRL_LAST: &str = "20100101000000Z";
const CRL_NEXT: &str = "20300101000000Z";

const CONFIG: &str = include_str!("../fixtures/openssl-ca/ca.cnf");

/// A temp directory removed when the test ends.
struct Dir(PathBuf);

impl Drop for Dir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

impl Dir {
    fn new(test: &str) -> Dir {
        let path = std::env::temp_dir().join(format!(
            "certsh-validation-ca-{test}-{}",
            std::process::id()
        ));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).expect("temp dir is writable");
        Dir(path)
    }

    fn path(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

/// Whether openssl can be run at all.
fn have_openssl() -> bool {
    let found = Command::new("openssl").arg("version").output().is_ok();
    if !found {
        eprintln!("openssl not installed: skipping");
    }
    found
}

/// Runs openssl in `dir`; its failure fails the test.
fn run(dir: &Path, args: &[&str]) {
    let output = Command::new("openssl")
        .args(args)
        .current_dir(dir)
        .output()
        .expect("openssl runs");
    assert!(
        output.status.success(),
        "openssl {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

fn text(path: &Path) -> &str {
    path.to_str().expect("temp paths are UTF-8")
}

/// A fresh P-256 key (`<stem>.key`) and a request for `cn` (`<stem>.csr`) in `dir`.
fn request(dir: &Path, stem: &str, cn: &str, config: &Path) -> PathBuf {
    let key = format!("{stem}.key");
    let csr = format!("{stem}.csr");
    let subject = format!("/CN={cn}");
    run(
        dir,
        &[
            "req",
            "-new",
            "-config",
            text(config),
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:P-256",
            "-nodes",
            "-keyout",
            &key,
            "-out",
            &csr,
            "-subj",
            &subject,
        ],
    );
    dir.join(csr)
}

/// A CA run by `openssl ca` in its own directory (`ca.pem`, `ca.key`, database files).
struct Ca {
    dir: PathBuf,
    config: PathBuf,
}

impl Ca {
    /// The directory and database of a CA named `name`, without its certificate yet.
    fn files(base: &Dir, name: &str) -> Ca {
        let dir = base.path(name);
        std::fs::create_dir_all(dir.join("issued")).expect("temp dir is writable");
        std::fs::write(dir.join("index.txt"), "").expect("temp dir is writable");
        std::fs::write(dir.join("serial"), "1000\n").expect("temp dir is writable");
        std::fs::write(dir.join("crlnumber"), "01\n").expect("temp dir is writable");
        let config = dir.join("ca.cnf");
        std::fs::write(&config, CONFIG).expect("temp dir is writable");
        Ca { dir, config }
    }

    /// A self-signed root CA valid from [`START`] to [`END`].
    fn root(base: &Dir, name: &str, cn: &str) -> Ca {
        let ca = Ca::files(base, name);
        request(&ca.dir, "ca", cn, &ca.config);
        run(
            &ca.dir,
            &[
                "ca",
                "-config",
                text(&ca.config),
                "-batch",
                "-notext",
                "-selfsign",
                "-keyfile",
                "ca.key",
                "-in",
                "ca.csr",
                "-out",
                "ca.pem",
                "-extensions",
                "v3_ca",
                "-startdate",
                START,
                "-enddate",
                END,
            ],
        );
        ca
    }

    /// An intermediate CA signed by `self`, valid from [`START`] to [`END`].
    fn intermediate(&self, base: &Dir, name: &str, cn: &str) -> Ca {
        let ca = Ca::files(base, name);
        let csr = request(&ca.dir, "ca", cn, &ca.config);
        self.issue(&csr, &ca.cert(), "v3_ca", START, END);
        ca
    }

    /// A leaf for mail.contoso.com (serverAuth EKU) signed by `self`, key and certificate
    /// written as `<stem>.key` and `<stem>.pem` in `base`.
    fn leaf(&self, base: &Dir, stem: &str, start: &str, end: &str) -> PathBuf {
        let csr = request(&base.0, stem, "mail.contoso.com", &self.config);
        let out = base.path(&format!("{stem}.pem"));
        self.issue(&csr, &out, "v3_leaf", start, end);
        out
    }

    /// Signs `csr` into `out` with the extension section `extensions`.
    fn issue(&self, csr: &Path, out: &Path, extensions: &str, start: &str, end: &str) {
        run(
            &self.dir,
            &[
                "ca",
                "-config",
                text(&self.config),
                "-batch",
                "-notext",
                "-in",
                text(csr),
                "-out",
                text(out),
                "-extensions",
                extensions,
                "-startdate",
                start,
                "-enddate",
                end,
            ],
        );
    }

    /// Marks `cert` revoked in this CA's database.
    fn revoke(&self, cert: &Path) {
        run(
            &self.dir,
            &["ca", "-config", text(&self.config), "-revoke", text(cert)],
        );
    }

    /// Writes this CA's CRL with the given lastUpdate and nextUpdate to `out`.
    fn crl(&self, out: &Path, last: &str, next: &str) -> PathBuf {
        run(
            &self.dir,
            &[
                "ca",
                "-config",
                text(&self.config),
                "-gencrl",
                "-crl_lastupdate",
                last,
                "-crl_nextupdate",
                next,
                "-out",
                text(out),
            ],
        );
        out.to_path_buf()
    }

    /// A current CRL (issued before [`AT`], due after it) written as `<name>.crl` in `base`.
    fn current_crl(&self, base: &Dir, name: &str) -> PathBuf {
        self.crl(&base.path(&format!("{name}.crl")), CRL_LAST, CRL_NEXT)
    }

    fn cert(&self) -> PathBuf {
        self.dir.join("ca.pem")
    }
}

/// What both sides are given.
struct Case {
    anchor: PathBuf,
    intermediates: Vec<PathBuf>,
    crls: Vec<PathBuf>,
    leaf: PathBuf,
}

/// The Status of an openssl verify error code (the table in the module docs).
fn status_of_openssl_error(code: u32) -> Status {
    match code {
        0 => Status::Valid,
        23 => Status::Revoked,
        9 | 10 => Status::DateInvalid,
        3 | 11 | 12 => Status::Unknown,
        2 | 18 | 19 | 20 => Status::Untrusted,
        _ => Status::Invalid,
    }
}

/// openssl's verdict on `case` at [`AT`]: the mapped Status and openssl's own words.
fn openssl_verdict(base: &Dir, case: &Case) -> (Status, String) {
    let untrusted = base.path("untrusted.pem");
    let mut bundle = String::new();
    for path in &case.intermediates {
        bundle.push_str(&std::fs::read_to_string(path).expect("openssl wrote the file"));
    }
    std::fs::write(&untrusted, bundle).expect("temp dir is writable");
    let attime = AT.unix_timestamp().to_string();
    let mut args = vec![
        "verify",
        "-attime",
        &attime,
        "-crl_check_all",
        "-CAfile",
        text(&case.anchor),
    ];
    if !case.intermediates.is_empty() {
        args.extend(["-untrusted", text(&untrusted)]);
    }
    for crl in &case.crls {
        args.extend(["-CRLfile", text(crl)]);
    }
    args.push(text(&case.leaf));
    let output = Command::new("openssl")
        .args(&args)
        .output()
        .expect("openssl runs");
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    if output.status.success() {
        assert!(stdout.trim_end().ends_with(": OK"), "openssl said {stdout}");
        return (Status::Valid, stdout);
    }
    let code = stderr
        .lines()
        .find_map(|line| {
            let rest = line.strip_prefix("error ")?;
            let (number, tail) = rest.split_once(' ')?;
            tail.starts_with("at ")
                .then(|| number.parse::<u32>().ok())?
        })
        .unwrap_or_else(|| panic!("openssl verify failed without an error line: {stderr}"));
    (status_of_openssl_error(code), stderr)
}

fn certificate(path: &Path) -> Certificate {
    let pem = std::fs::read_to_string(path).expect("openssl wrote the file");
    Certificate::from_pem(&pem)
        .expect("openssl writes PEM certificates")
        .remove(0)
}

fn crl(path: &Path) -> Crl {
    let pem = std::fs::read_to_string(path).expect("openssl wrote the file");
    Crl::from_pem(&pem)
        .expect("openssl writes PEM CRLs")
        .remove(0)
}

/// Runs both sides on `case` and checks that they agree with each other and with `expected`.
fn assert_verdicts(base: &Dir, case: &Case, expected: Status) {
    let (theirs, said) = openssl_verdict(base, case);
    let validator = Validator::new(vec![TrustAnchor::new(
        certificate(&case.anchor),
        RootCaType::Registry,
    )])
    .with_intermediates(case.intermediates.iter().map(|p| certificate(p)).collect())
    .with_crls(case.crls.iter().map(|p| crl(p)).collect());
    let ours = validator.validate(&certificate(&case.leaf), AT);
    assert_eq!(
        ours.status, theirs,
        "validator said {} ({}), openssl said {said}",
        ours.status, ours.reason
    );
    assert_eq!(
        ours.status, expected,
        "both said {} ({}; openssl: {said})",
        ours.status, ours.reason
    );
}

/// Root, intermediate and a current leaf, with no CRLs issued yet.
struct Pki {
    base: Dir,
    root: Ca,
    inter: Ca,
    leaf: PathBuf,
}

impl Pki {
    fn new(test: &str) -> Pki {
        let base = Dir::new(test);
        let root = Ca::root(&base, "root", "Contoso Root");
        let inter = root.intermediate(&base, "inter", "Contoso Issuing CA");
        let leaf = inter.leaf(&base, "leaf", START, END);
        Pki {
            base,
            root,
            inter,
            leaf,
        }
    }

    /// The case of `leaf` with current CRLs from both CAs.
    fn case(&self, leaf: &Path) -> Case {
        Case {
            anchor: self.root.cert(),
            intermediates: vec![self.inter.cert()],
            crls: vec![
                self.root.current_crl(&self.base, "root"),
                self.inter.current_crl(&self.base, "inter"),
            ],
            leaf: leaf.to_path_buf(),
        }
    }
}

#[test]
fn b50_openssl_ca_chain_with_current_crls_is_valid() {
    if !have_openssl() {
        return;
    }
    let pki = Pki::new("valid");
    assert_verdicts(&pki.base, &pki.case(&pki.leaf), Status::Valid);
}

#[test]
fn b54_openssl_ca_revoked_leaf_is_revoked() {
    if !have_openssl() {
        return;
    }
    let pki = Pki::new("revoked-leaf");
    pki.inter.revoke(&pki.leaf);
    assert_verdicts(&pki.base, &pki.case(&pki.leaf), Status::Revoked);
}

#[test]
fn b54_openssl_ca_revoked_intermediate_is_revoked() {
    if !have_openssl() {
        return;
    }
    let pki = Pki::new("revoked-inter");
    pki.root.revoke(&pki.inter.cert());
    assert_verdicts(&pki.base, &pki.case(&pki.leaf), Status::Revoked);
}

#[test]
fn b54_openssl_ca_expired_leaf_is_date_invalid() {
    if !have_openssl() {
        return;
    }
    let pki = Pki::new("expired");
    let leaf = pki
        .inter
        .leaf(&pki.base, "old", "20080101000000Z", "20090101000000Z");
    assert_verdicts(&pki.base, &pki.case(&leaf), Status::DateInvalid);
}

#[test]
fn b54_openssl_ca_not_yet_valid_leaf_is_date_invalid() {
    if !have_openssl() {
        return;
    }
    let pki = Pki::new("not-yet-valid");
    let leaf = pki.inter.leaf(&pki.base, "future", "20200101000000Z", END);
    assert_verdicts(&pki.base, &pki.case(&leaf), Status::DateInvalid);
}

#[test]
fn b55_openssl_ca_missing_crl_of_the_intermediate_is_unknown() {
    if !have_openssl() {
        return;
    }
    let pki = Pki::new("no-inter-crl");
    let mut case = pki.case(&pki.leaf);
    // Only the root's CRL: nothing answers for the leaf, which the intermediate issued.
    case.crls.retain(|path| path.ends_with("root.crl"));
    assert_eq!(case.crls.len(), 1);
    assert_verdicts(&pki.base, &case, Status::Unknown);
}

#[test]
fn b55_openssl_ca_missing_crl_of_the_root_is_unknown() {
    if !have_openssl() {
        return;
    }
    let pki = Pki::new("no-root-crl");
    let mut case = pki.case(&pki.leaf);
    // Only the intermediate's CRL: nothing answers for the intermediate.
    case.crls.retain(|path| path.ends_with("inter.crl"));
    assert_eq!(case.crls.len(), 1);
    assert_verdicts(&pki.base, &case, Status::Unknown);
}

#[test]
fn b55_openssl_ca_expired_crl_is_unknown() {
    if !have_openssl() {
        return;
    }
    let pki = Pki::new("expired-crl");
    let mut case = pki.case(&pki.leaf);
    // The intermediate's CRL was due on 2010-01-01, before the instant.
    let stale = pki.inter.crl(
        &pki.base.path("stale.crl"),
        "20090101000000Z",
        "20100101000000Z",
    );
    case.crls = vec![pki.root.current_crl(&pki.base, "root"), stale];
    assert_verdicts(&pki.base, &case, Status::Unknown);
}

#[test]
fn b50_openssl_ca_chain_to_another_root_is_untrusted() {
    if !have_openssl() {
        return;
    }
    let pki = Pki::new("other-root");
    let other = Ca::root(&pki.base, "other", "Fabrikam Root");
    let mut case = pki.case(&pki.leaf);
    case.crls.push(other.current_crl(&pki.base, "other"));
    case.anchor = other.cert();
    assert_verdicts(&pki.base, &case, Status::Untrusted);
}

#[test]
fn b50_openssl_ca_leaf_issued_by_a_non_ca_is_invalid() {
    if !have_openssl() {
        return;
    }
    let pki = Pki::new("non-ca-issuer");
    // The leaf (basicConstraints CA:FALSE) acts as a CA for a second leaf.
    let rogue = Ca::files(&pki.base, "rogue");
    std::fs::copy(&pki.leaf, rogue.cert()).expect("temp dir is writable");
    std::fs::copy(pki.base.path("leaf.key"), rogue.dir.join("ca.key"))
        .expect("temp dir is writable");
    let victim = rogue.leaf(&pki.base, "victim", START, END);
    let mut case = pki.case(&victim);
    case.intermediates.push(pki.leaf.clone());
    case.crls.push(rogue.current_crl(&pki.base, "rogue"));
    assert_verdicts(&pki.base, &case, Status::Invalid);
}
