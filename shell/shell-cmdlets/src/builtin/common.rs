//! Helpers shared by the built-in cmdlets: pipeline input, property specs (names,
//! wildcards, calculated properties), ordering, and error records.

use std::cmp::Ordering;
use std::rc::Rc;

use shell_engine::{Call, Context, ErrorCategory, ErrorRecord, ScriptBlockValue, Value};
use shell_format::Align;

use crate::format::display::{has_wildcard, wildcard_match};

/// The current pipeline input (`InputObject`), if any.
pub fn input(call: &Call) -> Option<Value> {
    call.value("InputObject").cloned()
}

/// How a calculated property computes its value.
#[derive(Clone, Debug)]
pub enum Expression {
    /// A script block run with `$_` set to the object.
    Block(Rc<ScriptBlockValue>),
    /// A property name.
    Property(String),
}

/// One entry of a `-Property` argument.
#[derive(Clone, Debug)]
pub enum PropertySpec {
    /// A property name, possibly with wildcards.
    Name(String),
    /// `@{Name=…; Expression=…}` (also `N`/`L`/`Label`/`E`, `Width`, `Alignment`).
    Calculated {
        /// The label.
        label: String,
        /// The value.
        expression: Expression,
        /// `Width` (Format-Table).
        width: Option<usize>,
        /// `Alignment` (Format-Table).
        align: Option<Align>,
    },
}

/// A key of a calculated-property hashtable matches `full` when it is a prefix of it.
fn key_is(key: &str, full: &str) -> bool {
    !key.is_empty() && full.len() >= key.len() && full[..key.len()].eq_ignore_ascii_case(key)
}

/// Parses a `-Property` argument into specs; the error text is PowerShell's.
pub fn property_specs(value: &Value) -> Result<Vec<PropertySpec>, String> {
    let mut out = Vec::new();
    for item in value.enumerate() {
        match &item {
            Value::Hashtable(h) => {
                let h = h.borrow();
                let mut label = None;
                let mut expression = None;
                let mut width = None;
                let mut align = None;
                for (k, v) in h.iter() {
                    let key = k.to_string_form();
                    if key_is(&key, "name") || key_is(&key, "label") {
                        label = Some(v.to_string_form());
                    } else if key_is(&key, "expression") {
                        expression = Some(match v {
                            Value::ScriptBlock(b) => Expression::Block(b.clone()),
                            other => Expression::Property(other.to_string_form()),
                        });
                    } else if key_is(&key, "width") {
                        width = v.to_i64().and_then(|n| usize::try_from(n).ok());
                    } else if key_is(&key, "alignment") {
                        let text = v.to_string_form().to_ascii_lowercase();
                        align = match text.as_str() {
                            "left" => Some(Align::Left),
                            "right" => Some(Align::Right),
                            _ => None,
                        };
                    } else {
                        return Err(format!("The {key} key is not valid."));
                    }
                }
                let Some(expression) = expression else {
                    return Err("The Expression key is missing.".to_string());
                };
                let label = label.unwrap_or_else(|| match &expression {
                    Expression::Block(b) => b.text().trim().to_string(),
                    Expression::Property(p) => p.clone(),
                });
                out.push(PropertySpec::Calculated {
                    label,
                    expression,
                    width,
                    align,
                });
            }
            Value::ScriptBlock(b) => out.push(PropertySpec::Calculated {
                label: b.text().trim().to_string(),
                expression: Expression::Block(b.clone()),
                width: None,
                align: None,
            }),
            other => out.push(PropertySpec::Name(other.to_string_form())),
        }
    }
    Ok(out)
}

/// A value as .NET's `ToString()` renders it, which Export-Csv, ConvertTo-Csv and ConvertTo-Html
/// use: like the shell's string conversion except that dates take the current culture (en-US,
/// spec D7: `8/7/2008 10:04:02 AM`) rather than the invariant one.
pub fn dotnet_string(value: &Value) -> String {
    match value {
        Value::DateTime(d) => shell_engine::format_date_display(d),
        other => other.to_string_form(),
    }
}

/// An error record for an invalid `-Property` argument.
pub fn bad_property_spec(message: String, call: &Call, parameter: &str) -> ErrorRecord {
    ErrorRecord::new(
        message,
        "DictionaryKeyIllegal",
        ErrorCategory::InvalidArgument,
    )
    .with_reason("NotSupportedException")
    .with_activity(call.name.clone())
    .with_span(call.span_of(parameter))
}

