//! Measure-Object (alias `measure`).

use shell_engine::{
    Call, Cmdlet, Context, ErrorCategory, ErrorRecord, Example, Kind, Param, PipelineInput,
    PsObject, Signature, Value,
};

use super::common::{input, unsupported};

/// Counts objects and computes the sum, average, maximum and minimum of a property.
pub struct MeasureObject;

/// Running statistics of one property.
#[derive(Default, Clone)]
struct Stats {
    count: i32,
    sum: f64,
    max: Option<f64>,
    min: Option<f64>,
}

impl Stats {
    fn add(&mut self, n: f64) {
        self.count += 1;
        self.sum += n;
        self.max = Some(self.max.map_or(n, |m| m.max(n)));
        self.min = Some(self.min.map_or(n, |m| m.min(n)));
    }
}

/// Running text statistics (`-Line`, `-Word`, `-Character`), counted as PowerShell 5.1 does:
/// an empty string has no line, a string not ending in a newline ends one more line, words are
/// runs of non-white-space, `-IgnoreWhiteSpace` leaves white space out of the characters.
#[derive(Default)]
struct TextStats {
    lines: i32,
    words: i32,
    characters: i32,
}

impl TextStats {
    fn add(&mut self, text: &str, ignore_white_space: bool) {
        let count = |n: usize| i32::try_from(n).unwrap_or(i32::MAX);
        if !text.is_empty() {
            let newlines = count(text.matches('\n').count());
            let open = i32::from(!text.ends_with('\n'));
            self.lines = self.lines.saturating_add(newlines).saturating_add(open);
        }
        self.words = self
            .words
            .saturating_add(count(text.split_whitespace().count()));
        let chars = if ignore_white_space {
            text.chars().filter(|c| !c.is_whitespace()).count()
        } else {
            text.chars().count()
        };
        self.characters = self.characters.saturating_add(count(chars));
    }
}

/// `-Line`, `-Word` or `-Character`: the text form of Measure-Object.
fn measures_text(call: &Call) -> bool {
    ["Line", "Word", "Character"].iter().any(|s| call.switch(s))
}

#[derive(Default)]
struct State {
    count: i32,
    text: TextStats,
    per_property: Vec<Stats>,
    plain: Stats,
    all_numeric: bool,
}

impl<S> Cmdlet<S> for MeasureObject {
    fn signature(&self) -> Signature {
        Signature::new("Measure-Object")
            .summary("Calculates the numeric properties of objects.")
            .param(Param::new("InputObject", Kind::Object).from_pipeline(PipelineInput::ByValue))
            .param(Param::new("Property", Kind::StringList).position(0))
            .param(Param::switch("Sum"))
            .param(Param::switch("Average"))
            .param(Param::switch("Maximum"))
            .param(Param::switch("Minimum"))
            .param(Param::switch("Line"))
            .param(Param::switch("Word"))
            .param(Param::switch("Character"))
            .param(Param::switch("IgnoreWhiteSpace"))
    }

