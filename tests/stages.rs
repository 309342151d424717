//! The tape the page replays, generated from the layers: for the seed's 2-2-1 the same ten
//! stages, titles and numbers as before; for any network the stages in backprop order, each
//! number the core's own.

#![allow(clippy::excessive_precision)] // reference values are printed to 17 digits, as computed

mod common;

use backprop_viz::evaluate::Pass;
use backprop_viz::formula::{Expr, Formula, Quantity, Relation};
use backprop_viz::network::activation::Activation::{Linear, Relu, Sigmoid, Tanh};
use backprop_viz::network::arch::{Arch, NodeId};
use backprop_viz::network::loss::LossFn;
use backprop_viz::stages::{stage_list, stages, Phase, Stage};
use backprop_viz::state::State;
use backprop_viz::train::update::signed_rate;
use common::{arb, arch, assert_close, evaluated, page_v1, param};
use proptest::prelude::*;
use serde_json::{json, Value};

fn seed_stages() -> Vec<Stage> {
    stages(&evaluated(&State::seed()))
}

/// The old tape's JSON in today's vocabulary: hidden nodes `h1.j`, `apply` and `slope`
/// expressions that name their function, no `path`.
fn modernised(old: &Value) -> Value {
    match old {
        Value::Object(map) => {
            let mut out = serde_json::Map::new();
            for (k, v) in map {
                if k == "path" {
                    continue;
                }
                out.insert(k.clone(), modernised(v));
            }
            match map.get("kind").and_then(Value::as_str) {
                Some("sigmoid") => {
                    out.insert("kind".into(), json!("apply"));
                    out.insert("function".into(), json!("sigmoid"));
                }
                Some("sigma_prime") => {
                    out.insert("kind".into(), json!("slope"));
                    out.insert("function".into(), json!("sigmoid"));
                }
                _ => {}
            }
            Value::Object(out)
        }
        Value::Array(items) => Value::Array(items.iter().map(modernised).collect()),
        Value::String(s) => match s.strip_prefix("h.") {
            Some(j) => json!(format!("h1.{j}")),
            None => old.clone(),
        },
        other => other.clone(),
    }
}

#[test]
fn the_seed_tape_is_the_ten_stages_of_before_with_the_same_titles_and_numbers() {
    let fixture = page_v1();
    let old = fixture[0]["stages"]
        .as_array()
        .expect("the seed's old tape");
    let tape = serde_json::to_value(seed_stages()).expect("serialisable");
    let tape = tape.as_array().expect("an array");
    let ids: Vec<&str> = tape.iter().filter_map(|s| s["id"].as_str()).collect();
    assert_eq!(
        ids,
        [
            "forward_1",
            "forward_2",
            "loss",
            "grad_y",
            "delta_2",
            "grad_w2",
            "grad_h1",
            "delta_1",
            "grad_w1",
            "update"
        ]
    );
    let titles: Vec<&str> = tape.iter().filter_map(|s| s["title"].as_str()).collect();
    assert_eq!(
        titles,
        [
            "Forward to hidden",
            "Forward to output",
            "Loss",
            "∂E/∂y",
            "δ_out and ∂E/∂b⁽²⁾",
            "∂E/∂W⁽²⁾",
            "∂E/∂h",
            "δ_hidden and ∂E/∂b⁽¹⁾",
            "∂E/∂W⁽¹⁾",
            "Update"
        ]
    );
    assert_eq!(old.len(), tape.len());
    for (before, now) in old.iter().map(modernised).zip(tape) {
        let stage = now["id"].as_str().unwrap_or("?");
        for key in ["index", "title", "phase", "edges", "nodes"] {
            assert_eq!(before[key], now[key], "{stage}: {key}");
        }
        // Every formula, symbol and number is as before, bit for bit (the explanations were
        // reworded to fit any network).
        assert_eq!(before["formulas"], now["formulas"], "{stage}: formulas");
    }
}

