//! Scripts that rebuild the current network in NumPy or PyTorch and print the same forward
//! values and gradients as the core, so a learner can check the tool against a library they
//! trust.
//!
//! Numbers are written in Rust's shortest round-trip form, so Python reads back the exact
//! `f64` values. The examples are rows of `X` and `T`: the samples, or the one shown example.

use std::fmt::Write;

use crate::loss::LossFn;
use crate::state::{to_row, to_rows, Direction, Mode, State};

/// A NumPy script printing, as JSON: `z1`, `h`, `z2`, `y` (one row per example), `loss` (`J`),
/// `grad` (`∂J/∂p`) and `next` (the parameters after one update on that gradient).
pub fn numpy_script(state: &State) -> String {
    let mut s = header(state, "import json\n\nimport numpy as np\n");
    s.push_str("\ndef sigmoid(z):\n    return 1 / (1 + np.exp(-z))\n\n");
    write_data(&mut s, state, "np.array");
    s.push_str(&format!(
        r#"
# Forward pass, one row per example
Z1 = X @ w1 + b1
H = sigmoid(Z1)
Z2 = H @ w2 + b2
Y = sigmoid(Z2)
J = np.mean(np.sum({scale}(Y - T) ** 2, axis=1))  # the mean loss over the examples

# Backward pass: the chain rule, from the loss back to every parameter
dJ_dY = {dscale}(Y - T) / n
dJ_dZ2 = dJ_dY * Y * (1 - Y)  # delta_out: sigma'(z2) = y(1 - y)
dJ_dw2 = H.T @ dJ_dZ2
dJ_db2 = dJ_dZ2.sum(axis=0)
dJ_dH = dJ_dZ2 @ w2.T
dJ_dZ1 = dJ_dH * H * (1 - H)  # delta_hidden: sigma'(z1) = h(1 - h)
dJ_dw1 = X.T @ dJ_dZ1
dJ_db1 = dJ_dZ1.sum(axis=0)

# One update, all gradients taken at the old parameters
{update}
print(json.dumps({{
    "z1": Z1.tolist(), "h": H.tolist(), "z2": Z2.tolist(), "y": Y.tolist(), "loss": float(J),
    "grad": {{"w1": dJ_dw1.tolist(), "b1": dJ_db1.tolist(), "w2": dJ_dw2.tolist(), "b2": dJ_db2.tolist()}},
    "next": {{"w1": w1_next.tolist(), "b1": b1_next.tolist(), "w2": w2_next.tolist(), "b2": b2_next.tolist()}},
}}))
"#,
        scale = loss_scale(state.loss_fn),
        dscale = grad_scale(state.loss_fn),
        update = update_lines(state.direction, |p| format!("dJ_d{p}")),
    ));
    s
}

/// A PyTorch script that lets autograd compute the same gradients and prints them.
pub fn pytorch_script(state: &State) -> String {
    let mut s = header(state, "import torch\n");
    s.push_str("\ntorch.set_default_dtype(torch.float64)\n\n");
    write_data(&mut s, state, "torch.tensor");
    s.push_str(&format!(
        r#"for p in (w1, b1, w2, b2):
    p.requires_grad_(True)

# Forward pass, one row per example; autograd records every operation
H = torch.sigmoid(X @ w1 + b1)
Y = torch.sigmoid(H @ w2 + b2)
J = torch.mean(torch.sum({scale}(Y - T) ** 2, dim=1))  # the mean loss over the examples

# Backward pass: autograd applies the chain rule
J.backward()

print("h =", H.tolist())
print("y =", Y.tolist())
print("loss =", J.item())
for name, p in (("w1", w1), ("b1", b1), ("w2", w2), ("b2", b2)):
    print(f"dJ/d{{name}} =", p.grad.tolist())

# One update, all gradients taken at the old parameters
with torch.no_grad():
{update}
print("next w1 =", w1_next.tolist())
"#,
        scale = loss_scale(state.loss_fn),
        update = indent(&update_lines(state.direction, |p| format!("{p}.grad"))),
    ));
    s
}

fn header(state: &State, imports: &str) -> String {
    let loss = match state.loss_fn {
        LossFn::Squared => "E = (y - t)^2",
        LossFn::HalfSquared => "E = 1/2 (y - t)^2",
    };
    let data = match (state.samples.len(), state.mode) {
        (0, _) => "one example".to_string(),
        (n, Mode::Batch) => format!("the mean over {n} samples"),
        (n, Mode::PerSample) => format!(
            "the mean over {n} samples.\n# (The page updates one sample at a time; this script takes one batch step)"
        ),
    };
    format!(
        "# backprop-viz: a 2-2-1 sigmoid network, {loss}, J = {data}.\n# w1[i][j] is the weight from input i to hidden neuron j.\n{imports}"
    )
}

fn write_data(s: &mut String, state: &State, array: &str) {
    let examples = state.examples();
    let xs: Vec<String> = examples.iter().map(|e| list(&to_row(&e.x))).collect();
    let ts: Vec<String> = examples.iter().map(|e| list(&to_row(&e.t))).collect();
    let p = &state.params;
    let rows = |r: &[[f64; 2]]| {
        format!(
            "[{}]",
            r.iter().map(|x| list(x)).collect::<Vec<_>>().join(", ")
        )
    };
    let col = |r: &[[f64; 1]; 2]| {
        format!(
            "[{}]",
            r.iter().map(|x| list(x)).collect::<Vec<_>>().join(", ")
        )
    };
    // Writing to a String cannot fail.
    let _ = write!(
        s,
        "X = {array}([{}])\nT = {array}([{}])\nn = {}\n\nw1 = {array}({})\nb1 = {array}({})\nw2 = {array}({})\nb2 = {array}({})\nlr = {:?}\n",
        xs.join(", "),
        ts.join(", "),
        examples.len(),
        rows(&to_rows(&p.w1)),
        list(&to_row(&p.b1)),
        col(&to_rows(&p.w2)),
        list(&to_row(&p.b2)),
        state.lr,
    );
}

fn list(values: &[f64]) -> String {
    let items: Vec<String> = values.iter().map(|v| format!("{v:?}")).collect();
    format!("[{}]", items.join(", "))
}

fn loss_scale(loss_fn: LossFn) -> &'static str {
    match loss_fn {
        LossFn::Squared => "",
        LossFn::HalfSquared => "0.5 * ",
    }
}

fn grad_scale(loss_fn: LossFn) -> &'static str {
    match loss_fn {
        LossFn::Squared => "2 * ",
        LossFn::HalfSquared => "",
    }
}

fn update_lines(direction: Direction, grad: impl Fn(&str) -> String) -> String {
    ["w1", "b1", "w2", "b2"]
        .iter()
        .map(|p| match direction {
            Direction::Descent => format!("{p}_next = {p} - lr * {}", grad(p)),
            Direction::Ascent => format!(
                "{p}_next = {p} + lr * {}  # ascent, like the seed notebook's +=; subtract to descend",
                grad(p)
            ),
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn indent(lines: &str) -> String {
    lines.lines().map(|l| format!("    {l}\n")).collect()
}
