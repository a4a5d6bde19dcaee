//! Get-Variable.

use shell_engine::{
    Call, Cmdlet, Context, ErrorCategory, ErrorRecord, Example, Kind, Param, PipelineInput,
    Signature,
};

use super::common::unsupported;
use super::set_variable::variable_object;
use crate::format::display::has_wildcard;

/// Gets variables by name.
pub struct GetVariable;

impl<S> Cmdlet<S> for GetVariable {
    fn signature(&self) -> Signature {
        Signature::new("Get-Variable")
            .summary("Gets the variables in the current console.")
            .param(
                Param::new("Name", Kind::StringList)
                    .position(0)
                    .from_pipeline(PipelineInput::ByValue)
                    .from_pipeline(PipelineInput::ByPropertyName),
            )
            .param(Param::switch("ValueOnly"))
            .param(Param::new("Include", Kind::StringList).unimplemented())
            .param(Param::new("Exclude", Kind::StringList).unimplemented())
            .param(Param::new("Scope", Kind::String).unimplemented())
    }

    fn examples(&self) -> &'static [Example] {
        &[Example {
            script: "$port = 995; Get-Variable port -ValueOnly",
            summary: "The value of $port.",
        }]
    }

    fn run(&self, call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        for name in ["Include", "Exclude", "Scope"] {
            if call.is_bound(name) {
                return Err(unsupported(call, name));
            }
        }
        let names: Vec<String> = call.get_optional("Name")?.unwrap_or_default();
        if names.is_empty() || names.iter().any(|n| has_wildcard(n)) {
            // Listing needs the engine to enumerate scopes, which it does not expose.
            return Err(ErrorRecord::new(
                "Listing variables by wildcard is not supported by this shell; give exact names.",
                "shell::variable::listing_unsupported",
                ErrorCategory::NotImplemented,
            )
            .with_reason("NotSupportedException")
            .with_activity(call.name.clone())
            .with_span(call.span_of("Name")));
        }
        for name in names {
            match cx.variable(&name) {
                Some(value) if call.switch("ValueOnly") => cx.write_output(value),
                Some(value) => cx.write_output(variable_object(&name, value)),
                None => cx.write_error(
                    ErrorRecord::new(
                        format!("Cannot find a variable with the name '{name}'."),
                        "VariableNotFound",
                        ErrorCategory::ObjectNotFound,
                    )
                    .with_reason("ItemNotFoundException")
                    .with_target_text(&name, "String")
                    .with_activity(call.name.clone()),
                ),
            }
        }
        Ok(())
    }
}
