//! Properties and methods of our own types (design §8.8): DateTime, TimeSpan, String,
//! collections, hashtables, error records; .NET format strings.

use time::{Duration, Month, OffsetDateTime, UtcOffset};

use crate::error::{ErrorRecord, catalogue};
use crate::value::{PsObject, Value, format_timespan, month_name};

const DAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

fn weekday_name(d: &OffsetDateTime) -> &'static str {
    DAYS[usize::from(d.weekday().number_days_from_monday())]
}

/// Formats a date with a .NET standard (`d`, `G`, `s`, `u`, `o`, …) or custom
/// (`yyyy-MM-dd HH:mm:ss`) format string, en-US.
pub fn format_date(d: &OffsetDateTime, fmt: &str) -> String {
    let custom = match fmt {
        "d" => "M/d/yyyy",
        "D" => "dddd, MMMM d, yyyy",
        "f" => "dddd, MMMM d, yyyy h:mm tt",
        "F" => "dddd, MMMM d, yyyy h:mm:ss tt",
        "g" => "M/d/yyyy h:mm tt",
        "G" => "M/d/yyyy h:mm:ss tt",
        "s" => "yyyy-MM-ddTHH:mm:ss",
        "u" => "yyyy-MM-dd HH:mm:ssZ",
        "o" | "O" => "yyyy-MM-ddTHH:mm:ss.fffffffK",
        "t" => "h:mm tt",
        "T" => "h:mm:ss tt",
        "M" | "m" => "MMMM d",
        "Y" | "y" => "MMMM yyyy",
        "r" | "R" => "ddd, dd MMM yyyy HH:mm:ss 'GMT'",
        other => other,
    };
    let chars: Vec<char> = custom.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let mut run = 1;
        while i + run < chars.len() && chars[i + run] == c {
            run += 1;
        }
        let hour12 = match d.hour() % 12 {
            0 => 12,
            h => h,
        };
        match c {
            'y' => out.push_str(&match run {
                1 => (d.year() % 100).to_string(),
                2 => format!("{:02}", d.year() % 100),
                n => format!("{:0width$}", d.year(), width = n),
            }),
            'M' => out.push_str(&match run {
                1 => u8::from(d.month()).to_string(),
                2 => format!("{:02}", u8::from(d.month())),
                3 => month_name(u8::from(d.month()))[..3].to_string(),
                _ => month_name(u8::from(d.month())).to_string(),
            }),
            'd' => out.push_str(&match run {
                1 => d.day().to_string(),
                2 => format!("{:02}", d.day()),
                3 => weekday_name(d)[..3].to_string(),
                _ => weekday_name(d).to_string(),
            }),
            'h' => out.push_str(&if run == 1 {
                hour12.to_string()
            } else {
                format!("{hour12:02}")
            }),
            'H' => out.push_str(&if run == 1 {
                d.hour().to_string()
            } else {
                format!("{:02}", d.hour())
            }),
            'm' => out.push_str(&if run == 1 {
                d.minute().to_string()
            } else {
                format!("{:02}", d.minute())
            }),
            's' => out.push_str(&if run == 1 {
                d.second().to_string()
            } else {
                format!("{:02}", d.second())
            }),
            'f' | 'F' => {
                let digits = format!("{:09}", d.nanosecond());
                out.push_str(&digits[..run.min(7)]);
            }
            't' => {
                let ampm = if d.hour() < 12 { "AM" } else { "PM" };
                out.push_str(if run == 1 { &ampm[..1] } else { ampm });
            }
            'z' => {
                let off = d.offset();
                let sign = if off.is_negative() { '-' } else { '+' };
                let (h, m) = (off.whole_hours().abs(), off.minutes_past_hour().abs());
                out.push_str(&match run {
                    1 => format!("{sign}{h}"),
                    2 => format!("{sign}{h:02}"),
                    _ => format!("{sign}{h:02}:{m:02}"),
                });
            }
            'K' => {
                let off = d.offset();
                if off.is_utc() {
                    out.push('Z');
                } else {
                    let sign = if off.is_negative() { '-' } else { '+' };
                    out.push_str(&format!(
                        "{sign}{:02}:{:02}",
                        off.whole_hours().abs(),
                        off.minutes_past_hour().abs()
                    ));
                }
            }
            '\'' | '"' => {
                let mut j = i + 1;
                while j < chars.len() && chars[j] != c {
                    out.push(chars[j]);
                    j += 1;
                }
                i = j + 1;
                continue;
            }
            '\\' => {
                if let Some(n) = chars.get(i + 1) {
                    out.push(*n);
                }
                i += 2;
                continue;
            }
            other => {
                for _ in 0..run {
                    out.push(other);
                }
            }
        }
        i += run;
    }
    out
}

fn group_thousands(int_part: &str) -> String {
    let (sign, digits) = match int_part.strip_prefix('-') {
        Some(d) => ("-", d),
        None => ("", int_part),
    };
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    format!("{sign}{out}")
}

fn fixed(n: f64, decimals: usize, grouping: bool) -> String {
    let text = format!("{:.*}", decimals, n);
    if !grouping {
        return text;
    }
    match text.split_once('.') {
        Some((i, f)) => format!("{}.{f}", group_thousands(i)),
        None => group_thousands(&text),
    }
}

