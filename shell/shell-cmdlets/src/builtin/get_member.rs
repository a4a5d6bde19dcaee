//! Get-Member (alias `gm`).

use shell_engine::{
    Call, Cmdlet, Context, ErrorCategory, ErrorRecord, Example, Kind, Param, PipelineInput,
    PsObject, Signature, Value,
};
use shell_format::MemberRow;

use super::common::{input, unsupported};
use crate::format::display::{type_names, wildcard_match};

/// Lists the properties of the input objects, one table per type.
pub struct GetMember;

/// The properties scalars expose (checked against the engine's built-in properties).
const SCALAR_PROPERTIES: &[&str] = &[
    "Length",
    "Count",
    "Keys",
    "Values",
    "Date",
    "Day",
    "DayOfWeek",
    "DayOfYear",
    "Hour",
    "Millisecond",
    "Minute",
    "Month",
    "Second",
    "Ticks",
    "TimeOfDay",
    "Year",
    "Days",
    "Hours",
    "Minutes",
    "Seconds",
    "Milliseconds",
    "TotalDays",
    "TotalHours",
    "TotalMinutes",
    "TotalSeconds",
    "TotalMilliseconds",
    "Message",
    "Exception",
    "FullyQualifiedErrorId",
    "CategoryInfo",
    "TargetObject",
];

/// The short type spelling used in definitions (§7.9).
pub fn short_type(value: &Value) -> String {
    match value {
        Value::Null => "object".into(),
        Value::String(_) => "string".into(),
        Value::Bool(_) => "bool".into(),
        Value::Int(_) => "int".into(),
        Value::Long(_) => "long".into(),
        Value::Double(_) | Value::Decimal(_) => "double".into(),
        Value::Number(n) => short_type(&n.value),
        Value::DateTime(_) => "datetime".into(),
        Value::TimeSpan(_) => "timespan".into(),
        Value::Array(a) => {
            if !a.borrow().is_empty() && a.borrow().iter().all(|v| matches!(v, Value::String(_))) {
                "string[]".into()
            } else {
                "Object[]".into()
            }
        }
        Value::Hashtable(_) => "hashtable".into(),
        other => type_names(other).into_iter().next().unwrap_or_default(),
    }
}

/// The member rows of one object.
fn members(value: &Value) -> Vec<MemberRow> {
    let mut rows = Vec::new();
    match value {
        Value::Object(o) => {
            let o = o.borrow();
            let note = o.type_names.is_empty()
                || o.type_names
                    .first()
                    .is_some_and(|t| t.starts_with("Selected."));
            for (name, v) in o.properties() {
                rows.push(if note {
                    let text = match v {
                        Value::Null => "null".to_string(),
                        Value::Array(_) => short_type(v),
                        other => other.to_string_form(),
                    };
                    MemberRow {
                        name: name.clone(),
                        member_type: "NoteProperty".into(),
                        definition: format!("{} {name}={text}", short_type(v)),
                    }
                } else {
                    MemberRow {
                        name: name.clone(),
                        member_type: "Property".into(),
                        definition: format!("{} {name} {{get;}}", short_type(v)),
                    }
                });
            }
        }
        other => {
            for name in SCALAR_PROPERTIES {
                if let Some(v) = other.property(name) {
                    rows.push(MemberRow {
                        name: name.to_string(),
                        member_type: "Property".into(),
                        definition: format!("{} {name} {{get;}}", short_type(&v)),
                    });
                }
            }
        }
    }
    // Methods of our own object model (design.md §8): what the engine can call on this value.
    for (name, definition) in shell_engine::method_definitions(value) {
        rows.push(MemberRow {
            name: name.to_string(),
            member_type: "Method".into(),
            definition: definition.to_string(),
        });
    }
    rows
}

/// The type name of Get-Member's output objects.
pub const MEMBER_DEFINITION: &str = "Microsoft.PowerShell.Commands.MemberDefinition";

/// One member as the object PowerShell's Get-Member writes (its string form is the
/// definition).
fn member_definition(type_name: &str, row: MemberRow) -> Value {
    let object = PsObject::new(MEMBER_DEFINITION)
        .with("TypeName", type_name)
        .with("Name", row.name)
        .with("MemberType", row.member_type)
        .with("Definition", row.definition.as_str())
        .with_string_form(row.definition);
    Value::object(object)
}

impl<S> Cmdlet<S> for GetMember {
    fn signature(&self) -> Signature {
        Signature::new("Get-Member")
            .summary("Gets the properties of objects.")
            .param(Param::new("InputObject", Kind::Object).from_pipeline(PipelineInput::ByValue))
            .param(Param::new("Name", Kind::StringList).position(0))
            .param(Param::new("MemberType", Kind::StringList).alias("Type"))
            .param(Param::new("View", Kind::String).unimplemented())
            .param(Param::switch("Static").unimplemented())
            .param(Param::switch("Force").unimplemented())
    }

    fn examples(&self) -> &'static [Example] {
        &[Example {
            script: "[pscustomobject]@{Name='pop'; Port=995} | Get-Member",
            summary: "The note properties of a custom object.",
        }]
    }

    fn run(&self, call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        for name in ["View", "Static", "Force"] {
            if call.is_bound(name) {
                return Err(unsupported(call, name));
            }
        }
        if let Some(item) = input(call) {
            cx.scratch::<Vec<Value>>().push(item);
        }
        Ok(())
    }

    fn end(&self, call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        let items = std::mem::take(cx.scratch::<Vec<Value>>());
        if items.is_empty() {
            return Err(ErrorRecord::new(
                "You must specify an object for the Get-Member cmdlet.",
                "NoObjectInGetMember",
                ErrorCategory::InvalidArgument,
            )
            .with_reason("InvalidOperationException")
            .with_activity(call.name.clone()));
        }
        let names: Vec<String> = call.get_optional("Name")?.unwrap_or_default();
        let kinds: Vec<String> = call.get_optional("MemberType")?.unwrap_or_default();
        let mut seen: Vec<String> = Vec::new();
        for item in items {
            let type_name = type_names(&item).into_iter().next().unwrap_or_default();
            if seen.contains(&type_name) {
                continue;
            }
            seen.push(type_name.clone());
            let mut rows: Vec<MemberRow> = members(&item)
                .into_iter()
                .filter(|r| names.is_empty() || names.iter().any(|p| wildcard_match(p, &r.name)))
                .filter(|r| {
                    kinds.is_empty()
                        || kinds.iter().any(|k| {
                            wildcard_match(k, &r.member_type)
                                || k.eq_ignore_ascii_case("Properties")
                        })
                })
                .collect();
            // PowerShell orders by MemberType, then Name (ordinal, ignoring case).
            rows.sort_by_key(|r| {
                (
                    r.member_type.to_ascii_lowercase(),
                    r.name.to_ascii_lowercase(),
                )
            });
            for row in rows {
                cx.write_output(member_definition(&type_name, row));
            }
        }
        Ok(())
    }
}
