//! The on-disk store: one SQLite database holding servers, personal/request/root/intermediate stores, private keys, CRLs, service settings and the event log.
