//! Certificate facts for certsh: an owned model of an X.509 certificate parsed from PEM, DER
//! or Base64 ([`Certificate`]), CRLs ([`Crl`]), distinguished names with Windows rendering and
//! an X.500 string parser ([`DistinguishedName`]), thumbprints ([`Thumbprint`]), signature
//! verification with aws-lc-rs, and the Exchange vocabulary [`Services`], [`Status`] and
//! [`RootCaType`] (spec/cmdlets.md §1).
//!
//! It does not build or validate chains (that is `cert-validation`), store anything, read the
//! clock or generate keys and certificates (`cert-generation`). x509-parser is used only
//! inside this crate; its types never appear in the API.
//!
//! Tests: unit tests at the bottom of each module, integration tests with rcgen-made
//! certificates compared against `openssl` in `tests/main.rs`.
//!
//! ```
//! use cert_model::{DistinguishedName, Services, Thumbprint};
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let name: DistinguishedName = "c=us,o=contoso corp, cn=popserver.fourthcoffee.com".parse()?;
//! assert_eq!(name.to_string(), "C=us, O=contoso corp, CN=popserver.fourthcoffee.com");
//! let services: Services = "IMAP, POP, SMTP".parse()?;
//! assert_eq!(services.to_column_form(), "IP..S");
//! let thumbprint: Thumbprint = "8a141f7f2bba8041973399723bd2598d2ed2d831".parse()?;
//! assert_eq!(thumbprint.to_string(), "8A141F7F2BBA8041973399723BD2598D2ED2D831");
//! # Ok(())
//! # }
//! ```

#![warn(missing_docs)]

mod certificate;
mod convert;
mod crl;
mod date;
mod error;
mod extensions;
mod name;
mod pem;
mod signature;
mod thumbprint;
mod vocab;

pub use certificate::{Certificate, is_dns_name};
pub use crl::{Crl, RevokedEntry};
pub use date::format_date;
pub use error::{
    ParseCertificateError, ParseCrlError, ParseEnumError, ParseNameError, ParseServicesError,
    ParseThumbprintError,
};
pub use extensions::{
    BasicConstraints, EKU_ANY, EKU_CLIENT_AUTH, EKU_SERVER_AUTH, Extension, Extensions,
    IssuingDistributionPoint, KeyUsage, NameConstraint, NameConstraints,
};
pub use name::{AttributeType, DistinguishedName, NameAttribute, Rdn};
pub use signature::{
    PublicKey, PublicKeyAlgorithm, SignatureAlgorithm, VerifySignatureError, verify_signature,
};
pub use thumbprint::Thumbprint;
pub use vocab::{RootCaType, Services, Status};
