//! Values flowing through pipelines and variables (spec §4, §7.4).

use std::any::Any;
use std::cell::RefCell;
use std::fmt;
use std::rc::Rc;

use shell_parser::ast;
use time::{Duration, OffsetDateTime};

use crate::error::ErrorRecord;

/// An enum type: its name, members and whether it is a flags enum.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnumType {
    /// The type name used in messages (`AllowedServices`).
    pub name: String,
    /// The members `(name, value)` in declaration order.
    pub members: Vec<(String, i64)>,
    /// `true` for a flags enum (comma lists combine bits).
    pub flags: bool,
}

impl EnumType {
    /// A plain (non-flags) enum type.
    pub fn new(name: &str, members: &[(&str, i64)]) -> Rc<EnumType> {
        Rc::new(EnumType {
            name: name.to_string(),
            members: members.iter().map(|(n, v)| (n.to_string(), *v)).collect(),
            flags: false,
        })
    }

    /// A flags enum type.
    pub fn flags(name: &str, members: &[(&str, i64)]) -> Rc<EnumType> {
        Rc::new(EnumType {
            name: name.to_string(),
            members: members.iter().map(|(n, v)| (n.to_string(), *v)).collect(),
            flags: true,
        })
    }

    /// The member names joined with `, ` (used in conversion error messages).
    pub fn member_list(&self) -> String {
        self.members
            .iter()
            .map(|(n, _)| n.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Looks up one name: exact (case-insensitive) first, then a unique prefix.
    pub fn lookup_name(&self, name: &str) -> Option<i64> {
        let name = name.trim();
        if let Some((_, v)) = self
            .members
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
        {
            return Some(*v);
        }
        if name.is_empty() {
            return None;
        }
        let lower = name.to_ascii_lowercase();
        let hits: Vec<i64> = self
            .members
            .iter()
            .filter(|(n, _)| n.to_ascii_lowercase().starts_with(&lower))
            .map(|(_, v)| *v)
            .collect();
        if hits.len() == 1 { Some(hits[0]) } else { None }
    }

    fn no_match(&self, name: &str) -> String {
        format!(
            "Unable to match the identifier name {} to a valid enumerator name. Specify one of \
             the following enumerator names and try again:\n{}",
            name.trim(),
            self.member_list()
        )
    }

    /// Parses a string (§4.5): a name, a unique prefix, a decimal number, or for flags a
    /// comma list of names. The error text is .NET's ("Unable to match …").
    pub fn parse(self: &Rc<Self>, text: &str) -> Result<EnumValue, String> {
        let trimmed = text.trim();
        if let Ok(n) = trimmed.parse::<i64>() {
            return Ok(EnumValue {
                ty: self.clone(),
                value: n,
            });
        }
        if trimmed.contains(',') {
            if !self.flags {
                return Err(self.no_match(trimmed));
            }
            let mut bits = 0;
            for part in trimmed.split(',') {
                let part = part.trim();
                // A comma list accepts exact names only (prefixes work for a single name).
                match self
                    .members
                    .iter()
                    .find(|(n, _)| n.eq_ignore_ascii_case(part))
                {
                    Some((_, v)) => bits |= *v,
                    None => return Err(self.no_match(part)),
                }
            }
            return Ok(EnumValue {
                ty: self.clone(),
                value: bits,
            });
        }
        match self.lookup_name(trimmed) {
            Some(v) => Ok(EnumValue {
                ty: self.clone(),
                value: v,
            }),
            None => Err(self.no_match(trimmed)),
        }
    }

    /// Converts any value to this enum (§4.5): enum values of the same type, numbers,
    /// strings, and (for flags) arrays whose elements are joined with `,`.
    pub fn convert(self: &Rc<Self>, value: &Value) -> Result<EnumValue, String> {
        match value {
            Value::Enum(e) if e.ty.name == self.name => Ok(EnumValue {
                ty: self.clone(),
                value: e.value,
            }),
            Value::Array(items) => {
                let parts: Vec<String> =
                    items.borrow().iter().map(|v| v.to_string_form()).collect();
                self.parse(&parts.join(","))
            }
            v if v.is_number() => match v.to_i64() {
                Some(n) => Ok(EnumValue {
                    ty: self.clone(),
                    value: n,
                }),
                None => Err(self.no_match(&v.to_string_form())),
            },
            other => self.parse(&other.to_string_form()),
        }
    }
}

/// One value of an enum type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnumValue {
    /// The enum type.
    pub ty: Rc<EnumType>,
    /// The numeric value.
    pub value: i64,
}

impl EnumValue {
    /// The member with this exact name (case-insensitive), if it exists.
    pub fn named(ty: &Rc<EnumType>, name: &str) -> Option<EnumValue> {
        ty.members
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| EnumValue {
                ty: ty.clone(),
                value: *v,
            })
    }

