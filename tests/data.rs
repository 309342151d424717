//! Datasets, CSV, the test split, mini-batches and L2: reproducible, within their ranges, and
//! computing what they claim.

mod common;

use backprop_viz::data::datasets::{generate, with_dataset, Dataset, Spec};
use backprop_viz::data::split::{epoch_order, held_out, split};
use backprop_viz::gradcheck::compare;
use backprop_viz::network::activation::Activation::{Sigmoid, Tanh};
use backprop_viz::network::init::initial_params;
use backprop_viz::parse::parse_state;
use backprop_viz::presets::xor_samples;
use backprop_viz::state::{Mode, Sample, State};
use backprop_viz::train::objective::{full_gradient, objective};
use backprop_viz::train::rule::apply;
use backprop_viz::train::update::{train, train_run};
use common::{arch, assert_close, value};

fn spec(dataset: Dataset, size: u32, noise: f64, seed: u32) -> Spec {
    Spec {
        dataset,
        size,
        noise,
        seed,
    }
}

/// A 2-`hidden`-1 network with `activation` hidden neurons, trained on `dataset`.
fn on(dataset: Dataset, size: u32, hidden: usize) -> State {
    let a = arch(&[dataset.inputs(), hidden, 1], &[Tanh, Sigmoid]);
    let state = State {
        example: Sample {
            x: vec![0.0; dataset.inputs()],
            t: vec![0.0],
        },
        params: initial_params(&a, 3),
        arch: a,
        ..State::seed()
    };
    with_dataset(&state, spec(dataset, size, 0.05, 7)).expect("the dataset fits")
}

#[test]
fn every_dataset_is_reproducible_from_its_seed_sized_and_within_range() {
    for (dataset, name) in Dataset::ALL {
        for size in [4, 5, 200, 500] {
            let points = generate(spec(dataset, size, 0.1, 11));
            assert_eq!(points, generate(spec(dataset, size, 0.1, 11)), "{name}");
            let expected = if dataset == Dataset::Xor {
                4
            } else {
                size as usize
            };
            assert_eq!(points.len(), expected, "{name} of {size}");
            for p in &points {
                assert_eq!(p.x.len(), dataset.inputs(), "{name}");
                assert_eq!(p.t.len(), 1, "{name}");
                assert!(p.x.iter().all(|v| v.abs() <= 2.6), "{name}: {:?}", p.x);
                if dataset.is_classification() {
                    assert!(p.t[0] == 0.0 || p.t[0] == 1.0, "{name}: {:?}", p.t);
                } else {
                    assert!((-1.0..=2.0).contains(&p.t[0]), "{name}: {:?}", p.t);
                }
            }
        }
        if dataset != Dataset::Xor {
            assert_ne!(
                generate(spec(dataset, 50, 0.1, 11)),
                generate(spec(dataset, 50, 0.1, 12)),
                "{name}: another seed, other points"
            );
            let ones = generate(spec(dataset, 100, 0.1, 1))
                .iter()
                .filter(|p| p.t[0] > 0.5)
                .count();
            if dataset.is_classification() {
                assert_eq!(ones, 50, "{name}: balanced classes");
            }
        }
    }
    assert_eq!(generate(spec(Dataset::Xor, 300, 0.4, 9)), xor_samples());
}

#[test]
fn noise_moves_the_points_and_the_circle_keeps_its_gap_without_it() {
    let clean = generate(spec(Dataset::Circle, 200, 0.0, 5));
    for p in &clean {
        let r = p.x[0].hypot(p.x[1]);
        if p.t[0] == 1.0 {
            assert!(r <= 0.5 + 1e-4, "inner point at r = {r}");
        } else {
            assert!(
                (0.7 - 1e-4..=1.0 + 1e-4).contains(&r),
                "outer point at r = {r}"
            );
        }
    }
    assert_ne!(clean, generate(spec(Dataset::Circle, 200, 0.2, 5)));
}

