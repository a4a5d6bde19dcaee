//! ForEach-Object (alias `%`, `foreach`).

use std::rc::Rc;

use shell_engine::{
    Call, Cmdlet, Context, ErrorRecord, Example, Kind, Param, PipelineInput, ScriptBlockValue,
    Signature, Value,
};

use super::common::{input, unsupported};

/// Runs script blocks for each input object, or outputs one property of each.
pub struct ForEachObject;

/// The begin / process / end blocks of one invocation.
struct Blocks {
    begin: Option<Rc<ScriptBlockValue>>,
    process: Vec<Rc<ScriptBlockValue>>,
    end: Option<Rc<ScriptBlockValue>>,
}

fn blocks(call: &Call) -> Result<Blocks, ErrorRecord> {
    let mut listed: Vec<Rc<ScriptBlockValue>> = call.get_optional("Process")?.unwrap_or_default();
    let remaining: Vec<Rc<ScriptBlockValue>> =
        call.get_optional("RemainingScripts")?.unwrap_or_default();
    listed.extend(remaining);
    let mut begin: Option<Rc<ScriptBlockValue>> = call.get_optional("Begin")?;
    let mut end: Option<Rc<ScriptBlockValue>> = call.get_optional("End")?;
    // PowerShell: several positional blocks without -Begin mean begin, process…, end.
    if begin.is_none() && listed.len() > 1 {
        begin = Some(listed.remove(0));
        if end.is_none() && listed.len() > 1 {
            end = listed.pop();
        }
    }
    Ok(Blocks {
        begin,
        process: listed,
        end,
    })
}

impl<S> Cmdlet<S> for ForEachObject {
    fn signature(&self) -> Signature {
        Signature::new("ForEach-Object")
            .summary("Performs an operation against each item in a collection of input objects.")
            .default_set("ScriptBlockSet")
            .param(Param::new("InputObject", Kind::Object).from_pipeline(PipelineInput::ByValue))
            .param(Param::new("Begin", Kind::ScriptBlock).in_set("ScriptBlockSet"))
            .param(
                Param::new("Process", Kind::ScriptBlockList)
                    .in_set("ScriptBlockSet")
                    .position(0)
                    .mandatory(),
            )
            .param(Param::new("End", Kind::ScriptBlock).in_set("ScriptBlockSet"))
            .param(
                Param::new("RemainingScripts", Kind::ScriptBlockList)
                    .in_set("ScriptBlockSet")
                    .remaining(),
            )
            .param(
                Param::new("MemberName", Kind::String)
                    .in_set("PropertyAndMethodSet")
                    .position(0)
                    .mandatory(),
            )
            .param(
                Param::new("ArgumentList", Kind::ObjectList)
                    .alias("Args")
                    .in_set("PropertyAndMethodSet")
                    .unimplemented(),
            )
            .supports_should_process(shell_engine::ConfirmImpact::Low)
    }

    fn examples(&self) -> &'static [Example] {
        &[
            Example {
                script: "1..3 | ForEach-Object { $_ * 2 }",
                summary: "Doubles each number.",
            },
            Example {
                script: "1..3 | % -Begin { $t = 0 } -Process { $t += $_ } -End { $t }",
                summary: "Sums the numbers with begin, process and end blocks.",
            },
            Example {
                script: "'a.contoso.com', 'b' | ForEach-Object Length",
                summary: "Outputs the Length property of each string.",
            },
        ]
    }

    fn begin(&self, call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        if call.is_bound("MemberName") {
            return Ok(());
        }
        let b = blocks(call)?;
        if let Some(begin) = b.begin {
            for v in cx.invoke_block(&begin, None, vec![])? {
                cx.write_output(v);
            }
        }
        Ok(())
    }

    fn run(&self, call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        if call.is_bound("ArgumentList") {
            return Err(unsupported(call, "ArgumentList"));
        }
        let item = input(call);
        if let Some(member) = call.value("MemberName") {
            let Some(item) = item else { return Ok(()) };
            let value = item.member(&member.to_string_form());
            cx.write_output_enumerated(value);
            return Ok(());
        }
        let b = blocks(call)?;
        for block in &b.process {
            for v in cx.invoke_block(block, Some(item.clone().unwrap_or(Value::Null)), vec![])? {
                cx.write_output(v);
            }
        }
        Ok(())
    }

    fn end(&self, call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        if call.is_bound("MemberName") {
            return Ok(());
        }
        if let Some(end) = blocks(call)?.end {
            for v in cx.invoke_block(&end, None, vec![])? {
                cx.write_output(v);
            }
        }
        Ok(())
    }
}
