//! Start-Sleep.

use shell_engine::{
    Call, Cmdlet, Context, ErrorRecord, Example, Kind, Param, PipelineInput, Signature,
};

/// Suspends the script for a number of seconds or milliseconds.
pub struct StartSleep;

impl<S> Cmdlet<S> for StartSleep {
    fn signature(&self) -> Signature {
        Signature::new("Start-Sleep")
            .summary(
                "Suspends the activity in a script or session for the specified period of time.",
            )
            .default_set("Seconds")
            .param(
                Param::new("Seconds", Kind::Int32)
                    .in_set("Seconds")
                    .position(0)
                    .mandatory()
                    .from_pipeline(PipelineInput::ByValue)
                    .from_pipeline(PipelineInput::ByPropertyName),
            )
            .param(
                Param::new("Milliseconds", Kind::Int32)
                    .in_set("Milliseconds")
                    .mandatory()
                    .from_pipeline(PipelineInput::ByPropertyName),
            )
    }

    fn examples(&self) -> &'static [Example] {
        &[Example {
            script: "Start-Sleep -Milliseconds 10",
            summary: "Waits 10 ms.",
        }]
    }

    fn run(&self, call: &Call, _cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        let ms = match call.get_optional::<i32>("Milliseconds")? {
            Some(ms) => u64::try_from(ms).unwrap_or(0),
            None => u64::try_from(call.get::<i32>("Seconds")?).unwrap_or(0) * 1000,
        };
        std::thread::sleep(std::time::Duration::from_millis(ms));
        Ok(())
    }
}
