//! The tree-walking evaluator (spec §4, §8.1, §9, §10): statements, expressions,
//! pipelines, command lookup, functions, native commands and redirections.

use std::any::Any;
use std::collections::HashMap;
use std::rc::Rc;

use shell_parser::Span;
use shell_parser::ast::{
    AssignOp, BinaryOp, Block, Command, CommandElement, Expr, ExprKind, FunctionDefinition,
    Invocation, Number, ParamBlock, Pipeline, PipelineElement, RedirectStream, Redirection,
    Statement, StatementKind, StringPart, SwitchOption, UnaryOp, VariablePath,
};
use time::{OffsetDateTime, UtcOffset};

use crate::binder::{
    Arg, Binding, SplatEntry, bind_command_line, bind_command_line_prompting, bind_input,
};
use crate::cmdlet::{BoundHow, BoundParam, Call, Context};
use crate::convert::TypeName;
use crate::error::{ErrorRecord, InvocationInfo, catalogue};
use crate::host::{ConsoleColor, Host};
use crate::methods;
use crate::ops;
use crate::session::{CmdletEntry, Registry};
use crate::signature::{ConfirmImpact, Kind, Param, PipelineInput, Signature};
use crate::value::{
    EnumType, EnumValue, Hashtable, PsObject, ScriptBlockValue, SourceNumber, Value,
};

/// Non-local control flow.
#[derive(Debug)]
pub(crate) enum Flow {
    Break(Option<String>),
    Continue(Option<String>),
    Return,
    Exit(i32),
    /// An error; `true` when script-terminating.
    Error(Box<ErrorRecord>, bool),
}

type R<T> = Result<T, Flow>;

/// ActionPreference numeric values (§9).
pub(crate) mod action {
    pub const SILENTLY_CONTINUE: i64 = 0;
    pub const STOP: i64 = 1;
    pub const CONTINUE: i64 = 2;
    pub const INQUIRE: i64 = 3;
    pub const IGNORE: i64 = 4;
}

/// The per-invocation state of a running command.
pub(crate) struct Frame {
    pub(crate) output: Vec<Value>,
    pub(crate) command: String,
    pub(crate) typed: String,
    pub(crate) span: Span,
    pub(crate) error_action: i64,
    pub(crate) warning_action: i64,
    pub(crate) verbose: bool,
    pub(crate) debug: bool,
    pub(crate) whatif: bool,
    pub(crate) confirm: bool,
    pub(crate) scratch: Option<Box<dyn Any>>,
    pub(crate) stop_error: Option<ErrorRecord>,
    pub(crate) had_error: bool,
    pub(crate) collected_errors: Vec<Value>,
    pub(crate) collected_warnings: Vec<Value>,
    pub(crate) merge_errors: bool,
    pub(crate) discard_errors: bool,
    /// `3>&1` / `*>&1` / `*> file`: warnings join the output as WarningRecords.
    pub(crate) merge_warnings: bool,
    /// `6>&1` / `*>&1` / `*> file`: Write-Host text joins the output as InformationRecords.
    pub(crate) merge_information: bool,
    pub(crate) stop_requested: bool,
}

/// What a function, script block or script running under redirection collects from the
/// commands inside it.
pub(crate) struct Sink {
    errors: bool,
    warnings: bool,
    information: bool,
    values: Vec<Value>,
}

#[derive(Default)]
struct Scope {
    vars: HashMap<String, (String, Value)>,
    functions: HashMap<String, Rc<FunctionInfo>>,
}

/// A function or script block ready to invoke.
pub(crate) struct FunctionInfo {
    pub(crate) name: String,
    pub(crate) block: Rc<ScriptBlockValue>,
    pub(crate) params: Option<ParamBlock>,
    pub(crate) signature: Signature,
    /// A `.ps1` file: `exit N` ends only the script and sets `$LASTEXITCODE`.
    pub(crate) is_script: bool,
}

enum Target<S> {
    Cmdlet(Rc<CmdletEntry<S>>),
    Function(Rc<FunctionInfo>, bool),
    Native(std::path::PathBuf),
}

struct Stage<S> {
    target: Target<S>,
    typed: String,
    span: Span,
    binding: Option<Binding>,
    native_args: Vec<String>,
    redirections: Vec<Redirection>,
}

/// How deep functions and script blocks may nest before CallDepthOverflow.
const MAX_DEPTH: usize = 100;

/// A stage while its pipeline runs.
struct Live<S> {
    stage: Stage<S>,
    frame: Frame,
    base: Option<Call>,
    streaming: bool,
    buffered: Vec<Value>,
    stopped: bool,
    keep_output: bool,
    all_output: Vec<Value>,
}

const PREFERENCE_NAMES: [&str; 4] = [
    "ErrorActionPreference",
    "WarningPreference",
    "VerbosePreference",
    "DebugPreference",
];

/// The interpreter: everything a session owns.
pub(crate) struct Interp<S> {
    pub(crate) state: S,
    pub(crate) host: Box<dyn Host>,
    pub(crate) now: OffsetDateTime,
    pub(crate) registry: Rc<Registry<S>>,
    scopes: Vec<Scope>,
    errors: Vec<Value>,
    pub(crate) last_ok: bool,
    stmt_failed: bool,
    try_depth: usize,
    pub(crate) source: Rc<str>,
    pub(crate) origin: Option<Rc<str>>,
    env: HashMap<String, Option<String>>,
    pending_flow: Option<Flow>,
    /// While a function, script block or script runs under redirection: what its commands
    /// write to the redirected streams (in order), merged into its output (or dropped) when it
    /// returns.
    sinks: Vec<Sink>,
    pref_type: Rc<EnumType>,
    depth: usize,
}

fn collapse(mut values: Vec<Value>) -> Value {
    match values.len() {
        0 => Value::Null,
        1 => values.pop().unwrap_or_default(),
        _ => Value::array(values),
    }
}

fn confirm_impact_type() -> Rc<EnumType> {
    EnumType::new(
        "System.Management.Automation.ConfirmImpact",
        &[("None", 0), ("Low", 1), ("Medium", 2), ("High", 3)],
    )
}

/// Maps a typed parameter's type name to a parameter kind.
fn kind_for_type(type_name: Option<&str>) -> Kind {
    let Some(t) = type_name else {
        return Kind::Object;
    };
    match TypeName::parse(t) {
        TypeName::Int => Kind::Int32,
        TypeName::Long => Kind::Int64,
        TypeName::Double | TypeName::Decimal => Kind::Double,
        TypeName::String => Kind::String,
        TypeName::Bool => Kind::Boolean,
        TypeName::Switch => Kind::Switch,
        TypeName::DateTime => Kind::DateTime,
        TypeName::TimeSpan => Kind::TimeSpan,
        TypeName::StringArray => Kind::StringList,
        TypeName::IntArray => Kind::Int32List,
        TypeName::Array => Kind::ObjectList,
        TypeName::Hashtable | TypeName::Ordered => Kind::Hashtable,
        TypeName::SecureString => Kind::SecureString,
        TypeName::ScriptBlock => Kind::ScriptBlock,
        _ => Kind::Object,
    }
}

fn literal_text(e: &Expr) -> Option<String> {
    match &e.kind {
        ExprKind::String { parts, .. } => {
            let mut s = String::new();
            for p in parts {
                match p {
                    StringPart::Literal(t) => s.push_str(t),
                    _ => return None,
                }
            }
            Some(s)
        }
        ExprKind::Variable(v) => Some(v.name.clone()),
        _ => None,
    }
}

/// Comment-based help (`.SYNOPSIS`, `.DESCRIPTION`, `.PARAMETER Name`) read into a function's
/// signature, so Get-Help shows it as it shows a cmdlet's. Other keywords are kept out.
fn apply_comment_help(signature: &mut Signature, help: &str) {
    let text = help.trim().trim_start_matches("<#").trim_end_matches("#>");
    let mut sections: Vec<(String, Option<String>, Vec<&str>)> = Vec::new();
    for line in text.lines() {
        let trimmed = line.trim();
        if let Some(keyword) = trimmed.strip_prefix('.') {
            let mut words = keyword.split_whitespace();
            if let Some(word) = words.next()
                && word.chars().all(|c| c.is_ascii_alphabetic())
            {
                sections.push((
                    word.to_ascii_uppercase(),
                    words.next().map(str::to_string),
                    Vec::new(),
                ));
                continue;
            }
        }
        if let Some((_, _, lines)) = sections.last_mut() {
            lines.push(trimmed);
        }
    }
    let joined = |lines: &[&str]| lines.join("\n").trim().to_string();
    for (keyword, argument, lines) in &sections {
        match (keyword.as_str(), argument) {
            ("SYNOPSIS", _) => signature.summary = joined(lines),
            ("DESCRIPTION", _) => signature.description = joined(lines),
            ("PARAMETER", Some(name)) => {
                if let Some(param) = signature
                    .params
                    .iter_mut()
                    .find(|p| p.name.eq_ignore_ascii_case(name))
                {
                    param.help = joined(lines);
                }
            }
            _ => {}
        }
    }
}

/// The automatic variables of a running script file: `$PSScriptRoot` (its directory),
/// `$PSCommandPath` (its path) and `$MyInvocation` (with `MyCommand.Path`/`Name`), absolute
/// as PowerShell gives them.
fn script_variables(typed: &str) -> Vec<(&'static str, Value)> {
    let path = std::path::absolute(crate::file_path(typed))
        .unwrap_or_else(|_| std::path::PathBuf::from(typed));
    let full = path.display().to_string();
    let root = path
        .parent()
        .map(|parent| parent.display().to_string())
        .unwrap_or_default();
    let name = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    let command = crate::value::PsObject::new("System.Management.Automation.ExternalScriptInfo")
        .with("Name", name.as_str())
        .with("Path", full.as_str())
        .with("Definition", full.as_str())
        .with("CommandType", "ExternalScript")
        .with("Source", full.as_str())
        .with_string_form(name);
    let invocation = crate::value::PsObject::new("System.Management.Automation.InvocationInfo")
        .with("MyCommand", Value::object(command))
        .with("InvocationName", typed)
        .with("ScriptName", "")
        .with("PSScriptRoot", root.as_str())
        .with("PSCommandPath", full.as_str())
        .with("Line", "")
        .with_string_form("System.Management.Automation.InvocationInfo".to_owned());
    vec![
        ("PSScriptRoot", Value::from(root)),
        ("PSCommandPath", Value::from(full)),
        ("MyInvocation", Value::object(invocation)),
    ]
}

/// A `CultureInfo` (Name; its string form is the name).
fn culture(name: &str) -> Value {
    Value::object(
        crate::value::PsObject::new("System.Globalization.CultureInfo")
            .with("Name", name)
            .with(
                "DisplayName",
                if name.is_empty() {
                    "Invariant Language (Invariant Country)"
                } else {
                    "English (United States)"
                },
            )
            .with_string_form(name.to_owned()),
    )
}

/// ArrayList and List[T]: arrays that grow in place (decisions.md).
fn is_collection_type(short: &str) -> bool {
    matches!(short, "collections.arraylist" | "arraylist") || crate::convert::is_generic_list(short)
}

/// A warning that joined the output (`3>&1`): shown as `WARNING: text`.
fn warning_record(text: &str) -> Value {
    Value::object(
        crate::value::PsObject::new("System.Management.Automation.WarningRecord")
            .with("Message", text)
            .with_string_form(text.to_owned()),
    )
}

/// Write-Host text that joined the output (`6>&1`): an InformationRecord showing its text.
fn information_record(text: &str) -> Value {
    Value::object(
        crate::value::PsObject::new("System.Management.Automation.InformationRecord")
            .with("MessageData", text)
            .with("Tags", Value::array(vec![Value::from("PSHOST")]))
            .with_string_form(text.to_owned()),
    )
}

/// `$Host`: the console host as scripts read it (`$Host.Name`, `$Host.Version`,
/// `$Host.UI.RawUI.BufferSize.Width`) and set it (`$Host.UI.RawUI.WindowTitle`: kept, not
/// shown).
fn host_object(width: usize) -> Value {
    use crate::value::PsObject;
    let size = |height: i32| {
        Value::object(
            PsObject::new("System.Management.Automation.Host.Size")
                .with("Width", i32::try_from(width).unwrap_or(120))
                .with("Height", height)
                .with_string_form(format!("{width},{height}")),
        )
    };
    let raw =
        PsObject::new("System.Management.Automation.Internal.Host.InternalHostRawUserInterface")
            .with("ForegroundColor", "Gray")
            .with("BackgroundColor", "Black")
            .with("BufferSize", size(3000))
            .with("WindowSize", size(50))
            .with("WindowTitle", "certsh");
    let ui = PsObject::new("System.Management.Automation.Internal.Host.InternalHostUserInterface")
        .with("RawUI", Value::object(raw));
    Value::object(
        PsObject::new("System.Management.Automation.Internal.Host.InternalHost")
            .with("Name", "ConsoleHost")
            .with("Version", ps_version())
            .with("CurrentCulture", "en-US")
            .with("CurrentUICulture", "en-US")
            .with("UI", Value::object(ui))
            .with_string_form("System.Management.Automation.Internal.Host.InternalHost".to_owned()),
    )
}

/// `$PSVersionTable.PSVersion`: a System.Version 5.1 (the language level certsh follows), so
/// that scripts' `$PSVersionTable.PSVersion.Major -ge 3` checks work.
fn ps_version() -> Value {
    let object = crate::value::PsObject::new("System.Version")
        .with("Major", 5)
        .with("Minor", 1)
        .with("Build", -1)
        .with("Revision", -1)
        .with_string_form("5.1".to_owned());
    Value::object(object)
}

