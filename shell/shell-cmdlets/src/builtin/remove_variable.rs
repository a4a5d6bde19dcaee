//! Remove-Variable and Clear-Variable: a variable goes away, or keeps its name with a `$null`
//! value. A name that is no variable is PowerShell's VariableNotFound (silenced by
//! `-ErrorAction SilentlyContinue`, as loops use it).

use shell_engine::{
    Call, Cmdlet, Context, ErrorCategory, ErrorRecord, Example, Kind, Param, PipelineInput,
    Signature, Value,
};

/// Deletes variables.
pub struct RemoveVariable;

/// Empties variables.
pub struct ClearVariable;

fn not_found(call: &Call, name: &str) -> ErrorRecord {
    ErrorRecord::new(
        format!("Cannot find a variable with the name '{name}'."),
        "VariableNotFound",
        ErrorCategory::ObjectNotFound,
    )
    .with_reason("ItemNotFoundException")
    .with_target_text(name, "String")
    .with_activity(call.name.clone())
    .with_span(call.span_of("Name"))
}

fn variable_signature(name: &str, summary: &str) -> Signature {
    Signature::new(name)
        .summary(summary)
        .param(
            Param::new("Name", Kind::StringList)
                .position(0)
                .mandatory()
                .from_pipeline(PipelineInput::ByPropertyName),
        )
        .param(Param::new("Scope", Kind::String))
        .param(Param::switch("Force"))
}

impl<S> Cmdlet<S> for RemoveVariable {
    fn signature(&self) -> Signature {
        variable_signature("Remove-Variable", "Deletes a variable and its value.")
    }

    fn examples(&self) -> &'static [Example] {
        &[Example {
            script: "$cert = 1; Remove-Variable cert; $null -eq $cert",
            summary: "The variable is gone (True).",
        }]
    }

    fn run(&self, call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        let names: Vec<String> = call.get("Name")?;
        for name in names {
            if !cx.remove_variable(name.trim_start_matches('$')) {
                cx.write_error(not_found(call, &name));
            }
        }
        Ok(())
    }
}

impl<S> Cmdlet<S> for ClearVariable {
    fn signature(&self) -> Signature {
        variable_signature("Clear-Variable", "Deletes the value of a variable.")
    }

    fn examples(&self) -> &'static [Example] {
        &[Example {
            script: "$list = 1, 2; Clear-Variable list; $null -eq $list",
            summary: "The variable stays, with no value (True).",
        }]
    }

    fn run(&self, call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        let names: Vec<String> = call.get("Name")?;
        for name in names {
            let name = name.trim_start_matches('$').to_owned();
            if cx.variable(&name).is_none() {
                cx.write_error(not_found(call, &name));
                continue;
            }
            cx.set_variable(&name, Value::Null);
        }
        Ok(())
    }
}
