//! Format-Table (alias `ft`).

use std::rc::Rc;

use shell_engine::{
    Call, Cmdlet, Context, ErrorRecord, Example, Kind, Param, PipelineInput, Signature, Value,
};
use shell_format::{Cell, Table, TableColumn, TableGroup, TableOptions};

use super::common::{
    Expression, bad_property_spec, evaluate, input, property_specs, resolve, unsupported,
};
use crate::format::display::{
    cell, expand_for_display, is_scalar, shown_property_names, viewed_type,
};
use crate::format::{GroupedTableRecord, TableRecord, ViewValue, Views};

/// Formats objects as a table.
pub struct FormatTable {
    /// The registered views.
    pub views: Rc<Views>,
}

/// Where a column's value comes from.
enum Source {
    Expr(Expression),
    View(ViewValue),
}

impl<S> Cmdlet<S> for FormatTable {
    fn signature(&self) -> Signature {
        Signature::new("Format-Table")
            .summary("Formats the output as a table.")
            .param(Param::new("Property", Kind::ObjectList).position(0))
            .param(Param::switch("AutoSize"))
            .param(Param::switch("HideTableHeaders"))
            .param(Param::switch("Wrap"))
            .param(Param::new("GroupBy", Kind::Object))
            .param(Param::new("View", Kind::String).unimplemented())
            .param(Param::switch("ShowError").unimplemented())
            .param(Param::switch("DisplayError").unimplemented())
            .param(Param::switch("Force").unimplemented())
            .param(Param::new("Expand", Kind::String).unimplemented())
            .param(Param::new("InputObject", Kind::Object).from_pipeline(PipelineInput::ByValue))
    }

    fn examples(&self) -> &'static [Example] {
        &[
            Example {
                script: "[pscustomobject]@{Name='pop'; Port=995}, [pscustomobject]@{Name='imap'; Port=993} | Format-Table",
                summary: "A table of two objects; the number column is right-aligned.",
            },
            Example {
                script: "[pscustomobject]@{Name='pop'; Port=995} | ft Name, @{n='Secure'; e={$_.Port -gt 900}} -AutoSize",
                summary: "A calculated column.",
            },
            Example {
                script: "[pscustomobject]@{Kind='mail'; Name='pop'}, [pscustomobject]@{Kind='mail'; Name='imap'}, [pscustomobject]@{Kind='web'; Name='iis'} | ft Name -GroupBy Kind",
                summary: "One table per run of equal Kind values.",
            },
        ]
    }

    fn run(&self, call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        for name in ["View", "ShowError", "DisplayError", "Force", "Expand"] {
            if call.is_bound(name) {
                return Err(unsupported(call, name));
            }
        }
        if let Some(item) = input(call) {
            cx.scratch::<Vec<Value>>().extend(expand_for_display(&item));
        }
        Ok(())
    }

    fn end(&self, call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        let items = std::mem::take(cx.scratch::<Vec<Value>>());
        let limit = cx.enumeration_limit();
        let (scalars, objects): (Vec<Value>, Vec<Value>) = items.into_iter().partition(is_scalar);
        for s in scalars.into_iter().filter(|s| !s.is_null()) {
            cx.write_output(s);
        }
        let Some(first) = objects.first() else {
            return Ok(());
        };
        let mut columns: Vec<(TableColumn, Source)> = Vec::new();
        // The view's own GroupBy applies when its columns do (no -Property, no -GroupBy).
        let mut view_group = None;
        if let Some(spec_value) = call.value("Property") {
            let specs =
                property_specs(spec_value).map_err(|m| bad_property_spec(m, call, "Property"))?;
            for r in resolve(&specs, first, true) {
                let mut column = TableColumn::new(r.label.clone());
                column.width = r.width;
                column.align = r.align;
                columns.push((column, Source::Expr(r.expression)));
            }
        } else if let Some(view) =
            viewed_type(first, &self.views).and_then(|t| self.views.table(&t))
        {
            view_group = view.group_by;
            for c in &view.columns {
                let mut column = TableColumn::new(c.label);
                column.width = c.width;
                column.align = c.align;
                columns.push((column, Source::View(c.value)));
            }
        } else {
            for name in shown_property_names(first, &self.views) {
                columns.push((
                    TableColumn::new(name.clone()),
                    Source::Expr(Expression::Property(name)),
                ));
            }
        }
        let mut rows: Vec<Vec<Cell>> = Vec::with_capacity(objects.len());
        for object in &objects {
            let mut row = Vec::with_capacity(columns.len());
            for (_, source) in &columns {
                let value = match source {
                    Source::Expr(e) => evaluate(cx, e, object)?,
                    Source::View(v) => v.of(object),
                };
                row.push(cell(&value, limit));
            }
            rows.push(row);
        }
        let options = TableOptions {
            auto_size: call.switch("AutoSize"),
            hide_headers: call.switch("HideTableHeaders"),
            wrap: call.switch("Wrap"),
        };
        let columns: Vec<TableColumn> = columns.into_iter().map(|(c, _)| c).collect();
        if let Some(group_by) = call.value("GroupBy") {
            // Consecutive objects with the same group value share a group (PowerShell does not
            // sort: pipe through Sort-Object first).
            let specs =
                property_specs(group_by).map_err(|m| bad_property_spec(m, call, "GroupBy"))?;
            let Some(spec) = specs.first() else {
                return Ok(());
            };
            let (label, expression) = match spec {
                super::common::PropertySpec::Name(n) => {
                    (n.clone(), Expression::Property(n.clone()))
                }
                super::common::PropertySpec::Calculated {
                    label, expression, ..
                } => (label.clone(), expression.clone()),
            };
            let mut groups: Vec<TableGroup> = Vec::new();
            for (object, row) in objects.iter().zip(rows) {
                let value = evaluate(cx, &expression, object)?.display_text(limit);
                match groups.last_mut() {
                    Some(g) if g.value == value => g.rows.push(row),
                    _ => groups.push(TableGroup {
                        label: label.clone(),
                        value,
                        rows: vec![row],
                        custom: false,
                    }),
                }
            }
            cx.write_output(Value::Format(Rc::new(GroupedTableRecord {
                columns,
                groups,
                options,
            })));
            return Ok(());
        }
        if let Some(group) = view_group {
            let mut groups: Vec<TableGroup> = Vec::new();
            for (object, row) in objects.iter().zip(rows) {
                let value = group.value.of(object).display_text(limit);
                match groups.last_mut() {
                    Some(g) if g.value == value => g.rows.push(row),
                    _ => groups.push(TableGroup {
                        label: group.label.to_owned(),
                        value,
                        rows: vec![row],
                        custom: group.custom,
                    }),
                }
            }
            cx.write_output(Value::Format(Rc::new(GroupedTableRecord {
                columns,
                groups,
                options,
            })));
            return Ok(());
        }
        let table = Table {
            columns,
            rows,
            options,
        };
        cx.write_output(Value::Format(Rc::new(TableRecord { table })));
        Ok(())
    }
}
