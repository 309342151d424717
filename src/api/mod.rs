//! The WebAssembly API: the only module that knows about `wasm_bindgen`.
//!
//! Every function takes plain JavaScript values, validates them in the core and returns plain
//! objects and arrays (never `Map`s), built by [`wire`]: a result's numbers cross as one
//! `Float64Array` and its shape once; arguments cross the same way ([`from_js`]). Every failure
//! is a thrown JavaScript `Error` (made by wire.js, which writes the numbers in its message)
//! whose message names the field; nothing here panics.

mod from_js;
mod states;
mod wire;

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::error::Error;
use crate::evaluate::{pass, pass_of, Pass};
use crate::json::Value;
use crate::parse::{parse_arch, parse_number, parse_plane, parse_seed, parse_steps, parse_window};
use crate::state::State;
use wire::to_js;

/// The seed notebook's state: `x = [0.5, 0.3]`, `t = [0.7]`, its weights and `lr = 0.1`.
#[wasm_bindgen(js_name = defaultState)]
pub fn default_state() -> Result<JsValue, JsValue> {
    to_js(&State::seed())
}

/// `state` checked and written back in its canonical form (options at their defaults left out),
/// for loading a file or a link; throws the same Errors as `evaluate` for an invalid state.
#[wasm_bindgen(js_name = validateState)]
pub fn validate_state(state: JsValue) -> Result<JsValue, JsValue> {
    let state = read_state(state)?;
    pass(&state).map_err(to_error)?;
    to_js(&state)
}

/// `{ z1 … zL, h1 … h(L−1), y, loss, grad: { y, z…, h…, w1, b1, … }, next, slope, dead }`.
#[wasm_bindgen]
pub fn evaluate(state: JsValue) -> Result<JsValue, JsValue> {
    to_js(&pass_of(read_state(state)?).map_err(to_error)?)
}

/// `{ evaluation, stages, dataset }`: one pass's values, gradients and tape in one call, and
/// the state's `dataset` as the core kept it: `null` once the samples are no longer its points.
/// With `tape` false the tape (and its formulas' prose) is left out, for frames that do not show
/// it (training); `stages` gives it later.
#[wasm_bindgen]
pub fn snapshot(state: JsValue, tape: Option<bool>) -> Result<JsValue, JsValue> {
    let pass = pass_of(read_state(state)?).map_err(to_error)?;
    to_js(&SnapshotJson {
        stages: tape.unwrap_or(true).then(|| crate::stages::stages(&pass)),
        evaluation: &pass,
        dataset: pass.state.dataset,
    })
}

/// The network `state` describes: its nodes, edges, parameters (symbols, hints, slider
/// ranges), parameter groups, the weights in the core's order and the stage list.
#[wasm_bindgen]
pub fn describe(state: JsValue) -> Result<JsValue, JsValue> {
    let state = read_state(state)?;
    to_js(&crate::describe::describe(&state.arch))
}

/// `state` with another architecture, `{ widths: [2, 3, 1], activations: ["tanh", "sigmoid"] }`:
/// weights that still exist keep their values, new ones are drawn from `init_seed`.
#[wasm_bindgen]
pub fn reshape(state: JsValue, arch: JsValue) -> Result<JsValue, JsValue> {
    let state = read_state(state)?;
    let arch = parse_arch(&read(arch, "arch")?).map_err(to_error)?;
    let next = crate::reshape::reshape(&state, arch).map_err(to_error)?;
    pass(&next).map_err(to_error)?;
    to_js(&next)
}

/// `state` with every weight drawn anew from `seed` (a whole number), which becomes its
/// `init_seed`.
#[wasm_bindgen]
pub fn reinitialize(state: JsValue, seed: JsValue) -> Result<JsValue, JsValue> {
    let state = read_state(state)?;
    let seed = parse_seed(&read(seed, "seed")?).map_err(to_error)?;
    let next = crate::reshape::reinitialize(&state, seed);
    pass(&next).map_err(to_error)?;
    to_js(&next)
}

/// The state after `steps` descent steps (a whole number from 0 to 1 000 000).
#[wasm_bindgen]
pub fn train(state: JsValue, steps: JsValue) -> Result<JsValue, JsValue> {
    let state = read_state(state)?;
    let steps = parse_steps(&read(steps, "steps")?).map_err(to_error)?;
    to_js(&crate::train::update::train(&state, steps).map_err(to_error)?)
}

/// The stages of one pass at `state`, in order, with their formulas and numbers.
#[wasm_bindgen]
pub fn stages(state: JsValue) -> Result<JsValue, JsValue> {
    to_js(&crate::stages::stages(
        &pass_of(read_state(state)?).map_err(to_error)?,
    ))
}

