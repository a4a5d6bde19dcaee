//! Split-Path.

use shell_engine::{
    Call, Cmdlet, Context, ErrorRecord, Example, Kind, Param, PipelineInput, Signature, Value,
};

use super::common::unsupported;

/// Returns the parent (default) or leaf of a path, or whether it is absolute.
pub struct SplitPath;

/// The parent part of a path (`/a/b` → `/a`, `b` → empty, `/a` → `/`).
pub fn parent(path: &str) -> String {
    let trimmed = path.trim_end_matches(['/', '\\']);
    match trimmed.rfind(['/', '\\']) {
        Some(0) => trimmed[..1].to_string(),
        Some(i) => trimmed[..i].to_string(),
        None => String::new(),
    }
}

/// The last part of a path.
pub fn leaf(path: &str) -> String {
    let trimmed = path.trim_end_matches(['/', '\\']);
    match trimmed.rfind(['/', '\\']) {
        Some(i) => trimmed[i + 1..].to_string(),
        None => trimmed.to_string(),
    }
}

impl<S> Cmdlet<S> for SplitPath {
    fn signature(&self) -> Signature {
        Signature::new("Split-Path")
            .summary("Returns the specified part of a path.")
            .default_set("ParentSet")
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
            .param(Param::switch("Parent").in_set("ParentSet"))
            .param(
                Param::switch("Qualifier")
                    .in_set("QualifierSet")
                    .mandatory()
                    .unimplemented(),
            )
            .param(
                Param::switch("NoQualifier")
                    .in_set("NoQualifierSet")
                    .mandatory()
                    .unimplemented(),
            )
            .param(Param::switch("Leaf").in_set("LeafSet").mandatory())
            .param(Param::switch("Resolve").unimplemented())
            .param(
                Param::switch("IsAbsolute")
                    .in_set("IsAbsoluteSet")
                    .mandatory(),
            )
            .param(Param::new("Credential", Kind::Object).unimplemented())
    }

    fn examples(&self) -> &'static [Example] {
        &[
            Example {
                script: "Split-Path /tmp/certs/pop.cer",
                summary: "The parent: /tmp/certs.",
            },
            Example {
                script: "Split-Path /tmp/certs/pop.cer -Leaf",
                summary: "The leaf: pop.cer.",
            },
        ]
    }

    fn run(&self, call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        for name in [
            "LiteralPath",
            "Qualifier",
            "NoQualifier",
            "Resolve",
            "Credential",
        ] {
            if call.is_bound(name) {
                return Err(unsupported(call, name));
            }
        }
        let paths: Vec<String> = call.get("Path")?;
        for path in paths {
            let value = if call.switch("Leaf") {
                Value::from(leaf(&path))
            } else if call.switch("IsAbsolute") {
                Value::Bool(path.starts_with(['/', '\\']))
            } else {
                Value::from(parent(&path))
            };
            cx.write_output(value);
        }
        Ok(())
    }
}