    /// `true` when every bit of `flag` is set.
    pub fn has_flag(&self, flag: i64) -> bool {
        self.value & flag == flag
    }

    /// The member name, or (flags) the set bits' names in ascending bit order joined by
    /// `, `; zero is the zero-valued name (`None`) (§4.5, §7.4).
    pub fn name(&self) -> String {
        if let Some((n, _)) = self.ty.members.iter().find(|(_, v)| *v == self.value) {
            return n.clone();
        }
        if self.ty.flags && self.value != 0 {
            let mut single: Vec<&(String, i64)> = self
                .ty
                .members
                .iter()
                .filter(|(_, v)| *v != 0 && (*v & (*v - 1)) == 0 && self.value & *v == *v)
                .collect();
            single.sort_by_key(|(_, v)| *v);
            let covered = single.iter().fold(0, |acc, (_, v)| acc | *v);
            if covered == self.value {
                return single
                    .iter()
                    .map(|(n, _)| n.as_str())
                    .collect::<Vec<_>>()
                    .join(", ");
            }
        }
        self.value.to_string()
    }
}

/// A hashtable: ordered entries with case-insensitive string keys (§0.4).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Hashtable {
    entries: Vec<(Value, Value)>,
    /// `true` for `[ordered]@{}` (kept for `-is`; all our hashtables keep insertion order).
    pub ordered: bool,
}

/// Key equality for hashtables: strings ignore case, numbers compare numerically.
fn keys_equal(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::String(x), Value::String(y)) => x.to_lowercase() == y.to_lowercase(),
        (x, y) if x.is_number() && y.is_number() => x.to_f64() == y.to_f64(),
        (Value::Bool(x), Value::Bool(y)) => x == y,
        _ => false,
    }
}

impl Hashtable {
    /// An empty hashtable.
    pub fn new() -> Self {
        Self::default()
    }

    /// The value under a string key.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.get_value(&Value::from(key))
    }

    /// The value under any key.
    pub fn get_value(&self, key: &Value) -> Option<&Value> {
        self.entries
            .iter()
            .find(|(k, _)| keys_equal(k, key))
            .map(|(_, v)| v)
    }

    /// Inserts or replaces (keeping the original key spelling and position).
    pub fn insert(&mut self, key: Value, value: Value) {
        if let Some(slot) = self.entries.iter_mut().find(|(k, _)| keys_equal(k, &key)) {
            slot.1 = value;
        } else {
            self.entries.push((key, value));
        }
    }

    /// Removes a key; returns whether it was present.
    pub fn remove(&mut self, key: &Value) -> bool {
        let before = self.entries.len();
        self.entries.retain(|(k, _)| !keys_equal(k, key));
        before != self.entries.len()
    }

    /// Removes every entry.
    pub fn clear(&mut self) {
        self.entries.clear();
    }

    /// `true` when the key exists.
    pub fn contains_key(&self, key: &Value) -> bool {
        self.get_value(key).is_some()
    }

    /// The number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// `true` when empty.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The entries in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = &(Value, Value)> {
        self.entries.iter()
    }
}

/// A PSObject-like record: type names, ordered case-insensitive properties, an optional
/// string form and an optional native payload for cmdlets that need the original object.
#[derive(Clone, Default)]
pub struct PsObject {
    /// Type names, most specific first (`["ExchangeCertificate"]`); empty means
    /// `System.Management.Automation.PSCustomObject`.
    pub type_names: Vec<String>,
    properties: Vec<(String, Value)>,
    /// The string form (`ToString()`), if the type declares one.
    pub string_form: Option<String>,
    /// An opaque payload (for example the domain certificate the object was made from).
    pub native: Option<Rc<dyn Any>>,
}

impl fmt::Debug for PsObject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PsObject")
            .field("type_names", &self.type_names)
            .field("properties", &self.properties)
            .field("string_form", &self.string_form)
            .finish()
    }
}

impl PartialEq for PsObject {
    fn eq(&self, other: &Self) -> bool {
        self.type_names == other.type_names
            && self.properties == other.properties
            && self.string_form == other.string_form
    }
}

