//! The layouts of the informational cmdlets (spec/shell-language.md §7.9): Get-Member's rows
//! (rendered through the shell's MemberDefinition view), Get-Command's fixed-width table and
//! the Get-Help text page.

use crate::framing::Framing;
use crate::table::{Cell, Table, TableColumn, TableOptions};
use crate::text::{compare_ignore_case, split_newlines, trim_line, word_wrap};

/// One member row of Get-Member.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MemberRow {
    /// The member name, e.g. `Thumbprint`.
    pub name: String,
    /// `Property` or `NoteProperty`.
    pub member_type: String,
    /// `string Thumbprint {get;}` or `string Name=value`.
    pub definition: String,
}

/// One command row of Get-Command.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CommandRow {
    /// `Cmdlet`, `Alias` or `Function`.
    pub command_type: String,
    /// The command name; alias rows show `fl -> Format-List`.
    pub name: String,
    /// The version (empty for our commands).
    pub version: String,
    /// The registry's module name for the command.
    pub source: String,
}

/// Get-Command's columns (§7.9): `CommandType` (15), `Name` (50), `Version` (10) and
/// `Source`, which takes the rest of the screen width.
pub fn command_table_columns() -> Vec<TableColumn> {
    vec![
        TableColumn::new("CommandType").width(15),
        TableColumn::new("Name").width(50),
        TableColumn::new("Version").width(10),
        TableColumn::new("Source"),
    ]
}

/// Get-Command's table (§7.9): the columns of [`command_table_columns`], rows sorted by
/// name (ordinal, ignoring case), framed as a table.
pub fn render_command_table(rows: &[CommandRow], width: usize, framing: Framing) -> Vec<String> {
    let mut sorted: Vec<&CommandRow> = rows.iter().collect();
    sorted.sort_by(|a, b| compare_ignore_case(&a.name, &b.name));
    let table = Table {
        columns: command_table_columns(),
        rows: sorted
            .into_iter()
            .map(|row| {
                vec![
                    Cell::new(row.command_type.as_str()),
                    Cell::new(row.name.as_str()),
                    Cell::new(row.version.as_str()),
                    Cell::new(row.source.as_str()),
                ]
            })
            .collect(),
        options: TableOptions::default(),
    };
    crate::table::render_table(&table, width, framing)
}

/// What a syntax line needs to know about one parameter.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SyntaxParameter {
    /// The declared name, without the dash.
    pub name: String,
    /// The type as shown in help, e.g. `String` or `AllowedServices` (ignored for switches).
    pub type_name: String,
    /// The 0-based position, if the parameter is positional.
    pub position: Option<usize>,
    /// Whether the parameter is mandatory in this parameter set.
    pub mandatory: bool,
    /// Whether the parameter is a switch (takes no value).
    pub switch: bool,
    /// Whether the parameter takes a list (`<type[]>`).
    pub list: bool,
}

impl SyntaxParameter {
    /// The parameter as written in a syntax line (§7.9): `[[-Name] <type>]`, `[-Name] <type>`,
    /// `-Name <type>`, `[-Name <type>]`, `[-Name]` or `-Name`.
    pub fn syntax(&self) -> String {
        let name = &self.name;
        if self.switch {
            return if self.mandatory {
                format!("-{name}")
            } else {
                format!("[-{name}]")
            };
        }
        let value = if self.list {
            format!("<{}[]>", self.type_name)
        } else {
            format!("<{}>", self.type_name)
        };
        match (self.position.is_some(), self.mandatory) {
            (true, false) => format!("[[-{name}] {value}]"),
            (true, true) => format!("[-{name}] {value}"),
            (false, true) => format!("-{name} {value}"),
            (false, false) => format!("[-{name} {value}]"),
        }
    }
}

/// One syntax line for one parameter set (§7.9): the command name, positional parameters in
/// position order, the others in declaration order, `[-WhatIf] [-Confirm]` when the cmdlet
/// supports them, then `[<CommonParameters>]`.
pub fn syntax_line(command: &str, parameters: &[SyntaxParameter], should_process: bool) -> String {
    let mut positional: Vec<&SyntaxParameter> = parameters
        .iter()
        .filter(|p| p.position.is_some() && !p.switch)
        .collect();
    positional.sort_by_key(|p| p.position);
    let named = parameters
        .iter()
        .filter(|p| p.position.is_none() || p.switch);
    let mut parts = vec![command.to_string()];
    parts.extend(
        positional
            .into_iter()
            .chain(named)
            .map(SyntaxParameter::syntax),
    );
    if should_process {
        parts.push("[-WhatIf]".to_string());
        parts.push("[-Confirm]".to_string());
    }
    parts.push("[<CommonParameters>]".to_string());
    parts.join(" ")
}

