//! All cmdlets of certsh: built-ins and the Exchange certificate cmdlets, their registry, views and messages.
//!
//! - [`builtin`]: the built-in cmdlets of spec/shell-language.md §6 (Format-*, Select-,
//!   Where-, ForEach-, Sort-, Measure-, Group-Object, Out-*, Write-*, Get-Help, Get-Command,
//!   Get-Member, variables), generic over the application state;
//! - [`exchange`]: the Exchange certificate cmdlets, their application state (`AppState`: the
//!   opened store and server) and their views;
//! - [`format`]: Out-Default (§7.1–§7.2), value → display text (§7.4) and the view registry
//!   (§7.11) that the Exchange types register into;
//! - [`registry`]: the list of cmdlets (`all_cmdlets`), the aliases of §6.1, the views
//!   (`all_views`) and `register_all` for a session.
//!
//! What it does not do: parse or evaluate the language (`shell-engine`), lay text out
//! (`shell-format`), or read the terminal or the clock (`shell-repl`).
//!
//! Tests: unit tests at the bottom of modules; `tests/main/` holds the Out-Default and
//! formatting snapshots, the spec §12 examples, the registry tests (one snapshot per cmdlet
//! example) and the `docs/cmdlets.md` check; `tests/exchange*` the Exchange sessions.

pub mod builtin;
pub mod exchange;
pub mod format;
pub mod registry;
