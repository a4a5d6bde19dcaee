//! End-to-end tests of certsh (this crate has no library code of its own).
//!
//! `tests/scripts.rs` runs every administrator script in `scripts/*.ps1` through a whole
//! session (parser, engine, built-in and Exchange cmdlets, Out-Default, error rendering) on
//! an in-memory store with cert-testkit's fixed keys and clock, one transcript snapshot each
//! (`tests/snapshots/`); `tests/tidy.rs` checks the workspace's dependency rules. The binary's
//! command line and REPL are tested in `shell/shell-repl/tests/`.
