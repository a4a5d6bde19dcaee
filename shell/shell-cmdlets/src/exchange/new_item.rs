//! New-Item on the file system: a file (optionally with `-Value` as its text) or a directory
//! (with its missing parents, as PowerShell's FileSystem provider does). An existing item is an
//! error unless `-Force`: then a file is overwritten and a directory is returned as it is.

use std::path::PathBuf;

use shell_engine::{
    Call, Cmdlet, ConfirmImpact, Context, ErrorCategory, ErrorRecord, Example, Kind, Param,
    PipelineInput, Signature,
};

use super::AppState;
use super::get_child_item::{ProviderPath, cert_drive_not_supported, file_object, item_error};

/// Creates a file or a directory.
pub struct NewItem;

/// What `-ItemType` asks for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ItemType {
    File,
    Directory,
}

impl Cmdlet<AppState> for NewItem {
    fn signature(&self) -> Signature {
        Signature::new("New-Item")
            .summary("Creates a file or a directory.")
            .supports_should_process(ConfirmImpact::Medium)
            .param(
                Param::new("Path", Kind::StringList)
                    .position(0)
                    .from_pipeline(PipelineInput::ByPropertyName),
            )
            .param(Param::new("Name", Kind::String).from_pipeline(PipelineInput::ByPropertyName))
            .param(
                Param::new("ItemType", Kind::String)
                    .alias("Type")
                    .from_pipeline(PipelineInput::ByPropertyName),
            )
            .param(
                Param::new("Value", Kind::Object)
                    .from_pipeline(PipelineInput::ByValue)
                    .from_pipeline(PipelineInput::ByPropertyName),
            )
            .param(Param::switch("Force"))
    }

    fn examples(&self) -> &'static [Example] {
        &[Example {
            script: "New-Item -ItemType Directory -Path /tmp/certsh-reports -Force | Select-Object Name, Mode",
            summary: "A folder for reports; -Force returns it when it already exists.",
        }]
    }

    fn run(&self, call: &Call, cx: &mut Context<AppState>) -> Result<(), ErrorRecord> {
        let kind = match call.get_optional::<String>("ItemType")? {
            None => ItemType::File,
            Some(text) if text.eq_ignore_ascii_case("file") => ItemType::File,
            Some(text) if text.eq_ignore_ascii_case("directory") => ItemType::Directory,
            Some(text) => {
                cx.write_error(item_error(
                    call,
                    "The type is not a known type for the file system. Only \"file\" and \
                     \"directory\" can be specified."
                        .to_owned(),
                    (
                        "Argument",
                        ErrorCategory::InvalidArgument,
                        "ArgumentException",
                    ),
                    (&text, "ItemType"),
                ));
                return Ok(());
            }
        };
        let name: Option<String> = call.get_optional("Name")?;
        let paths: Vec<String> = call
            .get_optional("Path")?
            .unwrap_or_else(|| vec![".".to_owned()]);
        let value = call.value("Value").map(|value| value.to_string_form());
        for text in paths {
            let target = match super::get_child_item::provider_path(&text) {
                ProviderPath::Cert(_) => {
                    cx.write_error(cert_drive_not_supported(call, &text, "Path"));
                    continue;
                }
                ProviderPath::File(path) => match &name {
                    Some(name) => path.join(name),
                    None => path,
                },
            };
            create(cx, call, &target, kind, value.as_deref())?;
        }
        Ok(())
    }
}

fn create(
    cx: &mut Context<AppState>,
    call: &Call,
    target: &PathBuf,
    kind: ItemType,
    value: Option<&str>,
) -> Result<(), ErrorRecord> {
    let shown = target.display().to_string();
    let force = call.switch("Force");
    let exists = target.exists();
    if exists && !(force && (kind == ItemType::File) == target.is_file()) {
        let message = if target.is_dir() {
            format!("An item with the specified name {shown} already exists.")
        } else {
            format!("The file '{shown}' already exists.")
        };
        cx.write_error(item_error(
            call,
            message,
            (
                "NewItemIOError",
                ErrorCategory::ResourceExists,
                "IOException",
            ),
            (&shown, "Path"),
        ));
        return Ok(());
    }
    let action = match kind {
        ItemType::File => "Create File",
        ItemType::Directory => "Create Directory",
    };
    if !cx.should_process(&format!("Destination: {shown}"), action)? {
        return Ok(());
    }
    let result = match kind {
        ItemType::Directory => std::fs::create_dir_all(target),
        ItemType::File => {
            let parent_missing = target
                .parent()
                .is_some_and(|parent| !parent.as_os_str().is_empty() && !parent.is_dir());
            if parent_missing && !force {
                Err(std::io::Error::new(
                    std::io::ErrorKind::NotFound,
                    format!("Could not find a part of the path '{shown}'"),
                ))
            } else {
                let parents = match target.parent() {
                    Some(parent) if parent_missing => std::fs::create_dir_all(parent),
                    _ => Ok(()),
                };
                parents.and_then(|()| std::fs::write(target, value.unwrap_or_default()))
            }
        }
    };
    match result.and_then(|()| std::fs::metadata(target)) {
        Ok(metadata) => cx.write_output(file_object(target, &metadata)),
        Err(error) => {
            let (id, category, reason) = match error.kind() {
                std::io::ErrorKind::NotFound => (
                    "NewItemIOError",
                    ErrorCategory::WriteError,
                    "DirectoryNotFoundException",
                ),
                std::io::ErrorKind::PermissionDenied => (
                    "NewItemUnauthorizedAccessError",
                    ErrorCategory::PermissionDenied,
                    "UnauthorizedAccessException",
                ),
                _ => ("NewItemIOError", ErrorCategory::WriteError, "IOException"),
            };
            let message = match error.kind() {
                std::io::ErrorKind::NotFound => format!("{error}."),
                _ => format!("Cannot create '{shown}': {error}."),
            };
            cx.write_error(item_error(
                call,
                message,
                (id, category, reason),
                (&shown, "Path"),
            ));
        }
    }
    Ok(())
}
