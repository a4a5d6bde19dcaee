//! Format-Table (spec/shell-language.md §7.6): column widths, fitting, truncation, `-Wrap`,
//! and the grouped table of §7.3 used by Get-Member.

use crate::framing::{Framing, push_blank};
use crate::text::{display_width, split_newlines, take_prefix, take_suffix, trim_line, word_wrap};

/// Horizontal alignment of a table column.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Align {
    /// Text starts at the column's left edge; long text keeps its start.
    #[default]
    Left,
    /// Text ends at the column's right edge; long text keeps its end.
    Right,
}

/// One column of a table: its header label, an optional fixed width (from a view) and an
/// optional alignment (from a view).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TableColumn {
    /// The header label, as declared (never the typed spelling).
    pub label: String,
    /// A view's fixed width in display cells; `None` sizes the column from its content.
    /// `Some(0)` hides the column (what [`resolve_columns`] gives a column that did not fit).
    pub width: Option<usize>,
    /// A view's alignment; `None` takes the first row's [`Cell::align_hint`], else left.
    pub align: Option<Align>,
}

impl TableColumn {
    /// A column sized from its content, aligned by the first row's hint.
    pub fn new(label: impl Into<String>) -> Self {
        Self {
            label: label.into(),
            width: None,
            align: None,
        }
    }

    /// Sets a fixed width (builder style).
    pub fn width(mut self, width: usize) -> Self {
        self.width = Some(width);
        self
    }

    /// Sets the alignment (builder style).
    pub fn align(mut self, align: Align) -> Self {
        self.align = Some(align);
        self
    }
}

/// One table cell: the value's display text (§7.4) and the alignment its value suggests.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Cell {
    /// The display text; may contain newlines.
    pub text: String,
    /// `Some(Align::Right)` for numbers and Booleans (§7.6); used only from the first row.
    pub align_hint: Option<Align>,
}

impl Cell {
    /// A cell with no alignment preference (strings, dates, objects).
    pub fn new(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            align_hint: None,
        }
    }

    /// A cell whose value is a number or a Boolean: right-aligned unless a view says otherwise.
    pub fn numeric(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            align_hint: Some(Align::Right),
        }
    }
}

impl From<&str> for Cell {
    fn from(text: &str) -> Self {
        Cell::new(text)
    }
}

impl From<String> for Cell {
    fn from(text: String) -> Self {
        Cell::new(text)
    }
}

/// The switches of Format-Table that change the layout.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TableOptions {
    /// `-AutoSize`: every column, fixed ones included, is sized from its content.
    pub auto_size: bool,
    /// `-HideTableHeaders`: no header line and no dash line.
    pub hide_headers: bool,
    /// `-Wrap`: long cells and embedded newlines continue on extra lines instead of `...`.
    pub wrap: bool,
}

/// A table block: columns, rows of cells (a short row gets empty cells) and options.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Table {
    /// The columns, left to right.
    pub columns: Vec<TableColumn>,
    /// The rows, each a cell per column.
    pub rows: Vec<Vec<Cell>>,
    /// Format-Table switches.
    pub options: TableOptions,
}

/// A whole Format-Table block: the framing of §7.3 around [`table_lines`].
///
/// Windows PowerShell 5.1: one blank line, header, dashes, rows, two blank lines. A table
/// without rows gives no lines at all (an empty pipeline prints nothing).
pub fn render_table(table: &Table, width: usize, framing: Framing) -> Vec<String> {
    let mut lines = Vec::new();
    if table.rows.is_empty() {
        return lines;
    }
    push_blank(&mut lines, framing.table_leading());
    lines.extend(table_lines(table, width));
    push_blank(&mut lines, framing.table_trailing());
    lines
}

/// The header, dash and row lines of a table at `width`, without framing (§7.6).
pub fn table_lines(table: &Table, width: usize) -> Vec<String> {
    let aligns = column_aligns(table);
    let widths = column_widths(table, width);
    let visible: Vec<usize> = (0..table.columns.len())
        .filter(|&k| widths[k] > 0)
        .collect();
    let mut lines = Vec::new();
    if !table.options.hide_headers {
        let labels: Vec<String> = table.columns.iter().map(|c| c.label.clone()).collect();
        let dashes: Vec<String> = table
            .columns
            .iter()
            .zip(&widths)
            .map(|(column, &w)| "-".repeat(display_width(&column.label).min(w)))
            .collect();
        lines.push(join_row(&labels, &visible, &widths, &aligns));
        lines.push(join_row(&dashes, &visible, &widths, &aligns));
    }
    for row in &table.rows {
        let texts: Vec<&str> = (0..table.columns.len())
            .map(|k| row.get(k).map_or("", |c| c.text.as_str()))
            .collect();
        if table.options.wrap {
            let cells: Vec<Vec<String>> = texts
                .iter()
                .zip(&widths)
                .map(|(text, &w)| {
                    if w == 0 {
                        return Vec::new();
                    }
                    split_newlines(text)
                        .into_iter()
                        .flat_map(|piece| word_wrap(piece, w))
                        .collect()
                })
                .collect();
            let height = cells.iter().map(Vec::len).max().unwrap_or(0).max(1);
            for index in 0..height {
                let parts: Vec<String> = cells
                    .iter()
                    .map(|lines| lines.get(index).cloned().unwrap_or_default())
                    .collect();
                lines.push(join_row(&parts, &visible, &widths, &aligns));
            }
        } else {
            let parts: Vec<String> = texts
                .iter()
                .map(|text| {
                    split_newlines(text)
                        .first()
                        .copied()
                        .unwrap_or("")
                        .to_string()
                })
                .collect();
            lines.push(join_row(&parts, &visible, &widths, &aligns));
        }
    }
    lines
}

