//! ConvertTo-Html (PowerShell 5.1 layout, one string per line).

use shell_engine::{
    Call, Cmdlet, Context, ErrorRecord, Example, Kind, Param, PipelineInput, Signature, Value,
};

use super::common::{bad_property_spec, evaluate, input, property_specs, resolve, unsupported};
use crate::format::display::{expand_for_display, is_scalar};

/// Converts objects into HTML tables.
pub struct ConvertToHtml;

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

impl<S> Cmdlet<S> for ConvertToHtml {
    fn signature(&self) -> Signature {
        Signature::new("ConvertTo-Html")
            .summary("Converts Microsoft .NET Framework objects into HTML that can be displayed in a Web browser.")
            .default_set("Page")
            .param(Param::new("InputObject", Kind::Object).from_pipeline(PipelineInput::ByValue))
            .param(Param::new("Property", Kind::ObjectList).position(0))
            .param(Param::new("Body", Kind::StringList).in_set("Page").position(3))
            .param(Param::new("Head", Kind::StringList).in_set("Page").position(1))
            .param(Param::new("Title", Kind::String).in_set("Page").position(2))
            .param(Param::new("As", Kind::String))
            .param(Param::new("CssUri", Kind::String).alias("cu").alias("uri").in_set("Page"))
            .param(Param::switch("Fragment").in_set("Fragment").mandatory())
            .param(Param::new("PostContent", Kind::StringList))
            .param(Param::new("PreContent", Kind::StringList))
    }

    fn examples(&self) -> &'static [Example] {
        &[
            Example {
                script: "[pscustomobject]@{Name='pop'; Port=995} | ConvertTo-Html -Fragment",
                summary: "An HTML table fragment.",
            },
            Example {
                script: "[pscustomobject]@{Name='pop'; Port=995} | ConvertTo-Html -Title Certificates -As List",
                summary: "A whole page with one list table per object.",
            },
        ]
    }

    fn run(&self, call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        if call.is_bound("CssUri") {
            return Err(unsupported(call, "CssUri"));
        }
        if let Some(item) = input(call) {
            cx.scratch::<Vec<Value>>().extend(expand_for_display(&item));
        }
        Ok(())
    }

    fn end(&self, call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        let items = std::mem::take(cx.scratch::<Vec<Value>>());
        let as_list = call
            .value("As")
            .is_some_and(|v| v.to_string_form().eq_ignore_ascii_case("list"));
        let specs = match call.value("Property") {
            Some(v) => property_specs(v).map_err(|m| bad_property_spec(m, call, "Property"))?,
            None => vec![super::common::PropertySpec::Name("*".to_string())],
        };
        // Each row: (label, text) pairs.
        let mut rows: Vec<Vec<(String, String)>> = Vec::new();
        let columns_from = items.first().cloned();
        for item in &items {
            let mut row = Vec::new();
            if is_scalar(item) {
                row.push(("*".to_string(), super::common::dotnet_string(item)));
            } else {
                let shape = if as_list {
                    item
                } else {
                    columns_from.as_ref().unwrap_or(item)
                };
                for r in resolve(&specs, shape, true) {
                    let value = evaluate(cx, &r.expression, item)?;
                    row.push((r.label, super::common::dotnet_string(&value)));
                }
            }
            rows.push(row);
        }
        let mut lines: Vec<String> = Vec::new();
        let fragment = call.switch("Fragment");
        if !fragment {
            let title = call
                .value("Title")
                .map_or("HTML TABLE".to_string(), Value::to_string_form);
            lines.push("<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\"  \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd\">".into());
            lines.push("<html xmlns=\"http://www.w3.org/1999/xhtml\">".into());
            lines.push("<head>".into());
            match call.get_optional::<Vec<String>>("Head")? {
                Some(head) => lines.extend(head),
                None => lines.push(format!("<title>{}</title>", escape(&title))),
            }
            lines.push("</head><body>".into());
            if let Some(body) = call.get_optional::<Vec<String>>("Body")? {
                lines.extend(body);
            }
        }
        if let Some(pre) = call.get_optional::<Vec<String>>("PreContent")? {
            lines.extend(pre);
        }
        if as_list {
            for (k, row) in rows.iter().enumerate() {
                if k > 0 {
                    lines.push("<hr>".into());
                }
                lines.push("<table>".into());
                for (label, text) in row {
                    lines.push(format!(
                        "<tr><td>{}:</td><td>{}</td></tr>",
                        escape(label),
                        escape(text)
                    ));
                }
                lines.push("</table>".into());
            }
        } else if let Some(first) = rows.first() {
            lines.push("<table>".into());
            lines.push(format!(
                "<colgroup>{}</colgroup>",
                "<col/>".repeat(first.len())
            ));
            let header: String = first
                .iter()
                .map(|(label, _)| format!("<th>{}</th>", escape(label)))
                .collect();
            lines.push(format!("<tr>{header}</tr>"));
            for row in &rows {
                let cells: String = row
                    .iter()
                    .map(|(_, text)| format!("<td>{}</td>", escape(text)))
                    .collect();
                lines.push(format!("<tr>{cells}</tr>"));
            }
            lines.push("</table>".into());
        }
        if let Some(post) = call.get_optional::<Vec<String>>("PostContent")? {
            lines.extend(post);
        }
        if !fragment {
            lines.push("</body></html>".into());
        }
        for line in lines {
            cx.write_output(Value::from(line));
        }
        Ok(())
    }
}