/// Formats a value with a .NET format string (numbers: N, F, D, X, P, C, E, custom
/// `0.00`/`#,##0`; dates: see [`format_date`]).
pub fn format_value(value: &Value, fmt: &str) -> String {
    let value = value.numeric();
    match &value {
        Value::DateTime(d) => return format_date(d, fmt),
        Value::TimeSpan(t) => return format_timespan(t),
        v if !v.is_number() => return v.to_string_form(),
        _ => {}
    }
    let n = value.to_f64().unwrap_or(0.0);
    let mut chars = fmt.chars();
    let kind = chars.next().unwrap_or('G');
    let rest: String = chars.collect();
    let precision: Option<usize> = if rest.is_empty() {
        None
    } else {
        rest.parse().ok()
    };
    let is_standard = rest.is_empty() || precision.is_some();
    if is_standard {
        match kind {
            'N' | 'n' => return fixed(n, precision.unwrap_or(2), true),
            'F' | 'f' => return fixed(n, precision.unwrap_or(2), false),
            'D' | 'd' => {
                let i = value.to_i64().unwrap_or(0);
                let digits = format!("{:0width$}", i.abs(), width = precision.unwrap_or(0));
                return if i < 0 { format!("-{digits}") } else { digits };
            }
            'X' => {
                return format!(
                    "{:0width$X}",
                    value.to_i64().unwrap_or(0),
                    width = precision.unwrap_or(0)
                );
            }
            'x' => {
                return format!(
                    "{:0width$x}",
                    value.to_i64().unwrap_or(0),
                    width = precision.unwrap_or(0)
                );
            }
            'P' | 'p' => return format!("{} %", fixed(n * 100.0, precision.unwrap_or(2), true)),
            'C' | 'c' => {
                let t = fixed(n.abs(), precision.unwrap_or(2), true);
                return if n < 0.0 {
                    format!("(${t})")
                } else {
                    format!("${t}")
                };
            }
            'E' | 'e' => {
                let t = format!("{:.*e}", precision.unwrap_or(6), n);
                let (m, e) = t.split_once('e').unwrap_or((&t, "0"));
                let (sign, digits) = match e.strip_prefix('-') {
                    Some(d) => ('-', d),
                    None => ('+', e),
                };
                return format!(
                    "{m}{}{sign}{digits:0>3}",
                    if kind == 'E' { 'E' } else { 'e' }
                );
            }
            'G' | 'g' | 'R' | 'r' => return value.to_string_form(),
            _ => {}
        }
    }
    // A custom numeric format: count the decimals and look for grouping.
    let decimals = fmt
        .split_once('.')
        .map(|(_, f)| f.chars().filter(|c| *c == '0' || *c == '#').count())
        .unwrap_or(0);
    let grouping = fmt.split('.').next().is_some_and(|i| i.contains(','));
    let prefix: String = fmt
        .chars()
        .take_while(|c| !matches!(c, '0' | '#' | ',' | '.'))
        .collect();
    let suffix: String = fmt
        .chars()
        .rev()
        .take_while(|c| !matches!(c, '0' | '#' | ',' | '.'))
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    if prefix.len() == fmt.len() {
        return fmt.to_string();
    }
    format!("{prefix}{}{suffix}", fixed(n, decimals, grouping))
}

fn arg(args: &[Value], i: usize) -> Value {
    args.get(i).cloned().unwrap_or_default()
}

fn arg_i64(args: &[Value], i: usize) -> Result<i64, ErrorRecord> {
    crate::convert::to_int64(&arg(args, i))
        .map_err(|e| catalogue::runtime(e, "MethodArgumentConversionInvalidCastArgument"))
}

fn arg_f64(args: &[Value], i: usize) -> Result<f64, ErrorRecord> {
    crate::convert::to_double(&arg(args, i))
        .map_err(|e| catalogue::runtime(e, "MethodArgumentConversionInvalidCastArgument"))
}

fn add_months(d: &OffsetDateTime, months: i64) -> Result<OffsetDateTime, ErrorRecord> {
    let total = i64::from(d.year()) * 12 + i64::from(u8::from(d.month())) - 1 + months;
    let year = i32::try_from(total.div_euclid(12)).map_err(|_| out_of_range())?;
    let month =
        Month::try_from(u8::try_from(total.rem_euclid(12) + 1).map_err(|_| out_of_range())?)
            .map_err(|_| out_of_range())?;
    let last = time::util::days_in_month(month, year);
    let day = d.day().min(last);
    let date = time::Date::from_calendar_date(year, month, day).map_err(|_| out_of_range())?;
    Ok(d.replace_date(date))
}

fn out_of_range() -> ErrorRecord {
    catalogue::runtime(
        "The added or subtracted value results in an un-representable DateTime.",
        "ArgumentOutOfRangeException",
    )
}

fn secs(seconds: f64) -> Result<Duration, ErrorRecord> {
    Duration::checked_seconds_f64(seconds).ok_or_else(out_of_range)
}

