//! `docs/cmdlets.md` is generated from the registry and must stay up to date.

use std::rc::Rc;

use shell_cmdlets::builtin::help::markdown_reference;
use shell_cmdlets::registry::{ALIASES, all_cmdlets, all_views};
use shell_engine::{Example, Signature};

#[test]
fn docs_cmdlets_md_is_up_to_date() {
    let cmdlets = all_cmdlets(&Rc::new(all_views()));
    let commands: Vec<(Signature, &[Example])> = cmdlets
        .iter()
        .map(|c| (c.signature(), c.examples()))
        .collect();
    let generated = markdown_reference(&commands, ALIASES);
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/cmdlets.md");
    if std::env::var_os("CERTSH_BLESS").is_some() {
        std::fs::write(&path, &generated).expect("write docs/cmdlets.md");
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "docs/cmdlets.md is out of date: run CERTSH_BLESS=1 cargo test -p shell-cmdlets --test main docs"
    );
}
