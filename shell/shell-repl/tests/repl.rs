//! The REPL through a pseudo-terminal: certsh runs in a detached tmux session; keys are sent
//! with `send-keys` and the screen is read with `capture-pane` (which right-trims lines, so
//! prompts are matched without their trailing space). Needs `tmux` on PATH.

use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

struct Tmux {
    name: String,
    dir: PathBuf,
}

impl Tmux {
    fn start(test: &str) -> Tmux {
        Tmux::start_with(test, "NO_COLOR=1")
    }

    /// As [`Tmux::start`], with `env` (e.g. `TERM=xterm`) instead of `NO_COLOR=1`.
    fn start_with(test: &str, env: &str) -> Tmux {
        let name = format!("certsh-{}-{test}", std::process::id());
        let dir = std::env::temp_dir().join(&name);
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("scratch directory");
        let command = format!(
            "env CERTSH_STORE={store} CERTSH_NOW=2008-08-01T12:00:00Z CERTSH_SERVER=ex1.contoso.com XDG_DATA_HOME={data} {env} {bin}",
            store = dir.join("store.db").display(),
            data = dir.display(),
            bin = env!("CARGO_BIN_EXE_certsh"),
        );
        let status = Command::new("tmux")
            .args([
                "new-session",
                "-d",
                "-s",
                &name,
                "-c",
                &dir.display().to_string(),
                "-x",
                "100",
                "-y",
                "40",
                &command,
            ])
            .status()
            .expect("tmux must be installed to test the REPL");
        assert!(status.success(), "tmux new-session failed");
        let tmux = Tmux { name, dir };
        tmux.wait_for("PS certsh>");
        tmux
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", &self.name];
        args.extend_from_slice(keys);
        let status = Command::new("tmux")
            .args(&args)
            .status()
            .expect("tmux send-keys");
        assert!(status.success());
    }

    fn screen(&self) -> String {
        self.capture(&["capture-pane", "-p", "-t", &self.name])
    }

    /// The screen with its colours, as SGR escape sequences.
    fn screen_with_colors(&self) -> String {
        self.capture(&["capture-pane", "-e", "-p", "-t", &self.name])
    }

