//! Analytic gradients against central finite differences on random networks of every shape
//! within the limits — every activation, every loss, with and without samples and bias
//! training — and the training properties that follow from them: `train` is repeated
//! `evaluate(…).next`, per-sample training is one update per sample, frozen biases stay
//! bit-for-bit, and small descent steps never raise the loss.

mod common;

use backprop_viz::evaluate::pass;
use backprop_viz::gradcheck::compare;
use backprop_viz::network::activation::Activation;
use backprop_viz::network::forward::forward;
use backprop_viz::state::{Direction, Mode, Sample, State};
use backprop_viz::train::objective::{objective, objective_loss};
use backprop_viz::train::update::{signed_rate, train, train_run};
use common::{arb, evaluated};
use proptest::prelude::*;

/// The finite-difference step. With Richardson's combination of the quotients at `ε` and `ε/2`
/// (see [`check`]), the largest error measured over 20 000 random states
/// (`PROPTEST_CASES=20000`) was 1.9% of the tolerance: deep networks with a one-neuron layer
/// are the most curved.
const EPS: f64 = 2e-5;

/// `J` at `params` and, for every ReLU neuron and example, whether its `z > 0`: where that
/// pattern differs between `p − ε`, `p` and `p + ε`, the difference quotient straddles a kink
/// and says nothing about the derivative.
fn probe(state: &State, params: &[f64]) -> (f64, Vec<bool>) {
    let examples = state.examples();
    let mut total = 0.0;
    let mut pattern = Vec::new();
    for e in examples {
        let f = forward(&state.arch, params, &e.x, &e.t, state.loss_fn);
        total += f.loss;
        for l in 1..=state.arch.depth() {
            if state.arch.activation(l) == Activation::Relu {
                pattern.extend(f.z[l].iter().map(|z| *z > 0.0));
            }
        }
    }
    (total / examples.len() as f64, pattern)
}

/// Asserts that each analytic `∂J/∂p` is within `1e-5` relative plus `1e-8·(1 + J)` of the
/// central differences `D(h) = (J(p + h) − J(p − h)) / 2h`, combined as `(4·D(ε/2) − D(ε)) / 3`
/// so that their `h²` error terms cancel, skipping parameters whose nudge moves a ReLU across
/// its kink.
fn check(state: &State, analytic: &[f64]) -> Result<(), TestCaseError> {
    let (j, kinks) = probe(state, &state.params);
    prop_assert!(j.is_finite() && j >= 0.0, "J = {j}");
    let mut p = state.params.clone();
    for (k, &a) in analytic.iter().enumerate() {
        let base = p[k];
        let mut quotient = |h: f64| {
            p[k] = base + h;
            let (up, up_kinks) = probe(state, &p);
            p[k] = base - h;
            let (down, down_kinks) = probe(state, &p);
            p[k] = base;
            (up_kinks == kinks && down_kinks == kinks).then_some((up - down) / (2.0 * h))
        };
        let (Some(wide), Some(narrow)) = (quotient(EPS), quotient(EPS / 2.0)) else {
            continue;
        };
        // Richardson: the ε² error terms of the two quotients cancel.
        let numeric = (4.0 * narrow - wide) / 3.0;
        let tolerance = 1e-5 * a.abs().max(numeric.abs()) + 1e-8 * (1.0 + j);
        let name = state.arch.param_at(k).map(|id| id.name());
        prop_assert!(
            (a - numeric).abs() <= tolerance,
            "{name:?}: analytic {a:e}, numeric {numeric:e}, J {j:e}, at {state:?}"
        );
    }
    Ok(())
}

/// A 2-2-1 sigmoid state (the seed's shape) with parameters in `±scale`.
fn seed_shaped(scale: f64, lr: std::ops::Range<f64>) -> impl Strategy<Value = State> {
    (
        prop::array::uniform2(-2.0..2.0f64),
        0.0..1.0f64,
        prop::collection::vec(-scale..scale, 9),
        lr,
    )
        .prop_map(|(x, t, params, lr)| State {
            example: Sample {
                x: x.into(),
                t: vec![t],
            },
            params,
            lr,
            ..State::seed()
        })
}

