//! Practice mode: every question is the tape's own formula value, and each named mistake gives
//! what a direct hand computation with that mistake gives, on the seed and on random networks;
//! a mistake that does not apply is not offered. "New exercise" draws hand-friendly numbers.

mod common;

use backprop_viz::evaluate::Pass;
use backprop_viz::network::activation::Activation;
use backprop_viz::network::arch::ParamId;
use backprop_viz::network::loss::LossFn;
use backprop_viz::practice::exercise::exercise;
use backprop_viz::practice::{practice, within, MistakeKind, Question, TOLERANCE};
use backprop_viz::stages::{plan, stages, Step};
use backprop_viz::state::{Direction, State};
use common::arb::{cases, states};
use common::{arch, assert_close, evaluated, param, preset};
use proptest::prelude::*;

/// The question of formula `f` of the stage `step` of `pass`.
fn question(pass: &Pass, step: Step, f: usize) -> Question {
    let s = plan(&pass.state.arch)
        .iter()
        .position(|&st| st == step)
        .expect("the step is on the tape");
    practice(pass).stages[s][f].clone()
}

/// The value mistake `kind` gives for the question, if it is offered.
fn offered(q: &Question, kind: MistakeKind) -> Option<f64> {
    q.mistakes.iter().find(|m| m.kind == kind).map(|m| m.value)
}

/// Asserts mistake `kind` gives `expected`, or, where `expected` cannot be told from the right
/// value within the tolerance, that it is not offered.
#[track_caller]
fn assert_mistake(q: &Question, kind: MistakeKind, expected: f64) {
    if within(expected, q.value) || within(q.value, expected) {
        assert_eq!(
            offered(q, kind),
            None,
            "{kind:?} is indistinguishable, so not offered"
        );
        return;
    }
    let got = offered(q, kind).unwrap_or_else(|| panic!("{kind:?} is offered for {q:?}"));
    assert_close(got, expected, &format!("{kind:?}"));
}

fn kinds(pass: &Pass) -> Vec<MistakeKind> {
    practice(pass)
        .stages
        .iter()
        .flatten()
        .flat_map(|q| q.mistakes.iter().map(|m| m.kind))
        .collect()
}

/// The questions line up with the tape: one per formula, with the formula's exact value.
fn assert_aligned(pass: &Pass) {
    let tape = stages(pass);
    let asked = practice(pass);
    assert_eq!(asked.stages.len(), tape.len());
    assert_eq!(asked.tolerance, TOLERANCE);
    for (stage, questions) in tape.iter().zip(&asked.stages) {
        assert_eq!(questions.len(), stage.formulas.len(), "{}", stage.id);
        for (formula, q) in stage.formulas.iter().zip(questions) {
            assert_eq!(
                q.value.to_bits(),
                formula.value.to_bits(),
                "{} {}",
                stage.id,
                formula.target
            );
            for m in &q.mistakes {
                assert!(m.value.is_finite());
                let rel = (m.value - q.value).abs() / q.value.abs().max(f64::MIN_POSITIVE);
                assert!(
                    rel > TOLERANCE,
                    "{:?} at {} is told apart",
                    m.kind,
                    formula.target
                );
            }
        }
    }
}

