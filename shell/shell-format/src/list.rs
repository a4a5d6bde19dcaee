//! Format-List (spec/shell-language.md §7.5) with the framing of §7.3.

use crate::framing::{Framing, push_blank};
use crate::text::{display_width, split_newlines, take_prefix, trim_line, word_wrap};

/// One object of a list: its property labels and value texts, in display order.
///
/// Value texts are already turned into display text (§7.4) by the caller and may contain
/// newlines.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListEntry {
    /// `(label, value text)` pairs in display order.
    pub items: Vec<(String, String)>,
}

impl ListEntry {
    /// An entry with no properties yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds one property line and returns the entry (builder style).
    pub fn item(mut self, label: impl Into<String>, value: impl Into<String>) -> Self {
        self.items.push((label.into(), value.into()));
        self
    }
}

/// The property lines of one list entry at `width`, without any blank line (§7.5).
///
/// The label width `L` is this entry's longest label, capped at `width − 4`; each line is
/// the label padded to `L`, ` : `, and the value word-wrapped (§7.7) to `width − L − 3`
/// cells with continuation lines indented by `L + 3`. Lines are right-trimmed (D2).
pub fn list_entry_lines(entry: &ListEntry, width: usize) -> Vec<String> {
    let longest = entry
        .items
        .iter()
        .map(|(label, _)| display_width(label))
        .max()
        .unwrap_or(0);
    let label_width = longest.min(width.saturating_sub(4));
    let value_width = width.saturating_sub(label_width + 3).max(1);
    let indent = " ".repeat(label_width + 3);
    let mut lines = Vec::new();
    for (label, value) in &entry.items {
        let label = take_prefix(label, label_width);
        let padding = " ".repeat(label_width - display_width(label));
        let mut first = true;
        for piece in split_newlines(value) {
            for line in word_wrap(piece, value_width) {
                let text = if first {
                    first = false;
                    format!("{label}{padding} : {line}")
                } else {
                    format!("{indent}{line}")
                };
                lines.push(trim_line(text));
            }
        }
    }
    lines
}

/// A whole Format-List block: the framing of §7.3 around every entry's lines.
///
/// Windows PowerShell 5.1: two blank lines, each entry followed by one blank line, then two
/// more blank lines. No entries give no lines at all (an empty pipeline prints nothing).
pub fn render_list(entries: &[ListEntry], width: usize, framing: Framing) -> Vec<String> {
    let mut lines = Vec::new();
    if entries.is_empty() {
        return lines;
    }
    push_blank(&mut lines, framing.list_leading());
    for entry in entries {
        lines.extend(list_entry_lines(entry, width));
        push_blank(&mut lines, 1);
    }
    push_blank(&mut lines, framing.list_trailing());
    lines
}

/// One object shown *out of band* inside another view (§7.2): one blank line, its property
/// lines, one blank line.
pub fn render_out_of_band_entry(entry: &ListEntry, width: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    lines.extend(list_entry_lines(entry, width));
    lines.push(String::new());
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn s7_5_label_capped_at_width_minus_four() {
        let entry = ListEntry::new().item("ABCDEFGHIJ", "v");
        assert_eq!(list_entry_lines(&entry, 8), vec!["ABCD : v"]);
    }

    #[test]
    fn s7_5_empty_value_is_trimmed() {
        let entry = ListEntry::new().item("Average", "").item("Count", "2");
        assert_eq!(
            list_entry_lines(&entry, 80),
            vec!["Average :", "Count   : 2"]
        );
    }

    #[test]
    fn s7_5_entry_without_properties_keeps_its_blank_line() {
        let lines = render_list(&[ListEntry::new()], 80, Framing::WindowsPowerShell);
        assert_eq!(lines, vec!["", "", "", "", ""]);
    }

    #[test]
    fn d1_powershell7_list_framing() {
        let entry = ListEntry::new().item("A", "1");
        let lines = render_list(&[entry.clone(), entry], 80, Framing::PowerShell7);
        assert_eq!(lines, vec!["", "A : 1", "", "A : 1", ""]);
    }

    #[test]
    fn s7_2_out_of_band_entry() {
        let entry = ListEntry::new().item("Name", "x");
        assert_eq!(
            render_out_of_band_entry(&entry, 80),
            vec!["", "Name : x", ""]
        );
    }

    #[test]
    fn tiny_width_does_not_panic() {
        let entry = ListEntry::new().item("Label", "some value text");
        for width in 0..6 {
            assert!(!list_entry_lines(&entry, width).is_empty());
        }
    }
}
