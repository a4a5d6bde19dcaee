//! End-to-end scripts (`tests/scripts/*.ps1`) through a whole certsh session: parser, engine,
//! built-in and Exchange cmdlets, Out-Default and error rendering, on an in-memory store with
//! cert-testkit's fixed keys, serials and clock. One transcript snapshot per script.

use std::rc::Rc;

use cert_testkit::{FixedKeys, SeededRandom, fixed_now};
use shell_cmdlets::exchange::AppState;
use shell_cmdlets::format::TextHost;
use shell_cmdlets::registry::{all_views, register_all};
use shell_engine::{Origin, Session};

/// Runs a script file as `certsh -File` would, at width 80; returns the transcript and the
/// `-File` exit code. `$work` names a fresh temporary directory for the files a script writes
/// (CSV, HTML, PFX, openssl output); it is removed afterwards and its path reads `$work` in the
/// transcript.
fn run_script(path: &std::path::Path, args: &[&str]) -> String {
    let stem = path
        .file_stem()
        .and_then(|n| n.to_str())
        .unwrap_or("script");
    let work = std::env::temp_dir().join(format!("certsh-e2e-{}-{stem}", std::process::id()));
    let _ = std::fs::remove_dir_all(&work);
    let _ = std::fs::create_dir_all(&work);
    let work_text = work.display().to_string();
    let views = Rc::new(all_views());
    let host = TextHost::new(views.clone(), 80);
    let Ok(mut state) = AppState::open_with(
        None,
        Some("EXCH01.contoso.com"),
        fixed_now(),
        Box::new(FixedKeys::new()),
        Box::new(SeededRandom::new(7)),
    ) else {
        panic!("the in-memory store opens");
    };
    state.set_pfx_iterations(2);
    let mut session = Session::new(state, Box::new(host), fixed_now());
    register_all(&mut session, &views);
    let args = args.iter().map(|a| shell_engine::Value::from(*a)).collect();
    session.set_variable("args", shell_engine::Value::array(args));
    session.set_variable("work", shell_engine::Value::from(work_text.as_str()));
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let name = format!(
        "tests/scripts/{}",
        path.file_name().and_then(|n| n.to_str()).unwrap_or("")
    );
    let result = session.run_script(&text, Origin::File(name));
    let host = session
        .host_as_mut::<TextHost>()
        .expect("the host is a TextHost");
    host.end_session();
    let transcript = format!(
        "{}exit code: {}\n",
        host.transcript(),
        result.file_exit_code()
    );
    let _ = std::fs::remove_dir_all(&work);
    transcript
        .lines()
        .map(|line| stable_target(line, &work_text))
        .collect::<Vec<_>>()
        .join("\n")
        .replace(&work_text, "$work")
        + "\n"
}

/// An error's CategoryInfo target under `$work` reads `$work/…`: the renderer shortens long
/// targets in the middle, so the temporary directory's path cannot simply be replaced there.
fn stable_target(line: &str, work: &str) -> String {
    let (Some(open), Some(close)) = (line.find(": ("), line.rfind(":String)")) else {
        return line.to_owned();
    };
    let target = &line[open + 3..close];
    let shortened = target
        .split_once("...")
        .is_some_and(|(head, _)| work.starts_with(head));
    if line.contains("+ CategoryInfo") && (target.starts_with(work) || shortened) {
        let name = target.rsplit('/').next().unwrap_or_default();
        format!("{}: ($work/…/{name}{}", &line[..open], &line[close..])
    } else {
        line.to_owned()
    }
}

#[test]
fn e2e_scripts() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts");
    let mut paths: Vec<std::path::PathBuf> = std::fs::read_dir(&dir)
        .map(|entries| entries.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    paths.retain(|p| p.extension().is_some_and(|e| e == "ps1"));
    paths.sort();
    assert!(!paths.is_empty(), "no scripts in {}", dir.display());
    for path in paths {
        let name = path
            .file_stem()
            .and_then(|n| n.to_str())
            .unwrap_or("script")
            .to_string();
        insta::assert_snapshot!(name, run_script(&path, &[]));
    }
}

#[test]
fn e2e_example_expiry_report() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let out = std::env::temp_dir().join(format!("certsh-expiry-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&out);
    let out_text = out.display().to_string();
    let transcript = run_script(
        &root.join("examples/expiry-report.ps1"),
        &["400", &out_text],
    );
    let html = std::fs::read_to_string(out.join("expiring.html")).unwrap_or_default();
    let _ = std::fs::remove_dir_all(&out);
    insta::assert_snapshot!(
        "example_expiry_report",
        format!("{transcript}---html---\n{html}")
    );
}