#[test]
fn the_seed_mistakes_match_a_hand_computation() {
    let pass = evaluated(&State::seed());
    assert_aligned(&pass);
    let s = &pass.state;
    let p = |name| param(&s.arch, &s.params, name);
    let (x, t, lr) = (&s.example.x, s.example.t[0], s.lr);
    let sig = |z: f64| 1.0 / (1.0 + (-z).exp());
    let z1 = [
        x[0] * p("w1.0.0") + x[1] * p("w1.1.0") + p("b1.0"),
        x[0] * p("w1.0.1") + x[1] * p("w1.1.1") + p("b1.1"),
    ];
    let h = [sig(z1[0]), sig(z1[1])];
    let z2 = h[0] * p("w2.0.0") + h[1] * p("w2.1.0") + p("b2.0");
    let y = sig(z2);
    let dy = 2.0 * (y - t);
    let delta = dy * y * (1.0 - y);
    let d_w2 = [delta * h[0], delta * h[1]];
    let w2_after = [p("w2.0.0") - lr * d_w2[0], p("w2.1.0") - lr * d_w2[1]];
    let d_h = [delta * p("w2.0.0"), delta * p("w2.1.0")];
    let delta1 = [d_h[0] * h[0] * (1.0 - h[0]), d_h[1] * h[1] * (1.0 - h[1])];

    // z⁽¹⁾₁ with w⁽¹⁾₁₂ for w⁽¹⁾₂₁.
    let q = question(&pass, Step::Forward(1), 0);
    assert_close(q.value, z1[0], "z1");
    assert_mistake(&q, MistakeKind::Sign, -z1[0]);
    assert_mistake(
        &q,
        MistakeKind::SwappedIndex,
        x[0] * p("w1.0.0") + x[1] * p("w1.0.1") + p("b1.0"),
    );

    // ∂E/∂y without its factor 2.
    let q = question(&pass, Step::GradY, 0);
    assert_close(q.value, dy, "∂E/∂y");
    assert_mistake(&q, MistakeKind::MissingFactor2, y - t);
    assert_mistake(&q, MistakeKind::Sign, -dy);

    // σ′(z⁽²⁾) from z, and δ_out with it; δ_out and ∂E/∂b⁽²⁾ without the factor 2.
    for f in [0, 1, 2] {
        let q = question(&pass, Step::Delta(2), f);
        if f == 0 {
            assert_close(q.value, y * (1.0 - y), "σ′");
            assert_mistake(&q, MistakeKind::SlopeFromZ, z2 * (1.0 - z2));
        } else {
            assert_close(q.value, delta, "δ_out");
            assert_mistake(&q, MistakeKind::SlopeFromZ, dy * z2 * (1.0 - z2));
            assert_mistake(&q, MistakeKind::MissingFactor2, (y - t) * y * (1.0 - y));
        }
    }

    // ∂E/∂w⁽²⁾₁: no swapped index in a one-column layer.
    let q = question(&pass, Step::GradW(2), 0);
    assert_close(q.value, d_w2[0], "∂E/∂w2");
    assert_mistake(
        &q,
        MistakeKind::MissingFactor2,
        (y - t) * y * (1.0 - y) * h[0],
    );
    assert_mistake(&q, MistakeKind::SlopeFromZ, dy * z2 * (1.0 - z2) * h[0]);
    assert_eq!(offered(&q, MistakeKind::SwappedIndex), None);

    // ∂E/∂h₂ and δ_hidden with the already-updated output weights (Mazur's bug): at the seed's
    // η = 0.1 the output weights move by less than 10⁻³ of their size, too little to tell.
    let q = question(&pass, Step::GradH(1), 1);
    assert_close(q.value, d_h[1], "∂E/∂h₂");
    assert_mistake(&q, MistakeKind::UpdatedWeights, delta * w2_after[1]);
    let q = question(&pass, Step::Delta(1), 4);
    assert_close(q.value, delta1[1], "δ_hidden₂");
    assert_mistake(
        &q,
        MistakeKind::UpdatedWeights,
        delta * w2_after[1] * h[1] * (1.0 - h[1]),
    );
    assert_mistake(&q, MistakeKind::SlopeFromZ, d_h[1] * z1[1] * (1.0 - z1[1]));
    assert_eq!(
        offered(&q, MistakeKind::MissingFactor2),
        None,
        "the 2 belongs to ∂E/∂y only"
    );

    // ∂E/∂w⁽¹⁾₁₂ = δ₂·x₁, swapped: ∂E/∂w⁽¹⁾₂₁ = δ₁·x₂.
    let q = question(&pass, Step::GradW(1), 1);
    assert_close(q.value, delta1[1] * x[0], "∂E/∂w⁽¹⁾₁₂");
    assert_mistake(&q, MistakeKind::SwappedIndex, delta1[0] * x[1]);
    assert_mistake(
        &q,
        MistakeKind::UpdatedWeights,
        delta * w2_after[1] * h[1] * (1.0 - h[1]) * x[0],
    );

    // The update: w⁽²⁾₁ stepped the wrong way (too small a step to tell at η = 0.1).
    let q = question(&pass, Step::Update, 6);
    assert_close(q.value, w2_after[0], "w⁽²⁾₁ after");
    assert_mistake(&q, MistakeKind::StepDirection, p("w2.0.0") + lr * d_w2[0]);

    // With η = 10 both can be told: the same computations, ten times the step.
    let fast = evaluated(&State {
        lr: 10.0,
        ..State::seed()
    });
    let w2_fast = [p("w2.0.0") - 10.0 * d_w2[0], p("w2.1.0") - 10.0 * d_w2[1]];
    let q = question(&fast, Step::GradH(1), 1);
    assert!(offered(&q, MistakeKind::UpdatedWeights).is_some());
    assert_mistake(&q, MistakeKind::UpdatedWeights, delta * w2_fast[1]);
    let q = question(&fast, Step::Delta(1), 4);
    assert_mistake(
        &q,
        MistakeKind::UpdatedWeights,
        delta * w2_fast[1] * h[1] * (1.0 - h[1]),
    );
    let q = question(&fast, Step::Update, 6);
    assert!(offered(&q, MistakeKind::StepDirection).is_some());
    assert_mistake(&q, MistakeKind::StepDirection, p("w2.0.0") + 10.0 * d_w2[0]);
}

