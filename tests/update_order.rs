//! `update_order`: `"simultaneous"` (every gradient at the old weights) against `"output_first"`
//! (Mazur's earlier bug: each layer's δ through the already-updated weights above it), checked
//! against direct computations written out here.

mod common;

use backprop_viz::data::split::{epoch_order, split};
use backprop_viz::evaluate::pass;
use backprop_viz::network::activation::sigmoid;
use backprop_viz::network::forward::forward;
use backprop_viz::network::loss::LossFn;
use backprop_viz::state::{Mode, Sample, State, UpdateOrder};
use backprop_viz::train::objective::objective_loss;
use backprop_viz::train::update::train;
use common::arb::{cases, states};
use common::{evaluated, preset, state, value};
use proptest::prelude::*;

/// Mazur's 2-2-2 by hand, in his notation: `E = ½Σ(t − o)²`, `η = 0.5`, biases not trained.
/// Returns `E` after one step, with the hidden δ through the old (`buggy = false`) or the
/// already-updated (`buggy = true`) output weights.
fn mazur_by_hand(buggy: bool) -> f64 {
    let (i, target, eta) = ([0.05, 0.10], [0.01, 0.99], 0.5);
    // w_in[i][j]: input i → hidden j; w_out[j][k]: hidden j → output k.
    let mut w_in = [[0.15, 0.25], [0.20, 0.30]];
    let mut w_out = [[0.40, 0.50], [0.45, 0.55]];
    let (b1, b2) = (0.35, 0.60);
    let run = |w_in: &[[f64; 2]; 2], w_out: &[[f64; 2]; 2]| {
        let h: Vec<f64> = (0..2)
            .map(|j| sigmoid(i[0] * w_in[0][j] + i[1] * w_in[1][j] + b1))
            .collect();
        let o: Vec<f64> = (0..2)
            .map(|k| sigmoid(h[0] * w_out[0][k] + h[1] * w_out[1][k] + b2))
            .collect();
        (h, o)
    };
    let (h, o) = run(&w_in, &w_out);
    let delta_o: Vec<f64> = (0..2)
        .map(|k| (o[k] - target[k]) * o[k] * (1.0 - o[k]))
        .collect();
    let old_out = w_out;
    for j in 0..2 {
        for k in 0..2 {
            w_out[j][k] -= eta * delta_o[k] * h[j];
        }
    }
    let through = if buggy { w_out } else { old_out };
    for j in 0..2 {
        let d_h = through[j][0] * delta_o[0] + through[j][1] * delta_o[1];
        let delta_h = d_h * h[j] * (1.0 - h[j]);
        for (a, row) in i.iter().zip(w_in.iter_mut()) {
            row[j] -= eta * delta_h * a;
        }
    }
    let (_, o) = run(&w_in, &w_out);
    (0..2).map(|k| 0.5 * (target[k] - o[k]).powi(2)).sum()
}

fn with_order(state: &State, update_order: UpdateOrder) -> State {
    State {
        update_order,
        ..state.clone()
    }
}

#[test]
fn mazur_loss_after_one_step_differs_by_the_bugs_amount() {
    let mazur = preset("mazur");
    let after = |order| {
        let next = evaluated(&with_order(&mazur, order)).next;
        objective_loss(&next, &next.params)
    };
    let (right, buggy) = (
        after(UpdateOrder::Simultaneous),
        after(UpdateOrder::OutputFirst),
    );
    // His post: "the total error is now down to 0.291027924".
    // His post: "the total error is now down to 0.291027924": the number his earlier,
    // output-first code printed. The correct simultaneous update gives 0.2910277737.
    assert!(
        (buggy - 0.291027924).abs() < 1e-9,
        "output-first E = {buggy}"
    );
    assert!(
        (right - 0.2910277737).abs() < 1e-10,
        "simultaneous E = {right}"
    );
    assert!((right - mazur_by_hand(false)).abs() < 1e-15);
    assert!((buggy - mazur_by_hand(true)).abs() < 1e-15);
    let difference = buggy - right;
    let by_hand = mazur_by_hand(true) - mazur_by_hand(false);
    assert!(difference.abs() > 1e-7, "the bug changes E: {difference}");
    assert!(
        (difference - by_hand).abs() < 1e-15,
        "{difference} vs {by_hand}"
    );
}

