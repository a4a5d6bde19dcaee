//! The format records Format-Table and Format-List emit: blocks of cells rendered at the
//! width of whoever outputs them (Out-Default, Out-String, Out-File).

use shell_engine::FormatRecord;
use shell_format::{DEFAULT_FRAMING, ListEntry, Table, render_list, render_table};

/// A Format-Table block.
#[derive(Clone, Debug)]
pub struct TableRecord {
    /// The columns and cells.
    pub table: Table,
}

impl FormatRecord for TableRecord {
    fn render(&self, width: usize) -> Vec<String> {
        render_table(&self.table, width, DEFAULT_FRAMING)
    }
}

/// A Format-List block.
#[derive(Clone, Debug)]
pub struct ListRecord {
    /// One entry per object.
    pub entries: Vec<ListEntry>,
}

impl FormatRecord for ListRecord {
    fn render(&self, width: usize) -> Vec<String> {
        render_list(&self.entries, width, DEFAULT_FRAMING)
    }
}

/// A Get-Help page, rendered at the output width.
#[derive(Clone, Debug)]
pub struct HelpRecord {
    /// The page.
    pub page: shell_format::HelpPage,
    /// Which sections.
    pub view: shell_format::HelpView,
}

impl FormatRecord for HelpRecord {
    fn render(&self, width: usize) -> Vec<String> {
        shell_format::render_help(&self.page, self.view, width)
    }
}

/// A Format-Table block with `-GroupBy`: one table per run of equal group values.
#[derive(Clone, Debug)]
pub struct GroupedTableRecord {
    /// The columns shared by every group.
    pub columns: Vec<shell_format::TableColumn>,
    /// The groups in input order.
    pub groups: Vec<shell_format::TableGroup>,
    /// Format-Table switches.
    pub options: shell_format::TableOptions,
}

impl FormatRecord for GroupedTableRecord {
    fn render(&self, width: usize) -> Vec<String> {
        shell_format::render_grouped_table(
            &self.columns,
            &self.groups,
            self.options,
            width,
            DEFAULT_FRAMING,
        )
    }
}
