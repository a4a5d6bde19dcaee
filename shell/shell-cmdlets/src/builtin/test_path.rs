//! Test-Path (files and directories).

use shell_engine::{
    Call, Cmdlet, Context, ErrorRecord, Example, Kind, Param, PipelineInput, Signature, Value,
};

use super::common::unsupported;

/// Tells whether a path exists (`-PathType Leaf` for files, `Container` for directories).
pub struct TestPath;

impl<S> Cmdlet<S> for TestPath {
    fn signature(&self) -> Signature {
        Signature::new("Test-Path")
            .summary("Determines whether all elements of a path exist.")
            .param(
                Param::new("Path", Kind::StringList)
                    .position(0)
                    .mandatory()
                    .from_pipeline(PipelineInput::ByValue)
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
            .param(Param::new("PathType", Kind::String).alias("Type"))
            .param(Param::switch("IsValid"))
            .param(Param::new("Credential", Kind::Object).unimplemented())
            .param(Param::new("OlderThan", Kind::DateTime).unimplemented())
            .param(Param::new("NewerThan", Kind::DateTime).unimplemented())
    }

    fn examples(&self) -> &'static [Example] {
        &[Example {
            script: "Test-Path /etc -PathType Container",
            summary: "True: a directory.",
        }]
    }

    fn run(&self, call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        for name in [
            "LiteralPath",
            "Filter",
            "Include",
            "Exclude",
            "Credential",
            "OlderThan",
            "NewerThan",
        ] {
            if call.is_bound(name) {
                return Err(unsupported(call, name));
            }
        }
        let paths: Vec<String> = call.get("Path")?;
        let kind = call
            .value("PathType")
            .map(|v| v.to_string_form().to_ascii_lowercase());
        for path in paths {
            if call.switch("IsValid") {
                cx.write_output(Value::Bool(!path.is_empty() && !path.contains('\0')));
                continue;
            }
            let p = shell_engine::file_path(&path);
            let exists = match kind.as_deref() {
                Some("leaf") => p.is_file(),
                Some("container") => p.is_dir(),
                _ => p.exists(),
            };
            cx.write_output(Value::Bool(exists));
        }
        Ok(())
    }
}
