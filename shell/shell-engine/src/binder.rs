//! Parameter binding (spec §5): names, prefixes, positions, sets, leftovers, pipeline.

use shell_parser::Span;
use time::UtcOffset;

use crate::cmdlet::{BoundHow, BoundParam};
use crate::convert::{ConvertArgumentError, convert_argument, is_native};
use crate::error::{ErrorRecord, catalogue};
use crate::signature::{Kind, Param, Signature, common_parameters};
use crate::value::Value;

/// One evaluated command element.
#[derive(Debug, Clone)]
pub enum Arg {
    /// `-Name`, `-Name:value`.
    Param {
        /// The name as typed (no dash, no colon).
        name: String,
        /// The colon argument.
        colon: Option<Value>,
        /// Written with a colon.
        with_colon: bool,
        /// The token's span.
        span: Span,
        /// The colon argument's span.
        arg_span: Option<Span>,
    },
    /// A plain argument.
    Value(Value, Span),
    /// `--`.
    EndOfParameters,
}

/// A hashtable splat entry, bound after the explicit arguments (§5.10).
#[derive(Debug, Clone)]
pub struct SplatEntry {
    /// The key (parameter name).
    pub name: String,
    /// The value.
    pub value: Value,
    /// The span of the `@name` token.
    pub span: Span,
}

/// The result of command-line binding.
#[derive(Debug, Clone)]
pub struct Binding {
    /// Own parameters, then the common ones.
    pub params: Vec<Param>,
    /// How many of `params` are the command's own.
    pub own: usize,
    /// Bound values, indexed like `params`.
    pub bound: Vec<Option<BoundParam>>,
    /// The chosen set (`None`: the command declares no sets, or it is undecided until input).
    pub set: Option<String>,
    /// Candidate sets still possible.
    pub candidates: Vec<String>,
    /// The command's declared name.
    pub command: String,
}

impl Binding {
    /// The bound parameters in declaration order.
    pub fn bound_params(&self) -> Vec<BoundParam> {
        self.bound.iter().flatten().cloned().collect()
    }

    /// A bound value by declared name.
    pub fn value(&self, name: &str) -> Option<&Value> {
        self.params
            .iter()
            .position(|p| p.name.eq_ignore_ascii_case(name))
            .and_then(|i| self.bound[i].as_ref())
            .map(|b| &b.value)
    }

    fn spec_ok(&self, idx: usize, f: impl Fn(&crate::signature::SetSpec) -> bool) -> bool {
        let p = &self.params[idx];
        if self.candidates.is_empty() {
            return p.sets.iter().any(&f);
        }
        self.candidates
            .iter()
            .any(|s| p.spec_for(s).is_some_and(&f))
    }
}

enum Leftover {
    Token {
        typed: String,
        text: String,
        span: Span,
    },
    Value {
        value: Value,
        span: Span,
        error: Option<ErrorRecord>,
    },
}

struct Binder<'a> {
    sig: &'a Signature,
    b: Binding,
    offset: UtcOffset,
}

fn conversion_error(
    param: &Param,
    err: ConvertArgumentError,
    sig: &Signature,
    span: Span,
) -> ErrorRecord {
    let cmd = sig.name.as_str();
    match err {
        ConvertArgumentError::Failed { value_text, error } if sig.script_function => {
            catalogue::argument_transformation(
                &param.name,
                &value_text,
                &param.kind.display_name(),
                &error,
                cmd,
            )
        }
        ConvertArgumentError::Refused { source_type } => catalogue::cannot_convert_argument(
            &source_type,
            &param.kind.display_name(),
            &param.name,
            cmd,
        ),
        ConvertArgumentError::Failed { value_text, error } => catalogue::cannot_convert_no_message(
            &param.name,
            &value_text,
            &param.kind.display_name(),
            &error,
            cmd,
        ),
    }
    .with_span(span)
}