#[test]
fn output_weights_move_the_same_in_both_orders_the_hidden_ones_do_not() {
    let mazur = preset("mazur");
    let right = evaluated(&mazur);
    let buggy = evaluated(&with_order(&mazur, UpdateOrder::OutputFirst));
    let at = mazur.arch.weights_at(2);
    assert_eq!(right.next.params[at..], buggy.next.params[at..]);
    assert_ne!(right.next.params[..at], buggy.next.params[..at]);
    // The backward pass is the same; only the gradients the update used differ.
    assert_eq!(right.grads, buggy.grads);
    let used = buggy.update_grads().0;
    assert_eq!(used[at..], right.grads.d_params[at..]);
    let update = backprop_viz::stages::stages(&buggy)
        .pop()
        .expect("an update stage");
    assert!(update.explanation.contains("output first"));
    assert!(backprop_viz::stages::stages(&right)
        .pop()
        .expect("an update stage")
        .explanation
        .contains("simultaneous"));
}

#[test]
fn the_order_is_written_only_when_it_is_not_the_default() {
    let seed = State::seed();
    let text = serde_json::to_string(&seed).expect("serialisable");
    assert!(!text.contains("update_order"));
    let buggy = serde_json::to_string(&with_order(&seed, UpdateOrder::OutputFirst)).expect("ok");
    assert!(buggy.contains(r#""update_order":"output_first""#));
    assert_eq!(state(&buggy).update_order, UpdateOrder::OutputFirst);
    let bad = buggy.replace("output_first", "sideways");
    let error = backprop_viz::parse::parse_state(&value(&bad)).expect_err("refused");
    assert_eq!(error.field, "update_order");
    assert!(error.message.contains("simultaneous"), "{}", error.message);
}

/// The output-first update written out directly: per example, forward at the old weights, then
/// layer by layer from the output down, the mean gradient of that layer, its update, and the
/// ∂E/∂a of the layer below through the new weights.
fn output_first_directly(state: &State, params: &[f64], examples: &[Sample]) -> Vec<f64> {
    let arch = &state.arch;
    let depth = arch.depth();
    let rate = match state.direction {
        backprop_viz::state::Direction::Descent => -state.lr,
        backprop_viz::state::Direction::Ascent => state.lr,
    };
    let fwds: Vec<_> = examples
        .iter()
        .map(|e| forward(arch, params, &e.x, &e.t, state.loss_fn))
        .collect();
    let mut next = params.to_vec();
    let mut d_a: Vec<Vec<f64>> = fwds
        .iter()
        .zip(examples)
        .map(|(f, e)| {
            (0..arch.outputs())
                .map(|k| state.loss_fn.grad(f.z[depth][k], f.a[depth][k], e.t[k]))
                .collect()
        })
        .collect();
    let n = examples.len() as f64;
    for l in (1..=depth).rev() {
        let deltas: Vec<Vec<f64>> = fwds
            .iter()
            .zip(examples)
            .zip(&d_a)
            .map(|((f, e), d_a)| {
                (0..arch.width(l))
                    .map(|j| {
                        if l == depth && state.loss_fn == LossFn::CrossEntropy {
                            f.a[l][j] - e.t[j]
                        } else {
                            d_a[j] * arch.activation(l).derivative(f.z[l][j], f.a[l][j])
                        }
                    })
                    .collect()
            })
            .collect();
        for i in 0..arch.width(l - 1) {
            for j in 0..arch.width(l) {
                let k = arch.weights_at(l) + i * arch.width(l) + j;
                let g: f64 = fwds
                    .iter()
                    .zip(&deltas)
                    .map(|(f, d)| f.a[l - 1][i] * d[j])
                    .sum();
                // L2 adds λw to each weight's gradient (never to a bias's).
                next[k] = params[k] + rate * (g / n + state.l2 * params[k]);
            }
        }
        if state.train_biases {
            for j in 0..arch.width(l) {
                let g: f64 = deltas.iter().map(|d| d[j]).sum();
                next[arch.biases_at(l) + j] = params[arch.biases_at(l) + j] + rate * (g / n);
            }
        }
        d_a = deltas
            .iter()
            .map(|d| {
                (0..arch.width(l - 1))
                    .map(|i| {
                        (0..arch.width(l))
                            .map(|j| next[arch.weights_at(l) + i * arch.width(l) + j] * d[j])
                            .sum()
                    })
                    .collect()
            })
            .collect();
    }
    next
}

#[track_caller]
fn assert_close(actual: &[f64], expected: &[f64]) {
    for (k, (a, e)) in actual.iter().zip(expected).enumerate() {
        let tolerance = 1e-12 * (1.0 + e.abs());
        assert!((a - e).abs() <= tolerance, "param {k}: {a} vs {e}");
    }
}

#[test]
fn the_deep_sigmoid_preset_matches_the_direct_computation_and_differs_from_simultaneous() {
    let deep = with_order(&preset("deep-sigmoid"), UpdateOrder::OutputFirst);
    let buggy = evaluated(&deep);
    let direct = output_first_directly(&deep, &deep.params, std::slice::from_ref(&deep.example));
    assert_close(&buggy.next.params, &direct);
    let right = evaluated(&with_order(&deep, UpdateOrder::Simultaneous));
    let below_output = deep.arch.weights_at(deep.arch.depth());
    assert_ne!(
        right.next.params[..below_output],
        buggy.next.params[..below_output]
    );
}

/// XOR trained output-first with every data option at once: a test split, L2, and mini-batches
/// or one sample at a time. Each update of the step is output-first over its own examples.
#[test]
fn output_first_runs_per_mini_batch_and_per_training_sample_with_l2() {
    let xor = preset("xor");
    let base = State {
        update_order: UpdateOrder::OutputFirst,
        l2: 0.05,
        test_fraction: 0.25,
        shuffle_seed: 7,
        batch_size: 2,
        lr: 0.8,
        ..xor
    };
    let train_set: Vec<Sample> = split(&base).train.into_iter().cloned().collect();
    assert_eq!(train_set.len(), 3, "one of XOR's four points is held out");

    let mini = State {
        mode: Mode::MiniBatch,
        ..base.clone()
    };
    let mut order: Vec<usize> = (0..train_set.len()).collect();
    epoch_order(&mut order, mini.shuffle_seed, &mini.params);
    let expected = order.chunks(2).fold(mini.params.clone(), |p, chunk| {
        let batch: Vec<Sample> = chunk.iter().map(|&k| train_set[k].clone()).collect();
        output_first_directly(&mini, &p, &batch)
    });
    assert_close(&train(&mini, 1).expect("finite").params, &expected);

    let each = State {
        mode: Mode::PerSample,
        ..base.clone()
    };
    let expected = train_set.iter().fold(each.params.clone(), |p, s| {
        output_first_directly(&each, &p, std::slice::from_ref(s))
    });
    assert_close(&train(&each, 1).expect("finite").params, &expected);

    // Full batch: one output-first update over the training samples, and Step backprop's
    // update is that same one.
    let expected = output_first_directly(&base, &base.params, &train_set);
    assert_close(&train(&base, 1).expect("finite").params, &expected);
    assert_close(&evaluated(&base).next.params, &expected);
}

proptest! {
    #![proptest_config(cases(64))]

    #[test]
    fn output_first_matches_the_direct_computation_on_random_networks(state in states()) {
        let state = with_order(&state, UpdateOrder::OutputFirst);
        let Ok(evaluation) = pass(&state) else { return Ok(()) };
        let batch = state.mode == Mode::Batch && !state.samples.is_empty();
        let examples = if batch { state.samples.clone() } else { vec![state.example.clone()] };
        assert_close(&evaluation.next.params, &output_first_directly(&state, &state.params, &examples));
        // A training step is the same update (per sample: one per sample, in turn).
        if let Ok(trained) = train(&state, 1) {
            let expected = if state.mode == Mode::PerSample && !state.samples.is_empty() {
                state.samples.iter().fold(state.params.clone(), |p, s| {
                    output_first_directly(&state, &p, std::slice::from_ref(s))
                })
            } else {
                output_first_directly(&state, &state.params, state.examples())
            };
            assert_close(&trained.params, &expected);
        }
    }

    #[test]
    fn with_one_weight_layer_both_orders_agree(state in states()) {
        prop_assume!(state.arch.depth() == 1);
        let Ok(right) = pass(&state) else { return Ok(()) };
        let buggy = pass(&with_order(&state, UpdateOrder::OutputFirst)).expect("same numbers");
        assert_close(&buggy.next.params, &right.next.params);
    }
}

#[test]
fn the_exports_say_they_update_simultaneously() {
    let buggy = with_order(&preset("mazur"), UpdateOrder::OutputFirst);
    for script in [
        backprop_viz::export::numpy_script(&buggy),
        backprop_viz::export::pytorch_script(&buggy),
    ] {
        assert!(
            script.contains("output_first, Mazur's earlier bug"),
            "{script}"
        );
    }
    assert!(!backprop_viz::export::numpy_script(&preset("mazur")).contains("output_first"));
}
