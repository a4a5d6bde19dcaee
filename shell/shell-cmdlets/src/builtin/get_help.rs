//! Get-Help (alias `help`, `man`; no paging).

use std::rc::Rc;

use shell_engine::{
    Call, Cmdlet, Context, ErrorCategory, ErrorRecord, Example, Kind, Param, PsObject, Signature,
    Value,
};
use shell_format::HelpView;

use super::common::unsupported;
use super::help::help_page;
use crate::format::HelpRecord;
use crate::format::display::{has_wildcard, wildcard_match};

/// Shows help for a command, generated from its signature and examples.
pub struct GetHelp;

/// The text of `Get-Help` with no name.
pub const SHELL_HELP: &str = "\
TOPIC
    certsh help

SHORT DESCRIPTION
    certsh is a PowerShell-style shell for the Exchange Server 2007 SP1 certificate cmdlets.

LONG DESCRIPTION
    Get-Help <command> shows the help of a command; add -Examples, -Detailed or -Full for
    more, or -Parameter <name> for one parameter. Get-Command lists every command; wildcards
    work (Get-Command *ExchangeCertificate). Get-Member shows the properties of the objects
    in a pipeline.";

/// The declaration of one parameter as Get-Help -Parameter prints it.
fn parameter_block(param: &Param) -> Vec<String> {
    let spec = param.sets.first().cloned().unwrap_or_default();
    let value = if param.kind.is_switch() {
        String::new()
    } else {
        format!(" <{}>", param.kind.syntax_name())
    };
    let position = spec.position.map_or("named".to_string(), |p| p.to_string());
    let pipeline = match (
        param.sets.iter().any(|s| s.by_value),
        param.sets.iter().any(|s| s.by_property_name),
    ) {
        (true, true) => "True (ByValue, ByPropertyName)",
        (true, false) => "True (ByValue)",
        (false, true) => "True (ByPropertyName)",
        (false, false) => "False",
    };
    let mut lines = vec![String::new(), format!("-{}{value}", param.name)];
    if !param.help.is_empty() {
        lines.push(format!("    {}", param.help));
    }
    lines.push(String::new());
    lines.push(format!(
        "    Required?                    {}",
        spec.mandatory.to_string().to_lowercase()
    ));
    lines.push(format!("    Position?                    {position}"));
    lines.push(format!("    Accept pipeline input?       {pipeline}"));
    if !param.aliases.is_empty() {
        lines.push(format!(
            "    Aliases                      {}",
            param.aliases.join(", ")
        ));
    }
    lines.push(String::new());
    lines
}

