//! Write-Output (alias `echo`, `write`).

use shell_engine::{
    Call, Cmdlet, Context, ErrorRecord, Example, Kind, Param, PipelineInput, Signature,
};

/// Writes objects to the pipeline, enumerating arrays unless `-NoEnumerate`.
pub struct WriteOutput;

impl<S> Cmdlet<S> for WriteOutput {
    fn signature(&self) -> Signature {
        Signature::new("Write-Output")
            .summary("Sends the specified objects to the next command in the pipeline.")
            .param(
                Param::new("InputObject", Kind::ObjectList)
                    .position(0)
                    .mandatory()
                    .from_pipeline(PipelineInput::ByValue)
                    .remaining(),
            )
            .param(Param::switch("NoEnumerate"))
    }

    fn examples(&self) -> &'static [Example] {
        &[
            Example {
                script: "Write-Output 'POP', 'IMAP'",
                summary: "Writes two strings.",
            },
            Example {
                script: "echo a b c",
                summary: "Writes the remaining arguments.",
            },
        ]
    }

    fn run(&self, call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        let Some(value) = call.value("InputObject").cloned() else {
            return Ok(());
        };
        if call.switch("NoEnumerate") {
            cx.write_output(value);
        } else {
            cx.write_output_enumerated(value);
        }
        Ok(())
    }
}
