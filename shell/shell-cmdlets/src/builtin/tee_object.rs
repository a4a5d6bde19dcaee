//! Tee-Object: passes its input down the pipeline and also saves it, to a file (as the text
//! Out-File would write) or to a variable (the objects, an array when there are several).

use std::io::Write;
use std::rc::Rc;

use shell_engine::{
    Call, Cmdlet, Context, ErrorCategory, ErrorRecord, Example, Kind, Param, PipelineInput,
    Signature, Value,
};

use super::common::input;
use super::out_string::render_values;
use crate::format::Views;

/// Saves the pipeline's objects to a file or a variable and passes them on.
pub struct TeeObject {
    /// The registered views (the file gets the formatted text).
    pub views: Rc<Views>,
}

impl<S> Cmdlet<S> for TeeObject {
    fn signature(&self) -> Signature {
        Signature::new("Tee-Object")
            .summary(
                "Saves command output in a file or variable and also sends it down the pipeline.",
            )
            .param(Param::new("InputObject", Kind::Object).from_pipeline(PipelineInput::ByValue))
            .param(
                Param::new("FilePath", Kind::String)
                    .alias("Path")
                    .position(0)
                    .in_set("File"),
            )
            .param(Param::switch("Append").in_set("File"))
            .param(
                Param::new("Variable", Kind::String)
                    .mandatory()
                    .in_set("Variable"),
            )
            .default_set("File")
    }

    fn examples(&self) -> &'static [Example] {
        &[Example {
            script: "1..3 | Tee-Object -Variable saved | Measure-Object | ForEach-Object Count; $saved -join ','",
            summary: "Counts the objects and keeps them in $saved.",
        }]
    }

    fn run(&self, call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        if let Some(item) = input(call) {
            cx.scratch::<Vec<Value>>().push(item.clone());
            cx.write_output(item);
        }
        Ok(())
    }

    fn end(&self, call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        let items = std::mem::take(cx.scratch::<Vec<Value>>());
        if let Some(name) = call.get_optional::<String>("Variable")? {
            let value = match items.len() {
                0 => Value::Null,
                1 => items.into_iter().next().unwrap_or(Value::Null),
                _ => Value::array(items),
            };
            cx.set_variable(name.trim_start_matches('$'), value);
            return Ok(());
        }
        let Some(path) = call.get_optional::<String>("FilePath")? else {
            return Ok(());
        };
        let lines = render_values(&self.views, &items, 80, cx.enumeration_limit());
        let text: String = lines.iter().map(|line| format!("{line}\n")).collect();
        let written = std::fs::OpenOptions::new()
            .create(true)
            .write(true)
            .append(call.switch("Append"))
            .truncate(!call.switch("Append"))
            .open(shell_engine::file_path(&path))
            .and_then(|mut file| file.write_all(text.as_bytes()));
        if let Err(error) = written {
            cx.write_error(
                ErrorRecord::new(
                    format!("Could not write the file '{path}': {error}."),
                    "FileOpenFailure",
                    ErrorCategory::OpenError,
                )
                .with_reason("IOException")
                .with_target_text(&path, "String")
                .with_activity(call.name.clone())
                .with_span(call.span_of("FilePath")),
            );
        }
        Ok(())
    }
}
