//! Join-Path.

use shell_engine::{
    Call, Cmdlet, Context, ErrorRecord, Example, Kind, Param, PipelineInput, Signature, Value,
};

use super::common::unsupported;

/// Combines a path and child paths with `/`.
pub struct JoinPath;

/// Joins two path parts with exactly one separator between them.
pub fn join(parent: &str, child: &str) -> String {
    if parent.is_empty() {
        return child.to_string();
    }
    let parent = parent.trim_end_matches(['/', '\\']);
    let child = child.trim_start_matches(['/', '\\']);
    format!("{parent}/{child}")
}

impl<S> Cmdlet<S> for JoinPath {
    fn signature(&self) -> Signature {
        Signature::new("Join-Path")
            .summary("Combines a path and a child path into a single path.")
            .param(
                Param::new("Path", Kind::StringList)
                    .alias("PSPath")
                    .position(0)
                    .mandatory()
                    .from_pipeline(PipelineInput::ByValue)
                    .from_pipeline(PipelineInput::ByPropertyName),
            )
            .param(
                Param::new("ChildPath", Kind::String)
                    .position(1)
                    .mandatory()
                    .from_pipeline(PipelineInput::ByPropertyName),
            )
            .param(
                Param::new("AdditionalChildPath", Kind::StringList)
                    .position(2)
                    .remaining(),
            )
            .param(Param::switch("Resolve").unimplemented())
            .param(Param::new("Credential", Kind::Object).unimplemented())
    }

    fn examples(&self) -> &'static [Example] {
        &[Example {
            script: "Join-Path /tmp certs/pop.cer",
            summary: "/tmp/certs/pop.cer",
        }]
    }

    fn run(&self, call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        for name in ["Resolve", "Credential"] {
            if call.is_bound(name) {
                return Err(unsupported(call, name));
            }
        }
        let paths: Vec<String> = call.get("Path")?;
        let child: String = call.get("ChildPath")?;
        let more: Vec<String> = call
            .get_optional("AdditionalChildPath")?
            .unwrap_or_default();
        for path in paths {
            let mut joined = join(&path, &child);
            for extra in &more {
                joined = join(&joined, extra);
            }
            cx.write_output(Value::from(joined));
        }
        Ok(())
    }
}
