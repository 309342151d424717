//! Training gives the same bits as the core did before its training loop was made faster
//! (`train-speed`): every parameter, loss and gradient below is hashed bit for bit and compared
//! with the hash the earlier core gave, over the seed and the presets in every mode, loss,
//! direction and activation, with L2, untrained biases, a test split, output-first updates and a
//! run that overflows. Set `PRINT_TRAIN_BITS=1` to print the hashes instead of checking them.

mod common;

use backprop_viz::json::Value;
use backprop_viz::network::backward::backward;
use backprop_viz::network::forward::forward;
use backprop_viz::network::loss::LossFn;
use backprop_viz::parse::parse_state;
use backprop_viz::presets::{dead_relu, deep_sigmoid, mazur, saturated, xor, xor_tanh};
use backprop_viz::state::{Direction, Mode, State, UpdateOrder};
use backprop_viz::train::objective::objective;
use backprop_viz::train::update::{train, train_run};
use common::{state, SEED_JSON};

/// FNV-1a over the bits of `values`.
fn hash(values: impl IntoIterator<Item = f64>, mut h: u64) -> u64 {
    for v in values {
        for byte in v.to_bits().to_le_bytes() {
            h = (h ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01B3);
        }
    }
    h
}

/// The 2-8-8-1 tanh network on 200 samples that benches/core.rs times.
fn deep_tanh() -> State {
    let text = include_str!("../benches/train-2-8-8-1.json");
    let value = Value::read(&mut serde_json::Deserializer::from_str(text)).expect("JSON");
    parse_state(&value).expect("a valid state")
}

/// Named states and how many steps to train each.
fn cases() -> Vec<(&'static str, State, u32)> {
    let seed = State::seed();
    let xor = xor();
    vec![
        ("seed", seed.clone(), 2000),
        (
            "seed, L2, untrained biases",
            State {
                l2: 0.01,
                train_biases: false,
                ..seed.clone()
            },
            500,
        ),
        (
            "seed, ascent",
            State {
                direction: Direction::Ascent,
                lr: 0.5,
                ..seed.clone()
            },
            200,
        ),
        (
            "seed, half squared, output first",
            State {
                loss_fn: LossFn::HalfSquared,
                update_order: UpdateOrder::OutputFirst,
                ..seed.clone()
            },
            300,
        ),
        ("saturated", saturated(), 300),
        ("mazur", mazur(), 300),
        ("deep sigmoid", deep_sigmoid(), 300),
        ("xor", xor.clone(), 500),
        (
            "xor, cross-entropy, L2",
            State {
                loss_fn: LossFn::CrossEntropy,
                l2: 0.001,
                ..xor.clone()
            },
            500,
        ),
        (
            "xor, per sample",
            State {
                mode: Mode::PerSample,
                ..xor.clone()
            },
            300,
        ),
        (
            "xor, mini-batches of 3, test split",
            State {
                mode: Mode::MiniBatch,
                batch_size: 3,
                test_fraction: 0.25,
                ..xor.clone()
            },
            300,
        ),
        (
            "xor, mini-batches, output first",
            State {
                mode: Mode::MiniBatch,
                batch_size: 2,
                update_order: UpdateOrder::OutputFirst,
                ..xor.clone()
            },
            200,
        ),
        ("xor tanh", xor_tanh(), 300),
        ("dead relu", dead_relu(), 300),
        ("2-8-8-1 tanh, 200 samples", deep_tanh(), 20),
        (
            "overflows",
            state(
                &SEED_JSON
                    .replace("\"t\":[0.7]", "\"t\":[1e150]")
                    .replace("\"b2\":[0.1]", "\"b2\":[-743.127]")
                    .replace("\"lr\":0.1", "\"lr\":1e170"),
            ),
            1000,
        ),
    ]
}

/// The hash of everything training and one pass give for `state` trained `steps` steps.
fn fingerprint(state: &State, steps: u32) -> u64 {
    let run = train_run(state, steps, None);
    let mut h = hash(run.state.params.iter().copied(), 0xcbf2_9ce4_8422_2325);
    h = hash(run.losses.iter().copied(), h);
    h = hash(run.test_losses.iter().copied(), h);
    h = hash(
        [
            run.loss,
            run.test_loss.unwrap_or(-1.0),
            f64::from(run.steps),
        ],
        h,
    );
    if let Ok(trained) = train(state, steps) {
        h = hash(trained.params.iter().copied(), h);
    }
    let at = &run.state;
    let objective = objective(at, &at.params);
    h = hash(objective.grads.iter().copied(), h);
    h = hash([objective.loss, objective.penalty], h);
    let fwd = forward(
        &at.arch,
        &at.params,
        &at.example.x,
        &at.example.t,
        at.loss_fn,
    );
    h = hash(fwd.z.iter().chain(&fwd.a).flatten().copied(), h);
    let grads = backward(&at.arch, &at.params, &at.example.t, &fwd, at.loss_fn);
    h = hash(grads.d_params.iter().copied(), h);
    hash(grads.d_a.iter().chain(&grads.d_z).flatten().copied(), h)
}

/// The hashes the core gave before `train-speed` (natively, where `exp` and `tanh` are
/// `std`'s), case by case.
const EXPECTED: &[(&str, u64)] = &[
    ("seed", 0x52bf16a8a5b9fe1f),
    ("seed, L2, untrained biases", 0x37609fb123e603b5),
    ("seed, ascent", 0x0a076ecc417fa1fb),
    ("seed, half squared, output first", 0x7a558abeeeb71ae7),
    ("saturated", 0x48445032206f8786),
    ("mazur", 0x8b48376522725f17),
    ("deep sigmoid", 0xa25cfec7b2c5557a),
    ("xor", 0x6b456a574807c835),
    ("xor, cross-entropy, L2", 0x656f922d8425c565),
    ("xor, per sample", 0x8dc5342ef0faf1fd),
    ("xor, mini-batches of 3, test split", 0xaac1b4b070518211),
    ("xor, mini-batches, output first", 0xc9d0f56a744ee1e5),
    ("xor tanh", 0xcc53619208af26c2),
    ("dead relu", 0x47617388799af179),
    ("2-8-8-1 tanh, 200 samples", 0x6bd8f8efea220477),
    ("overflows", 0x55c9b6e6e1ae3580),
];

#[test]
fn training_gives_the_same_bits_as_before() {
    let print = std::env::var_os("PRINT_TRAIN_BITS").is_some();
    for (name, state, steps) in cases() {
        let got = fingerprint(&state, steps);
        if print {
            println!("    (\"{name}\", 0x{got:016x}),");
            continue;
        }
        let expected = EXPECTED.iter().find(|(n, _)| *n == name).map(|(_, h)| *h);
        assert_eq!(Some(got), expected, "{name}");
    }
}
