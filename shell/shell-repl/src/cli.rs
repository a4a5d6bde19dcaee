//! The command line of design.md §2: flags are case-insensitive, start with `-` or `--`,
//! and accept unambiguous prefixes, as pwsh does.

use std::path::PathBuf;

/// What the process was asked to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    /// The interactive REPL when stdin is a terminal, otherwise a script read from stdin.
    Default,
    /// `-Command <text>`: run the text (the rest of the command line, joined by spaces).
    /// A text of `-` reads the script from stdin.
    Command(String),
    /// `-File path [args…]` or `path [args…]`: run a script file with `$args`.
    File {
        /// The script path as given.
        path: String,
        /// The remaining arguments (`$args`).
        args: Vec<String>,
    },
    /// `--help`, `-Help`, `-?`: print the usage text.
    Help,
    /// `--version`: print the version.
    Version,
}

/// The parsed command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// What to run.
    pub mode: Mode,
    /// `-NonInteractive`: never prompt.
    pub non_interactive: bool,
    /// `-Store PATH`: the store database file.
    pub store: Option<PathBuf>,
}

/// Why a command line could not be understood.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ParseArgsError {
    /// A flag that names no known option.
    #[error("unknown option '{0}'; try 'certsh --help'")]
    UnknownFlag(String),
    /// A prefix that matches more than one option.
    #[error("option '{flag}' is ambiguous; possible matches: {candidates}")]
    AmbiguousFlag {
        /// The flag as typed.
        flag: String,
        /// The matching options, `-A -B`.
        candidates: String,
    },
    /// A flag that needs a value was last on the line.
    #[error("missing a value for option '-{0}'")]
    MissingValue(&'static str),
}

/// The known flags in declaration order.
const FLAGS: &[&str] = &[
    "Command",
    "File",
    "NonInteractive",
    "Help",
    "Version",
    "Store",
];

/// Resolves a flag name (without dashes) to its canonical spelling.
fn resolve_flag(typed: &str, name: &str) -> Result<&'static str, ParseArgsError> {
    if name == "?" {
        return Ok("Help");
    }
    // pwsh's own short form: -c is -Command.
    if name.eq_ignore_ascii_case("c") {
        return Ok("Command");
    }
    let lower = name.to_ascii_lowercase();
    if let Some(exact) = FLAGS.iter().find(|f| f.to_ascii_lowercase() == lower) {
        return Ok(exact);
    }
    let hits: Vec<&'static str> = FLAGS
        .iter()
        .copied()
        .filter(|f| !lower.is_empty() && f.to_ascii_lowercase().starts_with(&lower))
        .collect();
    match hits.as_slice() {
        [one] => Ok(one),
        [] => Err(ParseArgsError::UnknownFlag(typed.to_string())),
        many => Err(ParseArgsError::AmbiguousFlag {
            flag: typed.to_string(),
            candidates: many
                .iter()
                .map(|f| format!("-{f}"))
                .collect::<Vec<_>>()
                .join(" "),
        }),
    }
}

/// The flag name of an argument that looks like a flag (`-x`, `--x`), else `None`.
fn flag_name(arg: &str) -> Option<&str> {
    let rest = arg.strip_prefix("--").or_else(|| arg.strip_prefix('-'))?;
    if rest.is_empty() { None } else { Some(rest) }
}

