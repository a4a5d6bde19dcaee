//! Operators: comparison (§4.3), arithmetic (§4.4), `-f`, `-split`, `-join`, `-replace`.

use std::cell::RefCell;
use std::cmp::Ordering;
use std::rc::Rc;

use regex::{Regex, RegexBuilder};
use shell_parser::ast::{CaseMode, CompareOp};
use time::{Duration, UtcOffset};

use crate::convert::{parse_datetime, parse_int_text};
use crate::error::{ErrorRecord, catalogue};
use crate::value::{Hashtable, Value};

type OpResult = Result<Value, ErrorRecord>;

fn lower(s: &str, sensitive: bool) -> String {
    if sensitive {
        s.to_string()
    } else {
        s.to_lowercase()
    }
}

/// Parses a string as a number for comparisons and arithmetic (`Int`, `Long` or `Double`).
pub fn parse_number(text: &str) -> Option<Value> {
    let t = text.trim();
    if t.is_empty() {
        return Some(Value::Int(0));
    }
    if let Some(n) = parse_int_text(t) {
        return Some(match i32::try_from(n) {
            Ok(i) => Value::Int(i),
            Err(_) => Value::Long(n),
        });
    }
    t.parse::<f64>().ok().map(Value::Double)
}

fn as_number(v: &Value) -> Option<Value> {
    match v {
        Value::String(s) => parse_number(s),
        Value::Null => Some(Value::Int(0)),
        Value::Bool(b) => Some(Value::Int(i32::from(*b))),
        Value::Enum(e) => Some(Value::Long(e.value)),
        v if v.is_number() => Some(v.numeric()),
        _ => None,
    }
}

/// Scalar equality with the right side converted to the left's type (§4.3).
pub fn values_equal(left: &Value, right: &Value, sensitive: bool, offset: UtcOffset) -> bool {
    let left = left.numeric();
    let right = right.numeric();
    match (&left, &right) {
        (Value::Null, r) => r.is_null(),
        (_, Value::Null) => false,
        (Value::String(l), r) => lower(l, sensitive) == lower(&r.to_string_form(), sensitive),
        (Value::Bool(l), r) => *l == r.is_truthy(),
        (Value::Enum(e), r) => match e.ty.convert(r) {
            Ok(rv) => rv.value == e.value,
            Err(_) => false,
        },
        (Value::DateTime(l), Value::String(s)) => parse_datetime(s, offset).is_ok_and(|d| d == *l),
        (Value::DateTime(l), Value::DateTime(r)) => l == r,
        (Value::TimeSpan(l), Value::TimeSpan(r)) => l == r,
        (l, r) if l.is_number() => match as_number(r) {
            Some(rn) => num_eq(l, &rn),
            None => false,
        },
        (Value::Object(a), Value::Object(b)) => Rc::ptr_eq(a, b),
        (Value::Hashtable(a), Value::Hashtable(b)) => Rc::ptr_eq(a, b),
        (Value::Array(a), Value::Array(b)) => Rc::ptr_eq(a, b),
        (Value::ScriptBlock(a), Value::ScriptBlock(b)) => Rc::ptr_eq(a, b),
        (l, r) => {
            lower(&l.to_string_form(), sensitive) == lower(&r.to_string_form(), sensitive)
                && l.type_name() == r.type_name()
        }
    }
}

fn num_eq(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Int(_) | Value::Long(_), Value::Int(_) | Value::Long(_)) => {
            a.to_i64() == b.to_i64()
        }
        _ => a.to_f64() == b.to_f64(),
    }
}

/// Scalar ordering with the right side converted to the left's type (§4.3): numbers
/// numerically, strings ordinally ignoring case, dates chronologically.
pub fn compare_values(
    left: &Value,
    right: &Value,
    sensitive: bool,
    offset: UtcOffset,
) -> Option<Ordering> {
    let left = left.numeric();
    let right = right.numeric();
    match (&left, &right) {
        (Value::Null, Value::Null) => Some(Ordering::Equal),
        (Value::Null, _) => Some(Ordering::Less),
        (_, Value::Null) => Some(Ordering::Greater),
        (Value::String(l), r) => {
            Some(lower(l, sensitive).cmp(&lower(&r.to_string_form(), sensitive)))
        }
        (Value::DateTime(l), Value::DateTime(r)) => Some(l.cmp(r)),
        (Value::DateTime(l), Value::String(s)) => parse_datetime(s, offset).ok().map(|r| l.cmp(&r)),
        (Value::TimeSpan(l), Value::TimeSpan(r)) => Some(l.cmp(r)),
        (Value::Enum(e), r) => e.ty.convert(r).ok().map(|rv| e.value.cmp(&rv.value)),
        (Value::Bool(l), r) => Some(l.cmp(&r.is_truthy())),
        (l, r) if l.is_number() => {
            let rn = as_number(r)?;
            match (l, &rn) {
                (Value::Int(_) | Value::Long(_), Value::Int(_) | Value::Long(_)) => {
                    Some(l.to_i64()?.cmp(&rn.to_i64()?))
                }
                _ => l.to_f64()?.partial_cmp(&rn.to_f64()?),
            }
        }
        (l, r) => Some(
            l.to_string_form()
                .to_lowercase()
                .cmp(&r.to_string_form().to_lowercase()),
        ),
    }
}