/// Evaluates an expression for one object: a block's single output is the value, several
/// outputs are an array, none is `$null`.
pub fn evaluate<S>(
    cx: &mut Context<S>,
    expression: &Expression,
    object: &Value,
) -> Result<Value, ErrorRecord> {
    match expression {
        Expression::Property(name) => Ok(object.property(name).unwrap_or(Value::Null)),
        Expression::Block(block) => {
            let mut out = cx.invoke_block(block, Some(object.clone()), vec![])?;
            Ok(match out.len() {
                0 => Value::Null,
                1 => out.pop().unwrap_or_default(),
                _ => Value::array(out),
            })
        }
    }
}

/// A resolved column: its label and how to get its value.
#[derive(Clone, Debug)]
pub struct Resolved {
    /// The label (declared property spelling, or the calculated label).
    pub label: String,
    /// The value source.
    pub expression: Expression,
    /// Width from a calculated property.
    pub width: Option<usize>,
    /// Alignment from a calculated property.
    pub align: Option<Align>,
}

/// Expands specs against one object: wildcards over its properties in declaration order
/// (duplicates removed); a literal name that matches nothing is kept when
/// `keep_unmatched`.
pub fn resolve(specs: &[PropertySpec], object: &Value, keep_unmatched: bool) -> Vec<Resolved> {
    let names = crate::format::display::all_property_names(object);
    let mut out: Vec<Resolved> = Vec::new();
    let push = |r: Resolved, out: &mut Vec<Resolved>| {
        if !out.iter().any(|o| o.label.eq_ignore_ascii_case(&r.label)) {
            out.push(r);
        }
    };
    let plain = |name: &str| Resolved {
        label: name.to_string(),
        expression: Expression::Property(name.to_string()),
        width: None,
        align: None,
    };
    for spec in specs {
        match spec {
            PropertySpec::Name(pattern) if has_wildcard(pattern) => {
                for name in names.iter().filter(|n| wildcard_match(pattern, n)) {
                    push(plain(name), &mut out);
                }
            }
            PropertySpec::Name(name) => {
                if let Some(declared) = names.iter().find(|n| n.eq_ignore_ascii_case(name)) {
                    push(plain(declared), &mut out);
                } else if keep_unmatched || object.property(name).is_some() {
                    push(plain(name), &mut out);
                }
            }
            PropertySpec::Calculated {
                label,
                expression,
                width,
                align,
            } => push(
                Resolved {
                    label: label.clone(),
                    expression: expression.clone(),
                    width: *width,
                    align: *align,
                },
                &mut out,
            ),
        }
    }
    out
}

/// Orders two values as Sort-Object does (§6.2): `$null` first, numbers numerically,
/// dates by time, everything else by string form, ordinal ignoring case.
pub fn compare_values(a: &Value, b: &Value) -> Ordering {
    match (a, b) {
        (Value::Null, Value::Null) => Ordering::Equal,
        (Value::Null, _) => Ordering::Less,
        (_, Value::Null) => Ordering::Greater,
        (Value::DateTime(x), Value::DateTime(y)) => x.cmp(y),
        (Value::TimeSpan(x), Value::TimeSpan(y)) => x.cmp(y),
        (Value::Bool(x), Value::Bool(y)) => x.cmp(y),
        (x, y) if x.is_number() && y.is_number() => {
            let (x, y) = (x.to_f64().unwrap_or(0.0), y.to_f64().unwrap_or(0.0));
            x.partial_cmp(&y).unwrap_or(Ordering::Equal)
        }
        (Value::Enum(x), Value::Enum(y)) => x.value.cmp(&y.value),
        (x, y) if x.is_number() => match y.to_string_form().trim().parse::<f64>() {
            Ok(n) => x
                .to_f64()
                .unwrap_or(0.0)
                .partial_cmp(&n)
                .unwrap_or(Ordering::Equal),
            Err(_) => compare_text(&x.to_string_form(), &y.to_string_form()),
        },
        (x, y) => compare_text(&x.to_string_form(), &y.to_string_form()),
    }
}

/// Ordinal comparison ignoring case.
pub fn compare_text(a: &str, b: &str) -> Ordering {
    a.to_lowercase().cmp(&b.to_lowercase())
}

/// A terminating error for a parameter this shell declares but does not implement.
pub fn unsupported(call: &Call, parameter: &str) -> ErrorRecord {
    ErrorRecord::new(
        format!("The parameter '{parameter}' is not supported by this shell."),
        "shell::bind::unsupported_parameter",
        ErrorCategory::NotImplemented,
    )
    .with_reason("ParameterBindingException")
    .with_activity(call.name.clone())
    .with_span(call.span_of(parameter))
}

/// A value of one element per output (single → itself, several → array, none → `$null`).
pub fn collapse(mut values: Vec<Value>) -> Value {
    match values.len() {
        0 => Value::Null,
        1 => values.pop().unwrap_or_default(),
        _ => Value::array(values),
    }
}
