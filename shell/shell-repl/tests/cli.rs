//! The `certsh` binary end to end: command line forms, `$args`, exit codes (design.md §2,
//! spec §10), stdout/stderr separation, and the REPL through a pseudo-terminal (tmux).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// A scratch directory unique to this test process and name.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("certsh-cli-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch directory");
    dir
}

fn certsh(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_certsh"));
    cmd.env("CERTSH_STORE", dir.join("store.db"))
        .env("CERTSH_NOW", "2008-08-01T12:00:00Z")
        .env("CERTSH_SERVER", "ex1.contoso.com")
        .env("NO_COLOR", "1")
        .env_remove("XDG_DATA_HOME")
        .stdin(Stdio::null());
    cmd
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn run(dir: &Path, args: &[&str]) -> Output {
    certsh(dir).args(args).output().expect("certsh runs")
}

#[test]
fn design_2_command_prints_and_exits_zero() {
    let dir = scratch("command");
    let out = run(&dir, &["-Command", "1..3 | ForEach-Object { $_ * 2 }"]);
    assert_eq!(text(&out.stdout), "2\n4\n6\n");
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn s10_command_exit_code_follows_last_statement() {
    let dir = scratch("lastfail");
    let out = run(&dir, &["-c", "Get-Nothing"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("CommandNotFoundException"));
    assert!(out.stdout.is_empty());
    let out = run(&dir, &["-c", "exit 3"]);
    assert_eq!(out.status.code(), Some(3));
    let out = run(&dir, &["-c", "exit -1"]);
    assert_eq!(out.status.code(), Some(255));
}

#[test]
fn s10_4_file_rules_and_args() {
    let dir = scratch("file");
    let script = dir.join("s.ps1");
    std::fs::write(
        &script,
        "\"args: $($args.Count) $($args[1])\"\nGet-Nothing\n'after'\n",
    )
    .expect("write script");
    let out = run(&dir, &[script.to_str().unwrap_or_default(), "a", "b"]);
    assert_eq!(text(&out.stdout), "args: 2 b\nafter\n");
    assert!(text(&out.stderr).contains(&format!("At {}:2 char:1", script.display())));
    // Errors that did not terminate the script leave 0 (-File rule).
    assert_eq!(out.status.code(), Some(0));
    std::fs::write(&script, "'x'\nexit 7\n'not reached'\n").expect("write script");
    let out = run(&dir, &["-File", script.to_str().unwrap_or_default()]);
    assert_eq!(text(&out.stdout), "x\n");
    assert_eq!(out.status.code(), Some(7));
    std::fs::write(&script, "throw 'boom'\n'not reached'\n").expect("write script");
    let out = run(&dir, &["-fi", script.to_str().unwrap_or_default()]);
    assert_eq!(out.status.code(), Some(1));
    std::fs::write(&script, "'a' + {\n").expect("write script");
    let out = run(&dir, &[script.to_str().unwrap_or_default()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let out = run(
        &dir,
        &[dir.join("missing.ps1").to_str().unwrap_or_default()],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("does not exist"));
}

#[test]
fn design_2_script_from_stdin() {
    let dir = scratch("stdin");
    let mut child = certsh(&dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("certsh runs");
    if let Some(mut stdin) = child.stdin.take() {
        stdin.write_all(b"$x = 20\n$x + 1\n").expect("write stdin");
    }
    let out = child.wait_with_output().expect("certsh ends");
    assert_eq!(text(&out.stdout), "21\n");
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn design_2_help_version_and_bad_flags() {
    let dir = scratch("help");
    let out = run(&dir, &["--help"]);
    assert!(text(&out.stdout).contains("-Command <text>"));
    assert_eq!(out.status.code(), Some(0));
    let out = run(&dir, &["-h"]);
    assert!(text(&out.stdout).starts_with("certsh"));
    let out = run(&dir, &["--version"]);
    assert!(text(&out.stdout).starts_with("certsh "));
    let out = run(&dir, &["-Bogus"]);
    assert_eq!(out.status.code(), Some(64));
    assert!(text(&out.stderr).contains("unknown option '-Bogus'"));
}

#[test]
fn design_2_bad_certsh_now_is_an_error() {
    let dir = scratch("badnow");
    let out = certsh(&dir)
        .env("CERTSH_NOW", "soon")
        .args(["-c", "1"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("CERTSH_NOW"));
}

#[test]
fn design_5_no_color_without_terminal() {
    let dir = scratch("color");
    let out = certsh(&dir)
        .env_remove("NO_COLOR")
        .args(["-c", "Get-Nothing"])
        .output()
        .expect("runs");
    assert!(!text(&out.stderr).contains('\u{1b}'));
}

#[test]
fn design_8_3_no_terminal_means_no_prompt() {
    let dir = scratch("noprompt");
    let out = run(
        &dir,
        &["-c", "Get-ExchangeCertificate | Remove-ExchangeCertificate"],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = text(&out.stderr);
    assert!(err.contains("-Confirm:$false"), "{err}");
    assert!(err.contains("shell::confirm::required"), "{err}");
    let out = run(&dir, &["-c", "@(Get-ExchangeCertificate).Count"]);
    assert_eq!(text(&out.stdout), "1\n");
}

#[test]
fn s6_set_location_moves_every_relative_path() {
    let dir = scratch("location");
    std::fs::create_dir_all(dir.join("reports")).expect("reports directory");
    let out = certsh(&dir)
        .current_dir(&dir)
        .args([
            "-Command",
            "cd reports; (pwd).Path; 'x' > out.txt; Test-Path out.txt; \
             New-Item sub -ItemType Directory | Out-Null; sl sub; (Get-Location).Path; \
             cd ..; (Get-ChildItem -Name) -join ','; Set-Location nowhere",
        ])
        .output()
        .expect("certsh runs");
    let reports = dir.join("reports").canonicalize().expect("canonical path");
    let stdout = text(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines[0], reports.display().to_string(), "{stdout}");
    assert_eq!(lines[1], "True");
    assert_eq!(lines[2], reports.join("sub").display().to_string());
    assert_eq!(lines[3], "sub,out.txt"); // directories first, as PowerShell lists them
    assert!(dir.join("reports/out.txt").is_file());
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("Cannot find path 'nowhere' because it does not exist."),
        "{stderr}"
    );
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn s6_computername_names_the_emulated_server() {
    let dir = scratch("computername");
    let out = certsh(&dir)
        .env_remove("COMPUTERNAME")
        .args([
            "-Command",
            "$env:COMPUTERNAME; (Get-ExchangeServer $env:COMPUTERNAME).Name; sh -c 'echo $COMPUTERNAME'",
        ])
        .output()
        .expect("certsh runs");
    assert_eq!(
        text(&out.stdout),
        "EX1\nex1\nEX1\n",
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn s6_read_host_reads_piped_answers_and_paths_take_backslashes() {
    let dir = scratch("readhost");
    let script = dir.join("ask.ps1");
    std::fs::write(
        &script,
        "$a = Read-Host 'Remove the old certificate? (y/n)'\n\
         $p = Read-Host 'PFX password' -AsSecureString\n\
         \"answer=$a type=$($p.GetType().Name)\"\n\
         'x' | Out-File .\\sub\\out.txt\n\
         Test-Path ./sub/out.txt\n",
    )
    .expect("script");
    std::fs::create_dir_all(dir.join("sub")).expect("sub");
    let mut child = certsh(&dir)
        .current_dir(&dir)
        .arg(&script)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("certsh runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(b"y\nsecret\n")
        .expect("answers");
    let out = child.wait_with_output().expect("exits");
    let stdout = text(&out.stdout);
    assert_eq!(
        stdout,
        "Remove the old certificate? (y/n): \nPFX password: \nanswer=y type=SecureString\nTrue\n",
        "{}",
        text(&out.stderr)
    );
    assert!(!stdout.contains("secret"));
    // With -NonInteractive, Read-Host refuses.
    let mut child = certsh(&dir)
        .args(["-NonInteractive", "-Command", "Read-Host 'x'"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("certsh runs");
    let _ = child.stdin.take().expect("stdin").write_all(b"y\n");
    let out = child.wait_with_output().expect("exits");
    assert!(
        text(&out.stderr).contains("NonInteractive mode"),
        "{}",
        text(&out.stderr)
    );
}
