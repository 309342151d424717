//! The core behind the learning tools: presets and the lessons they teach, batches,
//! conventions, cross-entropy, the landscape, training runs with a target, and finite
//! differences.

mod common;

use backprop_viz::evaluate::pass;
use backprop_viz::formula::Expr;
use backprop_viz::gradcheck::compare;
use backprop_viz::json::Value;
use backprop_viz::landscape::{landscape, Window};
use backprop_viz::network::activation::{sigmoid, Activation};
use backprop_viz::network::arch::NodeId;
use backprop_viz::network::loss::LossFn;
use backprop_viz::parse::{parse_state, parse_window};
use backprop_viz::presets::{presets, saturated, xor};
use backprop_viz::stages::stages;
use backprop_viz::state::{Mode, State};
use backprop_viz::train::objective::{objective, objective_loss};
use backprop_viz::train::update::{train, train_run};
use common::{arb, arch, assert_close, evaluated, param, preset, value, SEED_JSON};
use proptest::prelude::*;

#[test]
fn presets_round_trip_and_seed_is_the_default() {
    let ids: Vec<_> = presets().iter().map(|p| p.id).collect();
    assert_eq!(
        ids,
        [
            "seed",
            "xor",
            "saturated",
            "ascent",
            "mazur",
            "xor-tanh",
            "deep-sigmoid",
            "dead-relu"
        ]
    );
    assert_eq!(preset("seed"), State::seed());
    assert_eq!(
        serde_json::to_string(&presets()[0].state).expect("json"),
        SEED_JSON
    );
    assert_eq!(preset("xor"), xor());
    assert_eq!(preset("saturated"), saturated());
    for p in presets() {
        assert_eq!(
            preset(p.id),
            p.state,
            "{} reads back as it was written",
            p.id
        );
        assert!(!p.title.is_empty() && p.note.len() > 40, "{}", p.id);
        evaluated(&p.state);
    }
}

/// Asserts that `state` outputs XOR on its four samples: below 0.2 for 0, above 0.8 for 1.
#[track_caller]
fn assert_solves_xor(state: &State) {
    let outputs: Vec<f64> = evaluated(state)
        .sample_results
        .iter()
        .map(|(y, _)| y[0])
        .collect();
    assert!(
        outputs[0] < 0.2 && outputs[1] > 0.8 && outputs[2] > 0.8 && outputs[3] < 0.2,
        "{outputs:?}"
    );
}

#[test]
fn xor_learns_with_batch_updates() {
    let state = preset("xor");
    let start = objective_loss(&state, &state.params);
    let trained = train(&state, 3000).expect("stays finite");
    let end = objective_loss(&state, &trained.params);
    assert!(start > 0.2 && end < 0.01, "J went from {start} to {end}");
    assert_solves_xor(&trained);
}

#[test]
fn xor_learns_with_per_sample_updates_too() {
    // Each single-sample update takes the full step, so it needs a smaller rate than the batch
    // (at lr = 2 it settles in a local minimum with one sample wrong).
    let state = State {
        mode: Mode::PerSample,
        lr: 0.25,
        ..preset("xor")
    };
    let trained = train(&state, 4000).expect("stays finite");
    assert!(objective_loss(&state, &trained.params) < 0.01);
    // Step backprop in per-sample mode updates with the shown sample's own gradient.
    let p = evaluated(&state);
    assert_eq!(p.update_grads(), (p.grads.d_params.as_slice(), false));
}

#[test]
fn the_batch_loss_is_the_mean_of_the_samples() {
    let r = evaluated(&preset("xor"));
    let batch = r.batch.as_ref().expect("samples");
    let mean = r.sample_results.iter().map(|(_, loss)| loss).sum::<f64>() / 4.0;
    assert_close(batch.loss, mean, "J");
    assert_eq!(
        r.sample_results[0].1, r.forward.loss,
        "the shown example is sample 0"
    );
    let json = common::evaluate_json(&preset("xor"));
    assert_eq!(json["batch"]["samples"].as_array().map(Vec::len), Some(4));
    assert_eq!(json["batch"]["loss"], batch.loss);
    assert_eq!(
        common::keys_in_order(&r, &["batch", "grad"]),
        ["w1", "b1", "w2", "b2"]
    );
}

