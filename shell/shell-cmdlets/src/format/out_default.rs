//! Out-Default (spec §7.1–§7.2): the first object of a session decides the shape; later
//! objects continue it or are rendered out of band. The host owner (the binary, the test
//! host) feeds it each statement's output and calls [`OutDefault::finish`] at the end of a
//! session (one REPL input, one script).

use std::rc::Rc;

use shell_engine::Value;
use shell_format::{
    Align, Cell, DEFAULT_FRAMING, ListEntry, Table, TableColumn, TableGroup, TableOptions,
    group_header_lines, list_entry_lines, render_out_of_band_entry, resolve_columns, table_lines,
};

use super::display::{
    cell, display_text, expand_for_display, is_scalar, scalar_lines, shown_property_names,
    viewed_type,
};
use super::view::{View, ViewGroup, ViewValue, Views};

/// One column of the current table.
#[derive(Clone, Debug)]
struct Column {
    label: String,
    width: Option<usize>,
    align: Option<Align>,
    value: ColumnSource,
}

#[derive(Clone, Debug)]
enum ColumnSource {
    Property(String),
    View(ViewValue),
}

impl ColumnSource {
    fn of(&self, value: &Value) -> Value {
        match self {
            ColumnSource::Property(name) => value.property(name).unwrap_or(Value::Null),
            ColumnSource::View(v) => v.of(value),
        }
    }
}

/// The shape chosen by the first object of the session.
#[derive(Clone, Debug)]
enum Shape {
    /// Nothing but scalars so far.
    Idle,
    /// A table: `applies_to` is the registered type, `None` for a generated view.
    Table {
        applies_to: Option<String>,
        columns: Vec<Column>,
        widths: Option<Vec<TableColumn>>,
        /// The view's `GroupBy`, and the value of the group being shown.
        group: Option<(ViewGroup, Option<String>)>,
        /// The view's `AutoSize`.
        auto_size: bool,
    },
    /// A custom view: each object's own lines (framed like a table).
    Custom {
        applies_to: String,
        text: fn(&Value) -> String,
        started: bool,
    },
    /// A list: `items` from a registered view, else each object's shown properties.
    List {
        applies_to: Option<String>,
        items: Option<Vec<(String, ViewValue)>>,
        started: bool,
    },
}

/// The Out-Default state of one session.
#[derive(Clone, Debug)]
pub struct OutDefault {
    views: Rc<Views>,
    enumeration_limit: usize,
    shape: Shape,
}

impl OutDefault {
    /// A new session over the given views.
    pub fn new(views: Rc<Views>) -> Self {
        OutDefault {
            views,
            enumeration_limit: super::display::DEFAULT_ENUMERATION_LIMIT,
            shape: Shape::Idle,
        }
    }

    /// Sets `$FormatEnumerationLimit` for the values rendered from now on.
    pub fn set_enumeration_limit(&mut self, limit: usize) {
        self.enumeration_limit = limit;
    }

    /// Renders one statement's output values at `width`; returns the lines to print.
    pub fn push(&mut self, values: &[Value], width: usize) -> Vec<String> {
        let mut lines = Vec::new();
        let mut pending: Vec<Value> = Vec::new();
        let flat: Vec<Value> = values
            .iter()
            .flat_map(flatten)
            .flat_map(|v| expand_for_display(&v))
            .collect();
        for value in flat {
            if matches!(value, Value::Format(_)) {
                // Explicit Format-* output ends the view that raw objects opened: that table or
                // list is closed with its framing, and the next raw object chooses a new view
                // (PowerShell's Out-Default starts a new group at each format-start record).
                self.flush(&mut pending, width, &mut lines);
                lines.extend(self.finish());
                lines.extend(scalar_lines(&value, width));
                continue;
            }
            if is_scalar(&value) {
                self.flush(&mut pending, width, &mut lines);
                lines.extend(scalar_lines(&value, width));
                continue;
            }
            if matches!(self.shape, Shape::Idle) {
                self.shape = self.choose(&value);
            }
            if self.applies(&value) {
                pending.push(value);
            } else {
                self.flush(&mut pending, width, &mut lines);
                lines.extend(render_out_of_band_entry(
                    &self.entry_for(&value, None),
                    width,
                ));
            }
        }
        self.flush(&mut pending, width, &mut lines);
        lines
    }

