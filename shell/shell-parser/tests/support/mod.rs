//! Test support: a compact S-expression printer following the tree notation of
//! spec §12.0, and one-line `check` helpers.

use shell_parser::ast::*;
use shell_parser::parse;

/// The thumbprint the §12 examples use.
pub const TP: &str = "257C327A164ED8A6FCDAFCA7789D29B60369DCA7";

/// Parses `source` and compares the printed tree with `expected`.
#[track_caller]
pub fn check(source: &str, expected: &str) {
    let script = match parse(source) {
        Ok(script) => script,
        Err(errors) => panic!("parse failed for {source:?}: {:?}", errors.errors),
    };
    // In trees, `257C…DCA7` abbreviates the full thumbprint (spec §12.0).
    let expected = expected.replace("257C…DCA7", TP);
    assert_eq!(print_script(&script), expected, "source: {source:?}");
}

/// Parses `source`, expects an error, and checks its id, 1-based line:col and incomplete flag.
#[track_caller]
pub fn check_err(source: &str, id: &str, line: usize, col: usize, incomplete: bool) {
    let errors = match parse(source) {
        Ok(script) => panic!(
            "expected {id} for {source:?}, parsed {}",
            print_script(&script)
        ),
        Err(errors) => errors,
    };
    let first = &errors.errors[0];
    assert_eq!(first.id, id, "source: {source:?}, error: {first:?}");
    assert_eq!(
        first.span.line_col(source),
        (line, col),
        "source: {source:?}, error: {first:?}"
    );
    assert_eq!(
        first.incomplete, incomplete,
        "source: {source:?}, error: {first:?}"
    );
    assert_eq!(errors.is_incomplete(), incomplete);
}

/// Expects the `shell::parse::unsupported_syntax` error naming `construct`.
#[track_caller]
pub fn check_unsupported(source: &str, construct: &str) {
    let errors = match parse(source) {
        Ok(script) => panic!(
            "expected unsupported {construct}, parsed {}",
            print_script(&script)
        ),
        Err(errors) => errors,
    };
    let first = &errors.errors[0];
    assert_eq!(
        first.id, "shell::parse::unsupported_syntax",
        "source: {source:?}"
    );
    assert_eq!(
        first.message,
        format!("The '{construct}' syntax is not supported by this shell."),
        "source: {source:?}"
    );
    assert!(!first.incomplete);
}

/// The message of the first error.
pub fn message(source: &str) -> String {
    match parse(source) {
        Ok(_) => String::new(),
        Err(errors) => errors.errors[0].message.clone(),
    }
}

pub fn print_script(script: &Script) -> String {
    let mut out = Vec::new();
    if let Some(params) = &script.params {
        out.push(print_param_block(params));
    }
    out.extend(script.statements.iter().map(print_statement));
    out.join("; ")
}

fn join<T>(items: &[T], f: impl Fn(&T) -> String) -> String {
    items.iter().map(f).collect::<Vec<_>>().join(" ")
}

fn print_block(block: &Block) -> String {
    format!("({})", join(&block.statements, print_statement))
}

fn opt_label(label: &Option<String>) -> String {
    label.as_ref().map(|l| format!(":{l}")).unwrap_or_default()
}

