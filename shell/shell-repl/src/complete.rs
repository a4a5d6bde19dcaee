//! Tab completion for the REPL: command names (cmdlets, aliases, functions), parameter
//! names after `-`, enum values after an enum-typed parameter (`-Services P<Tab>`), and
//! paths in argument positions: files and directories, and the `Cert:` drive's locations.
//!
//! The logic is a pure function over a [`CompletionSource`] so it can be tested without a
//! terminal; the rustyline adapter lives in the REPL module.

/// What the completer may offer, as the session knows it.
pub trait CompletionSource {
    /// Every command name the session resolves: cmdlets, aliases and functions.
    fn command_names(&self) -> Vec<String>;
    /// The parameters of a command (by any name or alias the user typed), each with the
    /// enum member names it accepts (empty for non-enum parameters). `None` when the
    /// command is unknown.
    fn parameters(&self, command: &str) -> Option<Vec<(String, Vec<String>)>>;
    /// The entries of a directory (`""` is the current one): `(name, is_directory)`.
    fn list_dir(&self, dir: &str) -> Vec<(String, bool)> {
        let path = if dir.is_empty() { "." } else { dir };
        std::fs::read_dir(path)
            .map(|entries| {
                entries
                    .flatten()
                    .map(|entry| {
                        let is_dir = entry.path().is_dir();
                        (entry.file_name().to_string_lossy().into_owned(), is_dir)
                    })
                    .collect()
            })
            .unwrap_or_default()
    }
}

/// The containers of the `Cert:` drive below `Cert:\LocalMachine`.
const CERT_STORES: [&str; 7] = [
    "AuthRoot",
    "CA",
    "My",
    "Root",
    "Root\\.Enterprise",
    "Root\\.GroupPolicy",
    "TrustedPeople",
];

/// Completes a path word: `Cert:` locations, or the entries of the named directory (hidden
/// ones only when the typed name starts with `.`); directories end with `/`; a name with a
/// space is quoted.
fn complete_path(word: &str, word_start: usize, source: &dyn CompletionSource) -> Completion {
    let unquoted = word.trim_start_matches(['\'', '"']);
    if has_prefix(unquoted, "cert:") {
        let rest = unquoted[5..].trim_start_matches(['\\', '/']);
        let candidates: Vec<String> =
            if has_prefix(rest, "LocalMachine\\") || has_prefix(rest, "LocalMachine/") {
                let typed = &rest["LocalMachine\\".len()..];
                CERT_STORES
                    .iter()
                    .filter(|store| has_prefix(store, typed))
                    .map(|store| format!("Cert:\\LocalMachine\\{store}"))
                    .collect()
            } else if has_prefix("LocalMachine", rest) {
                vec!["Cert:\\LocalMachine".to_owned()]
            } else {
                Vec::new()
            };
        return Completion {
            start: word_start,
            candidates: sorted(candidates),
        };
    }
    let split = unquoted.rfind(['/', '\\']).map_or(0, |i| i + 1);
    let (dir, typed) = unquoted.split_at(split);
    let candidates = source
        .list_dir(&dir.replace('\\', "/"))
        .into_iter()
        .filter(|(name, _)| {
            has_prefix(name, typed) && (typed.starts_with('.') || !name.starts_with('.'))
        })
        .map(|(name, is_dir)| {
            let full = format!("{dir}{name}{}", if is_dir { "/" } else { "" });
            if full.contains(' ') {
                format!("'{full}'")
            } else {
                full
            }
        })
        .collect();
    Completion {
        start: word_start,
        candidates: sorted(candidates),
    }
}

/// A completion: the byte offset where the replaced word starts and the candidates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completion {
    /// Byte offset of the start of the word being completed.
    pub start: usize,
    /// The replacement texts, sorted case-insensitively.
    pub candidates: Vec<String>,
}

/// Characters that end a word for completion purposes.
fn is_break(c: char) -> bool {
    c.is_whitespace() || matches!(c, '|' | ';' | '(' | '{' | '}' | ')')
}

/// Characters that start a new pipeline element.
fn is_element_start(c: char) -> bool {
    matches!(c, '|' | ';' | '(' | '{' | '\n')
}

/// Case-insensitive prefix test.
fn has_prefix(name: &str, prefix: &str) -> bool {
    name.len() >= prefix.len()
        && name.is_char_boundary(prefix.len())
        && name[..prefix.len()].eq_ignore_ascii_case(prefix)
}

fn sorted(mut names: Vec<String>) -> Vec<String> {
    names.sort_by_key(|n| n.to_ascii_lowercase());
    names.dedup_by(|a, b| a.eq_ignore_ascii_case(b));
    names
}