/// `{ state, steps, losses, loss, test_losses?, test_loss?, evaluation?, error? }`: up to `steps` training
/// steps, stopping early once the training loss `J` is at or below `stopBelow` (pass
/// `undefined` for no target). `losses[k]` is `J` before step `k`; `loss` is `J` after the last;
/// with a test split, `test_losses[k]` and `test_loss` are the held-out samples' mean loss;
/// `evaluation` is the pass at `state` (as `evaluate` gives it) after a run that took steps and did
/// not overflow. When a step would overflow,
/// the run stops there: `state` is the last good state, `steps` the steps completed, and
/// `error` is `{ field, message }`.
#[wasm_bindgen(js_name = trainRun)]
pub fn train_run(state: JsValue, steps: JsValue, stop_below: JsValue) -> Result<JsValue, JsValue> {
    let state = read_state(state)?;
    let steps = parse_steps(&read(steps, "steps")?).map_err(to_error)?;
    let stop_below = if stop_below.is_undefined() || stop_below.is_null() {
        None
    } else {
        Some(parse_number(&read(stop_below, "stopBelow")?, "stopBelow").map_err(to_error)?)
    };
    let run = crate::train::update::train_run(&state, steps, stop_below);
    to_js(&TrainRunJson {
        state: &run.state,
        steps: run.steps,
        losses: &run.losses,
        loss: run.loss,
        test_losses: &run.test_losses,
        test_loss: run.test_loss,
        evaluation: run.evaluation.as_ref(),
        error: run.error.as_ref().map(|e| ErrorJson {
            field: &e.field,
            message: &e.message,
        }),
    })
}

/// For every weight and bias: `{ name, analytic, numeric, relative_error }`, the analytic
/// `∂J/∂p` beside the central difference `(J(p + ε) − J(p − ε)) / 2ε`.
#[wasm_bindgen(js_name = finiteDifferences)]
pub fn finite_differences(state: JsValue, eps: JsValue) -> Result<JsValue, JsValue> {
    let state = read_state(state)?;
    let eps = parse_number(&read(eps, "eps")?, "eps").map_err(to_error)?;
    to_js(&crate::gradcheck::compare(&state, eps).map_err(to_error)?)
}

/// `J` over a grid of two parameters:
/// `window = { a: "w2.0.0", b: "w2.1.0", a_range: [lo, hi], b_range: [lo, hi], resolution }`.
#[wasm_bindgen]
pub fn landscape(state: JsValue, window: JsValue) -> Result<JsValue, JsValue> {
    let state = read_state(state)?;
    let window = parse_window(&read(window, "window")?, &state.arch).map_err(to_error)?;
    to_js(&crate::landscape::landscape(&state, &window).map_err(to_error)?)
}

/// Every hidden and output neuron's activation over the input plane, as one `Float64Array`:
/// `window = { across: 0, up: 1, across_range: [lo, hi], up_range: [lo, hi], resolution }`
/// (`up` and `up_range` left out for a 1-input network's curve); the other inputs stay at the
/// state's `x`. Neuron after neuron in layer order, each `resolution²` values (row-major, the
/// bottom row first; `resolution` for a curve), then each neuron's lowest value, then its highest.
#[wasm_bindgen]
pub fn plane(state: JsValue, window: JsValue) -> Result<Vec<f64>, JsValue> {
    let state = read_state(state)?;
    let window = parse_plane(&read(window, "window")?, &state.arch).map_err(to_error)?;
    crate::plane::plane(&state, &window).map_err(to_error)
}

/// The stages' `{ id, index, title }` for `state`'s network, without computing a pass.
#[wasm_bindgen(js_name = stageList)]
pub fn stage_list(state: JsValue) -> Result<JsValue, JsValue> {
    let state = read_state(state)?;
    to_js(&crate::stages::stage_list(&state.arch))
}

/// One neuron's computational graph at `state` (`node`: `"h1.0"`, `"y.0"`): for each input
/// `aᵢ, wᵢⱼ, wᵢⱼ·aᵢ, ∂E/∂wᵢⱼ, wᵢⱼ·δⱼ`, then `Σ, b, z, a, ∂E/∂a, δ, f′(z)` (see `neuron_graph`).
#[wasm_bindgen(js_name = neuronGraph)]
pub fn neuron_graph(state: JsValue, node: JsValue) -> Result<Vec<f64>, JsValue> {
    let state = read_state(state)?;
    let node = node
        .as_string()
        .ok_or_else(|| wire::error("node must be a neuron's name such as h1.0"))?;
    let pass = pass_of(state).map_err(to_error)?;
    crate::neuron_graph::neuron_graph(&pass, &node).map_err(to_error)
}