#[test]
fn the_stage_list_names_the_same_stages_without_a_pass() {
    let tape = seed_stages();
    let listed = stage_list(&Arch::seed());
    let from_tape: Vec<_> = tape.iter().map(|s| (&s.id, s.index, &s.title)).collect();
    let from_list: Vec<_> = listed.iter().map(|s| (&s.id, s.index, &s.title)).collect();
    assert_eq!(from_tape, from_list);
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
fn a_deeper_network_has_a_stage_per_layer_and_per_link() {
    let state = State {
        arch: arch(&[2, 3, 2, 1], &[Tanh, Tanh, Sigmoid]),
        params: (0..6 + 3 + 6 + 2 + 2 + 1)
            .map(|k| ((k * 7 % 11) as f64 - 5.0) / 10.0)
            .collect(),
        ..State::seed()
    };
    let tape = stages(&evaluated(&state));
    let listed: Vec<(String, String)> = tape
        .iter()
        .map(|s| (s.id.clone(), s.title.clone()))
        .collect();
    let expected = [
        ("forward_1", "Forward to hidden layer 1"),
        ("forward_2", "Forward to hidden layer 2"),
        ("forward_3", "Forward to output"),
        ("loss", "Loss"),
        ("grad_y", "∂E/∂y"),
        ("delta_3", "δ_out and ∂E/∂b⁽³⁾"),
        ("grad_w3", "∂E/∂W⁽³⁾"),
        ("grad_h2", "∂E/∂h⁽²⁾"),
        ("delta_2", "δ⁽²⁾ and ∂E/∂b⁽²⁾"),
        ("grad_w2", "∂E/∂W⁽²⁾"),
        ("grad_h1", "∂E/∂h⁽¹⁾"),
        ("delta_1", "δ⁽¹⁾ and ∂E/∂b⁽¹⁾"),
        ("grad_w1", "∂E/∂W⁽¹⁾"),
        ("update", "Update"),
    ]
    .map(|(id, title)| (id.to_string(), title.to_string()));
    assert_eq!(listed, expected);
    let stage = |id: &str| tape.iter().find(|s| s.id == id).expect(id);
    assert_eq!(
        stage("grad_h2").edges,
        ["w3.0.0", "w3.1.0"],
        "∂E/∂h⁽²⁾ flows back along w3"
    );
    assert_eq!(stage("grad_w2").edges.len(), 6);
    assert_eq!(stage("update").edges.len(), 6 + 6 + 2);
    assert_eq!(stage("update").formulas.len(), state.arch.param_count());
    // ∂E/∂h⁽¹⁾₁ sums over the two neurons of layer 2 that h⁽¹⁾₁ feeds.
    let f = &stage("grad_h1").formulas[0];
    assert_eq!(f.target, "h1.0");
    let Expr::Sum { terms } = &f.rhs else {
        panic!("a sum over the layer above, got {:?}", f.rhs)
    };
    assert_eq!(terms.len(), 2);
    // tanh′ = 1 − a², from the neuron's own activation.
    let slope = &stage("delta_2").formulas[0];
    assert_eq!(slope.kind, Quantity::Slope);
    assert!(
        matches!(&slope.rhs, Expr::Difference { left, right }
            if **left == Expr::number(1.0) && matches!(**right, Expr::Square { .. })),
        "{:?}",
        slope.rhs
    );
    assert!(stage("delta_2").explanation.contains("tanh′"));
}

#[test]
fn each_activation_shows_its_own_derivative() {
    let slope_of = |act| {
        let state = State {
            arch: arch(&[2, 2, 1], &[act, Sigmoid]),
            ..State::seed()
        };
        let tape = stages(&evaluated(&state));
        let delta = tape.iter().find(|s| s.id == "delta_1").expect("delta_1");
        (delta.formulas[0].rhs.clone(), delta.explanation.clone())
    };
    let (sigmoid, text) = slope_of(Sigmoid);
    assert!(matches!(sigmoid, Expr::Product { ref factors } if factors.len() == 2));
    assert!(text.contains("σ′(z⁽¹⁾) = h(1 − h)"), "{text}");
    let (relu, text) = slope_of(Relu);
    assert!(matches!(relu, Expr::Positive { .. }), "{relu:?}");
    assert!(
        text.contains("[z⁽¹⁾ > 0]") && text.contains("0 at exactly 0"),
        "{text}"
    );
    let (linear, text) = slope_of(Linear);
    assert_eq!(linear, Expr::number(1.0));
    assert!(text.contains("linear′(z⁽¹⁾) = 1, to get"), "{text}");
    let state = State {
        arch: arch(&[2, 2, 1], &[Linear, Sigmoid]),
        ..State::seed()
    };
    let forward = &stages(&evaluated(&state))[0];
    assert!(
        forward.explanation.ends_with("h = z⁽¹⁾."),
        "{}",
        forward.explanation
    );
}

#[test]
fn the_seed_cards_read_as_sentences() {
    let tape = seed_stages();
    let delta = &tape[4].explanation;
    assert!(
        delta.contains("σ′(z⁽²⁾) = y(1 − y), to get δ_out = ∂E/∂z⁽²⁾"),
        "{delta}"
    );
    assert!(delta.ends_with("so ∂E/∂b⁽²⁾ = δ_out."), "{delta}");
    assert!(tape[7].explanation.ends_with("so ∂E/∂b⁽¹⁾ = δ_hidden."));
    assert!(tape[0].explanation.ends_with("h = σ(z⁽¹⁾)."));
}

#[test]
fn cross_entropy_shows_why_delta_out_is_y_minus_t() {
    let state = State {
        loss_fn: LossFn::CrossEntropy,
        ..State::seed()
    };
    let pass = evaluated(&state);
    let tape = stages(&pass);
    let delta = tape.iter().find(|s| s.id == "delta_2").expect("delta_2");
    let f = &delta.formulas[1];
    assert_eq!(f.kind, Quantity::NodeGrad);
    assert!(
        matches!(f.rhs, Expr::Difference { .. }),
        "δ_out = y − t, got {:?}",
        f.rhs
    );
    assert_eq!(f.value, pass.forward.y()[0] - 0.7);
    assert!(
        delta.explanation.contains("cancels"),
        "{}",
        delta.explanation
    );
    let loss = tape.iter().find(|s| s.id == "loss").expect("loss");
    assert!(loss.explanation.contains("cross-entropy"));
    let grad_y = tape.iter().find(|s| s.id == "grad_y").expect("grad_y");
    assert!(matches!(grad_y.formulas[0].rhs, Expr::Quotient { .. }));
}

/// The neuron named `name` (`x.0`, `h2.1`, `y.0`).
fn node(arch: &Arch, name: &str) -> NodeId {
    (0..=arch.depth())
        .flat_map(|l| arch.layer_nodes(l))
        .find(|n| arch.node_name(*n) == name)
        .unwrap_or_else(|| panic!("no node {name}"))
}

/// Asserts that every formula of the tape shows the value the pass computed for its quantity,
/// and returns how many formulas there were.
fn check_numbers(pass: &Pass, tape: &[Stage]) -> Result<usize, TestCaseError> {
    let arch = &pass.state.arch;
    let (f, g) = (&pass.forward, &pass.grads);
    let (update_grads, _) = pass.update_grads();
    let index = |f: &Formula| {
        arch.index(
            arch.param_named(f.param.as_deref().unwrap_or("?"))
                .expect("a parameter"),
        )
    };
    let mut seen = 0;
    for stage in tape {
        for formula in &stage.formulas {
            let expected = match formula.kind {
                Quantity::Loss => f.loss,
                Quantity::ParamGrad => g.d_params[index(formula)],
                Quantity::Update => {
                    let k = index(formula);
                    let frozen =
                        arch.param_at(k).is_some_and(|id| id.is_bias()) && !pass.state.train_biases;
                    let delta = if frozen {
                        0.0
                    } else {
                        signed_rate(pass.state.lr, pass.state.direction) * update_grads[k]
                    };
                    prop_assert_eq!(formula.delta, Some(delta), "{}", formula.target);
                    prop_assert_eq!(formula.relation, Relation::Assign);
                    pass.next.params[k]
                }
                kind => {
                    let n = node(arch, &formula.target);
                    let (l, j) = (n.layer, n.index);
                    match kind {
                        Quantity::PreActivation => f.z[l][j],
                        Quantity::Activation => f.a[l][j],
                        Quantity::Slope => pass.slope(l, j),
                        Quantity::NodeGrad if stage.id.starts_with("delta") => g.d_z[l][j],
                        Quantity::NodeGrad => g.d_a[l][j],
                        _ => unreachable!(),
                    }
                }
            };
            prop_assert_eq!(
                formula.value.to_bits(),
                expected.to_bits(),
                "{} {:?} {}",
                stage.id,
                formula.kind,
                formula.target
            );
            seen += 1;
        }
    }
    Ok(seen)
}

#[test]
fn every_number_on_the_seed_tape_is_the_one_evaluate_returns() {
    let pass = evaluated(&State::seed());
    let seen = check_numbers(&pass, &stages(&pass)).expect("the numbers agree");
    // z1 (2), h1 (2), z2, y, loss, ∂E/∂y, σ′(z2), δ_out, ∂E/∂b2, ∂E/∂W2 (2), ∂E/∂h1 (2),
    // σ′(z1) (2), δ_hidden (2), ∂E/∂b1 (2), ∂E/∂W1 (4), and the 9 updated parameters.
    assert_eq!(
        seen,
        2 + 2 + 1 + 1 + 1 + 1 + 1 + 1 + 1 + 2 + 2 + 2 + 2 + 2 + 4 + 9
    );
}

proptest! {
    #![proptest_config(common::arb::cases(200))]

    #[test]
    fn any_network_has_its_tape_in_backprop_order_with_the_core_numbers(state in arb::states()) {
        let pass = evaluated(&state);
        let tape = stages(&pass);
        let arch = &state.arch;
        let depth = arch.depth();
        let mut ids: Vec<String> = (1..=depth).map(|l| format!("forward_{l}")).collect();
        ids.extend(["loss".into(), "grad_y".into()]);
        for l in (1..=depth).rev() {
            ids.extend([format!("delta_{l}"), format!("grad_w{l}")]);
            if l > 1 {
                ids.push(format!("grad_h{}", l - 1));
            }
        }
        ids.push("update".into());
        prop_assert_eq!(tape.iter().map(|s| s.id.clone()).collect::<Vec<_>>(), ids);
        prop_assert_eq!(tape.len(), 4 * depth + 2);
        let listed: Vec<_> = stage_list(arch).into_iter().map(|s| (s.id, s.index, s.title)).collect();
        let shown: Vec<_> = tape.iter().map(|s| (s.id.clone(), s.index, s.title.clone())).collect();
        prop_assert_eq!(listed, shown);
        for stage in &tape {
            prop_assert!(!stage.explanation.contains(" ,") && !stage.explanation.contains("= (z"), "{}", stage.explanation);
        }
        let seen = check_numbers(&pass, &tape)?;
        // Per neuron: z and a forward; ∂E/∂a (∂E/∂y for the outputs); a slope, δ and ∂E/∂b.
        // Per weight a gradient, per parameter an update, and the loss.
        let neurons: usize = arch.widths()[1..].iter().sum();
        let weights = arch.param_count() - neurons;
        prop_assert_eq!(seen, 6 * neurons + weights + arch.param_count() + 1);
    }
}

#[test]
fn the_w2_chain_rule_card_shows_its_factors() {
    let tape = seed_stages();
    let grad_w2 = &tape[5];
    let f = &grad_w2.formulas[0];
    assert_eq!(
        (f.target.as_str(), f.param.as_deref()),
        ("w2.0.0", Some("w2.0.0"))
    );
    let Expr::Product { factors } = &f.rhs else {
        panic!("∂E/∂w is a product, got {:?}", f.rhs)
    };
    let values: Vec<f64> = factors
        .iter()
        .map(|e| match e {
            Expr::Grad { value, .. } | Expr::Slope { value, .. } | Expr::Var { value, .. } => {
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
    let seed = State::seed();
    let r = evaluated(&seed);
    let by_target = |t: &str| update.formulas.iter().find(|f| f.target == t).expect(t);
    let w = by_target("w1.0.1");
    assert_eq!(w.relation, Relation::Assign);
    let grad = param(&seed.arch, &r.grads.d_params, "w1.0.1");
    assert_eq!(w.delta, Some(-(0.1 * grad)));
    assert_eq!(w.value, param(&seed.arch, &r.next.params, "w1.0.1"));
    assert_close(0.4 + w.delta.unwrap_or(f64::NAN), w.value, "w1[0][1] + Δ");
    // A bias's update is shown on its neuron.
    assert_eq!(by_target("h1.1").param.as_deref(), Some("b1.1"));
}

#[test]
fn frozen_biases_are_shown_unchanged() {
    let state = State {
        train_biases: false,
        ..State::seed()
    };
    let tape = stages(&evaluated(&state));
    let update = tape.last().expect("an update stage");
    let b = update
        .formulas
        .iter()
        .find(|f| f.param.as_deref() == Some("b2.0"))
        .expect("b2");
    assert_eq!((b.value, b.delta), (0.1, Some(0.0)));
    assert!(matches!(b.rhs, Expr::Var { .. }), "b ← b, got {:?}", b.rhs);
    assert!(update.explanation.contains("train_biases is off"));
}

#[test]
fn the_tape_serialises_with_kind_tags() {
    let json = serde_json::to_value(seed_stages()).expect("serialisable");
    assert_eq!(json[5]["id"], "grad_w2");
    assert_eq!(json[5]["edges"], json!(["w2.0.0", "w2.1.0"]));
    assert_eq!(json[5]["formulas"][0]["rhs"]["kind"], "product");
    assert_eq!(
        json[5]["formulas"][0]["rhs"]["factors"][1],
        json!({"kind": "slope", "function": "sigmoid", "of": {"base": "z", "sub": "", "sup": "(2)"}, "value": 0.21784127259573788})
    );
    assert_eq!(
        json[0]["formulas"][0]["lhs"]["symbol"],
        json!({"base": "z", "sub": "1", "sup": "(1)"})
    );
    assert_eq!(json[0]["formulas"][1]["rhs"]["kind"], "apply");
    assert!(json[4]["formulas"][0].get("path").is_none());
    assert!(json[4]["formulas"][0].get("param").is_none());
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
        .map(|(k, p)| (k, p.unwrap_or("?").to_string()))
        .collect();
    let names: Vec<_> = Arch::seed()
        .params()
        .into_iter()
        .map(|id| (Quantity::Update, id.name()))
        .collect();
    assert_eq!(updated, names);
}
