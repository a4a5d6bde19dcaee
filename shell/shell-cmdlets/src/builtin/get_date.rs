//! Get-Date.

use shell_engine::{
    Call, Cmdlet, Context, ErrorCategory, ErrorRecord, Example, Kind, Param, PipelineInput,
    Signature, Value, format_date,
};
use time::OffsetDateTime;

use super::date_format::format_unix;

/// Gets the session's current date and time (`now`), or a given date, optionally formatted.
pub struct GetDate;

fn bad_component(call: &Call, name: &str) -> ErrorRecord {
    ErrorRecord::new(
        "Year, Month, and Day parameters describe an un-representable DateTime.",
        "GetDateTimeArgumentOutOfRange",
        ErrorCategory::InvalidArgument,
    )
    .with_reason("ArgumentOutOfRangeException")
    .with_activity(call.name.clone())
    .with_span(call.span_of(name))
}

impl<S> Cmdlet<S> for GetDate {
    fn signature(&self) -> Signature {
        Signature::new("Get-Date")
            .summary("Gets the current date and time.")
            .default_set("net")
            .param(
                Param::new("Date", Kind::DateTime)
                    .alias("LastWriteTime")
                    .position(0)
                    .from_pipeline(PipelineInput::ByValue)
                    .from_pipeline(PipelineInput::ByPropertyName),
            )
            .param(Param::new("Year", Kind::Int32))
            .param(Param::new("Month", Kind::Int32))
            .param(Param::new("Day", Kind::Int32))
            .param(Param::new("Hour", Kind::Int32))
            .param(Param::new("Minute", Kind::Int32))
            .param(Param::new("Second", Kind::Int32))
            .param(Param::new("Millisecond", Kind::Int32))
            .param(Param::new("DisplayHint", Kind::String).unimplemented())
            .param(Param::new("Format", Kind::String).in_set("net"))
            .param(Param::new("UFormat", Kind::String).in_set("UFormat"))
    }

    fn examples(&self) -> &'static [Example] {
        &[
            Example {
                script: "Get-Date -Format yyyy-MM-dd",
                summary: "Today's date, ISO style.",
            },
            Example {
                script: "(Get-Date -Date '2008-08-07 10:04:02').AddDays(30)",
                summary: "Date arithmetic on a given date.",
            },
            Example {
                script: "Get-Date -UFormat %Y%m%d",
                summary: "A Unix-style format.",
            },
        ]
    }

    fn run(&self, call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        if call.is_bound("DisplayHint") {
            return Err(super::common::unsupported(call, "DisplayHint"));
        }
        let mut date: OffsetDateTime = match call.get_optional("Date")? {
            Some(d) => d,
            None => cx.now(),
        };
        let parts = [
            ("Year", 0usize),
            ("Month", 1),
            ("Day", 2),
            ("Hour", 3),
            ("Minute", 4),
            ("Second", 5),
            ("Millisecond", 6),
        ];
        for (name, k) in parts {
            let Some(n) = call.get_optional::<i32>(name)? else {
                continue;
            };
            let result = match k {
                0 => date.replace_year(n).map_err(|_| ()),
                1 => u8::try_from(n)
                    .ok()
                    .and_then(|m| time::Month::try_from(m).ok())
                    .map_or(Err(()), |m| date.replace_month(m).map_err(|_| ())),
                2 => u8::try_from(n)
                    .map_err(|_| ())
                    .and_then(|d| date.replace_day(d).map_err(|_| ())),
                3 => u8::try_from(n)
                    .map_err(|_| ())
                    .and_then(|h| date.replace_hour(h).map_err(|_| ())),
                4 => u8::try_from(n)
                    .map_err(|_| ())
                    .and_then(|m| date.replace_minute(m).map_err(|_| ())),
                5 => u8::try_from(n)
                    .map_err(|_| ())
                    .and_then(|s| date.replace_second(s).map_err(|_| ())),
                _ => u16::try_from(n)
                    .map_err(|_| ())
                    .and_then(|ms| date.replace_millisecond(ms).map_err(|_| ())),
            };
            match result {
                Ok(d) => date = d,
                Err(()) => return Err(bad_component(call, name)),
            }
        }
        if let Some(format) = call.value("Format") {
            cx.write_output(Value::from(format_date(&date, &format.to_string_form())));
        } else if let Some(format) = call.value("UFormat") {
            cx.write_output(Value::from(format_unix(&date, &format.to_string_form())));
        } else {
            cx.write_output(Value::DateTime(date));
        }
        Ok(())
    }
}
