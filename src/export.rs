//! Scripts that rebuild the current network in NumPy or PyTorch and print the same forward
//! values and gradients as the core, so a learner can check the tool against a library they
//! trust.
//!
//! Numbers are written in Rust's shortest round-trip form, so Python reads back the exact
//! `f64` values. The examples are rows of `X` and `T`: the samples, or the one shown example.

use std::fmt::Write;

use crate::data::split::split;
use crate::network::loss::LossFn;
use crate::num::PyNum;
use crate::state::{rows, Direction, Mode, State, UpdateOrder};

/// A NumPy script printing, as JSON: `z1 … zL`, `h1 … h(L−1)`, `y` (one row per example),
/// `loss` (`J`), `grad` (`∂J/∂p`) and `next` (the parameters after one update on that gradient).
pub fn numpy_script(state: &State) -> String {
    let mut s = header(state, "import json\n\nimport numpy as np\n");
    s.push_str(
        r#"
def act(name, z):
    return {"sigmoid": lambda: 1 / (1 + np.exp(-z)), "tanh": lambda: np.tanh(z),
            "relu": lambda: np.maximum(z, 0), "linear": lambda: z}[name]()

def act_prime(name, z, a):  # each activation's derivative, from z and a = f(z)
    return {"sigmoid": lambda: a * (1 - a), "tanh": lambda: 1 - a ** 2,
            "relu": lambda: (z > 0).astype(float), "linear": lambda: np.ones_like(z)}[name]()

"#,
    );
    write_data(&mut s, state, "np.array");
    let (loss, d_out) = match state.loss_fn {
        LossFn::Squared => ("(Y - T) ** 2", "dA = 2 * (Y - T) / n"),
        LossFn::HalfSquared => ("0.5 * (Y - T) ** 2", "dA = (Y - T) / n"),
        LossFn::CrossEntropy => (
            "np.maximum(Z[-1], 0) - T * Z[-1] + np.log1p(np.exp(-np.abs(Z[-1])))",
            "dA = None  # cross-entropy: delta_out = (y - t) / n directly",
        ),
    };
    let ce = state.loss_fn == LossFn::CrossEntropy;
    let _ = write!(
        s,
        r#"
# Forward pass, one row per example
Z, A = [], [X]
for w, b, f in zip(W, B, ACT):
    Z.append(A[-1] @ w + b)
    A.append(act(f, Z[-1]))
Y = A[-1]
J = np.mean(np.sum({loss}, axis=1))  # the mean loss over the examples{penalty}

# Backward pass: the chain rule, from the loss back to every parameter, one layer at a time
L = len(W)
gW, gB = [None] * L, [None] * L
{d_out}
for l in reversed(range(L)):
    if l == L - 1 and {ce}:
        dZ = (Y - T) / n
    else:
        dZ = dA * act_prime(ACT[l], Z[l], A[l + 1])  # delta of layer l + 1
    gW[l] = A[l].T @ dZ
    gB[l] = dZ.sum(axis=0)
    dA = dZ @ W[l].T

# One update, all gradients taken at the old parameters
{update}
out = {{"loss": float(J), "grad": {{}}, "next": {{}}}}
for l in range(L):
    out["z%d" % (l + 1)] = Z[l].tolist()
    out["y" if l == L - 1 else "h%d" % (l + 1)] = A[l + 1].tolist()
    out["grad"]["w%d" % (l + 1)] = gW[l].tolist()
    out["grad"]["b%d" % (l + 1)] = gB[l].tolist()
    out["next"]["w%d" % (l + 1)] = W_next[l].tolist()
    out["next"]["b%d" % (l + 1)] = B_next[l].tolist()
print(json.dumps(out))
"#,
        ce = if ce { "True" } else { "False" },
        penalty = penalty_line(state, "np.sum", "J"),
        update = update_lines(state, "gW[l]", "gB[l]"),
    );
    s
}

/// A PyTorch script that lets autograd compute the same gradients and prints them.
pub fn pytorch_script(state: &State) -> String {
    let mut s = header(state, "import torch\n");
    s.push_str("\ntorch.set_default_dtype(torch.float64)\n\n");
    s.push_str(
        r#"ACTS = {"sigmoid": torch.sigmoid, "tanh": torch.tanh, "relu": torch.relu, "linear": lambda z: z}
"#,
    );
    write_data(&mut s, state, "torch.tensor");
    let loss = match state.loss_fn {
        LossFn::Squared => "(Y - T) ** 2",
        LossFn::HalfSquared => "0.5 * (Y - T) ** 2",
        LossFn::CrossEntropy => {
            "torch.nn.functional.binary_cross_entropy_with_logits(Z, T, reduction=\"none\")"
        }
    };
    let _ = write!(
        s,
        r#"for p in W + B:
    p.requires_grad_(True)

# Forward pass, one row per example; autograd records every operation
A = X
for w, b, f in zip(W, B, ACT):
    Z = A @ w + b
    A = ACTS[f](Z)
Y = A
J = torch.mean(torch.sum({loss}, dim=1))  # the mean loss over the examples

# Backward pass: autograd applies the chain rule
J.backward(){penalty}

print("y =", Y.tolist())
print("loss =", J.item())
for l, (w, b) in enumerate(zip(W, B), start=1):
    print(f"dJ/dw{{l}} =", w.grad.tolist())
    print(f"dJ/db{{l}} =", b.grad.tolist())

# One update, all gradients taken at the old parameters
with torch.no_grad():
    L = len(W)
{update}
print("next w1 =", W_next[0].tolist())
"#,
        penalty = penalty_line(state, "torch.sum", "J.detach()"),
        update = indent(&update_lines(state, "W[l].grad", "B[l].grad")),
    );
    s
}

