//! Write-Error.

use shell_engine::{
    Call, Cmdlet, Context, ErrorCategory, ErrorRecord, Example, Kind, Param, PipelineInput,
    Signature,
};

/// Writes a non-terminating error record.
pub struct WriteError;

/// The category names Write-Error accepts for `-Category`.
const CATEGORIES: &[(&str, ErrorCategory)] = &[
    ("NotSpecified", ErrorCategory::NotSpecified),
    ("InvalidArgument", ErrorCategory::InvalidArgument),
    ("InvalidOperation", ErrorCategory::InvalidOperation),
    ("InvalidData", ErrorCategory::InvalidData),
    ("InvalidType", ErrorCategory::InvalidType),
    ("ObjectNotFound", ErrorCategory::ObjectNotFound),
    ("ResourceExists", ErrorCategory::ResourceExists),
    ("ResourceUnavailable", ErrorCategory::ResourceUnavailable),
    ("PermissionDenied", ErrorCategory::PermissionDenied),
    ("OpenError", ErrorCategory::OpenError),
    ("ReadError", ErrorCategory::ReadError),
    ("WriteError", ErrorCategory::WriteError),
    ("SecurityError", ErrorCategory::SecurityError),
    ("OperationStopped", ErrorCategory::OperationStopped),
    ("NotImplemented", ErrorCategory::NotImplemented),
];

impl<S> Cmdlet<S> for WriteError {
    fn signature(&self) -> Signature {
        Signature::new("Write-Error")
            .summary("Writes an object to the error stream.")
            .param(
                Param::new("Message", Kind::String)
                    .alias("Msg")
                    .position(0)
                    .mandatory()
                    .from_pipeline(PipelineInput::ByValue),
            )
            .param(Param::new("Category", Kind::String))
            .param(Param::new("ErrorId", Kind::String))
            .param(Param::new("TargetObject", Kind::Object))
    }

    fn examples(&self) -> &'static [Example] {
        &[Example {
            script: "Write-Error 'No certificate for POP3' -ErrorAction SilentlyContinue; $?",
            summary: "Writes an error without showing it; $? is False afterwards.",
        }]
    }

    fn run(&self, call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        let message: String = call.get("Message")?;
        let category = match call.value("Category") {
            None => ErrorCategory::NotSpecified,
            Some(v) => {
                let text = v.to_string_form();
                match CATEGORIES
                    .iter()
                    .find(|(n, _)| n.eq_ignore_ascii_case(text.trim()))
                {
                    Some((_, c)) => *c,
                    None => {
                        return Err(ErrorRecord::new(
                            format!(
                                "Cannot bind parameter 'Category'. Cannot convert value \"{text}\" to type \"System.Management.Automation.ErrorCategory\"."
                            ),
                            "CannotConvertArgumentNoMessage",
                            ErrorCategory::InvalidArgument,
                        )
                        .with_reason("ParameterBindingException")
                        .with_span(call.span_of("Category")));
                    }
                }
            }
        };
        let id = call
            .value("ErrorId")
            .map(|v| v.to_string_form())
            .unwrap_or_else(|| "Microsoft.PowerShell.Commands.WriteErrorException".to_string());
        let mut record = ErrorRecord::new(message, id, category).with_reason("WriteErrorException");
        if let Some(target) = call.value("TargetObject") {
            record = record.with_target(target.clone());
        }
        record.bare_id = !call.is_bound("ErrorId");
        cx.write_error(record);
        Ok(())
    }
}