/// `state` trained on the points of dataset `spec`, `{ name, size, noise, seed }` (names:
/// xor, xor_clouds, circle, blobs, spirals, sine): its samples become those points, the shown
/// example the first of them, and its `dataset` the spec. Throws when the dataset does not fit
/// the network's inputs and outputs.
#[wasm_bindgen(js_name = generateDataset)]
pub fn generate_dataset(state: JsValue, spec: JsValue) -> Result<JsValue, JsValue> {
    let state = read_state(state)?;
    let spec = crate::parse::parse_spec(&read(spec, "spec")?, "spec").map_err(to_error)?;
    let next = crate::data::datasets::with_dataset(&state, spec).map_err(to_error)?;
    pass(&next).map_err(to_error)?;
    to_js(&next)
}

/// The ready-made states: `[{ id, title, note, state }]`, `seed` first.
#[wasm_bindgen]
pub fn presets() -> Result<JsValue, JsValue> {
    to_js(&crate::presets::presets())
}

/// A NumPy script that rebuilds this network and prints its forward values and gradients.
#[wasm_bindgen(js_name = numpyScript)]
pub fn numpy_script(state: JsValue) -> Result<JsValue, JsValue> {
    Ok(wire::text(&crate::export::numpy_script(&read_state(
        state,
    )?)))
}

/// A PyTorch script that rebuilds this network and lets autograd compute the gradients.
#[wasm_bindgen(js_name = pytorchScript)]
pub fn pytorch_script(state: JsValue) -> Result<JsValue, JsValue> {
    Ok(wire::text(&crate::export::pytorch_script(&read_state(
        state,
    )?)))
}

/// Practice mode's questions as a `Float64Array`: the tolerance, the number of stages, then per
/// stage its number of formulas and per formula the value asked for, the number of mistakes that
/// apply and each one's code (its position in `mistakeKinds()`) and the value it gives.
#[wasm_bindgen]
pub fn practice(state: JsValue) -> Result<Vec<f64>, JsValue> {
    Ok(crate::practice::practice(&pass_of(read_state(state)?).map_err(to_error)?).flat())
}

/// The names of the mistakes practice mode tells apart, comma-separated, in the order of their
/// codes: `sign,slope_from_z,…`.
#[wasm_bindgen(js_name = mistakeKinds)]
pub fn mistake_kinds() -> String {
    let names: Vec<&str> = crate::practice::MistakeKind::ALL
        .iter()
        .map(|(_, name)| *name)
        .collect();
    names.join(",")
}

/// A fresh exercise for `state`'s network drawn from `seed` (a whole number): inputs, targets,
/// weights and biases of one decimal each, the conventions and samples kept.
#[wasm_bindgen]
pub fn exercise(state: JsValue, seed: JsValue) -> Result<JsValue, JsValue> {
    let state = read_state(state)?;
    let seed = parse_seed(&read(seed, "seed")?).map_err(to_error)?;
    let next = crate::practice::exercise::exercise(&state, seed);
    pass(&next).map_err(to_error)?;
    to_js(&next)
}

#[derive(Serialize)]
struct SnapshotJson<'a> {
    evaluation: &'a crate::evaluate::Pass,
    #[serde(skip_serializing_if = "Option::is_none")]
    stages: Option<Vec<crate::stages::Stage>>,
    dataset: Option<crate::data::datasets::Spec>,
}

#[derive(Serialize)]
struct TrainRunJson<'a> {
    state: &'a State,
    steps: u32,
    losses: &'a [f64],
    loss: f64,
    #[serde(skip_serializing_if = "<[f64]>::is_empty")]
    test_losses: &'a [f64],
    #[serde(skip_serializing_if = "Option::is_none")]
    test_loss: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    evaluation: Option<&'a Pass>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<ErrorJson<'a>>,
}

#[derive(Serialize)]
struct ErrorJson<'a> {
    field: &'a str,
    message: &'a str,
}

fn read_state(value: JsValue) -> Result<State, JsValue> {
    states::read_state(&value)
}

fn read(value: JsValue, what: &str) -> Result<Value, JsValue> {
    from_js::from_js(&value).map_err(|e| read_error(what, &e))
}

/// The Error for an argument `what` that cannot be read, and why.
fn read_error(what: &str, why: &str) -> JsValue {
    wire::error(&format!("{what} could not be read: {why}"))
}

fn to_error(error: Error) -> JsValue {
    wire::error(&error.message)
}
