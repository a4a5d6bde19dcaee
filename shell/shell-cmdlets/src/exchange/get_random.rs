//! Get-Random: a random number (`-Minimum`, `-Maximum`, exclusive as in PowerShell) or
//! random items of the input (`-Count`, without repeats). The numbers come from the session's
//! random source — the operating system's generator in `certsh`, a seeded one in tests — so
//! nothing here reads randomness on its own.

use shell_engine::{
    Call, Cmdlet, Context, ErrorCategory, ErrorRecord, Example, Kind, Param, PipelineInput,
    Signature, Value,
};

use super::{AppState, sources_of};

/// Gets random numbers or items.
pub struct GetRandom;

/// A uniform number in `0..bound` (`bound` > 0), by rejection so that every value is as likely.
fn below(cx: &Context<AppState>, bound: u64) -> Result<u64, String> {
    let zone = u64::MAX - (u64::MAX % bound);
    loop {
        let mut bytes = [0u8; 8];
        sources_of(cx)
            .borrow_mut()
            .random
            .fill(&mut bytes)
            .map_err(|error| error.to_string())?;
        let n = u64::from_le_bytes(bytes);
        if n < zone {
            return Ok(n % bound);
        }
    }
}

fn random_error(call: &Call, message: String, param: &str) -> ErrorRecord {
    ErrorRecord::new(
        message,
        "MinGreaterThanOrEqualMax",
        ErrorCategory::InvalidArgument,
    )
    .with_reason("ArgumentException")
    .with_activity(call.name.clone())
    .with_span(call.span_of(param))
}

impl Cmdlet<AppState> for GetRandom {
    fn signature(&self) -> Signature {
        Signature::new("Get-Random")
            .summary("Gets a random number, or selects objects randomly from a collection.")
            .param(Param::new("Maximum", Kind::Int64).position(0))
            .param(Param::new("Minimum", Kind::Int64))
            .param(
                Param::new("InputObject", Kind::ObjectList).from_pipeline(PipelineInput::ByValue),
            )
            .param(Param::new("Count", Kind::Int32))
            .param(Param::new("SetSeed", Kind::Int32).unimplemented())
    }

    fn examples(&self) -> &'static [Example] {
        &[Example {
            script: "$n = Get-Random -Minimum 1 -Maximum 7; $n -ge 1 -and $n -lt 7",
            summary: "A die roll: 1 to 6 (the maximum is exclusive).",
        }]
    }

    fn run(&self, call: &Call, cx: &mut Context<AppState>) -> Result<(), ErrorRecord> {
        if call.is_bound("SetSeed") {
            return Err(crate::builtin::common::unsupported(call, "SetSeed"));
        }
        if let Some(items) = call.value("InputObject") {
            let (seen, collected) = cx.scratch::<(bool, Vec<Value>)>();
            *seen = true;
            collected.extend(items.enumerate());
        }
        Ok(())
    }

    fn end(&self, call: &Call, cx: &mut Context<AppState>) -> Result<(), ErrorRecord> {
        let (had_input, mut items) = std::mem::take(cx.scratch::<(bool, Vec<Value>)>());
        let fail = |reason: String| {
            ErrorRecord::new(
                format!("The random source failed: {reason}."),
                "RandomSourceFailed",
                ErrorCategory::NotSpecified,
            )
        };
        if had_input {
            // Partial Fisher–Yates: the first `count` places are a random selection.
            let count = usize::try_from(call.get_optional::<i32>("Count")?.unwrap_or(1).max(1))
                .unwrap_or(1)
                .min(items.len());
            for i in 0..count {
                let remaining = u64::try_from(items.len() - i).unwrap_or(1);
                let j = i + usize::try_from(below(cx, remaining).map_err(fail)?).unwrap_or(0);
                items.swap(i, j);
            }
            for item in items.into_iter().take(count) {
                cx.write_output(item);
            }
            return Ok(());
        }
        let minimum = call.get_optional::<i64>("Minimum")?.unwrap_or(0);
        let maximum = call
            .get_optional::<i64>("Maximum")?
            .unwrap_or(i64::from(i32::MAX));
        if minimum >= maximum {
            return Err(random_error(
                call,
                format!(
                    "The Minimum value ({minimum}) cannot be greater than or equal to the Maximum value ({maximum})."
                ),
                "Minimum",
            ));
        }
        let span = u64::try_from(i128::from(maximum) - i128::from(minimum)).unwrap_or(u64::MAX);
        let offset = below(cx, span).map_err(fail)?;
        let value = i128::from(minimum) + i128::from(offset);
        let value = i64::try_from(value).unwrap_or(minimum);
        cx.write_output(match i32::try_from(value) {
            Ok(small) => Value::Int(small),
            Err(_) => Value::Long(value),
        });
        Ok(())
    }
}
