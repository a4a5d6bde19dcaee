//! Where-Object (alias `where`, `?`).

use std::rc::Rc;

use shell_engine::{
    Call, Cmdlet, Context, ErrorRecord, Example, Kind, Param, PipelineInput, ScriptBlockValue,
    Signature, Value,
};
use shell_parser::ast::{CaseMode, CompareOp};

use super::common::{input, unsupported};

/// Keeps the input objects for which a script block or a comparison is true.
pub struct WhereObject;

/// The operator switches in declaration order: (name, operator, case mode).
const OPERATORS: &[(&str, CompareOp, CaseMode)] = &[
    ("EQ", CompareOp::Eq, CaseMode::Default),
    ("IEQ", CompareOp::Eq, CaseMode::Insensitive),
    ("CEQ", CompareOp::Eq, CaseMode::Sensitive),
    ("NE", CompareOp::Ne, CaseMode::Default),
    ("INE", CompareOp::Ne, CaseMode::Insensitive),
    ("CNE", CompareOp::Ne, CaseMode::Sensitive),
    ("GT", CompareOp::Gt, CaseMode::Default),
    ("IGT", CompareOp::Gt, CaseMode::Insensitive),
    ("CGT", CompareOp::Gt, CaseMode::Sensitive),
    ("LT", CompareOp::Lt, CaseMode::Default),
    ("ILT", CompareOp::Lt, CaseMode::Insensitive),
    ("CLT", CompareOp::Lt, CaseMode::Sensitive),
    ("GE", CompareOp::Ge, CaseMode::Default),
    ("IGE", CompareOp::Ge, CaseMode::Insensitive),
    ("CGE", CompareOp::Ge, CaseMode::Sensitive),
    ("LE", CompareOp::Le, CaseMode::Default),
    ("ILE", CompareOp::Le, CaseMode::Insensitive),
    ("CLE", CompareOp::Le, CaseMode::Sensitive),
    ("Like", CompareOp::Like, CaseMode::Default),
    ("ILike", CompareOp::Like, CaseMode::Insensitive),
    ("CLike", CompareOp::Like, CaseMode::Sensitive),
    ("NotLike", CompareOp::NotLike, CaseMode::Default),
    ("INotLike", CompareOp::NotLike, CaseMode::Insensitive),
    ("CNotLike", CompareOp::NotLike, CaseMode::Sensitive),
    ("Match", CompareOp::Match, CaseMode::Default),
    ("IMatch", CompareOp::Match, CaseMode::Insensitive),
    ("CMatch", CompareOp::Match, CaseMode::Sensitive),
    ("NotMatch", CompareOp::NotMatch, CaseMode::Default),
    ("INotMatch", CompareOp::NotMatch, CaseMode::Insensitive),
    ("CNotMatch", CompareOp::NotMatch, CaseMode::Sensitive),
    ("Contains", CompareOp::Contains, CaseMode::Default),
    ("IContains", CompareOp::Contains, CaseMode::Insensitive),
    ("CContains", CompareOp::Contains, CaseMode::Sensitive),
    ("NotContains", CompareOp::NotContains, CaseMode::Default),
    (
        "INotContains",
        CompareOp::NotContains,
        CaseMode::Insensitive,
    ),
    ("CNotContains", CompareOp::NotContains, CaseMode::Sensitive),
    ("In", CompareOp::In, CaseMode::Default),
    ("IIn", CompareOp::In, CaseMode::Insensitive),
    ("CIn", CompareOp::In, CaseMode::Sensitive),
    ("NotIn", CompareOp::NotIn, CaseMode::Default),
    ("INotIn", CompareOp::NotIn, CaseMode::Insensitive),
    ("CNotIn", CompareOp::NotIn, CaseMode::Sensitive),
];

/// The set name of an operator switch: `EqualSet` for `-EQ` (PowerShell's default set, where
/// the switch is optional), `<Switch>Set` for the others.
fn set_name(switch: &str) -> String {
    if switch == "EQ" {
        "EqualSet".to_string()
    } else {
        format!("{switch}Set")
    }
}