#[test]
fn the_ascent_preset_really_ascends() {
    let mut state = preset("ascent");
    let mut loss = objective_loss(&state, &state.params);
    for step in 0..200 {
        state = train(&state, 1).expect("finite");
        let next = objective_loss(&state, &state.params);
        assert!(next > loss, "step {step}: {next} !> {loss}");
        loss = next;
    }
    let tape = stages(&evaluated(&preset("ascent")));
    let update = tape.last().expect("an update stage");
    assert!(
        update.explanation.contains("w += lr·grad"),
        "{}",
        update.explanation
    );
    assert!(
        matches!(update.formulas[0].rhs, Expr::Sum { .. }),
        "p + η·g"
    );
    assert!(
        update.formulas[0].delta.is_some_and(|d| d < 0.0),
        "the seed's ∂E/∂w1 < 0, so ascent lowers w1"
    );
}

#[test]
fn the_saturated_preset_has_vanishing_gradients() {
    let r = evaluated(&preset("saturated"));
    let arch = &r.state.arch;
    for l in 1..=arch.depth() {
        for j in 0..arch.width(l) {
            assert!(r.slope(l, j) < 0.01, "σ′ of layer {l} neuron {j}");
        }
    }
    let w1 = |g: &[f64]| (0..4).map(|k| g[k].abs()).fold(0.0f64, f64::max);
    let largest = w1(&r.grads.d_params);
    let seed = w1(&evaluated(&State::seed()).grads.d_params);
    assert!(largest < 1e-6 && largest < seed / 100.0, "{largest}");
}

#[test]
fn the_half_convention_halves_loss_and_gradients_and_says_so() {
    let full = evaluated(&State::seed());
    let state = State {
        loss_fn: LossFn::HalfSquared,
        ..State::seed()
    };
    let half = evaluated(&state);
    assert_close(half.forward.loss, full.forward.loss / 2.0, "E");
    assert_close(half.grads.d_a[2][0], full.grads.d_a[2][0] / 2.0, "∂E/∂y");
    let w = |p: &backprop_viz::evaluate::Pass| param(&p.state.arch, &p.grads.d_params, "w1.1.0");
    assert_close(w(&half), w(&full) / 2.0, "∂E/∂w1[1][0]");
    let tape = stages(&half);
    assert!(
        matches!(&tape[2].formulas[0].rhs, Expr::Product { factors } if factors[0] == Expr::number(0.5))
    );
    assert!(
        matches!(tape[3].formulas[0].rhs, Expr::Difference { .. }),
        "∂E/∂y = y − t"
    );
    assert!(tape[2].explanation.contains("½(y − t)²"));
}

#[test]
fn the_landscape_grid_is_the_loss_at_each_point() {
    let state = preset("xor");
    let window = Window {
        a: 6,
        b: 7,
        a_range: (-3.0, 2.0),
        b_range: (-1.0, 4.0),
        resolution: 101,
    };
    let map = landscape(&state, &window).expect("finite");
    assert_eq!((map.a.as_str(), map.b.as_str()), ("w2.0.0", "w2.1.0"));
    assert_eq!(map.loss.len(), 101 * 101);
    assert_eq!(
        (map.a_values[0], map.a_values[100], map.b_values[50]),
        (-3.0, 2.0, 1.5)
    );
    for (r, c) in [(0, 0), (17, 93), (100, 100), (50, 3)] {
        let mut p = state.params.clone();
        p[6] = map.a_values[c];
        p[7] = map.b_values[r];
        assert_eq!(map.loss[r * 101 + c], objective_loss(&state, &p));
    }
    let min = map.loss.iter().copied().fold(f64::INFINITY, f64::min);
    assert_eq!(map.min, min);
    assert_eq!(map.point, [0.7, -0.5]);
    let grads = &evaluated(&state).batch.expect("samples").grads;
    assert_eq!(map.descent, [-grads[6], -grads[7]]);
}

