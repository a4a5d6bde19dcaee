//! What a cmdlet declares (spec §5.1, §5.6): parameters, kinds, sets, ShouldProcess.

use std::fmt;
use std::rc::Rc;

use crate::value::{EnumType, Value};

/// A domain parameter kind added by a cmdlet crate (for example `Thumbprint`).
#[derive(Clone)]
pub struct CustomKind {
    /// The display name used in binding messages.
    pub display_name: &'static str,
    /// Converts an argument; the error text becomes the `Error: "…"` part of
    /// CannotConvertArgumentNoMessage.
    pub convert: fn(&Value) -> Result<Value, String>,
    /// `true` when the value already has this kind ("without conversion", §5.4/§5.8).
    pub is_native: fn(&Value) -> bool,
}

impl fmt::Debug for CustomKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CustomKind({})", self.display_name)
    }
}

/// The kind of a parameter (§5.6).
#[derive(Debug, Clone)]
pub enum Kind {
    /// `System.String`.
    String,
    /// `System.String[]`.
    StringList,
    /// `System.Int32`.
    Int32,
    /// `System.Int32[]`.
    Int32List,
    /// `System.Int64`.
    Int64,
    /// `System.Double`.
    Double,
    /// `System.Boolean` (not a switch: takes the next argument).
    Boolean,
    /// A switch (`SwitchParameter`).
    Switch,
    /// A single enum value.
    Enum(Rc<EnumType>),
    /// A flags enum (comma lists and arrays combine).
    Flags(Rc<EnumType>),
    /// A script block.
    ScriptBlock,
    /// `ScriptBlock[]`.
    ScriptBlockList,
    /// Anything (`System.Object` / `PSObject`).
    Object,
    /// `Object[]` / `PSObject[]`.
    ObjectList,
    /// `SecureString`.
    SecureString,
    /// `DateTime`.
    DateTime,
    /// `TimeSpan`.
    TimeSpan,
    /// `Hashtable`.
    Hashtable,
    /// A domain kind declared by a cmdlet crate.
    Custom(CustomKind),
}

impl Kind {
    /// The display name used in binding messages (table 5.6).
    pub fn display_name(&self) -> String {
        match self {
            Kind::String => "System.String".into(),
            Kind::StringList => "System.String[]".into(),
            Kind::Int32 => "System.Int32".into(),
            Kind::Int32List => "System.Int32[]".into(),
            Kind::Int64 => "System.Int64".into(),
            Kind::Double => "System.Double".into(),
            Kind::Boolean => "System.Boolean".into(),
            Kind::Switch => "System.Management.Automation.SwitchParameter".into(),
            Kind::Enum(t) | Kind::Flags(t) => t.name.clone(),
            Kind::ScriptBlock => "System.Management.Automation.ScriptBlock".into(),
            Kind::ScriptBlockList => "System.Management.Automation.ScriptBlock[]".into(),
            Kind::Object => "System.Object".into(),
            Kind::ObjectList => "System.Object[]".into(),
            Kind::SecureString => "System.Security.SecureString".into(),
            Kind::DateTime => "System.DateTime".into(),
            Kind::TimeSpan => "System.TimeSpan".into(),
            Kind::Hashtable => "System.Collections.Hashtable".into(),
            Kind::Custom(c) => c.display_name.into(),
        }
    }

    /// The short syntax name used by Get-Help (`String`, `String[]`, `SwitchParameter`).
    pub fn syntax_name(&self) -> String {
        let full = self.display_name();
        full.rsplit('.').next().unwrap_or(&full).to_string()
    }

    /// `true` for switches.
    pub fn is_switch(&self) -> bool {
        matches!(self, Kind::Switch)
    }
}

/// How a parameter takes pipeline input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PipelineInput {
    /// The input object itself.
    ByValue,
    /// A property of the input object named like the parameter or an alias.
    ByPropertyName,
}

/// The confirm impact of a ShouldProcess cmdlet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ConfirmImpact {
    /// Never confirms by default.
    None,
    /// Low.
    Low,
    /// Medium.
    Medium,
    /// High (confirms by default: `$ConfirmPreference` is High).
    High,
}

/// The per-set part of a parameter declaration.
#[derive(Debug, Clone, Default)]
pub struct SetSpec {
    /// The set name, or `None` for every set.
    pub set: Option<String>,
    /// The position, if positional.
    pub position: Option<usize>,
    /// Mandatory in this set.
    pub mandatory: bool,
    /// From the pipeline by value.
    pub by_value: bool,
    /// From the pipeline by property name.
    pub by_property_name: bool,
    /// Takes the remaining arguments.
    pub remaining: bool,
}