pub fn print_statement(statement: &Statement) -> String {
    match &statement.kind {
        StatementKind::Pipeline(p) => print_pipeline(p),
        StatementKind::Assignment { target, op, value } => {
            let op = match op {
                AssignOp::Assign => "assign",
                AssignOp::Add => "+=",
                AssignOp::Subtract => "-=",
                AssignOp::Multiply => "*=",
                AssignOp::Divide => "/=",
            };
            format!("({op} {} {})", print_expr(target), print_statement(value))
        }
        StatementKind::If { clauses, else_body } => {
            let mut parts: Vec<String> = clauses
                .iter()
                .map(|(c, b)| format!("({} {})", print_pipeline(c), print_block(b)))
                .collect();
            if let Some(e) = else_body {
                parts.push(format!("(else {})", print_block(e)));
            }
            format!("(if {})", parts.join(" "))
        }
        StatementKind::Foreach {
            label,
            variable,
            collection,
            body,
        } => format!(
            "(foreach{} ${} {} {})",
            opt_label(label),
            variable.item,
            print_pipeline(collection),
            print_block(body)
        ),
        StatementKind::While {
            label,
            condition,
            body,
        } => {
            format!(
                "(while{} {} {})",
                opt_label(label),
                print_pipeline(condition),
                print_block(body)
            )
        }
        StatementKind::DoLoop {
            label,
            body,
            condition,
            until,
        } => format!(
            "(do-{}{} {} {})",
            if *until { "until" } else { "while" },
            opt_label(label),
            print_block(body),
            print_pipeline(condition)
        ),
        StatementKind::For {
            label,
            init,
            condition,
            step,
            body,
        } => format!(
            "(for{} {} {} {} {})",
            opt_label(label),
            init.as_ref().map_or("_".into(), |s| print_statement(s)),
            condition.as_ref().map_or("_".into(), print_pipeline),
            step.as_ref().map_or("_".into(), |s| print_statement(s)),
            print_block(body)
        ),
        StatementKind::Switch {
            label,
            options,
            value,
            clauses,
        } => {
            let mut parts = vec![format!("(switch{}", opt_label(label))];
            for o in options {
                parts.push(format!("-{}", format!("{o:?}").to_lowercase()));
            }
            parts.push(print_pipeline(value));
            for (pattern, body) in clauses {
                let p = pattern.as_ref().map_or("default".into(), print_expr);
                parts.push(format!("({p} {})", print_block(body)));
            }
            format!("{})", parts.join(" "))
        }
        StatementKind::Try {
            body,
            catches,
            finally,
        } => {
            let mut parts = vec![format!("(try {}", print_block(body))];
            for c in catches {
                let mut inner = vec!["(catch".to_string()];
                inner.extend(c.types.iter().map(|t| format!("[{}]", t.item)));
                inner.push(format!("{})", print_block(&c.body)));
                parts.push(inner.join(" "));
            }
            if let Some(f) = finally {
                parts.push(format!("(finally {})", print_block(f)));
            }
            format!("{})", parts.join(" "))
        }
        StatementKind::Function(f) => {
            let mut parts = vec![format!("(function {}", f.name.item)];
            if let Some(p) = &f.params {
                parts.push(print_param_block(p));
            }
            parts.push(print_script_block(&f.body, false));
            format!("{})", parts.join(" "))
        }
        StatementKind::Exit(p) => flow("exit", p),
        StatementKind::Throw(p) => flow("throw", p),
        StatementKind::Return(p) => flow("return", p),
        StatementKind::Break(l) => l
            .as_ref()
            .map_or("(break)".into(), |l| format!("(break {l})")),
        StatementKind::Continue(l) => l
            .as_ref()
            .map_or("(continue)".into(), |l| format!("(continue {l})")),
    }
}

fn flow(word: &str, p: &Option<Pipeline>) -> String {
    match p {
        Some(p) => format!("({word} {})", print_pipeline(p)),
        None => format!("({word})"),
    }
}

fn print_attribute(a: &Attribute) -> String {
    let mut parts = vec![a.name.clone()];
    parts.extend(a.positional.iter().map(print_expr));
    for (k, v) in &a.named {
        parts.push(match v {
            Some(v) => format!("{k}={}", print_expr(v)),
            None => k.clone(),
        });
    }
    format!("[{}]", parts.join(" "))
}

fn print_param_block(p: &ParamBlock) -> String {
    let mut parts = vec!["(param".to_string()];
    parts.extend(p.attributes.iter().map(print_attribute));
    for d in &p.params {
        let mut decl = Vec::new();
        decl.extend(d.attributes.iter().map(print_attribute));
        if let Some(t) = &d.type_name {
            decl.push(format!("<{}>", t.item));
        }
        decl.push(format!("${}", d.name.item));
        if let Some(v) = &d.default {
            decl.push(format!("= {}", print_expr(v)));
        }
        parts.push(format!("({})", decl.join(" ")));
    }
    format!("{})", parts.join(" "))
}

fn print_script_block(sb: &ScriptBlock, with_params: bool) -> String {
    let mut parts = vec!["(sb".to_string()];
    if with_params && let Some(p) = &sb.params {
        parts.push(print_param_block(p));
    }
    for (name, block) in [
        ("begin", &sb.begin),
        ("process", &sb.process),
        ("end", &sb.end),
    ] {
        if let Some(b) = block {
            parts.push(format!("({name} {})", print_block(b)));
        }
    }
    parts.extend(sb.statements.iter().map(print_statement));
    format!("{})", parts.join(" "))
}

