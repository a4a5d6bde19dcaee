//! Integration tests: scripts run through a [`Session`] with small fake cmdlets declared
//! after spec §12.0 (shared/spec/shell-language.md).

mod binding;
mod evaluation;
mod fakes;
