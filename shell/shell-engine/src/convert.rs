//! Conversions: parameter kinds (§5.6), casts and `-is`/`-as` (design §8).

use std::cell::RefCell;
use std::rc::Rc;

use time::{Date, Duration, Month, OffsetDateTime, PrimitiveDateTime, Time, UtcOffset};

use crate::error::{ErrorRecord, catalogue};
use crate::signature::Kind;
use crate::value::{PsObject, Value};

/// Why an argument could not be converted to a parameter's kind.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConvertArgumentError {
    /// Boolean/Switch given a string or array: only the source type is reported.
    #[error("cannot convert a {source_type} to this parameter's type")]
    Refused {
        /// The source value's type name (`System.String`).
        source_type: String,
    },
    /// Any other failure: the value text and the inner error message.
    #[error("cannot convert value \"{value_text}\": {error}")]
    Failed {
        /// The value's string form.
        value_text: String,
        /// The inner message (`Input string was not in a correct format.`).
        error: String,
    },
}

const BAD_FORMAT: &str = "Input string was not in a correct format.";

/// Parses an integer string: trimmed decimal or `0x` hex (§4.5).
pub fn parse_int_text(text: &str) -> Option<i64> {
    let t = text.trim();
    let (neg, body) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let n = if let Some(hex) = body.strip_prefix("0x").or_else(|| body.strip_prefix("0X")) {
        i64::from_str_radix(hex, 16).ok()?
    } else {
        if body.is_empty() || !body.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        body.parse::<i64>().ok()?
    };
    Some(if neg { -n } else { n })
}

/// Converts to Int64 (numbers round half to even; numeric strings; Booleans).
pub fn to_int64(value: &Value) -> Result<i64, String> {
    match value {
        Value::String(s) => parse_int_text(s)
            .or_else(|| {
                s.trim()
                    .parse::<f64>()
                    .ok()
                    .map(|f| f.round_ties_even() as i64)
            })
            .ok_or_else(|| BAD_FORMAT.to_string()),
        Value::Null => Ok(0),
        v => v
            .to_i64()
            .ok_or_else(|| "Value was either too large or too small.".to_string()),
    }
}

/// Converts to Int32.
pub fn to_int32(value: &Value) -> Result<i32, String> {
    let n = to_int64(value)?;
    i32::try_from(n)
        .map_err(|_| "Value was either too large or too small for an Int32.".to_string())
}

/// Converts to Double.
pub fn to_double(value: &Value) -> Result<f64, String> {
    match value {
        Value::String(s) => {
            let t = s.trim();
            if let Some(n) = parse_int_text(t) {
                return Ok(n as f64);
            }
            t.parse::<f64>().map_err(|_| BAD_FORMAT.to_string())
        }
        Value::Null => Ok(0.0),
        v => v.to_f64().ok_or_else(|| BAD_FORMAT.to_string()),
    }
}

fn month_from(n: u8) -> Option<Month> {
    Month::try_from(n).ok()
}

