//! The seed notebook's example, computed exactly: every number of the forward pass, the
//! gradients and the descent step, to 1e-9 relative (reference values from 40-digit arithmetic),
//! and the shape of `evaluate()`'s result for the 2-2-1.

#![allow(clippy::excessive_precision)] // reference values are printed to 17 digits, as computed
mod common;

use backprop_viz::state::State;
use backprop_viz::train::update::train;
use common::{assert_close, evaluate_json, evaluated, keys_in_order, param, state, SEED_JSON};
use serde_json::json;

#[test]
fn the_seed_json_is_the_default_state() {
    assert_eq!(state(SEED_JSON), State::seed());
    assert_eq!(
        serde_json::to_string(&State::seed()).expect("serialisable"),
        SEED_JSON
    );
}

#[test]
fn forward_pass_matches_the_reference() {
    let f = evaluated(&State::seed()).forward;
    assert_close(f.z[1][0], 0.23, "z1[0]");
    assert_close(f.z[1][1], 0.49, "z1[1]");
    assert_close(f.a[1][0], 0.557_247_854_598_555_58, "h1[0]");
    assert_close(f.a[1][1], 0.620_106_432_343_090_13, "h1[1]");
    assert_close(f.z[2][0], 0.750_687_786_705_131_87, "z2[0]");
    assert_close(f.y()[0], 0.679_328_545_982_679_95, "y[0]");
    assert_close(f.loss, 0.000_427_309_011_190_177_42, "loss");
}

#[test]
fn gradients_match_the_reference() {
    let seed = State::seed();
    let g = evaluated(&seed).grads;
    let p = |name: &str| param(&seed.arch, &g.d_params, name);
    assert_close(g.d_a[2][0], -0.041_342_908_034_640_109, "∂E/∂y");
    assert_close(g.d_z[2][0], -0.009_006_191_699_074_556_4, "δ_out");
    assert_close(p("b2.0"), -0.009_006_191_699_074_556_4, "∂E/∂b2");
    assert_close(p("w2.0.0"), -0.005_018_681_002_412_616_6, "∂E/∂w2[0][0]");
    assert_close(p("w2.1.0"), -0.005_584_797_403_511_076_3, "∂E/∂w2[1][0]");
    assert_close(g.d_a[1][0], -0.004_503_095_849_537_278_2, "∂E/∂h1[0]");
    assert_close(g.d_a[1][1], -0.005_403_715_019_444_733_8, "∂E/∂h1[1]");
    assert_close(g.d_z[1][0], -0.001_111_015_890_451_828_8, "δ_hidden[0]");
    assert_close(g.d_z[1][1], -0.001_272_977_166_156_521_8, "δ_hidden[1]");
    assert_close(p("b1.0"), -0.001_111_015_890_451_828_8, "∂E/∂b1[0]");
    assert_close(p("b1.1"), -0.001_272_977_166_156_521_8, "∂E/∂b1[1]");
    assert_close(p("w1.0.0"), -0.000_555_507_945_225_914_42, "∂E/∂w1[0][0]");
    assert_close(p("w1.0.1"), -0.000_636_488_583_078_260_89, "∂E/∂w1[0][1]");
    assert_close(p("w1.1.0"), -0.000_333_304_767_135_548_65, "∂E/∂w1[1][0]");
    assert_close(p("w1.1.1"), -0.000_381_893_149_846_956_54, "∂E/∂w1[1][1]");
}

#[test]
fn one_descent_step_matches_the_reference() {
    let next = evaluated(&State::seed()).next;
    let p = |name: &str| param(&next.arch, &next.params, name);
    assert_close(p("w1.0.0"), 0.200_055_550_794_522_59, "w1[0][0]");
    assert_close(p("w1.0.1"), 0.400_063_648_858_307_83, "w1[0][1]");
    assert_close(p("w1.1.0"), 0.100_033_330_476_713_55, "w1[1][0]");
    assert_close(p("w1.1.1"), 0.300_038_189_314_984_7, "w1[1][1]");
    assert_close(p("w2.0.0"), 0.500_501_868_100_241_26, "w2[0][0]");
    assert_close(p("w2.1.0"), 0.600_558_479_740_351_11, "w2[1][0]");
    assert_close(p("b1.0"), 0.100_111_101_589_045_18, "b1[0]");
    assert_close(p("b1.1"), 0.200_127_297_716_615_65, "b1[1]");
    assert_close(p("b2.0"), 0.100_900_619_169_907_46, "b2[0]");
    assert_eq!(
        (next.example.x, next.example.t, next.lr),
        (vec![0.5, 0.3], vec![0.7], 0.1)
    );
}

#[test]
fn the_step_is_descent_not_the_notebooks_ascent() {
    let before = evaluated(&State::seed());
    let after = evaluated(&train(&State::seed(), 1).expect("one step"));
    assert!(
        after.forward.loss < before.forward.loss,
        "{} !< {}",
        after.forward.loss,
        before.forward.loss
    );
    // The notebook's `w += lr·grad` would move every weight the other way.
    let next = &before.next;
    assert!(param(&next.arch, &next.params, "w2.0.0") > 0.5);
    assert!(param(&next.arch, &next.params, "b2.0") > 0.1);
}

#[test]
fn evaluate_names_the_hidden_layer_h1() {
    let pass = evaluated(&State::seed());
    assert_eq!(
        keys_in_order(&pass, &[]),
        ["z1", "z2", "h1", "y", "loss", "grad", "next", "slope", "dead"]
    );
    assert_eq!(
        keys_in_order(&pass, &["grad"]),
        ["z1", "z2", "h1", "y", "w1", "b1", "w2", "b2"]
    );
    assert_eq!(keys_in_order(&pass, &["slope"]), ["z1", "z2"]);
    let r = evaluate_json(&State::seed());
    assert_eq!(r["h1"], json!([0.5572478545985555, 0.6201064323430902]));
    assert_eq!(r["y"], json!([0.6793285459826799]));
    assert_eq!(r["grad"]["w2"].as_array().map(Vec::len), Some(2));
    assert_eq!(r["grad"]["w2"][1].as_array().map(Vec::len), Some(1));
    assert_eq!(r["dead"], json!([]));
    assert!(r.get("batch").is_none(), "no samples, no batch");
    assert_eq!(r["next"]["lr"], json!(0.1));
    let y = 0.679_328_545_982_679_95;
    assert_close(
        r["slope"]["z2"][0].as_f64().unwrap_or(f64::NAN),
        y * (1.0 - y),
        "σ′(z2)",
    );
}