/// Joins the visible cells with one space, fitting each to its column; the last visible
/// column is never padded on the right, and the line is right-trimmed (D2).
fn join_row(texts: &[String], visible: &[usize], widths: &[usize], aligns: &[Align]) -> String {
    let mut line = String::new();
    for (position, &k) in visible.iter().enumerate() {
        if position > 0 {
            line.push(' ');
        }
        let last = position + 1 == visible.len();
        line.push_str(&fit_cell(
            texts.get(k).map_or("", String::as_str),
            widths[k],
            aligns[k],
            last,
        ));
    }
    trim_line(line)
}

/// Cuts or pads one cell to `width` cells (§7.6 "Cells").
///
/// Too long: keep `width − 3` cells and append `...` (right-aligned: keep the *last*
/// `width − 3` cells and prepend `...`); a column of 3 cells or fewer is just cut.
pub(crate) fn fit_cell(text: &str, width: usize, align: Align, last: bool) -> String {
    let fitted = if display_width(text) > width {
        match (align, width > 3) {
            (Align::Left, true) => format!("{}...", take_prefix(text, width - 3)),
            (Align::Right, true) => format!("...{}", take_suffix(text, width - 3)),
            (Align::Left, false) => take_prefix(text, width).to_string(),
            (Align::Right, false) => take_suffix(text, width).to_string(),
        }
    } else {
        text.to_string()
    };
    let padding = " ".repeat(width.saturating_sub(display_width(&fitted)));
    match align {
        Align::Left if last => fitted,
        Align::Left => fitted + &padding,
        Align::Right => padding + &fitted,
    }
}

/// Each column's alignment: the view's, else the first row's hint, else left (§7.6).
fn column_aligns(table: &Table) -> Vec<Align> {
    let first = table.rows.first();
    table
        .columns
        .iter()
        .enumerate()
        .map(|(k, column)| {
            column
                .align
                .or_else(|| {
                    first
                        .and_then(|row| row.get(k))
                        .and_then(|cell| cell.align_hint)
                })
                .unwrap_or_default()
        })
        .collect()
}

/// The width of each column after sizing and fitting; 0 marks a hidden column (§7.6).
fn column_widths(table: &Table, width: usize) -> Vec<usize> {
    let columns = &table.columns;
    let any_fixed = columns.iter().any(|c| c.width.is_some());
    let any_unsized = columns.iter().any(|c| c.width.is_none());
    let mut widths: Vec<usize> = if table.options.auto_size || !any_fixed {
        (0..columns.len())
            .map(|k| content_width(table, k))
            .collect()
    } else if any_unsized {
        spread_spare_width(columns, width)
    } else {
        columns.iter().map(|c| c.width.unwrap_or(1)).collect()
    };
    trim_to_fit(&mut widths, width);
    widths
}

/// `max(label, longest value text in the block)`, at least 1 (D3: the whole block counts).
fn content_width(table: &Table, k: usize) -> usize {
    let label = display_width(&table.columns[k].label);
    let values = table.rows.iter().filter_map(|row| row.get(k)).map(|cell| {
        let pieces = split_newlines(&cell.text);
        if table.options.wrap {
            pieces
                .iter()
                .map(|piece| display_width(piece))
                .max()
                .unwrap_or(0)
        } else {
            pieces.first().map_or(0, |piece| display_width(piece))
        }
    });
    values.fold(label, usize::max).max(1)
}

/// Fixed columns keep their width; unsized ones start at 1 and the spare screen width is
/// handed out one cell at a time, left to right, round-robin (PowerShell's
/// `ColumnWidthManager.AssignColumnWidths`).
fn spread_spare_width(columns: &[TableColumn], width: usize) -> Vec<usize> {
    let mut widths: Vec<usize> = columns.iter().map(|c| c.width.unwrap_or(1)).collect();
    let unsized_columns: Vec<usize> = (0..columns.len())
        .filter(|&k| columns[k].width.is_none())
        .collect();
    let mut spare = width.saturating_sub(table_width(&widths));
    while spare > 0 && !unsized_columns.is_empty() {
        for &k in &unsized_columns {
            if spare == 0 {
                break;
            }
            widths[k] += 1;
            spare -= 1;
        }
    }
    widths
}

/// The width of the visible columns plus one separator between neighbours.
fn table_width(widths: &[usize]) -> usize {
    let visible: Vec<usize> = widths.iter().copied().filter(|&w| w > 0).collect();
    visible.iter().sum::<usize>() + visible.len().saturating_sub(1)
}

