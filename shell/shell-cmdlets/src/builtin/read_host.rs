//! Read-Host.

use std::rc::Rc;

use shell_engine::{
    Call, Cmdlet, Context, ErrorCategory, ErrorRecord, Example, Kind, Param, PipelineInput,
    SecureString, Signature, Value,
};

/// Reads a line from the console (prompts only in an interactive session).
pub struct ReadHost;

impl<S> Cmdlet<S> for ReadHost {
    fn signature(&self) -> Signature {
        Signature::new("Read-Host")
            .summary("Reads a line of input from the console.")
            .param(
                Param::new("Prompt", Kind::Object)
                    .position(0)
                    .remaining()
                    .from_pipeline(PipelineInput::ByValue),
            )
            .param(Param::switch("AsSecureString"))
    }

    fn examples(&self) -> &'static [Example] {
        &[Example {
            script: "$answer = Read-Host 'Thumbprint' -ErrorAction SilentlyContinue; $answer -eq $null",
            summary: "Asks for a value; without a terminal nothing can be read.",
        }]
    }

    fn run(&self, call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        let prompt = call
            .value("Prompt")
            .map(|v| v.to_string_form())
            .unwrap_or_default();
        let answer = if call.switch("AsSecureString") {
            cx.host()
                .read_secure(&prompt)
                .map(|s| Value::SecureString(Rc::new(SecureString::new(s))))
        } else {
            cx.host().read_line(&prompt).map(Value::from)
        };
        match answer {
            Some(v) => {
                cx.write_output(v);
                Ok(())
            }
            None => {
                cx.write_error(
                    ErrorRecord::new(
                        "Windows PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.",
                        "InvalidOperation",
                        ErrorCategory::InvalidOperation,
                    )
                    .with_reason("PSInvalidOperationException")
                    .with_activity(call.name.clone()),
                );
                Ok(())
            }
        }
    }
}
