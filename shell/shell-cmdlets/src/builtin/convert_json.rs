//! ConvertTo-Json and ConvertFrom-Json.
//!
//! Layout: two-space indentation and `"name": value` (PowerShell 7's layout; 5.1's
//! column-aligned indentation is not reproduced). Dates are ISO 8601 strings, enums their
//! numeric value as in PowerShell, secure strings their type name.

use shell_engine::{
    Call, Cmdlet, Context, ErrorCategory, ErrorRecord, Example, Kind, Param, PipelineInput,
    PsObject, Signature, Value, format_double,
};
use time::format_description::well_known::Rfc3339;

use super::common::input;

/// Converts objects to a JSON string.
pub struct ConvertToJson;

/// A JSON document tree that keeps the order of object members.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    /// `null`.
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// A number, as its JSON text.
    Number(String),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Json>),
    /// An object, members in order.
    Object(Vec<(String, Json)>),
}

fn escape(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x20 => out.push_str(&format!("\\u{:04x}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

impl Json {
    /// The JSON text: compact, or indented by two spaces per level.
    pub fn write(&self, pretty: bool) -> String {
        let mut out = String::new();
        self.write_into(&mut out, pretty, 0);
        out
    }

    fn write_into(&self, out: &mut String, pretty: bool, level: usize) {
        let newline = |out: &mut String, level: usize| {
            if pretty {
                out.push('\n');
                out.push_str(&"  ".repeat(level));
            }
        };
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Number(n) => out.push_str(n),
            Json::String(s) => out.push_str(&escape(s)),
            Json::Array(items) => {
                out.push('[');
                for (k, item) in items.iter().enumerate() {
                    if k > 0 {
                        out.push(',');
                    }
                    newline(out, level + 1);
                    item.write_into(out, pretty, level + 1);
                }
                if !items.is_empty() {
                    newline(out, level);
                }
                out.push(']');
            }
            Json::Object(members) => {
                out.push('{');
                for (k, (name, value)) in members.iter().enumerate() {
                    if k > 0 {
                        out.push(',');
                    }
                    newline(out, level + 1);
                    out.push_str(&escape(name));
                    out.push_str(if pretty { ": " } else { ":" });
                    value.write_into(out, pretty, level + 1);
                }
                if !members.is_empty() {
                    newline(out, level);
                }
                out.push('}');
            }
        }
    }
}

/// The JSON form of a value, descending `depth` levels into objects.
pub fn to_json(value: &Value, depth: usize) -> Json {
    match value {
        Value::Null => Json::Null,
        Value::Bool(b) => Json::Bool(*b),
        Value::Int(n) => Json::Number(n.to_string()),
        Value::Long(n) => Json::Number(n.to_string()),
        Value::Double(n) | Value::Decimal(n) if n.is_finite() => {
            Json::Number(format_double(*n).replace("E+", "e+").replace("E-", "e-"))
        }
        Value::Double(_) | Value::Decimal(_) => Json::Null,
        Value::Number(n) => to_json(&n.value, depth),
        Value::String(s) => Json::String(s.clone()),
        Value::DateTime(d) => Json::String(d.format(&Rfc3339).unwrap_or_default()),
        Value::Enum(e) => Json::Number(e.value.to_string()),
        Value::Array(items) => {
            Json::Array(items.borrow().iter().map(|v| to_json(v, depth)).collect())
        }
        Value::Hashtable(h) if depth > 0 => Json::Object(
            h.borrow()
                .iter()
                .map(|(k, v)| (k.to_string_form(), to_json(v, depth - 1)))
                .collect(),
        ),
        Value::Object(o) if depth > 0 => Json::Object(
            o.borrow()
                .properties()
                .iter()
                .map(|(k, v)| (k.clone(), to_json(v, depth - 1)))
                .collect(),
        ),
        other => Json::String(other.to_string_form()),
    }
}

/// A JSON value as a shell value (objects become PSCustomObjects, members in order).
pub fn from_json(json: &Json) -> Value {
    match json {
        Json::Null => Value::Null,
        Json::Bool(b) => Value::Bool(*b),
        Json::Number(n) => match n.parse::<i64>() {
            Ok(i) => i32::try_from(i).map_or(Value::Long(i), Value::Int),
            Err(_) => Value::Double(n.parse().unwrap_or(0.0)),
        },
        Json::String(s) => Value::from(s.as_str()),
        Json::Array(items) => Value::array(items.iter().map(from_json).collect()),
        Json::Object(members) => {
            let mut object = PsObject::new("");
            for (k, v) in members {
                object.set(k, from_json(v));
            }
            Value::object(object)
        }
    }
}

/// A JSON parser over characters; the error is a short description with the offset.
struct Parser<'a> {
    chars: Vec<char>,
    pos: usize,
    _text: &'a str,
}

impl Parser<'_> {
    fn skip_ws(&mut self) {
        while self.chars.get(self.pos).is_some_and(|c| c.is_whitespace()) {
            self.pos += 1;
        }
    }

    fn error<T>(&self, what: &str) -> Result<T, String> {
        Err(format!("{what} at character {}", self.pos + 1))
    }

    fn expect(&mut self, c: char) -> Result<(), String> {
        self.skip_ws();
        if self.chars.get(self.pos) == Some(&c) {
            self.pos += 1;
            Ok(())
        } else {
            self.error(&format!("expected '{c}'"))
        }
    }

    fn string(&mut self) -> Result<String, String> {
        self.expect('"')?;
        let mut out = String::new();
        loop {
            let Some(&c) = self.chars.get(self.pos) else {
                return self.error("unterminated string");
            };
            self.pos += 1;
            match c {
                '"' => return Ok(out),
                '\\' => {
                    let Some(&e) = self.chars.get(self.pos) else {
                        return self.error("bad escape");
                    };
                    self.pos += 1;
                    match e {
                        'n' => out.push('\n'),
                        't' => out.push('\t'),
                        'r' => out.push('\r'),
                        'b' => out.push('\u{8}'),
                        'f' => out.push('\u{c}'),
                        'u' => {
                            let hex: String = self.chars.iter().skip(self.pos).take(4).collect();
                            self.pos += 4;
                            match u32::from_str_radix(&hex, 16).ok().and_then(char::from_u32) {
                                Some(ch) => out.push(ch),
                                None => return self.error("bad unicode escape"),
                            }
                        }
                        other => out.push(other),
                    }
                }
                c => out.push(c),
            }
        }
    }

    fn value(&mut self) -> Result<Json, String> {
        self.skip_ws();
        match self.chars.get(self.pos) {
            None => self.error("unexpected end of input"),
            Some('{') => {
                self.pos += 1;
                let mut members = Vec::new();
                self.skip_ws();
                if self.chars.get(self.pos) == Some(&'}') {
                    self.pos += 1;
                    return Ok(Json::Object(members));
                }
                loop {
                    self.skip_ws();
                    let name = self.string()?;
                    self.expect(':')?;
                    let value = self.value()?;
                    members.push((name, value));
                    self.skip_ws();
                    match self.chars.get(self.pos) {
                        Some(',') => self.pos += 1,
                        Some('}') => {
                            self.pos += 1;
                            return Ok(Json::Object(members));
                        }
                        _ => return self.error("expected ',' or '}'"),
                    }
                }
            }
            Some('[') => {
                self.pos += 1;
                let mut items = Vec::new();
                self.skip_ws();
                if self.chars.get(self.pos) == Some(&']') {
                    self.pos += 1;
                    return Ok(Json::Array(items));
                }
                loop {
                    items.push(self.value()?);
                    self.skip_ws();
                    match self.chars.get(self.pos) {
                        Some(',') => self.pos += 1,
                        Some(']') => {
                            self.pos += 1;
                            return Ok(Json::Array(items));
                        }
                        _ => return self.error("expected ',' or ']'"),
                    }
                }
            }
            Some('"') => self.string().map(Json::String),
            Some(_) => {
                let start = self.pos;
                while self
                    .chars
                    .get(self.pos)
                    .is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '+' | '.'))
                {
                    self.pos += 1;
                }
                let word: String = self.chars[start..self.pos].iter().collect();
                match word.as_str() {
                    "null" => Ok(Json::Null),
                    "true" => Ok(Json::Bool(true)),
                    "false" => Ok(Json::Bool(false)),
                    w if !w.is_empty() && w.parse::<f64>().is_ok() => {
                        Ok(Json::Number(w.to_string()))
                    }
                    _ => {
                        self.pos = start;
                        self.error("invalid JSON primitive")
                    }
                }
            }
        }
    }
}

