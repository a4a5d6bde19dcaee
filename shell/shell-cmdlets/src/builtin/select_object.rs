//! Select-Object (alias `select`).

use std::collections::VecDeque;

use shell_engine::{
    Call, Cmdlet, Context, ErrorCategory, ErrorRecord, Example, Kind, Param, PipelineInput,
    PsObject, Signature, Value,
};

use super::common::{bad_property_spec, evaluate, input, property_specs, resolve, unsupported};
use crate::format::display::type_names;

/// Selects properties of objects, or the first / last / unique objects.
pub struct SelectObject;

/// Per-invocation state.
#[derive(Default)]
struct State {
    seen: usize,
    emitted: usize,
    buffer: VecDeque<Value>,
    unique: Vec<String>,
}

impl SelectObject {
    /// The projection of one input object (`-Property` / `-ExpandProperty`).
    fn project<S>(
        call: &Call,
        cx: &mut Context<S>,
        item: Value,
    ) -> Result<Vec<Value>, ErrorRecord> {
        let mut out = Vec::new();
        let mut current = vec![item.clone()];
        if let Some(spec_value) = call.value("Property") {
            let specs =
                property_specs(spec_value).map_err(|m| bad_property_spec(m, call, "Property"))?;
            let excluded: Vec<String> = call
                .get_optional::<Vec<String>>("ExcludeProperty")?
                .unwrap_or_default();
            let type_name = type_names(&item).into_iter().next().unwrap_or_default();
            let mut object = PsObject::new(&format!("Selected.{type_name}"));
            for r in resolve(&specs, &item, true) {
                if excluded
                    .iter()
                    .any(|e| crate::format::display::wildcard_match(e, &r.label))
                {
                    continue;
                }
                let value = evaluate(cx, &r.expression, &item)?;
                object.set(&r.label, value);
            }
            current = vec![Value::object(object)];
        }
        if let Some(name) = call.value("ExpandProperty") {
            let name = name.to_string_form();
            for object in current {
                match object.property(&name) {
                    Some(v) => out.extend(v.enumerate()),
                    None => {
                        cx.write_error(
                            ErrorRecord::new(
                                format!("Property \"{name}\" cannot be found."),
                                "ExpandPropertyNotFound",
                                ErrorCategory::InvalidArgument,
                            )
                            .with_reason("PSArgumentException")
                            .with_target(object.clone()),
                        );
                    }
                }
            }
            return Ok(out);
        }
        Ok(current)
    }
}

impl<S> Cmdlet<S> for SelectObject {
    fn signature(&self) -> Signature {
        Signature::new("Select-Object")
            .summary("Selects objects or object properties.")
            .param(Param::new("InputObject", Kind::Object).from_pipeline(PipelineInput::ByValue))
            .param(Param::new("Property", Kind::ObjectList).position(0))
            .param(Param::new("ExcludeProperty", Kind::StringList))
            .param(Param::new("ExpandProperty", Kind::String))
            .param(Param::switch("Unique"))
            .param(Param::new("Last", Kind::Int32))
            .param(Param::new("First", Kind::Int32))
            .param(Param::new("Skip", Kind::Int32))
            .param(Param::new("SkipLast", Kind::Int32).unimplemented())
            .param(Param::switch("Wait").unimplemented())
            .param(Param::new("Index", Kind::Int32List).unimplemented())
    }

    fn examples(&self) -> &'static [Example] {
        &[
            Example {
                script: "[pscustomobject]@{Name='a'; Size=1; Kind='x'} | Select-Object Name, Size",
                summary: "Selects two properties into a new object.",
            },
            Example {
                script: "1..10 | Select-Object -First 3",
                summary: "The first three.",
            },
            Example {
                script: "1..10 | select -Last 2 -Skip 1",
                summary: "Skips the first object, then keeps the last two.",
            },
            Example {
                script: "[pscustomobject]@{Domains='a.com','b.com'} | Select-Object -ExpandProperty Domains",
                summary: "Emits one string per element of a collection property.",
            },
            Example {
                script: "'a', 'A', 'b' | Select-Object -Unique",
                summary: "Drops repeated objects.",
            },
        ]
    }

    fn run(&self, call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        for name in ["SkipLast", "Wait", "Index"] {
            if call.is_bound(name) {
                return Err(unsupported(call, name));
            }
        }
        let Some(item) = input(call) else {
            return Ok(());
        };
        let skip = call.get_optional::<i32>("Skip")?.unwrap_or(0).max(0) as usize;
        let first: Option<i32> = call.get_optional("First")?;
        let last: Option<i32> = call.get_optional("Last")?;
        let unique = call.switch("Unique");
        let state = cx.scratch::<State>();
        state.seen += 1;
        if state.seen <= skip {
            return Ok(());
        }
        if let Some(first) = first
            && state.emitted >= first.max(0) as usize
            && last.is_none()
        {
            cx.stop_upstream();
            return Ok(());
        }
        let projected = Self::project(call, cx, item)?;
        let first = first.map(|f| f.max(0) as usize);
        for value in projected {
            let state = cx.scratch::<State>();
            if unique {
                let key = value.to_string_form();
                if state.unique.contains(&key) {
                    continue;
                }
                state.unique.push(key);
            }
            if let Some(last) = last {
                state.buffer.push_back(value);
                if first.is_none() && state.buffer.len() > last.max(0) as usize {
                    state.buffer.pop_front();
                }
                continue;
            }
            if first.is_some_and(|f| state.emitted >= f) {
                break;
            }
            state.emitted += 1;
            cx.write_output(value);
        }
        let emitted = cx.scratch::<State>().emitted;
        if last.is_none() && first.is_some_and(|f| emitted >= f) {
            cx.stop_upstream();
        }
        Ok(())
    }

    fn end(&self, call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        let Some(last) = call.get_optional::<i32>("Last")? else {
            return Ok(());
        };
        let first = call.get_optional::<i32>("First")?;
        let buffer: Vec<Value> = std::mem::take(&mut cx.scratch::<State>().buffer).into();
        let n = buffer.len();
        let last = last.max(0) as usize;
        let mut keep: Vec<Value> = Vec::new();
        if let Some(first) = first {
            let first = (first.max(0) as usize).min(n);
            keep.extend(buffer.iter().take(first).cloned());
            let tail_start = n.saturating_sub(last).max(first);
            keep.extend(buffer.iter().skip(tail_start).cloned());
        } else {
            keep.extend(buffer.into_iter().skip(n.saturating_sub(last)));
        }
        for v in keep {
            cx.write_output(v);
        }
        Ok(())
    }
}
