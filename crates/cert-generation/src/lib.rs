//! Self-signed certificates, PKCS #10 requests, RSA keys behind a trait, a CA for tests, and
//! PKCS #12 (PFX) files: the crypto behind New-, Import- and Export-ExchangeCertificate
//! (spec §3.1, §3.3, §3.5).
//!
//! What it does: makes RSA keys (aws-lc-rs for 2048 bits and up, the `rsa` crate for 1024
//! bits) behind [`KeyGenerator`]; draws serials from a [`RandomSource`]; signs self-signed
//! certificates ([`self_signed`]), requests ([`request()`]), issued certificates and CRLs
//! ([`CertificateAuthority`]) with SHA-256 RSA; reads and writes PFX files.
//!
//! What it does not do: parse certificates or X.500 strings (that is `cert-model`), read the
//! clock (every instant is a parameter), store anything, or decide Exchange's naming rules
//! (the caller passes the resolved subject and domains).
//!
//! Tests: unit tests next to the code; interoperability with openssl 3 and round trips in
//! `tests/main.rs`.

mod certificate;
mod key;
mod name;
mod pem;
mod pfx;
mod random;
mod request;
mod signer;

pub use certificate::{
    CertificateAuthority, CertificateParams, CertificateRole, CreateCertificateError, CrlParams,
    ExtendedKeyUsage, IssueParams, KeyUsage, RevokedCertificate, one_year_after, self_signed,
};
pub use key::{
    GenerateKeyError, InvalidKeySizeError, KeyGenerator, KeySize, ParsePrivateKeyError, PrivateKey,
    SystemKeyGenerator,
};
pub use name::{NameAttribute, NameError, SubjectName};
pub use pfx::{ExportPfxError, ImportPfxError, Pfx, PfxProtection, export_pfx, import_pfx};
pub use random::{FillRandomError, RandomSource, SystemRandomSource};
pub use request::{CertificateRequest, RequestParams, request};