#[test]
fn mistakes_that_do_not_apply_are_not_offered() {
    for loss_fn in [LossFn::HalfSquared, LossFn::CrossEntropy] {
        let pass = evaluated(&State {
            loss_fn,
            ..State::seed()
        });
        assert_aligned(&pass);
        assert!(
            !kinds(&pass).contains(&MistakeKind::MissingFactor2),
            "{loss_fn:?}"
        );
    }
    // Cross-entropy: δ_out = y − t has no slope in it, so no σ′-from-z there (σ′ itself still has).
    let pass = evaluated(&State {
        loss_fn: LossFn::CrossEntropy,
        ..State::seed()
    });
    assert!(offered(&question(&pass, Step::Delta(2), 1), MistakeKind::SlopeFromZ).is_none());
    assert!(offered(&question(&pass, Step::Delta(2), 0), MistakeKind::SlopeFromZ).is_some());

    // ReLU and linear layers have no σ′ to take from z.
    let mut state = State::seed();
    state.arch = arch(&[2, 2, 1], &[Activation::Relu, Activation::Linear]);
    let pass = evaluated(&state);
    assert!(!kinds(&pass).contains(&MistakeKind::SlopeFromZ));

    // Biases that are not trained have no step to get wrong.
    let pass = evaluated(&State {
        train_biases: false,
        lr: 10.0,
        ..State::seed()
    });
    assert_eq!(
        offered(
            &question(&pass, Step::Update, 4),
            MistakeKind::StepDirection
        ),
        None
    );
    assert!(offered(
        &question(&pass, Step::Update, 0),
        MistakeKind::StepDirection
    )
    .is_some());
}

#[test]
fn ascent_and_mazur_name_the_step_and_the_updated_weights() {
    let pass = evaluated(&State {
        direction: Direction::Ascent,
        lr: 10.0,
        ..State::seed()
    });
    let s = &pass.state;
    let (old, g) = (param(&s.arch, &s.params, "w1.0.0"), pass.grads.d_params[0]);
    let q = question(&pass, Step::Update, 0);
    assert_close(q.value, old + s.lr * g, "ascent");
    assert!(offered(&q, MistakeKind::StepDirection).is_some());
    assert_mistake(&q, MistakeKind::StepDirection, old - s.lr * g);

    let mazur = evaluated(&preset("mazur"));
    assert_aligned(&mazur);
    let s = &mazur.state;
    // ∂E/∂h₁ with the updated w⁽²⁾₁₁ and w⁽²⁾₁₂ (Mazur's w5, w6), from the pass's own δ_out.
    let after = |name| param(&s.arch, &mazur.next.params, name);
    let d_z2 = &mazur.grads.d_z[2];
    let q = question(&mazur, Step::GradH(1), 0);
    assert_mistake(
        &q,
        MistakeKind::UpdatedWeights,
        d_z2[0] * after("w2.0.0") + d_z2[1] * after("w2.0.1"),
    );
    // ∂E/∂h₁ with w⁽²⁾₂₁ for w⁽²⁾₁₂ (a square 2-2 layer).
    let before = |name| param(&s.arch, &s.params, name);
    assert_mistake(
        &q,
        MistakeKind::SwappedIndex,
        d_z2[0] * before("w2.0.0") + d_z2[1] * before("w2.1.0"),
    );
    assert!(
        !kinds(&mazur).contains(&MistakeKind::MissingFactor2),
        "½(t − o)²"
    );
}