/// While the table is wider than the screen, shrink the right-most visible column by the
/// excess, or hide it when it would drop below one cell (§7.6 "Fitting").
fn trim_to_fit(widths: &mut [usize], width: usize) {
    loop {
        let excess = table_width(widths).saturating_sub(width);
        if excess == 0 {
            return;
        }
        let Some(last) = widths.iter().rposition(|&w| w > 0) else {
            return;
        };
        widths[last] = widths[last].saturating_sub(excess);
    }
}

/// The columns of `table` with the width (0 = hidden) and alignment this block resolves to
/// at `width`: every column fixed, so later blocks built with these columns (and
/// `hide_headers`) continue the same table with the same geometry, as Out-Default keeps a
/// table's columns for every later object of a session (§7.2).
pub fn resolve_columns(table: &Table, width: usize) -> Vec<TableColumn> {
    let aligns = column_aligns(table);
    let widths = column_widths(table, width);
    table
        .columns
        .iter()
        .zip(widths.into_iter().zip(aligns))
        .map(|(column, (width, align))| TableColumn {
            label: column.label.clone(),
            width: Some(width),
            align: Some(align),
        })
        .collect()
}

/// How many columns of `table` the fitting rules hide at `width` (§7.6), for the
/// `WARNING: N columns do not fit into the display and were removed.` line of `-AutoSize`.
pub fn hidden_column_count(table: &Table, width: usize) -> usize {
    column_widths(table, width)
        .iter()
        .filter(|&&w| w == 0)
        .count()
}

/// One group of a grouped table: its header (`   Label: value`) and its rows.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TableGroup {
    /// The group label, e.g. `TypeName`.
    pub label: String,
    /// The group value, e.g. the type name.
    pub value: String,
    /// The group's rows.
    pub rows: Vec<Vec<Cell>>,
    /// A custom-control header (`    Label: value` indented four, two blank lines after it), as
    /// the FileSystem provider's `Directory:` grouping; otherwise the standard
    /// `   Label: value` with one blank line after it.
    pub custom: bool,
}

/// The header lines of one group, after the blank line that opens it: the header and the blank
/// lines that separate it from the table.
pub fn group_header_lines(group: &TableGroup) -> Vec<String> {
    let (indent, after) = if group.custom { (4, 2) } else { (3, 1) };
    let mut lines = vec![trim_line(format!(
        "{:indent$}{}: {}",
        "", group.label, group.value
    ))];
    push_blank(&mut lines, after);
    lines
}

/// A grouped table (§7.3): one blank line; per group a blank line, `   Label: value`, a
/// blank line, the group's own table (widths computed per group), a blank line; finally
/// one blank line (5.1). PowerShell 7 framing drops the first and last blank lines.
pub fn render_grouped_table(
    columns: &[TableColumn],
    groups: &[TableGroup],
    options: TableOptions,
    width: usize,
    framing: Framing,
) -> Vec<String> {
    let mut lines = Vec::new();
    if groups.is_empty() {
        return lines;
    }
    let outer = usize::from(framing == Framing::WindowsPowerShell);
    push_blank(&mut lines, outer);
    for group in groups {
        push_blank(&mut lines, 1);
        lines.extend(group_header_lines(group));
        let table = Table {
            columns: columns.to_vec(),
            rows: group.rows.clone(),
            options,
        };
        lines.extend(table_lines(&table, width));
        push_blank(&mut lines, 1);
    }
    push_blank(&mut lines, outer);
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn s7_6_fit_cell_left_and_right() {
        assert_eq!(fit_cell("abcdefgh", 6, Align::Left, false), "abc...");
        assert_eq!(fit_cell("abcdefgh", 6, Align::Right, false), "...fgh");
        assert_eq!(fit_cell("abcdefgh", 3, Align::Left, false), "abc");
        assert_eq!(fit_cell("abcdefgh", 3, Align::Right, false), "fgh");
        assert_eq!(fit_cell("ab", 4, Align::Left, false), "ab  ");
        assert_eq!(fit_cell("ab", 4, Align::Left, true), "ab");
        assert_eq!(fit_cell("ab", 4, Align::Right, true), "  ab");
    }

    #[test]
    fn s7_6_fitting_hides_then_shrinks() {
        let mut widths = vec![40, 29, 9];
        trim_to_fit(&mut widths, 60);
        assert_eq!(widths, vec![40, 19, 0]);
    }

    #[test]
    fn s7_6_round_robin_spare_width() {
        let columns = vec![
            TableColumn::new("A").width(10),
            TableColumn::new("B"),
            TableColumn::new("C").width(5),
            TableColumn::new("D"),
        ];
        // 10 + 1 + 5 + 1 + 3 separators = 20; 5 spare cells go B, D, B, D, B.
        assert_eq!(spread_spare_width(&columns, 25), vec![10, 4, 5, 3]);
    }

    #[test]
    fn zero_width_hides_everything_without_panicking() {
        let table = Table {
            columns: vec![TableColumn::new("A")],
            rows: vec![vec![Cell::new("x")]],
            options: TableOptions::default(),
        };
        assert_eq!(table_lines(&table, 0), vec!["", "", ""]);
    }
}
