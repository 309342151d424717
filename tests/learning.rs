//! The core behind the learning tools: presets, batches, conventions, the landscape, training
//! runs with a target, and finite differences.

mod common;

use backprop_viz::evaluate::{evaluate, pass};
use backprop_viz::formula::Expr;
use backprop_viz::gradcheck::compare;
use backprop_viz::json::Value;
use backprop_viz::landscape::{landscape, Window};
use backprop_viz::loss::LossFn;
use backprop_viz::objective::objective_loss;
use backprop_viz::parse::{parse_state, parse_window};
use backprop_viz::presets::{presets, saturated, xor};
use backprop_viz::stages::stages;
use backprop_viz::state::{Mode, Params, State};
use backprop_viz::update::{train, train_run};
use common::{assert_close, value, SEED_JSON};

fn preset(id: &str) -> State {
    let p = presets().into_iter().find(|p| p.id == id).expect(id);
    let text = serde_json::to_string(&p.state).expect("serialisable");
    parse_state(&value(&text)).expect("a preset parses back")
}

#[test]
fn presets_round_trip_and_seed_is_the_default() {
    let ids: Vec<_> = presets().iter().map(|p| p.id).collect();
    assert_eq!(ids, ["seed", "xor", "saturated", "ascent"]);
    assert_eq!(preset("seed"), State::seed());
    assert_eq!(
        serde_json::to_string(&presets()[0].state).expect("json"),
        SEED_JSON
    );
    assert_eq!(preset("xor"), xor());
    assert_eq!(preset("saturated"), saturated());
    assert!(presets()
        .iter()
        .all(|p| !p.title.is_empty() && p.note.len() > 40));
}

#[test]
fn xor_learns_with_batch_updates() {
    let state = preset("xor");
    let start = objective_loss(&state, &state.params);
    let trained = train(&state, 3000).expect("stays finite");
    let end = objective_loss(&state, &trained.params);
    assert!(start > 0.2 && end < 0.01, "J went from {start} to {end}");
    let r = evaluate(&trained).expect("finite");
    let batch = r.batch.expect("xor has samples");
    let outputs: Vec<f64> = batch.samples.iter().map(|s| s.y[0]).collect();
    assert!(
        outputs[0] < 0.2 && outputs[1] > 0.8 && outputs[2] > 0.8 && outputs[3] < 0.2,
        "{outputs:?}"
    );
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
    let p = pass(&state).expect("finite");
    assert_eq!(p.update_grads(), (&p.grads.d_params, false));
}

