//! Select-String: finds text in pipeline input (strings, the lines a native command such as
//! `openssl x509 -text` writes, any object's string form) or in files (`-Path`, or FileInfo
//! objects from Get-ChildItem), writing PowerShell's MatchInfo objects. Patterns are regular
//! expressions in .NET syntax (as `-match` takes them) unless `-SimpleMatch`; matching ignores
//! case unless `-CaseSensitive`.

use std::path::{Path, PathBuf};

use shell_engine::{
    Call, Cmdlet, Context, ErrorCategory, ErrorRecord, Example, Kind, Param, PipelineInput,
    PsObject, RegexMatch, Signature, Value, regex_matches,
};

use super::AppState;
use super::get_child_item::{
    FILE_INFO, ProviderPath, cert_drive_not_supported, expand_wildcard, has_wildcard,
    path_not_found, provider_path,
};

/// Finds text in strings and files.
pub struct SelectString;

/// The type name of the objects Select-String writes.
pub const MATCH_INFO: &str = "Microsoft.PowerShell.Commands.MatchInfo";

/// What one invocation has seen (for `-Quiet` and `-List`).
#[derive(Default)]
struct Progress {
    found: bool,
    input_listed: bool,
    input_line: usize,
}

/// The options of one invocation.
struct Search {
    patterns: Vec<String>,
    simple: bool,
    sensitive: bool,
    not_match: bool,
    all_matches: bool,
}

impl Search {
    /// The first pattern that matches `line`, with its matches (empty for `-SimpleMatch`, as
    /// in PowerShell 5.1).
    fn find(&self, line: &str) -> Result<Option<(&str, Vec<RegexMatch>)>, ErrorRecord> {
        for pattern in &self.patterns {
            if self.simple {
                let found = if self.sensitive {
                    line.contains(pattern.as_str())
                } else {
                    line.to_lowercase().contains(&pattern.to_lowercase())
                };
                if found {
                    return Ok(Some((pattern, Vec::new())));
                }
                continue;
            }
            let matches = regex_matches(pattern, line, self.sensitive, self.all_matches)
                .map_err(|record| invalid_regex(pattern, &record))?;
            if !matches.is_empty() {
                return Ok(Some((pattern, matches)));
            }
        }
        Ok(None)
    }
}

/// Select-String's error for a pattern that is not a regular expression (PowerShell's
/// `InvalidRegex`), carrying the engine's explanation.
fn invalid_regex(pattern: &str, record: &ErrorRecord) -> ErrorRecord {
    let detail = record
        .message
        .split_once(" is not valid: ")
        .map_or(record.message.as_str(), |(_, detail)| detail);
    ErrorRecord::new(
        format!("The string {pattern} is not a valid regular expression: {detail}."),
        "InvalidRegex",
        ErrorCategory::InvalidArgument,
    )
    .with_reason("ArgumentException")
    .with_target_text(pattern, "String")
}

/// Where a line came from: the pipeline, or a file (shown path, full path).
enum Source<'a> {
    Input,
    File { shown: &'a str, full: &'a str },
}

fn match_info(
    search: &Search,
    source: &Source<'_>,
    line_number: usize,
    line: &str,
    hit: Option<(&str, Vec<RegexMatch>)>,
) -> Value {
    let (pattern, matches) = match hit {
        Some((pattern, matches)) => (pattern.to_owned(), matches),
        None => (
            search.patterns.first().cloned().unwrap_or_default(),
            Vec::new(),
        ),
    };
    let (filename, path, text) = match source {
        Source::Input => (
            "InputStream".to_owned(),
            "InputStream".to_owned(),
            line.to_owned(),
        ),
        Source::File { shown, full } => (
            Path::new(full)
                .file_name()
                .map(|name| name.to_string_lossy().into_owned())
                .unwrap_or_default(),
            (*full).to_owned(),
            format!("{shown}:{line_number}:{line}"),
        ),
    };
    let object = PsObject::new(MATCH_INFO)
        .with("IgnoreCase", !search.sensitive)
        .with("LineNumber", i32::try_from(line_number).unwrap_or(i32::MAX))
        .with("Line", line)
        .with("Filename", filename)
        .with("Path", path)
        .with("Pattern", pattern)
        .with("Context", Value::Null)
        .with(
            "Matches",
            Value::array(matches.iter().map(RegexMatch::to_value).collect()),
        )
        .with_string_form(text);
    Value::object(object)
}

/// The text of a MatchInfo in PowerShell's MatchInfo view (its `ToString()`).
pub fn match_info_text(value: &Value) -> String {
    value.to_string_form()
}

/// How a file is named in output: relative to the current directory when it is under it.
fn shown_path(path: &Path) -> String {
    let text = path.display().to_string();
    if let Some(rest) = text.strip_prefix("./") {
        return rest.to_owned();
    }
    match std::env::current_dir() {
        Ok(cwd) => path
            .strip_prefix(&cwd)
            .map(|rest| rest.display().to_string())
            .unwrap_or(text),
        Err(_) => text,
    }
}

impl SelectString {
    /// Searches one line; returns whether the caller should stop (`-List` after a match).
    fn line(
        &self,
        cx: &mut Context<AppState>,
        call: &Call,
        search: &Search,
        source: &Source<'_>,
        (number, line): (usize, &str),
        quiet: bool,
    ) -> Result<bool, ErrorRecord> {
        let hit = search.find(line).map_err(|record| {
            record
                .with_activity(call.name.clone())
                .with_span(call.span_of("Pattern"))
        })?;
        let selected = hit.is_some() != search.not_match;
        if !selected {
            return Ok(false);
        }
        cx.scratch::<Progress>().found = true;
        if !quiet {
            let hit = if search.not_match { None } else { hit };
            cx.write_output(match_info(search, source, number, line, hit));
        }
        Ok(true)
    }