proptest! {
    // A failure on a deep network takes minutes to shrink fully; a minute gives a small case.
    #![proptest_config(ProptestConfig {
        max_shrink_time: 60_000,
        ..arb::cases(1000)
    })]

    #[test]
    fn gradients_match_finite_differences_on_any_network(state in arb::states()) {
        let objective = objective(&state, &state.params);
        check(&state, &objective.grads)?;
        let p = evaluated(&state);
        if state.samples.is_empty() {
            prop_assert_eq!(&p.grads.d_params, &objective.grads);
            prop_assert!(p.batch.is_none());
        } else {
            prop_assert_eq!(&p.batch.as_ref().expect("samples give a batch").grads, &objective.grads);
            // The shown example's own gradients, which the picture shows, are right too.
            let alone = State { samples: Vec::new(), ..state.clone() };
            check(&alone, &p.grads.d_params)?;
        }
    }

    #[test]
    fn gradients_match_finite_differences_on_the_seed_shape(state in seed_shaped(3.0, 0.01..1.0)) {
        check(&state, &evaluated(&state).grads.d_params)?;
    }

    #[test]
    fn gradients_match_finite_differences_with_large_weights(state in seed_shaped(40.0, 0.01..1.0)) {
        // Large weights saturate σ: gradients become tiny, and the absolute floor covers them.
        check(&state, &evaluated(&state).grads.d_params)?;
    }

    #[test]
    fn the_core_gradient_check_agrees(state in arb::states()) {
        let rows = compare(&state, 1e-6).expect("finite");
        let analytic = objective(&state, &state.params).grads;
        prop_assert_eq!(rows.len(), state.arch.param_count());
        for (k, row) in rows.iter().enumerate() {
            let id = state.arch.param_at(k).expect("one row per parameter");
            prop_assert_eq!(&row.name, &id.name());
            prop_assert_eq!(row.analytic, analytic[k]);
            let scale = row.analytic.abs().max(row.numeric.abs());
            let expected = if scale == 0.0 { 0.0 } else { (row.analytic - row.numeric).abs() / scale };
            prop_assert_eq!(row.relative_error, expected);
        }
    }

    #[test]
    fn one_update_moves_each_parameter_by_its_gradient(state in arb::states()) {
        let p = evaluated(&state);
        let (grads, mean) = p.update_grads();
        prop_assert_eq!(mean, !state.samples.is_empty() && state.mode == Mode::Batch);
        let rate = signed_rate(state.lr, state.direction);
        for id in state.arch.params() {
            let k = state.arch.index(id);
            let expected = if id.is_bias() && !state.train_biases {
                state.params[k]
            } else {
                state.params[k] + grads[k] * rate
            };
            prop_assert_eq!(p.next.params[k].to_bits(), expected.to_bits(), "{}", id.name());
        }
        let same_but_params = State { params: state.params.clone(), ..p.next.clone() };
        prop_assert_eq!(same_but_params, state, "an update changes the parameters only");
    }

    #[test]
    fn train_equals_repeated_evaluate_next(state in arb::states(), steps in 0u32..8) {
        let state = State { mode: Mode::Batch, ..state };
        let mut expected = Ok(state.clone());
        for _ in 0..steps {
            expected = expected.and_then(|s| pass(&s).map(|p| p.next));
        }
        match (train(&state, steps), expected) {
            (Ok(trained), Ok(expected)) => prop_assert_eq!(trained, expected),
            // evaluate refuses more than training needs (the shown example's values, say).
            (_, Err(_)) => {}
            (Err(e), Ok(_)) => prop_assert!(false, "train failed where evaluate…next did not: {e:?}"),
        }
    }

    #[test]
    fn per_sample_training_is_one_update_per_sample_in_order(state in arb::states_with_samples(), steps in 0u32..5) {
        let state = State { mode: Mode::PerSample, ..state };
        let mut expected = Ok(state.clone());
        for _ in 0..steps {
            for sample in &state.samples {
                expected = expected.and_then(|s| {
                    let shown = State { example: sample.clone(), ..s };
                    pass(&shown).map(|p| State { example: state.example.clone(), ..p.next })
                });
            }
        }
        match (train(&state, steps), expected) {
            (Ok(trained), Ok(expected)) => prop_assert_eq!(trained, expected),
            // evaluate refuses more than training needs (∇J over all samples, say).
            (_, Err(_)) => {}
            (Err(e), Ok(_)) => prop_assert!(false, "train failed where per-sample updates did not: {e:?}"),
        }
    }

    #[test]
    fn frozen_biases_stay_bit_for_bit(state in arb::states(), steps in 1u32..10) {
        let state = State { train_biases: false, ..state };
        let run = train_run(&state, steps, None);
        let next = evaluated(&state).next;
        for id in state.arch.params().into_iter().filter(|id| id.is_bias()) {
            let k = state.arch.index(id);
            prop_assert_eq!(run.state.params[k].to_bits(), state.params[k].to_bits(), "{}", id.name());
            prop_assert_eq!(next.params[k].to_bits(), state.params[k].to_bits(), "{}", id.name());
        }
    }

    #[test]
    fn a_small_descent_step_never_raises_the_loss(state in seed_shaped(4.0, 1e-3..1e-2)) {
        let before = objective_loss(&state, &state.params);
        let after = train(&state, 1).expect("small steps stay finite");
        prop_assert!(objective_loss(&state, &after.params) <= before + 1e-15);
    }

    #[test]
    fn a_small_batch_step_never_raises_the_mean_loss(
        state in seed_shaped(4.0, 1e-3..1e-2),
        samples in prop::collection::vec((prop::array::uniform2(-2.0..2.0f64), 0.0..1.0f64), 1..6),
    ) {
        let state = State {
            samples: samples.into_iter().map(|(x, t)| Sample { x: x.into(), t: vec![t] }).collect(),
            direction: Direction::Descent,
            ..state
        };
        let before = objective_loss(&state, &state.params);
        let after = train(&state, 1).expect("finite");
        prop_assert!(objective_loss(&state, &after.params) <= before + 1e-15);
    }
}

#[test]
fn the_seed_loss_falls_at_every_step_of_a_long_run() {
    let mut state = State::seed();
    let mut loss = objective_loss(&state, &state.params);
    for step in 0..1000 {
        state = train(&state, 1).expect("seed training stays finite");
        let next = objective_loss(&state, &state.params);
        assert!(next < loss, "step {step}: {next} !< {loss}");
        loss = next;
    }
    assert!(loss < 1e-8, "after 1000 steps the loss is still {loss}");
}
