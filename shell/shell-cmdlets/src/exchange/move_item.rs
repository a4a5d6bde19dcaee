//! Move-Item on the file system: files and directories move to `-Destination` (into it when
//! it is an existing directory). An existing file there is an error unless `-Force` replaces
//! it. Across file systems the item is copied, then removed.

use std::path::Path;

use shell_engine::{
    Call, Cmdlet, ConfirmImpact, Context, ErrorCategory, ErrorRecord, Example, Kind, Param,
    Signature,
};

use super::AppState;
use super::copy_item::{destination, finish_transfer, sources, target_for};
use super::get_child_item::{item_error, path_param};

/// Moves files and directories.
pub struct MoveItem;

/// Renames `source` to `target`, or copies and removes it when they are on different file
/// systems.
pub(super) fn move_path(source: &Path, target: &Path) -> std::io::Result<()> {
    match std::fs::rename(source, target) {
        Err(error) if error.kind() == std::io::ErrorKind::CrossesDevices => {
            if source.is_dir() {
                copy_dir(source, target)?;
                std::fs::remove_dir_all(source)
            } else {
                std::fs::copy(source, target)?;
                std::fs::remove_file(source)
            }
        }
        other => other,
    }
}

fn copy_dir(source: &Path, target: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(target)?;
    for entry in std::fs::read_dir(source)? {
        let entry = entry?;
        let from = entry.path();
        let to = target.join(entry.file_name());
        if from.is_dir() {
            copy_dir(&from, &to)?;
        } else {
            std::fs::copy(&from, &to)?;
        }
    }
    Ok(())
}

/// PowerShell's error for a move or rename onto an existing item.
pub(super) fn already_exists(call: &Call, id: &str, shown: &str) -> ErrorRecord {
    item_error(
        call,
        "Cannot create a file when that file already exists.".to_owned(),
        (id, ErrorCategory::WriteError, "IOException"),
        (shown, "Path"),
    )
}

impl Cmdlet<AppState> for MoveItem {
    fn signature(&self) -> Signature {
        Signature::new("Move-Item")
            .summary("Moves files and directories.")
            .supports_should_process(ConfirmImpact::Medium)
            .param(path_param().mandatory())
            .param(Param::new("Destination", Kind::String).position(1))
            .param(Param::switch("Force"))
            .param(Param::switch("PassThru"))
    }

    fn examples(&self) -> &'static [Example] {
        &[Example {
            script: "Set-Content /tmp/certsh-move.txt 'x'; Move-Item /tmp/certsh-move.txt /tmp/certsh-moved.txt -Force -PassThru | Select-Object Name",
            summary: "Moves a file, replacing one already at the destination.",
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
                let replace = target.is_file() && source.is_file();
                if target.exists() && !(replace && call.switch("Force")) {
                    cx.write_error(already_exists(call, "MoveFileInfoItemIOError", &shown));
                    continue;
                }
                let action = if source.is_dir() {
                    "Move Directory"
                } else {
                    "Move File"
                };
                if !cx.should_process(&format!("Item: {shown} Destination: {to}"), action)? {
                    continue;
                }
                let moved = move_path(&source, &target);
                finish_transfer(
                    cx,
                    call,
                    moved,
                    (&source, &target),
                    ("move", "MoveFileInfoItemIOError"),
                );
            }
        }
        Ok(())
    }
}