/// Parses the arguments after the program name.
pub fn parse_args(args: &[String]) -> Result<Options, ParseArgsError> {
    let mut options = Options {
        mode: Mode::Default,
        non_interactive: false,
        store: None,
    };
    let mut i = 0;
    while i < args.len() {
        let arg = &args[i];
        let Some(name) = flag_name(arg) else {
            options.mode = Mode::File {
                path: arg.clone(),
                args: args[i + 1..].to_vec(),
            };
            return Ok(options);
        };
        match resolve_flag(arg, name)? {
            "Command" => {
                let rest = &args[i + 1..];
                if rest.is_empty() {
                    return Err(ParseArgsError::MissingValue("Command"));
                }
                options.mode = Mode::Command(rest.join(" "));
                return Ok(options);
            }
            "File" => {
                let Some(path) = args.get(i + 1) else {
                    return Err(ParseArgsError::MissingValue("File"));
                };
                options.mode = Mode::File {
                    path: path.clone(),
                    args: args[i + 2..].to_vec(),
                };
                return Ok(options);
            }
            "Store" => {
                let Some(path) = args.get(i + 1) else {
                    return Err(ParseArgsError::MissingValue("Store"));
                };
                options.store = Some(PathBuf::from(path));
                i += 1;
            }
            "NonInteractive" => options.non_interactive = true,
            "Help" => {
                options.mode = Mode::Help;
                return Ok(options);
            }
            _ => {
                options.mode = Mode::Version;
                return Ok(options);
            }
        }
        i += 1;
    }
    Ok(options)
}

/// The usage text printed by `--help`.
pub const USAGE: &str = "\
certsh - the Exchange 2007 SP1 certificate shell

Usage:
  certsh                              interactive shell (a script from stdin when not a terminal)
  certsh -Command <text>              run the text and exit (also -c; '-' reads stdin)
  certsh -File <path.ps1> [args...]   run a script; $args holds the rest
  certsh <path.ps1> [args...]         the same
  certsh --help | --version

Options (case-insensitive, unambiguous prefixes accepted):
  -NonInteractive    never prompt: a needed confirmation is an error
  -Store <path>      the store database file

Environment:
  CERTSH_STORE    the store database file (default $XDG_DATA_HOME/certsh/store.db,
                  else ~/.local/share/certsh/store.db)
  CERTSH_SERVER   FQDN of the local server when a store is first created
  CERTSH_NOW      RFC 3339 instant used as \"now\" by the whole process
  NO_COLOR        never colour output

Exit code: 0 when the last statement succeeded; 1 after a terminating error or when the
last pipeline reported errors; `exit N` gives N.
";

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Options, ParseArgsError> {
        let args: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        parse_args(&args)
    }

    #[test]
    fn design_2_no_arguments_is_the_default_mode() {
        assert_eq!(parse(&[]).unwrap().mode, Mode::Default);
    }

    #[test]
    fn design_2_command_takes_the_rest_of_the_line() {
        let o = parse(&["-c", "Get-Date", "-Format", "yyyy"]).unwrap();
        assert_eq!(o.mode, Mode::Command("Get-Date -Format yyyy".into()));
        let o = parse(&["--COMMAND", "$true"]).unwrap();
        assert_eq!(o.mode, Mode::Command("$true".into()));
        assert_eq!(
            parse(&["-Command"]),
            Err(ParseArgsError::MissingValue("Command"))
        );
    }

    #[test]
    fn design_2_script_path_and_args() {
        let o = parse(&["x.ps1", "-a", "b"]).unwrap();
        assert_eq!(
            o.mode,
            Mode::File {
                path: "x.ps1".into(),
                args: vec!["-a".into(), "b".into()]
            }
        );
        let o = parse(&["-fi", "y.ps1"]).unwrap();
        assert_eq!(
            o.mode,
            Mode::File {
                path: "y.ps1".into(),
                args: vec![]
            }
        );
    }

    #[test]
    fn design_2_prefixes_and_case() {
        let o = parse(&["-noni", "-st", "/tmp/s.db", "-co", "1"]).unwrap();
        assert!(o.non_interactive);
        assert_eq!(o.store, Some(PathBuf::from("/tmp/s.db")));
        assert_eq!(parse(&["--help"]).unwrap().mode, Mode::Help);
        assert_eq!(parse(&["-?"]).unwrap().mode, Mode::Help);
        assert_eq!(parse(&["--version"]).unwrap().mode, Mode::Version);
        assert_eq!(
            parse(&["-Bogus"]),
            Err(ParseArgsError::UnknownFlag("-Bogus".into()))
        );
    }
}
