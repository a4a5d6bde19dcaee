//! Write-Host.

use std::rc::Rc;

use shell_engine::{
    Call, Cmdlet, ConsoleColor, Context, EnumType, ErrorRecord, Example, Kind, Param,
    PipelineInput, Signature,
};

/// Writes text to the host (not the pipeline).
pub struct WriteHost;

/// `System.ConsoleColor`: the values `-ForegroundColor` and `-BackgroundColor` take.
fn console_color_type() -> Rc<EnumType> {
    let members: Vec<(&str, i64)> = ConsoleColor::ALL
        .iter()
        .zip(0i64..)
        .map(|(color, value)| (color.name(), value))
        .collect();
    EnumType::new("System.ConsoleColor", &members)
}

impl<S> Cmdlet<S> for WriteHost {
    fn signature(&self) -> Signature {
        Signature::new("Write-Host")
            .summary("Writes customized output to the host.")
            .param(
                Param::new("Object", Kind::Object)
                    .position(0)
                    .from_pipeline(PipelineInput::ByValue)
                    .remaining(),
            )
            .param(Param::switch("NoNewline"))
            .param(Param::new("Separator", Kind::Object))
            .param(Param::new(
                "ForegroundColor",
                Kind::Enum(console_color_type()),
            ))
            .param(Param::new(
                "BackgroundColor",
                Kind::Enum(console_color_type()),
            ))
    }

    fn examples(&self) -> &'static [Example] {
        &[
            Example {
                script: "Write-Host 'Certificate enabled'",
                summary: "Writes a line.",
            },
            Example {
                script: "Write-Host 1 2 3 -Separator ', '",
                summary: "Joins the objects with a separator.",
            },
            Example {
                script: "Write-Host 'Expired' -ForegroundColor Red -NoNewline; Write-Host ' (renew now)'",
                summary: "Colours apply on a colour terminal; -NoNewline continues the line.",
            },
            Example {
                script: "'{0} certificates' -f 2 | Write-Host",
                summary: "Writes each pipeline object on its own line.",
            },
        ]
    }

    fn run(&self, call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        let separator = call.value("Separator").map(|v| v.to_string_form());
        let separator = separator.as_deref().unwrap_or(" ");
        let text = match call.value("Object") {
            Some(v) => v
                .enumerate()
                .iter()
                .map(|item| item.to_string_with_ofs(separator))
                .collect::<Vec<_>>()
                .join(separator),
            None => String::new(),
        };
        let color = |name: &str| {
            call.value(name)
                .and_then(|value| ConsoleColor::from_name(&value.to_string_form()))
        };
        let (foreground, background) = (color("ForegroundColor"), color("BackgroundColor"));
        cx.write_information(&text, !call.switch("NoNewline"), (foreground, background));
        Ok(())
    }
}