/// Parses a date string: RFC 3339, `yyyy-MM-dd[ HH:mm[:ss]]`, `M/d/yyyy[ h:mm[:ss] [AM|PM]]`.
/// Strings without an offset take `offset` (the session's local offset).
pub fn parse_datetime(text: &str, offset: UtcOffset) -> Result<OffsetDateTime, String> {
    let t = text.trim();
    let bad = || format!("String '{t}' was not recognized as a valid DateTime.");
    if let Ok(d) = OffsetDateTime::parse(t, &time::format_description::well_known::Rfc3339) {
        return Ok(d);
    }
    let (date_part, time_part) = match t.split_once([' ', 'T']) {
        Some((d, rest)) => (d, rest.trim()),
        None => (t, ""),
    };
    let date = if date_part.contains('-') {
        let p: Vec<&str> = date_part.split('-').collect();
        if p.len() != 3 {
            return Err(bad());
        }
        let y: i32 = p[0].parse().map_err(|_| bad())?;
        let m: u8 = p[1].parse().map_err(|_| bad())?;
        let d: u8 = p[2].parse().map_err(|_| bad())?;
        Date::from_calendar_date(y, month_from(m).ok_or_else(bad)?, d).map_err(|_| bad())?
    } else if date_part.contains('/') {
        let p: Vec<&str> = date_part.split('/').collect();
        if p.len() != 3 {
            return Err(bad());
        }
        let m: u8 = p[0].parse().map_err(|_| bad())?;
        let d: u8 = p[1].parse().map_err(|_| bad())?;
        let y: i32 = p[2].parse().map_err(|_| bad())?;
        Date::from_calendar_date(y, month_from(m).ok_or_else(bad)?, d).map_err(|_| bad())?
    } else {
        return Err(bad());
    };
    let mut time_text = time_part.to_ascii_uppercase();
    let mut pm = None;
    if let Some(rest) = time_text.strip_suffix("PM") {
        pm = Some(true);
        time_text = rest.trim().to_string();
    } else if let Some(rest) = time_text.strip_suffix("AM") {
        pm = Some(false);
        time_text = rest.trim().to_string();
    }
    let mut tz = offset;
    if let Some(rest) = time_text.strip_suffix('Z') {
        tz = UtcOffset::UTC;
        time_text = rest.to_string();
    }
    let time = if time_text.is_empty() {
        Time::MIDNIGHT
    } else {
        let p: Vec<&str> = time_text.split(':').collect();
        if p.len() < 2 || p.len() > 3 {
            return Err(bad());
        }
        let mut h: u8 = p[0].parse().map_err(|_| bad())?;
        let mi: u8 = p[1].parse().map_err(|_| bad())?;
        let (s, frac): (u8, u32) = match p.get(2) {
            Some(sec) => match sec.split_once('.') {
                Some((a, b)) => {
                    let digits: String = b.chars().take(9).collect();
                    let scaled = format!("{digits:0<9}");
                    (
                        a.parse().map_err(|_| bad())?,
                        scaled.parse().map_err(|_| bad())?,
                    )
                }
                None => (sec.parse().map_err(|_| bad())?, 0),
            },
            None => (0, 0),
        };
        match pm {
            Some(true) if h < 12 => h += 12,
            Some(false) if h == 12 => h = 0,
            _ => {}
        }
        Time::from_hms_nano(h, mi, s, frac).map_err(|_| bad())?
    };
    Ok(PrimitiveDateTime::new(date, time).assume_offset(tz))
}

/// Parses a TimeSpan string `[-][d.]hh:mm[:ss[.fffffff]]` or a number of days.
pub fn parse_timespan(text: &str) -> Result<Duration, String> {
    let t = text.trim();
    let bad = || format!("String '{t}' was not recognized as a valid TimeSpan.");
    let (neg, body) = match t.strip_prefix('-') {
        Some(r) => (true, r),
        None => (false, t),
    };
    let parts: Vec<&str> = body.split(':').collect();
    let d = if parts.len() == 1 {
        let days: f64 = parts[0].parse().map_err(|_| bad())?;
        Duration::checked_seconds_f64(days * 86_400.0).ok_or_else(bad)?
    } else {
        let (days, hours) = match parts[0].split_once('.') {
            Some((d, h)) => (
                d.parse::<i64>().map_err(|_| bad())?,
                h.parse::<i64>().map_err(|_| bad())?,
            ),
            None => (0, parts[0].parse::<i64>().map_err(|_| bad())?),
        };
        let minutes: i64 = parts[1].parse().map_err(|_| bad())?;
        let seconds: f64 = match parts.get(2) {
            Some(s) => s.parse().map_err(|_| bad())?,
            None => 0.0,
        };
        let total =
            days as f64 * 86_400.0 + hours as f64 * 3600.0 + minutes as f64 * 60.0 + seconds;
        Duration::checked_seconds_f64(total).ok_or_else(bad)?
    };
    if neg {
        d.checked_neg().ok_or_else(bad)
    } else {
        Ok(d)
    }
}

