//! Integration tests: certificates, requests, CRLs and PFX files checked by openssl 3, and
//! round trips through our own reader.

mod common;
mod interop;
mod pfx;
