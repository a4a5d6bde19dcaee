//! Add-Member: note properties on custom and Exchange objects.

use shell_engine::{
    Call, Cmdlet, Context, ErrorCategory, ErrorRecord, Example, Hashtable, Kind, Param,
    PipelineInput, Signature, Value,
};

use super::common::unsupported;

/// Adds note properties to the input object (`Add-Member -NotePropertyName`,
/// `-MemberType NoteProperty -Name -Value`, `-NotePropertyMembers @{…}`).
pub struct AddMember;

const MEMBER_SET: &str = "MemberSet";
const SINGLE_SET: &str = "NotePropertySingleMemberSet";
const MULTI_SET: &str = "NotePropertyMultiMemberSet";
const TYPE_NAME_SET: &str = "TypeNameSet";

/// `-InputObject`: mandatory and taken from the pipeline by value in every set.
fn input_object() -> Param {
    let mut param = Param::new("InputObject", Kind::Object);
    for set in [TYPE_NAME_SET, MEMBER_SET, SINGLE_SET, MULTI_SET] {
        param = param
            .in_set(set)
            .mandatory()
            .from_pipeline(PipelineInput::ByValue);
    }
    param
}

fn error(call: &Call, message: String, id: &str, category: ErrorCategory) -> ErrorRecord {
    ErrorRecord::new(message, id, category)
        .with_reason("InvalidOperationException")
        .with_activity(call.name.clone())
        .with_span(call.span)
}

impl<S> Cmdlet<S> for AddMember {
    fn signature(&self) -> Signature {
        Signature::new("Add-Member")
            .summary("Adds custom properties to an instance of a Windows PowerShell object.")
            .default_set(TYPE_NAME_SET)
            .param(input_object())
            .param(
                Param::new("MemberType", Kind::String)
                    .alias("Type")
                    .in_set(MEMBER_SET)
                    .position(0)
                    .mandatory(),
            )
            .param(
                Param::new("Name", Kind::String)
                    .in_set(MEMBER_SET)
                    .position(1)
                    .mandatory(),
            )
            .param(
                Param::new("Value", Kind::Object)
                    .in_set(MEMBER_SET)
                    .position(2),
            )
            .param(
                Param::new("SecondValue", Kind::Object)
                    .in_set(MEMBER_SET)
                    .position(3)
                    .unimplemented(),
            )
            .param(
                Param::new("TypeName", Kind::String)
                    .in_set(TYPE_NAME_SET)
                    .mandatory()
                    .in_set(MEMBER_SET)
                    .in_set(SINGLE_SET)
                    .in_set(MULTI_SET),
            )
            .param(
                Param::switch("Force")
                    .in_set(MEMBER_SET)
                    .in_set(SINGLE_SET)
                    .in_set(MULTI_SET),
            )
            .param(Param::switch("PassThru"))
            .param(
                Param::new("NotePropertyName", Kind::String)
                    .in_set(SINGLE_SET)
                    .position(0)
                    .mandatory(),
            )
            .param(
                Param::new("NotePropertyValue", Kind::Object)
                    .in_set(SINGLE_SET)
                    .position(1)
                    .mandatory()
                    .allow_null(),
            )
            .param(
                Param::new("NotePropertyMembers", Kind::Hashtable)
                    .in_set(MULTI_SET)
                    .position(0)
                    .mandatory(),
            )
    }

    fn examples(&self) -> &'static [Example] {
        &[Example {
            script: "$o = [pscustomobject]@{Name='pop'}; $o | Add-Member -NotePropertyName Port \
                     -NotePropertyValue 995 -PassThru",
            summary: "Add a note property to a custom object and pass the object on.",
        }]
    }

    fn run(&self, call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        if call.is_bound("SecondValue") {
            return Err(unsupported(call, "SecondValue"));
        }
        let input = call.value("InputObject").cloned().unwrap_or(Value::Null);
        let mut members: Vec<(String, Value)> = Vec::new();
        if let Some(name) = call.get_optional::<String>("NotePropertyName")? {
            members.push((
                name,
                call.value("NotePropertyValue")
                    .cloned()
                    .unwrap_or(Value::Null),
            ));
        }
        if let Some(table) = call.get_optional::<Hashtable>("NotePropertyMembers")? {
            for (k, v) in table.iter() {
                members.push((k.to_string_form(), v.clone()));
            }
        }
        if let Some(kind) = call.get_optional::<String>("MemberType")? {
            if !kind.eq_ignore_ascii_case("NoteProperty") {
                return Err(error(
                    call,
                    format!(
                        "The member type '{kind}' is not supported by this shell; use NoteProperty."
                    ),
                    "shell::member_type_not_supported",
                    ErrorCategory::NotImplemented,
                ));
            }
            let name: String = call.get("Name")?;
            members.push((name, call.value("Value").cloned().unwrap_or(Value::Null)));
        }
        let Value::Object(object) = &input else {
            return Err(error(
                call,
                format!(
                    "Cannot add a member to a value of type [{}]: this shell adds members only to objects.",
                    input.type_name()
                ),
                "shell::add_member_to_value",
                ErrorCategory::InvalidOperation,
            ));
        };
        let force = call.switch("Force");
        for (name, _) in &members {
            if !force && object.borrow().get(name).is_some() {
                return Err(error(
                    call,
                    format!(
                        "Cannot add a member with the name \"{name}\" because a member with that name already exists. To overwrite the member anyway, add the Force parameter to your command."
                    ),
                    "MemberAlreadyExists",
                    ErrorCategory::InvalidOperation,
                ));
            }
        }
        {
            let mut object = object.borrow_mut();
            for (name, value) in members {
                object.set(&name, value);
            }
            if let Some(type_name) = call.get_optional::<String>("TypeName")? {
                object.type_names.insert(0, type_name);
            }
        }
        if call.switch("PassThru") {
            cx.write_output(input.clone());
        }
        Ok(())
    }
}
