//! The seed notebook's example, computed exactly: every number of the forward pass, the
//! gradients and the descent step, to 1e-9 relative (reference values from 40-digit arithmetic).

#![allow(clippy::excessive_precision)] // reference values are printed to 17 digits, as computed
mod common;

use backprop_viz::evaluate::evaluate;
use backprop_viz::state::State;
use backprop_viz::update::train;
use common::{assert_close, state, SEED_JSON};

#[test]
fn the_seed_json_is_the_default_state() {
    assert_eq!(state(SEED_JSON), State::seed());
}

#[test]
fn forward_pass_matches_the_reference() {
    let r = evaluate(&State::seed()).expect("seed evaluates");
    assert_close(r.z1[0], 0.23, "z1[0]");
    assert_close(r.z1[1], 0.49, "z1[1]");
    assert_close(r.h[0], 0.557_247_854_598_555_58, "h[0]");
    assert_close(r.h[1], 0.620_106_432_343_090_13, "h[1]");
    assert_close(r.z2[0], 0.750_687_786_705_131_87, "z2[0]");
    assert_close(r.y[0], 0.679_328_545_982_679_95, "y[0]");
    assert_close(r.loss, 0.000_427_309_011_190_177_42, "loss");
}

#[test]
fn gradients_match_the_reference() {
    let g = evaluate(&State::seed()).expect("seed evaluates").grad;
    assert_close(g.y[0], -0.041_342_908_034_640_109, "∂E/∂y");
    assert_close(g.z2[0], -0.009_006_191_699_074_556_4, "δ_out");
    assert_close(g.params.b2[0], -0.009_006_191_699_074_556_4, "∂E/∂b2");
    assert_close(
        g.params.w2[0][0],
        -0.005_018_681_002_412_616_6,
        "∂E/∂w2[0][0]",
    );
    assert_close(
        g.params.w2[1][0],
        -0.005_584_797_403_511_076_3,
        "∂E/∂w2[1][0]",
    );
    assert_close(g.h[0], -0.004_503_095_849_537_278_2, "∂E/∂h[0]");
    assert_close(g.h[1], -0.005_403_715_019_444_733_8, "∂E/∂h[1]");
    assert_close(g.z1[0], -0.001_111_015_890_451_828_8, "δ_hidden[0]");
    assert_close(g.z1[1], -0.001_272_977_166_156_521_8, "δ_hidden[1]");
    assert_close(g.params.b1[0], -0.001_111_015_890_451_828_8, "∂E/∂b1[0]");
    assert_close(g.params.b1[1], -0.001_272_977_166_156_521_8, "∂E/∂b1[1]");
    assert_close(
        g.params.w1[0][0],
        -0.000_555_507_945_225_914_42,
        "∂E/∂w1[0][0]",
    );
    assert_close(
        g.params.w1[0][1],
        -0.000_636_488_583_078_260_89,
        "∂E/∂w1[0][1]",
    );
    assert_close(
        g.params.w1[1][0],
        -0.000_333_304_767_135_548_65,
        "∂E/∂w1[1][0]",
    );
    assert_close(
        g.params.w1[1][1],
        -0.000_381_893_149_846_956_54,
        "∂E/∂w1[1][1]",
    );
}

#[test]
fn one_descent_step_matches_the_reference() {
    let next = evaluate(&State::seed()).expect("seed evaluates").next;
    assert_close(next.params.w1[0][0], 0.200_055_550_794_522_59, "w1[0][0]");
    assert_close(next.params.w1[0][1], 0.400_063_648_858_307_83, "w1[0][1]");
    assert_close(next.params.w1[1][0], 0.100_033_330_476_713_55, "w1[1][0]");
    assert_close(next.params.w1[1][1], 0.300_038_189_314_984_7, "w1[1][1]");
    assert_close(next.params.w2[0][0], 0.500_501_868_100_241_26, "w2[0][0]");
    assert_close(next.params.w2[1][0], 0.600_558_479_740_351_11, "w2[1][0]");
    assert_close(next.params.b1[0], 0.100_111_101_589_045_18, "b1[0]");
    assert_close(next.params.b1[1], 0.200_127_297_716_615_65, "b1[1]");
    assert_close(next.params.b2[0], 0.100_900_619_169_907_46, "b2[0]");
    assert_eq!((next.x, next.t, next.lr), ([0.5, 0.3], [0.7], 0.1));
}

#[test]
fn the_step_is_descent_not_the_notebooks_ascent() {
    let before = evaluate(&State::seed()).expect("seed evaluates");
    let after = evaluate(&train(&State::seed(), 1).expect("one step")).expect("next evaluates");
    assert!(
        after.loss < before.loss,
        "{} !< {}",
        after.loss,
        before.loss
    );
    // The notebook's `w += lr·grad` would move every weight the other way.
    assert!(before.next.params.w2[0][0] > 0.5 && before.next.params.b2[0] > 0.1);
}
