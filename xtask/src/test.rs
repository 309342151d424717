//! `cargo xtask test`: every check, each timed, with a summary at the end.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Instant;

use crate::run::run;
use crate::tools::{self, cargo};
use crate::Result;
use crate::{budget, build};

/// Test files `node --test` is given: found by xtask, not by Node's own
/// discovery, so the set is the same on every Node version.
const TEST_SUFFIXES: &[&str] = &[".test.mjs", ".test.js"];

enum Outcome {
    Passed,
    Failed,
    Skipped(String),
}

struct StepResult {
    name: &'static str,
    outcome: Outcome,
    seconds: f64,
}

#[derive(Default)]
struct Runner {
    results: Vec<StepResult>,
}

impl Runner {
    /// Runs `action` unless one of the steps in `needs` did not pass.
    fn step(&mut self, name: &'static str, needs: &[&str], action: impl FnOnce() -> Result<()>) {
        let unmet: Vec<&str> = needs
            .iter()
            .copied()
            .filter(|need| !self.passed(need))
            .collect();
        if !unmet.is_empty() {
            let reason = format!("needs {}", unmet.join(", "));
            println!("\nxtask: ---- {name}: skipped ({reason})");
            self.push(name, Outcome::Skipped(reason), 0.0);
            return;
        }
        println!("\nxtask: ---- {name}");
        let started = Instant::now();
        let result = action();
        let seconds = started.elapsed().as_secs_f64();
        match result {
            Ok(()) => {
                println!("xtask: ---- {name}: ok ({seconds:.1} s)");
                self.push(name, Outcome::Passed, seconds);
            }
            Err(message) => {
                eprintln!("xtask: ---- {name}: FAILED ({seconds:.1} s): {message}");
                self.push(name, Outcome::Failed, seconds);
            }
        }
    }

    fn push(&mut self, name: &'static str, outcome: Outcome, seconds: f64) {
        self.results.push(StepResult {
            name,
            outcome,
            seconds,
        });
    }

    fn passed(&self, name: &str) -> bool {
        self.results
            .iter()
            .any(|r| r.name == name && matches!(r.outcome, Outcome::Passed))
    }

    /// Prints the table and the final `xtask: N passed, N failed` line.
    fn summary(&self, total_seconds: f64) -> ExitCode {
        let width = self.results.iter().map(|r| r.name.len()).max().unwrap_or(4);
        println!("\nxtask: summary");
        println!("  {:<width$}  {:<8}  {:>7}", "step", "result", "seconds");
        let (mut passed, mut failed) = (0, 0);
        for r in &self.results {
            let (label, note) = match &r.outcome {
                Outcome::Passed => {
                    passed += 1;
                    ("ok", String::new())
                }
                Outcome::Failed => {
                    failed += 1;
                    ("FAILED", String::new())
                }
                Outcome::Skipped(reason) => ("skipped", format!("  ({reason})")),
            };
            println!("  {:<width$}  {label:<8}  {:>7.1}{note}", r.name, r.seconds);
        }
        println!("  {:<width$}  {:<8}  {total_seconds:>7.1}", "total", "");
        println!("xtask: {passed} passed, {failed} failed");
        if failed == 0 {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        }
    }
}

pub fn test(root: &Path) -> ExitCode {
    let started = Instant::now();
    let mut steps = Runner::default();
    let mut chromium: Option<PathBuf> = None;

    steps.step("tools", &[], || tools::ensure_build_tools(root));
    steps.step("chromium", &[], || {
        chromium = Some(tools::ensure_chromium()?);
        Ok(())
    });
    steps.step("numpy", &[], tools::ensure_numpy);
    steps.step("cargo fmt", &[], || {
        run(cargo().args(["fmt", "--all", "--check"]))
    });
    steps.step("cargo clippy", &[], || {
        run(cargo().args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ]))
    });
    steps.step("cargo test", &["numpy"], || {
        run(cargo().args(["test", "--workspace"]))
    });
    steps.step("wasm build", &["tools"], || build::build_wasm(root));
    steps.step("node tests", &["wasm build"], || {
        node_test(root, "tests/node", &[])
    });
    steps.step("production build", &["wasm build"], || {
        build::build_dist(root)
    });
    steps.step("byte budgets", &["production build"], || {
        budget::check(root)
    });
    steps.step("page tests", &["production build", "chromium"], || {
        let chromium = chromium.as_deref().ok_or("no chromium")?;
        // The harness serves the tree PAGE_TREE names; dist/ is its default too.
        let tree = Path::new(build::DIST_DIR);
        node_test(
            root,
            "tests/page",
            &[("CHROMIUM_PATH", chromium), ("PAGE_TREE", tree)],
        )
    });

    steps.summary(started.elapsed().as_secs_f64())
}

/// `node --test` on every test file under `dir`, with the variables `env`; no test files is a
/// failure.
fn node_test(root: &Path, dir: &str, env: &[(&str, &Path)]) -> Result<()> {
    let path = root.join(dir);
    if !path.is_dir() {
        return Err(format!("{dir}/ does not exist: it must hold the tests"));
    }
    let mut files = Vec::new();
    find_test_files(&path, &mut files)?;
    if files.is_empty() {
        return Err(format!(
            "no test files ({}) in {dir}/: a test step with nothing to run fails",
            TEST_SUFFIXES
                .iter()
                .map(|s| format!("*{s}"))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    files.sort();
    let mut cmd = Command::new("node");
    cmd.arg("--test");
    for file in &files {
        cmd.arg(file.strip_prefix(root).unwrap_or(file));
    }
    for (name, value) in env {
        cmd.env(name, value);
    }
    run(&mut cmd)
}

fn find_test_files(dir: &Path, found: &mut Vec<PathBuf>) -> Result<()> {
    let entries = fs::read_dir(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
        let path = entry.path();
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with('.') || name == "node_modules" {
            continue;
        }
        let kind = entry
            .file_type()
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        if kind.is_dir() {
            find_test_files(&path, found)?;
        } else if TEST_SUFFIXES.iter().any(|suffix| name.ends_with(suffix)) {
            found.push(path);
        }
    }
    Ok(())
}
