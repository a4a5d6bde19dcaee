//! The blank-line framing profile (spec/shell-language.md §7.3, deviation D1).

/// Which PowerShell's blank-line framing the renderers produce.
///
/// Windows PowerShell 5.1 is the product decision (design.md §5); PowerShell 7 is kept as
/// the one switch D1 asks for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Framing {
    /// Windows PowerShell 5.1: tables end with two blank lines, lists start and end with two.
    #[default]
    WindowsPowerShell,
    /// PowerShell 7: one blank line before and after each block.
    PowerShell7,
}

/// The framing the product uses (D1): change this one constant to adopt PowerShell 7's.
pub const DEFAULT_FRAMING: Framing = Framing::WindowsPowerShell;

impl Framing {
    /// Blank lines before a table (header or first row).
    pub fn table_leading(self) -> usize {
        1
    }

    /// Blank lines after the last row of a table.
    pub fn table_trailing(self) -> usize {
        match self {
            Framing::WindowsPowerShell => 2,
            Framing::PowerShell7 => 1,
        }
    }

    /// Blank lines before the first list entry.
    pub fn list_leading(self) -> usize {
        match self {
            Framing::WindowsPowerShell => 2,
            Framing::PowerShell7 => 1,
        }
    }

    /// Blank lines after the blank line that follows the last list entry.
    pub fn list_trailing(self) -> usize {
        match self {
            Framing::WindowsPowerShell => 2,
            Framing::PowerShell7 => 0,
        }
    }
}

/// Appends `count` empty lines.
pub(crate) fn push_blank(lines: &mut Vec<String>, count: usize) {
    lines.extend(std::iter::repeat_n(String::new(), count));
}