/// Converts a PowerShell wildcard pattern (`*`, `?`, `[a-z]`, backtick escapes) to an
/// anchored regex.
pub fn wildcard_regex(pattern: &str, sensitive: bool) -> Option<Regex> {
    let mut re = String::from("^");
    let mut chars = pattern.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '*' => re.push_str(".*"),
            '?' => re.push('.'),
            '`' => {
                if let Some(n) = chars.next() {
                    re.push_str(&regex::escape(&n.to_string()));
                }
            }
            '[' => {
                let mut class = String::new();
                let mut closed = false;
                for n in chars.by_ref() {
                    if n == ']' {
                        closed = true;
                        break;
                    }
                    class.push(n);
                }
                if closed {
                    let escaped: String = class
                        .chars()
                        .map(|ch| {
                            if ch == '\\' || ch == '^' || ch == '[' {
                                format!("\\{ch}")
                            } else {
                                ch.to_string()
                            }
                        })
                        .collect();
                    re.push('[');
                    re.push_str(&escaped);
                    re.push(']');
                } else {
                    re.push_str(&regex::escape(&format!("[{class}")));
                }
            }
            other => re.push_str(&regex::escape(&other.to_string())),
        }
    }
    re.push('$');
    RegexBuilder::new(&re)
        .case_insensitive(!sensitive)
        .dot_matches_new_line(true)
        .build()
        .ok()
}

/// `-like` on string forms.
pub fn like(value: &Value, pattern: &Value, sensitive: bool) -> bool {
    wildcard_regex(&pattern.to_string_form(), sensitive)
        .is_some_and(|re| re.is_match(&value.to_string_form()))
}

/// A user pattern (`-match`, `-replace`, `-split`, `switch -Regex`). fancy-regex accepts the
/// .NET constructs the `regex` crate lacks (look-around, back-references) and defers the rest to
/// `regex`'s engine.
fn build_regex(pattern: &str, sensitive: bool) -> Result<fancy_regex::Regex, ErrorRecord> {
    // An inline `(?i)` reaches look-around too (the builder flag does not, in fancy-regex 0.14).
    let source = if sensitive {
        pattern.to_string()
    } else {
        format!("(?i){pattern}")
    };
    fancy_regex::Regex::new(&source).map_err(|e| {
        // The position fancy-regex reports counts the `(?i)` added above: leave it out.
        let detail = e.to_string();
        let detail = match detail.split_once(": ") {
            Some((head, rest)) if head.starts_with("Parsing error at position") => rest.to_owned(),
            _ => detail,
        };
        catalogue::runtime(
            format!("The regular expression pattern {pattern} is not valid: {detail}"),
            "InvalidRegularExpression",
        )
    })
}

/// One regular-expression match in a text: the matched text, its character index, and its
/// groups (group 0 is the whole match; `None` for a group that did not take part).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RegexMatch {
    /// The matched text.
    pub value: String,
    /// Where it starts, in characters (as .NET's `Match.Index`).
    pub index: usize,
    /// The groups: (name or number, text and character index when the group matched).
    pub groups: Vec<(String, Option<(String, usize)>)>,
}

impl RegexMatch {
    /// The .NET `Match` object scripts read: Success, Value, Index, Length and Groups (each
    /// with Success, Name, Index, Length, Value).
    pub fn to_value(&self) -> Value {
        let groups = self
            .groups
            .iter()
            .map(|(name, found)| group_value(name, found.as_ref()))
            .collect();
        match_value(true, &self.value, self.index, Value::array(groups))
    }

