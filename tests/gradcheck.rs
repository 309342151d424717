//! Analytic gradients against central finite differences on many random states — large
//! weights, both loss conventions and batches of samples included — and the descent
//! properties that follow from them.

mod common;

use backprop_viz::evaluate::evaluate;
use backprop_viz::forward::forward;
use backprop_viz::gradcheck::{compare, numeric_gradients};
use backprop_viz::loss::LossFn;
use backprop_viz::objective::{objective, objective_loss};
use backprop_viz::state::{Mode, Params, Sample, State, PARAM_NAMES};
use backprop_viz::update::train;
use proptest::prelude::*;

fn sample() -> impl Strategy<Value = Sample> {
    (prop::array::uniform2(-2.0..2.0f64), 0.0..1.0f64).prop_map(|(x, t)| Sample {
        x: x.into(),
        t: [t].into(),
    })
}

/// A state with parameters in `±scale`, inputs in ±2, a target in [0, 1].
fn states(scale: f64, lr: std::ops::Range<f64>) -> impl Strategy<Value = State> {
    (sample(), prop::array::uniform9(-scale..scale), lr).prop_map(|(example, p, lr)| State {
        example,
        params: Params::from_array(&p),
        lr,
        ..State::seed()
    })
}

/// A state with 1 to 6 samples, either convention, either mode.
fn batch_states() -> impl Strategy<Value = State> {
    (
        states(4.0, 0.01..1.0),
        prop::collection::vec(sample(), 1..6),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(state, samples, half, per_sample)| State {
            samples,
            loss_fn: if half {
                LossFn::HalfSquared
            } else {
                LossFn::Squared
            },
            mode: if per_sample {
                Mode::PerSample
            } else {
                Mode::Batch
            },
            ..state
        })
}

/// Asserts each analytic gradient is within `abs + rel·|g|` of the finite difference.
fn check(
    analytic: &Params,
    state: &State,
    eps: f64,
    abs: f64,
    rel: f64,
) -> Result<(), TestCaseError> {
    let numeric = numeric_gradients(state, eps);
    for ((name, a), n) in PARAM_NAMES
        .iter()
        .zip(analytic.to_array())
        .zip(numeric.to_array())
    {
        prop_assert!(
            (a - n).abs() <= abs + rel * a.abs(),
            "{name}: analytic {a:e}, numeric {n:e} at {state:?}"
        );
    }
    Ok(())
}

fn evaluated_grads(state: &State) -> Params {
    evaluate(state)
        .expect("finite state")
        .grad
        .params
        .to_params()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn gradients_match_finite_differences(state in states(3.0, 0.01..1.0)) {
        check(&evaluated_grads(&state), &state, 1e-6, 1e-9, 1e-5)?;
    }

    #[test]
    fn gradients_match_finite_differences_with_large_weights(state in states(40.0, 0.01..1.0)) {
        // Large weights saturate σ: gradients become tiny and E is steep in places, so the
        // difference quotient needs a smaller step and an absolute floor.
        check(&evaluated_grads(&state), &state, 1e-7, 1e-7, 1e-4)?;
    }

    #[test]
    fn batch_gradients_match_finite_differences(state in batch_states()) {
        let batch = evaluate(&state).expect("finite").batch.expect("samples give a batch");
        prop_assert_eq!(batch.grad.to_params(), objective(&state, &state.params).grads);
        check(&batch.grad.to_params(), &state, 1e-6, 1e-9, 1e-5)?;
        let rows = compare(&state, 1e-6).expect("finite");
        prop_assert!(rows.iter().all(|r| (r.analytic - r.numeric).abs() <= 1e-9 + 1e-5 * r.analytic.abs()));
    }

    #[test]
    fn a_small_descent_step_never_raises_the_loss(state in states(4.0, 1e-3..1e-2)) {
        let before = forward(&state).loss;
        let after = forward(&train(&state, 1).expect("small steps stay finite")).loss;
        prop_assert!(after <= before + 1e-15, "{after} > {before}");
    }

    #[test]
    fn a_small_batch_step_never_raises_the_mean_loss(state in batch_states()) {
        let state = State { lr: 1e-3, mode: Mode::Batch, ..state };
        let before = objective_loss(&state, &state.params);
        let after = train(&state, 1).expect("finite");
        prop_assert!(objective_loss(&state, &after.params) <= before + 1e-15);
    }

    #[test]
    fn train_equals_repeated_evaluate_next(state in states(4.0, 0.01..2.0), steps in 0u32..20) {
        let mut expected = state.clone();
        for _ in 0..steps {
            let next = evaluate(&expected).expect("finite").next;
            expected = expected.with_params(next.params.to_params());
        }
        prop_assert_eq!(train(&state, steps).expect("finite"), expected);
    }
}

#[test]
fn the_seed_loss_falls_at_every_step_of_a_long_run() {
    let mut state = State::seed();
    let mut loss = forward(&state).loss;
    for step in 0..1000 {
        state = train(&state, 1).expect("seed training stays finite");
        let next = forward(&state).loss;
        assert!(next < loss, "step {step}: {next} !< {loss}");
        loss = next;
    }
    assert!(loss < 1e-8, "after 1000 steps the loss is still {loss}");
}