    fn capture(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .args(args)
            .output()
            .expect("tmux capture-pane");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    #[track_caller]
    fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(text) {
                return screen;
            }
            if start.elapsed() > Duration::from_secs(20) {
                panic!("timed out waiting for {text:?}; screen:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn alive(&self) -> bool {
        Command::new("tmux")
            .args(["has-session", "-t", &self.name])
            .output()
            .is_ok_and(|o| o.status.success())
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["kill-session", "-t", &self.name])
            .output();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

#[test]
fn repl_runs_input_and_prints_output() {
    let t = Tmux::start("run");
    t.keys(&["1..3 | % { $_ * 10 }", "Enter"]);
    t.wait_for("PS certsh> 1..3 | % { $_ * 10 }\n10\n20\n30\nPS certsh>");
}

#[test]
fn s2_11_continuation_prompt_and_empty_line_submits() {
    let t = Tmux::start("cont");
    t.keys(&["if ($true) {", "Enter"]);
    t.wait_for("\n>>");
    t.keys(&["'inside' }", "Enter"]);
    t.wait_for("inside\nPS certsh>");
    t.keys(&["'open", "Enter"]);
    t.wait_for("\n>>");
    t.keys(&["Enter"]);
    t.wait_for("TerminatorExpectedAtEndOfString");
}

#[test]
fn s6_write_host_colours_on_a_colour_terminal() {
    let t = Tmux::start_with("color", "TERM=xterm-256color");
    t.keys(&[
        "Write-Host 'Expired' -ForegroundColor Red -BackgroundColor DarkBlue; Write-Host plain",
        "Enter",
    ]);
    t.wait_for("plain\nPS certsh>");
    let screen = t.screen_with_colors();
    // Red is bright red (91), DarkBlue the standard blue background (44); "plain" is not
    // coloured.
    assert!(screen.contains("\u{1b}[91m\u{1b}[44mExpired"), "{screen:?}");
    assert!(!screen.contains("[91mplain"), "{screen:?}");
    t.keys(&["Write-Host x -ForegroundColor Da", "Tab"]);
    t.wait_for("-ForegroundColor DarkBlue");
}

#[test]
fn s6_write_progress_shows_while_running_and_leaves_no_trace() {
    let t = Tmux::start("progress");
    t.keys(&[
        "Write-Progress -Activity 'Checking certificates' -Status 'EXCH01' -PercentComplete 45; \
         Start-Sleep -Milliseconds 1500; 'done'",
        "Enter",
    ]);
    t.wait_for("Checking certificates: EXCH01 [ooooooooo           ] 45%");
    let screen = t.wait_for("done\nPS certsh>");
    assert!(!screen.contains("45%"), "{screen}");
}

#[test]
fn repl_tab_completes_paths_and_cert_drive_locations() {
    let t = Tmux::start("paths");
    std::fs::write(t.dir.join("mail-request.req"), "x").expect("file");
    t.keys(&["Get-Content ./mail-r", "Tab"]);
    t.wait_for("PS certsh> Get-Content ./mail-request.req");
    t.keys(&["C-u", "Get-ChildItem Cert:\\LocalMachine\\Aut", "Tab"]);
    t.wait_for("PS certsh> Get-ChildItem Cert:\\LocalMachine\\AuthRoot");
}

#[test]
fn repl_tab_completes_names_parameters_and_enum_values() {
    let t = Tmux::start("tab");
    t.keys(&["Format-Ta", "Tab"]);
    t.wait_for("PS certsh> Format-Table");
    t.keys(&["C-u", "Write-Host -Sep", "Tab"]);
    t.wait_for("PS certsh> Write-Host -Separator");
    t.keys(&["C-u", "Write-Host x -ErrorAction Sil", "Tab"]);
    t.wait_for("-ErrorAction SilentlyContinue");
}

#[test]
fn repl_ctrl_c_cancels_and_ctrl_d_exits_saving_history() {
    let t = Tmux::start("keys");
    t.keys(&["'not run'", "C-c"]);
    std::thread::sleep(Duration::from_millis(200));
    t.keys(&["'ran'", "Enter"]);
    let screen = t.wait_for("ran\nPS certsh>");
    assert!(
        !screen.contains("not run\n"),
        "Ctrl-C must not run the line:\n{screen}"
    );
    t.keys(&["C-d"]);
    let start = Instant::now();
    while t.alive() && start.elapsed() < Duration::from_secs(10) {
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(!t.alive(), "Ctrl-D must end certsh");
    let history = std::fs::read_to_string(t.dir.join("certsh/history")).unwrap_or_default();
    assert!(history.contains("'ran'"), "history: {history:?}");
}

#[test]
fn repl_exit_ends_the_shell() {
    let t = Tmux::start("exit");
    t.keys(&["exit 0", "Enter"]);
    let start = Instant::now();
    while t.alive() && start.elapsed() < Duration::from_secs(10) {
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(!t.alive());
}

#[test]
fn design_8_3_repl_prompts_for_confirmation() {
    let t = Tmux::start("confirm");
    t.keys(&[
        "Get-ExchangeCertificate | Remove-ExchangeCertificate",
        "Enter",
    ]);
    t.wait_for("[Y] Yes  [A] Yes to All  [N] No  [L] No to All  [?] Help (default is \"Y\"):");
    t.keys(&["?", "Enter"]);
    t.wait_for("L - Skip this operation and all subsequent operations.");
    t.keys(&["n", "Enter"]);
    t.keys(&["@(Get-ExchangeCertificate).Count", "Enter"]);
    t.wait_for("@(Get-ExchangeCertificate).Count\n1\nPS certsh>");
}

#[test]
fn design_8_4_repl_prompts_for_missing_mandatory_parameters() {
    let t = Tmux::start("mandatory");
    t.keys(&["Write-Warning", "Enter"]);
    t.wait_for("Message:");
    t.keys(&["from the prompt", "Enter"]);
    t.wait_for("WARNING: from the prompt\nPS certsh>");
}