impl<'a> Binder<'a> {
    fn resolve(&self, typed: &str, span: Span) -> Result<Option<usize>, ErrorRecord> {
        let lower = typed.to_lowercase();
        let mut remembered: Vec<usize> = Vec::new();
        for (i, p) in self.b.params.iter().enumerate() {
            let n = p.name.to_lowercase();
            if n == lower {
                return Ok(Some(i));
            }
            if n.starts_with(&lower) {
                remembered.push(i);
            }
        }
        for (i, p) in self.b.params.iter().enumerate() {
            for a in &p.aliases {
                let a = a.to_lowercase();
                if a == lower {
                    return Ok(Some(i));
                }
                if a.starts_with(&lower) && !remembered.contains(&i) {
                    remembered.push(i);
                }
            }
        }
        match remembered.len() {
            0 => Ok(None),
            1 => Ok(Some(remembered[0])),
            _ => {
                let own: Vec<usize> = remembered
                    .iter()
                    .copied()
                    .filter(|i| *i < self.b.own)
                    .collect();
                if own.len() == 1 {
                    return Ok(Some(own[0]));
                }
                let names: Vec<String> = remembered
                    .iter()
                    .map(|i| self.b.params[*i].name.clone())
                    .collect();
                Err(catalogue::ambiguous_parameter(typed, &names, &self.sig.name).with_span(span))
            }
        }
    }

    fn is_mandatory_somewhere(&self, idx: usize) -> bool {
        idx < self.b.own && self.b.spec_ok(idx, |s| s.mandatory)
    }

    fn convert(&self, idx: usize, value: &Value, span: Span) -> Result<Value, ErrorRecord> {
        let p = &self.b.params[idx];
        if self.is_mandatory_somewhere(idx)
            && !p.allow_null
            && !matches!(p.kind, Kind::Switch | Kind::Boolean)
        {
            let empty = match value {
                Value::String(s) => {
                    s.is_empty() && matches!(p.kind, Kind::String | Kind::StringList)
                }
                _ => false,
            };
            if value.is_null() || empty {
                return Err(
                    catalogue::null_or_empty_argument(&p.name, empty, &self.sig.name)
                        .with_span(span),
                );
            }
        }
        convert_argument(&p.kind, value, self.offset)
            .map_err(|e| conversion_error(p, e, self.sig, span))
    }

    fn takes_pipeline(&self, idx: usize) -> bool {
        idx < self.b.own && self.b.spec_ok(idx, |s| s.by_value || s.by_property_name)
    }

    fn narrow(&mut self, idx: usize) {
        if idx >= self.b.own || self.b.params[idx].in_all_sets() {
            return;
        }
        let p = self.b.params[idx].clone();
        self.b.candidates.retain(|s| {
            p.sets.iter().any(|spec| {
                spec.set
                    .as_deref()
                    .is_some_and(|n| n.eq_ignore_ascii_case(s))
            })
        });
    }

    fn set_bound(&mut self, idx: usize, value: Value, span: Span, how: BoundHow) {
        self.b.bound[idx] = Some(BoundParam {
            name: self.b.params[idx].name.clone(),
            value,
            span,
            how,
        });
        self.narrow(idx);
    }
}

/// Binds the command line (§5.2–§5.9). `has_input`: the command is not first in its
/// pipeline. `command_span` is used for set and mandatory errors.
pub fn bind_command_line(
    sig: &Signature,
    args: &[Arg],
    splat: &[SplatEntry],
    has_input: bool,
    command_span: Span,
    offset: UtcOffset,
) -> Result<Binding, ErrorRecord> {
    bind_command_line_prompting(
        sig,
        args,
        splat,
        has_input,
        command_span,
        offset,
        &mut |_, _| None,
    )
}