/// Parses a JSON document.
pub fn parse_json(text: &str) -> Result<Json, String> {
    let mut parser = Parser {
        chars: text.chars().collect(),
        pos: 0,
        _text: text,
    };
    let value = parser.value()?;
    parser.skip_ws();
    if parser.pos < parser.chars.len() {
        return parser.error("unexpected text after the JSON value");
    }
    Ok(value)
}

impl<S> Cmdlet<S> for ConvertToJson {
    fn signature(&self) -> Signature {
        Signature::new("ConvertTo-Json")
            .summary("Converts an object to a JSON-formatted string.")
            .param(
                Param::new("InputObject", Kind::Object)
                    .position(0)
                    .mandatory()
                    .from_pipeline(PipelineInput::ByValue),
            )
            .param(Param::new("Depth", Kind::Int32))
            .param(Param::switch("Compress"))
    }

    fn examples(&self) -> &'static [Example] {
        &[
            Example {
                script: "[pscustomobject]@{Name='pop'; Port=995; Services='POP','IMAP'} | ConvertTo-Json",
                summary: "An object as indented JSON.",
            },
            Example {
                script: "1, 2, 3 | ConvertTo-Json -Compress",
                summary: "[1,2,3]",
            },
        ]
    }

    fn run(&self, call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        if let Some(item) = input(call) {
            cx.scratch::<Vec<Value>>().push(item);
        }
        Ok(())
    }

    fn end(&self, call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        let mut items = std::mem::take(cx.scratch::<Vec<Value>>());
        if items.is_empty() {
            return Ok(());
        }
        let depth = usize::try_from(call.get_optional::<i32>("Depth")?.unwrap_or(2)).unwrap_or(0);
        let value = if items.len() == 1 {
            items.remove(0)
        } else {
            Value::array(items)
        };
        // The outermost object counts as level 0: its properties are converted at `depth`.
        let json = to_json(&value, depth + 1);
        cx.write_output(Value::from(json.write(!call.switch("Compress"))));
        Ok(())
    }
}

