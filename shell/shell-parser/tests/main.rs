//! Integration tests for `shell-parser`: the §12 examples of spec/shell-language.md
//! (`s01_…`), the design.md §8 constructs, parse errors and robustness.

mod ast_snapshots;
mod constructs;
mod errors;
mod robustness;
mod spec_examples;
mod support;
