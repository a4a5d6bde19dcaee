//! Compare-Object: the differences between two sets of objects, as PowerShell reports them —
//! objects only in `-DifferenceObject` (`=>`) then objects only in `-ReferenceObject` (`<=`),
//! and with `-IncludeEqual` the matches (`==`) first. With `-Property`, objects compare by
//! those properties and the output carries them; `-PassThru` writes the objects themselves
//! with a SideIndicator note.

use std::cmp::Ordering;

use shell_engine::{
    Call, Cmdlet, Context, ErrorRecord, Example, Kind, Param, PipelineInput, PsObject, Signature,
    Value,
};

use super::common::{PropertySpec, bad_property_spec, compare_values, evaluate, property_specs};

/// Compares two sets of objects.
pub struct CompareObject;

/// The key an object compares by: its own value, or its `-Property` values.
fn key<S>(
    cx: &mut Context<S>,
    object: &Value,
    properties: &[(String, PropertySpec)],
) -> Result<Vec<Value>, ErrorRecord> {
    if properties.is_empty() {
        return Ok(vec![object.clone()]);
    }
    let mut out = Vec::with_capacity(properties.len());
    for (_, spec) in properties {
        let expression = match spec {
            PropertySpec::Name(name) => super::common::Expression::Property(name.clone()),
            PropertySpec::Calculated { expression, .. } => expression.clone(),
        };
        out.push(evaluate(cx, &expression, object)?);
    }
    Ok(out)
}

fn same(a: &[Value], b: &[Value], sensitive: bool) -> bool {
    a.len() == b.len()
        && a.iter().zip(b).all(|(x, y)| {
            if sensitive {
                x.to_string_form() == y.to_string_form()
            } else {
                compare_values(x, y) == Ordering::Equal
            }
        })
}

impl<S> Cmdlet<S> for CompareObject {
    fn signature(&self) -> Signature {
        Signature::new("Compare-Object")
            .summary("Compares two sets of objects.")
            .param(
                Param::new("ReferenceObject", Kind::ObjectList)
                    .position(0)
                    .mandatory()
                    .allow_null(),
            )
            .param(
                Param::new("DifferenceObject", Kind::ObjectList)
                    .position(1)
                    .mandatory()
                    .allow_null()
                    .from_pipeline(PipelineInput::ByValue),
            )
            .param(Param::new("Property", Kind::ObjectList))
            .param(Param::switch("IncludeEqual"))
            .param(Param::switch("ExcludeDifferent"))
            .param(Param::switch("PassThru"))
            .param(Param::switch("CaseSensitive"))
            .param(Param::new("SyncWindow", Kind::Int32))
    }

    fn examples(&self) -> &'static [Example] {
        &[Example {
            script: "Compare-Object -ReferenceObject 'EXCH01', 'EXCH02' -DifferenceObject 'EXCH02', 'EXCH03'",
            summary: "EXCH03 only in the difference set (=>), EXCH01 only in the reference set (<=).",
        }]
    }

    fn run(&self, call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        // The difference set arrives whole (a bound array) or one object per pipeline item.
        let items = call
            .value("DifferenceObject")
            .map(|value| value.enumerate())
            .unwrap_or_default();
        cx.scratch::<Vec<Value>>().extend(items);
        Ok(())
    }

    fn end(&self, call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        let difference = std::mem::take(cx.scratch::<Vec<Value>>());
        let reference: Vec<Value> = call
            .value("ReferenceObject")
            .map(|value| value.enumerate())
            .unwrap_or_default();
        let properties: Vec<(String, PropertySpec)> = match call.value("Property") {
            Some(value) => property_specs(value)
                .map_err(|m| bad_property_spec(m, call, "Property"))?
                .into_iter()
                .map(|spec| {
                    let label = match &spec {
                        PropertySpec::Name(name) => name.clone(),
                        PropertySpec::Calculated { label, .. } => label.clone(),
                    };
                    (label, spec)
                })
                .collect(),
            None => Vec::new(),
        };
        let sensitive = call.switch("CaseSensitive");
        let mut reference_keys = Vec::with_capacity(reference.len());
        for object in &reference {
            reference_keys.push(key(cx, object, &properties)?);
        }
        let mut matched = vec![false; reference.len()];
        let mut equal = Vec::new();
        let mut only_difference = Vec::new();
        for object in &difference {
            let k = key(cx, object, &properties)?;
            let found = (0..reference.len())
                .find(|&i| !matched[i] && same(&reference_keys[i], &k, sensitive));
            match found {
                Some(i) => {
                    matched[i] = true;
                    equal.push((object.clone(), k));
                }
                None => only_difference.push((object.clone(), k)),
            }
        }
        let only_reference: Vec<(Value, Vec<Value>)> = reference
            .into_iter()
            .zip(reference_keys)
            .zip(&matched)
            .filter(|(_, taken)| !**taken)
            .map(|(pair, _)| pair)
            .collect();
        let mut rows: Vec<(Value, Vec<Value>, &str)> = Vec::new();
        if call.switch("IncludeEqual") {
            rows.extend(equal.into_iter().map(|(o, k)| (o, k, "==")));
        }
        if !call.switch("ExcludeDifferent") {
            rows.extend(only_difference.into_iter().map(|(o, k)| (o, k, "=>")));
            rows.extend(only_reference.into_iter().map(|(o, k)| (o, k, "<=")));
        }
        for (object, k, side) in rows {
            if call.switch("PassThru") {
                let out = match object {
                    Value::Object(o) => {
                        o.borrow_mut().set("SideIndicator", Value::from(side));
                        Value::Object(o)
                    }
                    other => other,
                };
                cx.write_output(out);
                continue;
            }
            let mut row = PsObject::new("");
            if properties.is_empty() {
                row.set("InputObject", object);
            } else {
                for ((label, _), value) in properties.iter().zip(k) {
                    row.set(label, value);
                }
            }
            row.set("SideIndicator", Value::from(side));
            cx.write_output(Value::object(row));
        }
        Ok(())
    }
}