proptest! {
    #![proptest_config(cases(64))]

    #[test]
    fn every_architecture_lines_up_and_its_mistakes_match_by_hand(state in states()) {
        let Ok(pass) = backprop_viz::evaluate::pass(&state) else { return Ok(()); };
        assert_aligned(&pass);
        let arch = &state.arch;
        let depth = arch.depth();
        let (z, a) = (&pass.forward.z, &pass.forward.a);
        let (d_a, d_z) = (&pass.grads.d_a, &pass.grads.d_z);
        let idx = |l, from, to| arch.index(ParamId::Weight { layer: l, from, to });
        let present = kinds(&pass);
        if state.loss_fn != LossFn::Squared {
            prop_assert!(!present.contains(&MistakeKind::MissingFactor2));
        }
        // ∂E/∂W⁽ᴸ⁾ at its first weight: the factor 2, σ′ from z, a swapped index.
        let q = question(&pass, Step::GradW(depth), 0);
        if state.loss_fn == LossFn::Squared {
            if let Some(v) = offered(&q, MistakeKind::MissingFactor2) {
                assert_close(v, q.value / 2.0, "factor 2");
            }
        }
        let slope_z = match arch.activation(depth) {
            Activation::Sigmoid => Some(z[depth][0] * (1.0 - z[depth][0])),
            Activation::Tanh => Some(1.0 - z[depth][0] * z[depth][0]),
            _ => None,
        };
        match (slope_z, offered(&q, MistakeKind::SlopeFromZ)) {
            (Some(s), Some(v)) if state.loss_fn != LossFn::CrossEntropy => {
                assert_close(v, d_a[depth][0] * s * a[depth - 1][0], "σ′ from z")
            }
            (_, None) => {}
            (s, v) => prop_assert!(false, "σ′ from z offered as {v:?} for {s:?}"),
        }
        // Below the output: ∂E/∂h and δ with the already-updated weights, a swapped index.
        if depth >= 2 {
            let l = depth - 1;
            let updated: f64 = (0..arch.width(depth))
                .map(|j| d_z[depth][j] * pass.next.params[idx(depth, 0, j)])
                .sum();
            let q = question(&pass, Step::GradH(l), 0);
            if let Some(v) = offered(&q, MistakeKind::UpdatedWeights) {
                assert_close(v, updated, "∂E/∂h with updated weights");
            }
            let q = question(&pass, Step::Delta(l), 1);
            if let Some(v) = offered(&q, MistakeKind::UpdatedWeights) {
                assert_close(v, updated * pass.slope(l, 0), "δ with updated weights");
            }
            if arch.width(l - 1) > 1 && arch.width(l) > 1 {
                // ∂E/∂w⁽ˡ⁾₁₂ swapped is ∂E/∂w⁽ˡ⁾₂₁.
                let q = question(&pass, Step::GradW(l), 1);
                if let Some(v) = offered(&q, MistakeKind::SwappedIndex) {
                    assert_close(v, pass.grads.d_params[idx(l, 1, 0)], "swapped");
                }
            } else {
                prop_assert!(offered(&question(&pass, Step::GradW(l), 0), MistakeKind::SwappedIndex).is_none());
            }
            // ∂E/∂h⁽ˡ⁾₁ with w⁽ˡ⁺¹⁾ⱼ₁ for w⁽ˡ⁺¹⁾₁ⱼ, where all of those exist.
            if arch.width(depth) <= arch.width(l) {
                let swapped: f64 = (0..arch.width(depth))
                    .map(|j| d_z[depth][j] * state.params[idx(depth, j, 0)])
                    .sum();
                if let Some(v) = offered(&question(&pass, Step::GradH(l), 0), MistakeKind::SwappedIndex) {
                    assert_close(v, swapped, "∂E/∂h swapped");
                }
            }
        }
        // z⁽¹⁾₁ with w⁽¹⁾₁ᵢ for every w⁽¹⁾ᵢ₁, where all of those exist.
        if arch.width(0) <= arch.width(1) {
            let x = &state.example.x;
            let bias = state.params[arch.index(ParamId::Bias { layer: 1, to: 0 })];
            let swapped = bias + (0..arch.width(0)).map(|i| x[i] * state.params[idx(1, 0, i)]).sum::<f64>();
            if let Some(v) = offered(&question(&pass, Step::Forward(1), 0), MistakeKind::SwappedIndex) {
                assert_close(v, swapped, "z swapped");
            }
        } else {
            prop_assert!(offered(&question(&pass, Step::Forward(1), 0), MistakeKind::SwappedIndex).is_none());
        }
        // Every question offers the sign error unless the value is 0; the update of w⁽¹⁾₁₁ a
        // step the wrong way, from the gradient the update uses.
        for q in practice(&pass).stages.iter().flatten() {
            match offered(q, MistakeKind::Sign) {
                Some(v) => assert_close(v, -q.value, "sign"),
                None => prop_assert_eq!(q.value, 0.0),
            }
        }
        let (grads, _) = pass.update_grads();
        let rate = match state.direction {
            Direction::Descent => -state.lr,
            Direction::Ascent => state.lr,
        };
        let q = question(&pass, Step::Update, 0);
        if let Some(v) = offered(&q, MistakeKind::StepDirection) {
            assert_close(v, state.params[0] - rate * grads[0], "step direction");
        }
    }
}