/// [`bind_command_line`] that asks `prompt(param, first)` for each missing mandatory
/// parameter (design §8.4: the REPL prompts as PowerShell does). `first` is `true` for
/// the first question; `None` from the prompt gives MissingMandatoryParameter.
pub fn bind_command_line_prompting(
    sig: &Signature,
    args: &[Arg],
    splat: &[SplatEntry],
    has_input: bool,
    command_span: Span,
    offset: UtcOffset,
    prompt: &mut dyn FnMut(&Param, bool) -> Option<String>,
) -> Result<Binding, ErrorRecord> {
    let mut params = sig.params.clone();
    let own = params.len();
    params.extend(common_parameters(sig.should_process.is_some()));
    let n = params.len();
    let mut binder = Binder {
        sig,
        b: Binding {
            params,
            own,
            bound: vec![None; n],
            set: None,
            candidates: sig.set_names(),
            command: sig.name.clone(),
        },
        offset,
    };
    let cmd = sig.name.clone();
    let mut leftovers: Vec<(usize, Leftover)> = Vec::new();
    let mut positional: Vec<(usize, Value, Span)> = Vec::new();
    let mut after_dashes = false;

    // §5.3 named binding, left to right.
    let mut i = 0;
    while i < args.len() {
        match &args[i] {
            Arg::EndOfParameters if !after_dashes => after_dashes = true,
            Arg::EndOfParameters => positional.push((i, Value::from("--"), command_span)),
            Arg::Param {
                name,
                colon,
                with_colon,
                span,
                arg_span,
            } if !after_dashes => match binder.resolve(name, *span)? {
                None => {
                    let text = if *with_colon {
                        format!("-{name}:")
                    } else {
                        format!("-{name}")
                    };
                    leftovers.push((
                        i,
                        Leftover::Token {
                            typed: name.clone(),
                            text,
                            span: *span,
                        },
                    ));
                    if let Some(v) = colon {
                        leftovers.push((
                            i,
                            Leftover::Value {
                                value: v.clone(),
                                span: arg_span.unwrap_or(*span),
                                error: None,
                            },
                        ));
                    }
                }
                Some(idx) => {
                    if binder.b.bound[idx].is_some() {
                        return Err(catalogue::parameter_already_bound(
                            &binder.b.params[idx].name,
                            &cmd,
                        )
                        .with_span(*span));
                    }
                    let kind = binder.b.params[idx].kind.clone();
                    let (value, vspan, how) = if *with_colon {
                        let Some(colon) = colon else {
                            // `-Name:` with nothing after it.
                            return Err(catalogue::missing_argument(
                                &binder.b.params[idx].name,
                                &kind.display_name(),
                                &cmd,
                            )
                            .with_span(*span));
                        };
                        (colon.clone(), arg_span.unwrap_or(*span), BoundHow::Colon)
                    } else if kind.is_switch() {
                        (Value::Bool(true), *span, BoundHow::Switch)
                    } else {
                        let missing = || {
                            catalogue::missing_argument(
                                &binder.b.params[idx].name,
                                &kind.display_name(),
                                &cmd,
                            )
                            .with_span(*span)
                        };
                        match args.get(i + 1) {
                            None => return Err(missing()),
                            Some(Arg::Param {
                                name: next,
                                with_colon: next_colon,
                                span: next_span,
                                ..
                            }) => {
                                let known = !matches!(binder.resolve(next, *next_span), Ok(None));
                                if known || *next_colon {
                                    return Err(missing());
                                }
                                i += 1;
                                (
                                    Value::String(format!("-{next}")),
                                    *next_span,
                                    BoundHow::Named,
                                )
                            }
                            Some(Arg::EndOfParameters) => {
                                i += 1;
                                (Value::from("--"), *span, BoundHow::Named)
                            }
                            Some(Arg::Value(v, s)) => {
                                i += 1;
                                (v.clone(), *s, BoundHow::Named)
                            }
                        }
                    };
                    if let Value::ScriptBlock(_) = &value
                        && binder.takes_pipeline(idx)
                        && !matches!(
                            kind,
                            Kind::ScriptBlock
                                | Kind::ScriptBlockList
                                | Kind::Object
                                | Kind::ObjectList
                        )
                    {
                        // §5.8 delay-bind: evaluated per input object with `$_` set.
                        if !has_input {
                            return Err(catalogue::script_block_argument_no_input(
                                &binder.b.params[idx].name,
                                &cmd,
                            )
                            .with_span(vspan));
                        }
                        binder.set_bound(idx, value, vspan, BoundHow::DelayBind);
                    } else {
                        let converted = binder.convert(idx, &value, vspan)?;
                        binder.set_bound(idx, converted, vspan, how);
                    }
                }
            },
            Arg::Param { name, span, .. } => {
                positional.push((i, Value::String(format!("-{name}")), *span))
            }
            Arg::Value(v, s) => positional.push((i, v.clone(), *s)),
        }
        i += 1;
    }

    // §5.10 splatted hashtable entries: after explicit arguments; explicit ones win.
    for entry in splat {
        match binder.resolve(&entry.name, entry.span)? {
            None => leftovers.push((
                usize::MAX,
                Leftover::Token {
                    typed: entry.name.clone(),
                    text: format!("-{}:", entry.name),
                    span: entry.span,
                },
            )),
            Some(idx) => {
                if binder.b.bound[idx].is_some() {
                    continue;
                }
                let converted = binder.convert(idx, &entry.value, entry.span)?;
                binder.set_bound(idx, converted, entry.span, BoundHow::Splat);
            }
        }
    }
    if binder.b.candidates.is_empty() && !sig.set_names().is_empty() {
        return Err(catalogue::ambiguous_parameter_set(&cmd).with_span(command_span));
    }

    // §5.4 positional binding.
    bind_positional(&mut binder, positional, &mut leftovers)?;

    // §5.7 parameter-set resolution.
    resolve_set(&mut binder, has_input, command_span)?;

    // §5.5 leftovers: remaining arguments, else the first leftover is an error.
    leftovers.sort_by_key(|(i, _)| *i);
    if !leftovers.is_empty() {
        let remaining = (0..binder.b.own).find(|idx| {
            binder.b.bound[*idx].is_none() && spec_in_set(&binder.b, *idx, |s| s.remaining)
        });
        match remaining {
            Some(idx) => {
                let values: Vec<Value> = leftovers
                    .iter()
                    .map(|(_, l)| match l {
                        Leftover::Token { text, .. } => Value::String(text.clone()),
                        Leftover::Value { value, .. } => value.clone(),
                    })
                    .collect();
                let span = match &leftovers[0].1 {
                    Leftover::Token { span, .. } | Leftover::Value { span, .. } => *span,
                };
                let value = if values.len() == 1 && matches!(values[0], Value::Array(_)) {
                    values[0].clone()
                } else {
                    Value::array(values)
                };
                let converted = binder.convert(idx, &value, span)?;
                binder.set_bound(idx, converted, span, BoundHow::Remaining);
            }
            None => {
                let (_, first) = leftovers.remove(0);
                return Err(match first {
                    Leftover::Token { typed, span, .. } => {
                        catalogue::named_parameter_not_found(&typed, &cmd).with_span(span)
                    }
                    Leftover::Value { error: Some(e), .. } => e,
                    Leftover::Value { value, span, .. } => {
                        catalogue::positional_parameter_not_found(&value.to_string_form(), &cmd)
                            .with_span(span)
                    }
                });
            }
        }
    }

    // Declared-only parameters fail at run time (§5.1).
    for b in binder.b.bound.iter().flatten() {
        if let Some(p) = binder.b.params.iter().find(|p| p.name == b.name)
            && p.unimplemented
        {
            return Err(catalogue::unsupported_parameter(&p.name, &cmd).with_span(b.span));
        }
    }

    // §5.9 mandatory parameters (§5.8: only those the pipeline cannot fill, with input).
    let missing: Vec<usize> = (0..binder.b.own)
        .filter(|idx| binder.b.bound[*idx].is_none())
        .filter(|idx| spec_in_set(&binder.b, *idx, |s| s.mandatory))
        .filter(|idx| {
            !has_input || !spec_in_set(&binder.b, *idx, |s| s.by_value || s.by_property_name)
        })
        .collect();
    if missing.is_empty() {
        return Ok(binder.b);
    }
    // Ask for each missing value; any unanswered question gives the error.
    let mut answers: Vec<(usize, String)> = Vec::new();
    for (n, idx) in missing.iter().enumerate() {
        match prompt(&binder.b.params[*idx], n == 0) {
            Some(answer) => answers.push((*idx, answer)),
            None => {
                let names: Vec<String> = missing
                    .iter()
                    .map(|i| binder.b.params[*i].name.clone())
                    .collect();
                return Err(catalogue::missing_mandatory(&names, &cmd).with_span(command_span));
            }
        }
    }
    for (idx, answer) in answers {
        let value = binder.convert(idx, &Value::String(answer), command_span)?;
        binder.set_bound(idx, value, command_span, BoundHow::Named);
    }
    Ok(binder.b)
}