impl PsObject {
    /// A new object with one type name (use `""` for a PSCustomObject).
    pub fn new(type_name: &str) -> Self {
        let type_names = if type_name.is_empty() {
            vec![]
        } else {
            vec![type_name.to_string()]
        };
        PsObject {
            type_names,
            ..Default::default()
        }
    }

    /// Builder: adds or replaces a property.
    pub fn with(mut self, name: &str, value: impl Into<Value>) -> Self {
        self.set(name, value.into());
        self
    }

    /// Builder: sets the string form.
    pub fn with_string_form(mut self, text: impl Into<String>) -> Self {
        self.string_form = Some(text.into());
        self
    }

    /// Builder: attaches a native payload.
    pub fn with_native(mut self, native: Rc<dyn Any>) -> Self {
        self.native = Some(native);
        self
    }

    /// The first type name (`PSCustomObject` when none was given).
    pub fn type_name(&self) -> &str {
        self.type_names
            .first()
            .map(String::as_str)
            .unwrap_or("System.Management.Automation.PSCustomObject")
    }

    /// A property value (case-insensitive name).
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.properties
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v)
    }

    /// The declared spelling of a property name.
    pub fn property_name(&self, name: &str) -> Option<&str> {
        self.properties
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(n, _)| n.as_str())
    }

    /// Sets a property, adding it at the end when it does not exist.
    pub fn set(&mut self, name: &str, value: Value) {
        if let Some(slot) = self
            .properties
            .iter_mut()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
        {
            slot.1 = value;
        } else {
            self.properties.push((name.to_string(), value));
        }
    }

    /// The properties in declaration order.
    pub fn properties(&self) -> &[(String, Value)] {
        &self.properties
    }
}

/// A script block value: the AST plus the source it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct ScriptBlockValue {
    /// The parsed block.
    pub block: ast::ScriptBlock,
    /// The whole source text the block's spans point into.
    pub source: Rc<str>,
    /// The script path, or `None` for interactive input.
    pub origin: Option<Rc<str>>,
}

impl ScriptBlockValue {
    /// The text between the braces, as written.
    pub fn text(&self) -> &str {
        &self.block.text
    }
}

/// A secure string. Its content is only available through [`SecureString::reveal`];
/// every string form is `System.Security.SecureString`.
#[derive(Clone, PartialEq, Eq)]
pub struct SecureString(String);

impl SecureString {
    /// Wraps a secret.
    pub fn new(secret: impl Into<String>) -> Self {
        SecureString(secret.into())
    }

    /// The secret text, for the cmdlet that needs it (PFX passwords).
    pub fn reveal(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for SecureString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("System.Security.SecureString")
    }
}

/// A formatted block produced by Format-List / Format-Table: rendered at the width of
/// whoever outputs it (Out-Default, Out-String, Out-File).
pub trait FormatRecord {
    /// The lines of this block at the given width (no trailing newlines).
    fn render(&self, width: usize) -> Vec<String>;
}

/// A number literal written in argument mode that remembers its source text (§2.9).
#[derive(Debug, Clone, PartialEq)]
pub struct SourceNumber {
    /// The numeric value (an `Int`, `Long`, `Double` or `Decimal` value).
    pub value: Box<Value>,
    /// The text as written (`0x10`, `1kb`, `0000`).
    pub text: Rc<str>,
}

/// A shell value.
#[derive(Clone, Default)]
pub enum Value {
    /// `$null`.
    #[default]
    Null,
    /// Boolean.
    Bool(bool),
    /// Int32.
    Int(i32),
    /// Int64.
    Long(i64),
    /// Double.
    Double(f64),
    /// Decimal (kept as `f64`).
    Decimal(f64),
    /// An argument-mode number with its source text.
    Number(Rc<SourceNumber>),
    /// String.
    String(String),
    /// DateTime with its offset.
    DateTime(OffsetDateTime),
    /// TimeSpan.
    TimeSpan(Duration),
    /// An enum value.
    Enum(EnumValue),
    /// An array (reference semantics, like .NET arrays).
    Array(Rc<RefCell<Vec<Value>>>),
    /// A hashtable (reference semantics).
    Hashtable(Rc<RefCell<Hashtable>>),
    /// A script block.
    ScriptBlock(Rc<ScriptBlockValue>),
    /// A PSObject-like record (reference semantics).
    Object(Rc<RefCell<PsObject>>),
    /// A secure string.
    SecureString(Rc<SecureString>),
    /// An error record (`$_` in `catch`, `$Error` entries, `2>&1` output).
    ErrorRecord(Rc<ErrorRecord>),
    /// A block of formatted output from Format-List / Format-Table.
    Format(Rc<dyn FormatRecord>),
}

