//! Tidy checks: the dependency direction of ARCHITECTURE.md, a `//!` header in every crate, and
//! no ignored or should-panic tests.

use std::fs;
use std::path::{Path, PathBuf};

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Every workspace crate: (folder, manifest text).
fn crates() -> Vec<(PathBuf, String)> {
    let root = workspace_root();
    let mut out = Vec::new();
    for group in ["crates", "shell"] {
        let Ok(entries) = fs::read_dir(root.join(group)) else {
            continue;
        };
        for entry in entries.flatten() {
            let manifest = entry.path().join("Cargo.toml");
            if let Ok(text) = fs::read_to_string(&manifest) {
                out.push((entry.path(), text));
            }
        }
    }
    out.sort();
    out
}

/// The `[dependencies]` section of a manifest (not dev-dependencies).
fn normal_dependencies(manifest: &str) -> Vec<String> {
    let mut in_deps = false;
    let mut deps = Vec::new();
    for line in manifest.lines() {
        let line = line.trim();
        if line.starts_with('[') {
            in_deps = line == "[dependencies]";
            continue;
        }
        if in_deps
            && !line.is_empty()
            && !line.starts_with('#')
            && let Some((name, _)) = line.split_once(['=', '.'])
        {
            deps.push(name.trim().to_string());
        }
    }
    deps
}

const SHELL_CRATES: &[&str] = &[
    "shell-parser",
    "shell-engine",
    "shell-format",
    "shell-cmdlets",
    "shell-repl",
];
const DOMAIN_CRATES: &[&str] = &[
    "cert-model",
    "cert-validation",
    "cert-store",
    "cert-selection",
    "cert-generation",
    "exchange-server",
    "cert-testkit",
];

#[test]
fn domain_crates_do_not_depend_on_the_shell() {
    for (dir, manifest) in crates() {
        if !dir.starts_with(workspace_root().join("crates")) {
            continue;
        }
        for dep in normal_dependencies(&manifest) {
            assert!(
                !SHELL_CRATES.contains(&dep.as_str()),
                "{} depends on shell crate {dep}",
                dir.display()
            );
        }
    }
}

#[test]
fn shell_parser_depends_on_no_workspace_crate() {
    let manifest = fs::read_to_string(workspace_root().join("shell/shell-parser/Cargo.toml"))
        .expect("shell-parser manifest exists");
    for dep in normal_dependencies(&manifest) {
        assert!(
            !SHELL_CRATES.contains(&dep.as_str()) && !DOMAIN_CRATES.contains(&dep.as_str()),
            "shell-parser depends on {dep}"
        );
    }
}

#[test]
fn only_shell_cmdlets_and_the_binary_see_the_domain() {
    for (dir, manifest) in crates() {
        let name = dir
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        if !SHELL_CRATES.contains(&name.as_str()) || name == "shell-cmdlets" {
            continue;
        }
        for dep in normal_dependencies(&manifest) {
            let allowed = name == "shell-repl" && dep == "cert-model";
            assert!(
                allowed || !DOMAIN_CRATES.contains(&dep.as_str()),
                "{name} depends on domain crate {dep}; only shell-cmdlets is glue"
            );
        }
    }
}

#[test]
fn testkit_is_dev_only() {
    for (dir, manifest) in crates() {
        let name = dir
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        if name == "cert-testkit" {
            continue;
        }
        assert!(
            !normal_dependencies(&manifest)
                .iter()
                .any(|d| d == "cert-testkit"),
            "{name} has cert-testkit as a normal dependency"
        );
    }
}

#[test]
fn every_crate_has_a_crate_doc_header() {
    for (dir, _) in crates() {
        let lib = dir.join("src/lib.rs");
        let main = dir.join("src/main.rs");
        let file = if lib.exists() { lib } else { main };
        let text = fs::read_to_string(&file).unwrap_or_default();
        assert!(
            text.trim_start().starts_with("//!"),
            "{} lacks a //! header",
            file.display()
        );
    }
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            if path.file_name().is_some_and(|n| n == "target") {
                continue;
            }
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn no_ignored_or_should_panic_tests() {
    let mut files = Vec::new();
    for group in ["crates", "shell", "tests"] {
        rust_files(&workspace_root().join(group), &mut files);
    }
    let banned = [concat!("#[", "ignore"), concat!("#[", "should_panic")];
    for file in files {
        let text = fs::read_to_string(&file).unwrap_or_default();
        for needle in banned {
            assert!(
                !text.contains(needle),
                "{} contains {needle}",
                file.display()
            );
        }
    }
}