/// Whether the parameter's spec in the chosen set (or any candidate set) satisfies `f`.
fn spec_in_set(b: &Binding, idx: usize, f: impl Fn(&crate::signature::SetSpec) -> bool) -> bool {
    let p = &b.params[idx];
    match &b.set {
        Some(set) => p.spec_for(set).is_some_and(f),
        None => b.spec_ok(idx, f),
    }
}

fn bind_positional(
    binder: &mut Binder<'_>,
    positional: Vec<(usize, Value, Span)>,
    leftovers: &mut Vec<(usize, Leftover)>,
) -> Result<(), ErrorRecord> {
    let mut positions: Vec<usize> = Vec::new();
    for idx in 0..binder.b.own {
        for spec in &binder.b.params[idx].sets {
            if let Some(p) = spec.position
                && !spec.remaining
                && !positions.contains(&p)
            {
                positions.push(p);
            }
        }
    }
    positions.sort_unstable();
    let mut args = positional.into_iter();
    let default = binder.sig.default_set.clone();
    for pos in positions {
        // Parameters at this position, unbound, in a still-possible set.
        let eligible: Vec<usize> = (0..binder.b.own)
            .filter(|idx| binder.b.bound[*idx].is_none())
            .filter(|idx| {
                binder
                    .b
                    .spec_ok(*idx, |s| s.position == Some(pos) && !s.remaining)
            })
            .collect();
        if eligible.is_empty() {
            continue;
        }
        let Some((order, value, span)) = args.next() else {
            break;
        };
        let in_default = |b: &Binding, idx: usize| match &default {
            _ if b.candidates.is_empty() => true,
            Some(d) => {
                b.candidates.iter().any(|c| c.eq_ignore_ascii_case(d))
                    && b.params[idx]
                        .spec_for(d)
                        .is_some_and(|s| s.position == Some(pos))
            }
            None => false,
        };
        let defaults: Vec<usize> = eligible
            .iter()
            .copied()
            .filter(|i| in_default(&binder.b, *i))
            .collect();
        let others: Vec<usize> = eligible
            .iter()
            .copied()
            .filter(|i| !defaults.contains(i))
            .collect();
        let mut chosen: Option<(usize, Value)> = None;
        let mut first_error: Option<ErrorRecord> = None;
        'attempts: for (group, with_conversion) in [
            (&defaults, false),
            (&others, false),
            (&defaults, true),
            (&others, true),
        ] {
            for idx in group.iter() {
                let kind = &binder.b.params[*idx].kind;
                if !with_conversion {
                    if is_native(kind, &value) {
                        match binder.convert(*idx, &value, span) {
                            Ok(v) => {
                                chosen = Some((*idx, v));
                                break 'attempts;
                            }
                            Err(e) => {
                                first_error.get_or_insert(e);
                            }
                        }
                    }
                } else {
                    match binder.convert(*idx, &value, span) {
                        Ok(v) => {
                            chosen = Some((*idx, v));
                            break 'attempts;
                        }
                        Err(e) => {
                            first_error.get_or_insert(e);
                        }
                    }
                }
            }
        }
        match chosen {
            Some((idx, v)) => {
                binder.b.bound[idx] = Some(BoundParam {
                    name: binder.b.params[idx].name.clone(),
                    value: v,
                    span,
                    how: BoundHow::Position(pos),
                });
                if idx < binder.b.own && !binder.b.params[idx].in_all_sets() {
                    let p = binder.b.params[idx].clone();
                    binder
                        .b
                        .candidates
                        .retain(|s| p.spec_for(s).is_some_and(|sp| sp.position == Some(pos)));
                }
            }
            None => leftovers.push((
                order,
                Leftover::Value {
                    value,
                    span,
                    error: first_error,
                },
            )),
        }
    }
    for (order, value, span) in args {
        leftovers.push((
            order,
            Leftover::Value {
                value,
                span,
                error: None,
            },
        ));
    }
    Ok(())
}