/// Builds a signature from a `param()` block (functions and script blocks).
fn signature_from_params(name: &str, params: Option<&ParamBlock>) -> Signature {
    let mut sig = Signature::new(name);
    sig.script_function = true;
    let Some(block) = params else {
        return sig.param(Param::new("__Args", Kind::ObjectList).remaining());
    };
    let advanced = block
        .attributes
        .iter()
        .any(|a| a.name.eq_ignore_ascii_case("CmdletBinding"))
        || block.params.iter().any(|p| {
            p.attributes
                .iter()
                .any(|a| a.name.eq_ignore_ascii_case("Parameter"))
        });
    let any_position = block.params.iter().any(|p| {
        p.attributes.iter().any(|a| {
            a.named
                .iter()
                .any(|(n, _)| n.eq_ignore_ascii_case("Position"))
        })
    });
    let mut next_position = 0;
    for decl in &block.params {
        let kind = kind_for_type(decl.type_name.as_ref().map(|t| t.item.as_str()));
        let mut param = Param::new(&decl.name.item, kind.clone());
        let mut positioned = false;
        for attr in &decl.attributes {
            if attr.name.eq_ignore_ascii_case("AllowNull")
                || attr.name.eq_ignore_ascii_case("AllowEmptyString")
                || attr.name.eq_ignore_ascii_case("AllowEmptyCollection")
            {
                param = param.allow_null();
            }
            if attr.name.eq_ignore_ascii_case("Alias") {
                for a in &attr.positional {
                    if let Some(t) = literal_text(a) {
                        param = param.alias(&t);
                    }
                }
            }
            if !attr.name.eq_ignore_ascii_case("Parameter") {
                continue;
            }
            for (n, v) in &attr.named {
                let truthy = v.as_ref().is_none_or(|e| !matches!(&e.kind, ExprKind::Variable(p) if p.name.eq_ignore_ascii_case("false")));
                match n.to_ascii_lowercase().as_str() {
                    "parametersetname" => {
                        if let Some(set) = v.as_ref().and_then(literal_text) {
                            param = param.in_set(&set);
                        }
                    }
                    _ => {
                        let _ = truthy;
                    }
                }
            }
            for (n, v) in &attr.named {
                let truthy = v.as_ref().is_none_or(|e| !matches!(&e.kind, ExprKind::Variable(p) if p.name.eq_ignore_ascii_case("false")));
                match n.to_ascii_lowercase().as_str() {
                    "mandatory" if truthy => param = param.mandatory(),
                    "valuefrompipeline" if truthy => {
                        param = param.from_pipeline(PipelineInput::ByValue)
                    }
                    "valuefrompipelinebypropertyname" if truthy => {
                        param = param.from_pipeline(PipelineInput::ByPropertyName)
                    }
                    "valuefromremainingarguments" if truthy => param = param.remaining(),
                    "position" => {
                        if let Some(ExprKind::Number {
                            value: Number::Int(p),
                            ..
                        }) = v.as_ref().map(|e| &e.kind)
                        {
                            param = param.position(usize::try_from(*p).unwrap_or(0));
                            positioned = true;
                        }
                    }
                    _ => {}
                }
            }
        }
        if !any_position && !positioned && !kind.is_switch() {
            param = param.position(next_position);
            next_position += 1;
        }
        sig = sig.param(param);
    }
    if !advanced {
        sig = sig.param(Param::new("__Args", Kind::ObjectList).remaining());
    }
    // [CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'High')]
    for attr in block
        .attributes
        .iter()
        .filter(|a| a.name.eq_ignore_ascii_case("CmdletBinding"))
    {
        let supports = attr.named.iter().any(|(n, v)| {
            n.eq_ignore_ascii_case("SupportsShouldProcess")
                && v.as_ref().is_none_or(|e| !matches!(&e.kind, ExprKind::Variable(p) if p.name.eq_ignore_ascii_case("false")))
        });
        if supports {
            let impact = attr
                .named
                .iter()
                .find(|(n, _)| n.eq_ignore_ascii_case("ConfirmImpact"))
                .and_then(|(_, v)| v.as_ref().and_then(literal_text))
                .map(|t| match t.to_ascii_lowercase().as_str() {
                    "high" => ConfirmImpact::High,
                    "low" => ConfirmImpact::Low,
                    "none" => ConfirmImpact::None,
                    _ => ConfirmImpact::Medium,
                })
                .unwrap_or(ConfirmImpact::Medium);
            sig = sig.supports_should_process(impact);
        }
    }
    sig
}

/// The type name of `$PSCmdlet` in advanced functions.
const PSCMDLET_TYPE: &str = "System.Management.Automation.PSScriptCmdlet";

impl<S> Interp<S> {
    pub(crate) fn new(
        state: S,
        host: Box<dyn Host>,
        now: OffsetDateTime,
        registry: Rc<Registry<S>>,
    ) -> Self {
        let pref_type = crate::signature::action_preference_type();
        let mut interp = Interp {
            state,
            host,
            now,
            registry,
            scopes: vec![Scope::default()],
            errors: Vec::new(),
            last_ok: true,
            stmt_failed: false,
            try_depth: 0,
            source: Rc::from(""),
            origin: None,
            env: HashMap::new(),
            pending_flow: None,
            sinks: Vec::new(),
            pref_type: pref_type.clone(),
            depth: 0,
        };
        let pref = |name: &str| {
            Value::Enum(EnumValue::named(&pref_type, name).unwrap_or(EnumValue {
                ty: pref_type.clone(),
                value: 2,
            }))
        };
        interp.set_variable("ErrorActionPreference", pref("Continue"));
        interp.set_variable("WarningPreference", pref("Continue"));
        interp.set_variable("VerbosePreference", pref("SilentlyContinue"));
        interp.set_variable("DebugPreference", pref("SilentlyContinue"));
        let ci = confirm_impact_type();
        interp.set_variable(
            "ConfirmPreference",
            Value::Enum(EnumValue { ty: ci, value: 3 }),
        );
        interp.set_variable("WhatIfPreference", Value::Bool(false));
        interp.set_variable("FormatEnumerationLimit", Value::Int(4));
        let width = interp.host.width();
        interp.set_variable("Host", host_object(width));
        interp.set_variable("ProgressPreference", pref("Continue"));
        interp
    }

    /// Sets `$PSScriptRoot`, `$PSCommandPath` and `$MyInvocation` for a script file run at
    /// the top level.
    pub(crate) fn set_script_globals(&mut self, typed: &str) {
        for (name, value) in script_variables(typed) {
            self.set_variable_scoped(Some("global"), name, value);
        }
    }

    pub(crate) fn local_offset(&self) -> UtcOffset {
        self.now.offset()
    }

    // ----- variables -------------------------------------------------------------------

    pub(crate) fn get_variable(&self, name: &str) -> Option<Value> {
        let lower = name.to_lowercase();
        match lower.as_str() {
            "true" => return Some(Value::Bool(true)),
            "false" => return Some(Value::Bool(false)),
            "null" => return Some(Value::Null),
            "?" => return Some(Value::Bool(self.last_ok)),
            "error" => return Some(Value::array(self.errors.clone())),
            "psitem" => return self.get_variable("_"),
            _ => {}
        }
        let found = self
            .scopes
            .iter()
            .rev()
            .find_map(|s| s.vars.get(&lower).map(|(_, v)| v.clone()));
        if found.is_some() {
            return found;
        }
        // Automatic variables computed on demand.
        match lower.as_str() {
            "home" => self.env_var("HOME").map(Value::String),
            "pwd" => std::env::current_dir()
                .ok()
                .map(|d| Value::String(d.display().to_string())),
            "pid" => Some(Value::Int(
                i32::try_from(std::process::id()).unwrap_or(i32::MAX),
            )),
            "psversiontable" => Some(Value::hashtable(vec![
                ("PSVersion", ps_version()),
                ("PSEdition", Value::from("Desktop")),
                (
                    "PSCompatibleVersions",
                    Value::array(
                        ["1.0", "2.0", "3.0", "4.0", "5.0", "5.1"]
                            .into_iter()
                            .map(Value::from)
                            .collect(),
                    ),
                ),
            ])),
            _ => None,
        }
    }

    /// Every variable visible from the current scope (inner scopes hide outer ones),
    /// with the automatic ones, sorted by name ignoring case.
    pub(crate) fn visible_variables(&self) -> Vec<(String, Value)> {
        let mut map: std::collections::BTreeMap<String, (String, Value)> = Default::default();
        for scope in &self.scopes {
            for (lower, (name, value)) in &scope.vars {
                map.insert(lower.clone(), (name.clone(), value.clone()));
            }
        }
        for name in [
            "true",
            "false",
            "null",
            "?",
            "Error",
            "HOME",
            "PID",
            "PSVersionTable",
            "PWD",
        ] {
            let lower = name.to_lowercase();
            if !map.contains_key(&lower)
                && let Some(v) = self.get_variable(name)
            {
                map.insert(lower, (name.to_string(), v));
            }
        }
        map.into_values().collect()
    }

