//! Get-Command (alias `gcm`).

use shell_engine::{
    Call, Cmdlet, Context, ErrorCategory, ErrorRecord, Example, Kind, Param, PipelineInput,
    PsObject, Signature, Value,
};

use super::common::unsupported;
use super::help::syntax_lines;
use crate::format::display::wildcard_match;

/// Lists the commands of the session: cmdlets, aliases and functions.
pub struct GetCommand;

/// The module a command belongs to (the `Source` column).
pub fn module_of(name: &str) -> &'static str {
    const CORE: &[&str] = &[
        "ForEach-Object",
        "Where-Object",
        "Get-Help",
        "Get-Command",
        "Out-Null",
        "Out-Default",
        "Out-Host",
        "Add-PSSnapin",
        "Get-PSSnapin",
    ];
    if CORE.iter().any(|c| c.eq_ignore_ascii_case(name)) {
        "Microsoft.PowerShell.Core"
    } else if crate::registry::BUILTIN_NAMES
        .iter()
        .any(|c| c.eq_ignore_ascii_case(name))
    {
        "Microsoft.PowerShell.Utility"
    } else {
        "Microsoft.Exchange.Management.PowerShell.Admin"
    }
}

/// The type name of Get-Command's objects (its table view is registered in
/// [`crate::registry::standard_views`]).
pub const COMMAND_INFO: &str = "System.Management.Automation.CommandInfo";

/// A `CommandInfo` object: its kind, name, display name (`fl -> Format-List` for aliases) and
/// module.
pub fn command_info(kind: &str, name: &str, display: &str, source: &str) -> Value {
    Value::object(
        PsObject::new(COMMAND_INFO)
            .with("CommandType", kind)
            .with("Name", name)
            .with("DisplayName", display)
            .with("Version", "")
            .with("Source", source)
            .with_string_form(name),
    )
}

/// An alias as Get-Alias writes it: a command info whose Definition (and
/// ResolvedCommandName) is the command it stands for.
pub fn alias_info(alias: &str, command: &str) -> Value {
    Value::object(
        PsObject::new(COMMAND_INFO)
            .with("CommandType", "Alias")
            .with("Name", alias)
            .with("DisplayName", format!("{alias} -> {command}"))
            .with("Version", "")
            .with("Source", "")
            .with("Definition", command)
            .with("ResolvedCommandName", command)
            .with_string_form(alias),
    )
}

impl<S> Cmdlet<S> for GetCommand {
    fn signature(&self) -> Signature {
        Signature::new("Get-Command")
            .summary("Gets all commands.")
            .default_set("CmdletSet")
            .param(Param::new("Verb", Kind::StringList).in_set("CmdletSet"))
            .param(Param::new("Noun", Kind::StringList).in_set("CmdletSet"))
            .param(Param::new("Module", Kind::StringList).unimplemented())
            .param(Param::new("FullyQualifiedModule", Kind::ObjectList).unimplemented())
            .param(Param::new("TotalCount", Kind::Int32).unimplemented())
            .param(Param::switch("Syntax"))
            .param(Param::switch("ShowCommandInfo").unimplemented())
            .param(
                Param::new("ArgumentList", Kind::ObjectList)
                    .alias("Args")
                    .in_set("AllCommandSet")
                    .position(1)
                    .unimplemented(),
            )
            .param(Param::switch("All").unimplemented())
            .param(Param::switch("ListImported").unimplemented())
            .param(Param::new("ParameterName", Kind::StringList).unimplemented())
            .param(Param::new("ParameterType", Kind::ObjectList).unimplemented())
            .param(
                Param::new("Name", Kind::StringList)
                    .in_set("AllCommandSet")
                    .position(0)
                    .from_pipeline(PipelineInput::ByValue)
                    .from_pipeline(PipelineInput::ByPropertyName),
            )
            .param(
                Param::new("CommandType", Kind::StringList)
                    .alias("Type")
                    .in_set("AllCommandSet"),
            )
    }

    fn examples(&self) -> &'static [Example] {
        &[
            Example {
                script: "Get-Command *-Object",
                summary: "The cmdlets whose names end in -Object.",
            },
            Example {
                script: "gcm -Verb Write",
                summary: "The Write- cmdlets.",
            },
            Example {
                script: "Get-Command Out-Null -Syntax",
                summary: "The syntax of a cmdlet.",
            },
        ]
    }

    fn run(&self, call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        for name in [
            "Module",
            "FullyQualifiedModule",
            "TotalCount",
            "ShowCommandInfo",
            "ArgumentList",
            "All",
            "ListImported",
            "ParameterName",
            "ParameterType",
        ] {
            if call.is_bound(name) {
                return Err(unsupported(call, name));
            }
        }
        let names: Vec<String> = call.get_optional("Name")?.unwrap_or_default();
        let verbs: Vec<String> = call.get_optional("Verb")?.unwrap_or_default();
        let nouns: Vec<String> = call.get_optional("Noun")?.unwrap_or_default();
        let types: Vec<String> = call.get_optional("CommandType")?.unwrap_or_default();
        // (kind, name, display, source, syntax)
        let mut rows: Vec<(String, String, String, String, Vec<String>)> = Vec::new();
        for (sig, _) in cx.commands() {
            rows.push((
                "Cmdlet".into(),
                sig.name.clone(),
                sig.name.clone(),
                module_of(&sig.name).to_string(),
                syntax_lines(&sig),
            ));
        }
        for (alias, target) in cx.aliases() {
            rows.push((
                "Alias".into(),
                alias.clone(),
                format!("{alias} -> {target}"),
                String::new(),
                vec![format!("{alias} (alias) -> {target}")],
            ));
        }
        for (name, sig) in cx.functions() {
            rows.push((
                "Function".into(),
                name.clone(),
                name,
                String::new(),
                syntax_lines(&sig),
            ));
        }
        let part = |name: &str, verb: bool| -> String {
            match name.split_once('-') {
                Some((v, n)) => if verb { v } else { n }.to_string(),
                None => String::new(),
            }
        };
        rows.retain(|(kind, name, ..)| {
            (names.is_empty() || names.iter().any(|p| wildcard_match(p, name)))
                && (verbs.is_empty() || verbs.iter().any(|p| wildcard_match(p, &part(name, true))))
                && (nouns.is_empty() || nouns.iter().any(|p| wildcard_match(p, &part(name, false))))
                && (types.is_empty() || types.iter().any(|p| wildcard_match(p, kind)))
        });
        for wanted in &names {
            let literal = !crate::format::display::has_wildcard(wanted);
            if literal && !rows.iter().any(|(_, n, ..)| n.eq_ignore_ascii_case(wanted)) {
                cx.write_error(
                    ErrorRecord::new(
                        format!(
                            "The term '{wanted}' is not recognized as the name of a cmdlet, function, script file, or operable program. Check the spelling of the name, or if a path was included, verify that the path is correct and try again."
                        ),
                        "CommandNotFoundException",
                        ErrorCategory::ObjectNotFound,
                    )
                    .with_reason("CommandNotFoundException")
                    .with_target_text(wanted, "String")
                    .with_activity(call.name.clone()),
                );
            }
        }
        rows.sort_by_key(|r| r.1.to_ascii_lowercase());
        for (kind, name, display, source, syntax) in rows {
            if call.switch("Syntax") {
                for line in syntax {
                    cx.write_output(Value::from(line));
                }
            } else {
                cx.write_output(command_info(&kind, &name, &display, &source));
            }
        }
        Ok(())
    }
}