/// Whether `v` has at most one decimal.
fn one_decimal(v: f64) -> bool {
    ((v * 10.0).round() - v * 10.0).abs() < 1e-9
}

#[test]
fn a_new_exercise_is_seeded_and_hand_friendly_for_every_preset() {
    for id in [
        "seed",
        "xor",
        "mazur",
        "xor_tanh",
        "vanishing",
        "dead_relu",
        "saturated",
        "ascent",
    ] {
        let Some(start) = backprop_viz::presets::presets()
            .into_iter()
            .find(|p| p.id == id)
        else {
            continue;
        };
        let state = start.state;
        let first = exercise(&state, 7);
        assert_eq!(
            first,
            exercise(&state, 7),
            "{id}: the same seed, the same exercise"
        );
        assert_ne!(
            first.params,
            exercise(&state, 8).params,
            "{id}: another seed, another one"
        );
        assert_eq!(first.arch, state.arch);
        assert_eq!(
            (first.loss_fn, first.direction, first.lr),
            (state.loss_fn, state.direction, state.lr)
        );
        assert_eq!(first.samples, state.samples, "{id}: the samples stay");
        assert!(
            first
                .params
                .iter()
                .all(|&p| one_decimal(p) && p.abs() <= 1.0),
            "{id}"
        );
        assert!(
            first
                .example
                .x
                .iter()
                .chain(&first.example.t)
                .all(|&v| one_decimal(v)),
            "{id}"
        );
        if state.samples.is_empty() {
            assert!(first.example.x.iter().all(|&v| v != 0.0 && v.abs() <= 1.0));
            if state.arch.activation(state.arch.depth()) == Activation::Sigmoid {
                assert!(first.example.t.iter().all(|&t| t > 0.0 && t < 1.0));
            }
        } else {
            assert_eq!(first.example, state.example);
        }
        evaluated(&first);
    }
}

#[test]
fn a_relu_exercise_keeps_its_sums_away_from_the_kink() {
    let mut state = State::seed();
    state.arch = arch(&[2, 3, 1], &[Activation::Relu, Activation::Sigmoid]);
    state.params = vec![0.1; state.arch.param_count()];
    for seed in 0..40 {
        let pass = evaluated(&exercise(&state, seed));
        assert!(
            pass.forward.z[1].iter().all(|z| z.abs() >= 0.05),
            "seed {seed}"
        );
        assert!(pass.forward.y().iter().all(|&y| y > 0.0 && y < 1.0));
    }
}

#[test]
fn each_mistake_code_is_its_place_in_the_list_the_page_reads() {
    for (i, (kind, _)) in MistakeKind::ALL.iter().enumerate() {
        assert_eq!(kind.code(), i);
    }
    let flat = practice(&evaluated(&State::seed())).flat();
    assert_eq!(flat[0], TOLERANCE);
    assert_eq!(flat[1], 10.0, "ten stages");
    assert_eq!(
        flat[2], 4.0,
        "forward to hidden asks z and h of two neurons"
    );
}