#[test]
fn a_dataset_that_does_not_fit_the_network_is_refused_by_name() {
    let three = State {
        arch: arch(&[3, 2, 1], &[Sigmoid, Sigmoid]),
        example: Sample {
            x: vec![0.0; 3],
            t: vec![0.0],
        },
        params: vec![0.0; 11],
        ..State::seed()
    };
    let error = with_dataset(&three, spec(Dataset::Circle, 50, 0.0, 1)).expect_err("3 inputs");
    assert_eq!(error.field, "dataset");
    assert_eq!(
        error.message,
        "the circle dataset has 2 inputs and 1 target, but this network has 3 inputs and 1 output; set the inputs to 2 and the outputs to 1 in the Network panel"
    );
    let sine = with_dataset(&State::seed(), spec(Dataset::Sine, 50, 0.0, 1)).expect_err("1 input");
    assert!(
        sine.message.starts_with("the sine dataset has 1 input"),
        "{}",
        sine.message
    );
}

#[test]
fn a_state_names_its_dataset_until_a_point_is_edited() {
    let state = on(Dataset::Blobs, 30, 3);
    let mut json = serde_json::to_value(&state).expect("serialisable");
    assert_eq!(
        json["dataset"],
        serde_json::json!({"name": "blobs", "size": 30, "noise": 0.05, "seed": 7})
    );
    // Without its samples (as a link holds it), the state regenerates them.
    let samples = json.as_object_mut().expect("object").remove("samples");
    let reread = parse_state(&value(&json.to_string())).expect("valid");
    assert_eq!(reread.samples, state.samples);
    assert_eq!(reread.dataset, state.dataset);
    // An edited point makes the samples the learner's own.
    json["samples"] = samples.expect("had samples");
    json["samples"][0]["x"][0] = serde_json::json!(0.123);
    let edited = parse_state(&value(&json.to_string())).expect("valid");
    assert_eq!(edited.dataset, None);
    assert_eq!(edited.samples[0].x[0], 0.123);
}

#[test]
fn the_test_split_is_deterministic_and_left_out_of_training() {
    let mask = held_out(200, 0.25, 4);
    assert_eq!(mask, held_out(200, 0.25, 4));
    assert_ne!(mask, held_out(200, 0.25, 5));
    assert_eq!(mask.iter().filter(|m| **m).count(), 50);
    assert_eq!(
        held_out(4, 0.9, 1).iter().filter(|m| **m).count(),
        3,
        "one sample always trains"
    );
    assert!(held_out(10, 0.0, 1).iter().all(|m| !m));

    let state = State {
        test_fraction: 0.25,
        shuffle_seed: 4,
        ..on(Dataset::Circle, 200, 4)
    };
    let parts = split(&state);
    assert_eq!((parts.train.len(), parts.test.len()), (150, 50));
    let train_only = State {
        samples: parts.train.iter().map(|s| (*s).clone()).collect(),
        test_fraction: 0.0,
        ..state.clone()
    };
    assert_eq!(
        objective(&state, &state.params),
        objective(&train_only, &state.params)
    );
    let run = train_run(&state, 5, None);
    assert_eq!(run.test_losses.len(), 5);
    assert!(run.test_loss.is_some_and(f64::is_finite));
}

#[test]
fn a_mini_batch_update_steps_on_the_mean_gradient_over_its_batch() {
    let state = State {
        mode: Mode::MiniBatch,
        batch_size: 7,
        lr: 0.5,
        test_fraction: 0.2,
        ..on(Dataset::XorClouds, 40, 3)
    };
    let training: Vec<Sample> = split(&state).train.iter().map(|s| (*s).clone()).collect();
    assert_eq!(training.len(), 32);
    let mut order = vec![0; training.len()];
    epoch_order(&mut order, state.shuffle_seed, &state.params);
    let mut params = state.params.clone();
    for chunk in order.chunks(7) {
        let batch: Vec<Sample> = chunk.iter().map(|&k| training[k].clone()).collect();
        // The batch's gradient is the mean of its samples' own gradients.
        let on_batch = State {
            samples: batch.clone(),
            test_fraction: 0.0,
            ..state.clone()
        };
        let mean = objective(&on_batch, &params).grads;
        for (k, g) in mean.iter().enumerate() {
            let by_sample: f64 = batch
                .iter()
                .map(|s| {
                    let one = State {
                        samples: vec![s.clone()],
                        ..on_batch.clone()
                    };
                    objective(&one, &params).grads[k]
                })
                .sum::<f64>()
                / batch.len() as f64;
            assert!(
                (g - by_sample).abs() <= 1e-12,
                "parameter {k}: {g} vs {by_sample}"
            );
        }
        params = apply(&state, &params, &mean);
    }
    let trained = train(&state, 1).expect("finite");
    for (got, want) in trained.params.iter().zip(&params) {
        assert_close(*got, *want, "one epoch of mini-batches");
    }
    // Each epoch has its own order; the same state always trains the same way.
    let mut next = vec![0; training.len()];
    epoch_order(&mut next, state.shuffle_seed, &trained.params);
    assert_ne!(order, next);
    assert_eq!(train(&state, 3), train(&state, 3));
}

