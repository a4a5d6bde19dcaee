//! Group-Object.

use shell_engine::{
    Call, Cmdlet, Context, ErrorRecord, Example, Hashtable, Kind, Param, PipelineInput, PsObject,
    Signature, Value,
};

use super::common::{bad_property_spec, evaluate, input, property_specs, resolve, unsupported};

/// Groups objects that have the same value for the given properties.
pub struct GroupObject;

impl<S> Cmdlet<S> for GroupObject {
    fn signature(&self) -> Signature {
        Signature::new("Group-Object")
            .summary("Groups objects that contain the same value for specified properties.")
            .param(Param::switch("NoElement"))
            .param(Param::switch("AsHashTable"))
            .param(Param::switch("AsString"))
            .param(Param::new("InputObject", Kind::Object).from_pipeline(PipelineInput::ByValue))
            .param(Param::new("Property", Kind::ObjectList).position(0))
            .param(Param::new("Culture", Kind::String).unimplemented())
            .param(Param::switch("CaseSensitive").unimplemented())
    }

    fn examples(&self) -> &'static [Example] {
        &[Example {
            script: "'a', 'b', 'a' | Group-Object | Select-Object Count, Name",
            summary: "Counts equal strings.",
        }]
    }

    fn run(&self, call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        for name in ["Culture", "CaseSensitive"] {
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
        let specs = match call.value("Property") {
            Some(v) => property_specs(v).map_err(|m| bad_property_spec(m, call, "Property"))?,
            None => Vec::new(),
        };
        // (name, values) in order of first appearance.
        let mut groups: Vec<(String, Vec<Value>)> = Vec::new();
        for item in items {
            let name = if specs.is_empty() {
                item.to_string_form()
            } else {
                let mut parts = Vec::new();
                for r in resolve(&specs, &item, true) {
                    parts.push(evaluate(cx, &r.expression, &item)?.to_string_form());
                }
                parts.join(", ")
            };
            match groups
                .iter_mut()
                .find(|(n, _)| n.eq_ignore_ascii_case(&name))
            {
                Some((_, members)) => members.push(item),
                None => groups.push((name, vec![item])),
            }
        }
        if call.switch("AsHashTable") {
            let mut table = Hashtable::new();
            for (name, members) in groups {
                table.insert(Value::from(name), Value::array(members));
            }
            cx.write_output(Value::from(table));
            return Ok(());
        }
        for (name, members) in groups {
            let mut object = PsObject::new("Microsoft.PowerShell.Commands.GroupInfo")
                .with("Count", members.len() as i32)
                .with("Name", name);
            if !call.switch("NoElement") {
                object = object.with("Group", Value::array(members));
            }
            cx.write_output(Value::object(object));
        }
        Ok(())
    }
}
