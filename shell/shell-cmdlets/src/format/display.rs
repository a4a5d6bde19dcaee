//! Values as display text and property lists (spec §7.2, §7.4): the adapters from engine
//! values to shell-format's cells and list entries.

use shell_engine::{PsObject, Value};
use shell_format::Cell;

use super::view::Views;

/// The default `$FormatEnumerationLimit`.
pub const DEFAULT_ENUMERATION_LIMIT: usize = 4;

/// The display text of a value (§7.4).
pub fn display_text(value: &Value, enumeration_limit: usize) -> String {
    value.display_text(enumeration_limit)
}

/// A table cell for a value: right-aligned hint for numbers and Booleans (§7.6).
pub fn cell(value: &Value, enumeration_limit: usize) -> Cell {
    let text = display_text(value, enumeration_limit);
    if value.is_number() || matches!(value, Value::Bool(_)) {
        Cell::numeric(text)
    } else {
        Cell::new(text)
    }
}

/// `true` for values that print as their own line (§7.2 rule 3): everything that is not an
/// object with properties.
pub fn is_scalar(value: &Value) -> bool {
    !matches!(value, Value::Object(_) | Value::Hashtable(_)) || stream_record(value).is_some()
}

/// The line of a warning or host message that joined the output (`3>&1`, `6>&1`): shown as
/// the console shows the stream it came from.
fn stream_record(value: &Value) -> Option<String> {
    let Value::Object(object) = value else {
        return None;
    };
    let object = object.borrow();
    match object.type_name() {
        "System.Management.Automation.WarningRecord" => Some(format!(
            "WARNING: {}",
            object.string_form.clone().unwrap_or_default()
        )),
        "System.Management.Automation.InformationRecord" => {
            Some(object.string_form.clone().unwrap_or_default())
        }
        _ => None,
    }
}

/// The type names of a value, most specific first.
pub fn type_names(value: &Value) -> Vec<String> {
    match value {
        Value::Object(o) => {
            let o = o.borrow();
            if o.type_names.is_empty() {
                vec![o.type_name().to_string()]
            } else {
                o.type_names.clone()
            }
        }
        other => vec![other.type_name()],
    }
}

/// The first of the value's type names that has a registered view.
pub fn viewed_type(value: &Value, views: &Views) -> Option<String> {
    type_names(value)
        .into_iter()
        .find(|t| views.first(t).is_some())
}

/// All property names of a value in declaration order (hashtables: their keys).
pub fn all_property_names(value: &Value) -> Vec<String> {
    match value {
        Value::Object(o) => o
            .borrow()
            .properties()
            .iter()
            .map(|(n, _)| n.clone())
            .collect(),
        Value::Hashtable(h) => h.borrow().iter().map(|(k, _)| k.to_string_form()).collect(),
        _ => Vec::new(),
    }
}

/// The properties shown when no view applies: the type's default display set if it has
/// one, else all properties (§7.2 rule 4).
pub fn shown_property_names(value: &Value, views: &Views) -> Vec<String> {
    for t in type_names(value) {
        if let Some(set) = views.default_display(&t) {
            return set.to_vec();
        }
    }
    all_property_names(value)
}

/// Expands `-Property` patterns against a value's properties (§7.5): wildcards match in
/// declaration order, duplicates are removed; a literal name that matches nothing is kept
/// only when `keep_unmatched` (Format-Table columns) is set.
pub fn expand_property_patterns(
    patterns: &[String],
    value: &Value,
    keep_unmatched: bool,
) -> Vec<String> {
    let names = all_property_names(value);
    let mut out: Vec<String> = Vec::new();
    let push = |name: &str, out: &mut Vec<String>| {
        if !out.iter().any(|o| o.eq_ignore_ascii_case(name)) {
            out.push(name.to_string());
        }
    };
    for pattern in patterns {
        if has_wildcard(pattern) {
            for name in names.iter().filter(|n| wildcard_match(pattern, n)) {
                push(name, &mut out);
            }
        } else if let Some(name) = names.iter().find(|n| n.eq_ignore_ascii_case(pattern)) {
            push(name, &mut out);
        } else if keep_unmatched {
            push(pattern, &mut out);
        }
    }
    out
}

/// `true` when the text holds a wildcard character (`*`, `?`, `[`).
pub fn has_wildcard(text: &str) -> bool {
    text.contains(['*', '?', '['])
}

