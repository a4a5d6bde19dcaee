//! Rename-Item on the file system: a new name in the same directory. `-NewName` is a name, not
//! a path; an existing item of that name is an error, as in PowerShell.

use shell_engine::{
    Call, Cmdlet, ConfirmImpact, Context, ErrorCategory, ErrorRecord, Example, Kind, Param,
    PipelineInput, Signature,
};

use super::AppState;
use super::copy_item::finish_transfer;
use super::get_child_item::{
    ProviderPath, cert_drive_not_supported, item_error, path_not_found, path_param, provider_path,
};
use super::move_item::{already_exists, move_path};

/// Renames a file or a directory.
pub struct RenameItem;

impl Cmdlet<AppState> for RenameItem {
    fn signature(&self) -> Signature {
        Signature::new("Rename-Item")
            .summary("Renames a file or a directory.")
            .supports_should_process(ConfirmImpact::Medium)
            .param(path_param().mandatory())
            .param(
                Param::new("NewName", Kind::String)
                    .position(1)
                    .mandatory()
                    .from_pipeline(PipelineInput::ByPropertyName),
            )
            .param(Param::switch("Force"))
            .param(Param::switch("PassThru"))
    }

    fn examples(&self) -> &'static [Example] {
        &[Example {
            script: "Set-Content /tmp/certsh-old.txt 'x'; Remove-Item /tmp/certsh-new.txt -ErrorAction SilentlyContinue; Rename-Item /tmp/certsh-old.txt certsh-new.txt -PassThru | Select-Object Name",
            summary: "Renames a file in its directory.",
        }]
    }

    fn run(&self, call: &Call, cx: &mut Context<AppState>) -> Result<(), ErrorRecord> {
        let new_name: String = call.get("NewName")?;
        let paths: Vec<String> = call.get("Path")?;
        for text in paths {
            let source = match provider_path(&text) {
                ProviderPath::Cert(_) => {
                    cx.write_error(cert_drive_not_supported(call, &text, "Path"));
                    continue;
                }
                ProviderPath::File(path) => path,
            };
            if !source.exists() {
                cx.write_error(path_not_found(call, &text));
                continue;
            }
            if new_name.is_empty() || new_name.contains(['/', '\\']) || new_name == ".." {
                cx.write_error(item_error(
                    call,
                    "Cannot rename the specified target, because it represents a path or \
                     device name."
                        .to_owned(),
                    (
                        "Argument",
                        ErrorCategory::InvalidArgument,
                        "ArgumentException",
                    ),
                    (&new_name, "NewName"),
                ));
                continue;
            }
            let target = source.with_file_name(&new_name);
            let shown = source.display().to_string();
            if target.exists() {
                cx.write_error(already_exists(call, "RenameItemIOError", &shown));
                continue;
            }
            let action = if source.is_dir() {
                "Rename Directory"
            } else {
                "Rename File"
            };
            let to = target.display().to_string();
            if !cx.should_process(&format!("Item: {shown} Destination: {to}"), action)? {
                continue;
            }
            let renamed = move_path(&source, &target);
            finish_transfer(
                cx,
                call,
                renamed,
                (&source, &target),
                ("rename", "RenameItemIOError"),
            );
        }
        Ok(())
    }
}