fn resolve_set(binder: &mut Binder<'_>, has_input: bool, span: Span) -> Result<(), ErrorRecord> {
    let c = binder.b.candidates.clone();
    if binder.sig.set_names().is_empty() {
        return Ok(());
    }
    if c.len() == 1 {
        binder.b.set = Some(c[0].clone());
        return Ok(());
    }
    if let Some(d) = &binder.sig.default_set
        && c.iter().any(|s| s.eq_ignore_ascii_case(d))
    {
        binder.b.set = Some(d.clone());
        return Ok(());
    }
    if has_input {
        let piped: Vec<&String> = c
            .iter()
            .filter(|s| {
                (0..binder.b.own).any(|idx| {
                    binder.b.bound[idx].is_none()
                        && binder.b.params[idx]
                            .spec_for(s)
                            .is_some_and(|sp| sp.by_value || sp.by_property_name)
                        && !binder.b.params[idx].in_all_sets()
                })
            })
            .collect();
        if piped.len() == 1 {
            binder.b.set = Some(piped[0].clone());
            return Ok(());
        }
    }
    Err(catalogue::ambiguous_parameter_set(&binder.sig.name).with_span(span))
}

/// Binds one pipeline input object (§5.8): by value, by property name, without then
/// with conversion. Returns the extra bound parameters, or a non-terminating error.
pub fn bind_input(
    b: &Binding,
    input: &Value,
    span: Span,
    offset: UtcOffset,
) -> Result<Vec<BoundParam>, ErrorRecord> {
    let takes: Vec<usize> = (0..b.own)
        .filter(|idx| b.bound[*idx].is_none())
        .filter(|idx| spec_in_set(b, *idx, |s| s.by_value || s.by_property_name))
        .collect();
    let by_value: Vec<usize> = takes
        .iter()
        .copied()
        .filter(|i| spec_in_set(b, *i, |s| s.by_value))
        .collect();
    let by_prop: Vec<usize> = takes
        .iter()
        .copied()
        .filter(|i| spec_in_set(b, *i, |s| s.by_property_name))
        .collect();
    let prop_of = |idx: usize| -> Option<Value> {
        if matches!(input, Value::Hashtable(_) | Value::Null) {
            return None;
        }
        let p = &b.params[idx];
        std::iter::once(&p.name)
            .chain(p.aliases.iter())
            .find_map(|n| match input {
                Value::Object(o) => o.borrow().get(n).cloned(),
                _ => None,
            })
    };
    let mut out: Vec<BoundParam> = Vec::new();
    for with_conversion in [false, true] {
        // By value.
        for idx in &by_value {
            let kind = &b.params[*idx].kind;
            if !with_conversion && !is_native(kind, input) {
                continue;
            }
            if let Ok(v) = convert_argument(kind, input, offset) {
                out.push(BoundParam {
                    name: b.params[*idx].name.clone(),
                    value: v,
                    span,
                    how: BoundHow::PipelineValue,
                });
                break;
            }
        }
        if !out.is_empty() {
            break;
        }
        // By property name.
        for idx in &by_prop {
            let Some(pv) = prop_of(*idx) else { continue };
            let kind = &b.params[*idx].kind;
            if !with_conversion && !is_native(kind, &pv) {
                continue;
            }
            if let Ok(v) = convert_argument(kind, &pv, offset) {
                out.push(BoundParam {
                    name: b.params[*idx].name.clone(),
                    value: v,
                    span,
                    how: BoundHow::PipelineProperty,
                });
            }
        }
        if !out.is_empty() {
            break;
        }
    }
    if out.is_empty() {
        return Err(catalogue::input_object_not_bound(input, &b.command).with_span(span));
    }
    let missing: Vec<String> = (0..b.own)
        .filter(|idx| b.bound[*idx].is_none())
        .filter(|idx| spec_in_set(b, *idx, |s| s.mandatory))
        .filter(|idx| !out.iter().any(|o| o.name == b.params[*idx].name))
        .map(|idx| b.params[idx].name.clone())
        .collect();
    if !missing.is_empty() {
        return Err(
            catalogue::input_object_missing_mandatory(input, &missing, &b.command).with_span(span),
        );
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::signature::PipelineInput;

    fn sig() -> Signature {
        Signature::new("Test-Thing")
            .default_set("ByName")
            .param(
                Param::new("Name", Kind::String)
                    .in_set("ByName")
                    .position(0)
                    .mandatory(),
            )
            .param(
                Param::new("Id", Kind::Int32)
                    .in_set("ById")
                    .position(0)
                    .mandatory(),
            )
            .param(Param::new("Verbosity", Kind::Int32))
            .param(Param::new("InputObject", Kind::Object).from_pipeline(PipelineInput::ByValue))
    }

    fn val(v: Value) -> Arg {
        Arg::Value(v, Span::new(0, 1))
    }

    fn param(name: &str) -> Arg {
        Arg::Param {
            name: name.into(),
            colon: None,
            with_colon: false,
            span: Span::new(0, 1),
            arg_span: None,
        }
    }

    fn bind(args: &[Arg]) -> Result<Binding, ErrorRecord> {
        bind_command_line(&sig(), args, &[], false, Span::new(0, 10), UtcOffset::UTC)
    }

    #[test]
    fn positional_attempts_prefer_values_that_need_no_conversion() {
        // An Int32 goes to Id (ById) without conversion before Name takes it with one.
        let b = bind(&[val(Value::Int(5))]).unwrap();
        assert_eq!(b.set.as_deref(), Some("ById"));
        assert_eq!(b.value("Id"), Some(&Value::Int(5)));
        let b = bind(&[val("web".into())]).unwrap();
        assert_eq!(b.set.as_deref(), Some("ByName"));
    }

    #[test]
    fn own_parameter_beats_common_prefix() {
        // -Ver matches Verbosity (own) and Verbose (common): the own one wins (§5.2).
        let b = bind(&[val("x".into()), param("Ver"), val(Value::Int(2))]).unwrap();
        assert_eq!(b.value("Verbosity"), Some(&Value::Int(2)));
    }

    #[test]
    fn disjoint_sets_are_ambiguous() {
        let e = bind(&[
            param("Name"),
            val("x".into()),
            param("Id"),
            val(Value::Int(1)),
        ])
        .unwrap_err();
        assert_eq!(e.error_id, "AmbiguousParameterSet");
    }

    #[test]
    fn pipeline_binding_by_value() {
        let b = bind_command_line(
            &sig(),
            &[val("x".into())],
            &[],
            true,
            Span::new(0, 1),
            UtcOffset::UTC,
        )
        .unwrap();
        let extra = bind_input(&b, &Value::Int(3), Span::new(0, 1), UtcOffset::UTC).unwrap();
        assert_eq!(extra[0].name, "InputObject");
        assert_eq!(extra[0].how, BoundHow::PipelineValue);
    }

    #[test]
    fn colon_without_argument_is_missing_argument() {
        let arg = Arg::Param {
            name: "Verbosity".into(),
            colon: None,
            with_colon: true,
            span: Span::new(0, 1),
            arg_span: None,
        };
        let e = bind(&[val("x".into()), arg]).unwrap_err();
        assert_eq!(e.error_id, "MissingArgument");
    }

    #[test]
    fn mandatory_null_is_refused() {
        let e = bind(&[val(Value::Null)]).unwrap_err();
        assert_eq!(
            e.message,
            "Cannot bind argument to parameter 'Name' because it is null."
        );
        let e = bind(&[val("".into())]).unwrap_err();
        assert_eq!(
            e.message,
            "Cannot bind argument to parameter 'Name' because it is an empty string."
        );
    }

    #[test]
    fn prompting_fills_missing_mandatory_parameters() {
        let b = bind_command_line_prompting(
            &sig(),
            &[],
            &[],
            false,
            Span::new(0, 1),
            UtcOffset::UTC,
            &mut |p, first| {
                assert!(first);
                Some(format!("typed-{}", p.name))
            },
        )
        .unwrap();
        assert_eq!(b.value("Name"), Some(&Value::from("typed-Name")));
    }
}