impl fmt::Debug for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Null => f.write_str("Null"),
            Value::Bool(b) => write!(f, "Bool({b})"),
            Value::Int(n) => write!(f, "Int({n})"),
            Value::Long(n) => write!(f, "Long({n})"),
            Value::Double(n) => write!(f, "Double({n})"),
            Value::Decimal(n) => write!(f, "Decimal({n})"),
            Value::Number(n) => write!(f, "Number({:?}, {:?})", n.value, n.text),
            Value::String(s) => write!(f, "String({s:?})"),
            Value::DateTime(d) => write!(f, "DateTime({d})"),
            Value::TimeSpan(d) => write!(f, "TimeSpan({d})"),
            Value::Enum(e) => write!(f, "Enum({}::{})", e.ty.name, e.name()),
            Value::Array(a) => f.debug_tuple("Array").field(&a.borrow()).finish(),
            Value::Hashtable(h) => f.debug_tuple("Hashtable").field(&h.borrow()).finish(),
            Value::ScriptBlock(s) => write!(f, "ScriptBlock({:?})", s.text()),
            Value::Object(o) => f.debug_tuple("Object").field(&o.borrow()).finish(),
            Value::SecureString(_) => f.write_str("SecureString"),
            Value::ErrorRecord(e) => write!(f, "ErrorRecord({:?})", e.message),
            Value::Format(_) => f.write_str("Format(..)"),
        }
    }
}

impl PartialEq for Value {
    /// Structural equality (for tests); the shell's `-eq` is [`crate::ops::compare`].
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Value::Null, Value::Null) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Long(a), Value::Long(b)) => a == b,
            (Value::Double(a), Value::Double(b)) => a == b,
            (Value::Decimal(a), Value::Decimal(b)) => a == b,
            (Value::Number(a), Value::Number(b)) => a == b,
            (Value::String(a), Value::String(b)) => a == b,
            (Value::DateTime(a), Value::DateTime(b)) => a == b,
            (Value::TimeSpan(a), Value::TimeSpan(b)) => a == b,
            (Value::Enum(a), Value::Enum(b)) => a == b,
            (Value::Array(a), Value::Array(b)) => *a.borrow() == *b.borrow(),
            (Value::Hashtable(a), Value::Hashtable(b)) => *a.borrow() == *b.borrow(),
            (Value::ScriptBlock(a), Value::ScriptBlock(b)) => a.text() == b.text(),
            (Value::Object(a), Value::Object(b)) => *a.borrow() == *b.borrow(),
            (Value::SecureString(a), Value::SecureString(b)) => Rc::ptr_eq(a, b),
            (Value::ErrorRecord(a), Value::ErrorRecord(b)) => Rc::ptr_eq(a, b),
            (Value::Format(a), Value::Format(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::String(s.to_string())
    }
}
impl From<String> for Value {
    fn from(s: String) -> Self {
        Value::String(s)
    }
}
impl From<bool> for Value {
    fn from(b: bool) -> Self {
        Value::Bool(b)
    }
}
impl From<i32> for Value {
    fn from(n: i32) -> Self {
        Value::Int(n)
    }
}
impl From<i64> for Value {
    fn from(n: i64) -> Self {
        Value::Long(n)
    }
}
impl From<f64> for Value {
    fn from(n: f64) -> Self {
        Value::Double(n)
    }
}
impl From<OffsetDateTime> for Value {
    fn from(d: OffsetDateTime) -> Self {
        Value::DateTime(d)
    }
}
impl From<Duration> for Value {
    fn from(d: Duration) -> Self {
        Value::TimeSpan(d)
    }
}
impl From<EnumValue> for Value {
    fn from(e: EnumValue) -> Self {
        Value::Enum(e)
    }
}
impl From<PsObject> for Value {
    fn from(o: PsObject) -> Self {
        Value::Object(Rc::new(RefCell::new(o)))
    }
}
impl From<Hashtable> for Value {
    fn from(h: Hashtable) -> Self {
        Value::Hashtable(Rc::new(RefCell::new(h)))
    }
}
impl From<ErrorRecord> for Value {
    fn from(e: ErrorRecord) -> Self {
        Value::ErrorRecord(Rc::new(e))
    }
}
impl From<Vec<Value>> for Value {
    fn from(v: Vec<Value>) -> Self {
        Value::array(v)
    }
}
impl From<Vec<String>> for Value {
    fn from(v: Vec<String>) -> Self {
        Value::array(v.into_iter().map(Value::String).collect())
    }
}
impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(v: Option<T>) -> Self {
        v.map(Into::into).unwrap_or(Value::Null)
    }
}