    /// The .NET `Match.Empty` of a failed match: Success False, and group 0 unsuccessful.
    pub fn failed() -> Value {
        match_value(false, "", 0, Value::array(vec![group_value("0", None)]))
    }
}

fn count(n: usize) -> Value {
    Value::Int(i32::try_from(n).unwrap_or(i32::MAX))
}

fn group_value(name: &str, found: Option<&(String, usize)>) -> Value {
    let (value, index) = found.cloned().unwrap_or_default();
    Value::object(
        crate::value::PsObject::new("System.Text.RegularExpressions.Group")
            .with("Success", found.is_some())
            .with("Name", name)
            .with("Index", count(index))
            .with("Length", count(value.chars().count()))
            .with("Value", value.as_str())
            .with_string_form(value),
    )
}

fn match_value(success: bool, value: &str, index: usize, groups: Value) -> Value {
    Value::object(
        crate::value::PsObject::new("System.Text.RegularExpressions.Match")
            .with("Groups", groups)
            .with("Success", success)
            .with("Index", count(index))
            .with("Length", count(value.chars().count()))
            .with("Value", value)
            .with_string_form(value.to_owned()),
    )
}

/// The matches of a user pattern (.NET syntax as `-match` takes it) in `text`: the first one,
/// or every one with `all`. A pattern that is not valid is the `-match` error.
///
/// # Errors
/// `InvalidRegularExpression`, or `RegexMatchTimeout` for a pathological pattern.
pub fn regex_matches(
    pattern: &str,
    text: &str,
    sensitive: bool,
    all: bool,
) -> Result<Vec<RegexMatch>, ErrorRecord> {
    let re = build_regex(pattern, sensitive)?;
    let names: Vec<Option<String>> = re
        .capture_names()
        .map(|name| name.map(str::to_owned))
        .collect();
    let char_index = |byte: usize| text[..byte].chars().count();
    let mut out = Vec::new();
    for caps in re.captures_iter(text) {
        let caps = caps.map_err(|e| regex_runtime_error(pattern, &e))?;
        let Some(whole) = caps.get(0) else {
            continue;
        };
        let groups = (0..caps.len())
            .map(|i| {
                let name = names
                    .get(i)
                    .cloned()
                    .flatten()
                    .unwrap_or_else(|| i.to_string());
                let found = caps
                    .get(i)
                    .map(|m| (m.as_str().to_owned(), char_index(m.start())));
                (name, found)
            })
            .collect();
        out.push(RegexMatch {
            value: whole.as_str().to_owned(),
            index: char_index(whole.start()),
            groups,
        });
        if !all {
            break;
        }
    }
    Ok(out)
}

/// A match that failed while running (the backtracking limit of a pathological pattern).
fn regex_runtime_error(pattern: &str, e: &fancy_regex::Error) -> ErrorRecord {
    catalogue::runtime(
        format!("The regular expression pattern {pattern} could not be applied: {e}"),
        "RegexMatchTimeout",
    )
}

/// `-match` on a scalar: returns whether it matched and the `$Matches` table.
pub fn regex_match(
    value: &Value,
    pattern: &Value,
    sensitive: bool,
) -> Result<(bool, Option<Value>), ErrorRecord> {
    let pattern = pattern.to_string_form();
    let re = build_regex(&pattern, sensitive)?;
    let text = value.to_string_form();
    let found = re
        .captures(&text)
        .map_err(|e| regex_runtime_error(&pattern, &e))?;
    match found {
        None => Ok((false, None)),
        Some(caps) => {
            let mut h = Hashtable::new();
            let names: Vec<Option<&str>> = re.capture_names().collect();
            let all: Vec<_> = caps.iter().enumerate().collect();
            for (i, m) in all.into_iter().rev() {
                if let Some(m) = m {
                    let key = match names.get(i).copied().flatten() {
                        Some(n) => Value::from(n),
                        None => Value::Int(i as i32),
                    };
                    h.insert(key, Value::from(m.as_str()));
                }
            }
            Ok((true, Some(Value::from(h))))
        }
    }
}

