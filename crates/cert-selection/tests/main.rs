//! Spec statements of spec/cmdlets.md §5.6–§5.8 (and B-04, B-36, B-39, B-75, B-77) pinned
//! against certificates made in code.

mod common;

mod anonymous;
mod iis;
mod index;
mod pop_imap;
mod starttls;
mod um;