/// .NET-style shortest round-trip text of a double (`R` format, §7.4).
pub fn format_double(n: f64) -> String {
    if n.is_nan() {
        return "NaN".into();
    }
    if n == 0.0 {
        // Negative zero prints as 0, as Windows PowerShell does.
        return "0".into();
    }
    if n.is_infinite() {
        return if n > 0.0 {
            "Infinity".into()
        } else {
            "-Infinity".into()
        };
    }
    let abs = n.abs();
    if abs != 0.0 && !(1e-5..1e15).contains(&abs) {
        let text = format!("{n:e}");
        if let Some((mantissa, exp)) = text.split_once('e') {
            let (sign, digits) = match exp.strip_prefix('-') {
                Some(d) => ('-', d),
                None => ('+', exp),
            };
            return format!("{mantissa}E{sign}{digits:0>2}");
        }
        return text;
    }
    format!("{n}")
}

/// The en-US month names, January first.
pub const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The en-US month name (1-based month).
pub(crate) fn month_name(month: u8) -> &'static str {
    MONTH_NAMES[usize::from(month.clamp(1, 12)) - 1]
}

/// The en-US display form `M/d/yyyy h:mm:ss AM` (§7.4).
pub fn format_date_display(d: &OffsetDateTime) -> String {
    let hour = d.hour();
    let (h12, ampm) = match hour {
        0 => (12, "AM"),
        1..=11 => (hour, "AM"),
        12 => (12, "PM"),
        _ => (hour - 12, "PM"),
    };
    format!(
        "{}/{}/{} {}:{:02}:{:02} {}",
        u8::from(d.month()),
        d.day(),
        d.year(),
        h12,
        d.minute(),
        d.second(),
        ampm
    )
}

/// The invariant string form `MM/dd/yyyy HH:mm:ss` used by string conversion (§4.5).
pub fn format_date_invariant(d: &OffsetDateTime) -> String {
    format!(
        "{:02}/{:02}/{:04} {:02}:{:02}:{:02}",
        u8::from(d.month()),
        d.day(),
        d.year(),
        d.hour(),
        d.minute(),
        d.second()
    )
}

/// .NET's TimeSpan text `[-][d.]hh:mm:ss[.fffffff]`.
pub fn format_timespan(d: &Duration) -> String {
    let negative = d.is_negative();
    let abs = d.abs();
    let total = abs.whole_seconds();
    let days = total / 86_400;
    let hours = (total % 86_400) / 3600;
    let minutes = (total % 3600) / 60;
    let seconds = total % 60;
    let ticks = abs.subsec_nanoseconds() / 100;
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    if days > 0 {
        out.push_str(&format!("{days}."));
    }
    out.push_str(&format!("{hours:02}:{minutes:02}:{seconds:02}"));
    if ticks > 0 {
        out.push_str(&format!(".{ticks:07}"));
    }
    out
}

impl Value {
    /// An array value.
    pub fn array(items: Vec<Value>) -> Value {
        Value::Array(Rc::new(RefCell::new(items)))
    }

    /// A SecureString value.
    pub fn secure(secret: &str) -> Value {
        Value::SecureString(Rc::new(SecureString::new(secret)))
    }

    /// A hashtable value from `(key, value)` pairs.
    pub fn hashtable(pairs: Vec<(&str, Value)>) -> Value {
        let mut h = Hashtable::new();
        for (k, v) in pairs {
            h.insert(Value::from(k), v);
        }
        Value::from(h)
    }

    /// A PSObject value.
    pub fn object(o: PsObject) -> Value {
        o.into()
    }

    /// `true` for `$null`.
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    /// `true` for any numeric value (including argument-mode numbers).
    pub fn is_number(&self) -> bool {
        matches!(
            self,
            Value::Int(_)
                | Value::Long(_)
                | Value::Double(_)
                | Value::Decimal(_)
                | Value::Number(_)
        )
    }

    /// The value without an argument-mode number's source text.
    pub fn numeric(&self) -> Value {
        match self {
            Value::Number(n) => (*n.value).clone(),
            other => other.clone(),
        }
    }