/// Completes the word that ends at `pos` in `line`.
pub fn complete(line: &str, pos: usize, source: &dyn CompletionSource) -> Completion {
    let pos = pos.min(line.len());
    let before = &line[..pos];
    let word_start = before.rfind(is_break).map(|i| i + 1).unwrap_or(0);
    let word = &before[word_start..];
    let element_start = before.rfind(is_element_start).map(|i| i + 1).unwrap_or(0);
    let element = &before[element_start..word_start];
    let words: Vec<&str> = element.split_whitespace().collect();
    let none = Completion {
        start: word_start,
        candidates: vec![],
    };

    // The first word of a pipeline element is a command name (or a script's path).
    if words.is_empty() {
        if word.starts_with(['.', '/', '~']) {
            return complete_path(word, word_start, source);
        }
        if word.starts_with('$')
            || word.starts_with('-')
                && word.len() > 1
                && !word[1..].starts_with(char::is_alphabetic)
        {
            return none;
        }
        let names = source
            .command_names()
            .into_iter()
            .filter(|n| has_prefix(n, word))
            .collect();
        return Completion {
            start: word_start,
            candidates: sorted(names),
        };
    }
    let Some(params) = source.parameters(words[0]) else {
        // Arguments of a script or native command are paths as often as not.
        return if word.starts_with(['-', '$']) {
            none
        } else {
            complete_path(word, word_start, source)
        };
    };

    // A parameter name after `-`.
    if let Some(typed) = word.strip_prefix('-') {
        if typed.contains(':') {
            return none;
        }
        let names = params
            .iter()
            .filter(|(n, _)| has_prefix(n, typed))
            .map(|(n, _)| format!("-{n}"))
            .collect();
        return Completion {
            start: word_start,
            candidates: sorted(names),
        };
    }

    // An enum value: the previous word is a parameter with members; inside a comma list
    // only the part after the last comma is completed. Any other argument is a path.
    if word.starts_with('$') {
        return none;
    }
    let Some(prev) = words.last().and_then(|w| w.strip_prefix('-')) else {
        return complete_path(word, word_start, source);
    };
    let exact = params.iter().find(|(n, _)| n.eq_ignore_ascii_case(prev));
    let matching: Vec<&(String, Vec<String>)> =
        params.iter().filter(|(n, _)| has_prefix(n, prev)).collect();
    let param = match (exact, matching.as_slice()) {
        (Some(p), _) if !p.1.is_empty() => p,
        (None, [one]) if !one.1.is_empty() => *one,
        _ => return complete_path(word, word_start, source),
    };
    let (start, part) = match word.rfind(',') {
        Some(i) => (word_start + i + 1, &word[i + 1..]),
        None => (word_start, word),
    };
    let names = param
        .1
        .iter()
        .filter(|m| has_prefix(m, part))
        .cloned()
        .collect();
    Completion {
        start,
        candidates: sorted(names),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Fake;

    impl CompletionSource for Fake {
        fn command_names(&self) -> Vec<String> {
            [
                "Get-ExchangeCertificate",
                "Enable-ExchangeCertificate",
                "Format-List",
                "fl",
                "ft",
            ]
            .iter()
            .map(|s| s.to_string())
            .collect()
        }
        fn list_dir(&self, dir: &str) -> Vec<(String, bool)> {
            match dir {
                "" => vec![
                    ("certs".into(), true),
                    ("cert request.req".into(), false),
                    ("ca.cer".into(), false),
                    (".hidden".into(), false),
                ],
                "certs/" => vec![("mail.cer".into(), false), ("mail.pfx".into(), false)],
                _ => vec![],
            }
        }
        fn parameters(&self, command: &str) -> Option<Vec<(String, Vec<String>)>> {
            if command.eq_ignore_ascii_case("enable-exchangecertificate") {
                let services = ["None", "IMAP", "POP", "UM", "IIS", "SMTP"];
                Some(vec![
                    ("Thumbprint".into(), vec![]),
                    (
                        "Services".into(),
                        services.iter().map(|s| s.to_string()).collect(),
                    ),
                    ("Server".into(), vec![]),
                ])
            } else {
                None
            }
        }
    }

    fn check(line: &str, start: usize, expected: &[&str]) {
        let c = complete(line, line.len(), &Fake);
        assert_eq!(c.start, start, "start for {line:?}");
        assert_eq!(c.candidates, expected, "candidates for {line:?}");
    }

    #[test]
    fn repl_completes_command_names_and_aliases() {
        check("get-ex", 0, &["Get-ExchangeCertificate"]);
        check("f", 0, &["fl", "Format-List", "ft"]);
        check("Get-X | ena", 8, &["Enable-ExchangeCertificate"]);
    }

    #[test]
    fn repl_completes_parameter_names() {
        check(
            "Enable-ExchangeCertificate -Se",
            27,
            &["-Server", "-Services"],
        );
        check("Enable-ExchangeCertificate -t", 27, &["-Thumbprint"]);
        check("Nope -x", 5, &[]);
    }

    #[test]
    fn repl_completes_enum_values() {
        check("Enable-ExchangeCertificate -Services P", 37, &["POP"]);
        check("Enable-ExchangeCertificate -Servi I", 34, &["IIS", "IMAP"]);
        check("Enable-ExchangeCertificate -Serv I", 33, &[]);
        check(
            "Enable-ExchangeCertificate -Services POP,i",
            41,
            &["IIS", "IMAP"],
        );
        check("Enable-ExchangeCertificate -Thumbprint A", 39, &[]);
    }

    #[test]
    fn repl_completes_paths_in_argument_positions() {
        check(
            "Enable-ExchangeCertificate -Thumbprint c",
            39,
            &["'cert request.req'", "ca.cer", "certs/"],
        );
        check("Get-X ./ce", 6, &[]);
        check("Nope ce", 5, &["'cert request.req'", "certs/"]);
        check("Nope certs/m", 5, &["certs/mail.cer", "certs/mail.pfx"]);
        check("Nope certs\\mail.c", 5, &["certs\\mail.cer"]);
        check("Nope .h", 5, &[".hidden"]);
        check("./ce", 0, &[]);
        check("c", 0, &[]);
    }

    #[test]
    fn repl_completes_cert_drive_locations() {
        check("Nope Cert:\\L", 5, &["Cert:\\LocalMachine"]);
        check(
            "Nope cert:\\LocalMachine\\Root",
            5,
            &[
                "Cert:\\LocalMachine\\Root",
                "Cert:\\LocalMachine\\Root\\.Enterprise",
                "Cert:\\LocalMachine\\Root\\.GroupPolicy",
            ],
        );
    }
}
