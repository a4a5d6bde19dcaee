//! Get-Alias (alias `gal`).

use shell_engine::{
    Call, Cmdlet, Context, ErrorCategory, ErrorRecord, Example, Kind, Param, PipelineInput,
    Signature,
};

use super::common::unsupported;
use super::get_command::alias_info;
use crate::format::display::{has_wildcard, wildcard_match};

/// Lists the aliases of the session (`Alias  fl -> Format-List`).
pub struct GetAlias;

impl<S> Cmdlet<S> for GetAlias {
    fn signature(&self) -> Signature {
        Signature::new("Get-Alias")
            .summary("Gets the aliases for the current session.")
            .default_set("Default")
            .param(
                Param::new("Name", Kind::StringList)
                    .in_set("Default")
                    .position(0)
                    .from_pipeline(PipelineInput::ByValue)
                    .from_pipeline(PipelineInput::ByPropertyName),
            )
            .param(Param::new("Exclude", Kind::StringList))
            .param(Param::new("Scope", Kind::String).unimplemented())
            .param(Param::new("Definition", Kind::StringList).in_set("Definition"))
    }

    fn examples(&self) -> &'static [Example] {
        &[
            Example {
                script: "Get-Alias f*",
                summary: "The aliases starting with f.",
            },
            Example {
                script: "gal -Definition Where-Object",
                summary: "The aliases of Where-Object.",
            },
        ]
    }

    fn run(&self, call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        if call.is_bound("Scope") {
            return Err(unsupported(call, "Scope"));
        }
        let names: Vec<String> = call.get_optional("Name")?.unwrap_or_default();
        let exclude: Vec<String> = call.get_optional("Exclude")?.unwrap_or_default();
        let definitions: Vec<String> = call.get_optional("Definition")?.unwrap_or_default();
        let mut aliases = cx.aliases();
        aliases.sort_by_key(|(a, _)| a.to_ascii_lowercase());
        aliases.retain(|(alias, command)| {
            (names.is_empty() || names.iter().any(|p| wildcard_match(p, alias)))
                && !exclude.iter().any(|p| wildcard_match(p, alias))
                && (definitions.is_empty()
                    || definitions.iter().any(|p| wildcard_match(p, command)))
        });
        for wanted in names.iter().filter(|n| !has_wildcard(n)) {
            if !aliases.iter().any(|(a, _)| a.eq_ignore_ascii_case(wanted)) {
                cx.write_error(
                    ErrorRecord::new(
                        format!("Cannot find an alias because alias '{wanted}' does not exist."),
                        "ItemNotFoundException",
                        ErrorCategory::ObjectNotFound,
                    )
                    .with_reason("ItemNotFoundException")
                    .with_target_text(wanted, "String")
                    .with_activity(call.name.clone()),
                );
            }
        }
        for (alias, command) in aliases {
            cx.write_output(alias_info(&alias, &command));
        }
        Ok(())
    }
}