/// `true` when the value already has the kind ("without conversion", §5.4, §5.8).
pub fn is_native(kind: &Kind, value: &Value) -> bool {
    // An argument-mode number is a number, whatever its source text.
    let numeric;
    let value = if matches!(value, Value::Number(_)) {
        numeric = value.numeric();
        &numeric
    } else {
        value
    };
    let all = |f: &dyn Fn(&Value) -> bool| match value {
        Value::Array(a) => a.borrow().iter().all(f),
        v => f(v),
    };
    match kind {
        Kind::String => matches!(value, Value::String(_)),
        Kind::StringList => all(&|v| matches!(v, Value::String(_))),
        Kind::Int32 => matches!(value, Value::Int(_)),
        Kind::Int32List => all(&|v| matches!(v, Value::Int(_))),
        Kind::Int64 => matches!(value, Value::Int(_) | Value::Long(_)),
        Kind::Double => matches!(value, Value::Double(_)),
        Kind::Boolean | Kind::Switch => matches!(value, Value::Bool(_)),
        Kind::Enum(t) | Kind::Flags(t) => matches!(value, Value::Enum(e) if e.ty.name == t.name),
        Kind::ScriptBlock => matches!(value, Value::ScriptBlock(_)),
        Kind::ScriptBlockList => all(&|v| matches!(v, Value::ScriptBlock(_))),
        Kind::Object | Kind::ObjectList => true,
        Kind::SecureString => matches!(value, Value::SecureString(_)),
        Kind::DateTime => matches!(value, Value::DateTime(_)),
        Kind::TimeSpan => matches!(value, Value::TimeSpan(_)),
        Kind::Hashtable => matches!(value, Value::Hashtable(_)),
        Kind::Custom(c) => (c.is_native)(value),
    }
}

fn failed(value: &Value, error: impl Into<String>) -> ConvertArgumentError {
    ConvertArgumentError::Failed {
        value_text: value.to_string_form(),
        error: error.into(),
    }
}

/// Converts an argument to a parameter's kind (§5.6). `offset` is the local UTC offset
/// used for date strings without one.
pub fn convert_argument(
    kind: &Kind,
    value: &Value,
    offset: UtcOffset,
) -> Result<Value, ConvertArgumentError> {
    let list = |f: &dyn Fn(&Value) -> Result<Value, ConvertArgumentError>| -> Result<Value, ConvertArgumentError> {
        match value {
            Value::Null => Ok(Value::Null),
            Value::Array(a) => {
                let items: Result<Vec<Value>, _> = a.borrow().iter().map(f).collect();
                Ok(Value::array(items?))
            }
            v => Ok(Value::array(vec![f(v)?])),
        }
    };
    match kind {
        Kind::String => Ok(Value::String(value.to_string_form())),
        Kind::StringList => list(&|v| Ok(Value::String(v.to_string_form()))),
        Kind::Int32 => scalar(value, |v| {
            to_int32(v).map(Value::Int).map_err(|e| failed(v, e))
        }),
        Kind::Int32List => list(&|v| to_int32(v).map(Value::Int).map_err(|e| failed(v, e))),
        Kind::Int64 => scalar(value, |v| {
            to_int64(v).map(Value::Long).map_err(|e| failed(v, e))
        }),
        Kind::Double => scalar(value, |v| {
            to_double(v).map(Value::Double).map_err(|e| failed(v, e))
        }),
        Kind::Boolean | Kind::Switch => match value {
            Value::Bool(b) => Ok(Value::Bool(*b)),
            v if v.is_number() => Ok(Value::Bool(v.is_truthy())),
            Value::Null => Ok(Value::Bool(false)),
            v @ (Value::String(_) | Value::Array(_)) => Err(ConvertArgumentError::Refused {
                source_type: v.type_name(),
            }),
            v => Ok(Value::Bool(v.is_truthy())),
        },
        Kind::Enum(t) => {
            let is_list =
                matches!(value, Value::Array(_)) || value.as_str().is_some_and(|s| s.contains(','));
            if is_list && !t.flags {
                // Deviation D12: comma lists convert only to flags enums.
                let err = t
                    .parse(&value.to_string_with_ofs(","))
                    .err()
                    .unwrap_or_default();
                return Err(failed(value, err));
            }
            t.convert(value)
                .map(Value::Enum)
                .map_err(|e| failed(value, e))
        }
        Kind::Flags(t) => {
            let flags_ty = if t.flags {
                t.clone()
            } else {
                Rc::new(crate::value::EnumType {
                    flags: true,
                    ..(**t).clone()
                })
            };
            flags_ty
                .convert(value)
                .map(|e| {
                    Value::Enum(crate::value::EnumValue {
                        ty: t.clone(),
                        value: e.value,
                    })
                })
                .map_err(|e| failed(value, e))
        }
        Kind::ScriptBlock => match value {
            Value::ScriptBlock(_) => Ok(value.clone()),
            Value::Array(a) if a.borrow().len() == 1 => {
                convert_argument(kind, &a.borrow()[0], offset)
            }
            v => Err(failed(
                v,
                format!(
                    "Cannot convert the \"{}\" value of type \"{}\" to type \"System.Management.Automation.ScriptBlock\".",
                    v.to_string_form(),
                    v.type_name()
                ),
            )),
        },
        Kind::ScriptBlockList => list(&|v| convert_argument(&Kind::ScriptBlock, v, offset)),
        Kind::Object => Ok(value.clone()),
        Kind::ObjectList => match value {
            Value::Null => Ok(Value::Null),
            Value::Array(_) => Ok(value.clone()),
            v => Ok(Value::array(vec![v.clone()])),
        },
        Kind::SecureString => match value {
            Value::SecureString(_) => Ok(value.clone()),
            v => Err(failed(
                v,
                format!(
                    "Cannot convert the \"{}\" value of type \"{}\" to type \"System.Security.SecureString\".",
                    v.to_string_form(),
                    v.type_name()
                ),
            )),
        },
        Kind::DateTime => scalar(value, |v| match v {
            Value::DateTime(_) => Ok(v.clone()),
            Value::String(s) => parse_datetime(s, offset)
                .map(Value::DateTime)
                .map_err(|e| failed(v, e)),
            v => Err(failed(
                v,
                format!(
                    "Cannot convert value of type {} to System.DateTime.",
                    v.type_name()
                ),
            )),
        }),
        Kind::TimeSpan => scalar(value, |v| match v {
            Value::TimeSpan(_) => Ok(v.clone()),
            Value::String(s) => parse_timespan(s)
                .map(Value::TimeSpan)
                .map_err(|e| failed(v, e)),
            v if v.is_number() => Ok(Value::TimeSpan(Duration::nanoseconds(
                v.to_i64().unwrap_or(0).saturating_mul(100),
            ))),
            v => Err(failed(
                v,
                format!(
                    "Cannot convert value of type {} to System.TimeSpan.",
                    v.type_name()
                ),
            )),
        }),
        Kind::Hashtable => match value {
            Value::Hashtable(_) => Ok(value.clone()),
            v => Err(failed(
                v,
                format!(
                    "Cannot convert the \"{}\" value of type \"{}\" to type \"System.Collections.Hashtable\".",
                    v.to_string_form(),
                    v.type_name()
                ),
            )),
        },
        Kind::Custom(c) => (c.convert)(value).map_err(|e| failed(value, e)),
    }
}