    fn examples(&self) -> &'static [Example] {
        &[
            Example {
                script: "1..10 | Measure-Object",
                summary: "Counts the objects.",
            },
            Example {
                script: "1..4 | measure -Sum -Average -Maximum -Minimum",
                summary: "All four statistics.",
            },
            Example {
                script: "[pscustomobject]@{Size=2}, [pscustomobject]@{Size=5} | Measure-Object Size -Sum",
                summary: "The sum of a property.",
            },
            Example {
                script: "'one two', '', 'three' | Measure-Object -Line -Word -Character",
                summary: "Lines (empty strings count none), words and characters of text.",
            },
        ]
    }

    fn begin(&self, _call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        cx.scratch::<State>().all_numeric = true;
        Ok(())
    }

    fn run(&self, call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        let Some(item) = input(call) else {
            return Ok(());
        };
        let props: Vec<String> = call.get_optional("Property")?.unwrap_or_default();
        if measures_text(call) {
            if !props.is_empty() {
                return Err(unsupported(call, "Property"));
            }
            if !item.is_null() {
                let text = item.to_string_form();
                let ignore = call.switch("IgnoreWhiteSpace");
                cx.scratch::<State>().text.add(&text, ignore);
            }
            return Ok(());
        }
        let wants_numbers = ["Sum", "Average", "Maximum", "Minimum"]
            .iter()
            .any(|s| call.switch(s));
        let state = cx.scratch::<State>();
        if state.per_property.len() < props.len() {
            state.per_property.resize(props.len(), Stats::default());
        }
        if props.is_empty() {
            state.count += 1;
            if wants_numbers {
                match item
                    .to_f64()
                    .or_else(|| item.to_string_form().trim().parse().ok())
                {
                    Some(n) if !matches!(item, Value::Null) => state.plain.add(n),
                    _ => state.all_numeric = false,
                }
            }
            if !state.all_numeric {
                let text = item.to_string_form();
                return Err(not_numeric(&text, call));
            }
            return Ok(());
        }
        for (k, name) in props.iter().enumerate() {
            let Some(value) = item.property(name) else {
                continue;
            };
            let n = value
                .to_f64()
                .or_else(|| value.to_string_form().trim().parse().ok());
            match n {
                Some(n) => cx.scratch::<State>().per_property[k].add(n),
                None if wants_numbers => {
                    return Err(not_numeric(&value.to_string_form(), call));
                }
                None => cx.scratch::<State>().per_property[k].count += 1,
            }
        }
        Ok(())
    }

    fn end(&self, call: &Call, cx: &mut Context<S>) -> Result<(), ErrorRecord> {
        let props: Vec<String> = call.get_optional("Property")?.unwrap_or_default();
        let state = std::mem::take(cx.scratch::<State>());
        if measures_text(call) {
            let pick = |on: bool, n: i32| if on { Value::Int(n) } else { Value::Null };
            cx.write_output(Value::object(
                PsObject::new("Microsoft.PowerShell.Commands.TextMeasureInfo")
                    .with("Lines", pick(call.switch("Line"), state.text.lines))
                    .with("Words", pick(call.switch("Word"), state.text.words))
                    .with(
                        "Characters",
                        pick(call.switch("Character"), state.text.characters),
                    )
                    .with("Property", Value::Null),
            ));
            return Ok(());
        }
        let make = |count: i32, stats: &Stats, property: Value| {
            let avg = if call.switch("Average") && stats.count > 0 {
                Value::Double(stats.sum / f64::from(stats.count))
            } else {
                Value::Null
            };
            let opt = |on: bool, v: Option<f64>| match (on, v) {
                (true, Some(n)) => Value::Double(n),
                _ => Value::Null,
            };
            Value::object(
                PsObject::new("Microsoft.PowerShell.Commands.GenericMeasureInfo")
                    .with("Count", count)
                    .with("Average", avg)
                    .with("Sum", opt(call.switch("Sum"), Some(stats.sum)))
                    .with("Maximum", opt(call.switch("Maximum"), stats.max))
                    .with("Minimum", opt(call.switch("Minimum"), stats.min))
                    .with("Property", property),
            )
        };
        if props.is_empty() {
            cx.write_output(make(state.count, &state.plain, Value::Null));
        } else {
            for (k, name) in props.iter().enumerate() {
                let stats = state.per_property.get(k).cloned().unwrap_or_default();
                cx.write_output(make(stats.count, &stats, Value::from(name.as_str())));
            }
        }
        Ok(())
    }
}

fn not_numeric(text: &str, call: &Call) -> ErrorRecord {
    ErrorRecord::new(
        format!("Input object \"{text}\" is not numeric."),
        "NonNumericInputObject",
        ErrorCategory::InvalidType,
    )
    .with_reason("PSInvalidOperationException")
    .with_target_text(text, "String")
    .with_activity(call.name.clone())
}
