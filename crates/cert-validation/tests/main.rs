//! Integration tests of cert-validation, one module per area:
//! `chains` (rcgen-made chains pinning spec §1.3–§1.4, §5.4 and RFC 5280 rules),
//! `limbo` (the x509-limbo conformance cases), `openssl` (chains made by openssl).

mod chains;
mod fixtures;
mod limbo;
mod openssl;