fn scalar(
    value: &Value,
    f: impl Fn(&Value) -> Result<Value, ConvertArgumentError>,
) -> Result<Value, ConvertArgumentError> {
    match value {
        Value::Array(a) => {
            let a = a.borrow();
            if a.len() == 1 {
                f(&a[0])
            } else {
                Err(failed(
                    value,
                    format!(
                        "Cannot convert the \"{}\" value of type \"System.Object[]\".",
                        value.to_string_form()
                    ),
                ))
            }
        }
        v => f(v),
    }
}

/// A type named in a cast, `-is` or `-as`, or a typed parameter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TypeName {
    /// `[int]`
    Int,
    /// `[long]`
    Long,
    /// `[double]`
    Double,
    /// `[decimal]`
    Decimal,
    /// `[string]`
    String,
    /// `[bool]`
    Bool,
    /// `[switch]`
    Switch,
    /// `[datetime]`
    DateTime,
    /// `[timespan]`
    TimeSpan,
    /// `[array]` / `[object[]]`
    Array,
    /// `[string[]]`
    StringArray,
    /// `[int[]]`
    IntArray,
    /// `byte[]` (elements are Int32 values from 0 to 255).
    ByteArray,
    /// `char`: a one-character string (from a code point or a one-character string).
    Char,
    /// `[hashtable]`
    Hashtable,
    /// `[ordered]`
    Ordered,
    /// `[pscustomobject]`
    PsCustomObject,
    /// `[psobject]` / `[object]`
    Object,
    /// `[securestring]`
    SecureString,
    /// `[scriptblock]`
    ScriptBlock,
    /// `[regex]` (used only as a string)
    Regex,
    /// `[void]`
    Void,
    /// Another name: one of our object type names (`ExchangeCertificate`).
    Other(String),
}