fn checked_add(d: &OffsetDateTime, by: Duration) -> Result<Value, ErrorRecord> {
    d.checked_add(by)
        .map(Value::DateTime)
        .ok_or_else(out_of_range)
}

/// A built-in property of a non-object value (`$s.Length`, `$d.Year`, `$t.TotalDays`,
/// `$h.Keys`, `$_.Exception.Message`); `None` when it has no such property.
pub fn builtin_property(value: &Value, name: &str) -> Option<Value> {
    let n = name.to_ascii_lowercase();
    match value {
        Value::String(s) if n == "length" => Some(Value::Int(s.chars().count() as i32)),
        Value::Number(num) => builtin_property(&num.value, name),
        Value::DateTime(d) => Some(match n.as_str() {
            "year" => Value::Int(d.year()),
            "month" => Value::Int(i32::from(u8::from(d.month()))),
            "day" => Value::Int(i32::from(d.day())),
            "hour" => Value::Int(i32::from(d.hour())),
            "minute" => Value::Int(i32::from(d.minute())),
            "second" => Value::Int(i32::from(d.second())),
            "millisecond" => Value::Int(i32::from(d.millisecond())),
            "dayofweek" => Value::from(weekday_name(d)),
            "dayofyear" => Value::Int(i32::from(d.ordinal())),
            "date" => Value::DateTime(d.replace_time(time::Time::MIDNIGHT)),
            "timeofday" => Value::TimeSpan(d.time() - time::Time::MIDNIGHT),
            "ticks" => {
                Value::Long((d.unix_timestamp_nanos() / 100 + 621_355_968_000_000_000) as i64)
            }
            _ => return None,
        }),
        Value::TimeSpan(t) => Some(match n.as_str() {
            "days" => Value::Int(t.whole_days() as i32),
            "hours" => Value::Int((t.whole_hours() % 24) as i32),
            "minutes" => Value::Int((t.whole_minutes() % 60) as i32),
            "seconds" => Value::Int((t.whole_seconds() % 60) as i32),
            "milliseconds" => Value::Int((t.whole_milliseconds() % 1000) as i32),
            "totaldays" => Value::Double(t.as_seconds_f64() / 86_400.0),
            "totalhours" => Value::Double(t.as_seconds_f64() / 3600.0),
            "totalminutes" => Value::Double(t.as_seconds_f64() / 60.0),
            "totalseconds" => Value::Double(t.as_seconds_f64()),
            "totalmilliseconds" => Value::Double(t.as_seconds_f64() * 1000.0),
            "ticks" => Value::Long((t.whole_nanoseconds() / 100) as i64),
            _ => return None,
        }),
        Value::Hashtable(h) => {
            let h = h.borrow();
            if let Some(v) = h.get(name) {
                return Some(v.clone());
            }
            match n.as_str() {
                "keys" => Some(Value::array(h.iter().map(|(k, _)| k.clone()).collect())),
                "values" => Some(Value::array(h.iter().map(|(_, v)| v.clone()).collect())),
                "count" => Some(Value::Int(h.len() as i32)),
                _ => None,
            }
        }
        Value::Enum(e) if n == "value__" => Some(Value::Long(e.value)),
        Value::ErrorRecord(r) => Some(match n.as_str() {
            "exception" => Value::object(
                PsObject::new("System.Management.Automation.RuntimeException")
                    .with("Message", r.message.clone())
                    .with_string_form(r.message.clone()),
            ),
            "fullyqualifiederrorid" => Value::from(r.fully_qualified_error_id()),
            "categoryinfo" => Value::object(
                PsObject::new("System.Management.Automation.ErrorCategoryInfo")
                    .with("Category", r.category.name())
                    .with("Activity", r.activity.clone())
                    .with("Reason", r.reason.clone())
                    .with("TargetName", r.target_name.clone())
                    .with("TargetType", r.target_type.clone())
                    .with_string_form(r.category_info()),
            ),
            "invocationinfo" => {
                let mut o = PsObject::new("System.Management.Automation.InvocationInfo");
                if let Some(inv) = &r.invocation {
                    let (line, col) = inv.line_col();
                    o.set("MyCommand", inv.command_name.clone().into());
                    o.set("InvocationName", inv.command_name.clone().into());
                    o.set(
                        "ScriptName",
                        inv.origin.as_deref().map(str::to_string).into(),
                    );
                    o.set("ScriptLineNumber", Value::Int(line as i32));
                    o.set("OffsetInLine", Value::Int(col as i32));
                    o.set("Line", Value::from(inv.line_text()));
                }
                Value::object(o)
            }
            "targetobject" => r.target_object.clone().unwrap_or_default(),
            "errordetails" => Value::Null,
            "scriptstacktrace" => Value::from(""),
            _ => return None,
        }),
        _ => None,
    }
}

