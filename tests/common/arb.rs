//! Proptest strategies: random architectures within the limits and random states on them.

use backprop_viz::network::activation::Activation;
use backprop_viz::network::arch::{
    Arch, ParamId, MAX_HIDDEN_LAYERS, MAX_INPUTS, MAX_OUTPUTS, MAX_WIDTH,
};
use backprop_viz::network::loss::LossFn;
use backprop_viz::state::{Direction, Mode, Sample, State};
use proptest::prelude::*;

/// A proptest configuration with `cases` cases, unless `PROPTEST_CASES` asks for another number
/// (for a longer soak: `PROPTEST_CASES=20000 cargo test --test gradcheck`).
pub fn cases(cases: u32) -> ProptestConfig {
    let from_env = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok());
    ProptestConfig {
        cases: from_env.unwrap_or(cases),
        ..ProptestConfig::default()
    }
}

/// Any of the four activations.
pub fn activation() -> impl Strategy<Value = Activation> {
    prop::sample::select(Activation::ALL.map(|(a, _)| a).to_vec())
}

/// Any architecture within the limits: 1–4 inputs, 0–6 hidden layers of 1–8, 1–4 outputs, and
/// any activation for each layer (the output layer included).
pub fn archs() -> impl Strategy<Value = Arch> {
    (
        1..=MAX_INPUTS,
        prop::collection::vec(1..=MAX_WIDTH, 0..=MAX_HIDDEN_LAYERS),
        1..=MAX_OUTPUTS,
    )
        .prop_flat_map(|(inputs, hidden, outputs)| {
            let mut widths = vec![inputs];
            widths.extend(hidden);
            widths.push(outputs);
            let depth = widths.len() - 1;
            (Just(widths), prop::collection::vec(activation(), depth))
        })
        .prop_map(|(widths, activations)| {
            Arch::new(widths, activations).expect("the strategy stays within the limits")
        })
}

/// A loss that fits `arch`: cross-entropy only with a sigmoid output layer.
fn losses(arch: &Arch) -> impl Strategy<Value = LossFn> {
    let mut options = vec![LossFn::Squared, LossFn::HalfSquared];
    if arch.activation(arch.depth()) == Activation::Sigmoid {
        options.push(LossFn::CrossEntropy);
    }
    prop::sample::select(options)
}

/// An example with inputs in ±2 and targets that fit the loss (in [0, 1], ends included, for
/// cross-entropy; in ±1.5 otherwise).
fn samples(arch: &Arch, loss: LossFn) -> impl Strategy<Value = Sample> {
    let target = if loss == LossFn::CrossEntropy {
        prop_oneof![1 => Just(0.0), 1 => Just(1.0), 4 => 0.0..=1.0f64].boxed()
    } else {
        (-1.5..=1.5f64).boxed()
    };
    (
        prop::collection::vec(-2.0..2.0f64, arch.inputs()),
        prop::collection::vec(target, arch.outputs()),
    )
        .prop_map(|(x, t)| Sample { x, t })
}

/// Random states on random architectures: weights scaled by `1/√fan_in` times a factor from
/// 0.25 to 4 (so deep networks neither all saturate nor explode), biases in ±1, with or without
/// 1–6 samples, with or without bias training, batch or per-sample, now and then ascent.
pub fn states() -> impl Strategy<Value = State> {
    states_with(false)
}

/// Like [`states`], always with 1–6 samples.
pub fn states_with_samples() -> impl Strategy<Value = State> {
    states_with(true)
}

fn states_with(always_samples: bool) -> impl Strategy<Value = State> {
    archs()
        .prop_flat_map(move |arch| {
            let loss = losses(&arch);
            (Just(arch), loss)
        })
        .prop_flat_map(move |(arch, loss_fn)| {
            let n = arch.param_count();
            (
                Just(arch.clone()),
                Just(loss_fn),
                prop::collection::vec(-1.0..1.0f64, n),
                0.25..4.0f64,
                samples(&arch, loss_fn),
                if always_samples {
                    prop::collection::vec(samples(&arch, loss_fn), 1..=6).boxed()
                } else {
                    prop_oneof![
                        Just(Vec::new()),
                        prop::collection::vec(samples(&arch, loss_fn), 1..=6)
                    ]
                    .boxed()
                },
                any::<bool>(),
                any::<bool>(),
                0.01..1.0f64,
                prop::bool::weighted(0.1),
            )
        })
        .prop_map(
            |(
                arch,
                loss_fn,
                unit,
                scale,
                example,
                samples,
                train_biases,
                per_sample,
                lr,
                ascent,
            )| {
                let params = unit
                    .iter()
                    .enumerate()
                    .map(|(k, u)| match arch.param_at(k) {
                        Some(ParamId::Weight { layer, .. }) => {
                            u * scale / (arch.width(layer - 1) as f64).sqrt()
                        }
                        _ => *u,
                    })
                    .collect();
                State {
                    arch,
                    example,
                    params,
                    lr,
                    loss_fn,
                    direction: if ascent {
                        Direction::Ascent
                    } else {
                        Direction::Descent
                    },
                    train_biases,
                    samples,
                    mode: if per_sample {
                        Mode::PerSample
                    } else {
                        Mode::Batch
                    },
                    ..State::seed()
                }
            },
        )
}
