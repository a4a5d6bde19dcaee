//! Write-Progress: a progress line on the console (stderr, when it is a terminal), never in an
//! output stream, as in PowerShell; `$ProgressPreference = 'SilentlyContinue'` hides it.

use shell_engine::{
    Call, Cmdlet, Context, ErrorRecord, Example, Kind, Param, ProgressRecord, Signature,
};

/// Shows or ends a progress line.
pub struct WriteProgress;

impl<S> Cmdlet<S> for WriteProgress {
    fn signature(&self) -> Signature {
        Signature::new("Write-Progress")
            .summary("Displays a progress bar within a PowerShell command window.")
            .param(Param::new("Activity", Kind::String).position(0).mandatory())
            .param(Param::new("Status", Kind::String).position(1))
            .param(Param::new("Id", Kind::Int32).position(2))
            .param(Param::new("PercentComplete", Kind::Int32))
            .param(Param::new("SecondsRemaining", Kind::Int32))
            .param(Param::new("CurrentOperation", Kind::String))
            .param(Param::new("ParentId", Kind::Int32))
            .param(Param::switch("Completed"))
            .param(Param::new("SourceId", Kind::Int32))
    }

    fn examples(&self) -> &'static [Example] {
        &[Example {
            script: "$all = @(Get-ExchangeCertificate); $i = 0; foreach ($c in $all) { $i++; Write-Progress -Activity 'Checking certificates' -Status $c.Thumbprint -PercentComplete ($i * 100 / $all.Count) }; Write-Progress -Activity 'Checking certificates' -Completed",
            summary: "A progress line on a console while a loop runs; nothing in the output.",
        }]
    }

    fn run(&self, call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        let silent = cx.variable("ProgressPreference").is_some_and(|value| {
            let text = value.to_string_form();
            text.eq_ignore_ascii_case("SilentlyContinue") || text.eq_ignore_ascii_case("Ignore")
        });
        if silent {
            return Ok(());
        }
        let record = ProgressRecord {
            id: call.get_optional("Id")?.unwrap_or(0),
            activity: call.get("Activity")?,
            status: call
                .get_optional("Status")?
                .unwrap_or_else(|| "Processing".to_owned()),
            percent: call.get_optional("PercentComplete")?.unwrap_or(-1),
            operation: call.get_optional("CurrentOperation")?.unwrap_or_default(),
            completed: call.switch("Completed"),
        };
        cx.host().write_progress(&record);
        Ok(())
    }
}