fn string_method(s: &str, name: &str, args: &[Value]) -> Result<Option<Value>, ErrorRecord> {
    let text = |i: usize| arg(args, i).to_string_form();
    let ignore_case = args.iter().skip(1).any(|a| {
        let t = a.to_string_form().to_ascii_lowercase();
        t.contains("ignorecase") || matches!(a, Value::Bool(true))
    });
    let fold = |x: &str| {
        if ignore_case {
            x.to_lowercase()
        } else {
            x.to_string()
        }
    };
    Ok(Some(match name {
        "toupper" | "toupperinvariant" => Value::String(s.to_uppercase()),
        "tolower" | "tolowerinvariant" => Value::String(s.to_lowercase()),
        "trim" | "trimstart" | "trimend" => {
            let set: Vec<char> = args
                .iter()
                .flat_map(|a| a.to_string_form().chars().collect::<Vec<_>>())
                .collect();
            let pred = |c: char| {
                if set.is_empty() {
                    c.is_whitespace()
                } else {
                    set.contains(&c)
                }
            };
            Value::String(match name {
                "trim" => s.trim_matches(pred).to_string(),
                "trimstart" => s.trim_start_matches(pred).to_string(),
                _ => s.trim_end_matches(pred).to_string(),
            })
        }
        "contains" => Value::Bool(fold(s).contains(&fold(&text(0)))),
        "startswith" => Value::Bool(fold(s).starts_with(&fold(&text(0)))),
        "endswith" => Value::Bool(fold(s).ends_with(&fold(&text(0)))),
        "replace" => Value::String(s.replace(&text(0), &text(1))),
        "split" => {
            // .NET Framework: Split(params char[]) — every string argument adds its characters
            // as separators — or Split(char[], int count).
            let mut seps: Vec<char> = Vec::new();
            let mut count: Option<i64> = None;
            for (i, a) in args.iter().enumerate() {
                if i > 0 && a.numeric().is_number() {
                    count = a.to_i64();
                    continue;
                }
                for item in a.enumerate() {
                    seps.extend(item.to_string_form().chars());
                }
            }
            let is_sep = |c: char| {
                if seps.is_empty() {
                    c.is_whitespace()
                } else {
                    seps.contains(&c)
                }
            };
            let parts: Vec<Value> = match count {
                Some(n) if n <= 0 => Vec::new(),
                Some(n) => s
                    .splitn(usize::try_from(n).unwrap_or(usize::MAX), is_sep)
                    .map(Value::from)
                    .collect(),
                None => s.split(is_sep).map(Value::from).collect(),
            };
            Value::array(parts)
        }
        "substring" => {
            let chars: Vec<char> = s.chars().collect();
            let start = usize::try_from(arg_i64(args, 0)?).map_err(|_| index_error())?;
            let len = if args.len() > 1 {
                usize::try_from(arg_i64(args, 1)?).map_err(|_| index_error())?
            } else {
                chars.len().saturating_sub(start)
            };
            if start.checked_add(len).is_none_or(|end| end > chars.len()) {
                return Err(index_error());
            }
            Value::String(chars[start..start + len].iter().collect())
        }
        "indexof" | "lastindexof" => {
            let needle = text(0);
            let found = if name == "indexof" {
                s.find(&needle)
            } else {
                s.rfind(&needle)
            };
            Value::Int(found.map(|b| s[..b].chars().count() as i32).unwrap_or(-1))
        }
        "padleft" | "padright" => {
            let width = usize::try_from(arg_i64(args, 0)?).unwrap_or(0);
            if width > 100_000_000 {
                return Err(catalogue::runtime(
                    "The padded string would be too large.",
                    "ArgumentOutOfRangeException",
                ));
            }
            let pad = args
                .get(1)
                .map(|p| p.to_string_form().chars().next().unwrap_or(' '))
                .unwrap_or(' ');
            let len = s.chars().count();
            let fill: String = std::iter::repeat_n(pad, width.saturating_sub(len)).collect();
            Value::String(if name == "padleft" {
                format!("{fill}{s}")
            } else {
                format!("{s}{fill}")
            })
        }
        "insert" => {
            let at = usize::try_from(arg_i64(args, 0)?).map_err(|_| index_error())?;
            let mut chars: Vec<char> = s.chars().collect();
            if at > chars.len() {
                return Err(index_error());
            }
            let ins: Vec<char> = text(1).chars().collect();
            chars.splice(at..at, ins);
            Value::String(chars.into_iter().collect())
        }
        "remove" => {
            let chars: Vec<char> = s.chars().collect();
            let start = usize::try_from(arg_i64(args, 0)?).map_err(|_| index_error())?;
            let count = if args.len() > 1 {
                usize::try_from(arg_i64(args, 1)?).map_err(|_| index_error())?
            } else {
                chars.len().saturating_sub(start)
            };
            if start.checked_add(count).is_none_or(|end| end > chars.len()) {
                return Err(index_error());
            }
            Value::String(
                chars[..start]
                    .iter()
                    .chain(chars[start + count..].iter())
                    .collect(),
            )
        }
        "tochararray" => Value::array(s.chars().map(|c| Value::String(c.to_string())).collect()),
        "equals" => Value::Bool(fold(s) == fold(&text(0))),
        "compareto" => Value::Int(match s.cmp(&text(0)) {
            std::cmp::Ordering::Less => -1,
            std::cmp::Ordering::Equal => 0,
            std::cmp::Ordering::Greater => 1,
        }),
        _ => return Ok(None),
    }))
}

fn index_error() -> ErrorRecord {
    catalogue::runtime(
        "Index and length must refer to a location within the string.",
        "ArgumentOutOfRangeException",
    )
}