#[test]
fn l2_adds_half_lambda_w_squared_and_its_gradient_matches_finite_differences() {
    let plain = on(Dataset::Spirals, 60, 4);
    let state = State {
        l2: 0.3,
        ..plain.clone()
    };
    let (with, without) = (
        objective(&state, &state.params),
        objective(&plain, &plain.params),
    );
    let squares: f64 = (1..=2)
        .flat_map(|l| state.arch.weights(&state.params, l))
        .map(|w| w * w)
        .sum();
    assert_close(with.loss, without.loss + 0.15 * squares, "J gains ½λΣw²");
    assert_eq!(
        with.grads, without.grads,
        "the data's gradient is unchanged"
    );
    let full = full_gradient(&state, &state.params);
    for id in state.arch.params() {
        let k = state.arch.index(id);
        let term = if id.is_bias() {
            0.0
        } else {
            0.3 * state.params[k]
        };
        assert!(
            (full[k] - with.grads[k] - term).abs() < 1e-15,
            "{}",
            id.name()
        );
    }
    for row in compare(&state, 1e-6).expect("valid eps") {
        assert!(row.relative_error < 1e-6, "{}: {row:?}", row.name);
    }
    // The update takes the λw step on the weights only.
    let next = apply(&state, &state.params, &with.grads);
    for id in state.arch.params() {
        let k = state.arch.index(id);
        let expected = state.params[k] - state.lr * (full[k]);
        assert!((next[k] - expected).abs() < 1e-15, "{}", id.name());
    }
}

#[test]
fn a_2_4_1_tanh_network_learns_the_circle_to_95_percent_on_held_out_points() {
    let state = State {
        test_fraction: 0.25,
        lr: 0.5,
        mode: Mode::MiniBatch,
        loss_fn: backprop_viz::network::loss::LossFn::CrossEntropy,
        ..on(Dataset::Circle, 200, 4)
    };
    let trained = train(&state, 300).expect("finite");
    let pass = common::evaluated(&trained);
    let test = pass.accuracy(true).expect("classification");
    assert!(test >= 0.95, "test accuracy {test}");
    assert!(pass.accuracy(false).expect("classification") >= 0.95);
}