fn header(state: &State, imports: &str) -> String {
    let loss = match state.loss_fn {
        LossFn::Squared => "E = (y - t)^2",
        LossFn::HalfSquared => "E = 1/2 (y - t)^2",
        LossFn::CrossEntropy => "E = -[t ln y + (1 - t) ln(1 - y)]",
    };
    let train = split(state).train.len();
    let held = state.samples.len().saturating_sub(train);
    let over = if held > 0 {
        format!("the mean over {train} training samples ({held} held out for testing are left out)")
    } else {
        format!("the mean over {train} samples")
    };
    let l2 = if state.l2 > 0.0 {
        " + 1/2 lam sum(w^2) over the weights"
    } else {
        ""
    };
    let data = match (state.samples.len(), state.mode) {
        (0, _) => format!("one example{l2}"),
        (_, Mode::Batch) => format!("{over}{l2}"),
        (_, Mode::PerSample) => format!(
            "{over}{l2}.\n# (The page updates one sample at a time; this script takes one batch step)"
        ),
        (_, Mode::MiniBatch) => format!(
            "{over}{l2}.\n# (The page updates on shuffled mini-batches; this script takes one batch step)"
        ),
    };
    let order = match state.update_order {
        UpdateOrder::Simultaneous => "",
        UpdateOrder::OutputFirst => "\n# (The page uses update_order output_first, Mazur's earlier bug; this script updates\n# simultaneously, every gradient at the old weights, as it should)",
    };
    let shape: Vec<String> = state.arch.widths().iter().map(usize::to_string).collect();
    let acts: Vec<&str> = state.arch.activations().iter().map(|a| a.name()).collect();
    format!(
        "# backprop-viz: a {} network ({}), {loss} summed over the outputs, J = {data}.{order}\n# W[l][i][j] is the weight from neuron i of layer l to neuron j of layer l + 1 (layer 0 is x).\n{imports}",
        shape.join("-"),
        acts.join(", "),
    )
}

fn write_data(s: &mut String, state: &State, array: &str) {
    let examples = split(state).train;
    let xs: Vec<String> = examples.iter().map(|e| list(&e.x)).collect();
    let ts: Vec<String> = examples.iter().map(|e| list(&e.t)).collect();
    let arch = &state.arch;
    let ws: Vec<String> = (1..=arch.depth())
        .map(|l| {
            let r: Vec<String> = rows(arch, &state.params, l)
                .iter()
                .map(|r| list(r))
                .collect();
            format!("{array}([{}])", r.join(", "))
        })
        .collect();
    let bs: Vec<String> = (1..=arch.depth())
        .map(|l| format!("{array}({})", list(arch.biases(&state.params, l))))
        .collect();
    let acts: Vec<String> = arch
        .activations()
        .iter()
        .map(|a| format!("{:?}", a.name()))
        .collect();
    // Writing to a String cannot fail.
    let _ = write!(
        s,
        "X = {array}([{}])\nT = {array}([{}])\nn = {}\n\nW = [{}]\nB = [{}]\nACT = [{}]\nlr = {}\n{}",
        xs.join(", "),
        ts.join(", "),
        examples.len(),
        ws.join(", "),
        bs.join(", "),
        acts.join(", "),
        PyNum(state.lr),
        if state.l2 > 0.0 {
            format!("lam = {}  # L2 regularisation\n", PyNum(state.l2))
        } else {
            String::new()
        },
    );
}

fn list(values: &[f64]) -> String {
    let items: Vec<String> = values.iter().map(|&v| PyNum(v).to_string()).collect();
    format!("[{}]", items.join(", "))
}

fn update_lines(state: &State, w_grad: &str, b_grad: &str) -> String {
    let sign = match state.direction {
        Direction::Descent => "-",
        Direction::Ascent => "+",
    };
    let note = match state.direction {
        Direction::Descent => "",
        Direction::Ascent => "  # ascent, like the seed notebook's +=; subtract to descend",
    };
    let bias = if state.train_biases {
        format!("[B[l] {sign} lr * {b_grad} for l in range(L)]")
    } else {
        "[B[l] + 0 for l in range(L)]  # biases are not trained".to_string()
    };
    let w_grad = if state.l2 > 0.0 {
        format!("({w_grad} + lam * W[l])")
    } else {
        w_grad.to_string()
    };
    format!("W_next = [W[l] {sign} lr * {w_grad} for l in range(L)]{note}\nB_next = {bias}")
}

/// With L2, the line that adds `½λ·Σw²` to `J` (`j`), after the data's gradients: the update
/// joins them with the penalty's own `λw`. Nothing without L2.
fn penalty_line(state: &State, sum: &str, j: &str) -> String {
    if state.l2 > 0.0 {
        format!(
            "\nJ = {j} + 0.5 * lam * sum({sum}(w ** 2) for w in W)  # L2: weights only, not biases"
        )
    } else {
        String::new()
    }
}

fn indent(lines: &str) -> String {
    lines.lines().map(|l| format!("    {l}\n")).collect()
}
