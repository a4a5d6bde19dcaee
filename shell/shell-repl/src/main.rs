//! The `certsh` executable; see the `shell_repl` crate.

use std::io::{IsTerminal, Read};
use std::process::ExitCode;
use std::rc::Rc;

use shell_cmdlets::exchange::AppState;
use shell_cmdlets::registry::{all_views, register_all};
use shell_engine::{Origin, Session};
use shell_repl::cli::{self, Mode};
use shell_repl::env::{self, ProcessEnv};
use shell_repl::host::ConsoleHost;
use shell_repl::session::ConsoleSession;

fn exit(code: i32) -> ExitCode {
    ExitCode::from(u8::try_from(code.rem_euclid(256)).unwrap_or(1))
}

/// The terminal width when stdout is a terminal, else 80 (spec §7.10).
fn terminal_width(stdout_tty: bool) -> usize {
    if !stdout_tty {
        return 80;
    }
    let editor = rustyline::DefaultEditor::new();
    match editor.ok().as_mut().and_then(|e| e.dimensions()) {
        Some((cols, _)) => usize::from(cols).max(1),
        None => 80,
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let options = match cli::parse_args(&args) {
        Ok(o) => o,
        Err(err) => {
            eprintln!("certsh: {err}");
            return ExitCode::from(64);
        }
    };
    match options.mode {
        Mode::Help => {
            print!("{}", cli::USAGE);
            return ExitCode::SUCCESS;
        }
        Mode::Version => {
            println!("certsh {}", env!("CARGO_PKG_VERSION"));
            return ExitCode::SUCCESS;
        }
        _ => {}
    }
    let now = match env::now(&ProcessEnv) {
        Ok(now) => now,
        Err(err) => {
            eprintln!("certsh: {err}");
            return ExitCode::from(1);
        }
    };
    let stdin_tty = std::io::stdin().is_terminal();
    let stdout_tty = std::io::stdout().is_terminal();
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let interactive = stdin_tty && !options.non_interactive;
    let store = match env::store_path(options.store.clone(), &ProcessEnv) {
        Ok(p) => p,
        Err(err) => {
            eprintln!("certsh: {err}");
            return ExitCode::from(1);
        }
    };
    if let Some(dir) = store.parent().filter(|d| !d.as_os_str().is_empty())
        && let Err(err) = std::fs::create_dir_all(dir)
    {
        eprintln!("certsh: cannot create {}: {err}", dir.display());
        return ExitCode::from(1);
    }
    let server = std::env::var("CERTSH_SERVER")
        .ok()
        .filter(|s| !s.is_empty());
    let state = match AppState::open(&store, server.as_deref(), now) {
        Ok(state) => state,
        Err(err) => {
            eprintln!("certsh: cannot open the store {}: {err}", store.display());
            return ExitCode::from(1);
        }
    };
    let views = Rc::new(all_views());
    let host = ConsoleHost::new(
        views.clone(),
        interactive,
        stdout_tty && !no_color,
        std::io::stderr().is_terminal() && !no_color,
        terminal_width(stdout_tty),
    )
    .with_progress(std::io::stderr().is_terminal())
    .with_piped_input(!stdin_tty && !options.non_interactive && !script_from_stdin(&options.mode));
    let computer = server_short_name(&state);
    let mut session = Session::new(state, Box::new(host), now);
    register_all(&mut session, &views);
    // Windows scripts read these; Linux does not set them.
    session.set_env_default("COMPUTERNAME", &computer);
    let temp = std::env::temp_dir().display().to_string();
    session.set_env_default("TEMP", &temp);
    session.set_env_default("TMP", &temp);
    if let Ok(user) = std::env::var("USER") {
        session.set_env_default("USERNAME", &user);
    }
    if let Ok(home) = std::env::var("HOME") {
        session.set_env_default("USERPROFILE", &home);
    }
    let mut shell = ConsoleSession::from_session(session);
    match options.mode {
        Mode::Command(text) => {
            let text = if text.trim() == "-" {
                let mut buf = String::new();
                if let Err(err) = std::io::stdin().read_to_string(&mut buf) {
                    eprintln!("certsh: cannot read stdin: {err}");
                    return ExitCode::from(1);
                }
                buf
            } else {
                text
            };
            exit(shell.run(&text, Origin::Interactive).exit_code())
        }
        Mode::File { path, args } => {
            let text = match std::fs::read_to_string(&path) {
                Ok(t) => t,
                Err(_) => {
                    eprintln!(
                        "The argument '{path}' to the -File parameter does not exist. Provide the path to an existing '.ps1' file as an argument to the -File parameter."
                    );
                    return ExitCode::from(1);
                }
            };
            shell.set_args(&args);
            exit(shell.run(&text, Origin::File(path)).file_exit_code())
        }
        _ if stdin_tty => {
            let history = env::history_path(&ProcessEnv).ok();
            exit(shell_repl::repl::run(&mut shell, history))
        }
        _ => {
            let mut text = String::new();
            if let Err(err) = std::io::stdin().read_to_string(&mut text) {
                eprintln!("certsh: cannot read stdin: {err}");
                return ExitCode::from(1);
            }
            exit(shell.run(&text, Origin::Interactive).exit_code())
        }
    }
}

/// The NetBIOS-style name of the emulated server (`EXCH01` for `exch01.contoso.com`).
fn server_short_name(state: &AppState) -> String {
    let server = state.server();
    let name = server.borrow().name().to_owned();
    name.split('.').next().unwrap_or(&name).to_ascii_uppercase()
}

/// Whether the script itself comes from stdin (then stdin holds no answers for Read-Host).
fn script_from_stdin(mode: &Mode) -> bool {
    match mode {
        Mode::Default => true,
        Mode::Command(text) => text.trim() == "-",
        _ => false,
    }
}
