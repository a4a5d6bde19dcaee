//! Out-Default and the views (spec §7.1–§7.4, §7.11): choosing a shape, value → display
//! text, and the adapters from engine values to shell-format's input types.

pub mod display;
pub mod error;
pub mod out_default;
pub mod records;
pub mod text_host;
pub mod transcript;
pub mod view;

pub use display::DEFAULT_ENUMERATION_LIMIT;
pub use error::render_error_record;
pub use out_default::OutDefault;
pub use records::{GroupedTableRecord, HelpRecord, ListRecord, TableRecord};
pub use text_host::TextHost;
pub use transcript::Transcript;
pub use view::{
    CustomView, ListView, ListViewItem, TableView, TableViewColumn, View, ViewGroup, ViewValue,
    Views,
};