pub fn print_pipeline(p: &Pipeline) -> String {
    let elements: Vec<String> = p.elements.iter().map(print_element).collect();
    if elements.len() == 1 {
        elements.into_iter().next().unwrap_or_default()
    } else {
        format!("(pipe {})", elements.join(" "))
    }
}

fn print_redirection(r: &Redirection) -> String {
    let stream = |s: &RedirectStream| match s {
        RedirectStream::Output => "",
        RedirectStream::Error => "2",
        RedirectStream::Warning => "3",
        RedirectStream::Verbose => "4",
        RedirectStream::Debug => "5",
        RedirectStream::Information => "6",
        RedirectStream::All => "*",
    };
    match r {
        Redirection::ToFile {
            stream: s,
            append,
            target,
            ..
        } => {
            format!(
                "({}{} {})",
                stream(s),
                if *append { ">>" } else { ">" },
                print_expr(target)
            )
        }
        Redirection::Merge { from, .. } => format!("({}>&1)", stream(from)),
    }
}

fn print_element(e: &PipelineElement) -> String {
    match e {
        PipelineElement::Expression { expr, redirections } if redirections.is_empty() => {
            print_expr(expr)
        }
        PipelineElement::Expression { expr, redirections } => {
            format!(
                "(redir {} {})",
                print_expr(expr),
                join(redirections, print_redirection)
            )
        }
        PipelineElement::Command(c) => {
            let head = match c.invocation {
                Invocation::Plain => "cmd",
                Invocation::Call => "&",
                Invocation::DotSource => "dot-source",
            };
            let name = match (&c.invocation, &c.name.kind) {
                (
                    Invocation::Plain,
                    ExprKind::String {
                        kind: StringKind::Bare,
                        parts,
                    },
                ) => match parts.as_slice() {
                    [StringPart::Literal(t)] => t.clone(),
                    _ => print_expr(&c.name),
                },
                _ => print_expr(&c.name),
            };
            let mut parts = vec![format!("({head} {name}")];
            for el in &c.elements {
                parts.push(match el {
                    CommandElement::Parameter {
                        name,
                        colon_arg: Some(a),
                        ..
                    } => {
                        format!("-{name}:{}", print_expr(a))
                    }
                    CommandElement::Parameter {
                        name,
                        with_colon: true,
                        ..
                    } => format!("-{name}:"),
                    CommandElement::Parameter { name, .. } => format!("-{name}"),
                    CommandElement::Argument(a) => print_expr(a),
                    CommandElement::EndOfParameters(_) => "--".into(),
                });
            }
            parts.extend(c.redirections.iter().map(print_redirection));
            format!("{})", parts.join(" "))
        }
    }
}

fn print_variable(v: &VariablePath) -> String {
    match &v.scope {
        Some(s) => format!("{s}:{}", v.name),
        None => v.name.clone(),
    }
}

fn print_number(value: &Number) -> String {
    match value {
        Number::Int(v) => v.to_string(),
        Number::Long(v) => format!("{v}L"),
        Number::Decimal(v) => format!("{v}D"),
        Number::Double(v) => format!("{v:?}"),
    }
}

fn print_parts(parts: &[StringPart]) -> String {
    join(parts, |p| match p {
        StringPart::Literal(t) => format!("\"{}\"", t.replace('"', "\\\"")),
        StringPart::Variable(v) => print_expr(v),
        StringPart::SubExpression(s, _) => format!("(sub {})", join(s, print_statement)),
    })
}

fn literal_of(parts: &[StringPart]) -> Option<String> {
    match parts {
        [] => Some(String::new()),
        [StringPart::Literal(t)] => Some(t.clone()),
        _ => None,
    }
}

fn print_string(kind: StringKind, parts: &[StringPart]) -> String {
    let (literal_prefix, expandable_prefix) = match kind {
        StringKind::Bare => ("w", "x"),
        StringKind::Single => ("sq", "sq"),
        StringKind::Double => ("dq", "dq"),
        StringKind::HereSingle => ("hsq", "hsq"),
        StringKind::HereDouble => ("hdq", "hdq"),
    };
    match literal_of(parts) {
        Some(t) if matches!(kind, StringKind::Double | StringKind::HereDouble) => {
            format!("{literal_prefix}\"{}\"", t.replace('"', "\\\""))
        }
        Some(t) if t.contains('\'') => format!("{literal_prefix}\"{t}\""),
        Some(t) => format!("{literal_prefix}'{t}'"),
        None => format!("{expandable_prefix}[{}]", print_parts(parts)),
    }
}