/// Text indented four spaces and word-wrapped at `width − 4` (§7.9); newlines in `text`
/// start new lines and empty lines stay empty.
pub fn help_text(text: &str, width: usize) -> Vec<String> {
    indented_text(text, 4, width)
}

/// Text indented `indent` spaces and word-wrapped at `width − indent`.
fn indented_text(text: &str, indent: usize, width: usize) -> Vec<String> {
    let pad = " ".repeat(indent);
    split_newlines(text)
        .into_iter()
        .flat_map(|piece| word_wrap(piece, width.saturating_sub(indent)))
        .map(|line| trim_line(format!("{pad}{line}")))
        .collect()
}

/// One help section (§7.9): its title in capitals at column 0, the text of
/// [`help_text`], then one blank line.
pub fn help_section(title: &str, text: &str, width: usize) -> Vec<String> {
    let mut lines = vec![title.to_uppercase()];
    lines.extend(help_text(text, width));
    lines.push(String::new());
    lines
}

/// One parameter of a help page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HelpParameter {
    /// Name, type and binding facts.
    pub parameter: SyntaxParameter,
    /// What the parameter does.
    pub description: String,
    /// `Default value` text in the `-Full` view (empty when none).
    pub default_value: String,
    /// `Accept pipeline input?` text in the `-Full` view, e.g. `True (ByPropertyName)`.
    pub pipeline_input: String,
    /// Whether wildcards are accepted.
    pub wildcards: bool,
}

/// One example of a help page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HelpExample {
    /// The command, shown after `PS C:\>`.
    pub script: String,
    /// What it does.
    pub summary: String,
}

/// Everything Get-Help shows of one command.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HelpPage {
    /// The command name.
    pub name: String,
    /// One sentence.
    pub synopsis: String,
    /// One syntax line per parameter set (see [`syntax_line`]).
    pub syntax: Vec<String>,
    /// The longer description.
    pub description: String,
    /// The parameters, in declaration order.
    pub parameters: Vec<HelpParameter>,
    /// The examples.
    pub examples: Vec<HelpExample>,
}

/// Which Get-Help view to render.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum HelpView {
    /// Plain `Get-Help Name`: NAME, SYNOPSIS, SYNTAX, DESCRIPTION, REMARKS.
    #[default]
    Default,
    /// `-Detailed`: adds PARAMETERS (name and description) and EXAMPLES.
    Detailed,
    /// `-Full`: as `-Detailed`, each parameter with its attributes.
    Full,
    /// `-Examples`: NAME, SYNOPSIS, EXAMPLES.
    Examples,
}

/// A Get-Help page (our own layout modeled on 5.1, §7.9): one leading blank line, then the
/// sections of `view`, each followed by one blank line (two after SYNTAX).
pub fn render_help(page: &HelpPage, view: HelpView, width: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    lines.extend(help_section("NAME", &page.name, width));
    lines.extend(help_section("SYNOPSIS", &page.synopsis, width));
    if view != HelpView::Examples {
        lines.push("SYNTAX".to_string());
        for (index, syntax) in page.syntax.iter().enumerate() {
            if index > 0 {
                lines.push(String::new());
            }
            lines.extend(help_text(syntax, width));
        }
        lines.extend([String::new(), String::new()]);
        lines.extend(help_section("DESCRIPTION", &page.description, width));
    }
    if matches!(view, HelpView::Detailed | HelpView::Full) {
        lines.push("PARAMETERS".to_string());
        for parameter in &page.parameters {
            lines.extend(parameter_lines(parameter, view == HelpView::Full, width));
        }
        lines.extend(help_text("<CommonParameters>", width));
        lines.extend(indented_text(COMMON_PARAMETERS_TEXT, 8, width));
        lines.push(String::new());
    }
    if view != HelpView::Default {
        lines.push("EXAMPLES".to_string());
        for (index, example) in page.examples.iter().enumerate() {
            lines.extend(example_lines(index + 1, example, width));
        }
    }
    if view != HelpView::Examples {
        let name = &page.name;
        let remarks = format!(
            "To see the examples, type: \"get-help {name} -examples\".\n\
             For more information, type: \"get-help {name} -detailed\".\n\
             For technical information, type: \"get-help {name} -full\"."
        );
        lines.extend(help_section("REMARKS", &remarks, width));
    }
    lines
}