fn type_object(value: &Value) -> Value {
    let full = value.type_name();
    let short = full.rsplit('.').next().unwrap_or(&full).to_string();
    Value::object(
        PsObject::new("System.RuntimeType")
            .with("Name", short)
            .with("FullName", full.clone())
            .with_string_form(full),
    )
}

/// The methods every value has, as `(name, definition)` in .NET's spelling.
const COMMON_METHODS: &[(&str, &str)] = &[
    ("Equals", "bool Equals(System.Object obj)"),
    ("GetHashCode", "int GetHashCode()"),
    ("GetType", "type GetType()"),
    (
        "ToString",
        "string ToString(), string ToString(string format)",
    ),
];

const STRING_METHODS: &[(&str, &str)] = &[
    ("CompareTo", "int CompareTo(string strB)"),
    ("Contains", "bool Contains(string value)"),
    ("EndsWith", "bool EndsWith(string value)"),
    ("IndexOf", "int IndexOf(string value)"),
    ("Insert", "string Insert(int startIndex, string value)"),
    ("LastIndexOf", "int LastIndexOf(string value)"),
    (
        "PadLeft",
        "string PadLeft(int totalWidth, char paddingChar)",
    ),
    (
        "PadRight",
        "string PadRight(int totalWidth, char paddingChar)",
    ),
    ("Remove", "string Remove(int startIndex, int count)"),
    (
        "Replace",
        "string Replace(string oldValue, string newValue)",
    ),
    ("Split", "string[] Split(Params char[] separator)"),
    ("StartsWith", "bool StartsWith(string value)"),
    ("Substring", "string Substring(int startIndex, int length)"),
    ("ToCharArray", "char[] ToCharArray()"),
    ("ToLower", "string ToLower()"),
    ("ToLowerInvariant", "string ToLowerInvariant()"),
    ("ToUpper", "string ToUpper()"),
    ("ToUpperInvariant", "string ToUpperInvariant()"),
    ("Trim", "string Trim(Params char[] trimChars)"),
    ("TrimEnd", "string TrimEnd(Params char[] trimChars)"),
    ("TrimStart", "string TrimStart(Params char[] trimChars)"),
];

const DATETIME_METHODS: &[(&str, &str)] = &[
    ("Add", "datetime Add(timespan value)"),
    ("AddDays", "datetime AddDays(double value)"),
    ("AddHours", "datetime AddHours(double value)"),
    ("AddMilliseconds", "datetime AddMilliseconds(double value)"),
    ("AddMinutes", "datetime AddMinutes(double value)"),
    ("AddMonths", "datetime AddMonths(int months)"),
    ("AddSeconds", "datetime AddSeconds(double value)"),
    ("AddTicks", "datetime AddTicks(long value)"),
    ("AddYears", "datetime AddYears(int value)"),
    ("CompareTo", "int CompareTo(datetime value)"),
    (
        "Subtract",
        "timespan Subtract(datetime value), datetime Subtract(timespan value)",
    ),
    ("ToFileTime", "long ToFileTime()"),
    ("ToLocalTime", "datetime ToLocalTime()"),
    ("ToLongDateString", "string ToLongDateString()"),
    ("ToLongTimeString", "string ToLongTimeString()"),
    ("ToShortDateString", "string ToShortDateString()"),
    ("ToShortTimeString", "string ToShortTimeString()"),
    ("ToUniversalTime", "datetime ToUniversalTime()"),
];

const TIMESPAN_METHODS: &[(&str, &str)] = &[
    ("Add", "timespan Add(timespan ts)"),
    ("Duration", "timespan Duration()"),
    ("Negate", "timespan Negate()"),
    ("Subtract", "timespan Subtract(timespan ts)"),
];

const ARRAY_METHODS: &[(&str, &str)] = &[
    ("Add", "int Add(System.Object value)"),
    (
        "AddRange",
        "void AddRange(System.Collections.ICollection c)",
    ),
    ("Clear", "void Clear()"),
    ("Clone", "System.Object Clone()"),
    ("Contains", "bool Contains(System.Object value)"),
    ("GetLength", "int GetLength(int dimension)"),
    ("IndexOf", "int IndexOf(System.Object value)"),
    ("Insert", "void Insert(int index, System.Object value)"),
    ("Remove", "void Remove(System.Object obj)"),
    ("RemoveAt", "void RemoveAt(int index)"),
    ("ToArray", "System.Object[] ToArray()"),
];

const HASHTABLE_METHODS: &[(&str, &str)] = &[
    ("Add", "void Add(System.Object key, System.Object value)"),
    ("Clear", "void Clear()"),
    ("Clone", "System.Object Clone()"),
    ("Contains", "bool Contains(System.Object key)"),
    ("ContainsKey", "bool ContainsKey(System.Object key)"),
    ("ContainsValue", "bool ContainsValue(System.Object value)"),
    (
        "GetEnumerator",
        "System.Collections.IDictionaryEnumerator GetEnumerator()",
    ),
    ("Remove", "void Remove(System.Object key)"),
];

const NUMBER_METHODS: &[(&str, &str)] = &[("CompareTo", "int CompareTo(System.Object value)")];

