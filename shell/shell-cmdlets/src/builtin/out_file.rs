//! Out-File.

use std::io::Write;
use std::rc::Rc;

use shell_engine::{
    Call, Cmdlet, Context, ErrorCategory, ErrorRecord, Example, Kind, Param, PipelineInput,
    Signature, Value,
};

use super::common::{input, unsupported};
use super::out_string::render_values;
use crate::format::Views;

/// Writes the formatted text of its input to a file (UTF-8 without BOM, deviation D9).
pub struct OutFile {
    /// The registered views.
    pub views: Rc<Views>,
}

/// The encodings Out-File accepts (all written as UTF-8).
const ENCODINGS: &[&str] = &[
    "unknown",
    "string",
    "unicode",
    "bigendianunicode",
    "utf8",
    "utf7",
    "utf32",
    "ascii",
    "default",
    "oem",
];

fn io_error(call: &Call, path: &str, err: &std::io::Error) -> ErrorRecord {
    ErrorRecord::new(
        format!("Could not write the file '{path}': {err}."),
        "FileOpenFailure",
        ErrorCategory::OpenError,
    )
    .with_reason("IOException")
    .with_target_text(path, "String")
    .with_activity(call.name.clone())
    .with_span(call.span_of("FilePath"))
}

impl<S> Cmdlet<S> for OutFile {
    fn signature(&self) -> Signature {
        Signature::new("Out-File")
            .summary("Sends output to a file.")
            .param(
                Param::new("FilePath", Kind::String)
                    .alias("Path")
                    .position(0)
                    .mandatory(),
            )
            .param(
                Param::new("LiteralPath", Kind::String)
                    .alias("PSPath")
                    .unimplemented(),
            )
            .param(Param::new("Encoding", Kind::String).position(1))
            .param(Param::switch("Append"))
            .param(Param::switch("Force"))
            .param(Param::switch("NoClobber").alias("NoOverwrite"))
            .param(Param::new("Width", Kind::Int32))
            .param(Param::switch("NoNewline").unimplemented())
            .param(Param::new("InputObject", Kind::Object).from_pipeline(PipelineInput::ByValue))
            .supports_should_process(shell_engine::ConfirmImpact::Medium)
    }

    fn examples(&self) -> &'static [Example] {
        &[Example {
            script: "1..3 | Out-File -FilePath /dev/null",
            summary: "Writes the numbers, one per line, to a file.",
        }]
    }

    fn run(&self, call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        for name in ["LiteralPath", "NoNewline"] {
            if call.is_bound(name) {
                return Err(unsupported(call, name));
            }
        }
        if let Some(item) = input(call) {
            cx.scratch::<Vec<Value>>().push(item);
        }
        Ok(())
    }

    fn end(&self, call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        let items = std::mem::take(cx.scratch::<Vec<Value>>());
        let path: String = call.get("FilePath")?;
        if let Some(enc) = call.value("Encoding") {
            let enc = enc.to_string_form();
            if !ENCODINGS.iter().any(|e| e.eq_ignore_ascii_case(enc.trim())) {
                return Err(ErrorRecord::new(
                    format!(
                        "Cannot validate argument on parameter 'Encoding'. The argument \"{enc}\" does not belong to the set \"{}\" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again.",
                        ENCODINGS.join(",")
                    ),
                    "ParameterArgumentValidationError",
                    ErrorCategory::InvalidData,
                )
                .with_reason("ParameterBindingValidationException")
                .with_activity(call.name.clone())
                .with_span(call.span_of("Encoding")));
            }
        }
        let width = match call.get_optional::<i32>("Width")? {
            Some(w) => usize::try_from(w).unwrap_or(1).max(1),
            None => 80,
        };
        let target = shell_engine::file_path(&path);
        if call.switch("NoClobber") && !call.switch("Append") && target.exists() {
            return Err(ErrorRecord::new(
                format!("The file '{path}' already exists."),
                "NoClobber",
                ErrorCategory::ResourceExists,
            )
            .with_reason("IOException")
            .with_target_text(&path, "String")
            .with_activity(call.name.clone())
            .with_span(call.span_of("FilePath")));
        }
        if !cx.should_process(&path, "Output to File")? {
            return Ok(());
        }
        let lines = render_values(&self.views, &items, width, cx.enumeration_limit());
        let mut text = String::new();
        for line in lines {
            text.push_str(&line);
            text.push('\n');
        }
        let file = std::fs::OpenOptions::new()
            .create(true)
            .write(true)
            .append(call.switch("Append"))
            .truncate(!call.switch("Append"))
            .open(&target);
        match file.and_then(|mut f| f.write_all(text.as_bytes())) {
            Ok(()) => Ok(()),
            Err(err) => Err(io_error(call, &path, &err)),
        }
    }
}