    /// The numeric value as `f64`.
    pub fn to_f64(&self) -> Option<f64> {
        match self {
            Value::Int(n) => Some(f64::from(*n)),
            Value::Long(n) => Some(*n as f64),
            Value::Double(n) | Value::Decimal(n) => Some(*n),
            Value::Number(n) => n.value.to_f64(),
            Value::Bool(b) => Some(if *b { 1.0 } else { 0.0 }),
            Value::Enum(e) => Some(e.value as f64),
            _ => None,
        }
    }

    /// The numeric value as `i64` (doubles round half to even; out of range → `None`).
    pub fn to_i64(&self) -> Option<i64> {
        match self {
            Value::Int(n) => Some(i64::from(*n)),
            Value::Long(n) => Some(*n),
            Value::Double(n) | Value::Decimal(n) => {
                let r = n.round_ties_even();
                if r.is_finite() && r >= i64::MIN as f64 && r <= i64::MAX as f64 {
                    Some(r as i64)
                } else {
                    None
                }
            }
            Value::Number(n) => n.value.to_i64(),
            Value::Bool(b) => Some(i64::from(*b)),
            Value::Enum(e) => Some(e.value),
            _ => None,
        }
    }

    /// The elements when this is an array, else `None`.
    pub fn as_array(&self) -> Option<Vec<Value>> {
        match self {
            Value::Array(a) => Some(a.borrow().clone()),
            _ => None,
        }
    }

    /// Enumerates one level (§4.1): an array's elements, `$null` nothing, else itself.
    pub fn enumerate(&self) -> Vec<Value> {
        match self {
            Value::Array(a) => a.borrow().clone(),
            Value::Null => vec![],
            other => vec![other.clone()],
        }
    }

    /// The string value when this is a string.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// Truthiness (§4.2).
    pub fn is_truthy(&self) -> bool {
        match self {
            Value::Null => false,
            Value::Bool(b) => *b,
            Value::String(s) => !s.is_empty(),
            Value::Array(a) => {
                let a = a.borrow();
                match a.len() {
                    0 => false,
                    1 => a[0].is_truthy(),
                    _ => true,
                }
            }
            Value::Enum(e) => e.value != 0,
            Value::TimeSpan(_) | Value::DateTime(_) => true,
            v if v.is_number() => v.to_f64().is_some_and(|n| n != 0.0),
            _ => true,
        }
    }

    /// A property of an object-like value (no member enumeration; see
    /// [`Value::member`] for the shell's `.Name`).
    pub fn property(&self, name: &str) -> Option<Value> {
        match self {
            Value::Object(o) => match o.borrow().get(name) {
                Some(v) => Some(v.clone()),
                None if name.eq_ignore_ascii_case("PSObject") => Some(psobject_view(&o.borrow())),
                None => None,
            },
            _ => crate::methods::builtin_property(self, name),
        }
    }

    /// Member access with member enumeration (§4.1): `.Name` of a scalar, or of each
    /// element of an array (flattened one level); missing → `$null`.
    pub fn member(&self, name: &str) -> Value {
        match self {
            Value::Array(a) => {
                if name.eq_ignore_ascii_case("Count") || name.eq_ignore_ascii_case("Length") {
                    return Value::Int(a.borrow().len() as i32);
                }
                let mut out = Vec::new();
                for item in a.borrow().iter() {
                    match item.property(name) {
                        Some(Value::Array(inner)) => out.extend(inner.borrow().iter().cloned()),
                        Some(Value::Null) | None => {}
                        Some(v) => out.push(v),
                    }
                }
                match out.len() {
                    0 => Value::Null,
                    1 => out.pop().unwrap_or_default(),
                    _ => Value::array(out),
                }
            }
            Value::Null => {
                if name.eq_ignore_ascii_case("Count") || name.eq_ignore_ascii_case("Length") {
                    Value::Int(0)
                } else {
                    Value::Null
                }
            }
            other => match other.property(name) {
                Some(v) => v,
                None if name.eq_ignore_ascii_case("Count") => Value::Int(1),
                None if name.eq_ignore_ascii_case("Length")
                    && !matches!(other, Value::String(_)) =>
                {
                    Value::Int(1)
                }
                None => Value::Null,
            },
        }
    }

