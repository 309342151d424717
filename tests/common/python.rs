//! Running the exported scripts with Python 3 (and NumPy, which `cargo xtask test` installs).
//! A missing Python or NumPy fails the test, with the command that fixes it: these checks are an
//! independent oracle and must not be skipped silently.

use std::io::Write;
use std::process::{Command, Stdio};

use backprop_viz::export::numpy_script;
use backprop_viz::state::State;

/// Runs `python3 args…` with `script` on stdin and returns what it printed.
pub fn python(script: &str, args: &[&str]) -> String {
    let mut child = Command::new("python3")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| {
            panic!(
                "python3 could not be started ({e}); install Python 3, or run `cargo xtask test`"
            )
        });
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(script.as_bytes())
        .expect("the script is written");
    let out = child.wait_with_output().expect("python3 finishes");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.contains("No module named 'numpy'"),
        "NumPy is missing: run `python3 -m pip install numpy` or `cargo xtask test`"
    );
    assert!(out.status.success(), "python3 failed:\n{stderr}\n{script}");
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

/// Runs the NumPy export of `state` and returns the JSON it printed.
pub fn run_numpy(state: &State) -> serde_json::Value {
    serde_json::from_str(&python(&numpy_script(state), &["-"])).expect("the script prints JSON")
}