    /// Ends the session: the trailing framing of the open table or list.
    pub fn finish(&mut self) -> Vec<String> {
        let lines = match &self.shape {
            Shape::Idle => Vec::new(),
            Shape::Table { widths: None, .. } => Vec::new(),
            Shape::Table { .. } => vec![String::new(); DEFAULT_FRAMING.table_trailing()],
            Shape::List { started: false, .. } | Shape::Custom { started: false, .. } => Vec::new(),
            Shape::Custom { .. } => vec![String::new(); DEFAULT_FRAMING.table_trailing()],
            Shape::List { .. } => vec![String::new(); DEFAULT_FRAMING.list_trailing()],
        };
        self.shape = Shape::Idle;
        lines
    }

    /// §7.2 rules 2 and 4 for the first object.
    fn choose(&self, value: &Value) -> Shape {
        if let Some(t) = viewed_type(value, &self.views) {
            match self.views.first(&t) {
                Some(View::Table(tv)) => {
                    let columns = tv
                        .columns
                        .iter()
                        .map(|c| Column {
                            label: c.label.to_string(),
                            width: c.width,
                            align: c.align,
                            value: ColumnSource::View(c.value),
                        })
                        .collect();
                    return Shape::Table {
                        applies_to: Some(t),
                        columns,
                        widths: None,
                        group: tv.group_by.map(|g| (g, None)),
                        auto_size: tv.auto_size,
                    };
                }
                Some(View::Custom(cv)) => {
                    return Shape::Custom {
                        applies_to: t,
                        text: cv.text,
                        started: false,
                    };
                }
                Some(View::List(lv)) => {
                    let items = lv
                        .items
                        .iter()
                        .map(|i| (i.label.to_string(), i.value))
                        .collect();
                    return Shape::List {
                        applies_to: Some(t),
                        items: Some(items),
                        started: false,
                    };
                }
                None => {}
            }
        }
        let names = shown_property_names(value, &self.views);
        if names.len() <= 4 {
            let columns = names
                .into_iter()
                .map(|n| Column {
                    label: n.clone(),
                    width: None,
                    align: None,
                    value: ColumnSource::Property(n),
                })
                .collect();
            Shape::Table {
                applies_to: None,
                columns,
                widths: None,
                group: None,
                auto_size: false,
            }
        } else {
            Shape::List {
                applies_to: None,
                items: None,
                started: false,
            }
        }
    }

    /// Whether the current view applies to an object (§7.2 "later objects").
    fn applies(&self, value: &Value) -> bool {
        let applies_to = match &self.shape {
            Shape::Idle => return false,
            Shape::Custom { applies_to, .. } => {
                return super::display::type_names(value)
                    .iter()
                    .any(|n| n.eq_ignore_ascii_case(applies_to));
            }
            Shape::Table { applies_to, .. } | Shape::List { applies_to, .. } => applies_to,
        };
        match applies_to {
            None => true,
            Some(t) => super::display::type_names(value)
                .iter()
                .any(|n| n.eq_ignore_ascii_case(t)),
        }
    }

    /// The list entry of one object: the view's items, else its shown properties.
    fn entry_for(&self, value: &Value, items: Option<&[(String, ViewValue)]>) -> ListEntry {
        let limit = self.enumeration_limit;
        match items {
            Some(items) => ListEntry {
                items: items
                    .iter()
                    .map(|(label, v)| (label.clone(), display_text(&v.of(value), limit)))
                    .collect(),
            },
            None => {
                if let Some(lv) = self.views.list_for(value) {
                    let items: Vec<(String, ViewValue)> = lv
                        .items
                        .iter()
                        .map(|i| (i.label.to_string(), i.value))
                        .collect();
                    return self.entry_for(value, Some(&items));
                }
                ListEntry {
                    items: shown_property_names(value, &self.views)
                        .into_iter()
                        .map(|n| {
                            let v = value.property(&n).unwrap_or(Value::Null);
                            (n, display_text(&v, limit))
                        })
                        .collect(),
                }
            }
        }
    }