#[test]
fn the_landscape_spans_any_two_parameters_of_a_deep_network() {
    let state = preset("deep-sigmoid");
    let arch = &state.arch;
    let text = r#"{"a":"w1.1.2","b":"b5.0","a_range":[-2,2],"b_range":[-3,1],"resolution":21}"#;
    let window = parse_window(&value(text), arch).expect("valid");
    let first = arch.index(arch.param_named("w1.1.2").expect("w1.1.2"));
    let last = arch.index(arch.param_named("b5.0").expect("b5.0"));
    assert_eq!((window.a, window.b), (first, last));
    let map = landscape(&state, &window).expect("finite");
    let mut p = state.params.clone();
    p[first] = map.a_values[4];
    p[last] = map.b_values[13];
    assert_eq!(map.loss[13 * 21 + 4], objective_loss(&state, &p));
    let grads = objective(&state, &state.params).grads;
    assert_eq!(map.descent, [-grads[first], -grads[last]]);
}

#[test]
fn landscape_windows_are_validated() {
    let seed = State::seed().arch;
    let ok =
        value(r#"{"a":"w2.0.0","b":"b2.0","a_range":[-2,3],"b_range":[-1,1],"resolution":51}"#);
    assert_eq!(parse_window(&ok, &seed).expect("valid").b, 8);
    for (text, message) in [
        (r#"{"a":"w9","b":"b2.0","a_range":[-2,3],"b_range":[-1,1],"resolution":51}"#, "a must name a weight or bias of this network (w1.0.0 … b2.0), got the string \"w9\""),
        (r#"{"a":"w3.0.0","b":"b2.0","a_range":[-2,3],"b_range":[-1,1],"resolution":51}"#, "a must name a weight or bias of this network (w1.0.0 … b2.0), got the string \"w3.0.0\""),
        (r#"{"a":"w1.0.0","b":"w1.2.0","a_range":[-2,3],"b_range":[-1,1],"resolution":51}"#, "b must name a weight or bias of this network (w1.0.0 … b2.0), got the string \"w1.2.0\""),
        (r#"{"a":"b2.0","b":"b2.0","a_range":[-2,3],"b_range":[-1,1],"resolution":51}"#, "a and b must be two different parameters"),
        (r#"{"a":"w1.0.0","b":"b2.0","a_range":[3,-2],"b_range":[-1,1],"resolution":51}"#, "a_range must be [low, high] with low < high, got [3, -2]"),
        (r#"{"a":"w1.0.0","b":"b2.0","a_range":[-2,3],"b_range":[-1,1],"resolution":1000}"#, "resolution must be a whole number from 2 to 401, got the number 1000 (it is too large)"),
    ] {
        assert_eq!(parse_window(&value(text), &seed).expect_err(text).message, message);
    }
}

#[test]
fn a_training_run_stops_at_its_target() {
    let run = train_run(&State::seed(), 100_000, Some(1e-6));
    assert_eq!(run.error, None);
    assert!(run.steps > 0 && run.steps < 100_000, "{}", run.steps);
    assert_eq!(run.losses.len(), run.steps as usize);
    assert_eq!(run.losses[0], evaluated(&State::seed()).forward.loss);
    assert!(run.loss <= 1e-6 && run.losses.last().is_some_and(|l| *l > 1e-6));
    assert_eq!(run.state, train(&State::seed(), run.steps).expect("finite"));
    let all = train_run(&State::seed(), 50, None);
    assert_eq!((all.steps, all.losses.len()), (50, 50));
}

#[test]
fn finite_differences_agree_and_validate_eps() {
    let rows = compare(&State::seed(), 1e-6).expect("finite");
    assert_eq!(rows.len(), 9);
    assert_eq!(rows[6].name, "w2.0.0");
    assert!(rows.iter().all(|r| r.relative_error < 1e-6), "{rows:?}");
    for eps in [0.0, 2.0, 1e-13] {
        let e = compare(&State::seed(), eps).expect_err("out of range");
        assert_eq!(e.field, "eps");
        assert_eq!(
            e.message,
            format!("eps must be a number from 1e-12 to 1, got {eps}")
        );
    }
    let deep = preset("deep-sigmoid");
    let rows = compare(&deep, 1e-6).expect("finite");
    assert_eq!(rows.len(), deep.arch.param_count());
    assert_eq!(rows.last().map(|r| r.name.as_str()), Some("b5.0"));
}

#[test]
fn new_state_fields_are_validated() {
    let with =
        |extra: &str| value(&SEED_JSON.replace("\"lr\":0.1", &format!("\"lr\":0.1,{extra}")));
    for (extra, field, message) in [
        (
            r#""loss_fn":"cubic""#,
            "loss_fn",
            r#"loss_fn must be one of "squared", "half_squared", "cross_entropy", got the string "cubic""#,
        ),
        (
            r#""update":1"#,
            "update",
            r#"update must be one of "descent", "ascent", got the number 1"#,
        ),
        (
            r#""mode":"online""#,
            "mode",
            r#"mode must be one of "batch", "per_sample", "mini_batch", got the string "online""#,
        ),
        (
            r#""samples":[]"#,
            "samples",
            "samples must hold 1 to 500 samples, got 0",
        ),
        (
            r#""samples":[{"x":[0,1]}]"#,
            "samples[0]",
            "samples[0] is missing t",
        ),
        (
            r#""samples":[{"x":[0,1],"t":[1]},{"x":[0,"a"],"t":[1]}]"#,
            "samples[1].x[1]",
            "samples[1].x[1] must be a finite number, got the string \"a\"",
        ),
    ] {
        let e = parse_state(&with(extra)).expect_err(extra);
        assert_eq!((e.field.as_str(), e.message.as_str()), (field, message));
    }
    let half = parse_state(&with(
        r#""loss_fn":"half_squared","update":"ascent","mode":"per_sample""#,
    ))
    .expect("valid");
    assert_eq!(half.loss_fn, LossFn::HalfSquared);
    assert!(matches!(parse_state(&Value::Null), Err(e) if e.field == "state"));
}

#[test]
fn the_objective_and_its_loss_alone_agree_exactly() {
    let state = preset("xor");
    let obj = objective(&state, &state.params);
    assert_eq!(obj.loss, objective_loss(&state, &state.params));
    let run = train_run(&state, 5, None);
    assert_eq!(run.losses[0], objective_loss(&state, &state.params));
}

#[test]
fn xor_tanh_learns_xor_within_5000_steps() {
    let state = preset("xor-tanh");
    assert_eq!(state.arch.widths(), [2, 3, 1]);
    assert_eq!(state.arch.activation(1), Activation::Tanh);
    let start = objective_loss(&state, &state.params);
    let run = train_run(&state, 5000, Some(0.01));
    assert_eq!(run.error, None);
    assert!(
        run.loss < 0.01 && run.steps < 5000,
        "J went from {start} to {} in {} steps",
        run.loss,
        run.steps
    );
    assert!(start > 0.2, "J starts at {start}: XOR is not solved yet");
    assert_solves_xor(&run.state);
}

/// The root mean square of the weight gradients of each layer `1 … L`.
fn layer_gradient_sizes(state: &State) -> Vec<f64> {
    let grads = objective(state, &state.params).grads;
    let arch = &state.arch;
    (1..=arch.depth())
        .map(|l| {
            let g = arch.weights(&grads, l);
            (g.iter().map(|v| v * v).sum::<f64>() / g.len() as f64).sqrt()
        })
        .collect()
}

#[test]
fn deep_sigmoid_gradients_shrink_layer_by_layer_toward_the_input() {
    let state = preset("deep-sigmoid");
    assert_eq!(state.arch.widths(), [2, 3, 3, 3, 3, 1]);
    assert!(state
        .arch
        .activations()
        .iter()
        .all(|a| *a == Activation::Sigmoid));
    let sizes = layer_gradient_sizes(&state);
    for l in 1..sizes.len() {
        assert!(
            sizes[l - 1] < sizes[l],
            "|∂E/∂W⁽{l}⁾| = {} is not below |∂E/∂W⁽{}⁾| = {}: {sizes:?}",
            sizes[l - 1],
            l + 1,
            sizes[l]
        );
    }
    assert!(
        sizes[0] < sizes[4] / 10.0,
        "the first layer's gradients are an order of magnitude smaller: {sizes:?}"
    );
    // The error signals δ⁽ˡ⁾ shrink the same way.
    let g = evaluated(&state).grads;
    let size = |v: &[f64]| v.iter().map(|d| d.abs()).fold(0.0, f64::max);
    for l in 1..5 {
        assert!(size(&g.d_z[l]) < size(&g.d_z[l + 1]), "δ⁽{l}⁾");
    }
    // With tanh hidden layers the same network passes far more gradient back.
    let tanh = State {
        arch: arch(
            &[2, 3, 3, 3, 3, 1],
            &[
                Activation::Tanh,
                Activation::Tanh,
                Activation::Tanh,
                Activation::Tanh,
                Activation::Sigmoid,
            ],
        ),
        ..state.clone()
    };
    assert!(layer_gradient_sizes(&tanh)[0] > sizes[0] * 10.0);
}

#[test]
fn dead_relu_units_incoming_weights_never_learn() {
    let state = preset("dead-relu");
    assert_eq!(state.arch.widths(), [2, 3, 1]);
    assert_eq!(state.arch.activation(1), Activation::Relu);
    let r = evaluated(&state);
    assert_eq!(r.dead, [NodeId { layer: 1, index: 2 }]);
    assert_eq!(
        common::evaluate_json(&state)["dead"],
        serde_json::json!(["h1.2"])
    );
    for (k, sample) in state.samples.iter().enumerate() {
        let f = backprop_viz::network::forward::forward(
            &state.arch,
            &state.params,
            &sample.x,
            &sample.t,
            state.loss_fn,
        );
        assert!(f.z[1][2] <= 0.0, "sample {k}: z⁽¹⁾₃ = {}", f.z[1][2]);
    }
    let frozen = ["w1.0.2", "w1.1.2", "b1.2", "w2.2.0"];
    let run = train_run(&state, 5000, None);
    assert_eq!(run.error, None);
    let value = |s: &State, name: &str| param(&s.arch, &s.params, name);
    for name in frozen {
        assert_eq!(
            value(&run.state, name).to_bits(),
            value(&state, name).to_bits(),
            "{name} learned"
        );
    }
    let moved = state
        .arch
        .params()
        .into_iter()
        .filter(|id| !frozen.contains(&id.name().as_str()))
        .filter(|id| value(&run.state, &id.name()) != value(&state, &id.name()))
        .count();
    assert_eq!(
        moved,
        state.arch.param_count() - frozen.len(),
        "the rest learn"
    );
    assert!(run.loss < run.losses[0]);
    assert_eq!(
        evaluated(&run.state).dead,
        r.dead,
        "and the unit stays dead"
    );
}

/// A 2-2-1 sigmoid network with cross-entropy whose output sum is `z`.
fn cross_entropy_at(z: f64, t: f64) -> State {
    let mut state = State {
        loss_fn: LossFn::CrossEntropy,
        example: backprop_viz::state::Sample {
            x: vec![0.5, 0.3],
            t: vec![t],
        },
        ..State::seed()
    };
    let seed = evaluated(&State::seed());
    // b2 shifts z⁽²⁾ from the seed's value to z.
    state.params[8] += z - seed.forward.z[2][0];
    state
}

#[test]
fn cross_entropy_is_stable_for_large_sums() {
    for z in [-800.0, -100.0, -40.0, -1.0, 0.0, 1.0, 40.0, 100.0, 800.0] {
        for t in [0.0, 0.3, 1.0] {
            let state = cross_entropy_at(z, t);
            // Beyond |z| ≈ 709, ∂E/∂y = (1 − t)(1 + e^z) − t(1 + e^(−z)) of a wrong output is
            // past f64's range: the pass is refused, naming it (the loss itself stays finite).
            let beyond = (z > 709.0 && t < 1.0) || (z < -709.0 && t > 0.0);
            if beyond {
                let error = pass(&state).expect_err("∂E/∂y is past f64's range");
                assert_eq!(error.field, "grad.y[0]", "z = {z}, t = {t}");
                let z = state_z(&state);
                let y = sigmoid(z);
                assert!(
                    LossFn::CrossEntropy.value(z, y, t).is_finite(),
                    "z = {z}, t = {t}"
                );
                continue;
            }
            let r = evaluated(&state);
            let z = r.forward.z[2][0];
            // −[t ln σ(z) + (1 − t) ln(1 − σ(z))] = max(z, 0) − t·z + ln(1 + e^(−|z|)): computed
            // here with ln σ(z) = −ln(1 + e^(−z)) on the side where e^(−z) does not overflow.
            let ln_y = if z >= 0.0 {
                -(-z).exp().ln_1p()
            } else {
                z - z.exp().ln_1p()
            };
            let ln_1_minus_y = if z >= 0.0 {
                -z - (-z).exp().ln_1p()
            } else {
                -z.exp().ln_1p()
            };
            let expected = -(t * ln_y + (1.0 - t) * ln_1_minus_y);
            assert!(r.forward.loss.is_finite(), "z = {z}, t = {t}");
            assert!(
                (r.forward.loss - expected).abs() <= 1e-12 * expected.abs().max(1.0),
                "z = {z}, t = {t}: E = {}, expected {expected}",
                r.forward.loss
            );
            // δ_out = y − t exactly, however saturated the output.
            let y = sigmoid(z);
            assert_eq!(r.forward.y()[0], y);
            assert_eq!(r.grads.d_z[2][0], y - t, "z = {z}, t = {t}");
            assert!(r.grads.d_params.iter().all(|g| g.is_finite()));
            // ∂E/∂y = (y − t)/(y(1 − y)) is never NaN: where y rounds to 1 and t = 1 it is −1.
            let d_y = r.grads.d_a[2][0];
            assert!(!d_y.is_nan(), "z = {z}, t = {t}: ∂E/∂y is NaN");
        }
    }
    let right = evaluated(&cross_entropy_at(800.0, 1.0));
    assert_eq!(right.grads.d_a[2][0], -1.0);
    assert_eq!(right.forward.loss, 0.0);
    let wrong = cross_entropy_at(800.0, 0.0);
    let z = state_z(&wrong);
    assert_close(
        LossFn::CrossEntropy.value(z, sigmoid(z), 0.0),
        800.0,
        "E of a confidently wrong output",
    );
    let wrong = evaluated(&cross_entropy_at(700.0, 0.0));
    assert_close(wrong.forward.loss, 700.0, "E of a confidently wrong output");
    assert!(wrong.grads.d_a[2][0].is_finite());
}

/// The output's pre-activation of a 2-2-1 state, from its forward pass alone.
fn state_z(state: &State) -> f64 {
    let f = backprop_viz::network::forward::forward(
        &state.arch,
        &state.params,
        &state.example.x,
        &state.example.t,
        state.loss_fn,
    );
    f.z[2][0]
}

proptest! {
    #![proptest_config(common::arb::cases(300))]

    #[test]
    fn with_cross_entropy_delta_out_is_y_minus_t(state in arb::states()) {
        // Any network, its output layer made sigmoid and its targets moved into [0, 1].
        let mut activations = state.arch.activations().to_vec();
        *activations.last_mut().expect("an output layer") = Activation::Sigmoid;
        let into_unit = |t: &Vec<f64>| t.iter().map(|v| (v / 3.0 + 0.5).clamp(0.0, 1.0)).collect();
        let state = State {
            arch: arch(state.arch.widths(), &activations),
            loss_fn: LossFn::CrossEntropy,
            example: backprop_viz::state::Sample { t: into_unit(&state.example.t), ..state.example.clone() },
            samples: state.samples.iter().map(|s| backprop_viz::state::Sample { t: into_unit(&s.t), ..s.clone() }).collect(),
            ..state
        };
        backprop_viz::parse::check_loss(&state).expect("cross-entropy fits");
        let r = evaluated(&state);
        let depth = state.arch.depth();
        for (k, (y, t)) in r.forward.y().iter().zip(&state.example.t).enumerate() {
            prop_assert_eq!(r.grads.d_z[depth][k], y - t);
        }
    }
}
