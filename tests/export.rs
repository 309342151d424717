//! The NumPy script rebuilds the exact network: run with Python, it prints the core's numbers.
//! (Python 3 with NumPy is installed by `cargo xtask test`.)

use std::io::Write;
use std::process::{Command, Stdio};

use backprop_viz::evaluate::evaluate;
use backprop_viz::export::{numpy_script, pytorch_script};
use backprop_viz::loss::LossFn;
use backprop_viz::objective::objective;
use backprop_viz::presets::xor;
use backprop_viz::state::{Direction, State};
use serde_json::Value;

/// Runs `python3` on `script` and returns what it printed.
fn python(script: &str, args: &[&str]) -> String {
    let mut child = Command::new("python3")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python3 runs");
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(script.as_bytes())
        .expect("the script is written");
    let out = child.wait_with_output().expect("python3 finishes");
    assert!(
        out.status.success(),
        "python3 failed:\n{}\n{script}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

fn run_numpy(state: &State) -> Value {
    serde_json::from_str(&python(&numpy_script(state), &["-"])).expect("the script prints JSON")
}

/// Every number in a nested JSON array, in order.
fn numbers(v: &Value) -> Vec<f64> {
    match v {
        Value::Array(items) => items.iter().flat_map(numbers).collect(),
        other => other.as_f64().into_iter().collect(),
    }
}

#[track_caller]
fn close(actual: &Value, expected: f64, what: &str) {
    let actual = actual
        .as_f64()
        .unwrap_or_else(|| panic!("{what} is not a number: {actual}"));
    let tolerance = 1e-12 * expected.abs().max(1e-300);
    assert!(
        (actual - expected).abs() <= tolerance,
        "{what}: NumPy {actual:e}, core {expected:e}"
    );
}

fn check_single_example(state: &State) {
    let py = run_numpy(state);
    let core = evaluate(state).expect("finite");
    for j in 0..2 {
        close(&py["z1"][0][j], core.z1[j], "z1");
        close(&py["h"][0][j], core.h[j], "h");
        close(&py["grad"]["b1"][j], core.grad.params.b1[j], "∂E/∂b1");
        close(&py["grad"]["w2"][j][0], core.grad.params.w2[j][0], "∂E/∂w2");
        close(
            &py["next"]["w2"][j][0],
            core.next.params.w2[j][0],
            "next w2",
        );
        for i in 0..2 {
            close(&py["grad"]["w1"][i][j], core.grad.params.w1[i][j], "∂E/∂w1");
            close(
                &py["next"]["w1"][i][j],
                core.next.params.w1[i][j],
                "next w1",
            );
        }
    }
    close(&py["y"][0][0], core.y[0], "y");
    close(&py["loss"], core.loss, "E");
    close(&py["grad"]["b2"][0], core.grad.params.b2[0], "∂E/∂b2");
}

#[test]
fn numpy_reproduces_the_seed() {
    check_single_example(&State::seed());
}

#[test]
fn numpy_follows_the_half_convention_and_ascent() {
    check_single_example(&State {
        loss_fn: LossFn::HalfSquared,
        direction: Direction::Ascent,
        ..State::seed()
    });
}

#[test]
fn numpy_reproduces_the_xor_batch() {
    let state = xor();
    let py = run_numpy(&state);
    let batch = evaluate(&state).expect("finite").batch.expect("samples");
    close(&py["loss"], batch.loss, "J");
    let grads = objective(&state, &state.params).grads.to_array();
    let py_grads: Vec<f64> = ["w1", "b1", "w2", "b2"]
        .iter()
        .flat_map(|name| numbers(&py["grad"][name]))
        .collect();
    assert_eq!(py_grads.len(), 9);
    for (k, (p, g)) in py_grads.iter().zip(grads).enumerate() {
        close(&Value::from(*p), g, &format!("∂J/∂p[{k}]"));
    }
    for (k, sample) in batch.samples.iter().enumerate() {
        close(&py["y"][k][0], sample.y[0], "sample y");
    }
}

#[test]
fn the_pytorch_script_is_valid_python_with_the_exact_numbers() {
    let script = pytorch_script(&State::seed());
    python(
        &script,
        &["-c", "import ast, sys; ast.parse(sys.stdin.read())"],
    );
    for needle in [
        "w1 = torch.tensor([[0.2, 0.4], [0.1, 0.3]])",
        "X = torch.tensor([[0.5, 0.3]])",
        "J.backward()",
        "w1_next = w1 - lr * w1.grad",
    ] {
        assert!(script.contains(needle), "missing {needle:?} in\n{script}");
    }
}