#[test]
fn the_batch_loss_is_the_mean_of_the_samples() {
    let r = evaluate(&preset("xor")).expect("finite");
    let batch = r.batch.expect("samples");
    let mean = batch.samples.iter().map(|s| s.loss).sum::<f64>() / 4.0;
    assert_close(batch.loss, mean, "J");
    assert_eq!(
        batch.samples[0].loss, r.loss,
        "the shown example is sample 0"
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
    let update = &stages(&pass(&preset("ascent")).expect("finite"))[9];
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
    let r = evaluate(&preset("saturated")).expect("finite");
    assert!(
        r.sigma_prime
            .h
            .iter()
            .chain(&r.sigma_prime.y)
            .all(|s| *s < 0.01),
        "{:?}",
        r.sigma_prime
    );
    let largest_w1 = r
        .grad
        .params
        .w1
        .iter()
        .flatten()
        .fold(0.0f64, |m, g| m.max(g.abs()));
    let seed_w1 = evaluate(&State::seed()).expect("finite").grad.params.w1[0][0].abs();
    assert!(
        largest_w1 < 1e-6 && largest_w1 < seed_w1 / 100.0,
        "{largest_w1}"
    );
}

#[test]
fn the_half_convention_halves_loss_and_gradients_and_says_so() {
    let full = evaluate(&State::seed()).expect("finite");
    let state = State {
        loss_fn: LossFn::HalfSquared,
        ..State::seed()
    };
    let half = evaluate(&state).expect("finite");
    assert_close(half.loss, full.loss / 2.0, "E");
    assert_close(half.grad.y[0], full.grad.y[0] / 2.0, "∂E/∂y");
    assert_close(
        half.grad.params.w1[1][0],
        full.grad.params.w1[1][0] / 2.0,
        "∂E/∂w1[1][0]",
    );
    let tape = stages(&pass(&state).expect("finite"));
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
    assert_eq!((map.a, map.b), ("w2.0.0", "w2.1.0"));
    assert_eq!(map.loss.len(), 101 * 101);
    assert_eq!(
        (map.a_values[0], map.a_values[100], map.b_values[50]),
        (-3.0, 2.0, 1.5)
    );
    for (r, c) in [(0, 0), (17, 93), (100, 100), (50, 3)] {
        let mut p = state.params.to_array();
        p[6] = map.a_values[c];
        p[7] = map.b_values[r];
        assert_eq!(
            map.loss[r * 101 + c],
            objective_loss(&state, &Params::from_array(&p))
        );
    }
    let min = map.loss.iter().copied().fold(f64::INFINITY, f64::min);
    assert_eq!(map.min, min);
    assert_eq!(map.point, [0.7, -0.5]);
    let r = evaluate(&state).expect("finite").batch.expect("samples");
    assert_eq!(map.descent, [-r.grad.w2[0][0], -r.grad.w2[1][0]]);
}

#[test]
fn landscape_windows_are_validated() {
    let ok =
        value(r#"{"a":"w2.0.0","b":"b2.0","a_range":[-2,3],"b_range":[-1,1],"resolution":51}"#);
    assert_eq!(parse_window(&ok).expect("valid").b, 8);
    for (text, message) in [
        (r#"{"a":"w9","b":"b2.0","a_range":[-2,3],"b_range":[-1,1],"resolution":51}"#, "a must name a parameter (w1.0.0 … b2.0), got the string \"w9\""),
        (r#"{"a":"b2.0","b":"b2.0","a_range":[-2,3],"b_range":[-1,1],"resolution":51}"#, "a and b must be two different parameters"),
        (r#"{"a":"w1.0.0","b":"b2.0","a_range":[3,-2],"b_range":[-1,1],"resolution":51}"#, "a_range must be [low, high] with low < high, got [3, -2]"),
        (r#"{"a":"w1.0.0","b":"b2.0","a_range":[-2,3],"b_range":[-1,1],"resolution":1000}"#, "resolution must be a whole number from 2 to 401, got the number 1000 (it is too large)"),
    ] {
        assert_eq!(parse_window(&value(text)).expect_err(text).message, message);
    }
}

#[test]
fn a_training_run_stops_at_its_target() {
    let run = train_run(&State::seed(), 100_000, Some(1e-6)).expect("finite");
    assert!(run.steps > 0 && run.steps < 100_000, "{}", run.steps);
    assert_eq!(run.losses.len(), run.steps as usize);
    assert_eq!(
        run.losses[0],
        evaluate(&State::seed()).expect("finite").loss
    );
    assert!(run.loss <= 1e-6 && run.losses.last().is_some_and(|l| *l > 1e-6));
    assert_eq!(run.state, train(&State::seed(), run.steps).expect("finite"));
    let all = train_run(&State::seed(), 50, None).expect("finite");
    assert_eq!((all.steps, all.losses.len()), (50, 50));
}

#[test]
fn finite_differences_agree_and_validate_eps() {
    let rows = compare(&State::seed(), 1e-6).expect("finite");
    assert_eq!(rows.len(), 9);
    assert_eq!(rows[6].name, "w2.0.0");
    assert!(rows.iter().all(|r| r.relative_error < 1e-6), "{rows:?}");
    assert_eq!(
        compare(&State::seed(), 0.0).expect_err("eps 0").field,
        "eps"
    );
    assert_eq!(
        compare(&State::seed(), 2.0).expect_err("eps 2").field,
        "eps"
    );
}

#[test]
fn new_state_fields_are_validated() {
    let with =
        |extra: &str| value(&SEED_JSON.replace("\"lr\":0.1", &format!("\"lr\":0.1,{extra}")));
    for (extra, field, message) in [
        (
            r#""loss_fn":"cubic""#,
            "loss_fn",
            r#"loss_fn must be one of "squared", "half_squared", got the string "cubic""#,
        ),
        (
            r#""update":1"#,
            "update",
            r#"update must be one of "descent", "ascent", got the number 1"#,
        ),
        (
            r#""mode":"online""#,
            "mode",
            r#"mode must be one of "batch", "per_sample", got the string "online""#,
        ),
        (
            r#""samples":[]"#,
            "samples",
            "samples must hold 1 to 64 samples, got 0",
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
    let obj = backprop_viz::objective::objective(&state, &state.params);
    assert_eq!(obj.loss, objective_loss(&state, &state.params));
    let run = train_run(&state, 5, None).expect("finite");
    assert_eq!(run.losses[0], objective_loss(&state, &state.params));
}
