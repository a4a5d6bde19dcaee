//! Write-Verbose.

use shell_engine::{
    Call, Cmdlet, Context, ErrorRecord, Example, Kind, Param, PipelineInput, Signature,
};

/// Writes a verbose message, shown with `-Verbose` or `$VerbosePreference`.
pub struct WriteVerbose;

impl<S> Cmdlet<S> for WriteVerbose {
    fn signature(&self) -> Signature {
        Signature::new("Write-Verbose")
            .summary("Writes text to the verbose message stream.")
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
            script: "Write-Verbose 'Opening the store' -Verbose",
            summary: "Writes a verbose message and shows it.",
        }]
    }

    fn run(&self, call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        let message: String = call.get("Message")?;
        cx.write_verbose(&message);
        Ok(())
    }
}
