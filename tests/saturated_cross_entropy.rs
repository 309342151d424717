//! Cross-entropy on a saturated sigmoid output: ∂E/∂y comes from z, so a confidently wrong
//! output gets a large but finite gradient (never NaN, never a silent infinity), and only a sum
//! beyond f64's exponent range is refused, naming the value.

mod common;

use backprop_viz::evaluate::pass;
use common::{state, SEED_JSON};

fn with_output_bias(b2: f64, t: f64) -> backprop_viz::state::State {
    state(
        &SEED_JSON
            .replace("\"b2\":[0.1]", &format!("\"b2\":[{b2}]"))
            .replace("\"t\":[0.7]", &format!("\"t\":[{t}]"))
            .replace('}', ",\"loss_fn\":\"cross_entropy\"}"),
    )
}

#[test]
fn a_confidently_wrong_output_has_a_large_finite_gradient() {
    let p = pass(&with_output_bias(40.0, 0.0)).expect("finite");
    let z = p.forward.z_out()[0];
    assert_eq!(p.forward.y()[0], 1.0, "y rounds to 1");
    let d_y = p.grads.d_a[2][0];
    assert!(d_y.is_finite(), "{d_y}");
    // (1 − t)(1 + e^z) for t = 0.
    assert!((d_y / (1.0 + z.exp()) - 1.0).abs() < 1e-15, "{d_y}");
    assert_eq!(p.grads.d_z[2][0], 1.0, "δ_out = y − t");
}

#[test]
fn a_right_saturated_output_has_gradient_minus_one() {
    let p = pass(&with_output_bias(40.0, 1.0)).expect("finite");
    assert!((p.grads.d_a[2][0] + 1.0).abs() < 1e-15);
    assert_eq!(p.grads.d_z[2][0], 0.0);
}

#[test]
fn a_sum_beyond_the_exponent_range_is_refused_by_name() {
    let error = pass(&with_output_bias(800.0, 0.0)).expect_err("e^800 overflows");
    assert_eq!(error.field, "grad.y[0]");
    assert!(
        error.message.contains("the result overflowed"),
        "{}",
        error.message
    );
}