/// The methods [`call_method`] supports on `value`, as `(name, definition)` pairs sorted by
/// name, for Get-Member. Every listed name is callable (a unit test checks it).
pub fn method_definitions(value: &Value) -> Vec<(&'static str, &'static str)> {
    let value = value.numeric();
    let own: &[(&str, &str)] = match &value {
        Value::String(_) => STRING_METHODS,
        Value::DateTime(_) => DATETIME_METHODS,
        Value::TimeSpan(_) => TIMESPAN_METHODS,
        Value::Array(_) => ARRAY_METHODS,
        Value::Hashtable(_) => HASHTABLE_METHODS,
        v if v.is_number() => NUMBER_METHODS,
        _ => &[],
    };
    let mut all: Vec<(&str, &str)> = COMMON_METHODS
        .iter()
        .filter(|(name, _)| !own.iter().any(|(n, _)| n == name))
        .chain(own.iter())
        .copied()
        .collect();
    all.sort_by_key(|(name, _)| name.to_ascii_lowercase());
    all
}

/// Calls a method on a value; "Method invocation failed because \[T\] does not contain a
/// method named 'X'." when the type has no such method.
pub fn call_method(
    value: &Value,
    name: &str,
    args: &[Value],
    local: UtcOffset,
) -> Result<Value, ErrorRecord> {
    let lower = name.to_ascii_lowercase();
    let value = value.numeric();
    if value.is_null() {
        return Err(catalogue::invoke_method_on_null());
    }
    // Methods every value has.
    match lower.as_str() {
        // .NET's ToString() formats dates in the current culture (en-US here, spec D7), unlike
        // the invariant string conversion of string expansion.
        "tostring" if args.is_empty() => {
            return Ok(Value::String(match &value {
                Value::DateTime(d) => crate::value::format_date_display(d),
                other => other.to_string_form(),
            }));
        }
        "tostring" => {
            return Ok(Value::String(format_value(
                &value,
                &arg(args, 0).to_string_form(),
            )));
        }
        "gettype" => return Ok(type_object(&value)),
        "equals" if !matches!(value, Value::String(_)) => {
            return Ok(Value::Bool(crate::ops::values_equal(
                &value,
                &arg(args, 0),
                false,
                local,
            )));
        }
        "gethashcode" => return Ok(Value::Int(0)),
        _ => {}
    }
    let result = match &value {
        Value::String(s) => string_method(s, &lower, args)?,
        Value::DateTime(d) => Some(match lower.as_str() {
            "adddays" => checked_add(d, secs(arg_f64(args, 0)? * 86_400.0)?)?,
            "addhours" => checked_add(d, secs(arg_f64(args, 0)? * 3600.0)?)?,
            "addminutes" => checked_add(d, secs(arg_f64(args, 0)? * 60.0)?)?,
            "addseconds" => checked_add(d, secs(arg_f64(args, 0)?)?)?,
            "addmilliseconds" => checked_add(d, secs(arg_f64(args, 0)? / 1000.0)?)?,
            "addticks" => checked_add(
                d,
                Duration::nanoseconds(arg_i64(args, 0)?.saturating_mul(100)),
            )?,
            "addmonths" => Value::DateTime(add_months(d, arg_i64(args, 0)?)?),
            "addyears" => Value::DateTime(add_months(d, arg_i64(args, 0)?.saturating_mul(12))?),
            "add" => match arg(args, 0) {
                Value::TimeSpan(t) => checked_add(d, t)?,
                other => {
                    return Err(catalogue::runtime(
                        format!(
                            "Cannot convert argument \"value\", with value: \"{}\", for \"Add\" to type \"System.TimeSpan\".",
                            other.to_string_form()
                        ),
                        "MethodArgumentConversionInvalidCastArgument",
                    ));
                }
            },
            "subtract" => match arg(args, 0) {
                Value::DateTime(o) => Value::TimeSpan(*d - o),
                Value::TimeSpan(t) => checked_add(d, -t)?,
                other => {
                    return Err(catalogue::runtime(
                        format!(
                            "Cannot convert argument \"value\", with value: \"{}\", for \"Subtract\" to type \"System.DateTime\".",
                            other.to_string_form()
                        ),
                        "MethodArgumentConversionInvalidCastArgument",
                    ));
                }
            },
            "compareto" => match arg(args, 0) {
                Value::DateTime(o) => Value::Int(match d.cmp(&o) {
                    std::cmp::Ordering::Less => -1,
                    std::cmp::Ordering::Equal => 0,
                    std::cmp::Ordering::Greater => 1,
                }),
                _ => Value::Int(1),
            },
            "toshortdatestring" => Value::String(format_date(d, "d")),
            "tolongdatestring" => Value::String(format_date(d, "D")),
            "toshorttimestring" => Value::String(format_date(d, "t")),
            "tolongtimestring" => Value::String(format_date(d, "T")),
            "touniversaltime" => Value::DateTime(
                d.checked_to_offset(UtcOffset::UTC)
                    .ok_or_else(out_of_range)?,
            ),
            "tolocaltime" => Value::DateTime(d.checked_to_offset(local).ok_or_else(out_of_range)?),
            "tofiletime" => {
                Value::Long(((d.unix_timestamp_nanos() / 100) + 116_444_736_000_000_000) as i64)
            }
            _ => return Err(catalogue::method_not_found(&value.type_name(), name)),
        }),
        Value::TimeSpan(t) => Some(match lower.as_str() {
            "add" => match arg(args, 0) {
                Value::TimeSpan(o) => Value::TimeSpan(t.checked_add(o).ok_or_else(out_of_range)?),
                _ => return Err(catalogue::method_not_found(&value.type_name(), name)),
            },
            "subtract" => match arg(args, 0) {
                Value::TimeSpan(o) => Value::TimeSpan(t.checked_sub(o).ok_or_else(out_of_range)?),
                _ => return Err(catalogue::method_not_found(&value.type_name(), name)),
            },
            "negate" => Value::TimeSpan(t.checked_neg().ok_or_else(out_of_range)?),
            "duration" => Value::TimeSpan(t.abs()),
            _ => return Err(catalogue::method_not_found(&value.type_name(), name)),
        }),
        Value::Array(a) => Some(match lower.as_str() {
            "contains" => Value::Bool(
                a.borrow()
                    .iter()
                    .any(|v| crate::ops::values_equal(v, &arg(args, 0), true, local)),
            ),
            "indexof" => Value::Int(
                a.borrow()
                    .iter()
                    .position(|v| crate::ops::values_equal(v, &arg(args, 0), true, local))
                    .map(|i| i as i32)
                    .unwrap_or(-1),
            ),
            "count" | "length" | "getlength" => Value::Int(a.borrow().len() as i32),
            // Arrays double as ArrayList / List[T] (decisions.md): they grow in place.
            "add" => {
                let mut items = a.borrow_mut();
                items.push(arg(args, 0));
                Value::Int(i32::try_from(items.len() - 1).unwrap_or(i32::MAX))
            }
            "addrange" => {
                a.borrow_mut().extend(arg(args, 0).enumerate());
                Value::Null
            }
            "insert" => {
                let index = crate::convert::to_int32(&arg(args, 0)).unwrap_or(0);
                let mut items = a.borrow_mut();
                let Some(at) = usize::try_from(index).ok().filter(|i| *i <= items.len()) else {
                    return Err(catalogue::runtime(
                        "Exception calling \"Insert\" with \"2\" argument(s): \"Index must be within the bounds of the List.\"",
                        "ArgumentOutOfRangeException",
                    ));
                };
                items.insert(at, arg(args, 1));
                Value::Null
            }
            "remove" => {
                let target = arg(args, 0);
                let mut items = a.borrow_mut();
                if let Some(at) = items
                    .iter()
                    .position(|v| crate::ops::values_equal(v, &target, true, local))
                {
                    items.remove(at);
                }
                Value::Null
            }
            "removeat" => {
                let index = crate::convert::to_int32(&arg(args, 0)).unwrap_or(-1);
                let mut items = a.borrow_mut();
                match usize::try_from(index).ok().filter(|i| *i < items.len()) {
                    Some(at) => {
                        items.remove(at);
                    }
                    None => {
                        return Err(catalogue::runtime(
                            "Exception calling \"RemoveAt\" with \"1\" argument(s): \"Index was out of range. Must be non-negative and less than the size of the collection.\"",
                            "ArgumentOutOfRangeException",
                        ));
                    }
                }
                Value::Null
            }
            "clear" => {
                a.borrow_mut().clear();
                Value::Null
            }
            "toarray" | "clone" => Value::array(a.borrow().clone()),
            _ => return Err(catalogue::method_not_found(&value.type_name(), name)),
        }),
        Value::Hashtable(h) => Some(match lower.as_str() {
            "containskey" | "contains" => Value::Bool(h.borrow().contains_key(&arg(args, 0))),
            "containsvalue" => Value::Bool(
                h.borrow()
                    .iter()
                    .any(|(_, v)| crate::ops::values_equal(v, &arg(args, 0), false, local)),
            ),
            "add" => {
                let key = arg(args, 0);
                if h.borrow().contains_key(&key) {
                    return Err(catalogue::runtime(
                        format!(
                            "Exception calling \"Add\" with \"2\" argument(s): \"Item has already been added. Key in dictionary: '{}'  Key being added: '{}'\"",
                            key.to_string_form(),
                            key.to_string_form()
                        ),
                        "ArgumentException",
                    ));
                }
                h.borrow_mut().insert(key, arg(args, 1));
                Value::Null
            }
            "remove" => {
                h.borrow_mut().remove(&arg(args, 0));
                Value::Null
            }
            "clear" => {
                h.borrow_mut().clear();
                Value::Null
            }
            "getenumerator" => Value::array(
                h.borrow()
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
            ),
            "clone" => Value::from(h.borrow().clone()),
            _ => return Err(catalogue::method_not_found(&value.type_name(), name)),
        }),
        v if v.is_number() => Some(match lower.as_str() {
            "compareto" => Value::Int(
                match crate::ops::compare_values(v, &arg(args, 0), false, local) {
                    Some(std::cmp::Ordering::Less) => -1,
                    Some(std::cmp::Ordering::Greater) => 1,
                    _ => 0,
                },
            ),
            _ => return Err(catalogue::method_not_found(&value.type_name(), name)),
        }),
        Value::ScriptBlock(_) => None,
        _ => None,
    };
    match result {
        Some(v) => Ok(v),
        None => Err(catalogue::method_not_found(&value.type_name(), name)),
    }
}