/// One parameter declaration.
#[derive(Debug, Clone)]
pub struct Param {
    /// The declared name.
    pub name: String,
    /// The kind.
    pub kind: Kind,
    /// Aliases.
    pub aliases: Vec<String>,
    /// One entry per parameter set (or one entry with `set: None` for all sets).
    pub sets: Vec<SetSpec>,
    /// Declared only: binding it fails with `shell::bind::unsupported_parameter`.
    pub unimplemented: bool,
    /// A mandatory parameter that accepts `$null` and empty values
    /// (`[AllowNull()]`/`[AllowEmptyString()]`, as Write-Output's InputObject).
    pub allow_null: bool,
    /// Help text.
    pub help: String,
}

impl Param {
    /// A parameter in every set, named, optional.
    pub fn new(name: &str, kind: Kind) -> Self {
        Param {
            name: name.to_string(),
            kind,
            aliases: Vec::new(),
            sets: vec![SetSpec::default()],
            unimplemented: false,
            allow_null: false,
            help: String::new(),
        }
    }

    /// A switch parameter.
    pub fn switch(name: &str) -> Self {
        Param::new(name, Kind::Switch)
    }

    fn current(&mut self) -> &mut SetSpec {
        if self.sets.is_empty() {
            self.sets.push(SetSpec::default());
        }
        let last = self.sets.len() - 1;
        &mut self.sets[last]
    }

    /// Puts the following `position`/`mandatory`/`from_pipeline` settings in a named set.
    /// The first call names the initial entry; later calls start a new entry.
    pub fn in_set(mut self, set: &str) -> Self {
        if self.sets.len() == 1 && self.sets[0].set.is_none() {
            self.sets[0].set = Some(set.to_string());
        } else {
            self.sets.push(SetSpec {
                set: Some(set.to_string()),
                ..Default::default()
            });
        }
        self
    }

    /// The position (in the current set entry).
    pub fn position(mut self, position: usize) -> Self {
        self.current().position = Some(position);
        self
    }

    /// Mandatory (in the current set entry).
    pub fn mandatory(mut self) -> Self {
        self.current().mandatory = true;
        self
    }

    /// Takes pipeline input (in the current set entry).
    pub fn from_pipeline(mut self, how: PipelineInput) -> Self {
        match how {
            PipelineInput::ByValue => self.current().by_value = true,
            PipelineInput::ByPropertyName => self.current().by_property_name = true,
        }
        self
    }

    /// Takes the remaining arguments (in the current set entry).
    pub fn remaining(mut self) -> Self {
        self.current().remaining = true;
        self
    }

    /// Adds an alias.
    pub fn alias(mut self, alias: &str) -> Self {
        self.aliases.push(alias.to_string());
        self
    }

    /// Declared only (spec §5.1: bound for name matching, rejected at run time).
    pub fn unimplemented(mut self) -> Self {
        self.unimplemented = true;
        self
    }

    /// Accepts `$null` and empty strings even when mandatory.
    pub fn allow_null(mut self) -> Self {
        self.allow_null = true;
        self
    }

    /// Help text.
    pub fn help(mut self, text: &str) -> Self {
        self.help = text.to_string();
        self
    }

    /// The spec entry for a set (an entry with `set: None` matches every set).
    pub fn spec_for(&self, set: &str) -> Option<&SetSpec> {
        self.sets
            .iter()
            .find(|s| {
                s.set
                    .as_deref()
                    .is_some_and(|n| n.eq_ignore_ascii_case(set))
            })
            .or_else(|| self.sets.iter().find(|s| s.set.is_none()))
    }

    /// `true` when the parameter belongs to every set.
    pub fn in_all_sets(&self) -> bool {
        self.sets.iter().any(|s| s.set.is_none())
    }
}

/// A usage example (drives Get-Help and the example snapshot tests).
#[derive(Debug, Clone, Copy)]
pub struct Example {
    /// The script text.
    pub script: &'static str,
    /// What it does.
    pub summary: &'static str,
}

/// A cmdlet's declaration.
#[derive(Debug, Clone)]
pub struct Signature {
    /// The declared name (`Enable-ExchangeCertificate`).
    pub name: String,
    /// One-line summary.
    pub summary: String,
    /// Longer description.
    pub description: String,
    /// Parameters in declaration order.
    pub params: Vec<Param>,
    /// The default parameter set.
    pub default_set: Option<String>,
    /// `Some(impact)` when the cmdlet supports `-WhatIf`/`-Confirm`.
    pub should_process: Option<ConfirmImpact>,
    /// `true` for a script function's `param()` block, whose typed parameters convert their
    /// arguments through an argument transformation (its own error id).
    pub script_function: bool,
}

