//! The Windows PowerShell 5.1 NormalView error layout (spec/shell-language.md §8.3), for
//! error records and for parse errors.

use std::fmt;
use std::ops::Range;

use crate::text::trim_line;

/// Where the source text of an error came from; it decides the `At …` line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    /// Interactive input (REPL entry, `-Command`): `At line:N char:M`.
    Line,
    /// A script file, by the path as given on the command line: `At <path>:N char:M`.
    Script(String),
}

/// The position block of an error: where the source came from, the whole source text and
/// the byte span of the offending element in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ErrorPosition<'a> {
    /// Interactive input or a script path.
    pub origin: &'a Origin,
    /// The whole source text (the REPL entry or the script file).
    pub source: &'a str,
    /// Byte offsets `start..end` of the error's element in `source`.
    pub span: Range<usize>,
}

/// The parts of an error's `+ CategoryInfo` line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CategoryInfo<'a> {
    /// PowerShell's category name, e.g. `InvalidArgument`.
    pub category: &'a str,
    /// The target's text; empty when there is none.
    pub target_name: &'a str,
    /// The target's type name; empty when there is none.
    pub target_type: &'a str,
    /// The activity (the cmdlet name); empty when there is none.
    pub activity: &'a str,
    /// The reason, an exception-type name such as `ParameterBindingException`.
    pub reason: &'a str,
}

impl fmt::Display for CategoryInfo<'_> {
    /// `Category: (TargetName:TargetType) [Activity], Reason`, where the target name, the
    /// target type and the activity are shortened to 19 + `...` + 19 characters when longer
    /// than 40 (PowerShell's `ErrorCategoryInfo.Ellipsize`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: ({}:{}) [{}], {}",
            self.category,
            ellipsize(self.target_name),
            ellipsize(self.target_type),
            ellipsize(self.activity),
            self.reason
        )
    }
}

/// Shortens text longer than 40 characters to its first 19, `...`, its last 19.
fn ellipsize(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    if chars.len() <= 40 {
        return text.to_string();
    }
    let first: String = chars[..19].iter().collect();
    let last: String = chars[chars.len() - 19..].iter().collect();
    format!("{first}...{last}")
}

/// Everything the NormalView layout shows of one error record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ErrorView<'a> {
    /// The command name exactly as typed (alias included) when the error comes from a
    /// command; `None` for `throw` and expression errors. Rendered as `<prefix> : `.
    pub prefix: Option<&'a str>,
    /// The error message; may contain newlines.
    pub message: &'a str,
    /// The position block; `None` when the error has no source position.
    pub position: Option<ErrorPosition<'a>>,
    /// The `+ CategoryInfo` parts.
    pub category_info: CategoryInfo<'a>,
    /// The FullyQualifiedErrorId, e.g. `NamedParameterNotFound,Enable-ExchangeCertificate`.
    pub fqid: &'a str,
}

/// One parse error: its ErrorId, its message and its byte span in the source.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseErrorView<'a> {
    /// PowerShell's ErrorId, e.g. `InvalidVariableReferenceWithDrive`.
    pub error_id: &'a str,
    /// The message, e.g. `Missing closing '}' in statement block or type definition.`.
    pub message: &'a str,
    /// Byte offsets `start..end` of the error in the source.
    pub span: Range<usize>,
}

/// The line PowerShell adds after the tenth parse error.
pub const TOO_MANY_PARSE_ERRORS: &str =
    "Not all parse errors were reported.  Correct the reported errors and try again.";

/// The most parse errors one block shows.
pub const MAX_PARSE_ERRORS: usize = 10;

/// Renders one error record in the 5.1 NormalView layout (§8.3):
///
/// ```text
/// <prefix> : <message>
/// At line:N char:M
/// + <source line>
/// + <spaces><tildes>
///     + CategoryInfo          : <category info>
///     + FullyQualifiedErrorId : <fqid>
///
/// ```
///
/// Every line is right-trimmed and the block ends with one empty line (D2); the info lines
/// are never split (D10).
pub fn render_error(error: &ErrorView<'_>) -> Vec<String> {
    let mut lines = Vec::new();
    for (index, line) in crate::text::split_newlines(error.message)
        .into_iter()
        .enumerate()
    {
        let text = match (index, error.prefix) {
            (0, Some(prefix)) => format!("{prefix} : {line}"),
            _ => line.to_string(),
        };
        lines.push(trim_line(text));
    }
    if let Some(position) = &error.position {
        lines.extend(position_message(position));
    }
    push_info_lines(&mut lines, &error.category_info, error.fqid);
    lines
}