fn binary_name(op: &BinaryOp) -> String {
    match op {
        BinaryOp::Add => "+".into(),
        BinaryOp::Subtract => "-".into(),
        BinaryOp::Multiply => "*".into(),
        BinaryOp::Divide => "/".into(),
        BinaryOp::Modulo => "%".into(),
        BinaryOp::Range => "..".into(),
        BinaryOp::Format => "-f".into(),
        BinaryOp::And => "-and".into(),
        BinaryOp::Or => "-or".into(),
        BinaryOp::Xor => "-xor".into(),
        BinaryOp::BitAnd => "-band".into(),
        BinaryOp::BitOr => "-bor".into(),
        BinaryOp::Is => "-is".into(),
        BinaryOp::IsNot => "-isnot".into(),
        BinaryOp::As => "-as".into(),
        BinaryOp::Compare(op, mode) => {
            let prefix = match mode {
                CaseMode::Default => "",
                CaseMode::Insensitive => "i",
                CaseMode::Sensitive => "c",
            };
            format!("-{prefix}{}", format!("{op:?}").to_lowercase())
        }
    }
}

pub fn print_expr(e: &Expr) -> String {
    match &e.kind {
        ExprKind::Number { value, text: None } => format!("n({})", print_number(value)),
        ExprKind::Number {
            value,
            text: Some(t),
        } => format!("n({},'{t}')", print_number(value)),
        ExprKind::String { kind, parts } => print_string(*kind, parts),
        ExprKind::Variable(v) => format!("${}", print_variable(v)),
        ExprKind::Splat(v) => format!("@{}", print_variable(v)),
        ExprKind::Array(items) => format!("(arr {})", join(items, print_expr)),
        ExprKind::SubExpression(s) => format!("(sub {})", join(s, print_statement)),
        ExprKind::ArrayExpression(s) => format!("(arrx {})", join(s, print_statement)),
        ExprKind::Paren(s) => format!("(paren {})", print_statement(s)),
        ExprKind::Hash { entries } => {
            let mut parts = vec!["(hash".to_string()];
            for (k, v) in entries {
                let key = match &k.kind {
                    ExprKind::String {
                        kind: StringKind::Bare,
                        parts,
                    } => literal_of(parts).unwrap_or_else(|| print_expr(k)),
                    _ => print_expr(k),
                };
                parts.push(format!("({key} {})", print_statement(v)));
            }
            format!("{})", parts.join(" "))
        }
        ExprKind::ScriptBlock(sb) => print_script_block(sb, true),
        ExprKind::Member {
            object,
            name,
            is_static,
        } => {
            let name = match &name.kind {
                ExprKind::String {
                    kind: StringKind::Bare,
                    parts,
                } => literal_of(parts).unwrap_or_else(|| print_expr(name)),
                _ => print_expr(name),
            };
            format!(
                "({} {} {name})",
                if *is_static { "::" } else { "." },
                print_expr(object)
            )
        }
        ExprKind::MethodCall {
            object,
            name,
            args,
            is_static,
        } => {
            let mut parts = vec![
                format!("({}", if *is_static { "::call" } else { ".call" }),
                print_expr(object),
                name.item.clone(),
            ];
            parts.extend(args.iter().map(print_expr));
            format!("{})", parts.join(" "))
        }
        ExprKind::Index { object, index } => {
            format!("(idx {} {})", print_expr(object), print_expr(index))
        }
        ExprKind::Unary { op, operand } => {
            let name = match op {
                UnaryOp::Not => "-not",
                UnaryOp::Negate => "neg",
                UnaryOp::Plus => "plus",
                UnaryOp::Comma => "unary,",
                UnaryOp::Join => "-join",
                UnaryOp::Split => "-split",
                UnaryOp::BitNot => "-bnot",
                UnaryOp::PreIncrement => "++x",
                UnaryOp::PreDecrement => "--x",
                UnaryOp::PostIncrement => "x++",
                UnaryOp::PostDecrement => "x--",
            };
            format!("({name} {})", print_expr(operand))
        }
        ExprKind::Binary {
            op, left, right, ..
        } => {
            format!(
                "({} {} {})",
                binary_name(op),
                print_expr(left),
                print_expr(right)
            )
        }
        ExprKind::TypeLiteral(t) => format!("[{t}]"),
        ExprKind::Cast { type_name, operand } => {
            format!("(cast [{type_name}] {})", print_expr(operand))
        }
    }
}