#[test]
fn the_training_options_and_the_dataset_are_validated_by_name() {
    let with = |extra: &str| {
        let text = common::SEED_JSON.replace(r#""lr":0.1"#, &format!(r#""lr":0.1,{extra}"#));
        parse_state(&value(&text))
    };
    for (extra, field, message) in [
        (r#""batch_size":0"#, "batch_size", "batch_size must be a whole number from 1 to 500, got the number 0 (it is too small)"),
        (r#""shuffle_seed":-1"#, "shuffle_seed", "shuffle_seed must be a whole number from 0 to 4294967295, got the number -1 (it is negative)"),
        (r#""test_fraction":0.95"#, "test_fraction", "test_fraction must be a number from 0 to 0.9, got the number 0.95"),
        (r#""l2":-0.1"#, "l2", "l2 must be a number from 0 to 10, got the number -0.1"),
        (r#""dataset":{"name":"moons","size":50,"noise":0,"seed":1}"#, "dataset.name", r#"dataset.name must be one of "xor", "xor_clouds", "circle", "blobs", "spirals", "sine", got the string "moons""#),
        (r#""dataset":{"name":"circle","size":501,"noise":0,"seed":1}"#, "dataset.size", "dataset.size must be a whole number from 4 to 500, got the number 501 (it is too large)"),
        (r#""dataset":{"name":"circle","size":50,"noise":0.6,"seed":1}"#, "dataset.noise", "dataset.noise must be a number from 0 to 0.5, got the number 0.6"),
        (r#""dataset":{"name":"circle","size":50,"noise":0,"seed":1,"n":2}"#, "dataset.n", "dataset has an unknown field \"n\"; its fields are name, size, noise and seed"),
        (r#""dataset":{"name":"sine","size":50,"noise":0,"seed":1}"#, "dataset", "the sine dataset has 1 input and 1 target, but this network has 2 inputs and 1 output; set the inputs to 1 and the outputs to 1 in the Network panel"),
    ] {
        let e = with(extra).expect_err(extra);
        assert_eq!((e.field.as_str(), e.message.as_str()), (field, message));
    }
    let options = with(
        r#""mode":"mini_batch","batch_size":16,"shuffle_seed":3,"test_fraction":0.2,"l2":0.01"#,
    )
    .expect("valid");
    assert_eq!(
        (options.mode, options.batch_size, options.shuffle_seed),
        (Mode::MiniBatch, 16, 3)
    );
    assert_eq!((options.test_fraction, options.l2), (0.2, 0.01));
    let text = serde_json::to_string(&options).expect("serialisable");
    assert!(
        text.ends_with(
            r#""mode":"mini_batch","batch_size":16,"shuffle_seed":3,"test_fraction":0.2,"l2":0.01}"#
        ),
        "{text}"
    );
}

#[test]
fn reshaping_to_other_inputs_forgets_the_dataset_and_keeps_the_points() {
    let state = on(Dataset::Circle, 20, 4);
    let wider =
        backprop_viz::reshape::reshape(&state, arch(&[2, 5, 1], &[Tanh, Sigmoid])).expect("fits");
    assert_eq!(
        wider.dataset, state.dataset,
        "same inputs: still the dataset's points"
    );
    let three =
        backprop_viz::reshape::reshape(&state, arch(&[3, 4, 1], &[Tanh, Sigmoid])).expect("fits");
    assert_eq!(three.dataset, None);
    let json = serde_json::to_string(&three).expect("serialisable");
    let reread = parse_state(&value(&json)).expect("a reshaped state reads back");
    assert_eq!(reread.samples.len(), 20);
}

#[test]
fn the_update_card_shows_the_l2_term_for_weights_only() {
    use backprop_viz::formula::Expr;
    let state = State {
        l2: 0.25,
        ..on(Dataset::Blobs, 20, 2)
    };
    let stages = backprop_viz::stages::stages(&common::evaluated(&state));
    let update = stages.last().expect("an update stage");
    let weight = update
        .formulas
        .iter()
        .find(|f| f.param.as_deref() == Some("w1.0.0"))
        .expect("w1.0.0's update");
    let Expr::Difference { right, .. } = &weight.rhs else {
        panic!("w ← w − η·(…), got {:?}", weight.rhs)
    };
    let text = format!("{right:?}");
    assert!(text.contains("\"λ\""), "the step holds λ·w: {text}");
    let bias = update
        .formulas
        .iter()
        .find(|f| f.param.as_deref() == Some("b1.0"))
        .expect("b1.0's update");
    assert!(
        !format!("{:?}", bias.rhs).contains("\"λ\""),
        "biases are not regularised"
    );
    let next = common::evaluated(&state).next;
    assert_eq!(weight.value, next.params[0]);
    assert!(update.explanation.contains("∂(½λw²)/∂w = λw"));
}

#[test]
fn one_sample_at_a_time_a_held_out_sample_takes_no_step() {
    let state = State {
        mode: Mode::PerSample,
        test_fraction: 0.5,
        ..on(Dataset::Blobs, 10, 2)
    };
    let mask = held_out(10, 0.5, state.shuffle_seed);
    for (k, out) in mask.iter().enumerate() {
        let shown = State {
            example: state.samples[k].clone(),
            ..state.clone()
        };
        let pass = common::evaluated(&shown);
        assert_eq!(pass.updates_on_held_out(), *out, "sample {k}");
        assert_eq!(
            pass.next.params == shown.params,
            *out,
            "sample {k}: a step only on a training sample"
        );
        let stages = backprop_viz::stages::stages(&pass);
        let update = stages.last().expect("an update stage");
        let explained = update
            .explanation
            .starts_with("This sample is held out for testing");
        assert_eq!(explained, *out, "sample {k}");
        for f in &update.formulas {
            let name = f.param.as_deref().expect("a parameter");
            let p = shown
                .arch
                .index(shown.arch.param_named(name).expect("exists"));
            assert_eq!(
                f.value, pass.next.params[p],
                "{name}: the card shows the update made"
            );
        }
    }
}
