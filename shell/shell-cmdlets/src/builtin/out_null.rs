//! Out-Null.

use shell_engine::{
    Call, Cmdlet, Context, ErrorRecord, Example, Kind, Param, PipelineInput, Signature,
};

/// Discards its input.
pub struct OutNull;

impl<S> Cmdlet<S> for OutNull {
    fn signature(&self) -> Signature {
        Signature::new("Out-Null")
            .summary("Hides the output instead of sending it down the pipeline or displaying it.")
            .param(Param::new("InputObject", Kind::Object).from_pipeline(PipelineInput::ByValue))
    }

    fn examples(&self) -> &'static [Example] {
        &[Example {
            script: "1..3 | Out-Null",
            summary: "Prints nothing.",
        }]
    }

    fn run(&self, _call: &Call, _cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        Ok(())
    }
}
