//! Operation tests of exchange-server: the certificate flow of spec §3 and §5.5 over an
//! in-memory server state, with cert-testkit's fixed keys, serials and clock.

#![allow(clippy::unwrap_used)] // Test helpers fail loudly by design.

mod common;
mod openssl;
mod operations;
mod server;