    fn get_variable_path(&self, path: &VariablePath) -> Value {
        match path
            .scope
            .as_deref()
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("env") => self
                .env_var(&path.name)
                .map(Value::String)
                .unwrap_or_default(),
            Some("global") | Some("script") => self.scopes[0]
                .vars
                .get(&path.name.to_lowercase())
                .map(|(_, v)| v.clone())
                .unwrap_or_default(),
            Some("local") => self
                .scopes
                .last()
                .and_then(|s| s.vars.get(&path.name.to_lowercase()))
                .map(|(_, v)| v.clone())
                .unwrap_or_default(),
            _ => self.get_variable(&path.name).unwrap_or_default(),
        }
    }

    pub(crate) fn env_var(&self, name: &str) -> Option<String> {
        if let Some(v) = self.env.get(name) {
            return v.clone();
        }
        std::env::var(name).ok()
    }

    fn normalise_preference(&self, name: &str, value: Value) -> Value {
        if PREFERENCE_NAMES
            .iter()
            .any(|p| p.eq_ignore_ascii_case(name))
            && let Ok(e) = self.pref_type.convert(&value)
        {
            return Value::Enum(e);
        }
        if name.eq_ignore_ascii_case("ConfirmPreference")
            && let Ok(e) = confirm_impact_type().convert(&value)
        {
            return Value::Enum(e);
        }
        value
    }

    pub(crate) fn set_variable(&mut self, name: &str, value: Value) {
        let value = self.normalise_preference(name, value);
        if let Some(scope) = self.scopes.last_mut() {
            scope
                .vars
                .insert(name.to_lowercase(), (name.to_string(), value));
        }
    }

    /// Removes a variable from the innermost scope that defines it.
    pub(crate) fn remove_variable(&mut self, name: &str) -> bool {
        let lower = name.to_lowercase();
        self.scopes
            .iter_mut()
            .rev()
            .any(|scope| scope.vars.remove(&lower).is_some())
    }

    pub(crate) fn set_variable_scoped(&mut self, scope: Option<&str>, name: &str, value: Value) {
        let value = self.normalise_preference(name, value);
        let lower = scope.map(str::to_ascii_lowercase);
        let index = match lower.as_deref() {
            Some("global") | Some("script") => 0,
            Some("env") => {
                let text = if value.is_null() {
                    None
                } else {
                    Some(value.to_string_form())
                };
                self.env.insert(name.to_string(), text);
                return;
            }
            Some(n) if n.parse::<usize>().is_ok() => {
                let up = n.parse::<usize>().unwrap_or(0);
                self.scopes.len().saturating_sub(1 + up)
            }
            _ => self.scopes.len() - 1,
        };
        self.scopes[index]
            .vars
            .insert(name.to_lowercase(), (name.to_string(), value));
    }

    fn preference(&self, name: &str, default: i64) -> i64 {
        self.get_variable(name)
            .and_then(|v| self.pref_type.convert(&v).ok())
            .map(|e| e.value)
            .unwrap_or(default)
    }

    fn eap_is_stop(&self) -> bool {
        self.preference("ErrorActionPreference", action::CONTINUE) == action::STOP
    }

    pub(crate) fn push_error(&mut self, record: &ErrorRecord) {
        self.errors
            .insert(0, Value::ErrorRecord(Rc::new(record.clone())));
        self.errors.truncate(256);
    }

    /// Reports an error at statement level: host + `$Error`, `$?` false.
    pub(crate) fn report(&mut self, record: &ErrorRecord) {
        self.push_error(record);
        self.host.write_error(record);
        self.stmt_failed = true;
    }

    fn lookup_function(&self, name: &str) -> Option<Rc<FunctionInfo>> {
        let lower = name.to_lowercase();
        self.scopes
            .iter()
            .rev()
            .find_map(|s| s.functions.get(&lower).cloned())
    }

    pub(crate) fn function_signatures(&self) -> Vec<(String, Signature)> {
        let mut out: Vec<(String, Signature)> = Vec::new();
        for scope in &self.scopes {
            for f in scope.functions.values() {
                out.retain(|(n, _)| !n.eq_ignore_ascii_case(&f.name));
                out.push((f.name.clone(), f.signature.clone()));
            }
        }
        out.sort_by_key(|a| a.0.to_lowercase());
        out
    }

    // ----- errors ------------------------------------------------------------------------

    /// Fills in where an error happened when the record does not say.
    pub(crate) fn locate(
        &self,
        mut record: ErrorRecord,
        span: Span,
        command: Option<&str>,
    ) -> ErrorRecord {
        match &mut record.invocation {
            Some(inv) => {
                if inv.source.is_empty() {
                    inv.source = self.source.clone();
                    inv.origin = self.origin.clone();
                }
                if inv.command_name.is_none() {
                    inv.command_name = command.map(str::to_string);
                }
            }
            None => {
                record.invocation = Some(InvocationInfo {
                    command_name: command.map(str::to_string),
                    origin: self.origin.clone(),
                    source: self.source.clone(),
                    span,
                });
            }
        }
        record
    }

    fn fail(&self, record: ErrorRecord, span: Span) -> Flow {
        Flow::Error(Box::new(self.locate(record, span, None)), false)
    }

    pub(crate) fn frame_write_error(&mut self, frame: &mut Frame, record: ErrorRecord) {
        let mut record = self.locate(record, frame.span, Some(&frame.typed));
        if record.activity.is_empty() && !record.bare_id {
            record.activity = frame.command.clone();
        }
        frame.had_error = true;
        self.stmt_failed = true;
        frame
            .collected_errors
            .push(Value::ErrorRecord(Rc::new(record.clone())));
        if frame.discard_errors {
            self.push_error(&record);
            return;
        }
        if frame.merge_errors {
            self.push_error(&record);
            frame.output.push(Value::ErrorRecord(Rc::new(record)));
            return;
        }
        match frame.error_action {
            action::INQUIRE => {
                // Inquire asks the host; a host that cannot prompt makes it Stop (§9).
                self.push_error(&record);
                self.host.write_error(&record);
                let question = "Confirm\nThe running command stopped because the preference variable \"ErrorActionPreference\" or common parameter is set to Inquire. Continue with this operation?";
                if self.host.prompt_confirm("Confirm", question) != Some(true)
                    && frame.stop_error.is_none()
                {
                    frame.stop_error = Some(record);
                }
            }
            action::STOP => {
                if frame.stop_error.is_none() {
                    frame.stop_error = Some(record);
                }
            }
            action::SILENTLY_CONTINUE => self.push_error(&record),
            action::IGNORE => {}
            _ => {
                self.push_error(&record);
                match self.sinks.iter_mut().rev().find(|sink| sink.errors) {
                    Some(sink) => sink.values.push(Value::ErrorRecord(Rc::new(record))),
                    None => self.host.write_error(&record),
                }
            }
        }
    }

    pub(crate) fn frame_write_warning(&mut self, frame: &mut Frame, text: &str) {
        frame.collected_warnings.push(Value::from(text));
        match frame.warning_action {
            action::SILENTLY_CONTINUE | action::IGNORE => {}
            action::STOP | action::INQUIRE => {
                self.host.write_warning(text);
                if frame.stop_error.is_none() {
                    let rec = ErrorRecord::new(
                        format!(
                            "The running command stopped because the preference variable \"WarningPreference\" or common parameter is set to Stop: {text}"
                        ),
                        "ActionPreferenceStop",
                        crate::error::ErrorCategory::OperationStopped,
                    )
                    .with_reason("ActionPreferenceStopException");
                    frame.stop_error = Some(self.locate(rec, frame.span, Some(&frame.typed)));
                }
            }
            _ => {
                if frame.merge_warnings {
                    frame.output.push(warning_record(text));
                } else if let Some(sink) = self.sinks.iter_mut().rev().find(|sink| sink.warnings) {
                    sink.values.push(warning_record(text));
                } else {
                    self.host.write_warning(text);
                }
            }
        }
    }

    /// Write-Host text: to the host, or as an InformationRecord into the output under
    /// `6>&1` / `*>&1` (on this command or an enclosing function call).
    pub(crate) fn frame_write_information(
        &mut self,
        frame: &mut Frame,
        text: &str,
        newline: bool,
        colors: (Option<ConsoleColor>, Option<ConsoleColor>),
    ) {
        if frame.merge_information {
            frame.output.push(information_record(text));
        } else if let Some(sink) = self.sinks.iter_mut().rev().find(|sink| sink.information) {
            sink.values.push(information_record(text));
        } else {
            self.host
                .write_host_colored(text, newline, colors.0, colors.1);
        }
    }

    // ----- statements ------------------------------------------------------------------

    /// Runs statements, reporting statement-terminating errors and continuing (§8.1).
    pub(crate) fn exec_statements(&mut self, stmts: &[Statement], out: &mut Vec<Value>) -> R<()> {
        for st in stmts {
            self.exec_one(st, out)?;
        }
        Ok(())
    }

    fn exec_one(&mut self, st: &Statement, out: &mut Vec<Value>) -> R<()> {
        let outer_failed = self.stmt_failed;
        self.stmt_failed = false;
        let result = self.exec_statement(st, out);
        let result = match result {
            Err(Flow::Error(rec, false)) => {
                if self.try_depth > 0 || self.eap_is_stop() {
                    Err(Flow::Error(rec, true))
                } else {
                    self.report(&rec);
                    Ok(())
                }
            }
            other => other,
        };
        if !matches!(st.kind, StatementKind::Function(_)) {
            self.last_ok = !self.stmt_failed;
        }
        self.stmt_failed = outer_failed || self.stmt_failed;
        if matches!(result, Err(Flow::Error(_, _))) {
            self.last_ok = false;
        }
        result
    }

    fn exec_block(&mut self, block: &Block, out: &mut Vec<Value>) -> R<()> {
        self.exec_statements(&block.statements, out)
    }

    fn loop_control(flow: Flow, label: &Option<String>) -> Result<bool, Flow> {
        // Ok(true) = break out of this loop, Ok(false) = continue with the next iteration.
        let mine = |l: &Option<String>| match l {
            None => true,
            Some(l) => label.as_ref().is_some_and(|x| x.eq_ignore_ascii_case(l)),
        };
        match flow {
            Flow::Break(l) if mine(&l) => Ok(true),
            Flow::Continue(l) if mine(&l) => Ok(false),
            other => Err(other),
        }
    }

    fn exec_statement(&mut self, st: &Statement, out: &mut Vec<Value>) -> R<()> {
        match &st.kind {
            StatementKind::Pipeline(p) => self.eval_pipeline(p, out),
            StatementKind::Assignment { target, op, value } => {
                let rhs = self.statement_value(value)?;
                self.assign(target, *op, rhs)
            }
            StatementKind::If { clauses, else_body } => {
                for (cond, body) in clauses {
                    if self.pipeline_value(cond)?.is_truthy() {
                        return self.exec_block(body, out);
                    }
                }
                if let Some(body) = else_body {
                    self.exec_block(body, out)?;
                }
                Ok(())
            }
            StatementKind::Foreach {
                label,
                variable,
                collection,
                body,
            } => {
                let mut items = Vec::new();
                self.eval_pipeline(collection, &mut items)?;
                for item in items {
                    self.set_variable(&variable.item, item);
                    if let Err(flow) = self.exec_block(body, out)
                        && Self::loop_control(flow, label)?
                    {
                        break;
                    }
                }
                Ok(())
            }
            StatementKind::While {
                label,
                condition,
                body,
            } => {
                while self.pipeline_value(condition)?.is_truthy() {
                    if let Err(flow) = self.exec_block(body, out)
                        && Self::loop_control(flow, label)?
                    {
                        break;
                    }
                }
                Ok(())
            }
            StatementKind::DoLoop {
                label,
                body,
                condition,
                until,
            } => {
                loop {
                    if let Err(flow) = self.exec_block(body, out)
                        && Self::loop_control(flow, label)?
                    {
                        break;
                    }
                    let c = self.pipeline_value(condition)?.is_truthy();
                    if c == *until {
                        break;
                    }
                }
                Ok(())
            }
            StatementKind::For {
                label,
                init,
                condition,
                step,
                body,
            } => {
                if let Some(init) = init {
                    let mut sink = Vec::new();
                    self.exec_statement(init, &mut sink)?;
                    out.extend(sink);
                }
                loop {
                    if let Some(c) = condition
                        && !self.pipeline_value(c)?.is_truthy()
                    {
                        break;
                    }
                    if let Err(flow) = self.exec_block(body, out)
                        && Self::loop_control(flow, label)?
                    {
                        break;
                    }
                    if let Some(step) = step {
                        let mut sink = Vec::new();
                        self.exec_statement(step, &mut sink)?;
                        out.extend(sink);
                    }
                }
                Ok(())
            }
            StatementKind::Switch {
                label,
                options,
                value,
                clauses,
            } => self.exec_switch(label, options, value, clauses, out),
            StatementKind::Try {
                body,
                catches,
                finally,
            } => self.exec_try(body, catches, finally, out),
            StatementKind::Function(def) => {
                self.define_function(def);
                Ok(())
            }
            StatementKind::Exit(p) => {
                let v = match p {
                    Some(p) => self.pipeline_value(p)?,
                    None => Value::Int(0),
                };
                let code = crate::convert::to_int32(&v.numeric()).unwrap_or(0);
                Err(Flow::Exit(code))
            }
            StatementKind::Throw(p) => {
                let v = match p {
                    Some(p) => self.pipeline_value(p)?,
                    None => self
                        .get_variable("_")
                        .filter(|v| matches!(v, Value::ErrorRecord(_)))
                        .unwrap_or_default(),
                };
                let rec = match &v {
                    Value::ErrorRecord(r) => (**r).clone(),
                    other => {
                        let mut r = ErrorRecord::thrown(other);
                        r.invocation = Some(InvocationInfo {
                            command_name: None,
                            origin: self.origin.clone(),
                            source: self.source.clone(),
                            span: st.span,
                        });
                        r
                    }
                };
                Err(Flow::Error(Box::new(rec), true))
            }
            StatementKind::Return(p) => {
                if let Some(p) = p {
                    self.eval_pipeline(p, out)?;
                }
                Err(Flow::Return)
            }
            StatementKind::Break(l) => Err(Flow::Break(l.clone())),
            StatementKind::Continue(l) => Err(Flow::Continue(l.clone())),
        }
    }

    fn exec_switch(
        &mut self,
        label: &Option<String>,
        options: &[SwitchOption],
        value: &Pipeline,
        clauses: &[(Option<Expr>, Block)],
        out: &mut Vec<Value>,
    ) -> R<()> {
        let v = self.pipeline_value(value)?;
        let items = match v {
            Value::Array(a) => a.borrow().clone(),
            other => vec![other],
        };
        let sensitive = options.contains(&SwitchOption::CaseSensitive);
        let mode = options
            .iter()
            .rev()
            .find(|o| !matches!(o, SwitchOption::CaseSensitive))
            .copied();
        let saved = self.get_variable("_");
        let mut result = Ok(());
        'items: for item in items {
            self.set_variable("_", item.clone());
            let mut matched = false;
            for (pattern, body) in clauses {
                let Some(pattern) = pattern else { continue };
                let hit = match &pattern.kind {
                    ExprKind::ScriptBlock(_) => {
                        let sb = self.eval_expr(pattern)?;
                        match sb {
                            Value::ScriptBlock(b) => self
                                .run_block_here(&b, Some(item.clone()))?
                                .iter()
                                .any(Value::is_truthy),
                            _ => false,
                        }
                    }
                    _ => {
                        let pv = self.eval_expr(pattern)?;
                        match mode {
                            Some(SwitchOption::Wildcard) => ops::like(&item, &pv, sensitive),
                            Some(SwitchOption::Regex) => {
                                let (hit, caps) = ops::regex_match(&item, &pv, sensitive)
                                    .map_err(|e| self.fail(e, pattern.span))?;
                                if let Some(c) = caps {
                                    self.set_variable("Matches", c);
                                }
                                hit
                            }
                            _ => ops::values_equal(&item, &pv, sensitive, self.local_offset()),
                        }
                    }
                };
                if hit {
                    matched = true;
                    match self.exec_block(body, out) {
                        Ok(()) => {}
                        Err(Flow::Break(l))
                            if l.is_none()
                                || l.as_ref()
                                    .zip(label.as_ref())
                                    .is_some_and(|(a, b)| a.eq_ignore_ascii_case(b)) =>
                        {
                            break 'items;
                        }
                        Err(Flow::Continue(l))
                            if l.is_none()
                                || l.as_ref()
                                    .zip(label.as_ref())
                                    .is_some_and(|(a, b)| a.eq_ignore_ascii_case(b)) =>
                        {
                            continue 'items;
                        }
                        Err(other) => {
                            result = Err(other);
                            break 'items;
                        }
                    }
                }
            }
            if !matched {
                for (pattern, body) in clauses {
                    if pattern.is_none() {
                        match self.exec_block(body, out) {
                            Ok(()) => {}
                            Err(Flow::Break(None)) => break 'items,
                            Err(Flow::Continue(None)) => continue 'items,
                            Err(other) => {
                                result = Err(other);
                                break 'items;
                            }
                        }
                    }
                }
            }
        }
        self.set_variable("_", saved.unwrap_or_default());
        result
    }

    fn exec_try(
        &mut self,
        body: &Block,
        catches: &[shell_parser::ast::CatchClause],
        finally: &Option<Block>,
        out: &mut Vec<Value>,
    ) -> R<()> {
        self.try_depth += 1;
        let result = self.exec_block(body, out);
        self.try_depth -= 1;
        let result = match result {
            Err(Flow::Error(rec, _)) => {
                let clause = catches.iter().find(|c| {
                    c.types.is_empty()
                        || c.types.iter().any(|t| {
                            let t = t.item.to_ascii_lowercase();
                            let short = t.rsplit('.').next().unwrap_or(&t).to_string();
                            matches!(
                                short.as_str(),
                                "exception" | "runtimeexception" | "systemexception"
                            ) || short == rec.reason.to_ascii_lowercase()
                                || short == rec.error_id.to_ascii_lowercase()
                        })
                });
                match clause {
                    Some(c) => {
                        let saved = self.get_variable("_");
                        // A caught error is added to `$Error` (§8.1) but does not make
                        // the try statement fail; errors inside the catch body do.
                        self.push_error(&rec);
                        self.stmt_failed = false;
                        let value = Value::ErrorRecord(Rc::new((*rec).clone()));
                        self.set_variable("_", value);
                        let r = self.exec_block(&c.body, out);
                        self.set_variable("_", saved.unwrap_or_default());
                        r
                    }
                    None => Err(Flow::Error(rec, true)),
                }
            }
            other => other,
        };
        if let Some(f) = finally {
            self.exec_block(f, out)?;
        }
        result
    }

    fn define_function(&mut self, def: &FunctionDefinition) {
        let params = def.params.clone().or_else(|| def.body.params.clone());
        let mut signature = signature_from_params(&def.name.item, params.as_ref());
        if let Some(help) = &def.help {
            apply_comment_help(&mut signature, help);
        }
        let info = FunctionInfo {
            name: def.name.item.clone(),
            block: Rc::new(ScriptBlockValue {
                block: def.body.clone(),
                source: self.source.clone(),
                origin: self.origin.clone(),
            }),
            params,
            signature,
            is_script: false,
        };
        if let Some(scope) = self.scopes.last_mut() {
            scope
                .functions
                .insert(def.name.item.to_lowercase(), Rc::new(info));
        }
    }

    // ----- values of statements and pipelines -------------------------------------------

    /// The value of a statement used as an expression (assignment right-hand sides,
    /// `( … )`, hashtable entries): a lone expression keeps its value; otherwise the
    /// output is collapsed (none → `$null`, one → scalar, more → array).
    fn statement_value(&mut self, st: &Statement) -> R<Value> {
        if let StatementKind::Pipeline(p) = &st.kind
            && p.elements.len() == 1
            && let PipelineElement::Expression { expr, redirections } = &p.elements[0]
            && redirections.is_empty()
        {
            return self.eval_expr(expr);
        }
        let mut out = Vec::new();
        self.exec_statement(st, &mut out)?;
        Ok(collapse(out))
    }

    fn pipeline_value(&mut self, p: &Pipeline) -> R<Value> {
        if p.elements.len() == 1
            && let PipelineElement::Expression { expr, redirections } = &p.elements[0]
            && redirections.is_empty()
        {
            return self.eval_expr(expr);
        }
        let mut out = Vec::new();
        self.eval_pipeline(p, &mut out)?;
        Ok(collapse(out))
    }

    fn eval_pipeline(&mut self, p: &Pipeline, out: &mut Vec<Value>) -> R<()> {
        let mut input: Option<Vec<Value>> = None;
        let mut stages: Vec<Stage<S>> = Vec::new();
        for (i, el) in p.elements.iter().enumerate() {
            match el {
                PipelineElement::Expression { expr, redirections } => {
                    let v = self.eval_expr(expr)?;
                    let silent = matches!(
                        &expr.kind,
                        ExprKind::Unary {
                            op: UnaryOp::PostIncrement
                                | UnaryOp::PostDecrement
                                | UnaryOp::PreIncrement
                                | UnaryOp::PreDecrement,
                            ..
                        }
                    ) || matches!(&expr.kind, ExprKind::Cast { type_name, .. } if type_name.eq_ignore_ascii_case("void"));
                    let mut values = if silent { vec![] } else { v.enumerate() };
                    if !redirections.is_empty() {
                        let mut frame_errors = Vec::new();
                        values = self.apply_redirections(
                            redirections,
                            values,
                            &mut frame_errors,
                            expr.span,
                        )?;
                    }
                    input = Some(values);
                }
                PipelineElement::Command(cmd) => {
                    let has_input = i > 0 || input.is_some();
                    stages.push(self.prepare(cmd, has_input, i + 1)?);
                }
            }
        }
        if stages.is_empty() {
            out.extend(input.unwrap_or_default());
            return Ok(());
        }
        self.run_streaming(stages, input, out)
    }

    /// Runs prepared stages one input object at a time (§4.1): each object a cmdlet
    /// writes goes straight to the next command, so `Select-Object -First` can stop
    /// the commands before it. Functions, native commands and commands with file
    /// redirections collect their input and run when the input ends.
    fn run_streaming(
        &mut self,
        stages: Vec<Stage<S>>,
        input: Option<Vec<Value>>,
        out: &mut Vec<Value>,
    ) -> R<()> {
        let first_has_input = input.is_some();
        let mut live: Vec<Live<S>> = stages.into_iter().map(|st| self.make_live(st)).collect();
        for i in 0..live.len() {
            if live[i].streaming {
                self.begin_stage(&mut live[i])?;
                if self.drain(&mut live, i, out)? {
                    break;
                }
            }
        }
        match input {
            Some(values) => {
                for v in values {
                    if live[0].stopped || self.push(&mut live, 0, v, out)? {
                        break;
                    }
                }
            }
            None => {
                if live[0].streaming && !live[0].stopped {
                    self.run_item(&mut live[0], None)?;
                    self.drain(&mut live, 0, out)?;
                }
            }
        }
        for i in 0..live.len() {
            if live[i].stopped {
                continue;
            }
            if live[i].streaming {
                self.end_stage(&mut live[i])?;
            } else {
                let items = std::mem::take(&mut live[i].buffered);
                let stage_input = if i == 0 && !first_has_input {
                    None
                } else {
                    Some(items)
                };
                self.finish_collecting(&mut live[i], stage_input)?;
            }
            self.drain(&mut live, i, out)?;
        }
        // Common parameters -OutVariable / -ErrorVariable (§9).
        for l in &live {
            if let Some(b) = &l.stage.binding {
                if let Some(name) = b.value("OutVariable").map(Value::to_string_form) {
                    self.store_variable_param(&name, l.all_output.clone());
                }
                if let Some(name) = b.value("ErrorVariable").map(Value::to_string_form) {
                    self.store_variable_param(&name, l.frame.collected_errors.clone());
                }
                if let Some(name) = b.value("WarningVariable").map(Value::to_string_form) {
                    self.store_variable_param(&name, l.frame.collected_warnings.clone());
                }
            }
        }
        Ok(())
    }

    fn make_live(&mut self, stage: Stage<S>) -> Live<S> {
        let frame = self.make_frame(&stage);
        let collects_output = stage.redirections.iter().any(|r| match r {
            Redirection::ToFile {
                stream: RedirectStream::Error,
                target,
                ..
            } => !self.is_null_target(target),
            Redirection::ToFile { .. } => true,
            Redirection::Merge { .. } => false,
        });
        let streaming = matches!(stage.target, Target::Cmdlet(_)) && !collects_output;
        let base = match (&stage.target, &stage.binding) {
            (Target::Cmdlet(e), Some(b)) => Some(Call {
                name: e.signature.name.clone(),
                typed_name: stage.typed.clone(),
                span: stage.span,
                parameter_set: b.set.clone(),
                params: b.bound_params(),
            }),
            _ => None,
        };
        let keep_output = stage
            .binding
            .as_ref()
            .is_some_and(|b| b.value("OutVariable").is_some());
        Live {
            stage,
            frame,
            base,
            streaming,
            buffered: Vec::new(),
            stopped: false,
            keep_output,
            all_output: Vec::new(),
        }
    }

    /// Passes one object to stage `i` (or to the statement's output after the last
    /// stage). Returns `true` when the commands upstream of `i` must stop.
    fn push(
        &mut self,
        live: &mut [Live<S>],
        i: usize,
        item: Value,
        out: &mut Vec<Value>,
    ) -> R<bool> {
        if i == live.len() {
            out.push(item);
            return Ok(false);
        }
        if !live[i].streaming {
            live[i].buffered.push(item);
            return Ok(false);
        }
        self.run_item(&mut live[i], Some(item))?;
        self.drain(live, i, out)
    }

    /// Sends what stage `i` wrote downstream. Returns `true` when upstream must stop.
    fn drain(&mut self, live: &mut [Live<S>], i: usize, out: &mut Vec<Value>) -> R<bool> {
        let outputs = std::mem::take(&mut live[i].frame.output);
        if live[i].keep_output {
            live[i].all_output.extend(outputs.iter().cloned());
        }
        for o in outputs {
            if self.push(live, i + 1, o, out)? {
                for l in live.iter_mut().take(i + 1) {
                    l.stopped = true;
                }
                return Ok(true);
            }
        }
        if live[i].frame.stop_requested {
            for l in live.iter_mut().take(i) {
                l.stopped = true;
            }
            return Ok(true);
        }
        Ok(false)
    }

    fn raise_stop(&mut self, live: &mut Live<S>) -> R<()> {
        let Some(mut rec) = live.frame.stop_error.take() else {
            return Ok(());
        };
        rec.invocation.get_or_insert_with(|| InvocationInfo {
            command_name: Some(live.stage.typed.clone()),
            origin: self.origin.clone(),
            source: self.source.clone(),
            span: live.stage.span,
        });
        Err(Flow::Error(Box::new(rec), true))
    }

    fn begin_stage(&mut self, live: &mut Live<S>) -> R<()> {
        let (Target::Cmdlet(entry), Some(base)) = (&live.stage.target, &live.base) else {
            return Ok(());
        };
        let entry = entry.clone();
        let r = {
            let mut cx = Context {
                interp: self,
                frame: &mut live.frame,
            };
            entry.cmdlet.begin(base, &mut cx)
        };
        self.cmdlet_result(r, &live.frame)?;
        self.raise_stop(live)
    }

    fn end_stage(&mut self, live: &mut Live<S>) -> R<()> {
        let (Target::Cmdlet(entry), Some(base)) = (&live.stage.target, &live.base) else {
            return Ok(());
        };
        let entry = entry.clone();
        let r = {
            let mut cx = Context {
                interp: self,
                frame: &mut live.frame,
            };
            entry.cmdlet.end(base, &mut cx)
        };
        self.cmdlet_result(r, &live.frame)?;
        self.raise_stop(live)
    }

    /// The call for one input object: delay-bind script blocks evaluated with `$_` set,
    /// then pipeline binding (§5.8).
    fn input_call(
        &mut self,
        base: &Call,
        binding: &Binding,
        item: &Value,
        span: Span,
    ) -> Result<Call, ErrorRecord> {
        let offset = self.local_offset();
        let delayed: Vec<usize> = binding
            .bound
            .iter()
            .enumerate()
            .filter(|(_, b)| b.as_ref().is_some_and(|b| b.how == BoundHow::DelayBind))
            .map(|(i, _)| i)
            .collect();
        let mut call = base.clone();
        if delayed.is_empty() {
            call.params.extend(bind_input(binding, item, span, offset)?);
            return Ok(call);
        }
        let mut per_item = binding.clone();
        for idx in delayed {
            let Some(bound) = per_item.bound[idx].clone() else {
                continue;
            };
            let Value::ScriptBlock(block) = &bound.value else {
                continue;
            };
            let result = self.invoke_block_for_cmdlet(block, Some(item.clone()), vec![], false)?;
            self.pending_flow = None;
            let param = &per_item.params[idx];
            let value = crate::convert::convert_argument(&param.kind, &collapse(result), offset)
                .map_err(|e| {
                    let (text, error) = match e {
                        crate::convert::ConvertArgumentError::Refused { source_type } => {
                            (source_type, String::new())
                        }
                        crate::convert::ConvertArgumentError::Failed { value_text, error } => {
                            (value_text, error)
                        }
                    };
                    catalogue::cannot_convert_no_message(
                        &param.name,
                        &text,
                        &param.kind.display_name(),
                        &error,
                        &binding.command,
                    )
                    .with_span(bound.span)
                })?;
            let replaced = BoundParam { value, ..bound };
            for p in call.params.iter_mut().filter(|p| p.name == replaced.name) {
                *p = replaced.clone();
            }
            per_item.bound[idx] = Some(replaced);
        }
        match bind_input(&per_item, item, span, offset) {
            Ok(extra) => call.params.extend(extra),
            // The delay-bind parameters consumed the input object.
            Err(e) if e.error_id == "InputObjectNotBound" => {}
            Err(e) => return Err(e),
        }
        Ok(call)
    }

    /// Runs a streaming cmdlet for one input object (or once with none).
    fn run_item(&mut self, live: &mut Live<S>, item: Option<Value>) -> R<()> {
        let (Target::Cmdlet(entry), Some(base), Some(binding)) =
            (&live.stage.target, &live.base, &live.stage.binding)
        else {
            return Ok(());
        };
        let entry = entry.clone();
        let call = match item {
            None => base.clone(),
            Some(item) => match self.input_call(base, binding, &item, live.stage.span) {
                Ok(call) => call,
                Err(rec) => {
                    self.frame_write_error(&mut live.frame, rec);
                    return self.raise_stop(live);
                }
            },
        };
        let r = {
            let mut cx = Context {
                interp: self,
                frame: &mut live.frame,
            };
            entry.cmdlet.run(&call, &mut cx)
        };
        self.cmdlet_result(r, &live.frame)?;
        self.raise_stop(live)
    }

    // ----- commands ----------------------------------------------------------------------

    fn resolve(&self, name: &str) -> Option<Target<S>> {
        if let Some(f) = self.lookup_function(name) {
            return Some(Target::Function(f, false));
        }
        let target = self
            .registry
            .aliases
            .iter()
            .find(|(a, _)| a.eq_ignore_ascii_case(name))
            .map(|(_, t)| t.clone())
            .unwrap_or_else(|| name.to_string());
        if let Some(f) = self.lookup_function(&target) {
            return Some(Target::Function(f, false));
        }
        if let Some(e) = self.registry.find(&target) {
            return Some(Target::Cmdlet(e));
        }
        None
    }

    fn find_native(&self, name: &str) -> Option<std::path::PathBuf> {
        use std::os::unix::fs::PermissionsExt;
        let executable = |p: &std::path::Path| {
            std::fs::metadata(p).is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
        };
        if name.contains('/') {
            let p = std::path::PathBuf::from(name);
            return executable(&p).then_some(p);
        }
        let path = self.env_var("PATH")?;
        std::env::split_paths(&path)
            .map(|dir| dir.join(name))
            .find(|p| executable(p))
    }

    /// Loads `path.ps1` as a command (`& .\\x.ps1 args`, `./x.ps1`): `None` when the file
    /// does not exist; a parse failure is a statement-terminating error.
    /// Script text as a block of its own (Invoke-Expression), or its parse errors as a record.
    pub(crate) fn compile_text(&mut self, text: &str) -> Result<Rc<ScriptBlockValue>, ErrorRecord> {
        let script = shell_parser::parse(text)
            .map_err(|errors| catalogue::parse_failure(&errors.errors, Rc::from(text), None))?;
        let block = shell_parser::ast::ScriptBlock {
            params: script.params,
            statements: script.statements,
            begin: None,
            process: None,
            end: None,
            span: script.span,
            text: text.to_owned(),
        };
        Ok(Rc::new(ScriptBlockValue {
            block,
            source: Rc::from(text),
            origin: None,
        }))
    }

    pub(crate) fn load_script_file(&mut self, typed: &str) -> R<Option<Rc<FunctionInfo>>> {
        let path = typed.replace('\\', "/");
        let Ok(text) = std::fs::read_to_string(&path) else {
            return Ok(None);
        };
        let script = match shell_parser::parse(&text) {
            Ok(s) => s,
            Err(errors) => {
                let rec = catalogue::parse_failure(
                    &errors.errors,
                    Rc::from(text.as_str()),
                    Some(Rc::from(typed)),
                );
                return Err(Flow::Error(Box::new(rec), false));
            }
        };
        let block = shell_parser::ast::ScriptBlock {
            params: script.params.clone(),
            statements: script.statements,
            begin: None,
            process: None,
            end: None,
            span: script.span,
            text: text.clone(),
        };
        let signature = signature_from_params(typed, script.params.as_ref());
        Ok(Some(Rc::new(FunctionInfo {
            name: typed.to_string(),
            block: Rc::new(ScriptBlockValue {
                block,
                source: Rc::from(text.as_str()),
                origin: Some(Rc::from(typed)),
            }),
            params: script.params,
            signature,
            is_script: true,
        })))
    }

    fn eval_args(&mut self, cmd: &Command) -> R<(Vec<Arg>, Vec<SplatEntry>)> {
        let mut args = Vec::new();
        let mut splat = Vec::new();
        for el in &cmd.elements {
            match el {
                CommandElement::Parameter {
                    name,
                    colon_arg,
                    with_colon,
                    span,
                } => {
                    let colon = match colon_arg {
                        Some(e) => Some(self.eval_expr(e)?),
                        None => None,
                    };
                    args.push(Arg::Param {
                        name: name.clone(),
                        colon,
                        with_colon: *with_colon,
                        span: *span,
                        arg_span: colon_arg.as_ref().map(|e| e.span),
                    });
                }
                CommandElement::EndOfParameters(_) => args.push(Arg::EndOfParameters),
                CommandElement::Argument(e) => match &e.kind {
                    ExprKind::Splat(path) => match self.get_variable_path(path) {
                        Value::Hashtable(h) => {
                            for (k, v) in h.borrow().iter() {
                                splat.push(SplatEntry {
                                    name: k.to_string_form(),
                                    value: v.clone(),
                                    span: e.span,
                                });
                            }
                        }
                        Value::Array(a) => {
                            for v in a.borrow().iter() {
                                args.push(Arg::Value(v.clone(), e.span));
                            }
                        }
                        Value::Null => {}
                        other => args.push(Arg::Value(other, e.span)),
                    },
                    _ => {
                        let v = self.eval_expr(e)?;
                        args.push(Arg::Value(v, e.span));
                    }
                },
            }
        }
        Ok((args, splat))
    }

    fn prepare(&mut self, cmd: &Command, has_input: bool, stage_position: usize) -> R<Stage<S>> {
        let name_value = match (&cmd.invocation, &cmd.name.kind) {
            (_, ExprKind::String { .. }) => self.eval_expr(&cmd.name)?,
            (Invocation::Plain, _) => self.eval_expr(&cmd.name)?,
            _ => self.eval_expr(&cmd.name)?,
        };
        let dot = cmd.invocation == Invocation::DotSource;
        let (target, typed) = match &name_value {
            Value::ScriptBlock(b) => {
                let sig = signature_from_params("", b.block.params.as_ref());
                let info = FunctionInfo {
                    name: String::new(),
                    block: b.clone(),
                    params: b.block.params.clone(),
                    signature: sig,
                    is_script: false,
                };
                (Target::Function(Rc::new(info), dot), String::new())
            }
            other => {
                let typed = other.to_string_form();
                let found = self.resolve(&typed).or_else(|| {
                    if typed.contains('-') || typed.contains('/') {
                        None
                    } else {
                        self.resolve(&format!("Get-{typed}"))
                    }
                });
                let found = match found {
                    Some(Target::Function(f, _)) => Some(Target::Function(f, dot)),
                    Some(t) => Some(t),
                    None if typed.to_ascii_lowercase().ends_with(".ps1") => self
                        .load_script_file(&typed)?
                        .map(|f| Target::Function(f, dot)),
                    None => self.find_native(&typed).map(Target::Native),
                };
                match found {
                    Some(t) => (t, typed),
                    None => {
                        let rec = self.locate(
                            catalogue::command_not_found(&typed),
                            cmd.name.span,
                            Some(&typed),
                        );
                        return Err(Flow::Error(Box::new(rec), false));
                    }
                }
            }
        };
        let (args, splat) = self.eval_args(cmd)?;
        let offset = self.local_offset();
        let binding = match &target {
            Target::Cmdlet(e) => Some(&*e.signature),
            Target::Function(f, _) => Some(&f.signature),
            Target::Native(_) => None,
        }
        .map(|sig| {
            let host = &mut self.host;
            let position = stage_position;
            let mut ask = |p: &Param, first: bool| {
                // Mandatory-parameter prompting (design §8.4) as PowerShell words it.
                let header = if first {
                    format!(
                        "cmdlet {} at command pipeline position {position}\nSupply values for the following parameters:\n",
                        sig.name
                    )
                } else {
                    String::new()
                };
                host.read_line(&format!("{header}{}: ", p.name))
            };
            bind_command_line_prompting(sig, &args, &splat, has_input, cmd.span, offset, &mut ask)
        })
        .transpose()
        .map_err(|rec| {
            let prefix = if typed.is_empty() {
                None
            } else {
                Some(typed.as_str())
            };
            Flow::Error(Box::new(self.locate(rec, cmd.span, prefix)), false)
        })?;
        let native_args = if matches!(target, Target::Native(_)) {
            args.iter()
                .flat_map(|a| match a {
                    Arg::Param {
                        name,
                        colon: Some(v),
                        ..
                    } => vec![format!("-{name}:{}", v.to_string_form())],
                    Arg::Param {
                        name, with_colon, ..
                    } => vec![if *with_colon {
                        format!("-{name}:")
                    } else {
                        format!("-{name}")
                    }],
                    Arg::Value(v, _) => v.enumerate().iter().map(Value::to_string_form).collect(),
                    Arg::EndOfParameters => vec!["--".to_string()],
                })
                .collect()
        } else {
            Vec::new()
        };
        Ok(Stage {
            target,
            typed,
            span: cmd.span,
            binding,
            native_args,
            redirections: cmd.redirections.clone(),
        })
    }

    fn new_frame(
        &self,
        command: &str,
        typed: &str,
        span: Span,
        binding: Option<&Binding>,
        impact: Option<ConfirmImpact>,
    ) -> Frame {
        let pref = |name: &str, var: &str, default: i64| -> i64 {
            binding
                .and_then(|b| b.value(name))
                .and_then(|v| self.pref_type.convert(v).ok())
                .map(|e| e.value)
                .unwrap_or_else(|| self.preference(var, default))
        };
        let switch_or = |name: &str, default: bool| -> bool {
            binding
                .and_then(|b| b.value(name))
                .map(Value::is_truthy)
                .unwrap_or(default)
        };
        let verbose = switch_or(
            "Verbose",
            self.preference("VerbosePreference", 0) != action::SILENTLY_CONTINUE,
        );
        let debug = switch_or(
            "Debug",
            self.preference("DebugPreference", 0) != action::SILENTLY_CONTINUE,
        );
        let (whatif, confirm) = match impact {
            None => (false, false),
            Some(impact) => {
                let whatif = switch_or(
                    "WhatIf",
                    self.get_variable("WhatIfPreference")
                        .is_some_and(|v| v.is_truthy()),
                );
                let pref = self
                    .get_variable("ConfirmPreference")
                    .and_then(|v| confirm_impact_type().convert(&v).ok())
                    .map(|e| e.value)
                    .unwrap_or(3);
                let impact_n = match impact {
                    ConfirmImpact::None => 0,
                    ConfirmImpact::Low => 1,
                    ConfirmImpact::Medium => 2,
                    ConfirmImpact::High => 3,
                };
                let by_pref = pref != 0 && impact_n >= pref;
                let forced = binding
                    .and_then(|b| b.value("Force"))
                    .is_some_and(Value::is_truthy);
                let confirm = match binding.and_then(|b| b.value("Confirm")) {
                    Some(v) => v.is_truthy(),
                    None => by_pref && !forced,
                };
                (whatif, confirm)
            }
        };
        Frame {
            output: Vec::new(),
            command: command.to_string(),
            typed: typed.to_string(),
            span,
            error_action: pref("ErrorAction", "ErrorActionPreference", action::CONTINUE),
            warning_action: pref("WarningAction", "WarningPreference", action::CONTINUE),
            verbose,
            debug,
            whatif,
            confirm,
            scratch: None,
            stop_error: None,
            had_error: false,
            collected_errors: Vec::new(),
            collected_warnings: Vec::new(),
            merge_errors: false,
            discard_errors: false,
            merge_warnings: false,
            merge_information: false,
            stop_requested: false,
        }
    }

    fn make_frame(&mut self, stage: &Stage<S>) -> Frame {
        let (command, impact) = match &stage.target {
            Target::Cmdlet(e) => (e.signature.name.clone(), e.signature.should_process),
            Target::Function(f, _) => (f.name.clone(), f.signature.should_process),
            Target::Native(p) => (p.display().to_string(), None),
        };
        let mut frame = self.new_frame(
            &command,
            &stage.typed,
            stage.span,
            stage.binding.as_ref(),
            impact,
        );
        for r in &stage.redirections {
            match r {
                Redirection::Merge {
                    from: RedirectStream::Error,
                    ..
                } => frame.merge_errors = true,
                Redirection::Merge {
                    from: RedirectStream::Warning,
                    ..
                } => frame.merge_warnings = true,
                Redirection::Merge {
                    from: RedirectStream::Information,
                    ..
                } => frame.merge_information = true,
                Redirection::Merge {
                    from: RedirectStream::All,
                    ..
                } => {
                    frame.merge_errors = true;
                    frame.merge_warnings = true;
                    frame.merge_information = true;
                }
                Redirection::ToFile {
                    stream: RedirectStream::Error,
                    target,
                    ..
                } if self.is_null_target(target) => frame.discard_errors = true,
                Redirection::ToFile {
                    stream: RedirectStream::Error,
                    ..
                } => frame.merge_errors = true,
                Redirection::ToFile {
                    stream: RedirectStream::All,
                    ..
                } => {
                    frame.merge_errors = true;
                    frame.merge_warnings = true;
                    frame.merge_information = true;
                }
                _ => {}
            }
        }
        frame
    }

    /// Runs a collecting stage over its whole input, then applies its redirections;
    /// what remains is left in the frame's output for the next stage.
    fn finish_collecting(&mut self, live: &mut Live<S>, input: Option<Vec<Value>>) -> R<()> {
        let stage = &live.stage;
        let frame = &mut live.frame;
        match &stage.target {
            Target::Cmdlet(entry) => self.run_cmdlet(entry.clone(), stage, frame, input)?,
            Target::Function(f, dot) => self.run_function(f.clone(), *dot, stage, frame, input)?,
            Target::Native(path) => self.run_native(path.clone(), stage, frame, input)?,
        }
        self.raise_stop(live)?;
        if !live.stage.redirections.is_empty() {
            let output = std::mem::take(&mut live.frame.output);
            let mut errs = Vec::new();
            let span = live.stage.span;
            live.frame.output =
                self.apply_redirections(&live.stage.redirections, output, &mut errs, span)?;
        }
        Ok(())
    }

    fn store_variable_param(&mut self, name: &str, values: Vec<Value>) {
        match name.strip_prefix('+') {
            Some(n) => {
                let mut existing = self
                    .get_variable(n)
                    .map(|v| v.enumerate())
                    .unwrap_or_default();
                existing.extend(values);
                self.set_variable(n, Value::array(existing));
            }
            None => self.set_variable(name, Value::array(values)),
        }
    }

    fn is_null_target(&mut self, target: &Expr) -> bool {
        matches!(&target.kind, ExprKind::Variable(p) if p.name.eq_ignore_ascii_case("null") && p.scope.is_none())
    }

    /// `>`, `>>`, `2>&1`, `2>$null`, `*>`: file redirection goes through the registered
    /// Out-File command.
    fn apply_redirections(
        &mut self,
        redirections: &[Redirection],
        mut values: Vec<Value>,
        _errors: &mut Vec<Value>,
        span: Span,
    ) -> R<Vec<Value>> {
        for r in redirections {
            if let Redirection::ToFile {
                stream,
                append,
                target,
                span: rspan,
            } = r
            {
                if !matches!(
                    stream,
                    RedirectStream::Output | RedirectStream::All | RedirectStream::Error
                ) {
                    continue;
                }
                if matches!(stream, RedirectStream::Error) && !matches!(stream, RedirectStream::All)
                {
                    // Errors were merged into the output by the frame; keep only them.
                    if self.is_null_target(target) {
                        continue;
                    }
                    let (errs, rest): (Vec<Value>, Vec<Value>) = values
                        .into_iter()
                        .partition(|v| matches!(v, Value::ErrorRecord(_)));
                    values = rest;
                    let path = self.eval_expr(target)?;
                    self.out_file(errs, &path, *append, *rspan)?;
                    continue;
                }
                if self.is_null_target(target) {
                    values.clear();
                    continue;
                }
                let path = self.eval_expr(target)?;
                let taken = std::mem::take(&mut values);
                self.out_file(taken, &path, *append, *rspan)?;
            }
        }
        let _ = span;
        Ok(values)
    }

    fn out_file(&mut self, values: Vec<Value>, path: &Value, append: bool, span: Span) -> R<()> {
        let Some(entry) = self.registry.find("Out-File") else {
            let rec = catalogue::runtime(
                "Redirection to a file needs the Out-File command, which is not registered.",
                "RedirectionNotAvailable",
            );
            return Err(self.fail(rec, span));
        };
        let mut args = vec![Arg::Value(path.clone(), span)];
        if append {
            args.push(Arg::Param {
                name: "Append".into(),
                colon: None,
                with_colon: false,
                span,
                arg_span: None,
            });
        }
        let offset = self.local_offset();
        let binding =
            bind_command_line(&entry.signature, &args, &[], true, span, offset).map_err(|rec| {
                Flow::Error(Box::new(self.locate(rec, span, Some("Out-File"))), false)
            })?;
        let stage = Stage {
            target: Target::Cmdlet(entry.clone()),
            typed: "Out-File".into(),
            span,
            binding: Some(binding),
            native_args: vec![],
            redirections: vec![],
        };
        let mut live = self.make_live(stage);
        live.streaming = false;
        self.finish_collecting(&mut live, Some(values))
    }

    fn cmdlet_result(&mut self, r: Result<(), ErrorRecord>, frame: &Frame) -> R<()> {
        match r {
            Ok(()) => {
                // A cmdlet that handled a failed script block itself keeps going.
                self.pending_flow = None;
                Ok(())
            }
            Err(rec) => {
                let script = match self.pending_flow.take() {
                    Some(Flow::Error(_, s)) => s,
                    Some(other) => return Err(other),
                    None => false,
                };
                let mut rec = self.locate(rec, frame.span, Some(&frame.typed));
                if rec.activity.is_empty() && !rec.bare_id {
                    rec.activity = frame.command.clone();
                }
                Err(Flow::Error(Box::new(rec), script))
            }
        }
    }

    fn run_cmdlet(
        &mut self,
        entry: Rc<CmdletEntry<S>>,
        stage: &Stage<S>,
        frame: &mut Frame,
        input: Option<Vec<Value>>,
    ) -> R<()> {
        let Some(binding) = &stage.binding else {
            return Ok(());
        };
        let base = Call {
            name: entry.signature.name.clone(),
            typed_name: stage.typed.clone(),
            span: stage.span,
            parameter_set: binding.set.clone(),
            params: binding.bound_params(),
        };
        let r = {
            let mut cx = Context {
                interp: self,
                frame,
            };
            entry.cmdlet.begin(&base, &mut cx)
        };
        self.cmdlet_result(r, frame)?;
        match input {
            None => {
                let r = {
                    let mut cx = Context {
                        interp: self,
                        frame,
                    };
                    entry.cmdlet.run(&base, &mut cx)
                };
                self.cmdlet_result(r, frame)?;
            }
            Some(items) => {
                for item in items {
                    if frame.stop_requested || frame.stop_error.is_some() {
                        break;
                    }
                    match self.input_call(&base, binding, &item, stage.span) {
                        Ok(call) => {
                            let r = {
                                let mut cx = Context {
                                    interp: self,
                                    frame,
                                };
                                entry.cmdlet.run(&call, &mut cx)
                            };
                            self.cmdlet_result(r, frame)?;
                        }
                        Err(rec) => self.frame_write_error(frame, rec),
                    }
                }
            }
        }
        if frame.stop_error.is_some() {
            return Ok(());
        }
        let r = {
            let mut cx = Context {
                interp: self,
                frame,
            };
            entry.cmdlet.end(&base, &mut cx)
        };
        self.cmdlet_result(r, frame)
    }

    /// The first bound argument that fails a `[ValidateSet()]`, `[ValidateRange()]`,
    /// `[ValidatePattern()]`, `[ValidateCount()]`, `[ValidateLength()]`, `[ValidateScript()]`,
    /// `[ValidateNotNull()]` or `[ValidateNotNullOrEmpty()]` attribute of
    /// the function's parameters (each element of an array argument is checked), with the span
    /// of that argument.
    fn validate_function_params(
        &mut self,
        f: &FunctionInfo,
        params: &[BoundParam],
    ) -> R<Option<(ErrorRecord, Span)>> {
        let Some(block) = f.params.as_ref() else {
            return Ok(None);
        };
        let offset = self.local_offset();
        for decl in &block.params {
            let name = &decl.name.item;
            let Some(bound) = params.iter().find(|p| p.name.eq_ignore_ascii_case(name)) else {
                continue;
            };
            let items = match &bound.value {
                Value::Array(_) => bound.value.enumerate(),
                other => vec![other.clone()],
            };
            for attr in &decl.attributes {
                let mut args = Vec::new();
                for e in &attr.positional {
                    args.push(self.eval_expr(e)?);
                }
                let detail = match attr.name.to_ascii_lowercase().as_str() {
                    "validatenotnull" if items.iter().any(Value::is_null) => {
                        Some("The argument is null. Provide a valid value for the argument, and then try running the command again.".to_string())
                    }
                    "validatenotnullorempty"
                        if items.is_empty()
                            || items
                                .iter()
                                .any(|v| v.is_null() || v.to_string_form().is_empty()) =>
                    {
                        Some("The argument is null or empty. Provide an argument that is not null or empty, and then try the command again.".to_string())
                    }
                    "validateset" => items
                        .iter()
                        .find(|v| !args.iter().any(|a| ops::values_equal(a, v, false, offset)))
                        .map(|v| {
                            let set: Vec<String> = args.iter().map(Value::to_string_form).collect();
                            format!(
                                "The argument \"{}\" does not belong to the set \"{}\" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again.",
                                v.to_string_form(),
                                set.join(",")
                            )
                        }),
                    "validaterange" if args.len() == 2 => items.iter().find_map(|v| {
                        let (min, max) = (&args[0], &args[1]);
                        if ops::compare_values(v, min, false, offset) == Some(std::cmp::Ordering::Less) {
                            Some(format!(
                                "The {} argument is less than the minimum allowed range of {}. Supply an argument that is greater than or equal to {} and then try the command again.",
                                v.to_string_form(),
                                min.to_string_form(),
                                min.to_string_form()
                            ))
                        } else if ops::compare_values(v, max, false, offset)
                            == Some(std::cmp::Ordering::Greater)
                        {
                            Some(format!(
                                "The {} argument is greater than the maximum allowed range of {}. Supply an argument that is less than or equal to {} and then try the command again.",
                                v.to_string_form(),
                                max.to_string_form(),
                                max.to_string_form()
                            ))
                        } else {
                            None
                        }
                    }),
                    "validatecount" if args.len() == 2 => {
                        let count = items.len();
                        let (min, max) = (args[0].to_string_form(), args[1].to_string_form());
                        let too_few = min.parse::<usize>().is_ok_and(|m| count < m);
                        let too_many = max.parse::<usize>().is_ok_and(|m| count > m);
                        if too_many {
                            Some(format!(
                                "The number of provided arguments, ({count}), exceeds the maximum number of allowed arguments ({max}). Provide fewer than {max} arguments, and then try the command again."
                            ))
                        } else if too_few {
                            Some(format!(
                                "The number of provided arguments ({count}) is fewer than the minimum number of allowed arguments ({min}). Provide more than {min} arguments, and then try the command again."
                            ))
                        } else {
                            None
                        }
                    }
                    "validatelength" if args.len() == 2 => {
                        let (min, max) = (args[0].to_string_form(), args[1].to_string_form());
                        items.iter().find_map(|v| {
                            let len = v.to_string_form().chars().count();
                            if max.parse::<usize>().is_ok_and(|m| len > m) {
                                Some(format!(
                                    "The character length of the {len} argument is too long. Shorten the character length of the argument so it is fewer than or equal to \"{max}\" characters, and then try the command again."
                                ))
                            } else if min.parse::<usize>().is_ok_and(|m| len < m) {
                                Some(format!(
                                    "The character length ({len}) of the argument is too short. Specify an argument with a length that is greater than or equal to \"{min}\", and then try the command again."
                                ))
                            } else {
                                None
                            }
                        })
                    }
                    "validatescript" if !args.is_empty() => {
                        let mut failed = None;
                        if let Value::ScriptBlock(block) = &args[0] {
                            for v in &items {
                                let out = self
                                    .invoke_block_for_cmdlet(block, Some(v.clone()), Vec::new(), false)
                                    .map_err(|rec| self.fail(rec, attr.span))?;
                                if !Value::array(out).is_truthy() {
                                    failed = Some(format!(
                                        "The \"{}\" validation script for the argument with value \"{}\" did not return a result of True. Determine why the validation script failed, and then try the command again.",
                                        block.text().trim(),
                                        v.to_string_form()
                                    ));
                                    break;
                                }
                            }
                        }
                        failed
                    }
                    "validatepattern" if !args.is_empty() => {
                        let mut failed = None;
                        for v in &items {
                            let (hit, _) = ops::regex_match(v, &args[0], false)
                                .map_err(|rec| self.fail(rec, attr.span))?;
                            if !hit {
                                let pattern = args[0].to_string_form();
                                failed = Some(format!(
                                    "The argument \"{}\" does not match the \"{pattern}\" pattern. Supply an argument that matches \"{pattern}\" and try the command again.",
                                    v.to_string_form()
                                ));
                                break;
                            }
                        }
                        failed
                    }
                    _ => None,
                };
                if let Some(detail) = detail {
                    let rec = catalogue::argument_validation(name, &detail, &f.name);
                    return Ok(Some((rec, bound.span)));
                }
            }
        }
        Ok(None)
    }

    fn bind_function_params(&mut self, decls: Option<&ParamBlock>, params: &[BoundParam]) -> R<()> {
        let mut bound_table = Hashtable::new();
        let offset = self.local_offset();
        if let Some(block) = decls {
            for decl in &block.params {
                let name = &decl.name.item;
                let value = match params.iter().find(|p| p.name.eq_ignore_ascii_case(name)) {
                    Some(b) => {
                        bound_table.insert(Value::from(name.as_str()), b.value.clone());
                        b.value.clone()
                    }
                    None => match &decl.default {
                        Some(e) => {
                            let v = self.eval_expr(e)?;
                            let kind =
                                kind_for_type(decl.type_name.as_ref().map(|t| t.item.as_str()));
                            crate::convert::convert_argument(&kind, &v, offset).unwrap_or(v)
                        }
                        None => {
                            match kind_for_type(decl.type_name.as_ref().map(|t| t.item.as_str())) {
                                Kind::Switch | Kind::Boolean => Value::Bool(false),
                                Kind::String => Value::String(String::new()),
                                Kind::Int32 => Value::Int(0),
                                Kind::Int64 => Value::Long(0),
                                Kind::Double => Value::Double(0.0),
                                _ => Value::Null,
                            }
                        }
                    },
                };
                self.set_variable(name, value);
            }
        }
        let args = params
            .iter()
            .find(|p| p.name == "__Args")
            .map(|p| p.value.enumerate())
            .unwrap_or_default();
        self.set_variable("args", Value::array(args));
        self.set_variable("PSBoundParameters", Value::from(bound_table));
        Ok(())
    }

    /// Runs a block's statements, catching `return`.
    fn run_named_block(&mut self, stmts: &[Statement], out: &mut Vec<Value>) -> R<()> {
        match self.exec_statements(stmts, out) {
            Err(Flow::Return) => Ok(()),
            other => other,
        }
    }

    fn run_function(
        &mut self,
        f: Rc<FunctionInfo>,
        dot: bool,
        stage: &Stage<S>,
        frame: &mut Frame,
        input: Option<Vec<Value>>,
    ) -> R<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            self.depth -= 1;
            let rec = catalogue::runtime(
                "The script failed due to call depth overflow.",
                "CallDepthOverflow",
            );
            return Err(self.fail(rec, stage.span));
        }
        if !dot {
            self.scopes.push(Scope::default());
            if f.is_script {
                for (name, value) in script_variables(&f.name) {
                    self.set_variable(name, value);
                }
            }
        }
        let saved_source = std::mem::replace(&mut self.source, f.block.source.clone());
        let saved_origin = std::mem::replace(&mut self.origin, f.block.origin.clone());
        // `2>&1` / `2>$null` on the call reach the errors of the commands inside it.
        let sinks = frame.merge_errors
            || frame.discard_errors
            || frame.merge_warnings
            || frame.merge_information;
        if sinks {
            self.sinks.push(Sink {
                errors: frame.merge_errors || frame.discard_errors,
                warnings: frame.merge_warnings,
                information: frame.merge_information,
                values: Vec::new(),
            });
        }
        let mut result = self.run_function_body(&f, stage, frame, input);
        if sinks {
            let collected = self.sinks.pop().map(|sink| sink.values).unwrap_or_default();
            frame.output.extend(
                collected
                    .into_iter()
                    .filter(|value| frame.merge_errors || !matches!(value, Value::ErrorRecord(_))),
            );
        }
        if f.is_script
            && let Err(Flow::Exit(code)) = result
        {
            // `exit N` in a called script ends that script only (spec §10.2).
            self.set_variable_scoped(Some("global"), "LASTEXITCODE", Value::Int(code));
            result = Ok(());
        }
        self.source = saved_source;
        self.origin = saved_origin;
        if !dot {
            self.scopes.pop();
        }
        self.depth -= 1;
        result
    }

    fn run_function_body(
        &mut self,
        f: &FunctionInfo,
        stage: &Stage<S>,
        frame: &mut Frame,
        input: Option<Vec<Value>>,
    ) -> R<()> {
        let Some(binding) = &stage.binding else {
            return Ok(());
        };
        let base = binding.bound_params();
        if let Some((rec, span)) = self.validate_function_params(f, &base)? {
            let rec = self.locate(rec, span, Some(&stage.typed));
            return Err(Flow::Error(Box::new(rec), false));
        }
        self.bind_function_params(f.params.as_ref(), &base)?;
        // Common parameters of an advanced function become its preference variables
        // (PowerShell sets them in the function's scope).
        for (param, variable) in [
            ("ErrorAction", "ErrorActionPreference"),
            ("WarningAction", "WarningPreference"),
        ] {
            if let Some(v) = binding.value(param) {
                self.set_variable(variable, v.clone());
            }
        }
        for (param, variable) in [
            ("Verbose", "VerbosePreference"),
            ("Debug", "DebugPreference"),
        ] {
            if let Some(v) = binding.value(param) {
                let pref = if v.is_truthy() {
                    "Continue"
                } else {
                    "SilentlyContinue"
                };
                self.set_variable(variable, Value::from(pref));
            }
        }
        if let Some(v) = binding.value("WhatIf") {
            self.set_variable("WhatIfPreference", v.clone());
        }
        if f.signature.should_process.is_some() {
            let cmdlet = PsObject::new(PSCMDLET_TYPE)
                .with("CommandName", f.name.clone())
                .with("WhatIf", frame.whatif)
                .with("Confirm", frame.confirm)
                .with_string_form(f.name.clone());
            self.set_variable("PSCmdlet", Value::object(cmdlet));
        }
        let block = &f.block.block;
        let named = block.begin.is_some() || block.process.is_some() || block.end.is_some();
        let mut out = Vec::new();
        let result = (|| -> R<()> {
            if !named {
                self.set_variable("input", Value::array(input.clone().unwrap_or_default()));
                return self.run_named_block(&block.statements, &mut out);
            }
            if let Some(b) = &block.begin {
                self.run_named_block(&b.statements, &mut out)?;
            }
            if let Some(p) = &block.process {
                match &input {
                    None => self.run_named_block(&p.statements, &mut out)?,
                    Some(items) => {
                        let offset = self.local_offset();
                        for item in items {
                            self.set_variable("_", item.clone());
                            if let Ok(extra) = bind_input(binding, item, stage.span, offset) {
                                let mut all = base.clone();
                                all.extend(extra);
                                for e in all.iter().filter(|b| {
                                    matches!(
                                        b.how,
                                        BoundHow::PipelineValue | BoundHow::PipelineProperty
                                    )
                                }) {
                                    self.set_variable(&e.name, e.value.clone());
                                }
                            }
                            self.run_named_block(&p.statements, &mut out)?;
                        }
                    }
                }
            }
            if let Some(e) = &block.end {
                self.run_named_block(&e.statements, &mut out)?;
            }
            Ok(())
        })();
        frame.output.extend(out);
        result
    }

    fn run_native(
        &mut self,
        path: std::path::PathBuf,
        stage: &Stage<S>,
        frame: &mut Frame,
        input: Option<Vec<Value>>,
    ) -> R<()> {
        use std::io::Write;
        use std::process::{Command as Proc, Stdio};
        // With `2>`, `*>` or `2>&1` on the stage, the child's error lines become error records
        // that the redirections then drop, write or merge; otherwise they reach the terminal.
        let redirects_errors = stage.redirections.iter().any(|r| match r {
            Redirection::ToFile { stream, .. } | Redirection::Merge { from: stream, .. } => {
                matches!(stream, RedirectStream::Error | RedirectStream::All)
            }
        });
        let mut cmd = Proc::new(&path);
        cmd.args(&stage.native_args)
            .stdout(Stdio::piped())
            .stderr(if redirects_errors {
                Stdio::piped()
            } else {
                Stdio::inherit()
            });
        for (k, v) in &self.env {
            match v {
                Some(v) => cmd.env(k, v),
                None => cmd.env_remove(k),
            };
        }
        cmd.stdin(if input.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        });
        let child = cmd.spawn();
        let mut child = match child {
            Ok(c) => c,
            Err(e) => {
                let rec = ErrorRecord::new(
                    format!("Program '{}' failed to run: {e}", stage.typed),
                    "NativeCommandFailed",
                    crate::error::ErrorCategory::ResourceUnavailable,
                )
                .with_reason("ApplicationFailedException");
                return Err(Flow::Error(
                    Box::new(self.locate(rec, stage.span, Some(&stage.typed))),
                    false,
                ));
            }
        };
        if let (Some(items), Some(mut stdin)) = (input, child.stdin.take()) {
            let text: String = items
                .iter()
                .map(|v| format!("{}\n", v.to_string_form()))
                .collect();
            // A child that exits without reading its input is not an error.
            let _ = stdin.write_all(text.as_bytes());
        }
        match child.wait_with_output() {
            Ok(output) => {
                let text = String::from_utf8_lossy(&output.stdout);
                for line in text.lines() {
                    frame.output.push(Value::from(line));
                }
                if redirects_errors {
                    let errors = String::from_utf8_lossy(&output.stderr);
                    for line in errors.lines() {
                        let mut rec = ErrorRecord::new(
                            line.to_string(),
                            "NativeCommandError",
                            crate::error::ErrorCategory::NotSpecified,
                        )
                        .with_reason("RemoteException")
                        .with_activity(stage.typed.clone());
                        rec.bare_id = true;
                        self.frame_write_error(frame, rec);
                    }
                }
                let code = output.status.code().unwrap_or(-1);
                self.set_variable_scoped(Some("global"), "LASTEXITCODE", Value::Int(code));
                if code != 0 {
                    self.stmt_failed = true;
                }
                Ok(())
            }
            Err(e) => {
                let rec = ErrorRecord::new(
                    format!("Program '{}' failed to run: {e}", stage.typed),
                    "NativeCommandFailed",
                    crate::error::ErrorCategory::ResourceUnavailable,
                );
                Err(Flow::Error(
                    Box::new(self.locate(rec, stage.span, Some(&stage.typed))),
                    false,
                ))
            }
        }
    }

    /// Runs a script block in the current scope with `$_` set (switch conditions).
    fn run_block_here(
        &mut self,
        b: &ScriptBlockValue,
        dollar_under: Option<Value>,
    ) -> R<Vec<Value>> {
        let saved = self.get_variable("_");
        if let Some(v) = dollar_under {
            self.set_variable("_", v);
        }
        let saved_source = std::mem::replace(&mut self.source, b.source.clone());
        let mut out = Vec::new();
        let r = self.run_named_block(&b.block.statements, &mut out);
        self.source = saved_source;
        self.set_variable("_", saved.unwrap_or_default());
        r.map(|()| out)
    }

    pub(crate) fn invoke_block_for_cmdlet(
        &mut self,
        b: &ScriptBlockValue,
        dollar_under: Option<Value>,
        args: Vec<Value>,
        new_scope: bool,
    ) -> Result<Vec<Value>, ErrorRecord> {
        if self.depth > MAX_DEPTH {
            return Err(catalogue::runtime(
                "The script failed due to call depth overflow.",
                "CallDepthOverflow",
            ));
        }
        self.depth += 1;
        let result = self.invoke_block_inner(b, dollar_under, args, new_scope);
        self.depth -= 1;
        result
    }

    fn invoke_block_inner(
        &mut self,
        b: &ScriptBlockValue,
        dollar_under: Option<Value>,
        args: Vec<Value>,
        new_scope: bool,
    ) -> Result<Vec<Value>, ErrorRecord> {
        if new_scope {
            self.scopes.push(Scope::default());
        }
        let saved_under = self.get_variable("_");
        let saved_args = self.get_variable("args");
        if let Some(v) = dollar_under {
            self.set_variable("_", v);
        }
        if let Some(params) = &b.block.params {
            for (i, decl) in params.params.iter().enumerate() {
                self.set_variable(&decl.name.item, args.get(i).cloned().unwrap_or_default());
            }
        }
        self.set_variable("args", Value::array(args));
        let saved_source = std::mem::replace(&mut self.source, b.source.clone());
        let saved_origin = std::mem::replace(&mut self.origin, b.origin.clone());
        let mut out = Vec::new();
        let block = &b.block;
        let r = (|| -> R<()> {
            if let Some(x) = &block.begin {
                self.run_named_block(&x.statements, &mut out)?;
            }
            if let Some(x) = &block.process {
                self.run_named_block(&x.statements, &mut out)?;
            }
            if let Some(x) = &block.end {
                self.run_named_block(&x.statements, &mut out)?;
            }
            self.run_named_block(&block.statements, &mut out)
        })();
        self.source = saved_source;
        self.origin = saved_origin;
        if new_scope {
            self.scopes.pop();
        } else {
            self.set_variable("_", saved_under.unwrap_or_default());
            self.set_variable("args", saved_args.unwrap_or_default());
        }
        match r {
            Ok(()) => Ok(out),
            Err(Flow::Error(rec, script)) => {
                let copy = (*rec).clone();
                self.pending_flow = Some(Flow::Error(rec, script));
                Err(copy)
            }
            Err(other) => {
                self.pending_flow = Some(other);
                Err(catalogue::runtime(
                    "Control flow left a script block.",
                    "ControlFlowInScriptBlock",
                ))
            }
        }
    }

    // ----- assignment --------------------------------------------------------------------

    fn assign(&mut self, target: &Expr, op: AssignOp, rhs: Value) -> R<()> {
        let value = if op == AssignOp::Assign {
            rhs
        } else {
            let current = self.eval_expr(target)?;
            let r = match op {
                AssignOp::Add => ops::add(&current, &rhs),
                AssignOp::Subtract => ops::subtract(&current, &rhs),
                AssignOp::Multiply => ops::multiply(&current, &rhs),
                AssignOp::Divide => ops::divide(&current, &rhs),
                AssignOp::Assign => Ok(rhs),
            };
            r.map_err(|e| self.fail(e, target.span))?
        };
        self.store(target, value)
    }

    fn store(&mut self, target: &Expr, value: Value) -> R<()> {
        match &target.kind {
            ExprKind::Array(targets) if !targets.is_empty() => {
                // `$a, $b = 1, 2, 3`: each target takes one element, the last the rest.
                let mut items = value.enumerate();
                let last = targets.len() - 1;
                for (i, t) in targets.iter().enumerate() {
                    let v = if i == last {
                        match items.len() {
                            0 => Value::Null,
                            1 => items.remove(0),
                            _ => Value::array(std::mem::take(&mut items)),
                        }
                    } else if items.is_empty() {
                        Value::Null
                    } else {
                        items.remove(0)
                    };
                    self.store(t, v)?;
                }
                Ok(())
            }
            ExprKind::Variable(path) => {
                self.set_variable_scoped(path.scope.as_deref(), &path.name, value);
                Ok(())
            }
            ExprKind::Cast { type_name, operand } => {
                let v = TypeName::parse(type_name)
                    .cast(&value, self.local_offset())
                    .map_err(|e| self.fail(e, target.span))?;
                self.store(operand, v)
            }
            ExprKind::Member { object, name, .. } => {
                let obj = self.eval_expr(object)?;
                let key = self.member_name(name)?;
                match &obj {
                    Value::Object(o) => {
                        o.borrow_mut().set(&key, value);
                        Ok(())
                    }
                    Value::Hashtable(h) => {
                        h.borrow_mut().insert(Value::String(key), value);
                        Ok(())
                    }
                    _ => {
                        let mut rec = catalogue::runtime(
                            format!(
                                "The property '{key}' cannot be found on this object. Verify that the property exists and can be set."
                            ),
                            "PropertyNotFound",
                        );
                        rec.reason = "RuntimeException".into();
                        Err(self.fail(rec, target.span))
                    }
                }
            }
            ExprKind::Index { object, index } => {
                let obj = self.eval_expr(object)?;
                let idx = self.eval_expr(index)?;
                match &obj {
                    Value::Array(a) => {
                        let len = a.borrow().len() as i64;
                        let i = idx.to_i64().unwrap_or(i64::MAX);
                        let i = if i < 0 { len + i } else { i };
                        if i < 0 || i >= len {
                            let rec = catalogue::runtime(
                                "Index was outside the bounds of the array.",
                                "IndexOutOfRange",
                            );
                            return Err(self.fail(rec, target.span));
                        }
                        a.borrow_mut()[i as usize] = value;
                        Ok(())
                    }
                    Value::Hashtable(h) => {
                        h.borrow_mut().insert(idx, value);
                        Ok(())
                    }
                    _ => {
                        let rec = catalogue::runtime(
                            format!(
                                "Unable to index into an object of type {}.",
                                obj.type_name()
                            ),
                            "CannotIndex",
                        );
                        Err(self.fail(rec, target.span))
                    }
                }
            }
            _ => {
                let rec = catalogue::runtime(
                    "The assignment expression is not valid. The input to an assignment operator must be an object that is able to accept assignments, such as a variable or a property.",
                    "InvalidLeftHandSide",
                );
                Err(self.fail(rec, target.span))
            }
        }
    }

    // ----- expressions -------------------------------------------------------------------

    fn member_name(&mut self, name: &Expr) -> R<String> {
        Ok(match literal_text(name) {
            Some(t) if !matches!(name.kind, ExprKind::Variable(_)) => t,
            _ => self.eval_expr(name)?.to_string_form(),
        })
    }

    fn expand_string(&mut self, parts: &[StringPart]) -> R<String> {
        let ofs = self
            .get_variable("OFS")
            .map(|v| v.to_string_form())
            .unwrap_or_else(|| " ".into());
        let mut s = String::new();
        for p in parts {
            match p {
                StringPart::Literal(t) => s.push_str(t),
                StringPart::Variable(e) => s.push_str(&self.eval_expr(e)?.to_string_with_ofs(&ofs)),
                StringPart::SubExpression(stmts, _) => {
                    let mut out = Vec::new();
                    self.exec_statements(stmts, &mut out)?;
                    s.push_str(&collapse(out).to_string_with_ofs(&ofs));
                }
            }
        }
        Ok(s)
    }

    pub(crate) fn eval_expr(&mut self, e: &Expr) -> R<Value> {
        match &e.kind {
            ExprKind::Number { value, text } => {
                let v = match value {
                    Number::Int(n) => Value::Int(*n),
                    Number::Long(n) => Value::Long(*n),
                    Number::Decimal(n) => Value::Decimal(*n),
                    Number::Double(n) => Value::Double(*n),
                };
                Ok(match text {
                    Some(t) => Value::Number(Rc::new(SourceNumber {
                        value: Box::new(v),
                        text: Rc::from(t.as_str()),
                    })),
                    None => v,
                })
            }
            ExprKind::String { parts, .. } => Ok(Value::String(self.expand_string(parts)?)),
            ExprKind::Variable(path) => Ok(self.get_variable_path(path)),
            ExprKind::Splat(path) => Ok(self.get_variable_path(path)),
            ExprKind::Array(items) => {
                let mut out = Vec::with_capacity(items.len());
                for i in items {
                    out.push(self.eval_expr(i)?);
                }
                Ok(Value::array(out))
            }
            ExprKind::SubExpression(stmts) => {
                let mut out = Vec::new();
                self.exec_statements(stmts, &mut out)?;
                Ok(collapse(out))
            }
            ExprKind::ArrayExpression(stmts) => {
                let mut out = Vec::new();
                self.exec_statements(stmts, &mut out)?;
                Ok(Value::array(out))
            }
            ExprKind::Paren(st) => {
                let outer = self.stmt_failed;
                let r = self.statement_value(st);
                self.stmt_failed = outer || self.stmt_failed;
                r
            }
            ExprKind::Hash { entries } => {
                let mut h = Hashtable::new();
                for (k, v) in entries {
                    let key = self.eval_expr(k)?;
                    let value = self.statement_value(v)?;
                    h.insert(key, value);
                }
                Ok(Value::from(h))
            }
            ExprKind::ScriptBlock(sb) => Ok(Value::ScriptBlock(Rc::new(ScriptBlockValue {
                block: sb.clone(),
                source: self.source.clone(),
                origin: self.origin.clone(),
            }))),
            ExprKind::Member {
                object,
                name,
                is_static,
            } => {
                let key = self.member_name(name)?;
                if *is_static {
                    let ExprKind::TypeLiteral(t) = &object.kind else {
                        return Err(self.fail(
                            catalogue::runtime(
                                "Static members need a type literal.",
                                "UnsupportedStaticMember",
                            ),
                            e.span,
                        ));
                    };
                    return self
                        .static_member(t, &key)
                        .map_err(|r| self.fail(r, e.span));
                }
                let obj = self.eval_expr(object)?;
                Ok(obj.member(&key))
            }
            ExprKind::MethodCall {
                object,
                name,
                args,
                is_static,
            } => {
                let mut values = Vec::with_capacity(args.len());
                for a in args {
                    values.push(self.eval_expr(a)?);
                }
                if *is_static {
                    let ExprKind::TypeLiteral(t) = &object.kind else {
                        return Err(self.fail(
                            catalogue::runtime(
                                "Static members need a type literal.",
                                "UnsupportedStaticMember",
                            ),
                            e.span,
                        ));
                    };
                    return self
                        .static_call(t, &name.item, &values)
                        .map_err(|r| self.fail(r, e.span));
                }
                if let ExprKind::Variable(v) = &object.kind
                    && v.scope.is_none()
                    && v.name.eq_ignore_ascii_case("Error")
                    && name.item.eq_ignore_ascii_case("Clear")
                {
                    // `$Error` is an ArrayList in PowerShell: Clear() empties it.
                    self.errors.clear();
                    return Ok(Value::Null);
                }
                let obj = self.eval_expr(object)?;
                self.call_method(&obj, &name.item, values)
                    .map_err(|flow| match flow {
                        Flow::Error(rec, s) => {
                            let rec = self.locate(*rec, e.span, None);
                            Flow::Error(Box::new(rec), s)
                        }
                        other => other,
                    })
            }
            ExprKind::Index { object, index } => {
                let obj = self.eval_expr(object)?;
                let idx = self.eval_expr(index)?;
                self.index(&obj, &idx).map_err(|r| self.fail(r, e.span))
            }
            ExprKind::Unary { op, operand } => self.eval_unary(*op, operand, e.span),
            ExprKind::Binary {
                op,
                left,
                right,
                op_span,
            } => self.eval_binary(*op, left, right, *op_span, e.span),
            ExprKind::TypeLiteral(t) => {
                let tn = TypeName::parse(t);
                let full = tn.display();
                let short = full.rsplit('.').next().unwrap_or(&full).to_string();
                Ok(Value::object(
                    PsObject::new("System.RuntimeType")
                        .with("Name", short)
                        .with("FullName", full.clone())
                        .with_string_form(full),
                ))
            }
            ExprKind::Cast { type_name, operand } => {
                let v = self.eval_expr(operand)?;
                TypeName::parse(type_name)
                    .cast(&v, self.local_offset())
                    .map_err(|r| self.fail(r, e.span))
            }
        }
    }

    fn call_method(&mut self, obj: &Value, name: &str, args: Vec<Value>) -> R<Value> {
        let lower = name.to_ascii_lowercase();
        if let Value::Object(o) = obj
            && o.borrow()
                .type_names
                .first()
                .is_some_and(|t| t == PSCMDLET_TYPE)
            && matches!(lower.as_str(), "shouldprocess" | "shouldcontinue")
        {
            return self.script_should_process(o, &lower, &args);
        }
        // PowerShell 4's collection methods `.Where({…})` and `.ForEach({…})`.
        if let (Some(Value::ScriptBlock(b)), "where" | "foreach") = (args.first(), lower.as_str()) {
            let mut out = Vec::new();
            for item in obj.enumerate() {
                let result =
                    match self.invoke_block_for_cmdlet(b, Some(item.clone()), vec![], false) {
                        Ok(v) => v,
                        Err(rec) => {
                            return Err(self
                                .pending_flow
                                .take()
                                .unwrap_or(Flow::Error(Box::new(rec), false)));
                        }
                    };
                if lower == "where" {
                    if result.iter().any(Value::is_truthy) {
                        out.push(item);
                    }
                } else {
                    out.extend(result);
                }
            }
            return Ok(Value::array(out));
        }
        if let Value::ScriptBlock(b) = obj
            && matches!(lower.as_str(), "invoke" | "invokereturnasis")
        {
            let r = self.invoke_block_for_cmdlet(b, None, args, true);
            return match r {
                Ok(v) => Ok(collapse(v)),
                Err(rec) => Err(self
                    .pending_flow
                    .take()
                    .unwrap_or(Flow::Error(Box::new(rec), false))),
            };
        }
        if let Value::Array(a) = obj {
            let own = [
                "contains",
                "indexof",
                "count",
                "length",
                "getlength",
                "add",
                "addrange",
                "insert",
                "remove",
                "removeat",
                "clear",
                "clone",
                "toarray",
                "tostring",
                "gettype",
                "equals",
                "gethashcode",
            ];
            if !own.contains(&lower.as_str()) {
                let items = a.borrow().clone();
                let mut out = Vec::new();
                for item in items {
                    out.push(self.call_method(&item, name, args.clone())?);
                }
                return Ok(Value::array(out));
            }
        }
        if let Value::Object(o) = obj
            && let Some(Value::ScriptBlock(b)) = o.borrow().get(name).cloned()
        {
            let r = self.invoke_block_for_cmdlet(&b, None, args, true);
            return r
                .map(collapse)
                .map_err(|rec| Flow::Error(Box::new(rec), false));
        }
        methods::call_method(obj, name, &args, self.local_offset())
            .map_err(|r| Flow::Error(Box::new(r), false))
    }

    /// `$PSCmdlet.ShouldProcess(target[, action])` / `.ShouldContinue(query, caption)`
    /// in an advanced function with SupportsShouldProcess.
    fn script_should_process(
        &mut self,
        cmdlet: &Rc<std::cell::RefCell<PsObject>>,
        method: &str,
        args: &[Value],
    ) -> R<Value> {
        let (name, whatif, confirm) = {
            let o = cmdlet.borrow();
            let flag = |n: &str| o.get(n).is_some_and(Value::is_truthy);
            (
                o.get("CommandName")
                    .map(Value::to_string_form)
                    .unwrap_or_default(),
                flag("WhatIf"),
                flag("Confirm"),
            )
        };
        let arg = |i: usize| args.get(i).map(Value::to_string_form).unwrap_or_default();
        let required = || Flow::Error(Box::new(catalogue::confirmation_required(&name)), false);
        if method == "shouldcontinue" {
            return match self.host.should_continue(&arg(0), &arg(1)) {
                Some(answer) => Ok(Value::Bool(answer)),
                None => Err(required()),
            };
        }
        let action = if args.len() > 1 { arg(1) } else { name.clone() };
        let message = format!(
            "Performing the operation \"{action}\" on target \"{}\".",
            arg(0)
        );
        if whatif {
            self.host.write_host(&format!("What if: {message}"), true);
            return Ok(Value::Bool(false));
        }
        if !confirm {
            return Ok(Value::Bool(true));
        }
        match self.host.prompt_confirm(
            "Confirm",
            &format!("Are you sure you want to perform this action?\n{message}"),
        ) {
            Some(answer) => Ok(Value::Bool(answer)),
            None => Err(required()),
        }
    }

    fn static_member(&self, type_name: &str, member: &str) -> Result<Value, ErrorRecord> {
        let t = type_name.to_ascii_lowercase();
        let t = t.strip_prefix("system.").unwrap_or(&t);
        let m = member.to_ascii_lowercase();
        Ok(match (t, m.as_str()) {
            ("datetime", "now") => Value::DateTime(self.now),
            ("datetime", "utcnow") => Value::DateTime(
                self.now
                    .checked_to_offset(UtcOffset::UTC)
                    .unwrap_or(self.now),
            ),
            ("datetime", "today") => Value::DateTime(self.now.replace_time(time::Time::MIDNIGHT)),
            ("datetime", "minvalue") => {
                Value::DateTime(time::macros::datetime!(0001-01-01 0:00 UTC))
            }
            ("datetime", "maxvalue") => {
                Value::DateTime(time::macros::datetime!(9999-12-31 23:59:59 UTC))
            }
            ("int" | "int32", "maxvalue") => Value::Int(i32::MAX),
            ("int" | "int32", "minvalue") => Value::Int(i32::MIN),
            ("long" | "int64", "maxvalue") => Value::Long(i64::MAX),
            ("long" | "int64", "minvalue") => Value::Long(i64::MIN),
            ("string", "empty") => Value::from(""),
            ("environment", "newline") => Value::from("\n"),
            ("timespan", "zero") => Value::TimeSpan(time::Duration::ZERO),
            ("math", "pi") => Value::Double(std::f64::consts::PI),
            // Format providers scripts pass to ParseExact/ToString: certsh formats as en-US,
            // whose dates and numbers the invariant culture shares.
            ("globalization.cultureinfo", "invariantculture") => culture(""),
            ("globalization.cultureinfo", "currentculture" | "currentuiculture") => {
                culture("en-US")
            }
            _ => {
                return Err(catalogue::runtime(
                    format!(
                        "The static member [{type_name}]::{member} is not supported by this shell."
                    ),
                    "shell::eval::unsupported_static_member",
                ));
            }
        })
    }

    fn static_call(
        &self,
        type_name: &str,
        method: &str,
        args: &[Value],
    ) -> Result<Value, ErrorRecord> {
        let t = type_name.to_ascii_lowercase();
        let t = t.strip_prefix("system.").unwrap_or(&t);
        let m = method.to_ascii_lowercase();
        let a0 = args.first().cloned().unwrap_or_default();
        let days = |f: f64| {
            time::Duration::checked_seconds_f64(f)
                .map(Value::TimeSpan)
                .ok_or_else(|| {
                    catalogue::runtime(
                        "TimeSpan overflowed because the duration is too long.",
                        "OverflowException",
                    )
                })
        };
        Ok(match (t, m.as_str()) {
            ("math", _) => return methods::math_call(method, args),
            ("datetime", "parse") => TypeName::DateTime.cast(&a0, self.local_offset())?,
            ("datetime", "daysinmonth") => {
                let y = crate::convert::to_int32(&a0).unwrap_or(1);
                let mo = crate::convert::to_int32(&args.get(1).cloned().unwrap_or_default())
                    .unwrap_or(1);
                let month = time::Month::try_from(u8::try_from(mo).unwrap_or(1))
                    .unwrap_or(time::Month::January);
                Value::Int(i32::from(time::util::days_in_month(month, y)))
            }
            ("string", "isnullorempty") => Value::Bool(a0.to_string_form().is_empty()),
            ("string", "isnullorwhitespace") => Value::Bool(a0.to_string_form().trim().is_empty()),
            ("string", "join") => {
                let rest: Vec<Value> = if args.len() == 2 {
                    args[1].enumerate()
                } else {
                    args[1..].to_vec()
                };
                ops::join(&Value::array(rest), &a0.to_string_form())
            }
            ("string", "format") => ops::format_operator(&a0.to_string_form(), &args[1..])?,
            ("timespan", "fromdays") => {
                days(crate::convert::to_double(&a0).unwrap_or(0.0) * 86_400.0)?
            }
            ("timespan", "fromhours") => {
                days(crate::convert::to_double(&a0).unwrap_or(0.0) * 3600.0)?
            }
            ("timespan", "fromminutes") => {
                days(crate::convert::to_double(&a0).unwrap_or(0.0) * 60.0)?
            }
            ("timespan", "fromseconds") => days(crate::convert::to_double(&a0).unwrap_or(0.0))?,
            ("regex", "escape") => Value::String(regex::escape(&a0.to_string_form())),
            // [regex] statics are case-sensitive unless the options say IgnoreCase, as in .NET.
            ("regex" | "text.regularexpressions.regex", "match" | "matches" | "ismatch") => {
                let pattern = args.get(1).map(Value::to_string_form).unwrap_or_default();
                let sensitive = !args.get(2).is_some_and(|o| {
                    o.to_string_form()
                        .to_ascii_lowercase()
                        .contains("ignorecase")
                });
                let all = m == "matches";
                let found = ops::regex_matches(&pattern, &a0.to_string_form(), sensitive, all)?;
                match m.as_str() {
                    "ismatch" => Value::Bool(!found.is_empty()),
                    "matches" => {
                        Value::array(found.iter().map(ops::RegexMatch::to_value).collect())
                    }
                    _ => found
                        .first()
                        .map(ops::RegexMatch::to_value)
                        .unwrap_or_else(ops::RegexMatch::failed),
                }
            }
            ("regex" | "text.regularexpressions.regex", "replace") => {
                let sensitive = !args.get(3).is_some_and(|o| {
                    o.to_string_form()
                        .to_ascii_lowercase()
                        .contains("ignorecase")
                });
                let rule = Value::array(vec![
                    args.get(1).cloned().unwrap_or_default(),
                    args.get(2).cloned().unwrap_or_default(),
                ]);
                ops::replace(&a0, &rule, sensitive)?
            }
            ("regex" | "text.regularexpressions.regex", "split") => {
                let rule = args.get(1).cloned().unwrap_or_default();
                ops::split(&a0, &rule, true)?
            }
            ("datetime", "parseexact") => {
                let text = a0.to_string_form();
                let formats = args.get(1).map(Value::enumerate).unwrap_or_default();
                formats
                    .iter()
                    .find_map(|f| {
                        crate::convert::parse_exact(&text, &f.to_string_form(), self.local_offset())
                    })
                    .map(Value::DateTime)
                    .ok_or_else(|| {
                        catalogue::runtime(
                            format!(
                                "Exception calling \"ParseExact\" with \"{}\" argument(s): \"String was not recognized as a valid DateTime.\"",
                                args.len()
                            ),
                            "FormatException",
                        )
                    })?
            }
            (collection, "new") if is_collection_type(collection) => {
                // An optional capacity (a number) or a collection to copy.
                match args.first() {
                    Some(first) if !first.is_number() => Value::array(first.enumerate()),
                    _ => Value::array(Vec::new()),
                }
            }
            _ => {
                return Err(catalogue::runtime(
                    format!(
                        "The static method [{type_name}]::{method}() is not supported by this shell."
                    ),
                    "shell::eval::unsupported_static_member",
                ));
            }
        })
    }

    fn index(&self, obj: &Value, idx: &Value) -> Result<Value, ErrorRecord> {
        if let (Value::Array(_) | Value::String(_), Value::Array(list)) = (obj, idx) {
            let mut out = Vec::new();
            for i in list.borrow().iter() {
                let v = self.index(obj, i)?;
                if !v.is_null() {
                    out.push(v);
                }
            }
            return Ok(Value::array(out));
        }
        match obj {
            Value::Null => {
                let mut rec = catalogue::runtime("Cannot index into a null array.", "NullArray");
                rec.category = crate::error::ErrorCategory::InvalidOperation;
                Err(rec)
            }
            Value::Array(a) => {
                let a = a.borrow();
                let len = a.len() as i64;
                let Some(i) = idx
                    .numeric()
                    .to_i64()
                    .or_else(|| crate::convert::to_int64(idx).ok())
                else {
                    return Ok(Value::Null);
                };
                let i = if i < 0 { len + i } else { i };
                Ok(if i < 0 || i >= len {
                    Value::Null
                } else {
                    a[i as usize].clone()
                })
            }
            Value::Hashtable(h) => Ok(h.borrow().get_value(idx).cloned().unwrap_or_default()),
            Value::String(s) => {
                let chars: Vec<char> = s.chars().collect();
                let len = chars.len() as i64;
                let i = crate::convert::to_int64(idx).unwrap_or(i64::MAX);
                let i = if i < 0 { len + i } else { i };
                Ok(if i < 0 || i >= len {
                    Value::Null
                } else {
                    Value::String(chars[i as usize].to_string())
                })
            }
            Value::Object(o) => Ok(o
                .borrow()
                .get(&idx.to_string_form())
                .cloned()
                .unwrap_or_default()),
            other => {
                // Indexing a scalar with 0 yields the scalar (PowerShell's scalar-as-array rule).
                match idx.to_i64() {
                    Some(0) | Some(-1) => Ok(other.clone()),
                    _ => Ok(Value::Null),
                }
            }
        }
    }

    fn eval_unary(&mut self, op: UnaryOp, operand: &Expr, span: Span) -> R<Value> {
        match op {
            UnaryOp::PreIncrement
            | UnaryOp::PreDecrement
            | UnaryOp::PostIncrement
            | UnaryOp::PostDecrement => {
                let current = self.eval_expr(operand)?;
                let delta = if matches!(op, UnaryOp::PreIncrement | UnaryOp::PostIncrement) {
                    1
                } else {
                    -1
                };
                let base = if current.is_null() {
                    Value::Int(0)
                } else {
                    current.clone()
                };
                let next = ops::add(&base, &Value::Int(delta)).map_err(|r| self.fail(r, span))?;
                self.store(operand, next.clone())?;
                Ok(
                    if matches!(op, UnaryOp::PreIncrement | UnaryOp::PreDecrement) {
                        next
                    } else {
                        base
                    },
                )
            }
            _ => {
                let v = self.eval_expr(operand)?;
                let r = match op {
                    UnaryOp::Not => Ok(Value::Bool(!v.is_truthy())),
                    UnaryOp::Negate => ops::negate(&v),
                    UnaryOp::Plus => Ok(ops::parse_number(&v.to_string_form())
                        .filter(|_| !v.is_number())
                        .unwrap_or_else(|| v.numeric())),
                    UnaryOp::Comma => Ok(Value::array(vec![v])),
                    UnaryOp::Join => Ok(ops::join(&v, "")),
                    UnaryOp::Split => Ok(ops::split_whitespace(&v)),
                    UnaryOp::BitNot => crate::convert::to_int64(&v.numeric())
                        .map(|n| match i32::try_from(n) {
                            Ok(i) => Value::Int(!i),
                            Err(_) => Value::Long(!n),
                        })
                        .map_err(|m| catalogue::runtime(m, "InvalidCast")),
                    _ => Ok(Value::Null),
                };
                r.map_err(|rec| self.fail(rec, span))
            }
        }
    }

    fn type_operand(&mut self, right: &Expr) -> R<TypeName> {
        Ok(match &right.kind {
            ExprKind::TypeLiteral(t) => TypeName::parse(t),
            _ => TypeName::parse(&self.eval_expr(right)?.to_string_form()),
        })
    }

    fn eval_binary(
        &mut self,
        op: BinaryOp,
        left: &Expr,
        right: &Expr,
        op_span: Span,
        span: Span,
    ) -> R<Value> {
        match op {
            BinaryOp::And => {
                let l = self.eval_expr(left)?.is_truthy();
                return Ok(Value::Bool(l && self.eval_expr(right)?.is_truthy()));
            }
            BinaryOp::Or => {
                let l = self.eval_expr(left)?.is_truthy();
                return Ok(Value::Bool(l || self.eval_expr(right)?.is_truthy()));
            }
            BinaryOp::Is | BinaryOp::IsNot => {
                let l = self.eval_expr(left)?;
                let t = self.type_operand(right)?;
                return Ok(Value::Bool(t.matches(&l) == (op == BinaryOp::Is)));
            }
            BinaryOp::As => {
                let l = self.eval_expr(left)?;
                let t = self.type_operand(right)?;
                return Ok(t.cast(&l, self.local_offset()).unwrap_or(Value::Null));
            }
            _ => {}
        }
        let l = self.eval_expr(left)?;
        let r = self.eval_expr(right)?;
        let _ = op_span;
        let result = match op {
            BinaryOp::Add => ops::add(&l.numeric(), &r),
            BinaryOp::Subtract => ops::subtract(&l.numeric(), &r.numeric()),
            BinaryOp::Multiply => ops::multiply(&l.numeric(), &r.numeric()),
            BinaryOp::Divide => ops::divide(&l.numeric(), &r.numeric()),
            BinaryOp::Modulo => ops::modulo(&l.numeric(), &r.numeric()),
            BinaryOp::Range => ops::range(&l, &r),
            BinaryOp::Format => ops::format_operator(&l.to_string_form(), &r.enumerate()),
            BinaryOp::Xor => Ok(Value::Bool(l.is_truthy() ^ r.is_truthy())),
            BinaryOp::BitAnd | BinaryOp::BitOr => {
                match (
                    crate::convert::to_int64(&l.numeric()),
                    crate::convert::to_int64(&r.numeric()),
                ) {
                    (Ok(a), Ok(b)) => {
                        let n = if op == BinaryOp::BitAnd { a & b } else { a | b };
                        Ok(match (&l, i32::try_from(n)) {
                            (Value::Enum(e), _) => Value::Enum(EnumValue {
                                ty: e.ty.clone(),
                                value: n,
                            }),
                            (_, Ok(i)) => Value::Int(i),
                            (_, Err(_)) => Value::Long(n),
                        })
                    }
                    (Err(m), _) | (_, Err(m)) => Err(catalogue::runtime(m, "InvalidCast")),
                }
            }
            BinaryOp::Compare(cop, case) => {
                let mut matches = None;
                let r = ops::compare(cop, case, &l, &r, self.local_offset(), &mut matches);
                if let Some(m) = matches {
                    self.set_variable("Matches", m);
                }
                r
            }
            BinaryOp::And | BinaryOp::Or | BinaryOp::Is | BinaryOp::IsNot | BinaryOp::As => {
                Ok(Value::Null)
            }
        };
        result.map_err(|rec| self.fail(rec, span))
    }
}