    /// The .NET type name used in messages (`System.String`, `System.Object[]`, …).
    pub fn type_name(&self) -> String {
        match self {
            Value::Null => "null".into(),
            Value::Bool(_) => "System.Boolean".into(),
            Value::Int(_) => "System.Int32".into(),
            Value::Long(_) => "System.Int64".into(),
            Value::Double(_) => "System.Double".into(),
            Value::Decimal(_) => "System.Decimal".into(),
            Value::Number(n) => n.value.type_name(),
            Value::String(_) => "System.String".into(),
            Value::DateTime(_) => "System.DateTime".into(),
            Value::TimeSpan(_) => "System.TimeSpan".into(),
            Value::Enum(e) => e.ty.name.clone(),
            Value::Array(_) => "System.Object[]".into(),
            Value::Hashtable(h) => {
                if h.borrow().ordered {
                    "System.Collections.Specialized.OrderedDictionary".into()
                } else {
                    "System.Collections.Hashtable".into()
                }
            }
            Value::ScriptBlock(_) => "System.Management.Automation.ScriptBlock".into(),
            Value::Object(o) => o.borrow().type_name().to_string(),
            Value::SecureString(_) => "System.Security.SecureString".into(),
            Value::ErrorRecord(_) => "System.Management.Automation.ErrorRecord".into(),
            Value::Format(_) => "FormatRecord".into(),
        }
    }

    /// The string conversion of §4.5 (used by string expansion, String parameters,
    /// `-like`/`-match`, concatenation). Arrays join with `separator`-less single spaces.
    pub fn to_string_form(&self) -> String {
        self.to_string_with_ofs(" ")
    }

    /// The string conversion with an explicit `$OFS` for arrays.
    pub fn to_string_with_ofs(&self, ofs: &str) -> String {
        match self {
            Value::Null => String::new(),
            Value::Bool(true) => "True".into(),
            Value::Bool(false) => "False".into(),
            Value::Int(n) => n.to_string(),
            Value::Long(n) => n.to_string(),
            Value::Double(n) | Value::Decimal(n) => format_double(*n),
            Value::Number(n) => n.text.to_string(),
            Value::String(s) => s.clone(),
            Value::DateTime(d) => format_date_invariant(d),
            Value::TimeSpan(d) => format_timespan(d),
            Value::Enum(e) => e.name(),
            Value::Array(a) => a
                .borrow()
                .iter()
                .map(|v| v.to_string_with_ofs(ofs))
                .collect::<Vec<_>>()
                .join(ofs),
            Value::Hashtable(_) => "System.Collections.Hashtable".into(),
            Value::ScriptBlock(s) => s.text().to_string(),
            Value::Object(o) => {
                let o = o.borrow();
                match &o.string_form {
                    Some(s) => s.clone(),
                    None if o.type_names.is_empty() => {
                        // PSCustomObject's ToString(): `@{A=1; B=2}`.
                        let parts: Vec<String> = o
                            .properties()
                            .iter()
                            .map(|(n, v)| format!("{n}={}", v.to_string_form()))
                            .collect();
                        format!("@{{{}}}", parts.join("; "))
                    }
                    None => o.type_name().to_string(),
                }
            }
            Value::SecureString(_) => "System.Security.SecureString".into(),
            Value::ErrorRecord(e) => e.message.clone(),
            Value::Format(f) => f.render(80).join("\n"),
        }
    }

    /// The display text of a value inside Format-List / Format-Table (§7.4):
    /// dates en-US, collections `{a, b, c, d...}` limited to `enumeration_limit`.
    pub fn display_text(&self, enumeration_limit: usize) -> String {
        match self {
            Value::DateTime(d) => format_date_display(d),
            Value::Array(a) => {
                let a = a.borrow();
                let shown: Vec<String> = a
                    .iter()
                    .take(enumeration_limit)
                    .map(|v| match v {
                        Value::Array(_) => v.type_name(),
                        other => other.display_scalar(),
                    })
                    .collect();
                let more = if a.len() > enumeration_limit {
                    "..."
                } else {
                    ""
                };
                format!("{{{}{}}}", shown.join(", "), more)
            }
            other => other.display_scalar(),
        }
    }

    fn display_scalar(&self) -> String {
        match self {
            Value::DateTime(d) => format_date_display(d),
            Value::Hashtable(_) => self.type_name(),
            other => other.to_string_form(),
        }
    }
}

