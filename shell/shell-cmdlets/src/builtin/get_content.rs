//! Get-Content (files only).

use shell_engine::{
    Call, Cmdlet, Context, ErrorCategory, ErrorRecord, Example, Kind, Param, PipelineInput,
    Signature, Value,
};

use super::common::unsupported;

/// Reads a file's lines (or bytes with `-Encoding Byte`).
pub struct GetContent;

/// `true` for the `Byte` encoding.
pub fn is_byte_encoding(call: &Call) -> bool {
    call.value("Encoding")
        .is_some_and(|e| e.to_string_form().trim().eq_ignore_ascii_case("byte"))
}

/// The error for a path that does not exist.
pub fn path_not_found(call: &Call, path: &str) -> ErrorRecord {
    ErrorRecord::new(
        format!("Cannot find path '{path}' because it does not exist."),
        "PathNotFound",
        ErrorCategory::ObjectNotFound,
    )
    .with_reason("ItemNotFoundException")
    .with_target_text(path, "String")
    .with_activity(call.name.clone())
    .with_span(call.span_of("Path"))
}

impl<S> Cmdlet<S> for GetContent {
    fn signature(&self) -> Signature {
        Signature::new("Get-Content")
            .summary("Gets the content of the item at the specified location.")
            .param(Param::new("ReadCount", Kind::Int64))
            .param(
                Param::new("TotalCount", Kind::Int64)
                    .alias("First")
                    .alias("Head"),
            )
            .param(Param::new("Tail", Kind::Int32).alias("Last"))
            .param(
                Param::new("Path", Kind::StringList)
                    .position(0)
                    .mandatory()
                    .from_pipeline(PipelineInput::ByPropertyName),
            )
            .param(
                Param::new("LiteralPath", Kind::StringList)
                    .alias("PSPath")
                    .unimplemented(),
            )
            .param(Param::new("Filter", Kind::String).unimplemented())
            .param(Param::new("Include", Kind::StringList).unimplemented())
            .param(Param::new("Exclude", Kind::StringList).unimplemented())
            .param(Param::switch("Force"))
            .param(Param::new("Credential", Kind::Object).unimplemented())
            .param(Param::new("Delimiter", Kind::String).unimplemented())
            .param(Param::switch("Wait").unimplemented())
            .param(Param::switch("Raw"))
            .param(Param::new("Encoding", Kind::String))
            .param(Param::new("Stream", Kind::String).unimplemented())
    }

    fn examples(&self) -> &'static [Example] {
        &[Example {
            script: "Set-Content /tmp/certsh-get-content.txt 'a', 'b', 'c'; Get-Content /tmp/certsh-get-content.txt -Tail 2",
            summary: "Reads the last two lines of a file.",
        }]
    }

    fn run(&self, call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        for name in [
            "LiteralPath",
            "Filter",
            "Include",
            "Exclude",
            "Credential",
            "Delimiter",
            "Wait",
            "Stream",
        ] {
            if call.is_bound(name) {
                return Err(unsupported(call, name));
            }
        }
        let paths: Vec<String> = call.get("Path")?;
        let read_count: i64 = call.get_optional("ReadCount")?.unwrap_or(1);
        let total: Option<i64> = call.get_optional("TotalCount")?;
        let tail: Option<i32> = call.get_optional("Tail")?;
        for path in paths {
            let bytes = match std::fs::read(shell_engine::file_path(&path)) {
                Ok(b) => b,
                Err(_) => {
                    cx.write_error(path_not_found(call, &path));
                    continue;
                }
            };
            let mut items: Vec<Value> = if is_byte_encoding(call) {
                bytes.iter().map(|b| Value::Int(i32::from(*b))).collect()
            } else if call.switch("Raw") {
                vec![Value::from(String::from_utf8_lossy(&bytes).into_owned())]
            } else {
                let text = String::from_utf8_lossy(&bytes);
                let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
                let mut lines: Vec<Value> = text
                    .split('\n')
                    .map(|l| Value::from(l.trim_end_matches('\r')))
                    .collect();
                if text.ends_with('\n') {
                    lines.pop();
                }
                lines
            };
            if let Some(n) = total.filter(|n| *n >= 0) {
                items.truncate(usize::try_from(n).unwrap_or(usize::MAX));
            }
            if let Some(n) = tail {
                let keep = usize::try_from(n.max(0)).unwrap_or(0);
                let skip = items.len().saturating_sub(keep);
                items.drain(..skip);
            }
            if read_count <= 0 {
                cx.write_output(Value::array(items));
            } else if read_count == 1 {
                for item in items {
                    cx.write_output(item);
                }
            } else {
                let size = usize::try_from(read_count).unwrap_or(usize::MAX);
                for chunk in items.chunks(size) {
                    cx.write_output(Value::array(chunk.to_vec()));
                }
            }
        }
        Ok(())
    }
}
