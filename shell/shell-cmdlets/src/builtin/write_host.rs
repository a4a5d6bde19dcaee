//! Write-Host.

use shell_engine::{
    Call, Cmdlet, Context, ErrorRecord, Example, Kind, Param, PipelineInput, Signature,
};

/// Writes text to the host (not the pipeline).
pub struct WriteHost;

impl<S> Cmdlet<S> for WriteHost {
    fn signature(&self) -> Signature {
        Signature::new("Write-Host")
            .summary("Writes customized output to the host.")
            .param(
                Param::new("Object", Kind::Object)
                    .position(0)
                    .from_pipeline(PipelineInput::ByValue)
                    .remaining(),
            )
            .param(Param::switch("NoNewline"))
            .param(Param::new("Separator", Kind::Object))
            .param(Param::new("ForegroundColor", Kind::String))
            .param(Param::new("BackgroundColor", Kind::String))
    }

    fn examples(&self) -> &'static [Example] {
        &[
            Example {
                script: "Write-Host 'Certificate enabled'",
                summary: "Writes a line.",
            },
            Example {
                script: "Write-Host 1 2 3 -Separator ', '",
                summary: "Joins the objects with a separator.",
            },
            Example {
                script: "'{0} certificates' -f 2 | Write-Host",
                summary: "Writes each pipeline object on its own line.",
            },
        ]
    }

    fn run(&self, call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        let separator = call.value("Separator").map(|v| v.to_string_form());
        let separator = separator.as_deref().unwrap_or(" ");
        let text = match call.value("Object") {
            Some(v) => v
                .enumerate()
                .iter()
                .map(|item| item.to_string_with_ofs(separator))
                .collect::<Vec<_>>()
                .join(separator),
            None => String::new(),
        };
        cx.host().write_host(&text, !call.switch("NoNewline"));
        Ok(())
    }
}