    fn file(
        &self,
        cx: &mut Context<AppState>,
        call: &Call,
        search: &Search,
        path: &Path,
    ) -> Result<(), ErrorRecord> {
        let shown = shown_path(path);
        let full = std::path::absolute(path)
            .unwrap_or_else(|_| path.to_path_buf())
            .display()
            .to_string();
        let bytes = match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(error) => {
                cx.write_error(
                    ErrorRecord::new(
                        format!("Cannot read '{shown}': {error}."),
                        "ProcessingFile",
                        ErrorCategory::ReadError,
                    )
                    .with_target_text(&shown, "String")
                    .with_activity(call.name.clone())
                    .with_span(call.span_of("Path")),
                );
                return Ok(());
            }
        };
        let text = String::from_utf8_lossy(&bytes);
        let source = Source::File {
            shown: &shown,
            full: &full,
        };
        let quiet = call.switch("Quiet");
        for (index, line) in text.lines().enumerate() {
            if self.line(cx, call, search, &source, (index + 1, line), quiet)?
                && call.switch("List")
            {
                break;
            }
        }
        Ok(())
    }

    fn paths(&self, cx: &mut Context<AppState>, call: &Call, texts: &[String]) -> Vec<PathBuf> {
        let mut out = Vec::new();
        for text in texts {
            match provider_path(text) {
                ProviderPath::Cert(_) => {
                    cx.write_error(cert_drive_not_supported(call, text, "Path"));
                }
                ProviderPath::File(path) if has_wildcard(&path) => {
                    let found = expand_wildcard(&path, false).unwrap_or_default();
                    out.extend(found.into_iter().filter(|p| p.is_file()));
                }
                ProviderPath::File(path) if path.is_file() => out.push(path),
                ProviderPath::File(_) => cx.write_error(path_not_found(call, text)),
            }
        }
        out
    }
}

impl Cmdlet<AppState> for SelectString {
    fn signature(&self) -> Signature {
        Signature::new("Select-String")
            .summary("Finds text in strings and files.")
            .param(
                Param::new("Pattern", Kind::StringList)
                    .position(0)
                    .mandatory(),
            )
            .param(Param::new("Path", Kind::StringList).position(1))
            .param(Param::new("InputObject", Kind::Object).from_pipeline(PipelineInput::ByValue))
            .param(Param::switch("SimpleMatch"))
            .param(Param::switch("CaseSensitive"))
            .param(Param::switch("NotMatch"))
            .param(Param::switch("AllMatches"))
            .param(Param::switch("List"))
            .param(Param::switch("Quiet"))
            .param(Param::new("Context", Kind::Int32List).unimplemented())
            .param(Param::new("Encoding", Kind::String).unimplemented())
            .param(Param::new("Include", Kind::StringList).unimplemented())
            .param(Param::new("Exclude", Kind::StringList).unimplemented())
    }

    fn examples(&self) -> &'static [Example] {
        &[
            Example {
                script: "'CN=mail.contoso.com', 'O=Contoso', 'CN=autodiscover.contoso.com' | Select-String '^CN='",
                summary: "The lines that match; each is a MatchInfo shown as its line.",
            },
            Example {
                script: "'DNS:mail.contoso.com, DNS:owa.contoso.com' | Select-String 'DNS:([\\w.]+)' -AllMatches | ForEach-Object { $_.Matches | ForEach-Object { $_.Groups[1].Value } }",
                summary: "Every match of a group, as a script pulls names out of `openssl x509 -text`.",
            },
        ]
    }

    fn run(&self, call: &Call, cx: &mut Context<AppState>) -> Result<(), ErrorRecord> {
        for name in ["Context", "Encoding", "Include", "Exclude"] {
            if call.is_bound(name) {
                return Err(crate::builtin::common::unsupported(call, name));
            }
        }
        let search = Search {
            patterns: call.get("Pattern")?,
            simple: call.switch("SimpleMatch"),
            sensitive: call.switch("CaseSensitive"),
            not_match: call.switch("NotMatch"),
            all_matches: call.switch("AllMatches"),
        };
        let quiet = call.switch("Quiet");
        if let Some(texts) = call.get_optional::<Vec<String>>("Path")? {
            for path in self.paths(cx, call, &texts) {
                self.file(cx, call, &search, &path)?;
            }
            return Ok(());
        }
        let Some(input) = call.value("InputObject").cloned() else {
            return Ok(());
        };
        let is_file = crate::format::display::type_names(&input)
            .iter()
            .any(|t| t == FILE_INFO);
        if is_file {
            let full = input
                .property("FullName")
                .map(|name| name.to_string_form())
                .unwrap_or_default();
            return self.file(cx, call, &search, Path::new(&full));
        }
        if input.is_null() || cx.scratch::<Progress>().input_listed {
            return Ok(());
        }
        let line = input.to_string_form();
        let number = {
            let progress = cx.scratch::<Progress>();
            progress.input_line += 1;
            progress.input_line
        };
        if self.line(cx, call, &search, &Source::Input, (number, &line), quiet)?
            && call.switch("List")
        {
            cx.scratch::<Progress>().input_listed = true;
        }
        Ok(())
    }

    fn end(&self, call: &Call, cx: &mut Context<AppState>) -> Result<(), ErrorRecord> {
        if call.switch("Quiet") {
            let found = cx.scratch::<Progress>().found;
            cx.write_output(Value::Bool(found));
        }
        Ok(())
    }
}
