//! Help pages generated from a cmdlet's signature and examples (spec §7.9): used by
//! Get-Help, `Get-Command -Syntax` and the generated docs/cmdlets.md.

use shell_engine::{Example, Kind, Param, Signature};
use shell_format::{HelpExample, HelpPage, HelpParameter, SyntaxParameter};

/// `true` for list kinds (`<type[]>`).
fn is_list(kind: &Kind) -> bool {
    matches!(
        kind,
        Kind::StringList | Kind::Int32List | Kind::ScriptBlockList | Kind::ObjectList
    )
}

/// The type name shown in syntax (`String`, `Object`, `AllowedServices`).
fn type_name(kind: &Kind) -> String {
    let name = kind.syntax_name();
    name.trim_end_matches("[]").to_string()
}

/// The syntax entry of a parameter in one set (`None` when it is not in that set).
fn syntax_parameter(param: &Param, set: Option<&str>) -> Option<SyntaxParameter> {
    let spec = match set {
        Some(set) => param.spec_for(set)?,
        None => param.sets.first()?,
    };
    Some(SyntaxParameter {
        name: param.name.clone(),
        type_name: type_name(&param.kind),
        position: spec.position,
        mandatory: spec.mandatory,
        switch: param.kind.is_switch(),
        list: is_list(&param.kind),
    })
}

/// One syntax line per parameter set, in set order.
pub fn syntax_lines(signature: &Signature) -> Vec<String> {
    let should_process = signature.should_process.is_some();
    let sets = signature.set_names();
    if sets.is_empty() {
        let params: Vec<SyntaxParameter> = signature
            .params
            .iter()
            .filter_map(|p| syntax_parameter(p, None))
            .collect();
        return vec![shell_format::syntax_line(
            &signature.name,
            &params,
            should_process,
        )];
    }
    sets.iter()
        .filter(|set| {
            // A default set that no parameter names gets no line of its own.
            signature.params.iter().any(|p| {
                p.sets.iter().any(|s| {
                    s.set
                        .as_deref()
                        .is_some_and(|n| n.eq_ignore_ascii_case(set))
                })
            })
        })
        .map(|set| {
            let params: Vec<SyntaxParameter> = signature
                .params
                .iter()
                .filter_map(|p| syntax_parameter(p, Some(set)))
                .collect();
            shell_format::syntax_line(&signature.name, &params, should_process)
        })
        .collect()
}

/// The help page of a cmdlet.
pub fn help_page(signature: &Signature, examples: &[Example]) -> HelpPage {
    let parameters = signature
        .params
        .iter()
        .filter_map(|p| {
            let parameter = syntax_parameter(p, None)?;
            let by_value = p.sets.iter().any(|s| s.by_value);
            let by_name = p.sets.iter().any(|s| s.by_property_name);
            let pipeline_input = match (by_value, by_name) {
                (true, true) => "True (ByValue, ByPropertyName)",
                (true, false) => "True (ByValue)",
                (false, true) => "True (ByPropertyName)",
                (false, false) => "False",
            };
            let mut description = p.help.clone();
            if p.unimplemented {
                if !description.is_empty() {
                    description.push(' ');
                }
                description.push_str("Declared for compatibility; not supported by this shell.");
            }
            Some(HelpParameter {
                parameter,
                description,
                default_value: String::new(),
                pipeline_input: pipeline_input.to_string(),
                wildcards: false,
            })
        })
        .collect();
    HelpPage {
        name: signature.name.clone(),
        synopsis: signature.summary.clone(),
        syntax: syntax_lines(signature),
        description: if signature.description.is_empty() {
            signature.summary.clone()
        } else {
            signature.description.clone()
        },
        parameters,
        examples: examples
            .iter()
            .map(|e| HelpExample {
                script: e.script.to_string(),
                summary: e.summary.to_string(),
            })
            .collect(),
    }
}

/// The Markdown reference of a list of cmdlets (the generated `docs/cmdlets.md`): per
/// cmdlet its synopsis, syntax, parameters and examples, in the given order.
pub fn markdown_reference(
    commands: &[(Signature, &[Example])],
    aliases: &[(&str, &str)],
) -> String {
    let mut out = String::from(
        "# certsh cmdlets\n\nGenerated from the cmdlet registry by \
         `cargo test -p shell-cmdlets --test main docs` (set `CERTSH_BLESS=1` to rewrite it); \
         do not edit by hand.\n\n",
    );
    for (signature, _) in commands {
        let anchor = signature.name.to_ascii_lowercase();
        out.push_str(&format!("- [{}](#{anchor})\n", signature.name));
    }
    out.push_str("\n## Aliases\n\n| Alias | Command |\n| --- | --- |\n");
    for (alias, command) in aliases {
        out.push_str(&format!("| `{alias}` | {command} |\n"));
    }
    for (signature, examples) in commands {
        out.push_str(&format!(
            "\n## {}\n\n{}\n",
            signature.name, signature.summary
        ));
        if !signature.description.is_empty() && signature.description != signature.summary {
            out.push_str(&format!("\n{}\n", signature.description));
        }
        out.push_str("\n```\n");
        for line in syntax_lines(signature) {
            out.push_str(&line);
            out.push('\n');
        }
        out.push_str("```\n");
        if !signature.params.is_empty() {
            out.push_str("\n| Parameter | Type | Position | Pipeline | Notes |\n| --- | --- | --- | --- | --- |\n");
            for p in &signature.params {
                let position = p
                    .sets
                    .iter()
                    .find_map(|s| s.position)
                    .map_or("named".to_string(), |n| n.to_string());
                let pipeline = match (
                    p.sets.iter().any(|s| s.by_value),
                    p.sets.iter().any(|s| s.by_property_name),
                ) {
                    (true, true) => "ByValue, ByPropertyName",
                    (true, false) => "ByValue",
                    (false, true) => "ByPropertyName",
                    (false, false) => "",
                };
                let mut notes = Vec::new();
                if p.sets.iter().any(|s| s.mandatory) {
                    notes.push("mandatory".to_string());
                }
                if !p.aliases.is_empty() {
                    notes.push(format!("aliases: {}", p.aliases.join(", ")));
                }
                if p.unimplemented {
                    notes.push("declared only (not supported)".to_string());
                }
                if !p.help.is_empty() {
                    notes.push(p.help.replace('|', "\\|"));
                }
                out.push_str(&format!(
                    "| `-{}` | `{}` | {position} | {pipeline} | {} |\n",
                    p.name,
                    p.kind.syntax_name(),
                    notes.join("; ")
                ));
            }
        }
        for (n, e) in examples.iter().enumerate() {
            out.push_str(&format!(
                "\n**Example {}.** {}\n\n```powershell\n{}\n```\n",
                n + 1,
                e.summary,
                e.script
            ));
        }
    }
    out
}