fn scalar_compare(
    op: CompareOp,
    sensitive: bool,
    left: &Value,
    right: &Value,
    offset: UtcOffset,
) -> Result<bool, ErrorRecord> {
    Ok(match op {
        CompareOp::Eq => values_equal(left, right, sensitive, offset),
        CompareOp::Ne => !values_equal(left, right, sensitive, offset),
        CompareOp::Gt => compare_values(left, right, sensitive, offset) == Some(Ordering::Greater),
        CompareOp::Ge => matches!(
            compare_values(left, right, sensitive, offset),
            Some(Ordering::Greater | Ordering::Equal)
        ),
        CompareOp::Lt => compare_values(left, right, sensitive, offset) == Some(Ordering::Less),
        CompareOp::Le => matches!(
            compare_values(left, right, sensitive, offset),
            Some(Ordering::Less | Ordering::Equal)
        ),
        CompareOp::Like => like(left, right, sensitive),
        CompareOp::NotLike => !like(left, right, sensitive),
        CompareOp::Match => regex_match(left, right, sensitive)?.0,
        CompareOp::NotMatch => !regex_match(left, right, sensitive)?.0,
        _ => false,
    })
}

/// Evaluates a comparison-family operator. `matches` receives `$Matches` for a scalar
/// `-match` that succeeded.
pub fn compare(
    op: CompareOp,
    case: CaseMode,
    left: &Value,
    right: &Value,
    offset: UtcOffset,
    matches: &mut Option<Value>,
) -> OpResult {
    let sensitive = case == CaseMode::Sensitive;
    match op {
        CompareOp::Contains | CompareOp::NotContains => {
            let found = left
                .enumerate()
                .iter()
                .any(|e| values_equal(e, right, sensitive, offset));
            return Ok(Value::Bool(found == (op == CompareOp::Contains)));
        }
        CompareOp::In | CompareOp::NotIn => {
            let found = right
                .enumerate()
                .iter()
                .any(|e| values_equal(e, left, sensitive, offset));
            return Ok(Value::Bool(found == (op == CompareOp::In)));
        }
        CompareOp::Replace => return replace(left, right, sensitive),
        CompareOp::Split => return split(left, right, sensitive),
        CompareOp::Join => return Ok(join(left, &right.to_string_form())),
        _ => {}
    }
    if let Value::Array(items) = left {
        let items = items.borrow().clone();
        let mut out = Vec::new();
        for item in items {
            if scalar_compare(op, sensitive, &item, right, offset)? {
                out.push(item);
            }
        }
        return Ok(Value::array(out));
    }
    if op == CompareOp::Match {
        let (hit, caps) = regex_match(left, right, sensitive)?;
        if hit {
            *matches = caps;
        }
        return Ok(Value::Bool(hit));
    }
    Ok(Value::Bool(scalar_compare(
        op, sensitive, left, right, offset,
    )?))
}

/// `-replace`: .NET `$1` references become Rust `${1}`.
pub fn replace(left: &Value, right: &Value, sensitive: bool) -> OpResult {
    let parts = right.enumerate();
    let pattern = parts.first().map(Value::to_string_form).unwrap_or_default();
    let replacement = parts.get(1).map(Value::to_string_form).unwrap_or_default();
    let re = build_regex(&pattern, sensitive)?;
    let numbered =
        Regex::new(r"\$(\d+)").map_err(|e| catalogue::runtime(e.to_string(), "RegexError"))?;
    let rust_replacement = numbered.replace_all(&replacement, "$${$1}").into_owned();
    let apply = |v: &Value| -> Result<Value, ErrorRecord> {
        re.try_replacen(&v.to_string_form(), 0, rust_replacement.as_str())
            .map(|text| Value::String(text.into_owned()))
            .map_err(|e| regex_runtime_error(&pattern, &e))
    };
    Ok(match left {
        Value::Array(a) => Value::array(
            a.borrow()
                .iter()
                .map(apply)
                .collect::<Result<Vec<_>, _>>()?,
        ),
        v => apply(v)?,
    })
}

/// `-split` (binary): regex split, case-insensitive by default.
pub fn split(left: &Value, right: &Value, sensitive: bool) -> OpResult {
    let parts = right.enumerate();
    let pattern = parts.first().map(Value::to_string_form).unwrap_or_default();
    let limit = parts.get(1).and_then(Value::to_i64).filter(|n| *n > 0);
    let re = build_regex(&pattern, sensitive)?;
    let mut out = Vec::new();
    for item in left.enumerate() {
        let text = item.to_string_form();
        if re.captures_len() > 1 {
            let limit = limit.map(|n| usize::try_from(n).unwrap_or(usize::MAX));
            let pieces = split_keeping_groups(&re, &text, limit, &pattern)?;
            out.extend(pieces.into_iter().map(Value::from));
            continue;
        }
        let pieces: Result<Vec<&str>, _> = match limit {
            Some(n) => re.splitn(&text, n as usize).collect(),
            None => re.split(&text).collect(),
        };
        let pieces = pieces.map_err(|e| regex_runtime_error(&pattern, &e))?;
        out.extend(pieces.into_iter().map(Value::from));
    }
    Ok(Value::array(out))
}

