//! The tape the page replays: ten stages in backprop order, whose numbers are the core's own.

#![allow(clippy::excessive_precision)] // reference values are printed to 17 digits, as computed

mod common;

use backprop_viz::evaluate::{evaluate, pass};
use backprop_viz::formula::Quantity;
use backprop_viz::formula::{Expr, Relation};
use backprop_viz::stages::{stage_list, stages, Phase, Stage, STAGES};
use backprop_viz::state::State;
use common::assert_close;

fn seed_stages() -> Vec<Stage> {
    stages(&pass(&State::seed()).expect("seed evaluates"))
}

#[test]
fn ten_stages_in_backprop_order() {
    let tape = seed_stages();
    let ids: Vec<_> = tape.iter().map(|s| s.id).collect();
    assert_eq!(ids, STAGES.map(|(id, _)| id));
    let titles: Vec<_> = tape.iter().map(|s| (s.id, s.index, s.title)).collect();
    let listed: Vec<_> = stage_list()
        .iter()
        .map(|s| (s.id, s.index, s.title))
        .collect();
    assert_eq!(titles, listed);
    assert_eq!(
        tape.iter().map(|s| s.index).collect::<Vec<_>>(),
        (1..=10).collect::<Vec<_>>()
    );
    let phases: Vec<_> = tape.iter().map(|s| s.phase).collect();
    assert_eq!(&phases[..3], &[Phase::Forward, Phase::Forward, Phase::Loss]);
    assert!(phases[3..9].iter().all(|p| *p == Phase::Backward));
    assert_eq!(phases[9], Phase::Update);
}

#[test]
fn w2_gradients_come_before_w1_gradients() {
    let tape = seed_stages();
    let first_with = |prefix: &str| {
        tape.iter()
            .position(|s| {
                s.formulas
                    .iter()
                    .any(|f| f.path.as_deref().is_some_and(|p| p.starts_with(prefix)))
            })
            .expect("some stage reveals it")
    };
    assert!(first_with("grad.y") < first_with("grad.z2"));
    assert!(first_with("grad.z2") < first_with("grad.w2"));
    assert!(first_with("grad.w2") < first_with("grad.h"));
    assert!(first_with("grad.h") < first_with("grad.w1"));
    assert!(first_with("grad.w1") < first_with("next."));
}

#[test]
fn every_number_on_the_tape_is_the_one_evaluate_returns() {
    let entries = evaluate(&State::seed()).expect("seed evaluates").entries();
    let mut seen = 0;
    for stage in seed_stages() {
        for f in &stage.formulas {
            let Some(path) = &f.path else { continue };
            let (_, expected) = entries
                .iter()
                .find(|(p, _)| p == path)
                .unwrap_or_else(|| panic!("{path} is not in evaluate's result"));
            assert_eq!(f.value, *expected, "{} {path}", stage.id);
            seen += 1;
        }
    }
    // z1 (2), h (2), z2, y, loss, ∂E/∂y, δ_out, ∂E/∂b2, ∂E/∂W2 (2), ∂E/∂h (2), δ_hidden (2),
    // ∂E/∂b1 (2), ∂E/∂W1 (4), and the 9 updated parameters.
    assert_eq!(seen, 2 + 2 + 1 + 1 + 1 + 1 + 1 + 1 + 2 + 2 + 2 + 2 + 4 + 9);
}

#[test]
fn the_w2_chain_rule_card_shows_its_factors() {
    let tape = seed_stages();
    let grad_w2 = &tape[5];
    let f = &grad_w2.formulas[0];
    assert_eq!(
        (f.target.as_str(), f.path.as_deref()),
        ("w2.0.0", Some("grad.w2[0][0]"))
    );
    let Expr::Product { factors } = &f.rhs else {
        panic!("∂E/∂w is a product, got {:?}", f.rhs)
    };
    let values: Vec<f64> = factors
        .iter()
        .map(|e| match e {
            Expr::Grad { value, .. } | Expr::SigmaPrime { value, .. } | Expr::Var { value, .. } => {
                *value
            }
            other => panic!("unexpected factor {other:?}"),
        })
        .collect();
    // ∂E/∂y · σ′(z⁽²⁾) · h₁ = (−0.04134)(0.2178)(0.5572) = −0.005019
    assert_close(values[0], -0.041_342_908_034_640_109, "∂E/∂y");
    assert_close(values[1], 0.217_841_272_595_737_84, "σ′(z2)");
    assert_close(values[2], 0.557_247_854_598_555_58, "h1");
    assert_close(values.iter().product(), f.value, "product");
}

#[test]
fn the_update_replaces_every_parameter_with_its_descent_step() {
    let tape = seed_stages();
    let update = &tape[9];
    assert_eq!(update.formulas.len(), 9);
    let r = evaluate(&State::seed()).expect("seed evaluates");
    let by_target = |t: &str| update.formulas.iter().find(|f| f.target == t).expect(t);
    let w = by_target("w1.0.1");
    assert_eq!(w.relation, Relation::Assign);
    assert_eq!(w.delta, Some(-(0.1 * r.grad.params.w1[0][1])));
    assert_eq!(w.value, r.next.params.w1[0][1]);
    assert_close(0.4 + w.delta.unwrap_or(f64::NAN), w.value, "w1[0][1] + Δ");
}

#[test]
fn the_tape_serialises_with_kind_tags() {
    let json = serde_json::to_value(seed_stages()).expect("serialisable");
    assert_eq!(json[5]["id"], "grad_w2");
    assert_eq!(json[5]["edges"], serde_json::json!(["w2.0.0", "w2.1.0"]));
    assert_eq!(json[5]["formulas"][0]["rhs"]["kind"], "product");
    assert_eq!(
        json[5]["formulas"][0]["rhs"]["factors"][1]["kind"],
        "sigma_prime"
    );
    assert_eq!(
        json[0]["formulas"][0]["lhs"]["symbol"],
        serde_json::json!({"base": "z", "sub": "1", "sup": "(1)"})
    );
    assert!(
        json[4]["formulas"][0].get("path").is_none(),
        "σ′ has no path in evaluate"
    );
}

#[test]
fn formulas_say_what_they_compute_and_for_which_parameter() {
    let tape = seed_stages();
    let kinds = |i: usize| -> Vec<(Quantity, Option<&str>)> {
        tape[i]
            .formulas
            .iter()
            .map(|f| (f.kind, f.param.as_deref()))
            .collect()
    };
    assert_eq!(
        kinds(4),
        [
            (Quantity::Slope, None),
            (Quantity::NodeGrad, None),
            (Quantity::ParamGrad, Some("b2.0"))
        ]
    );
    assert_eq!(
        kinds(5),
        [
            (Quantity::ParamGrad, Some("w2.0.0")),
            (Quantity::ParamGrad, Some("w2.1.0"))
        ]
    );
    let updated: Vec<_> = kinds(9)
        .into_iter()
        .map(|(k, p)| (k, p.unwrap_or("?")))
        .collect();
    let names = backprop_viz::state::PARAM_NAMES;
    assert_eq!(updated, names.map(|n| (Quantity::Update, n)));
}
