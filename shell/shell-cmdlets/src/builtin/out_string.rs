//! Out-String.

use std::rc::Rc;

use shell_engine::{
    Call, Cmdlet, Context, ErrorRecord, Example, Kind, Param, PipelineInput, Signature, Value,
};

use super::common::input;
use crate::format::{OutDefault, Views};

/// Renders its whole input as text, as Out-Default would show it.
pub struct OutString {
    /// The registered views.
    pub views: Rc<Views>,
}

/// The lines Out-Default would print for `values` at `width` in one session.
pub fn render_values(
    views: &Rc<Views>,
    values: &[Value],
    width: usize,
    limit: usize,
) -> Vec<String> {
    let mut out = OutDefault::new(views.clone());
    out.set_enumeration_limit(limit);
    let mut lines = out.push(values, width);
    lines.extend(out.finish());
    lines
}

impl<S> Cmdlet<S> for OutString {
    fn signature(&self) -> Signature {
        Signature::new("Out-String")
            .summary("Sends objects to the host as a series of strings.")
            .param(Param::switch("Stream"))
            .param(Param::new("Width", Kind::Int32))
            .param(Param::new("InputObject", Kind::Object).from_pipeline(PipelineInput::ByValue))
    }

    fn examples(&self) -> &'static [Example] {
        &[Example {
            script: "[pscustomobject]@{Name='pop'; Port=995} | Out-String -Stream",
            summary: "The table as one string per line.",
        }]
    }

    fn run(&self, call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        if let Some(item) = input(call) {
            cx.scratch::<Vec<Value>>().push(item);
        }
        Ok(())
    }

    fn end(&self, call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        let items = std::mem::take(cx.scratch::<Vec<Value>>());
        let width = match call.get_optional::<i32>("Width")? {
            Some(w) => usize::try_from(w).unwrap_or(1).max(1),
            None => cx.width(),
        };
        let lines = render_values(&self.views, &items, width, cx.enumeration_limit());
        if call.switch("Stream") {
            for line in lines {
                cx.write_output(Value::from(line));
            }
        } else if !items.is_empty() {
            let mut text = String::new();
            for line in lines {
                text.push_str(&line);
                text.push('\n');
            }
            cx.write_output(Value::from(text));
        }
        Ok(())
    }
}