impl<S> Cmdlet<S> for WhereObject {
    fn signature(&self) -> Signature {
        let mut property = Param::new("Property", Kind::String);
        let mut value = Param::new("Value", Kind::Object);
        // Property [0] and Value [1] belong to every operator set. In EqualSet (the default)
        // -EQ is optional: `where Name` keeps objects whose property is true, and
        // `where Name value` compares with -eq, as in PowerShell.
        for set in OPERATORS
            .iter()
            .map(|(n, _, _)| set_name(n))
            .chain(["IsSet".to_string(), "IsNotSet".to_string()])
        {
            property = property.in_set(&set).position(0).mandatory();
            value = value.in_set(&set).position(1);
        }
        let mut sig = Signature::new("Where-Object")
            .summary("Selects objects from a collection based on their property values.")
            .default_set("EqualSet")
            .param(Param::new("InputObject", Kind::Object).from_pipeline(PipelineInput::ByValue))
            .param(
                Param::new("FilterScript", Kind::ScriptBlock)
                    .in_set("ScriptBlockSet")
                    .position(0)
                    .mandatory(),
            )
            .param(property)
            .param(value);
        for (name, _, _) in OPERATORS {
            let switch = Param::switch(name).in_set(&set_name(name));
            sig = sig.param(if *name == "EQ" {
                switch
            } else {
                switch.mandatory()
            });
        }
        sig.param(
            Param::switch("Is")
                .in_set("IsSet")
                .mandatory()
                .unimplemented(),
        )
        .param(
            Param::switch("IsNot")
                .in_set("IsNotSet")
                .mandatory()
                .unimplemented(),
        )
    }

    fn examples(&self) -> &'static [Example] {
        &[
            Example {
                script: "1..10 | Where-Object { $_ -gt 7 }",
                summary: "A script filter.",
            },
            Example {
                script: "[pscustomobject]@{Name='pop'; Port=995}, [pscustomobject]@{Name='smtp'; Port=25} | where Port -lt 100 | % Name",
                summary: "The simplified syntax: property, operator switch, value.",
            },
            Example {
                script: "'a.contoso.com', 'b.fabrikam.com' | ? { $_ -like '*contoso*' }",
                summary: "The `?` alias with a wildcard comparison.",
            },
        ]
    }

    fn run(&self, call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        for name in ["Is", "IsNot"] {
            if call.is_bound(name) {
                return Err(unsupported(call, name));
            }
        }
        let Some(item) = input(call) else {
            return Ok(());
        };
        if let Some(block) = call.get_optional::<Rc<ScriptBlockValue>>("FilterScript")? {
            let out = cx.invoke_block(&block, Some(item.clone()), vec![])?;
            let keep = match out.len() {
                0 => false,
                1 => out[0].is_truthy(),
                _ => Value::array(out).is_truthy(),
            };
            if keep {
                cx.write_output(item);
            }
            return Ok(());
        }
        let Some(property) = call.value("Property") else {
            return Ok(());
        };
        let left = item.member(&property.to_string_form());
        let operator = OPERATORS
            .iter()
            .find(|(n, _, _)| call.switch(n))
            .or_else(|| {
                // A value without an operator switch is EqualSet's implied -EQ.
                if call.is_bound("Value") {
                    OPERATORS.first()
                } else {
                    None
                }
            });
        let keep = match operator {
            None => left.is_truthy(),
            Some((_, op, case)) => {
                let right = call.value("Value").cloned().unwrap_or(Value::Null);
                let mut matches = None;
                let result = shell_engine::compare(
                    *op,
                    *case,
                    &left,
                    &right,
                    time::UtcOffset::UTC,
                    &mut matches,
                )?;
                result.is_truthy()
            }
        };
        if keep {
            cx.write_output(item);
        }
        Ok(())
    }
}
