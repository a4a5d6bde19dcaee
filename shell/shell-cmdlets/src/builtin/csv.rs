//! ConvertTo-Csv, Export-Csv, ConvertFrom-Csv and Import-Csv (PowerShell 5.1 format: a
//! `#TYPE` line unless `-NoTypeInformation`, every field quoted).

use std::io::Write;

use shell_engine::{
    Call, Cmdlet, Context, ErrorCategory, ErrorRecord, Example, Kind, Param, PipelineInput,
    PsObject, Signature, Value,
};

use super::common::input;
use super::get_content::path_not_found;
use crate::format::display::{all_property_names, type_names};

fn delimiter(call: &Call) -> char {
    call.value("Delimiter")
        .and_then(|v| v.to_string_form().chars().next())
        .unwrap_or(',')
}

fn quote(text: &str) -> String {
    format!("\"{}\"", text.replace('"', "\"\""))
}

/// The CSV lines of objects: optional `#TYPE`, header from the first object, one row each.
pub fn csv_lines(items: &[Value], delimiter: char, type_information: bool) -> Vec<String> {
    let Some(first) = items.first() else {
        return Vec::new();
    };
    let names = match first {
        Value::Object(_) | Value::Hashtable(_) => all_property_names(first),
        _ => vec!["Length".to_string()]
            .into_iter()
            .filter(|n| first.property(n).is_some())
            .collect(),
    };
    let sep = delimiter.to_string();
    let mut lines = Vec::new();
    if type_information {
        lines.push(format!(
            "#TYPE {}",
            type_names(first).into_iter().next().unwrap_or_default()
        ));
    }
    lines.push(
        names
            .iter()
            .map(|n| quote(n))
            .collect::<Vec<_>>()
            .join(&sep),
    );
    for item in items {
        let row: Vec<String> = names
            .iter()
            .map(|n| match item.property(n) {
                None | Some(Value::Null) => String::new(),
                Some(v) => quote(&field_text(&v)),
            })
            .collect();
        lines.push(row.join(&sep));
    }
    lines
}

/// A field's text: the value's `ToString()`, which for a collection is its .NET type name
/// (`System.String[]`, `System.Object[]`, `System.Collections.Hashtable`), as Windows PowerShell
/// writes it; scripts `-join` such properties in a calculated property.
fn field_text(value: &Value) -> String {
    match value {
        Value::Array(items) => {
            let items = items.borrow();
            if !items.is_empty() && items.iter().all(|item| matches!(item, Value::String(_))) {
                "System.String[]".to_owned()
            } else {
                "System.Object[]".to_owned()
            }
        }
        Value::Hashtable(_) => "System.Collections.Hashtable".to_owned(),
        other => super::common::dotnet_string(other),
    }
}

/// Splits one CSV line into fields (quotes, doubled quotes, the delimiter).
fn split_line(line: &str, delimiter: char) -> Vec<String> {
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                field.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            c if c == delimiter && !quoted => fields.push(std::mem::take(&mut field)),
            c => field.push(c),
        }
    }
    fields.push(field);
    fields
}

/// Objects from CSV lines (a `#TYPE` line is skipped; `header` replaces the first line).
pub fn parse_csv(lines: &[String], delimiter: char, header: Option<Vec<String>>) -> Vec<Value> {
    let mut rows = lines
        .iter()
        .filter(|l| !l.trim().is_empty() && !l.starts_with("#TYPE"));
    let names = match header {
        Some(h) => h,
        None => match rows.next() {
            Some(line) => split_line(line, delimiter),
            None => return Vec::new(),
        },
    };
    rows.map(|line| {
        let fields = split_line(line, delimiter);
        let mut object = PsObject::new("");
        for (k, name) in names.iter().enumerate() {
            let value = fields
                .get(k)
                .map_or(Value::Null, |f| Value::from(f.as_str()));
            object.set(name, value);
        }
        Value::object(object)
    })
    .collect()
}

fn collect<S>(call: &Call, cx: &mut Context<S>) {
    if let Some(item) = input(call) {
        cx.scratch::<Vec<Value>>().push(item);
    }
}

/// Converts objects to CSV lines.
pub struct ConvertToCsv;

impl<S> Cmdlet<S> for ConvertToCsv {
    fn signature(&self) -> Signature {
        Signature::new("ConvertTo-Csv")
            .summary("Converts objects into a series of comma-separated value (CSV) strings.")
            .param(
                Param::new("InputObject", Kind::Object)
                    .position(0)
                    .mandatory()
                    .from_pipeline(PipelineInput::ByValue),
            )
            .param(Param::new("Delimiter", Kind::String).position(1))
            .param(Param::switch("UseCulture"))
            .param(Param::switch("NoTypeInformation"))
    }

    fn examples(&self) -> &'static [Example] {
        &[Example {
            script: "[pscustomobject]@{Name='pop'; Port=995} | ConvertTo-Csv -NoTypeInformation",
            summary: "A header line and one quoted row.",
        }]
    }

    fn run(&self, call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        collect(call, cx);
        Ok(())
    }

    fn end(&self, call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        let items = std::mem::take(cx.scratch::<Vec<Value>>());
        for line in csv_lines(&items, delimiter(call), !call.switch("NoTypeInformation")) {
            cx.write_output(Value::from(line));
        }
        Ok(())
    }
}

/// Writes objects to a CSV file.
pub struct ExportCsv;