/// The `<CommonParameters>` paragraph of the PARAMETERS section.
const COMMON_PARAMETERS_TEXT: &str = "This cmdlet supports the common parameters: Verbose, \
Debug, ErrorAction, ErrorVariable, WarningAction, WarningVariable, OutBuffer, PipelineVariable, \
and OutVariable.";

/// One parameter of the PARAMETERS section: `-Name <type>` indented four, the description
/// indented eight, and with `full` the attribute lines, then a blank line.
fn parameter_lines(help: &HelpParameter, full: bool, width: usize) -> Vec<String> {
    let parameter = &help.parameter;
    let head = if parameter.switch {
        format!("-{} [<SwitchParameter>]", parameter.name)
    } else if parameter.list {
        format!("-{} <{}[]>", parameter.name, parameter.type_name)
    } else {
        format!("-{} <{}>", parameter.name, parameter.type_name)
    };
    let mut lines = help_text(&head, width);
    lines.extend(indented_text(&help.description, 8, width));
    if full {
        lines.push(String::new());
        let position = parameter
            .position
            .map_or("named".to_string(), |p| (p + 1).to_string());
        let pipeline = if help.pipeline_input.is_empty() {
            "false"
        } else {
            help.pipeline_input.as_str()
        };
        for (label, value) in [
            (
                "Required?",
                if parameter.mandatory { "true" } else { "false" },
            ),
            ("Position?", position.as_str()),
            ("Default value", help.default_value.as_str()),
            ("Accept pipeline input?", pipeline),
            (
                "Accept wildcard characters?",
                if help.wildcards { "true" } else { "false" },
            ),
        ] {
            lines.push(trim_line(format!("        {label:<28} {value}")));
        }
    }
    lines.push(String::new());
    lines
}

/// One example of the EXAMPLES section (§7.9): the dashed title, a blank line,
/// `PS C:\>` and the command, a blank line, the summary, a blank line; all indented four.
fn example_lines(number: usize, example: &HelpExample, width: usize) -> Vec<String> {
    let title = format!("-------------------------- EXAMPLE {number} --------------------------");
    let mut lines = help_text(&title, width);
    lines.push(String::new());
    lines.extend(help_text(&format!("PS C:\\>{}", example.script), width));
    lines.push(String::new());
    lines.extend(help_text(&example.summary, width));
    lines.push(String::new());
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parameter(name: &str, position: Option<usize>, mandatory: bool) -> SyntaxParameter {
        SyntaxParameter {
            name: name.into(),
            type_name: "String".into(),
            position,
            mandatory,
            ..SyntaxParameter::default()
        }
    }

    #[test]
    fn s7_9_syntax_forms() {
        assert_eq!(parameter("A", Some(0), false).syntax(), "[[-A] <String>]");
        assert_eq!(parameter("A", Some(0), true).syntax(), "[-A] <String>");
        assert_eq!(parameter("A", None, true).syntax(), "-A <String>");
        assert_eq!(parameter("A", None, false).syntax(), "[-A <String>]");
        let list = SyntaxParameter {
            list: true,
            ..parameter("A", None, false)
        };
        assert_eq!(list.syntax(), "[-A <String[]>]");
        let switch = SyntaxParameter {
            switch: true,
            ..parameter("F", None, false)
        };
        assert_eq!(switch.syntax(), "[-F]");
        let switch = SyntaxParameter {
            switch: true,
            ..parameter("F", None, true)
        };
        assert_eq!(switch.syntax(), "-F");
    }

    #[test]
    fn s7_9_positional_first_then_declaration_order() {
        let parameters = [
            parameter("B", None, false),
            parameter("Second", Some(1), false),
            parameter("First", Some(0), true),
            parameter("A", None, true),
        ];
        assert_eq!(
            syntax_line("Do-It", &parameters, false),
            "Do-It [-First] <String> [[-Second] <String>] [-B <String>] -A <String> \
             [<CommonParameters>]"
        );
    }
}
