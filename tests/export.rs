//! The NumPy script rebuilds the exact network: run with Python, it prints the core's numbers,
//! for the seed and for random networks of any shape. The PyTorch script is valid Python with
//! the exact numbers. (Python 3 with NumPy is installed by `cargo xtask test`.)

mod common;

use backprop_viz::export::{numpy_script, pytorch_script};
use backprop_viz::network::activation::Activation::{Relu, Sigmoid, Tanh};
use backprop_viz::network::forward::forward;
use backprop_viz::network::loss::LossFn;
use backprop_viz::presets::xor;
use backprop_viz::state::{Direction, Mode, State};
use backprop_viz::train::objective::objective;
use backprop_viz::train::rule::apply;
use common::python::{python, run_numpy};
use common::{arb, arch, preset};
use proptest::prelude::*;
use serde_json::Value;

/// Every number in a nested JSON array, in order.
fn numbers(v: &Value) -> Vec<f64> {
    match v {
        Value::Array(items) => items.iter().flat_map(numbers).collect(),
        other => other.as_f64().into_iter().collect(),
    }
}

/// Asserts that NumPy's `actual` numbers equal the core's `expected` to `rel` relative, with an
/// absolute floor of `rel·floor` for values that cancel to about 0.
#[track_caller]
fn close_all(actual: &[f64], expected: &[f64], rel: f64, floor: f64, what: &str) {
    assert_eq!(actual.len(), expected.len(), "{what}: how many numbers");
    for (k, (a, e)) in actual.iter().zip(expected).enumerate() {
        assert!(
            (a - e).abs() <= rel * (e.abs() + floor),
            "{what}[{k}]: NumPy {a:e}, core {e:e}"
        );
    }
}

/// Runs the NumPy export of `state` and compares everything it prints with the core: each
/// example's `z`, `h` and `y`, `J`, `∇J` and the parameters after one update on `∇J`.
fn check(state: &State, rel: f64) {
    let py = run_numpy(state);
    let arch = &state.arch;
    let depth = arch.depth();
    let examples = backprop_viz::data::split::split(state).train;
    let forwards: Vec<_> = examples
        .iter()
        .map(|e| forward(arch, &state.params, &e.x, &e.t, state.loss_fn))
        .collect();
    let scale = 1.0 + forwards.iter().map(|f| f.loss).fold(0.0, f64::max);
    for l in 1..=depth {
        let key = if l == depth {
            "y".to_string()
        } else {
            format!("h{l}")
        };
        let z: Vec<f64> = forwards.iter().flat_map(|f| f.z[l].clone()).collect();
        let a: Vec<f64> = forwards.iter().flat_map(|f| f.a[l].clone()).collect();
        close_all(
            &numbers(&py[format!("z{l}")]),
            &z,
            rel,
            scale,
            &format!("z{l}"),
        );
        close_all(&numbers(&py[&key]), &a, rel, scale, &key);
    }
    let objective = objective(state, &state.params);
    close_all(
        &[py["loss"].as_f64().unwrap_or(f64::NAN)],
        &[objective.loss],
        rel,
        0.0,
        "J",
    );
    let keyed = |group: &str| -> Vec<f64> {
        (1..=depth)
            .flat_map(|l| {
                let mut v = numbers(&py[group][format!("w{l}")]);
                v.extend(numbers(&py[group][format!("b{l}")]));
                v
            })
            .collect()
    };
    // The flat order is w1 row by row, b1, w2 row by row, b2, …: the script's order too.
    close_all(&keyed("grad"), &objective.grads, rel, scale, "∂J/∂p");
    let next = apply(state, &state.params, &objective.grads);
    close_all(&keyed("next"), &next, rel, scale, "next");
}

#[test]
fn numpy_reproduces_the_seed() {
    check(&State::seed(), 1e-12);
}

#[test]
fn numpy_follows_the_half_convention_and_ascent() {
    check(
        &State {
            loss_fn: LossFn::HalfSquared,
            direction: Direction::Ascent,
            ..State::seed()
        },
        1e-12,
    );
}

#[test]
fn numpy_reproduces_the_xor_batch() {
    let state = xor();
    check(&state, 1e-12);
    let py = run_numpy(&state);
    let batch = common::evaluated(&state).batch.expect("samples");
    assert!((py["loss"].as_f64().unwrap_or(f64::NAN) - batch.loss).abs() <= 1e-12 * batch.loss);
    assert_eq!(numbers(&py["y"]).len(), 4, "one row per sample");
}

