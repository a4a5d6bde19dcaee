//! Set-Content and Add-Content (files only).

use std::io::Write;

use shell_engine::{
    Call, Cmdlet, ConfirmImpact, Context, ErrorCategory, ErrorRecord, Example, Kind, Param,
    PipelineInput, Signature, Value,
};

use super::common::unsupported;
use super::get_content::is_byte_encoding;

fn signature(name: &str, summary: &str) -> Signature {
    Signature::new(name)
        .summary(summary)
        .param(
            Param::new("Path", Kind::StringList)
                .position(0)
                .mandatory()
                .from_pipeline(PipelineInput::ByPropertyName),
        )
        .param(
            Param::new("LiteralPath", Kind::StringList)
                .alias("PSPath")
                .unimplemented(),
        )
        .param(Param::new("Filter", Kind::String).unimplemented())
        .param(Param::new("Include", Kind::StringList).unimplemented())
        .param(Param::new("Exclude", Kind::StringList).unimplemented())
        .param(Param::switch("Force"))
        .param(Param::new("Credential", Kind::Object).unimplemented())
        .param(Param::switch("PassThru"))
        .param(
            Param::new("Value", Kind::ObjectList)
                .position(1)
                .mandatory()
                .from_pipeline(PipelineInput::ByValue)
                .from_pipeline(PipelineInput::ByPropertyName),
        )
        .param(Param::switch("NoNewline"))
        .param(Param::new("Encoding", Kind::String))
        .param(Param::new("Stream", Kind::String).unimplemented())
        .supports_should_process(ConfirmImpact::Medium)
}

fn collect<S>(call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord> {
    for name in [
        "LiteralPath",
        "Filter",
        "Include",
        "Exclude",
        "Credential",
        "Stream",
    ] {
        if call.is_bound(name) {
            return Err(unsupported(call, name));
        }
    }
    // Pipeline input arrives through Value; command-line Value comes once.
    let value = call.value("Value").cloned().unwrap_or(Value::Null);
    cx.scratch::<Vec<Value>>().extend(value.enumerate());
    Ok(())
}

fn write<S>(
    call: &Call,
    cx: &mut Context<S>,
    append: bool,
    action: &str,
) -> Result<(), ErrorRecord> {
    let values = std::mem::take(cx.scratch::<Vec<Value>>());
    let bytes: Vec<u8> = if is_byte_encoding(call) {
        values
            .iter()
            .map(|v| v.to_i64().and_then(|n| u8::try_from(n).ok()).unwrap_or(0))
            .collect()
    } else {
        let mut text = String::new();
        for v in &values {
            text.push_str(&v.to_string_form());
            if !call.switch("NoNewline") {
                text.push('\n');
            }
        }
        text.into_bytes()
    };
    let paths: Vec<String> = call.get("Path")?;
    for path in paths {
        if !cx.should_process(&format!("Path: {path}"), action)? {
            continue;
        }
        let result = std::fs::OpenOptions::new()
            .create(true)
            .write(true)
            .append(append)
            .truncate(!append)
            .open(shell_engine::file_path(&path))
            .and_then(|mut f| f.write_all(&bytes));
        if let Err(err) = result {
            cx.write_error(
                ErrorRecord::new(
                    format!("Could not write '{path}': {err}."),
                    "GetContentWriterIOError",
                    ErrorCategory::WriteError,
                )
                .with_reason("IOException")
                .with_target_text(&path, "String")
                .with_activity(call.name.clone()),
            );
            continue;
        }
        if call.switch("PassThru") {
            for v in &values {
                cx.write_output(v.clone());
            }
        }
    }
    Ok(())
}

/// Writes values to a file, replacing its content.
pub struct SetContent;

impl<S> Cmdlet<S> for SetContent {
    fn signature(&self) -> Signature {
        signature(
            "Set-Content",
            "Writes new content or replaces existing content in a file.",
        )
    }

    fn examples(&self) -> &'static [Example] {
        &[Example {
            script: "Set-Content -Path /dev/null -Value 'POP', 'IMAP'",
            summary: "Writes two lines to a file.",
        }]
    }

    fn run(&self, call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        collect(call, cx)
    }

    fn end(&self, call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        write(call, cx, false, "Set Content")
    }
}

/// Appends values to a file.
pub struct AddContent;

impl<S> Cmdlet<S> for AddContent {
    fn signature(&self) -> Signature {
        signature(
            "Add-Content",
            "Appends content, such as words or data, to a file.",
        )
    }

    fn examples(&self) -> &'static [Example] {
        &[Example {
            script: "'one more line' | Add-Content -Path /dev/null",
            summary: "Appends a line to a file.",
        }]
    }

    fn run(&self, call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        collect(call, cx)
    }

    fn end(&self, call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        write(call, cx, true, "Add Content")
    }
}
