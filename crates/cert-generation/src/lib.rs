//! Self-signed certificates, PKCS #10 requests, key generation behind a trait, and PKCS #12 (PFX) files.