/// .NET `Regex.Split` with capture groups: the text of each group that took part in a match
/// joins the pieces, after the piece before that match; at most `limit` pieces of input.
fn split_keeping_groups(
    re: &fancy_regex::Regex,
    text: &str,
    limit: Option<usize>,
    pattern: &str,
) -> Result<Vec<String>, ErrorRecord> {
    let mut out = Vec::new();
    let mut last = 0;
    let mut matched = 0usize;
    for caps in re.captures_iter(text) {
        if limit.is_some_and(|n| matched + 1 >= n) {
            break;
        }
        let caps = caps.map_err(|e| regex_runtime_error(pattern, &e))?;
        let Some(whole) = caps.get(0) else {
            continue;
        };
        out.push(text[last..whole.start()].to_string());
        for group in caps.iter().skip(1).flatten() {
            out.push(group.as_str().to_string());
        }
        last = whole.end();
        matched += 1;
    }
    out.push(text[last..].to_string());
    Ok(out)
}

/// Unary `-split`: split on whitespace, dropping empty pieces.
pub fn split_whitespace(value: &Value) -> Value {
    let mut out = Vec::new();
    for item in value.enumerate() {
        out.extend(item.to_string_form().split_whitespace().map(Value::from));
    }
    Value::array(out)
}

/// `-join`.
pub fn join(left: &Value, separator: &str) -> Value {
    Value::String(
        left.enumerate()
            .iter()
            .map(Value::to_string_form)
            .collect::<Vec<_>>()
            .join(separator),
    )
}

fn cannot_convert_number(v: &Value) -> ErrorRecord {
    let mut r = catalogue::runtime(
        format!(
            "Cannot convert value \"{}\" to type \"System.Int32\". Error: \"Input string was not in a correct format.\"",
            v.to_string_form()
        ),
        "InvalidCastFromStringToInteger",
    );
    r.category = crate::error::ErrorCategory::InvalidArgument;
    r.reason = "RuntimeException".into();
    r
}

fn op_not_defined(op: &str, left: &Value, right: &Value) -> ErrorRecord {
    catalogue::runtime(
        format!(
            "Method invocation failed because [{}] does not contain a method named '{op}'.",
            left.type_name()
        ),
        "MethodNotFound",
    )
    .with_target(right.clone())
}

fn numeric_operands(left: &Value, right: &Value) -> Result<(Value, Value), ErrorRecord> {
    let l = as_number(left).ok_or_else(|| cannot_convert_number(left))?;
    let r = as_number(right).ok_or_else(|| cannot_convert_number(right))?;
    Ok((l, r))
}

fn is_floating(v: &Value) -> bool {
    matches!(v, Value::Double(_) | Value::Decimal(_))
}

fn int_result(n: i64, long: bool) -> Value {
    if !long && let Ok(i) = i32::try_from(n) {
        return Value::Int(i);
    }
    Value::Long(n)
}

fn arith(
    l: &Value,
    r: &Value,
    int_op: fn(i64, i64) -> Option<i64>,
    float_op: fn(f64, f64) -> f64,
) -> Value {
    if is_floating(l) || is_floating(r) {
        let res = float_op(l.to_f64().unwrap_or(0.0), r.to_f64().unwrap_or(0.0));
        return if matches!(l, Value::Decimal(_)) || matches!(r, Value::Decimal(_)) {
            Value::Decimal(res)
        } else {
            Value::Double(res)
        };
    }
    let long = matches!(l, Value::Long(_)) || matches!(r, Value::Long(_));
    let (a, b) = (l.to_i64().unwrap_or(0), r.to_i64().unwrap_or(0));
    match int_op(a, b) {
        Some(n) => int_result(n, long),
        None => Value::Double(float_op(a as f64, b as f64)),
    }
}