/// The `.PSObject` intrinsic member of an object: its `Properties` (each with `Name`, `Value`,
/// `MemberType` and `TypeNameOfValue`) and `TypeNames`, read-only copies.
fn psobject_view(object: &PsObject) -> Value {
    let properties: Vec<Value> = object
        .properties()
        .iter()
        .map(|(name, value)| {
            Value::object(
                PsObject::new("System.Management.Automation.PSNoteProperty")
                    .with("Name", name.as_str())
                    .with("MemberType", "NoteProperty")
                    .with("Value", value.clone())
                    .with("TypeNameOfValue", value.type_name())
                    .with_string_form(format!(
                        "{} {}={}",
                        value.type_name().rsplit('.').next().unwrap_or_default(),
                        name,
                        value.to_string_form()
                    )),
            )
        })
        .collect();
    let mut type_names: Vec<Value> = object
        .type_names
        .iter()
        .map(|t| Value::from(t.as_str()))
        .collect();
    type_names.push(Value::from("System.Object"));
    Value::object(
        PsObject::new("System.Management.Automation.PSObject")
            .with("Properties", Value::array(properties))
            .with("TypeNames", Value::array(type_names)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn services() -> Rc<EnumType> {
        EnumType::flags(
            "AllowedServices",
            &[
                ("None", 0),
                ("IMAP", 1),
                ("POP", 2),
                ("UM", 4),
                ("IIS", 8),
                ("SMTP", 16),
            ],
        )
    }

    #[test]
    fn s09_flags_render_ascending_bit_order() {
        let ty = services();
        let v = ty.parse("SMTP, POP,IMAP").unwrap();
        assert_eq!(v.name(), "IMAP, POP, SMTP");
        assert_eq!(ty.parse("0").unwrap().name(), "None");
    }

    #[test]
    fn enum_prefix_and_errors() {
        let ty = services();
        assert_eq!(ty.parse("sm").unwrap().value, 16);
        let err = ty.parse("XYZ").unwrap_err();
        assert_eq!(
            err,
            "Unable to match the identifier name XYZ to a valid enumerator name. Specify one \
             of the following enumerator names and try again:\nNone, IMAP, POP, UM, IIS, SMTP"
        );
        let arr = Value::array(vec!["POP".into(), "IMAP".into()]);
        assert_eq!(ty.convert(&arr).unwrap().name(), "IMAP, POP");
    }

    #[test]
    fn truthiness_4_2() {
        assert!(!Value::Null.is_truthy());
        assert!(!Value::Int(0).is_truthy());
        assert!(Value::from("False").is_truthy());
        assert!(Value::from("0").is_truthy());
        assert!(!Value::from("").is_truthy());
        assert!(!Value::array(vec![]).is_truthy());
        assert!(!Value::array(vec![Value::Int(0)]).is_truthy());
        assert!(Value::array(vec![Value::Int(0), Value::Int(0)]).is_truthy());
    }

    #[test]
    fn display_text_7_4() {
        let arr = Value::array((1..=6).map(Value::Int).collect());
        assert_eq!(arr.display_text(4), "{1, 2, 3, 4...}");
        assert_eq!(Value::array(vec![]).display_text(4), "{}");
        let d = time::macros::datetime!(2008-08-07 10:04:02 UTC);
        assert_eq!(Value::DateTime(d).display_text(4), "8/7/2008 10:04:02 AM");
        assert_eq!(Value::DateTime(d).to_string_form(), "08/07/2008 10:04:02");
        assert_eq!(format_double(1e15), "1E+15");
        assert_eq!(format_double(2.5), "2.5");
        assert_eq!(format_double(3.0), "3");
    }

    #[test]
    fn member_enumeration_4_1() {
        let a = PsObject::new("T").with("Name", "a");
        let b = PsObject::new("T").with("Name", "b");
        let arr = Value::array(vec![a.into(), b.into()]);
        assert_eq!(arr.member("name").to_string_form(), "a b");
        assert_eq!(arr.member("Count"), Value::Int(2));
        assert_eq!(Value::Null.member("Count"), Value::Int(0));
        assert_eq!(Value::from("x").member("Count"), Value::Int(1));
    }

    #[test]
    fn hashtable_keys_ignore_case() {
        let mut h = Hashtable::new();
        h.insert("Name".into(), Value::Int(1));
        h.insert("NAME".into(), Value::Int(2));
        assert_eq!(h.len(), 1);
        assert_eq!(h.get("name"), Some(&Value::Int(2)));
    }

    #[test]
    fn secure_string_never_reveals() {
        let s = Value::SecureString(Rc::new(SecureString::new("hunter2")));
        assert_eq!(s.to_string_form(), "System.Security.SecureString");
        assert!(!format!("{s:?}").contains("hunter2"));
    }
}