impl Signature {
    /// A signature with no parameters.
    pub fn new(name: &str) -> Self {
        Signature {
            name: name.to_string(),
            summary: String::new(),
            description: String::new(),
            params: Vec::new(),
            default_set: None,
            should_process: None,
            script_function: false,
        }
    }

    /// The summary.
    pub fn summary(mut self, text: &str) -> Self {
        self.summary = text.to_string();
        self
    }

    /// The description.
    pub fn description(mut self, text: &str) -> Self {
        self.description = text.to_string();
        self
    }

    /// Adds a parameter.
    pub fn param(mut self, param: Param) -> Self {
        self.params.push(param);
        self
    }

    /// The default parameter set.
    pub fn default_set(mut self, set: &str) -> Self {
        self.default_set = Some(set.to_string());
        self
    }

    /// Supports `-WhatIf` / `-Confirm` with this impact.
    pub fn supports_should_process(mut self, impact: ConfirmImpact) -> Self {
        self.should_process = Some(impact);
        self
    }

    /// The declared parameter sets in first-mention order (empty: one implicit set).
    pub fn set_names(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        if let Some(d) = &self.default_set {
            out.push(d.clone());
        }
        for p in &self.params {
            for s in &p.sets {
                if let Some(n) = &s.set
                    && !out.iter().any(|o| o.eq_ignore_ascii_case(n))
                {
                    out.push(n.clone());
                }
            }
        }
        out
    }

    /// A parameter by declared name (case-insensitive).
    pub fn find(&self, name: &str) -> Option<&Param> {
        self.params
            .iter()
            .find(|p| p.name.eq_ignore_ascii_case(name))
    }
}

/// The preference / ErrorAction enum (§9).
pub fn action_preference_type() -> Rc<EnumType> {
    EnumType::new(
        "System.Management.Automation.ActionPreference",
        &[
            ("SilentlyContinue", 0),
            ("Stop", 1),
            ("Continue", 2),
            ("Inquire", 3),
            ("Ignore", 4),
            ("Suspend", 5),
        ],
    )
}

/// The common parameters appended after the cmdlet's own (§5.1), then WhatIf/Confirm.
pub fn common_parameters(should_process: bool) -> Vec<Param> {
    let pref = action_preference_type();
    let mut out = vec![
        Param::switch("Verbose").alias("vb"),
        Param::switch("Debug").alias("db"),
        Param::new("ErrorAction", Kind::Enum(pref.clone())).alias("ea"),
        Param::new("WarningAction", Kind::Enum(pref.clone())).alias("wa"),
        Param::new("InformationAction", Kind::Enum(pref)).alias("infa"),
        Param::new("ErrorVariable", Kind::String).alias("ev"),
        Param::new("WarningVariable", Kind::String).alias("wv"),
        Param::new("InformationVariable", Kind::String).alias("iv"),
        Param::new("OutVariable", Kind::String).alias("ov"),
        Param::new("OutBuffer", Kind::Int32).alias("ob"),
        Param::new("PipelineVariable", Kind::String).alias("pv"),
    ];
    if should_process {
        out.push(Param::switch("WhatIf").alias("wi"));
        out.push(Param::switch("Confirm").alias("cf"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_and_specs() {
        let p = Param::new("Property", Kind::String)
            .in_set("A")
            .position(0)
            .mandatory()
            .in_set("B")
            .position(1);
        assert_eq!(p.spec_for("a").and_then(|s| s.position), Some(0));
        assert!(p.spec_for("B").is_some_and(|s| !s.mandatory));
        assert!(p.spec_for("C").is_none());
        let sig = Signature::new("X").default_set("B").param(p);
        assert_eq!(sig.set_names(), ["B", "A"]);
    }

    #[test]
    fn common_parameters_in_5_1_order() {
        let names: Vec<String> = common_parameters(true)
            .into_iter()
            .map(|p| p.name)
            .collect();
        assert_eq!(
            names,
            [
                "Verbose",
                "Debug",
                "ErrorAction",
                "WarningAction",
                "InformationAction",
                "ErrorVariable",
                "WarningVariable",
                "InformationVariable",
                "OutVariable",
                "OutBuffer",
                "PipelineVariable",
                "WhatIf",
                "Confirm"
            ]
        );
        assert_eq!(
            Kind::Switch.display_name(),
            "System.Management.Automation.SwitchParameter"
        );
    }
}