/// `+` (§4.4).
pub fn add(left: &Value, right: &Value) -> OpResult {
    Ok(match (left, right) {
        (Value::Null, r) => r.clone(),
        (Value::String(l), r) => Value::String(format!("{l}{}", r.to_string_form())),
        (Value::Array(a), r) => {
            let mut items = a.borrow().clone();
            match r {
                Value::Array(b) => items.extend(b.borrow().iter().cloned()),
                other => items.push(other.clone()),
            }
            Value::array(items)
        }
        (Value::Hashtable(a), Value::Hashtable(b)) => {
            let mut merged = a.borrow().clone();
            for (k, v) in b.borrow().iter() {
                if merged.contains_key(k) {
                    return Err(catalogue::runtime(
                        format!(
                            "Item has already been added. Key in dictionary: '{}'  Key being added: '{}'",
                            k.to_string_form(),
                            k.to_string_form()
                        ),
                        "System.ArgumentException",
                    ));
                }
                merged.insert(k.clone(), v.clone());
            }
            Value::Hashtable(Rc::new(RefCell::new(merged)))
        }
        (Value::DateTime(d), Value::TimeSpan(t)) => {
            Value::DateTime(d.checked_add(*t).ok_or_else(unrepresentable)?)
        }
        (Value::TimeSpan(a), Value::TimeSpan(b)) => {
            Value::TimeSpan(a.checked_add(*b).ok_or_else(unrepresentable)?)
        }
        (l, r) if l.is_number() || matches!(l, Value::Bool(_)) => {
            let (l, r) = numeric_operands(l, r)?;
            arith(&l, &r, i64::checked_add, |a, b| a + b)
        }
        (l, r) => return Err(op_not_defined("op_Addition", l, r)),
    })
}

/// `-` (§4.4): numbers, DateTime − TimeSpan, DateTime − DateTime.
pub fn subtract(left: &Value, right: &Value) -> OpResult {
    Ok(match (left, right) {
        (Value::DateTime(a), Value::DateTime(b)) => Value::TimeSpan(*a - *b),
        (Value::DateTime(a), Value::TimeSpan(b)) => {
            Value::DateTime(a.checked_sub(*b).ok_or_else(unrepresentable)?)
        }
        (Value::TimeSpan(a), Value::TimeSpan(b)) => {
            Value::TimeSpan(a.checked_sub(*b).ok_or_else(unrepresentable)?)
        }
        (l, r) if as_number(l).is_some() || matches!(l, Value::String(_)) => {
            let (l, r) = numeric_operands(l, r)?;
            arith(&l, &r, i64::checked_sub, |a, b| a - b)
        }
        (l, r) => return Err(op_not_defined("op_Subtraction", l, r)),
    })
}

/// `*`: numbers; a string or array repeated.
pub fn multiply(left: &Value, right: &Value) -> OpResult {
    Ok(match left {
        Value::String(s) => {
            let n = as_number(right)
                .and_then(|n| n.to_i64())
                .ok_or_else(|| cannot_convert_number(right))?;
            let n = usize::try_from(n).unwrap_or(0);
            if s.len().saturating_mul(n) > MAX_BUILT {
                return Err(too_large());
            }
            Value::String(s.repeat(n))
        }
        Value::Array(a) => {
            let n = as_number(right)
                .and_then(|n| n.to_i64())
                .ok_or_else(|| cannot_convert_number(right))?;
            let items = a.borrow();
            let mut out = Vec::new();
            if items.len().saturating_mul(usize::try_from(n).unwrap_or(0)) > MAX_BUILT {
                return Err(too_large());
            }
            for _ in 0..n.max(0) {
                out.extend(items.iter().cloned());
            }
            Value::array(out)
        }
        l => {
            let (l, r) = numeric_operands(l, right)?;
            arith(&l, &r, i64::checked_mul, |a, b| a * b)
        }
    })
}

fn unrepresentable() -> ErrorRecord {
    catalogue::runtime(
        "The added or subtracted value results in an un-representable DateTime or TimeSpan.",
        "ArgumentOutOfRangeException",
    )
}

/// The largest string or array the operators build (protects against `'x' * 1e12`).
const MAX_BUILT: usize = 100_000_000;

fn too_large() -> ErrorRecord {
    catalogue::runtime("The result would be too large.", "ResultTooLarge")
}

fn divide_by_zero() -> ErrorRecord {
    let mut r = catalogue::runtime("Attempted to divide by zero.", "RuntimeException");
    r.category = crate::error::ErrorCategory::NotSpecified;
    r
}

