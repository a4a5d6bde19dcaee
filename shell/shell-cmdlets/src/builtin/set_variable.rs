//! Set-Variable (alias `sv`, `set`).

use shell_engine::{
    Call, Cmdlet, ConfirmImpact, Context, ErrorRecord, Example, Kind, Param, PipelineInput,
    PsObject, Signature, Value,
};

use super::common::unsupported;

/// Sets the value of a variable, creating it if needed.
pub struct SetVariable;

/// A `PSVariable`-like object (Name, Value) as Get-Variable and `-PassThru` output it.
pub fn variable_object(name: &str, value: Value) -> Value {
    Value::object(
        PsObject::new("System.Management.Automation.PSVariable")
            .with("Name", name)
            .with("Value", value),
    )
}

impl<S> Cmdlet<S> for SetVariable {
    fn signature(&self) -> Signature {
        Signature::new("Set-Variable")
            .summary("Sets the value of a variable. Creates the variable if one with the requested name does not exist.")
            .param(Param::new("Name", Kind::StringList).position(0).mandatory().from_pipeline(PipelineInput::ByPropertyName))
            .param(Param::new("Value", Kind::Object).position(1).from_pipeline(PipelineInput::ByValue).from_pipeline(PipelineInput::ByPropertyName))
            .param(Param::new("Include", Kind::StringList).unimplemented())
            .param(Param::new("Exclude", Kind::StringList).unimplemented())
            .param(Param::new("Description", Kind::String).unimplemented())
            .param(Param::new("Option", Kind::String).unimplemented())
            .param(Param::switch("Force").unimplemented())
            .param(Param::new("Visibility", Kind::String).unimplemented())
            .param(Param::switch("PassThru"))
            .param(Param::new("Scope", Kind::String))
            .supports_should_process(ConfirmImpact::Medium)
    }

    fn examples(&self) -> &'static [Example] {
        &[Example {
            script: "Set-Variable AB A,B; $AB.Count",
            summary: "Sets $AB to an array of two strings.",
        }]
    }

    fn run(&self, call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        for name in [
            "Include",
            "Exclude",
            "Description",
            "Option",
            "Force",
            "Visibility",
        ] {
            if call.is_bound(name) {
                return Err(unsupported(call, name));
            }
        }
        let names: Vec<String> = call.get("Name")?;
        let value = call.value("Value").cloned().unwrap_or(Value::Null);
        let scope: Option<String> = call.get_optional("Scope")?;
        for name in names {
            if !cx.should_process(
                &format!("Name: {name} Value: {}", value.to_string_form()),
                "Set variable",
            )? {
                continue;
            }
            match &scope {
                Some(scope) => cx.set_variable_in(scope, &name, value.clone()),
                None => cx.set_variable(&name, value.clone()),
            }
            if call.switch("PassThru") {
                cx.write_output(variable_object(&name, value.clone()));
            }
        }
        Ok(())
    }
}
