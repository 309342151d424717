//! Analytic gradients against central finite differences on many random states, large weights
//! included, and the descent properties that follow from them.

mod common;

use backprop_viz::evaluate::evaluate;
use backprop_viz::forward::forward;
use backprop_viz::gradcheck::numeric_gradients;
use backprop_viz::state::{Params, State, PARAM_NAMES};
use backprop_viz::update::train;
use proptest::prelude::*;

/// A state with parameters in `±scale`, inputs in ±2, a target in [0, 1].
fn states(scale: f64, lr: std::ops::Range<f64>) -> impl Strategy<Value = State> {
    (
        prop::array::uniform2(-2.0..2.0f64),
        0.0..1.0f64,
        prop::array::uniform9(-scale..scale),
        lr,
    )
        .prop_map(|(x, t, p, lr)| {
            let mut state = State::seed();
            state.x = x.into();
            state.t[0] = t;
            state.params = Params::from_array(&p);
            state.lr = lr;
            state
        })
}

/// Asserts each analytic gradient is within `abs + rel·|g|` of the finite difference.
fn check(state: &State, eps: f64, abs: f64, rel: f64) -> Result<(), TestCaseError> {
    let analytic = evaluate(state).expect("finite state").grad;
    let analytic = Params {
        w1: nalgebra::Matrix2::from_fn(|i, j| analytic.w1[i][j]),
        b1: analytic.b1.into(),
        w2: nalgebra::Matrix2x1::from_fn(|i, j| analytic.w2[i][j]),
        b2: analytic.b2.into(),
    };
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

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn gradients_match_finite_differences(state in states(3.0, 0.01..1.0)) {
        check(&state, 1e-6, 1e-9, 1e-5)?;
    }

    #[test]
    fn gradients_match_finite_differences_with_large_weights(state in states(40.0, 0.01..1.0)) {
        // Large weights saturate σ: gradients become tiny and E is steep in places, so the
        // difference quotient needs a smaller step and an absolute floor.
        check(&state, 1e-7, 1e-7, 1e-4)?;
    }

    #[test]
    fn a_small_descent_step_never_raises_the_loss(state in states(4.0, 1e-3..1e-2)) {
        let before = forward(&state).loss;
        let after = forward(&train(&state, 1).expect("small steps stay finite")).loss;
        prop_assert!(after <= before + 1e-15, "{after} > {before}");
    }

    #[test]
    fn train_equals_repeated_evaluate_next(state in states(4.0, 0.01..2.0), steps in 0u32..20) {
        let mut expected = state;
        for _ in 0..steps {
            let next = evaluate(&expected).expect("finite").next;
            expected = common::state(&serde_json::json!({
                "x": next.x, "t": next.t, "w1": next.w1, "b1": next.b1,
                "w2": next.w2, "b2": next.b2, "lr": next.lr,
            }).to_string());
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
