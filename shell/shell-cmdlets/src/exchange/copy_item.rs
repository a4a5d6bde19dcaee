//! Copy-Item on the file system, as PowerShell's FileSystem provider: a file is copied to
//! `-Destination` (into it when it is a directory, replacing a file there); a directory is
//! copied as an empty directory, or with its whole tree under `-Recurse`. Wildcards in
//! `-Path` copy every match. `-PassThru` writes the new items.

use std::path::{Path, PathBuf};

use shell_engine::{
    Call, Cmdlet, ConfirmImpact, Context, ErrorCategory, ErrorRecord, Example, Kind, Param,
    Signature,
};

use super::AppState;
use super::get_child_item::{
    ProviderPath, cert_drive_not_supported, expand_wildcard, file_object, has_wildcard, item_error,
    path_not_found, path_param, provider_path,
};

/// Copies files and directories.
pub struct CopyItem;

/// The sources a `-Path` names (wildcards expanded); `None` after writing "not found".
pub(super) fn sources(cx: &mut Context<AppState>, call: &Call, text: &str) -> Option<Vec<PathBuf>> {
    let path = match provider_path(text) {
        ProviderPath::Cert(_) => {
            cx.write_error(cert_drive_not_supported(call, text, "Path"));
            return None;
        }
        ProviderPath::File(path) => path,
    };
    let found = if has_wildcard(&path) {
        expand_wildcard(&path, false).unwrap_or_default()
    } else if path.exists() {
        vec![path]
    } else {
        Vec::new()
    };
    if found.is_empty() && !has_wildcard(Path::new(text)) {
        cx.write_error(path_not_found(call, text));
        return None;
    }
    Some(found)
}

/// Where `source` goes for `destination`: into it when it is an existing directory.
pub(super) fn target_for(source: &Path, destination: &Path) -> PathBuf {
    match source.file_name() {
        Some(name) if destination.is_dir() => destination.join(name),
        _ => destination.to_path_buf(),
    }
}

/// The `-Destination` of Copy-Item and Move-Item (a `Cert:` destination is refused).
pub(super) fn destination(
    cx: &mut Context<AppState>,
    call: &Call,
) -> Result<Option<PathBuf>, ErrorRecord> {
    let text: String = call
        .get_optional("Destination")?
        .unwrap_or_else(|| ".".to_owned());
    Ok(match provider_path(&text) {
        ProviderPath::Cert(_) => {
            cx.write_error(cert_drive_not_supported(call, &text, "Destination"));
            None
        }
        ProviderPath::File(path) => Some(path),
    })
}

/// What a Copy/Move/Rename of `source` to `target` ended in: with `-PassThru` the new item is
/// written; a failure is the cmdlet's error (`verb` as in "Cannot copy", `id` its ErrorId).
pub(super) fn finish_transfer(
    cx: &mut Context<AppState>,
    call: &Call,
    result: std::io::Result<()>,
    (source, target): (&Path, &Path),
    (verb, id): (&str, &str),
) {
    match result.and_then(|()| std::fs::metadata(target)) {
        Ok(metadata) if call.switch("PassThru") => cx.write_output(file_object(target, &metadata)),
        Ok(_) => {}
        Err(error) => {
            let shown = source.display().to_string();
            cx.write_error(item_error(
                call,
                format!("Cannot {verb} {shown} to {}: {error}.", target.display()),
                (id, ErrorCategory::WriteError, "IOException"),
                (&shown, "Path"),
            ));
        }
    }
}

fn copy_tree(source: &Path, target: &Path, recurse: bool) -> std::io::Result<()> {
    if source.is_dir() {
        std::fs::create_dir_all(target)?;
        if recurse {
            for entry in std::fs::read_dir(source)? {
                let entry = entry?;
                copy_tree(&entry.path(), &target.join(entry.file_name()), true)?;
            }
        }
        Ok(())
    } else {
        std::fs::copy(source, target).map(|_| ())
    }
}

impl Cmdlet<AppState> for CopyItem {
    fn signature(&self) -> Signature {
        Signature::new("Copy-Item")
            .summary("Copies files and directories.")
            .supports_should_process(ConfirmImpact::Medium)
            .param(path_param().mandatory())
            .param(Param::new("Destination", Kind::String).position(1))
            .param(Param::switch("Recurse"))
            .param(Param::switch("Force"))
            .param(Param::switch("PassThru"))
    }

    fn examples(&self) -> &'static [Example] {
        &[Example {
            script: "Set-Content /tmp/certsh-copy.txt 'x'; Copy-Item /tmp/certsh-copy.txt /tmp/certsh-copied.txt -PassThru | Select-Object Name",
            summary: "Copies a file and writes the copy.",
        }]
    }

    fn run(&self, call: &Call, cx: &mut Context<AppState>) -> Result<(), ErrorRecord> {
        let Some(destination) = destination(cx, call)? else {
            return Ok(());
        };
        let paths: Vec<String> = call.get("Path")?;
        for text in paths {
            let Some(found) = sources(cx, call, &text) else {
                continue;
            };
            for source in found {
                let target = target_for(&source, &destination);
                let shown = source.display().to_string();
                let to = target.display().to_string();
                if target.exists()
                    && std::fs::canonicalize(&target).ok() == std::fs::canonicalize(&source).ok()
                {
                    cx.write_error(item_error(
                        call,
                        format!("Cannot overwrite the item {shown} with itself."),
                        ("CopyError", ErrorCategory::WriteError, "IOException"),
                        (&shown, "Path"),
                    ));
                    continue;
                }
                let action = if source.is_dir() {
                    "Copy Directory"
                } else {
                    "Copy File"
                };
                if !cx.should_process(&format!("Item: {shown} Destination: {to}"), action)? {
                    continue;
                }
                let copied = copy_tree(&source, &target, call.switch("Recurse"));
                finish_transfer(cx, call, copied, (&source, &target), ("copy", "CopyError"));
            }
        }
        Ok(())
    }
}