/// `[datetime]::ParseExact(text, format)`: .NET custom formats (`yyyy`, `yy`, `MMMM`, `MMM`,
/// `MM`, `M`, `dd`, `d`, `HH`, `H`, `hh`, `h`, `mm`, `m`, `ss`, `s`, `fff`, `tt`, quoted and
/// other literal text) and the standard `s`, `o`, `u` forms; the instant in `offset`.
pub fn parse_exact(text: &str, format: &str, offset: UtcOffset) -> Option<OffsetDateTime> {
    let format = match format {
        "s" => "yyyy-MM-ddTHH:mm:ss",
        "u" => "yyyy-MM-dd HH:mm:ssZ",
        "o" => "yyyy-MM-ddTHH:mm:ss.fffffff",
        other => other,
    };
    let (mut year, mut month, mut day) = (1i32, 1u8, 1u8);
    let (mut hour, mut minute, mut second, mut nanos) = (0u8, 0u8, 0u8, 0u32);
    let mut pm: Option<bool> = None;
    let f: Vec<char> = format.chars().collect();
    let t: Vec<char> = text.chars().collect();
    let (mut i, mut j) = (0usize, 0usize);
    // Reads between `min` and `max` digits.
    let digits = |j: &mut usize, min: usize, max: usize| -> Option<u32> {
        let start = *j;
        while *j < t.len() && *j - start < max && t[*j].is_ascii_digit() {
            *j += 1;
        }
        if *j - start < min {
            return None;
        }
        t[start..*j].iter().collect::<String>().parse().ok()
    };
    while i < f.len() {
        let c = f[i];
        let mut run = 1;
        while i + run < f.len() && f[i + run] == c {
            run += 1;
        }
        match c {
            'y' => {
                let n = digits(&mut j, run.min(4), if run <= 2 { 2 } else { 4 })?;
                year = i32::try_from(n).ok()?;
                if run <= 2 {
                    year += if year < 50 { 2000 } else { 1900 };
                }
            }
            'M' if run >= 3 => {
                let rest: String = t[j..].iter().collect();
                let (index, name) =
                    crate::value::MONTH_NAMES
                        .iter()
                        .enumerate()
                        .find_map(|(k, m)| {
                            let name = if run == 3 { &m[..3] } else { *m };
                            rest.get(..name.len())
                                .filter(|head| head.eq_ignore_ascii_case(name))
                                .map(|_| (k, name))
                        })?;
                month = u8::try_from(index + 1).ok()?;
                j += name.len();
            }
            'M' => month = u8::try_from(digits(&mut j, run, 2)?).ok()?,
            'd' => day = u8::try_from(digits(&mut j, run, 2)?).ok()?,
            'H' | 'h' => hour = u8::try_from(digits(&mut j, run, 2)?).ok()?,
            'm' => minute = u8::try_from(digits(&mut j, run, 2)?).ok()?,
            's' => second = u8::try_from(digits(&mut j, run, 2)?).ok()?,
            'f' | 'F' => {
                let start = j;
                let n = digits(&mut j, if c == 'f' { run } else { 0 }, run)?;
                let places = u32::try_from(j - start).ok()?;
                nanos = n * 10u32.pow(9u32.saturating_sub(places));
            }
            't' => {
                let rest: String = t[j..]
                    .iter()
                    .take(2)
                    .collect::<String>()
                    .to_ascii_uppercase();
                if rest.starts_with("PM") {
                    pm = Some(true);
                } else if rest.starts_with("AM") {
                    pm = Some(false);
                } else {
                    return None;
                }
                j += run.min(2);
            }
            '\'' | '"' => {
                let close = f[i + 1..].iter().position(|x| *x == c)? + i + 1;
                for literal in &f[i + 1..close] {
                    if t.get(j) != Some(literal) {
                        return None;
                    }
                    j += 1;
                }
                i = close + 1;
                continue;
            }
            '\\' => {
                if t.get(j) != f.get(i + 1) {
                    return None;
                }
                j += 1;
                i += 2;
                continue;
            }
            literal => {
                for _ in 0..run {
                    if t.get(j) != Some(&literal) {
                        return None;
                    }
                    j += 1;
                }
            }
        }
        i += run;
    }
    if j != t.len() {
        return None;
    }
    if let Some(pm) = pm {
        hour = match (pm, hour) {
            (true, h) if h < 12 => h + 12,
            (false, 12) => 0,
            (_, h) => h,
        };
    }
    let date =
        time::Date::from_calendar_date(year, time::Month::try_from(month).ok()?, day).ok()?;
    let time = time::Time::from_hms_nano(hour, minute, second, nanos).ok()?;
    Some(time::PrimitiveDateTime::new(date, time).assume_offset(offset))
}

