//! Format-List (alias `fl`).

use std::rc::Rc;

use shell_engine::{
    Call, Cmdlet, Context, ErrorRecord, Example, Kind, Param, PipelineInput, Signature, Value,
};
use shell_format::ListEntry;

use super::common::{bad_property_spec, evaluate, input, property_specs, resolve, unsupported};
use crate::format::display::{all_property_names, display_text, expand_for_display, is_scalar};
use crate::format::{ListRecord, Views};

/// Formats objects as a list of properties, one property per line.
pub struct FormatList {
    /// The registered views.
    pub views: Rc<Views>,
}

impl<S> Cmdlet<S> for FormatList {
    fn signature(&self) -> Signature {
        Signature::new("Format-List")
            .summary("Formats the output as a list of properties in which each property appears on a new line.")
            .param(Param::new("Property", Kind::ObjectList).position(0))
            .param(Param::new("GroupBy", Kind::Object).unimplemented())
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
                script: "[pscustomobject]@{Thumbprint='257C327A164ED8A6FCDAFCA7789D29B60369DCA7'; Services='POP'} | Format-List",
                summary: "Every property on its own line.",
            },
            Example {
                script: "[pscustomobject]@{Name='pop'; Port=995; Secure=$true} | fl P*",
                summary: "Only the properties whose names match a wildcard.",
            },
        ]
    }

    fn run(&self, call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        for name in [
            "GroupBy",
            "View",
            "ShowError",
            "DisplayError",
            "Force",
            "Expand",
        ] {
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
        let specs = match call.value("Property") {
            Some(v) => Some(property_specs(v).map_err(|m| bad_property_spec(m, call, "Property"))?),
            None => None,
        };
        let mut entries = Vec::new();
        for item in items {
            if is_scalar(&item) {
                if !item.is_null() {
                    cx.write_output(item);
                }
                continue;
            }
            let mut entry = ListEntry::new();
            match &specs {
                Some(specs) => {
                    for r in resolve(specs, &item, false) {
                        let value = evaluate(cx, &r.expression, &item)?;
                        entry.items.push((r.label, display_text(&value, limit)));
                    }
                }
                None => {
                    let view = self.views.list_for(&item);
                    match view {
                        Some(view) => {
                            for i in &view.items {
                                entry.items.push((
                                    i.label.to_string(),
                                    display_text(&i.value.of(&item), limit),
                                ));
                            }
                        }
                        None => {
                            for name in all_property_names(&item) {
                                let value = item.property(&name).unwrap_or(Value::Null);
                                entry.items.push((name, display_text(&value, limit)));
                            }
                        }
                    }
                }
            }
            entries.push(entry);
        }
        if !entries.is_empty() {
            cx.write_output(Value::Format(Rc::new(ListRecord { entries })));
        }
        Ok(())
    }
}
