//! Test support: fixed keys, certificates, chains and a fixed clock. Not published.