/// PowerShell wildcard matching, case-insensitive: `*`, `?` and `[abc]` / `[a-c]`.
pub fn wildcard_match(pattern: &str, text: &str) -> bool {
    let p: Vec<char> = pattern.to_lowercase().chars().collect();
    let t: Vec<char> = text.to_lowercase().chars().collect();
    match_from(&p, &t)
}

fn match_from(p: &[char], t: &[char]) -> bool {
    match p.first() {
        None => t.is_empty(),
        Some('*') => (0..=t.len()).any(|i| match_from(&p[1..], &t[i..])),
        Some('?') => !t.is_empty() && match_from(&p[1..], &t[1..]),
        Some('[') => {
            let Some(close) = p.iter().position(|c| *c == ']') else {
                return !t.is_empty() && t[0] == '[' && match_from(&p[1..], &t[1..]);
            };
            let Some(&c) = t.first() else { return false };
            let set = &p[1..close];
            let mut hit = false;
            let mut i = 0;
            while i < set.len() {
                if i + 2 < set.len() && set[i + 1] == '-' {
                    hit |= set[i] <= c && c <= set[i + 2];
                    i += 3;
                } else {
                    hit |= set[i] == c;
                    i += 1;
                }
            }
            hit && match_from(&p[close + 1..], &t[1..])
        }
        Some(&ch) => t.first() == Some(&ch) && match_from(&p[1..], &t[1..]),
    }
}

/// A property of a value for display (hashtable keys included; missing → `$null`).
pub fn property_value(value: &Value, name: &str) -> Value {
    value.property(name).unwrap_or(Value::Null)
}

/// Turns a hashtable into the `DictionaryEntry` objects PowerShell formats it as
/// (`Name` / `Key` / `Value`); any other value is returned as it is.
pub fn expand_for_display(value: &Value) -> Vec<Value> {
    match value {
        Value::Hashtable(h) => h
            .borrow()
            .iter()
            .map(|(k, v)| {
                Value::object(
                    PsObject::new("System.Collections.DictionaryEntry")
                        .with("Name", k.clone())
                        .with("Key", k.clone())
                        .with("Value", v.clone()),
                )
            })
            .collect(),
        // A TimeSpan shows as PowerShell's System.TimeSpan list view, not as `1.00:00:00`.
        Value::TimeSpan(_) => {
            let mut object = PsObject::new("System.TimeSpan");
            for name in TIMESPAN_PROPERTIES {
                object.set(name, value.property(name).unwrap_or(Value::Null));
            }
            vec![Value::object(object)]
        }
        other => vec![other.clone()],
    }
}

/// The properties of PowerShell's default System.TimeSpan view, in its order.
const TIMESPAN_PROPERTIES: &[&str] = &[
    "Days",
    "Hours",
    "Minutes",
    "Seconds",
    "Milliseconds",
    "Ticks",
    "TotalDays",
    "TotalHours",
    "TotalMinutes",
    "TotalSeconds",
    "TotalMilliseconds",
];

/// The lines a scalar prints as (§7.2 rule 3): nothing for `$null`, else its string form
/// split at newlines.
pub fn scalar_lines(value: &Value, width: usize) -> Vec<String> {
    if let Some(line) = stream_record(value) {
        return line.split('\n').map(|l| l.trim_end().to_string()).collect();
    }
    match value {
        Value::Null => Vec::new(),
        Value::Format(record) => record.render(width),
        // An error that joined the output (`2>&1`) shows as the console shows errors.
        Value::ErrorRecord(record) => super::render_error_record(record),
        Value::DateTime(_) => vec![value.display_text(DEFAULT_ENUMERATION_LIMIT)],
        other => other
            .to_string_form()
            .split('\n')
            .map(|l| l.trim_end().to_string())
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn s6_2_wildcards() {
        assert!(wildcard_match("Thumb*", "Thumbprint"));
        assert!(wildcard_match("*print", "THUMBPRINT"));
        assert!(wildcard_match("?ame", "Name"));
        assert!(wildcard_match("[a-c]x", "bx"));
        assert!(!wildcard_match("[a-c]x", "dx"));
        assert!(!wildcard_match("Thumb", "Thumbprint"));
    }

    #[test]
    fn s7_5_property_patterns() {
        let o = Value::object(
            PsObject::new("T")
                .with("Name", "a")
                .with("Number", 1)
                .with("X", 2),
        );
        let pats = vec!["n*".to_string(), "name".to_string(), "Zip".to_string()];
        assert_eq!(
            expand_property_patterns(&pats, &o, false),
            vec!["Name", "Number"]
        );
        assert_eq!(
            expand_property_patterns(&pats, &o, true),
            vec!["Name", "Number", "Zip"]
        );
    }
}