impl<S> Interp<S> {
    /// Binds a script's `param()` block from its command-line arguments (PowerShell's
    /// `-File` rule: `-Name` words are parameter names, everything else is a value).
    /// A binding failure is reported and ends the script.
    pub(crate) fn bind_script_params(
        &mut self,
        params: Option<&ParamBlock>,
        args: &[String],
        span: Span,
    ) -> bool {
        let sig = signature_from_params("script", params);
        let items: Vec<Arg> = args
            .iter()
            .map(|a| match a.strip_prefix('-') {
                Some(name)
                    if !name.is_empty() && !name.starts_with(|c: char| c.is_ascii_digit()) =>
                {
                    let (name, colon) = match name.split_once(':') {
                        Some((n, v)) => (n.to_string(), Some(Value::from(v))),
                        None => (name.to_string(), None),
                    };
                    let with_colon = colon.is_some();
                    Arg::Param {
                        name,
                        colon,
                        with_colon,
                        span,
                        arg_span: None,
                    }
                }
                _ => Arg::Value(Value::from(a.as_str()), span),
            })
            .collect();
        let offset = self.local_offset();
        let bound = match bind_command_line(&sig, &items, &[], false, span, offset) {
            Ok(b) => b.bound_params(),
            Err(rec) => {
                let rec = self.locate(rec, span, None);
                self.report(&rec);
                self.last_ok = false;
                return false;
            }
        };
        match self.bind_function_params(params, &bound) {
            Ok(()) => true,
            Err(Flow::Error(rec, _)) => {
                self.report(&rec);
                self.last_ok = false;
                false
            }
            Err(_) => false,
        }
    }

    /// Runs a parsed script's top-level statements, delivering each statement's output
    /// to the host. Returns `Some(code)` for `exit`, and whether an uncaught
    /// script-terminating error ended the script.
    pub(crate) fn run_top(&mut self, stmts: &[Statement]) -> (Option<i32>, bool) {
        for st in stmts {
            let mut out = Vec::new();
            let r = self.exec_one(st, &mut out);
            if !out.is_empty() {
                self.host.write_output(&out);
            }
            match r {
                Ok(()) => {}
                Err(Flow::Exit(code)) => return (Some(code), false),
                Err(Flow::Error(rec, _)) => {
                    self.report(&rec);
                    self.last_ok = false;
                    return (None, true);
                }
                Err(Flow::Return) => return (None, false),
                Err(Flow::Break(_)) | Err(Flow::Continue(_)) => return (None, false),
            }
        }
        (None, false)
    }
}
