//! Sort-Object (alias `sort`).

use std::cmp::Ordering;

use shell_engine::{
    Call, Cmdlet, Context, ErrorRecord, Example, Kind, Param, PipelineInput, Signature, Value,
};

use super::common::{
    PropertySpec, bad_property_spec, compare_values, evaluate, input, property_specs, resolve,
    unsupported,
};

/// Sorts objects by property values; stable.
pub struct SortObject;

impl<S> Cmdlet<S> for SortObject {
    fn signature(&self) -> Signature {
        Signature::new("Sort-Object")
            .summary("Sorts objects by property values.")
            .param(Param::new("Property", Kind::ObjectList).position(0))
            .param(Param::switch("Descending"))
            .param(Param::switch("Unique"))
            .param(Param::new("InputObject", Kind::Object).from_pipeline(PipelineInput::ByValue))
            .param(Param::new("Culture", Kind::String).unimplemented())
            .param(Param::switch("CaseSensitive").unimplemented())
    }

    fn examples(&self) -> &'static [Example] {
        &[
            Example {
                script: "3, 1, 2 | Sort-Object",
                summary: "Sorts numbers.",
            },
            Example {
                script: "'b', 'A', 'a', 'c' | sort -Unique -Descending",
                summary: "Sorts strings descending, ignoring case, dropping duplicates.",
            },
            Example {
                script: "@{n=2}, @{n=1} | Sort-Object { $_.n } | ForEach-Object { $_.n }",
                summary: "Sorts by a script block.",
            },
        ]
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
        // One key vector per item.
        let mut keyed: Vec<(Vec<Value>, Value)> = Vec::with_capacity(items.len());
        for item in items {
            let keys = if specs.is_empty() {
                vec![item.clone()]
            } else {
                let mut keys = Vec::new();
                for r in resolve(&specs, &item, true) {
                    keys.push(evaluate(cx, &r.expression, &item)?);
                }
                if keys.is_empty() {
                    // A property pattern that matched nothing on this object.
                    keys = specs
                        .iter()
                        .map(|s| match s {
                            PropertySpec::Name(n) => item.property(n).unwrap_or(Value::Null),
                            PropertySpec::Calculated { .. } => Value::Null,
                        })
                        .collect();
                }
                keys
            };
            keyed.push((keys, item));
        }
        let descending = call.switch("Descending");
        let order = |a: &Vec<Value>, b: &Vec<Value>| -> Ordering {
            for (x, y) in a.iter().zip(b) {
                let o = compare_values(x, y);
                if o != Ordering::Equal {
                    return if descending { o.reverse() } else { o };
                }
            }
            Ordering::Equal
        };
        keyed.sort_by(|a, b| order(&a.0, &b.0));
        if call.switch("Unique") {
            keyed.dedup_by(|b, a| order(&a.0, &b.0) == Ordering::Equal);
        }
        for (_, item) in keyed {
            cx.write_output(item);
        }
        Ok(())
    }
}