/// `collections.generic.list[T]` (after `system.`), any element type.
pub(crate) fn is_generic_list(short: &str) -> bool {
    let short = short.strip_prefix("system.").unwrap_or(short);
    short.starts_with("collections.generic.list[") && short.ends_with(']')
}

impl TypeName {
    /// Parses a type name as written (case-insensitive, `System.` optional).
    pub fn parse(text: &str) -> TypeName {
        let lower = text.trim().to_ascii_lowercase();
        let short = lower.strip_prefix("system.").unwrap_or(&lower);
        match short {
            "int" | "int32" => TypeName::Int,
            "long" | "int64" => TypeName::Long,
            "double" | "float" | "single" => TypeName::Double,
            "decimal" => TypeName::Decimal,
            "string" => TypeName::String,
            "bool" | "boolean" => TypeName::Bool,
            "switch" | "management.automation.switchparameter" => TypeName::Switch,
            "datetime" => TypeName::DateTime,
            "timespan" => TypeName::TimeSpan,
            "array" | "object[]" | "psobject[]" => TypeName::Array,
            // Growable collections are arrays here: `.Add()` appends in place (decisions.md).
            "collections.arraylist" | "arraylist" => TypeName::Array,
            generic if is_generic_list(generic) => TypeName::Array,
            "string[]" => TypeName::StringArray,
            "int[]" | "int32[]" => TypeName::IntArray,
            "byte[]" => TypeName::ByteArray,
            "char" => TypeName::Char,
            "hashtable" | "collections.hashtable" => TypeName::Hashtable,
            "ordered" => TypeName::Ordered,
            "pscustomobject" | "management.automation.pscustomobject" => TypeName::PsCustomObject,
            "psobject" | "object" | "management.automation.psobject" => TypeName::Object,
            "securestring" | "security.securestring" => TypeName::SecureString,
            "scriptblock" | "management.automation.scriptblock" => TypeName::ScriptBlock,
            "regex" | "text.regularexpressions.regex" => TypeName::Regex,
            "void" => TypeName::Void,
            _ => TypeName::Other(text.trim().to_string()),
        }
    }

    /// The .NET name used in messages.
    pub fn display(&self) -> String {
        match self {
            TypeName::Int => "System.Int32".into(),
            TypeName::Long => "System.Int64".into(),
            TypeName::Double => "System.Double".into(),
            TypeName::Decimal => "System.Decimal".into(),
            TypeName::String => "System.String".into(),
            TypeName::Bool => "System.Boolean".into(),
            TypeName::Switch => "System.Management.Automation.SwitchParameter".into(),
            TypeName::DateTime => "System.DateTime".into(),
            TypeName::TimeSpan => "System.TimeSpan".into(),
            TypeName::Array => "System.Object[]".into(),
            TypeName::StringArray => "System.String[]".into(),
            TypeName::IntArray => "System.Int32[]".into(),
            TypeName::ByteArray => "System.Byte[]".into(),
            TypeName::Char => "System.Char".into(),
            TypeName::Hashtable => "System.Collections.Hashtable".into(),
            TypeName::Ordered => "System.Collections.Specialized.OrderedDictionary".into(),
            TypeName::PsCustomObject => "System.Management.Automation.PSCustomObject".into(),
            TypeName::Object => "System.Object".into(),
            TypeName::SecureString => "System.Security.SecureString".into(),
            TypeName::ScriptBlock => "System.Management.Automation.ScriptBlock".into(),
            TypeName::Regex => "System.Text.RegularExpressions.Regex".into(),
            TypeName::Void => "System.Void".into(),
            TypeName::Other(n) => n.clone(),
        }
    }