/// Converts a JSON string to objects.
pub struct ConvertFromJson;

impl<S> Cmdlet<S> for ConvertFromJson {
    fn signature(&self) -> Signature {
        Signature::new("ConvertFrom-Json")
            .summary("Converts a JSON-formatted string to a custom object.")
            .param(
                Param::new("InputObject", Kind::String)
                    .position(0)
                    .mandatory()
                    .from_pipeline(PipelineInput::ByValue),
            )
    }

    fn examples(&self) -> &'static [Example] {
        &[Example {
            script: "'{\"Name\": \"pop\", \"Port\": 995}' | ConvertFrom-Json",
            summary: "A JSON object as a custom object.",
        }]
    }

    fn run(&self, call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        if let Some(text) = call.value("InputObject") {
            let buffer = cx.scratch::<String>();
            buffer.push_str(&text.to_string_form());
            buffer.push('\n');
        }
        Ok(())
    }

    fn end(&self, call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        let text = std::mem::take(cx.scratch::<String>());
        if text.trim().is_empty() {
            return Ok(());
        }
        match parse_json(&text) {
            Ok(json) => {
                // A top-level array is written as one object, as PowerShell 5.1 does.
                cx.write_output(from_json(&json));
                Ok(())
            }
            Err(err) => Err(ErrorRecord::new(
                format!("Invalid JSON: {err}."),
                "System.ArgumentException",
                ErrorCategory::NotSpecified,
            )
            .with_reason("ArgumentException")
            .with_activity(call.name.clone())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_round_trip_keeps_member_order_and_escapes() {
        let text = r#"{"z": 1, "a": [true, null, -2.5e3], "s": "q\"\\\n\u00e9"}"#;
        let json = parse_json(text).unwrap();
        assert_eq!(
            json.write(false),
            r#"{"z":1,"a":[true,null,-2.5e3],"s":"q\"\\\né"}"#
        );
        assert!(parse_json("{\"a\": }").is_err());
        assert!(parse_json("[1] x").is_err());
    }
}