/// `/`: an integer result when exact, else Double.
pub fn divide(left: &Value, right: &Value) -> OpResult {
    if let (Value::TimeSpan(t), r) = (left, right)
        && let Some(n) = r.to_f64()
    {
        let d =
            Duration::checked_seconds_f64(t.as_seconds_f64() / n).ok_or_else(unrepresentable)?;
        return Ok(Value::TimeSpan(d));
    }
    let (l, r) = numeric_operands(left, right)?;
    if r.to_f64() == Some(0.0) && !is_floating(&l) && !is_floating(&r) {
        return Err(divide_by_zero());
    }
    if !is_floating(&l) && !is_floating(&r) {
        let (a, b) = (l.to_i64().unwrap_or(0), r.to_i64().unwrap_or(1));
        if let (Some(0), Some(q)) = (a.checked_rem(b), a.checked_div(b)) {
            return Ok(int_result(
                q,
                matches!(l, Value::Long(_)) || matches!(r, Value::Long(_)),
            ));
        }
        return Ok(Value::Double(a as f64 / b as f64));
    }
    Ok(arith(&l, &r, |_, _| None, |a, b| a / b))
}

/// `%`.
pub fn modulo(left: &Value, right: &Value) -> OpResult {
    let (l, r) = numeric_operands(left, right)?;
    if r.to_f64() == Some(0.0) && !is_floating(&r) {
        return Err(divide_by_zero());
    }
    // `MIN % -1` is 0, not an overflow.
    Ok(arith(
        &l,
        &r,
        |a, b| if b == -1 { Some(0) } else { a.checked_rem(b) },
        |a, b| a % b,
    ))
}

/// `..`: an inclusive integer range in either direction.
pub fn range(left: &Value, right: &Value) -> OpResult {
    let a = crate::convert::to_int32(&left.numeric()).map_err(|_| cannot_convert_number(left))?;
    let b = crate::convert::to_int32(&right.numeric()).map_err(|_| cannot_convert_number(right))?;
    if (i64::from(a) - i64::from(b)).abs() > 50_000_000 {
        return Err(catalogue::runtime(
            "The range is too large.",
            "RangeTooLarge",
        ));
    }
    let items: Vec<Value> = if a <= b {
        (a..=b).map(Value::Int).collect()
    } else {
        (b..=a).rev().map(Value::Int).collect()
    };
    Ok(Value::array(items))
}

/// Unary `-`.
pub fn negate(value: &Value) -> OpResult {
    match value.numeric() {
        Value::TimeSpan(t) => t
            .checked_neg()
            .map(Value::TimeSpan)
            .ok_or_else(unrepresentable),
        v => {
            let n = as_number(&v).ok_or_else(|| cannot_convert_number(&v))?;
            Ok(arith(&Value::Int(0), &n, i64::checked_sub, |a, b| a - b))
        }
    }
}

