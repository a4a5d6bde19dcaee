//! Format-List, Format-Table and error rendering in the Windows PowerShell 5.1 layout.
//!
//! This crate turns already-prepared display text into the exact lines PowerShell 5.1
//! prints (spec/shell-language.md §7 and §8.3):
//!
//! - [`render_list`] / [`list_entry_lines`]: Format-List, label padding, ` : `, word wrap
//!   (§7.5, §7.7);
//! - [`render_table`] / [`table_lines`]: Format-Table, widths, fitting, `...`, hidden
//!   columns, `-AutoSize`, `-HideTableHeaders`, `-Wrap` (§7.6);
//! - [`render_grouped_table`]: the grouped table of §7.3;
//! - [`MemberRow`], [`render_command_table`], [`render_help`], [`syntax_line`]: the
//!   Get-Member, Get-Command and Get-Help layouts of §7.9;
//! - [`render_error`] / [`render_parse_errors`]: the NormalView error block (§8.3);
//! - [`word_wrap`], [`display_width`], [`line_column`]: the measurements behind them.
//!
//! ```
//! use shell_format::{Cell, DEFAULT_FRAMING, ListEntry, Table, TableColumn, render_list, render_table};
//!
//! let table = Table {
//!     columns: vec![TableColumn::new("Name"), TableColumn::new("HasPrivateKey")],
//!     rows: vec![vec![Cell::new("server1"), Cell::numeric("True")]],
//!     options: Default::default(),
//! };
//! let lines = render_table(&table, 80, DEFAULT_FRAMING);
//! assert_eq!(lines, ["", "Name    HasPrivateKey", "----    -------------", "server1          True", "", ""]);
//!
//! let entry = ListEntry::new().item("Status", "Valid").item("Services", "POP");
//! let lines = render_list(&[entry], 80, DEFAULT_FRAMING);
//! assert_eq!(lines, ["", "", "Status   : Valid", "Services : POP", "", "", ""]);
//! ```
//!
//! Every line is right-trimmed (deviation D2); text is measured in display cells with
//! `unicode-width` (D13); the blank-line framing is one switch, [`Framing`] (D1).
//!
//! What it does not do: it knows nothing of the engine's values, types or views. Choosing
//! the shape (§7.2), turning values into text (§7.4), picking properties and views, sorting
//! rows and deciding alignments from value types belong to the caller (`shell-cmdlets`),
//! which hands this crate labels, cell texts and alignment hints. It never reads the
//! terminal: the width is always a parameter (§7.10). It does not colour.
//!
//! Tests: unit tests at the bottom of each module; snapshot tests of the spec's worked
//! examples in `tests/main.rs` (snapshots in `tests/snapshots/`).

mod error;
mod framing;
mod layouts;
mod list;
mod table;
mod text;

pub use error::{
    CategoryInfo, ErrorPosition, ErrorView, MAX_PARSE_ERRORS, Origin, ParseErrorView,
    TOO_MANY_PARSE_ERRORS, line_column, position_message, render_error, render_parse_errors,
};
pub use framing::{DEFAULT_FRAMING, Framing};
pub use layouts::{
    CommandRow, HelpExample, HelpPage, HelpParameter, HelpView, MemberRow, SyntaxParameter,
    command_table_columns, help_section, help_text, render_command_table, render_help, syntax_line,
};
pub use list::{ListEntry, list_entry_lines, render_list, render_out_of_band_entry};
pub use table::{
    Align, Cell, Table, TableColumn, TableGroup, TableOptions, group_header_lines,
    hidden_column_count, render_grouped_table, render_table, resolve_columns, table_lines,
};
pub use text::{display_width, scalar_lines, word_wrap};
