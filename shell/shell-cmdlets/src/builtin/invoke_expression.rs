//! Invoke-Expression (`iex`): runs a string as script text in the caller's scope; its output
//! goes down the pipeline, its parse errors are the parser's.

use shell_engine::{
    Call, Cmdlet, Context, ErrorRecord, Example, Kind, Param, PipelineInput, Signature,
};

/// Runs a string as a command.
pub struct InvokeExpression;

impl<S> Cmdlet<S> for InvokeExpression {
    fn signature(&self) -> Signature {
        Signature::new("Invoke-Expression")
            .summary("Runs commands or expressions given as a string.")
            .param(
                Param::new("Command", Kind::String)
                    .position(0)
                    .mandatory()
                    .from_pipeline(PipelineInput::ByValue),
            )
    }

    fn examples(&self) -> &'static [Example] {
        &[Example {
            script: "$cmd = 'Get-ExchangeCertificate | Measure-Object'; Invoke-Expression $cmd | ForEach-Object Count",
            summary: "Runs a command line held in a variable.",
        }]
    }

    fn run(&self, call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        let text: String = call.get("Command")?;
        let block = cx.compile(&text)?;
        for value in cx.invoke_block(&block, None, Vec::new())? {
            cx.write_output(value);
        }
        Ok(())
    }
}