    /// `-is` (§design 8): whether the value is of this type.
    pub fn matches(&self, value: &Value) -> bool {
        let value = value.numeric();
        match self {
            TypeName::Int => matches!(value, Value::Int(_)),
            TypeName::Long => matches!(value, Value::Long(_)),
            TypeName::Double => matches!(value, Value::Double(_)),
            TypeName::Decimal => matches!(value, Value::Decimal(_)),
            TypeName::String => matches!(value, Value::String(_)),
            TypeName::Bool | TypeName::Switch => matches!(value, Value::Bool(_)),
            TypeName::DateTime => matches!(value, Value::DateTime(_)),
            TypeName::TimeSpan => matches!(value, Value::TimeSpan(_)),
            TypeName::Array => matches!(value, Value::Array(_)),
            TypeName::StringArray => {
                matches!(&value, Value::Array(a) if a.borrow().iter().all(|v| matches!(v, Value::String(_))))
            }
            TypeName::IntArray => {
                matches!(&value, Value::Array(a) if a.borrow().iter().all(|v| matches!(v, Value::Int(_))))
            }
            TypeName::ByteArray => {
                matches!(&value, Value::Array(a) if a.borrow().iter().all(|v| matches!(v, Value::Int(0..=255))))
            }
            TypeName::Char => matches!(&value, Value::String(s) if s.chars().count() == 1),
            TypeName::Hashtable => matches!(&value, Value::Hashtable(h) if !h.borrow().ordered),
            TypeName::Ordered => matches!(&value, Value::Hashtable(h) if h.borrow().ordered),
            TypeName::PsCustomObject => {
                matches!(&value, Value::Object(o) if o.borrow().type_names.is_empty())
            }
            TypeName::Object => !value.is_null(),
            TypeName::SecureString => matches!(value, Value::SecureString(_)),
            TypeName::ScriptBlock => matches!(value, Value::ScriptBlock(_)),
            TypeName::Regex | TypeName::Void => false,
            TypeName::Other(name) => match &value {
                Value::Object(o) => o.borrow().type_names.iter().any(|t| {
                    t.eq_ignore_ascii_case(name)
                        || t.rsplit('.')
                            .next()
                            .is_some_and(|s| s.eq_ignore_ascii_case(name))
                }),
                Value::Enum(e) => {
                    e.ty.name.eq_ignore_ascii_case(name)
                        || e.ty
                            .name
                            .rsplit('.')
                            .next()
                            .is_some_and(|s| s.eq_ignore_ascii_case(name))
                }
                Value::ErrorRecord(_) => {
                    name.eq_ignore_ascii_case("ErrorRecord")
                        || name.eq_ignore_ascii_case("System.Management.Automation.ErrorRecord")
                }
                _ => false,
            },
        }
    }