/// Renders a parse failure (§8.3 "Parse errors"): each error (at most
/// [`MAX_PARSE_ERRORS`]) as its position block followed by its message, separated by
/// blank lines, then [`TOO_MANY_PARSE_ERRORS`] when some were left out, then CategoryInfo
/// `ParserError: (:) [], ParentContainsErrorRecordException` and the first error's id.
/// No errors give no lines.
pub fn render_parse_errors(
    origin: &Origin,
    source: &str,
    errors: &[ParseErrorView<'_>],
) -> Vec<String> {
    let mut lines = Vec::new();
    let Some(first) = errors.first() else {
        return lines;
    };
    for (index, error) in errors.iter().take(MAX_PARSE_ERRORS).enumerate() {
        if index > 0 {
            lines.push(String::new());
        }
        let position = ErrorPosition {
            origin,
            source,
            span: error.span.clone(),
        };
        lines.extend(position_message(&position));
        lines.extend(
            crate::text::split_newlines(error.message)
                .into_iter()
                .map(|l| trim_line(l.into())),
        );
    }
    if errors.len() > MAX_PARSE_ERRORS {
        lines.push(String::new());
        lines.push(TOO_MANY_PARSE_ERRORS.to_string());
    }
    let info = CategoryInfo {
        category: "ParserError",
        reason: "ParentContainsErrorRecordException",
        ..CategoryInfo::default()
    };
    push_info_lines(&mut lines, &info, first.error_id);
    lines
}

/// The two `+` info lines and the closing empty line.
fn push_info_lines(lines: &mut Vec<String>, info: &CategoryInfo<'_>, fqid: &str) {
    lines.push(trim_line(format!("    + CategoryInfo          : {info}")));
    lines.push(trim_line(format!("    + FullyQualifiedErrorId : {fqid}")));
    lines.push(String::new());
}

/// The 1-based line and column of byte `offset` in `source` (§2.1): CR LF, lone CR and LF
/// each end a line; the column counts characters. Offsets past the end or inside a
/// character are moved back to the nearest character boundary.
pub fn line_column(source: &str, offset: usize) -> (usize, usize) {
    let offset = floor_boundary(source, offset);
    let start = line_start(source, offset);
    let line = 1 + line_starts(source)
        .iter()
        .filter(|&&s| s > 0 && s <= start)
        .count();
    (line, source[start..offset].chars().count() + 1)
}

/// The largest character boundary of `source` not after `offset`.
fn floor_boundary(source: &str, offset: usize) -> usize {
    let mut offset = offset.min(source.len());
    while !source.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// The byte offsets where lines start (0 first).
fn line_starts(source: &str) -> Vec<usize> {
    let bytes = source.as_bytes();
    let mut starts = vec![0];
    let mut index = 0;
    while index < bytes.len() {
        match bytes[index] {
            b'\r' if bytes.get(index + 1) == Some(&b'\n') => {
                index += 2;
                starts.push(index);
            }
            b'\r' | b'\n' => {
                index += 1;
                starts.push(index);
            }
            _ => index += 1,
        }
    }
    starts
}

/// The start of the line holding `offset` (an offset between CR and LF belongs to the
/// line the CR ends).
fn line_start(source: &str, offset: usize) -> usize {
    line_starts(source)
        .into_iter()
        .rfind(|&s| s <= offset)
        .unwrap_or(0)
}

/// The text of the line starting at `start`, without its line terminator.
fn line_text(source: &str, start: usize) -> &str {
    let rest = &source[start..];
    let end = rest.find(['\r', '\n']).unwrap_or(rest.len());
    &rest[..end]
}

/// The widest source line shown; PowerShell's `PositionUtilities.VerboseMessage` keeps 69
/// so that `+ `, `... ` and ` ...` fit an 80-column console without wrapping.
const MAX_SOURCE_LINE: usize = 69;

/// The position block of §8.3: `At line:N char:M` (or `At <path>:N char:M`), the source
/// line (tabs as four spaces, cut to 69 characters around the error with `... ` / ` ...`),
/// and the underline of tildes.
pub fn position_message(position: &ErrorPosition<'_>) -> Vec<String> {
    let source = position.source;
    let start = floor_boundary(source, position.span.start);
    let end = floor_boundary(source, position.span.end.max(start));
    let (line, column) = line_column(source, start);
    let (end_line, end_column) = line_column(source, end);
    let at = match position.origin {
        Origin::Line => format!("At line:{line} char:{column}"),
        Origin::Script(path) => format!("At {path}:{line} char:{column}"),
    };
    let text: Vec<char> = line_text(source, line_start(source, start))
        .trim_end()
        .chars()
        .collect();
    let mut before = column - 1;
    let mut error_length = if end_line == line {
        end_column.saturating_sub(column)
    } else {
        (text.len() + 1).saturating_sub(column)
    };
    let mut chars = text;
    if chars.contains(&'\t') {
        let expand = |part: &[char]| -> Vec<char> {
            part.iter()
                .flat_map(|&c| if c == '\t' { vec![' '; 4] } else { vec![c] })
                .collect()
        };
        let split_before = before.min(chars.len());
        let split_error = (before + error_length).min(chars.len());
        let head = expand(&chars[..split_before]);
        let middle = expand(&chars[split_before..split_error]);
        let tail = expand(&chars[split_error..]);
        let error_end = before + error_length;
        before = head.len() + before.saturating_sub(split_before);
        error_length = middle.len() + error_end.saturating_sub(split_error.max(split_before));
        chars = [head, middle, tail].concat();
    }
    let mut needs_prefix_dots = false;
    let mut needs_suffix_dots = false;
    if chars.len() > MAX_SOURCE_LINE {
        let total_prefix = before;
        let mut prefix = total_prefix.min(12);
        let total_suffix = chars.len().saturating_sub(error_length + before);
        let mut suffix = total_suffix.min(8);
        let mut candidate = prefix + error_length + suffix;
        if candidate >= MAX_SOURCE_LINE {
            if prefix + error_length >= MAX_SOURCE_LINE {
                error_length = MAX_SOURCE_LINE - prefix;
            }
            needs_suffix_dots = true;
        } else {
            let prefix_available = total_prefix - prefix;
            if prefix_available > 0 {
                prefix += prefix_available.min(MAX_SOURCE_LINE - candidate);
                candidate = prefix + error_length + suffix;
            }
            if candidate < MAX_SOURCE_LINE && total_suffix > 0 {
                suffix += total_suffix.min(MAX_SOURCE_LINE - candidate);
            }
            needs_suffix_dots = suffix < total_suffix;
        }
        needs_prefix_dots = prefix < total_prefix;
        let first = (before - prefix).min(chars.len());
        let last = (first + MAX_SOURCE_LINE).min(chars.len());
        chars = chars[first..last].to_vec();
        before = before.min(prefix);
        error_length = error_length.min(MAX_SOURCE_LINE.saturating_sub(before));
    }
    let shown: String = chars.into_iter().collect();
    let source_line = format!(
        "+ {}{}{}",
        if needs_prefix_dots { "... " } else { "" },
        shown,
        if needs_suffix_dots { " ..." } else { "" }
    );
    let underline = format!(
        "+ {}{}",
        " ".repeat(before + if needs_prefix_dots { 4 } else { 0 }),
        "~".repeat(error_length.max(1))
    );
    vec![at, trim_line(source_line), underline]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn s2_1_line_and_column_with_all_newline_kinds() {
        let source = "ab\r\ncd\ref\ngh";
        assert_eq!(line_column(source, 0), (1, 1));
        assert_eq!(line_column(source, 5), (2, 2));
        assert_eq!(line_column(source, 7), (3, 1));
        assert_eq!(line_column(source, 11), (4, 2));
        assert_eq!(line_column(source, 99), (4, 3));
    }

    #[test]
    fn s2_1_columns_count_characters() {
        assert_eq!(line_column("é x", 3), (1, 3));
        // An offset inside a character moves back to its start.
        assert_eq!(line_column("é", 1), (1, 1));
    }

    #[test]
    fn s8_3_category_info_ellipsis() {
        let long = "a".repeat(19) + "MIDDLE" + &"z".repeat(19);
        let info = CategoryInfo {
            category: "C",
            target_name: &long,
            ..CategoryInfo::default()
        };
        let expected = format!("C: ({}...{}:) [], ", "a".repeat(19), "z".repeat(19));
        assert_eq!(info.to_string(), expected);
        let exactly_40 = "b".repeat(40);
        let info = CategoryInfo {
            activity: &exactly_40,
            ..CategoryInfo::default()
        };
        assert_eq!(info.to_string(), format!(": (:) [{exactly_40}], "));
    }

    #[test]
    fn s8_3_empty_span_gets_one_tilde() {
        let position = ErrorPosition {
            origin: &Origin::Line,
            source: "abc",
            span: 3..3,
        };
        assert_eq!(
            position_message(&position),
            vec!["At line:1 char:4", "+ abc", "+    ~"]
        );
    }
}
