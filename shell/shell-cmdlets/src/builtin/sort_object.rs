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
        let descending = call.switch("Descending");
        let (specs, directions) = match call.value("Property") {
            Some(v) => {
                let (v, directions) = split_directions(v, descending);
                let specs =
                    property_specs(&v).map_err(|m| bad_property_spec(m, call, "Property"))?;
                (specs, directions)
            }
            None => (Vec::new(), Vec::new()),
        };
        // One key vector per item; each key carries its own direction.
        let mut keyed: Vec<(Vec<(Value, bool)>, Value)> = Vec::with_capacity(items.len());
        for item in items {
            let mut keys = Vec::new();
            if specs.is_empty() {
                keys.push((item.clone(), descending));
            }
            for (spec, &down) in specs.iter().zip(&directions) {
                let resolved = resolve(std::slice::from_ref(spec), &item, true);
                if resolved.is_empty() {
                    // A property pattern that matched nothing on this object.
                    let value = match spec {
                        PropertySpec::Name(n) => item.property(n).unwrap_or(Value::Null),
                        PropertySpec::Calculated { .. } => Value::Null,
                    };
                    keys.push((value, down));
                }
                for r in resolved {
                    keys.push((evaluate(cx, &r.expression, &item)?, down));
                }
            }
            keyed.push((keys, item));
        }
        let order = |a: &Vec<(Value, bool)>, b: &Vec<(Value, bool)>| -> Ordering {
            for ((x, down), (y, _)) in a.iter().zip(b) {
                let o = compare_values(x, y);
                if o != Ordering::Equal {
                    return if *down { o.reverse() } else { o };
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

/// Takes the `Ascending` / `Descending` keys out of `@{Expression=…; Descending=$true}` sort
/// specifications (Sort-Object's own keys, which the shared calculated-property parser does not
/// know); returns the remaining specifications and one direction (`true`: descending) per item,
/// `default` where a hashtable names none.
fn split_directions(value: &Value, default: bool) -> (Value, Vec<bool>) {
    let mut items = Vec::new();
    let mut directions = Vec::new();
    for item in value.enumerate() {
        let Value::Hashtable(h) = &item else {
            items.push(item);
            directions.push(default);
            continue;
        };
        let mut rest = shell_engine::Hashtable::new();
        let mut down = default;
        for (k, v) in h.borrow().iter() {
            let key = k.to_string_form();
            let is = |full: &str| {
                !key.is_empty()
                    && full.len() >= key.len()
                    && full[..key.len()].eq_ignore_ascii_case(&key)
            };
            if key.len() > 1 && is("ascending") {
                down = !v.is_truthy();
            } else if key.len() > 1 && is("descending") {
                down = v.is_truthy();
            } else {
                rest.insert(k.clone(), v.clone());
            }
        }
        items.push(Value::from(rest));
        directions.push(down);
    }
    (Value::array(items), directions)
}