impl<S> Cmdlet<S> for ExportCsv {
    fn signature(&self) -> Signature {
        Signature::new("Export-Csv")
            .summary("Converts objects into a series of comma-separated value (CSV) strings and saves the strings to a file.")
            .param(Param::new("InputObject", Kind::Object).mandatory().from_pipeline(PipelineInput::ByValue))
            .param(Param::new("Path", Kind::String).position(0))
            .param(Param::new("LiteralPath", Kind::String).alias("PSPath").unimplemented())
            .param(Param::switch("Force"))
            .param(Param::switch("NoClobber").alias("NoOverwrite"))
            .param(Param::new("Encoding", Kind::String))
            .param(Param::switch("Append"))
            .param(Param::new("Delimiter", Kind::String).position(1))
            .param(Param::switch("UseCulture"))
            .param(Param::switch("NoTypeInformation"))
            .supports_should_process(shell_engine::ConfirmImpact::Medium)
    }

    fn examples(&self) -> &'static [Example] {
        &[Example {
            script: "[pscustomobject]@{Name='pop'; Port=995} | Export-Csv /tmp/certsh-export.csv -NoTypeInformation; Import-Csv /tmp/certsh-export.csv",
            summary: "Writes a CSV file and reads it back.",
        }]
    }

    fn run(&self, call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        collect(call, cx);
        Ok(())
    }

    fn end(&self, call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        let items = std::mem::take(cx.scratch::<Vec<Value>>());
        let path: String = call.get("Path")?;
        let target = shell_engine::file_path(&path);
        if call.switch("NoClobber") && target.exists() {
            return Err(ErrorRecord::new(
                format!("The file '{path}' already exists."),
                "NoClobber",
                ErrorCategory::ResourceExists,
            )
            .with_reason("IOException")
            .with_target_text(&path, "String")
            .with_activity(call.name.clone()));
        }
        if !cx.should_process(&path, "Export-Csv")? {
            return Ok(());
        }
        let append = call.switch("Append") && target.exists();
        let mut lines = csv_lines(&items, delimiter(call), !call.switch("NoTypeInformation"));
        if append {
            lines.retain(|l| !l.starts_with("#TYPE"));
            if !lines.is_empty() {
                lines.remove(0);
            }
        }
        let mut text = lines.join("\n");
        if !text.is_empty() {
            text.push('\n');
        }
        let result = std::fs::OpenOptions::new()
            .create(true)
            .write(true)
            .append(append)
            .truncate(!append)
            .open(&target)
            .and_then(|mut f| f.write_all(text.as_bytes()));
        result.map_err(|err| {
            ErrorRecord::new(
                format!("Could not write '{path}': {err}."),
                "FileOpenFailure",
                ErrorCategory::OpenError,
            )
            .with_reason("IOException")
            .with_target_text(&path, "String")
            .with_activity(call.name.clone())
        })
    }
}

/// Converts CSV lines to objects.
pub struct ConvertFromCsv;

impl<S> Cmdlet<S> for ConvertFromCsv {
    fn signature(&self) -> Signature {
        Signature::new("ConvertFrom-Csv")
            .summary("Converts object properties in comma-separated value (CSV) format into CSV versions of the original objects.")
            .param(Param::new("InputObject", Kind::StringList).position(0).mandatory().from_pipeline(PipelineInput::ByValue))
            .param(Param::new("Delimiter", Kind::String).position(1))
            .param(Param::switch("UseCulture"))
            .param(Param::new("Header", Kind::StringList))
    }

    fn examples(&self) -> &'static [Example] {
        &[Example {
            script: "'\"Name\",\"Port\"', '\"pop\",\"995\"' | ConvertFrom-Csv",
            summary: "Two CSV lines as one object.",
        }]
    }

    fn run(&self, call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        let lines: Vec<String> = call.get_optional("InputObject")?.unwrap_or_default();
        cx.scratch::<Vec<String>>().extend(lines);
        Ok(())
    }

    fn end(&self, call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        let lines = std::mem::take(cx.scratch::<Vec<String>>());
        let header: Option<Vec<String>> = call.get_optional("Header")?;
        for object in parse_csv(&lines, delimiter(call), header) {
            cx.write_output(object);
        }
        Ok(())
    }
}

/// Reads objects from a CSV file.
pub struct ImportCsv;

impl<S> Cmdlet<S> for ImportCsv {
    fn signature(&self) -> Signature {
        Signature::new("Import-Csv")
            .summary("Creates table-like custom objects from the items in a CSV file.")
            .param(
                Param::new("Path", Kind::StringList)
                    .position(0)
                    .from_pipeline(PipelineInput::ByValue),
            )
            .param(
                Param::new("LiteralPath", Kind::StringList)
                    .alias("PSPath")
                    .unimplemented(),
            )
            .param(Param::new("Delimiter", Kind::String).position(1))
            .param(Param::switch("UseCulture"))
            .param(Param::new("Header", Kind::StringList))
            .param(Param::new("Encoding", Kind::String))
    }

    fn examples(&self) -> &'static [Example] {
        &[Example {
            script: "Set-Content /tmp/certsh-import.csv '\"Name\",\"Port\"', '\"imap\",\"993\"'; Import-Csv /tmp/certsh-import.csv",
            summary: "Objects from a CSV file.",
        }]
    }

    fn run(&self, call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        let paths: Vec<String> = call.get_optional("Path")?.unwrap_or_default();
        let header: Option<Vec<String>> = call.get_optional("Header")?;
        for path in paths {
            let Ok(text) = std::fs::read_to_string(shell_engine::file_path(&path)) else {
                cx.write_error(path_not_found(call, &path));
                continue;
            };
            let lines: Vec<String> = text.lines().map(str::to_string).collect();
            for object in parse_csv(&lines, delimiter(call), header.clone()) {
                cx.write_output(object);
            }
        }
        Ok(())
    }
}
