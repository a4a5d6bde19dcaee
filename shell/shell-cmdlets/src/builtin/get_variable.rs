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
            // A listing: every visible variable (automatic ones included) whose name matches
            // a pattern; a pattern that matches nothing is no error.
            let patterns = if names.is_empty() {
                vec!["*".to_owned()]
            } else {
                names
            };
            for (name, value) in cx.variables() {
                let matched = patterns.iter().any(|p| {
                    shell_engine::like(
                        &shell_engine::Value::from(name.as_str()),
                        &shell_engine::Value::from(p.as_str()),
                        false,
                    )
                });
                if !matched {
                    continue;
                }
                if call.switch("ValueOnly") {
                    cx.write_output(value);
                } else {
                    cx.write_output(variable_object(&name, value));
                }
            }
            return Ok(());
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
