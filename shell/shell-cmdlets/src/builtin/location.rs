//! Get-Location and Set-Location (`pwd`, `cd`): the current location is the process's working
//! directory, so every relative path (cmdlets, redirection, native commands) resolves against
//! it. Only the file system can be the location; `~` is the home directory.

use std::path::{Path, PathBuf};

use shell_engine::{
    Call, Cmdlet, Context, ErrorCategory, ErrorRecord, Example, Kind, Param, PipelineInput,
    PsObject, Signature, Value,
};

/// The type name of the objects Get-Location writes.
pub const PATH_INFO: &str = "System.Management.Automation.PathInfo";

/// The current location as PowerShell's PathInfo.
fn path_info(path: &Path) -> Value {
    let text = path.display().to_string();
    let object = PsObject::new(PATH_INFO)
        .with("Drive", Value::Null)
        .with("Provider", "Microsoft.PowerShell.Core\\FileSystem")
        .with("ProviderPath", text.as_str())
        .with("Path", text.as_str())
        .with_string_form(text);
    Value::object(object)
}

fn current() -> Result<PathBuf, String> {
    std::env::current_dir().map_err(|error| error.to_string())
}

fn location_error(call: &Call, message: String, id: &str, category: ErrorCategory) -> ErrorRecord {
    ErrorRecord::new(message, id, category).with_activity(call.name.clone())
}

/// Writes the current location.
pub struct GetLocation;

impl<S> Cmdlet<S> for GetLocation {
    fn signature(&self) -> Signature {
        Signature::new("Get-Location").summary("Gets the current working location (a directory).")
    }

    fn examples(&self) -> &'static [Example] {
        &[Example {
            script: "(Get-Location).Path -ne ''",
            summary: "The current directory, as the Path of a PathInfo object.",
        }]
    }

    fn run(&self, call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        match current() {
            Ok(path) => cx.write_output(path_info(&path)),
            Err(reason) => cx.write_error(location_error(
                call,
                format!("The current location cannot be read: {reason}."),
                "GetLocationError",
                ErrorCategory::ReadError,
            )),
        }
        Ok(())
    }
}

/// Changes the current location.
pub struct SetLocation;

/// `~` and `~/…` against the home directory.
fn expand_home(text: &str) -> PathBuf {
    let home = std::env::var_os("HOME").map(PathBuf::from);
    match (text, home) {
        ("~", Some(home)) => home,
        (rest, Some(home)) if rest.starts_with("~/") || rest.starts_with("~\\") => {
            home.join(&rest[2..])
        }
        _ => shell_engine::file_path(text),
    }
}

impl<S> Cmdlet<S> for SetLocation {
    fn signature(&self) -> Signature {
        Signature::new("Set-Location")
            .summary("Sets the current working location to a directory.")
            .param(
                Param::new("Path", Kind::String)
                    .position(0)
                    .alias("PSPath")
                    .from_pipeline(PipelineInput::ByValue)
                    .from_pipeline(PipelineInput::ByPropertyName),
            )
            .param(Param::switch("PassThru"))
    }

    fn examples(&self) -> &'static [Example] {
        &[Example {
            script: "Set-Location . -PassThru | ForEach-Object { $_.Path -eq (Get-Location).Path }",
            summary: "Sets the location (here: where it is) and writes the new one; `cd ..`, `cd ~` \
                      and `cd /var/log` are the usual forms.",
        }]
    }

    fn run(&self, call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        // Without a path, Windows PowerShell 5.1 stays where it is.
        let Some(text) = call.get_optional::<String>("Path")? else {
            if call.switch("PassThru") {
                return GetLocation.run(call, cx);
            }
            return Ok(());
        };
        if text.len() >= 5 && text[..5].eq_ignore_ascii_case("cert:") {
            cx.write_error(
                location_error(
                    call,
                    format!(
                        "The Cert: drive cannot be the current location in certsh ('{text}'); \
                         list it with Get-ChildItem {text}."
                    ),
                    "NotSupported",
                    ErrorCategory::InvalidOperation,
                )
                .with_reason("PSNotSupportedException")
                .with_target_text(&text, "String")
                .with_span(call.span_of("Path")),
            );
            return Ok(());
        }
        let target = expand_home(&text);
        if !target.is_dir() {
            cx.write_error(
                location_error(
                    call,
                    format!("Cannot find path '{text}' because it does not exist."),
                    "PathNotFound",
                    ErrorCategory::ObjectNotFound,
                )
                .with_reason("ItemNotFoundException")
                .with_target_text(&text, "String")
                .with_span(call.span_of("Path")),
            );
            return Ok(());
        }
        match std::env::set_current_dir(&target).and_then(|()| std::env::current_dir()) {
            Ok(now) => {
                if call.switch("PassThru") {
                    cx.write_output(path_info(&now));
                }
            }
            Err(error) => cx.write_error(
                location_error(
                    call,
                    format!("Cannot set the location to '{text}': {error}."),
                    "SetLocationError",
                    ErrorCategory::PermissionDenied,
                )
                .with_target_text(&text, "String")
                .with_span(call.span_of("Path")),
            ),
        }
        Ok(())
    }
}