/// `[math]::Round`-style rounding helper used by `[math]` static calls.
pub fn math_call(name: &str, args: &[Value]) -> Result<Value, ErrorRecord> {
    let x = arg_f64(args, 0)?;
    Ok(match name.to_ascii_lowercase().as_str() {
        "round" => {
            let digits = if args.len() > 1 { arg_i64(args, 1)? } else { 0 };
            let factor = 10f64.powi(i32::try_from(digits).unwrap_or(0));
            let r = (x * factor).round_ties_even() / factor;
            if digits == 0 && matches!(arg(args, 0).numeric(), Value::Int(_) | Value::Long(_)) {
                arg(args, 0).numeric()
            } else {
                Value::Double(r)
            }
        }
        "floor" => Value::Double(x.floor()),
        "ceiling" => Value::Double(x.ceil()),
        "abs" => match arg(args, 0).numeric() {
            Value::Int(n) => Value::Int(n.abs()),
            Value::Long(n) => Value::Long(n.abs()),
            _ => Value::Double(x.abs()),
        },
        "max" => Value::Double(x.max(arg_f64(args, 1)?)),
        "min" => Value::Double(x.min(arg_f64(args, 1)?)),
        "pow" => Value::Double(x.powf(arg_f64(args, 1)?)),
        "sqrt" => Value::Double(x.sqrt()),
        "truncate" => Value::Double(x.trunc()),
        _ => return Err(catalogue::method_not_found("System.Math", name)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn date_methods_and_formats() {
        let d = Value::DateTime(datetime!(2008-01-31 22:04:02 UTC));
        let m = call_method(&d, "AddMonths", &[Value::Int(1)], UtcOffset::UTC).unwrap();
        assert_eq!(m.display_text(4), "2/29/2008 10:04:02 PM");
        let s = call_method(&d, "ToString", &["yyyy-MM-dd HH:mm".into()], UtcOffset::UTC).unwrap();
        assert_eq!(s, Value::from("2008-01-31 22:04"));
        assert_eq!(
            call_method(&d, "ToShortDateString", &[], UtcOffset::UTC).unwrap(),
            Value::from("1/31/2008")
        );
        let e = call_method(&d, "Frobnicate", &[], UtcOffset::UTC).unwrap_err();
        assert_eq!(
            e.message,
            "Method invocation failed because [System.DateTime] does not contain a method named 'Frobnicate'."
        );
    }

    #[test]
    fn every_listed_method_is_callable() {
        let samples = [
            (Value::from("certsh"), vec![Value::from("c"), Value::Int(1)]),
            (
                Value::DateTime(datetime!(2008-08-07 10:04:02 UTC)),
                vec![Value::TimeSpan(Duration::hours(1))],
            ),
            (
                Value::TimeSpan(Duration::hours(36)),
                vec![Value::TimeSpan(Duration::hours(1))],
            ),
            (Value::array(vec![Value::Int(1)]), vec![Value::Int(0)]),
            (
                Value::hashtable(vec![("a", Value::Int(1))]),
                vec![Value::from("b"), Value::Int(2)],
            ),
            (Value::Int(5), vec![Value::Int(4)]),
        ];
        for (value, args) in samples {
            let listed = method_definitions(&value);
            assert!(listed.len() > COMMON_METHODS.len(), "{value:?}");
            for (name, _) in listed {
                if let Err(e) = call_method(&value, name, &args, UtcOffset::UTC) {
                    assert!(
                        !e.message.contains("does not contain a method"),
                        "{name} listed but not callable on {value:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn timespan_properties() {
        let t = Value::TimeSpan(Duration::hours(36));
        assert_eq!(t.member("Days"), Value::Int(1));
        assert_eq!(t.member("Hours"), Value::Int(12));
        assert_eq!(t.member("TotalHours"), Value::Double(36.0));
    }

    #[test]
    fn string_methods() {
        let s = Value::from("  Contoso.com ");
        let l = Local::utc();
        assert_eq!(
            call_method(&s, "Trim", &[], l).unwrap(),
            Value::from("Contoso.com")
        );
        assert_eq!(
            call_method(&"abc".into(), "Substring", &[Value::Int(1)], l).unwrap(),
            Value::from("bc")
        );
        assert_eq!(
            call_method(&"abc".into(), "PadLeft", &[Value::Int(5)], l).unwrap(),
            Value::from("  abc")
        );
        assert_eq!(
            call_method(&"a,b".into(), "Split", &[",".into()], l)
                .unwrap()
                .enumerate()
                .len(),
            2
        );
        assert_eq!(
            call_method(&"abc".into(), "IndexOf", &["c".into()], l).unwrap(),
            Value::Int(2)
        );
    }

    struct Local;
    impl Local {
        fn utc() -> UtcOffset {
            UtcOffset::UTC
        }
    }
}