    /// Renders the objects that continue the current view.
    fn flush(&mut self, pending: &mut Vec<Value>, width: usize, lines: &mut Vec<String>) {
        if pending.is_empty() {
            return;
        }
        let objects = std::mem::take(pending);
        let limit = self.enumeration_limit;
        let entries: Option<Vec<ListEntry>> = match &self.shape {
            Shape::List { items, .. } => Some(
                objects
                    .iter()
                    .map(|o| self.entry_for(o, items.as_deref()))
                    .collect(),
            ),
            _ => None,
        };
        match &mut self.shape {
            Shape::Idle => {}
            Shape::Custom { text, started, .. } => {
                if !*started {
                    lines.extend(std::iter::repeat_n(
                        String::new(),
                        DEFAULT_FRAMING.table_leading(),
                    ));
                    *started = true;
                }
                for object in &objects {
                    lines.extend(text(object).lines().map(|line| line.trim_end().to_owned()));
                }
            }
            Shape::List { started, .. } => {
                if !*started {
                    lines.extend(std::iter::repeat_n(
                        String::new(),
                        DEFAULT_FRAMING.list_leading(),
                    ));
                    *started = true;
                }
                for entry in entries.unwrap_or_default() {
                    lines.extend(list_entry_lines(&entry, width));
                    lines.push(String::new());
                }
            }
            Shape::Table {
                columns,
                widths,
                group,
                auto_size,
                ..
            } => match group {
                None => table_rows(
                    &objects,
                    columns,
                    widths,
                    (true, *auto_size),
                    limit,
                    width,
                    lines,
                ),
                Some((view_group, current)) => {
                    let values: Vec<String> = objects
                        .iter()
                        .map(|object| display_text(&view_group.value.of(object), limit))
                        .collect();
                    let mut start = 0;
                    while start < objects.len() {
                        // A run of objects in the same group renders as one table (so that
                        // AutoSize sees all of its rows).
                        let value = &values[start];
                        let end = values[start..]
                            .iter()
                            .position(|v| v != value)
                            .map_or(objects.len(), |offset| start + offset);
                        if current.as_deref() != Some(value.as_str()) {
                            // A new group: end the previous group's table (or open the
                            // block), then the header, then a table with its own headings.
                            let before = match widths {
                                Some(_) => 1,
                                None => DEFAULT_FRAMING.table_leading(),
                            };
                            lines.extend(std::iter::repeat_n(String::new(), before + 1));
                            lines.extend(group_header_lines(&TableGroup {
                                label: view_group.label.to_string(),
                                value: value.clone(),
                                rows: Vec::new(),
                                custom: view_group.custom,
                            }));
                            *widths = None;
                            *current = Some(value.clone());
                        }
                        table_rows(
                            &objects[start..end],
                            columns,
                            widths,
                            (false, *auto_size),
                            limit,
                            width,
                            lines,
                        );
                        start = end;
                    }
                }
            },
        }
    }
}

/// Flattens nested arrays (output is enumerated one level per pipeline; nested arrays that
/// reach the host are shown element by element, as PowerShell does).
fn flatten(value: &Value) -> Vec<Value> {
    match value {
        Value::Array(a) => a.borrow().iter().flat_map(flatten).collect(),
        other => vec![other.clone()],
    }
}

/// Renders rows of the open table: the first rows also print the headings (after the leading
/// blank line when `leading`) and fix the column widths (from these rows when `auto_size`) for
/// the rows that follow.
fn table_rows(
    objects: &[Value],
    columns: &[Column],
    widths: &mut Option<Vec<TableColumn>>,
    (leading, auto_size): (bool, bool),
    limit: usize,
    width: usize,
    lines: &mut Vec<String>,
) {
    let rows: Vec<Vec<Cell>> = objects
        .iter()
        .map(|o| {
            columns
                .iter()
                .map(|c| cell(&c.value.of(o), limit))
                .collect()
        })
        .collect();
    match widths {
        Some(resolved) => {
            let table = Table {
                columns: resolved.clone(),
                rows,
                options: TableOptions {
                    hide_headers: true,
                    ..Default::default()
                },
            };
            lines.extend(table_lines(&table, width));
        }
        None => {
            let table = Table {
                columns: columns
                    .iter()
                    .map(|c| {
                        let mut col = TableColumn::new(c.label.clone());
                        col.width = c.width;
                        col.align = c.align;
                        col
                    })
                    .collect(),
                rows,
                options: TableOptions {
                    auto_size,
                    ..TableOptions::default()
                },
            };
            if leading {
                lines.extend(std::iter::repeat_n(
                    String::new(),
                    DEFAULT_FRAMING.table_leading(),
                ));
            }
            lines.extend(table_lines(&table, width));
            *widths = Some(resolve_columns(&table, width));
        }
    }
}