/// Finds a command by name or alias: its signature and examples.
pub fn find_command<S>(cx: &Context<S>, name: &str) -> Option<(Rc<Signature>, &'static [Example])> {
    let target = cx
        .aliases()
        .into_iter()
        .find(|(a, _)| a.eq_ignore_ascii_case(name))
        .map(|(_, c)| c)
        .unwrap_or_else(|| name.to_string());
    cx.commands()
        .into_iter()
        .find(|(s, _)| s.name.eq_ignore_ascii_case(&target))
        .or_else(|| {
            // Functions defined in the session, with their comment-based help.
            cx.functions()
                .into_iter()
                .find(|(n, _)| n.eq_ignore_ascii_case(&target))
                .map(|(_, mut signature)| {
                    // The engine's hidden collector of `$args` is not part of the syntax.
                    signature.params.retain(|p| !p.name.starts_with("__"));
                    (Rc::new(signature), &[] as &'static [Example])
                })
        })
}

impl<S> Cmdlet<S> for GetHelp {
    fn signature(&self) -> Signature {
        Signature::new("Get-Help")
            .summary("Displays information about commands.")
            .default_set("AllUsersView")
            .param(Param::new("Name", Kind::String).position(0))
            .param(Param::new("Path", Kind::String).unimplemented())
            .param(Param::new("Category", Kind::StringList).unimplemented())
            .param(Param::new("Component", Kind::StringList).unimplemented())
            .param(Param::new("Functionality", Kind::StringList).unimplemented())
            .param(Param::new("Role", Kind::StringList).unimplemented())
            .param(Param::switch("Full").in_set("AllUsersView"))
            .param(Param::switch("Detailed").in_set("DetailedView").mandatory())
            .param(Param::switch("Examples").in_set("Examples").mandatory())
            .param(
                Param::new("Parameter", Kind::String)
                    .in_set("Parameters")
                    .mandatory(),
            )
            .param(
                Param::switch("Online")
                    .in_set("Online")
                    .mandatory()
                    .unimplemented(),
            )
            .param(
                Param::switch("ShowWindow")
                    .in_set("ShowWindow")
                    .mandatory()
                    .unimplemented(),
            )
    }

    fn examples(&self) -> &'static [Example] {
        &[
            Example {
                script: "Get-Help Select-Object",
                summary: "The help of Select-Object.",
            },
            Example {
                script: "help fl -Examples",
                summary: "The examples of Format-List (by alias).",
            },
            Example {
                script: "Get-Help Write-Host -Parameter Separator",
                summary: "One parameter's description.",
            },
        ]
    }

    fn run(&self, call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        for name in [
            "Path",
            "Category",
            "Component",
            "Functionality",
            "Role",
            "Online",
            "ShowWindow",
        ] {
            if call.is_bound(name) {
                return Err(unsupported(call, name));
            }
        }
        let Some(name) = call.value("Name").map(Value::to_string_form) else {
            cx.write_output(Value::from(SHELL_HELP));
            return Ok(());
        };
        if has_wildcard(&name) {
            let mut rows: Vec<(Rc<Signature>, &'static [Example])> = cx
                .commands()
                .into_iter()
                .filter(|(s, _)| wildcard_match(&name, &s.name))
                .collect();
            rows.sort_by_key(|(s, _)| s.name.to_ascii_lowercase());
            for (sig, _) in rows {
                cx.write_output(Value::object(
                    PsObject::new("HelpInfoShort")
                        .with("Name", sig.name.clone())
                        .with("Category", "Cmdlet")
                        .with("Synopsis", sig.summary.clone()),
                ));
            }
            return Ok(());
        }
        let Some((signature, examples)) = find_command(cx, &name) else {
            return Err(ErrorRecord::new(
                format!(
                    "Get-Help could not find {name} in a help file in this session. To download updated help topics type: \"Update-Help\". To get help online, search for the help topic in the TechNet library at https:/go.microsoft.com/fwlink/?LinkID=107116."
                ),
                "HelpNotFound",
                ErrorCategory::ResourceUnavailable,
            )
            .with_reason("HelpNotFoundException")
            .with_target_text(&name, "String")
            .with_activity(call.name.clone()));
        };
        if let Some(wanted) = call.value("Parameter").map(Value::to_string_form) {
            let params: Vec<&Param> = signature
                .params
                .iter()
                .filter(|p| wildcard_match(&wanted, &p.name))
                .collect();
            if params.is_empty() {
                return Err(ErrorRecord::new(
                    format!("No parameter matches criteria {wanted}."),
                    "NoParmsFound",
                    ErrorCategory::InvalidArgument,
                )
                .with_reason("ArgumentException")
                .with_target_text(&wanted, "String")
                .with_activity(call.name.clone()));
            }
            let text: Vec<String> = params.into_iter().flat_map(parameter_block).collect();
            cx.write_output(Value::from(text.join("\n")));
            return Ok(());
        }
        let view = if call.switch("Full") {
            HelpView::Full
        } else if call.switch("Detailed") {
            HelpView::Detailed
        } else if call.switch("Examples") {
            HelpView::Examples
        } else {
            HelpView::Default
        };
        let page = help_page(&signature, examples);
        cx.write_output(Value::Format(Rc::new(HelpRecord { page, view })));
        Ok(())
    }
}
