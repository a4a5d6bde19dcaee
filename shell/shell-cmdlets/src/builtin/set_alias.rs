//! Set-Alias and New-Alias: names for commands, for the rest of the session. New-Alias refuses
//! a name that is already an alias (unless `-Force`), as PowerShell does.

use shell_engine::{
    Call, Cmdlet, Context, ErrorCategory, ErrorRecord, Example, Kind, Param, Signature,
};

/// Creates or changes an alias.
pub struct SetAlias;

/// Creates an alias.
pub struct NewAlias;

fn alias_signature(name: &str, summary: &str) -> Signature {
    Signature::new(name)
        .summary(summary)
        .param(Param::new("Name", Kind::String).position(0).mandatory())
        .param(Param::new("Value", Kind::String).position(1).mandatory())
        .param(Param::new("Description", Kind::String))
        .param(Param::switch("Force"))
        .param(Param::switch("PassThru"))
        .param(Param::new("Scope", Kind::String))
        .param(Param::new("Option", Kind::String))
}

fn define<S>(call: &Call, cx: &mut Context<S>, new: bool) -> Result<(), ErrorRecord> {
    let name: String = call.get("Name")?;
    let value: String = call.get("Value")?;
    let exists = cx
        .aliases()
        .iter()
        .any(|(alias, _)| alias.eq_ignore_ascii_case(&name));
    if new && exists && !call.switch("Force") {
        return Err(ErrorRecord::new(
            format!(
                "The alias is not allowed, because an alias with the name '{name}' already exists."
            ),
            "AliasAlreadyExists",
            ErrorCategory::ResourceExists,
        )
        .with_reason("SessionStateException")
        .with_target_text(&name, "String")
        .with_activity(call.name.clone())
        .with_span(call.span_of("Name")));
    }
    cx.set_alias(&name, &value);
    if call.switch("PassThru") {
        cx.write_output(super::get_command::alias_info(&name, &value));
    }
    Ok(())
}

impl<S> Cmdlet<S> for SetAlias {
    fn signature(&self) -> Signature {
        alias_signature(
            "Set-Alias",
            "Creates or changes an alias for a cmdlet or other command in the current session.",
        )
    }

    fn examples(&self) -> &'static [Example] {
        &[Example {
            script: "Set-Alias gxc Get-ExchangeCertificate; gxc | Measure-Object | ForEach-Object Count",
            summary: "A short name for a command the session types often.",
        }]
    }

    fn run(&self, call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        define(call, cx, false)
    }
}

impl<S> Cmdlet<S> for NewAlias {
    fn signature(&self) -> Signature {
        alias_signature("New-Alias", "Creates a new alias.")
    }

    fn examples(&self) -> &'static [Example] {
        &[Example {
            script: "New-Alias fl2 Format-List; New-Alias fl2 Format-Table",
            summary: "The second call fails: the alias exists (Set-Alias or -Force change it).",
        }]
    }

    fn run(&self, call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        define(call, cx, true)
    }
}
