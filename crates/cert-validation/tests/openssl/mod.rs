//! Chains made by openssl (the outside CA of crypto-notes.md): SHA-1 RSA, RSA-PSS and
//! ECDSA P-384 signatures verify. Skips with a message when openssl is not installed.

mod ca;

use std::path::{Path, PathBuf};
use std::process::Command;

use cert_model::{Certificate, PublicKeyAlgorithm, RootCaType, Status};
use cert_validation::{TrustAnchor, Validator};
use time::Duration;

struct Dir(PathBuf);

impl Drop for Dir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn openssl(dir: &Path, args: &[&str]) -> bool {
    match Command::new("openssl").args(args).current_dir(dir).output() {
        Ok(output) => {
            assert!(
                output.status.success(),
                "openssl {args:?}: {}",
                String::from_utf8_lossy(&output.stderr)
            );
            true
        }
        Err(_) => false,
    }
}

fn read(dir: &Path, name: &str) -> Certificate {
    let pem = std::fs::read_to_string(dir.join(name)).expect("openssl wrote the file");
    Certificate::from_pem(&pem)
        .expect("openssl writes PEM certificates")
        .remove(0)
}

const CA_EXT: &str = "basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\n";
const LEAF_EXT: &str = "extendedKeyUsage=serverAuth\nsubjectAltName=DNS:mail.contoso.com\n";

#[test]
fn s4_openssl_chains_with_sha1_pss_and_p384_signatures_verify() {
    let dir = Dir(std::env::temp_dir().join(format!("certsh-validation-{}", std::process::id())));
    std::fs::create_dir_all(&dir.0).unwrap();
    let d = dir.0.as_path();
    std::fs::write(d.join("ca.ext"), CA_EXT).unwrap();
    std::fs::write(d.join("leaf.ext"), LEAF_EXT).unwrap();
    let made = openssl(
        d,
        &[
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-keyout",
            "rsa.key",
            "-out",
            "rsa.pem",
            "-subj",
            "/CN=RSA Root",
            "-days",
            "30",
            "-addext",
            "basicConstraints=critical,CA:TRUE",
            "-addext",
            "keyUsage=critical,keyCertSign,cRLSign",
        ],
    );
    if !made {
        eprintln!("openssl not installed: skipping");
        return;
    }
    openssl(
        d,
        &[
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:P-384",
            "-nodes",
            "-keyout",
            "ec.key",
            "-out",
            "ec.pem",
            "-subj",
            "/CN=EC Root",
            "-days",
            "30",
            "-sha384",
            "-addext",
            "basicConstraints=critical,CA:TRUE",
            "-addext",
            "keyUsage=critical,keyCertSign,cRLSign",
        ],
    );
    openssl(
        d,
        &[
            "req",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:P-256",
            "-nodes",
            "-keyout",
            "leaf.key",
            "-out",
            "leaf.csr",
            "-subj",
            "/CN=mail.contoso.com",
        ],
    );
    let sign = |out: &str, ca: &str, extra: &[&str]| {
        let key = format!("{ca}.key");
        let cert = format!("{ca}.pem");
        let mut args = vec![
            "x509",
            "-req",
            "-in",
            "leaf.csr",
            "-CA",
            cert.as_str(),
            "-CAkey",
            key.as_str(),
            "-set_serial",
            "7",
            "-days",
            "10",
            "-extfile",
            "leaf.ext",
            "-out",
            out,
        ];
        args.extend_from_slice(extra);
        openssl(d, &args);
    };
    sign("sha1.pem", "rsa", &["-sha1"]);
    sign(
        "pss.pem",
        "rsa",
        &[
            "-sha256",
            "-sigopt",
            "rsa_padding_mode:pss",
            "-sigopt",
            "rsa_pss_saltlen:digest",
        ],
    );
    sign("p384.pem", "ec", &["-sha384"]);

    let rsa_root = read(d, "rsa.pem");
    let ec_root = read(d, "ec.pem");
    assert_eq!(
        ec_root.public_key().algorithm(),
        &PublicKeyAlgorithm::EcP384
    );
    let validator = Validator::new(vec![
        TrustAnchor::new(rsa_root, RootCaType::Registry),
        TrustAnchor::new(ec_root, RootCaType::Registry),
    ]);
    for (file, algorithm) in [
        ("sha1.pem", "sha1RSA"),
        ("pss.pem", "RSASSA-PSS"),
        ("p384.pem", "sha384ECDSA"),
    ] {
        let leaf = read(d, file);
        assert_eq!(leaf.signature_algorithm().name(), algorithm);
        let now = leaf.not_before() + Duration::minutes(1);
        let answer = validator.validate(&leaf, now);
        assert_eq!(answer.status, Status::Valid, "{file}: {}", answer.reason);
    }
}