    /// A cast (`[T]value`), with PowerShell's conversion message on failure.
    pub fn cast(&self, value: &Value, offset: UtcOffset) -> Result<Value, ErrorRecord> {
        let fail = |error: String| {
            let mut msg = format!(
                "Cannot convert value \"{}\" to type \"{}\". Error: \"{}\"",
                value.to_string_form(),
                self.display(),
                error
            );
            if value.is_null() {
                msg = format!("Cannot convert null to type \"{}\".", self.display());
            }
            let id = if matches!(value, Value::String(_))
                && matches!(self, TypeName::Int | TypeName::Long)
            {
                "InvalidCastFromStringToInteger"
            } else {
                "InvalidCastParseTargetInvocation"
            };
            let mut r = catalogue::runtime(msg, id);
            r.category = crate::error::ErrorCategory::InvalidArgument;
            r.reason = "PSInvalidCastException".into();
            r
        };
        let v = value.numeric();
        Ok(match self {
            TypeName::Int => Value::Int(to_int32(&v).map_err(fail)?),
            TypeName::Long => Value::Long(to_int64(&v).map_err(fail)?),
            TypeName::Double => Value::Double(to_double(&v).map_err(fail)?),
            TypeName::Decimal => Value::Decimal(to_double(&v).map_err(fail)?),
            TypeName::String => {
                if v.is_null() {
                    Value::String(String::new())
                } else {
                    Value::String(value.to_string_form())
                }
            }
            TypeName::Bool | TypeName::Switch => Value::Bool(value.is_truthy()),
            TypeName::DateTime => match &v {
                Value::DateTime(_) => v.clone(),
                Value::String(s) => Value::DateTime(parse_datetime(s, offset).map_err(fail)?),
                _ => {
                    return Err(fail(format!(
                        "Invalid cast from '{}' to 'DateTime'.",
                        v.type_name()
                    )));
                }
            },
            TypeName::TimeSpan => {
                convert_argument(&Kind::TimeSpan, &v, offset).map_err(|e| match e {
                    ConvertArgumentError::Failed { error, .. } => fail(error),
                    ConvertArgumentError::Refused { .. } => fail(BAD_FORMAT.into()),
                })?
            }
            TypeName::Array | TypeName::Object if matches!(self, TypeName::Array) => match &v {
                Value::Array(_) => v.clone(),
                Value::Null => Value::array(vec![]),
                other => Value::array(vec![other.clone()]),
            },
            TypeName::StringArray => Value::array(
                v.enumerate()
                    .iter()
                    .map(|e| Value::String(e.to_string_form()))
                    .collect(),
            ),
            TypeName::IntArray => {
                let items: Result<Vec<Value>, String> = v
                    .enumerate()
                    .iter()
                    .map(|e| to_int32(e).map(Value::Int))
                    .collect();
                Value::array(items.map_err(fail)?)
            }
            TypeName::Char => match &v {
                Value::String(text) if text.chars().count() == 1 => v.clone(),
                other => {
                    let code = to_int32(other).map_err(fail)?;
                    let c = u32::try_from(code)
                        .ok()
                        .and_then(char::from_u32)
                        .ok_or_else(|| fail(format!("{code} is not a character code.")))?;
                    Value::String(c.to_string())
                }
            },
            TypeName::ByteArray => {
                let items: Result<Vec<Value>, String> = v
                    .enumerate()
                    .iter()
                    .map(|e| match to_int32(e)? {
                        n @ 0..=255 => Ok(Value::Int(n)),
                        _ => Err(
                            "Value was either too large or too small for an unsigned byte.".into(),
                        ),
                    })
                    .collect();
                Value::array(items.map_err(fail)?)
            }
            TypeName::Hashtable | TypeName::Ordered => match &v {
                Value::Hashtable(h) => {
                    let mut copy = h.borrow().clone();
                    copy.ordered = matches!(self, TypeName::Ordered);
                    Value::Hashtable(Rc::new(RefCell::new(copy)))
                }
                _ => return Err(fail("Only hashtables convert to this type.".into())),
            },
            TypeName::PsCustomObject => match &v {
                Value::Hashtable(h) => {
                    let mut o = PsObject::new("");
                    for (k, val) in h.borrow().iter() {
                        o.set(&k.to_string_form(), val.clone());
                    }
                    Value::object(o)
                }
                other => other.clone(),
            },
            TypeName::Object | TypeName::Array => v.clone(),
            TypeName::SecureString => match &v {
                Value::SecureString(_) => v.clone(),
                _ => {
                    return Err(fail(
                        "Only SecureString values convert to SecureString.".into(),
                    ));
                }
            },
            TypeName::ScriptBlock => match &v {
                Value::ScriptBlock(_) => v.clone(),
                _ => return Err(fail("Only script blocks convert to ScriptBlock.".into())),
            },
            TypeName::Regex => Value::String(value.to_string_form()),
            TypeName::Void => Value::Null,
            TypeName::Other(_) => {
                if self.matches(&v) {
                    v.clone()
                } else {
                    let mut r = catalogue::runtime(
                        format!("Unable to find type [{}].", self.display()),
                        "TypeNotFound",
                    );
                    r.category = crate::error::ErrorCategory::InvalidOperation;
                    return Err(r);
                }
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn s48_int_conversion_message() {
        let e =
            convert_argument(&Kind::Int32, &Value::from("2048bits"), UtcOffset::UTC).unwrap_err();
        assert_eq!(
            e,
            ConvertArgumentError::Failed {
                value_text: "2048bits".into(),
                error: "Input string was not in a correct format.".into()
            }
        );
        assert_eq!(
            convert_argument(&Kind::Int32, &Value::from(" 0x10 "), UtcOffset::UTC).unwrap(),
            Value::Int(16)
        );
    }

    #[test]
    fn s49_boolean_refuses_strings() {
        let e = convert_argument(&Kind::Boolean, &Value::from("true"), UtcOffset::UTC).unwrap_err();
        assert_eq!(
            e,
            ConvertArgumentError::Refused {
                source_type: "System.String".into()
            }
        );
        assert_eq!(
            convert_argument(&Kind::Boolean, &Value::Int(1), UtcOffset::UTC).unwrap(),
            Value::Bool(true)
        );
    }

    #[test]
    fn string_kind_joins_arrays() {
        let arr = Value::array(vec!["a".into(), "b".into()]);
        assert_eq!(
            convert_argument(&Kind::String, &arr, UtcOffset::UTC).unwrap(),
            Value::from("a b")
        );
    }

    #[test]
    fn dates_parse() {
        let d = parse_datetime("8/7/2008 10:04:02 PM", UtcOffset::UTC).unwrap();
        assert_eq!(d.hour(), 22);
        let d = parse_datetime("2008-08-07", UtcOffset::UTC).unwrap();
        assert_eq!(d.day(), 7);
    }
}
