//! Add-PSSnapin and Get-PSSnapin: the Exchange snap-in names succeed (the Exchange cmdlets
//! are always loaded); any other snap-in gives PowerShell's error.

use shell_engine::{
    Call, Cmdlet, Context, ErrorCategory, ErrorRecord, Example, Kind, Param, PipelineInput,
    PsObject, Signature, Value,
};

use crate::format::display::wildcard_match;

/// The snap-ins this shell provides: (name, description).
pub const SNAPINS: &[(&str, &str)] = &[
    (
        "Microsoft.PowerShell.Core",
        "This Windows PowerShell snap-in contains cmdlets used to manage components of Windows PowerShell.",
    ),
    (
        "Microsoft.Exchange.Management.PowerShell.Admin",
        "Admin Tasks for the Exchange Server",
    ),
    (
        "Microsoft.Exchange.Management.PowerShell.E2010",
        "Admin Tasks for the Exchange Server",
    ),
];

fn snapin_info(name: &str, description: &str) -> Value {
    Value::object(
        PsObject::new("System.Management.Automation.PSSnapInInfo")
            .with("Name", name)
            .with("PSVersion", "5.1")
            .with("Description", description)
            .with_string_form(name),
    )
}

/// Adds a snap-in to the session.
pub struct AddPSSnapin;

impl<S> Cmdlet<S> for AddPSSnapin {
    fn signature(&self) -> Signature {
        Signature::new("Add-PSSnapin")
            .summary("Adds one or more Windows PowerShell snap-ins to the current session.")
            .param(
                Param::new("Name", Kind::StringList)
                    .position(0)
                    .mandatory()
                    .from_pipeline(PipelineInput::ByPropertyName),
            )
            .param(Param::switch("PassThru"))
    }

    fn examples(&self) -> &'static [Example] {
        &[Example {
            script: "Add-PSSnapin Microsoft.Exchange.Management.PowerShell.Admin",
            summary: "Loads the Exchange 2007 snap-in (always present in certsh).",
        }]
    }

    fn run(&self, call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        let names: Vec<String> = call.get("Name")?;
        for name in names {
            match SNAPINS.iter().find(|(n, _)| wildcard_match(&name, n)) {
                Some((n, d)) => {
                    if call.switch("PassThru") {
                        cx.write_output(snapin_info(n, d));
                    }
                }
                None => cx.write_error(
                    ErrorRecord::new(
                        format!("The Windows PowerShell snap-in '{name}' is not installed on this computer."),
                        "AddPSSnapInRead",
                        ErrorCategory::InvalidArgument,
                    )
                    .with_reason("PSArgumentException")
                    .with_target_text(&name, "String")
                    .with_activity(call.name.clone()),
                ),
            }
        }
        Ok(())
    }
}

/// Lists the snap-ins of the session.
pub struct GetPSSnapin;

impl<S> Cmdlet<S> for GetPSSnapin {
    fn signature(&self) -> Signature {
        Signature::new("Get-PSSnapin")
            .summary("Gets the Windows PowerShell snap-ins on the computer.")
            .param(Param::new("Name", Kind::StringList).position(0))
            .param(Param::switch("Registered"))
    }

    fn examples(&self) -> &'static [Example] {
        &[Example {
            script: "Get-PSSnapin *Exchange* | % Name",
            summary: "The Exchange snap-ins.",
        }]
    }

    fn run(&self, call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        let names: Vec<String> = call.get_optional("Name")?.unwrap_or_default();
        for (n, d) in SNAPINS {
            if call.switch("Registered") && n.starts_with("Microsoft.PowerShell") {
                continue;
            }
            if names.is_empty() || names.iter().any(|p| wildcard_match(p, n)) {
                cx.write_output(snapin_info(n, d));
            }
        }
        Ok(())
    }
}
