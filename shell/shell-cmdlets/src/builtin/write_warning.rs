//! Write-Warning.

use shell_engine::{
    Call, Cmdlet, Context, ErrorRecord, Example, Kind, Param, PipelineInput, Signature,
};

/// Writes a warning message (`WARNING: text`).
pub struct WriteWarning;

impl<S> Cmdlet<S> for WriteWarning {
    fn signature(&self) -> Signature {
        Signature::new("Write-Warning")
            .summary("Writes a warning message.")
            .param(
                Param::new("Message", Kind::String)
                    .alias("Msg")
                    .position(0)
                    .mandatory()
                    .from_pipeline(PipelineInput::ByValue),
            )
    }

    fn examples(&self) -> &'static [Example] {
        &[Example {
            script: "Write-Warning 'The certificate expires in 10 days'",
            summary: "Writes a warning.",
        }]
    }

    fn run(&self, call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        let message: String = call.get("Message")?;
        cx.write_warning(&message);
        Ok(())
    }
}
