//! Remove-Item over the two providers: `Cert:\LocalMachine\<location>\<thumbprint>` removes
//! that entry from one trust location (design.md §6; Get-ExchangeCertificate's Status follows),
//! and file-system paths remove files and directories (`-Recurse` for directories with
//! children). Changes go through ShouldProcess (`-WhatIf`, `-Confirm`) with PowerShell's
//! "Remove File" / "Remove Directory" / "Remove certificate" actions; a wildcard matches
//! hidden dot-files only with `-Force`. The personal store `My` belongs to
//! Remove-ExchangeCertificate. Tests: `tests/trust.rs`.

use std::path::Path;

use cert_model::Thumbprint;
use exchange_server::RemoveTrustEntryError;
use shell_engine::{
    Call, Cmdlet, ConfirmImpact, Context, ErrorCategory, ErrorRecord, Example, Param, Signature,
};

use super::get_child_item::{
    CertPath, CertStore, ProviderPath, expand_wildcard, has_wildcard, path_not_found, path_param,
    provider_error, provider_path, store_text,
};
use super::{AppState, server_of};

/// Removes certificates from `Cert:\LocalMachine` trust stores, or files and directories.
pub struct RemoveItem;

impl Cmdlet<AppState> for RemoveItem {
    fn signature(&self) -> Signature {
        Signature::new("Remove-Item")
            .summary(
                "Removes a certificate from a Cert:\\LocalMachine trust store, or files and \
                 directories.",
            )
            .supports_should_process(ConfirmImpact::Medium)
            .param(path_param().mandatory())
            .param(Param::switch("Recurse"))
            .param(Param::switch("Force"))
    }

    fn examples(&self) -> &'static [Example] {
        &[Example {
            script: "Get-ChildItem Cert:\\LocalMachine\\Root | Remove-Item -WhatIf",
            summary: "Names each root that would be removed; certificates they issued would \
                      become Untrusted.",
        }]
    }

    fn run(&self, call: &Call, cx: &mut Context<AppState>) -> Result<(), ErrorRecord> {
        let paths: Vec<String> = call.get("Path")?;
        for text in paths {
            match provider_path(&text) {
                ProviderPath::Cert(Some(CertPath::Item(store, name))) => {
                    remove_certificate(cx, call, &text, store, &name)?;
                }
                ProviderPath::Cert(Some(CertPath::Store(store))) => {
                    cx.write_error(not_supported(
                        call,
                        format!(
                            "The store '{}' cannot be removed; remove the certificates in it.",
                            store_text(store)
                        ),
                    ));
                }
                ProviderPath::Cert(Some(CertPath::Drive | CertPath::LocalMachine)) => {
                    cx.write_error(not_supported(
                        call,
                        format!("The item '{text}' cannot be removed."),
                    ));
                }
                ProviderPath::Cert(None) => cx.write_error(path_not_found(call, &text)),
                ProviderPath::File(path) => remove_files(cx, call, &text, &path)?,
            }
        }
        Ok(())
    }
}

fn not_supported(call: &Call, message: String) -> ErrorRecord {
    ErrorRecord::new(
        message,
        "RemoveItemNotSupported",
        ErrorCategory::InvalidOperation,
    )
    .with_reason("NotSupportedException")
    .with_activity(call.name.clone())
    .with_span(call.span_of("Path"))
}

fn remove_certificate(
    cx: &mut Context<AppState>,
    call: &Call,
    text: &str,
    store: CertStore,
    name: &str,
) -> Result<(), ErrorRecord> {
    let location = match store {
        CertStore::Trust(location) => location,
        CertStore::My => {
            cx.write_error(not_supported(
                call,
                "Certificates of Cert:\\LocalMachine\\My are removed with \
                 Remove-ExchangeCertificate."
                    .to_owned(),
            ));
            return Ok(());
        }
    };
    let Ok(thumbprint) = name.parse::<Thumbprint>() else {
        cx.write_error(path_not_found(call, text));
        return Ok(());
    };
    let server = server_of(cx);
    // Look first, so that -WhatIf and -Confirm are only asked about what exists.
    let listed = server.borrow_mut().trust_entries(location);
    match listed {
        Ok(entries) if entries.iter().any(|entry| entry.thumbprint() == thumbprint) => {}
        Ok(_) => {
            cx.write_error(path_not_found(call, text));
            return Ok(());
        }
        Err(error) => {
            cx.write_error(store_failure(call, &error.to_string()));
            return Ok(());
        }
    }
    let target = format!("{}\\{thumbprint}", store_text(store));
    if !cx.should_process(&target, "Remove certificate")? {
        return Ok(());
    }
    let removed = server
        .borrow_mut()
        .remove_trust_entry(location, &thumbprint);
    match removed {
        Ok(_) => {}
        Err(RemoveTrustEntryError::NotFound { .. }) => cx.write_error(path_not_found(call, text)),
        Err(error) => cx.write_error(store_failure(call, &error.to_string())),
    }
    Ok(())
}

fn store_failure(call: &Call, error: &str) -> ErrorRecord {
    provider_error(
        call,
        "StoreFailure",
        format!("The certificate store could not be changed: {error}."),
    )
}

fn remove_files(
    cx: &mut Context<AppState>,
    call: &Call,
    text: &str,
    path: &Path,
) -> Result<(), ErrorRecord> {
    let targets = if has_wildcard(path) {
        expand_wildcard(path, call.switch("Force")).unwrap_or_default()
    } else {
        vec![path.to_path_buf()]
    };
    if targets.is_empty() && !has_wildcard(path) {
        cx.write_error(path_not_found(call, text));
    }
    for target in targets {
        let shown = target.to_string_lossy().into_owned();
        let Ok(metadata) = std::fs::symlink_metadata(&target) else {
            cx.write_error(path_not_found(call, &shown));
            continue;
        };
        let result = if metadata.is_dir() {
            let has_children = std::fs::read_dir(&target)
                .map(|mut entries| entries.next().is_some())
                .unwrap_or(false);
            if has_children && !call.switch("Recurse") {
                let query = format!(
                    "The item at {shown} has children and the Recurse parameter was not \
                     specified. If you continue, all children will be removed with the item. \
                     Are you sure you want to continue?"
                );
                if !cx.should_continue(&query, "Confirm")? {
                    continue;
                }
            }
            if !cx.should_process(&shown, "Remove Directory")? {
                continue;
            }
            std::fs::remove_dir_all(&target)
        } else {
            if !cx.should_process(&shown, "Remove File")? {
                continue;
            }
            std::fs::remove_file(&target)
        };
        if let Err(error) = result {
            let (error_id, category) = if metadata.is_dir() {
                ("RemoveFileSystemItemIOError", ErrorCategory::WriteError)
            } else {
                (
                    "RemoveFileSystemItemUnAuthorizedAccess",
                    ErrorCategory::PermissionDenied,
                )
            };
            cx.write_error(
                ErrorRecord::new(
                    format!("Cannot remove item {shown}: {error}."),
                    error_id,
                    category,
                )
                .with_target_text(&shown, "String")
                .with_activity(call.name.clone())
                .with_span(call.span_of("Path")),
            );
        }
    }
    Ok(())
}
