//! Out-Host (alias `oh`).

use std::rc::Rc;

use shell_engine::{
    Call, Cmdlet, Context, ErrorRecord, Example, Kind, Param, PipelineInput, Signature, Value,
};

use super::common::{input, unsupported};
use super::out_string::render_values;
use crate::format::Views;

/// Formats its input as Out-Default would and writes the text to the host at once.
pub struct OutHost {
    /// The registered views.
    pub views: Rc<Views>,
}

impl<S> Cmdlet<S> for OutHost {
    fn signature(&self) -> Signature {
        Signature::new("Out-Host")
            .summary("Sends output to the command line.")
            .param(Param::switch("Paging").unimplemented())
            .param(Param::new("InputObject", Kind::Object).from_pipeline(PipelineInput::ByValue))
    }

    fn examples(&self) -> &'static [Example] {
        &[Example {
            script: "[pscustomobject]@{Name='pop'; Port=995} | Out-Host; 'after'",
            summary: "Prints the table before the next statement's output.",
        }]
    }

    fn run(&self, call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        if call.is_bound("Paging") {
            return Err(unsupported(call, "Paging"));
        }
        if let Some(item) = input(call) {
            cx.scratch::<Vec<Value>>().push(item);
        }
        Ok(())
    }

    fn end(&self, _call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        let items = std::mem::take(cx.scratch::<Vec<Value>>());
        let width = cx.width();
        let limit = cx.enumeration_limit();
        for line in render_values(&self.views, &items, width, limit) {
            cx.host().write_host(&line, true);
        }
        Ok(())
    }
}
