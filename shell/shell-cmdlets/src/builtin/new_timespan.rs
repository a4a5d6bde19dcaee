//! New-TimeSpan.

use shell_engine::{
    Call, Cmdlet, Context, ErrorRecord, Example, Kind, Param, PipelineInput, Signature, Value,
};
use time::{Duration, OffsetDateTime};

/// Creates a time interval from two dates or from days, hours, minutes and seconds.
pub struct NewTimeSpan;

impl<S> Cmdlet<S> for NewTimeSpan {
    fn signature(&self) -> Signature {
        Signature::new("New-TimeSpan")
            .summary("Creates a TimeSpan object.")
            .default_set("Date")
            .param(
                Param::new("Start", Kind::DateTime)
                    .alias("LastWriteTime")
                    .in_set("Date")
                    .position(0)
                    .from_pipeline(PipelineInput::ByPropertyName),
            )
            .param(
                Param::new("End", Kind::DateTime)
                    .in_set("Date")
                    .position(1)
                    .from_pipeline(PipelineInput::ByPropertyName),
            )
            .param(Param::new("Days", Kind::Int32).in_set("Time"))
            .param(Param::new("Hours", Kind::Int32).in_set("Time"))
            .param(Param::new("Minutes", Kind::Int32).in_set("Time"))
            .param(Param::new("Seconds", Kind::Int32).in_set("Time"))
    }

    fn examples(&self) -> &'static [Example] {
        &[
            Example {
                script: "(New-TimeSpan -Days 30).TotalHours",
                summary: "720.",
            },
            Example {
                script: "(New-TimeSpan -Start '2008-08-01' -End '2008-08-07 10:04:02').Days",
                summary: "Whole days between two dates.",
            },
        ]
    }

    fn run(&self, call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        let span = if call.parameter_set.as_deref() == Some("Time")
            || ["Days", "Hours", "Minutes", "Seconds"]
                .iter()
                .any(|p| call.is_bound(p))
        {
            let get = |name: &str| -> Result<i64, ErrorRecord> {
                Ok(i64::from(call.get_optional::<i32>(name)?.unwrap_or(0)))
            };
            Duration::days(get("Days")?)
                + Duration::hours(get("Hours")?)
                + Duration::minutes(get("Minutes")?)
                + Duration::seconds(get("Seconds")?)
        } else {
            let now = cx.now();
            let start: OffsetDateTime = call.get_optional("Start")?.unwrap_or(now);
            let end: OffsetDateTime = call.get_optional("End")?.unwrap_or(now);
            end - start
        };
        cx.write_output(Value::TimeSpan(span));
        Ok(())
    }
}