/// The .NET composite format `-f` (§design 8): `{0}`, `{0,-20}`, `{0:N0}`, `{0:yyyy-MM-dd}`.
pub fn format_operator(format: &str, args: &[Value]) -> OpResult {
    let bad = || {
        catalogue::runtime(
            format!(
                "Error formatting a string: Input string was not in a correct format.: {format}"
            ),
            "FormatError",
        )
    };
    let mut out = String::new();
    let mut chars = format.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                out.push('{');
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                out.push('}');
            }
            '{' => {
                let mut spec = String::new();
                let mut closed = false;
                for n in chars.by_ref() {
                    if n == '}' {
                        closed = true;
                        break;
                    }
                    spec.push(n);
                }
                if !closed {
                    return Err(bad());
                }
                let (head, fmt) = match spec.split_once(':') {
                    Some((h, f)) => (h, Some(f)),
                    None => (spec.as_str(), None),
                };
                let (index, align) = match head.split_once(',') {
                    Some((i, a)) => (i.trim(), Some(a.trim().parse::<i64>().map_err(|_| bad())?)),
                    None => (head.trim(), None),
                };
                let index: usize = index.parse().map_err(|_| bad())?;
                let arg = args.get(index).ok_or_else(|| {
                    catalogue::runtime(
                        "Error formatting a string: Index (zero based) must be greater than or equal to zero and less than the size of the argument list.",
                        "FormatError",
                    )
                })?;
                // String.Format uses the current culture (en-US, spec D7) for dates.
                let text = match (fmt, arg) {
                    (Some(f), _) => crate::methods::format_value(arg, f),
                    (None, Value::DateTime(d)) => crate::value::format_date_display(d),
                    (None, _) => arg.to_string_form(),
                };
                let width = align.map(|a| a.unsigned_abs() as usize).unwrap_or(0);
                if width > MAX_BUILT {
                    return Err(too_large());
                }
                let len = text.chars().count();
                if len < width {
                    let pad = " ".repeat(width - len);
                    if align.is_some_and(|a| a < 0) {
                        out.push_str(&text);
                        out.push_str(&pad);
                    } else {
                        out.push_str(&pad);
                        out.push_str(&text);
                    }
                } else {
                    out.push_str(&text);
                }
            }
            '}' => return Err(bad()),
            other => out.push(other),
        }
    }
    Ok(Value::String(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cmp(op: CompareOp, l: Value, r: Value) -> Value {
        let mut m = None;
        compare(op, CaseMode::Default, &l, &r, UtcOffset::UTC, &mut m).unwrap()
    }

    #[test]
    fn s81_collection_left_filters() {
        let arr = Value::array(vec![Value::Int(1), Value::Int(2), Value::Int(3)]);
        assert_eq!(
            cmp(CompareOp::Eq, arr.clone(), Value::Int(2)),
            Value::array(vec![Value::Int(2)])
        );
        assert_eq!(
            cmp(CompareOp::Contains, arr, Value::Int(2)),
            Value::Bool(true)
        );
    }

    #[test]
    fn right_converts_to_left_type_4_3() {
        assert_eq!(
            cmp(CompareOp::Eq, Value::Int(1), "1.0".into()),
            Value::Bool(true)
        );
        assert_eq!(
            cmp(CompareOp::Eq, "1.0".into(), Value::Int(1)),
            Value::Bool(false)
        );
        assert_eq!(
            cmp(CompareOp::Eq, "ABC".into(), "abc".into()),
            Value::Bool(true)
        );
        let mut m = None;
        assert_eq!(
            compare(
                CompareOp::Eq,
                CaseMode::Sensitive,
                &"ABC".into(),
                &"abc".into(),
                UtcOffset::UTC,
                &mut m
            )
            .unwrap(),
            Value::Bool(false)
        );
    }

    #[test]
    fn like_and_match() {
        assert!(like(&"Thumbprint".into(), &"thumb*".into(), false));
        assert!(!like(&"Thumbprint".into(), &"thumb".into(), false));
        assert!(like(&"abc".into(), &"a[a-c]?".into(), false));
        let mut m = None;
        let r = compare(
            CompareOp::Match,
            CaseMode::Default,
            &"IMAP, POP".into(),
            &"pop".into(),
            UtcOffset::UTC,
            &mut m,
        )
        .unwrap();
        assert_eq!(r, Value::Bool(true));
        let m = m.unwrap();
        let Value::Hashtable(h) = m else {
            panic!("$Matches is a hashtable")
        };
        assert_eq!(
            h.borrow().get_value(&Value::Int(0)),
            Some(&Value::from("POP"))
        );
    }

    #[test]
    fn arithmetic_4_4() {
        assert_eq!(
            add(&Value::Int(i32::MAX), &Value::Int(1)).unwrap(),
            Value::Long(i64::from(i32::MAX) + 1)
        );
        assert_eq!(add(&"a".into(), &Value::Int(1)).unwrap(), Value::from("a1"));
        assert_eq!(
            divide(&Value::Int(6), &Value::Int(3)).unwrap(),
            Value::Int(2)
        );
        assert_eq!(
            divide(&Value::Int(7), &Value::Int(2)).unwrap(),
            Value::Double(3.5)
        );
        assert_eq!(add(&Value::Int(1), &"2".into()).unwrap(), Value::Int(3));
        assert!(divide(&Value::Int(1), &Value::Int(0)).is_err());
    }

    #[test]
    fn format_operator_basics() {
        let r = format_operator(
            "[{0,-5}][{1,4}] {2:N0}",
            &["ab".into(), Value::Int(7), Value::Int(1234567)],
        )
        .unwrap();
        assert_eq!(r, Value::from("[ab   ][   7] 1,234,567"));
    }

    #[test]
    fn replace_split_join() {
        assert_eq!(
            replace(
                &"a-b".into(),
                &Value::array(vec!["(\\w)-(\\w)".into(), "$2-$1".into()]),
                false
            )
            .unwrap(),
            Value::from("b-a")
        );
        assert_eq!(
            split(&"a,b".into(), &",".into(), false).unwrap(),
            Value::array(vec!["a".into(), "b".into()])
        );
        assert_eq!(
            join(&Value::array(vec!["a".into(), "b".into()]), ", "),
            Value::from("a, b")
        );
    }
}
