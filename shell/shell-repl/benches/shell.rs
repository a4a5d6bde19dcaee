//! Benchmarks: parse + execute of a 100 000-object pipeline through the built-in cmdlets
//! (goal < 1 s), and the start-up time of `certsh -Command '$true'` (goal < 20 ms; the
//! bench spawns the binary Cargo built for it). Figures are recorded in benches/README.md.

// criterion_group! generates an undocumented public function.
#![allow(missing_docs)]

use std::process::{Command, Stdio};
use std::rc::Rc;

use criterion::{Criterion, criterion_group, criterion_main};
use shell_cmdlets::registry::{register_builtins, standard_views};
use shell_engine::{Origin, ScriptedHost, Session};

const PIPELINE: &str = "1..100000 | ForEach-Object { $_ * 2 } | Measure-Object -Sum";

fn pipeline(c: &mut Criterion) {
    let views = Rc::new(standard_views());
    let now = time::macros::datetime!(2008-08-01 12:00:00 UTC);
    let mut group = c.benchmark_group("pipeline");
    group.sample_size(10);
    group.bench_function("foreach_100k_measure_sum", |b| {
        b.iter(|| {
            let mut session: Session<()> = Session::new((), Box::new(ScriptedHost::new()), now);
            register_builtins(&mut session, &views);
            let result = session.run_script(PIPELINE, Origin::Interactive);
            assert!(result.success);
        })
    });
    group.finish();
}

fn startup(c: &mut Criterion) {
    let dir = std::env::temp_dir().join(format!("certsh-bench-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let store = dir.join("store.db");
    let run = || {
        let status = Command::new(env!("CARGO_BIN_EXE_certsh"))
            .args(["-Command", "$true"])
            .env("CERTSH_STORE", &store)
            .env("CERTSH_NOW", "2008-08-01T12:00:00Z")
            .env("CERTSH_SERVER", "ex1.contoso.com")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .status();
        assert!(status.is_ok_and(|s| s.success()));
    };
    // The first run creates the store (setup); the measured runs open it.
    run();
    let mut group = c.benchmark_group("startup");
    group.sample_size(20);
    group.bench_function("command_true_existing_store", |b| b.iter(run));
    group.finish();
    let _ = std::fs::remove_dir_all(&dir);
}

criterion_group!(benches, pipeline, startup);
criterion_main!(benches);