#[test]
fn numpy_leaves_the_test_split_out_and_adds_l2() {
    let samples: Vec<_> = (0..12)
        .map(|k| backprop_viz::state::Sample {
            x: vec![f64::from(k) / 12.0, 1.0 - f64::from(k) / 7.0],
            t: vec![f64::from(k % 2)],
        })
        .collect();
    let state = State {
        example: samples[0].clone(),
        samples,
        test_fraction: 0.25,
        l2: 0.2,
        lr: 0.7,
        ..State::seed()
    };
    check(&state, 1e-12);
    assert_eq!(
        numbers(&run_numpy(&state)["y"]).len(),
        9,
        "the 3 held-out samples are left out"
    );
    parses(&backprop_viz::export::pytorch_script(&state));
}

#[test]
fn numpy_reproduces_every_preset() {
    for p in backprop_viz::presets::presets() {
        check(&p.state, 1e-11);
    }
}

#[test]
fn numpy_follows_cross_entropy_and_frozen_biases() {
    let state = State {
        arch: arch(&[2, 3, 2, 1], &[Tanh, Relu, Sigmoid]),
        params: (0..9 + 8 + 3)
            .map(|k| ((k * 5 % 13) as f64 - 6.0) / 7.0)
            .collect(),
        loss_fn: LossFn::CrossEntropy,
        train_biases: false,
        samples: backprop_viz::presets::xor_samples(),
        mode: Mode::PerSample,
        ..State::seed()
    };
    check(&state, 1e-12);
    let py = run_numpy(&state);
    for l in 1..=3 {
        let b = state.arch.biases(&state.params, l).to_vec();
        assert_eq!(
            numbers(&py["next"][format!("b{l}")]),
            b,
            "b{l} is not trained"
        );
    }
    assert!(numpy_script(&state).contains("biases are not trained"));
}

proptest! {
    #![proptest_config(common::arb::cases(24))]

    #[test]
    fn numpy_reproduces_any_network(state in arb::states()) {
        // NumPy sums in its own order, so deep networks agree to rounding, not bit for bit.
        check(&state, 1e-9);
    }
}

/// Asserts that `script` is valid Python.
fn parses(script: &str) {
    python(
        script,
        &[
            "-c",
            "import ast, sys; compile(ast.parse(sys.stdin.read()), 'export.py', 'exec')",
        ],
    );
}

#[test]
fn the_pytorch_script_is_valid_python_with_the_exact_numbers() {
    let script = pytorch_script(&State::seed());
    parses(&script);
    for needle in [
        "W = [torch.tensor([[0.2, 0.4], [0.1, 0.3]]), torch.tensor([[0.5], [0.6]])]",
        "B = [torch.tensor([0.1, 0.2]), torch.tensor([0.1])]",
        "X = torch.tensor([[0.5, 0.3]])",
        "T = torch.tensor([[0.7]])",
        "ACT = [\"sigmoid\", \"sigmoid\"]",
        "lr = 0.1",
        "J = torch.mean(torch.sum((Y - T) ** 2, dim=1))",
        "J.backward()",
        "W_next = [W[l] - lr * W[l].grad for l in range(L)]",
        "B_next = [B[l] - lr * B[l].grad for l in range(L)]",
    ] {
        assert!(script.contains(needle), "missing {needle:?} in\n{script}");
    }
}

#[test]
fn the_pytorch_script_follows_the_network_and_its_options() {
    let state = State {
        loss_fn: LossFn::CrossEntropy,
        train_biases: false,
        direction: Direction::Ascent,
        ..preset("xor-tanh")
    };
    let script = pytorch_script(&state);
    parses(&script);
    for needle in [
        "a 2-3-1 network (tanh, sigmoid)",
        "ACT = [\"tanh\", \"sigmoid\"]",
        "X = torch.tensor([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])",
        "n = 4",
        "binary_cross_entropy_with_logits(Z, T, reduction=\"none\")",
        "W_next = [W[l] + lr * W[l].grad for l in range(L)]",
        "biases are not trained",
    ] {
        assert!(script.contains(needle), "missing {needle:?} in\n{script}");
    }
}

proptest! {
    #![proptest_config(common::arb::cases(16))]

    #[test]
    fn the_pytorch_script_of_any_network_is_valid_python(state in arb::states()) {
        let script = pytorch_script(&state);
        parses(&script);
        let widths: Vec<String> = state.arch.widths().iter().map(usize::to_string).collect();
        let shape = format!("a {} network", widths.join("-"));
        prop_assert!(script.contains(&shape), "{}", shape);
        prop_assert_eq!(script.matches("torch.tensor(").count(), 2 + 2 * state.arch.depth());
    }
}
