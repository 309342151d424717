//! Ready-made starting points, each with the lesson it teaches.

use serde::Serialize;

use crate::state::{Direction, Hidden, HiddenToOutput, Input, InputToHidden, Output};
use crate::state::{Mode, Params, Sample, State, StateJson};

/// A named starting state and what a learner should notice in it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Preset {
    /// Stable id, used in links: `seed`, `xor`, `saturated`, `ascent`.
    pub id: &'static str,
    pub title: &'static str,
    /// What the learner will see, and why; shown in a banner while the preset is active.
    pub note: &'static str,
    pub state: StateJson,
}

/// Every preset, the default (`seed`) first.
pub fn presets() -> Vec<Preset> {
    vec![
        Preset {
            id: "seed",
            title: "Seed notebook example",
            note: "The worked example from the seed notebook: one input x = [0.5, 0.3] with target t = 0.7, learning rate 0.1.",
            state: State::seed().to_json(),
        },
        Preset {
            id: "xor",
            title: "XOR (4 samples)",
            note: "XOR cannot be solved by one neuron: the hidden layer must learn two features. The loss J and the gradients are the mean over the four samples; pick a sample to see its own forward and backward pass.",
            state: xor().to_json(),
        },
        Preset {
            id: "saturated",
            title: "Saturated neurons",
            note: "The weights are large, so every sigmoid sits on a flat tail where σ′(z) = σ(1 − σ) is almost 0. Each backward step multiplies by that slope, so the gradients vanish and training barely moves: the vanishing-gradient problem.",
            state: saturated().to_json(),
        },
        Preset {
            id: "ascent",
            title: "The notebook's += bug",
            note: "The seed notebook updates with w += lr·grad. Adding the gradient climbs the loss: this is gradient ascent, and the loss rises at every step. The fix is to subtract: w ← w − lr·∂E/∂w.",
            state: State {
                direction: Direction::Ascent,
                ..State::seed()
            }
            .to_json(),
        },
    ]
}

/// The four XOR samples, learnable with batch gradient descent at `lr = 2`.
pub fn xor() -> State {
    let sample = |a: f64, b: f64, t: f64| Sample {
        x: Input::new(a, b),
        t: Output::new(t),
    };
    let samples = vec![
        sample(0.0, 0.0, 0.0),
        sample(0.0, 1.0, 1.0),
        sample(1.0, 0.0, 1.0),
        sample(1.0, 1.0, 0.0),
    ];
    State {
        example: samples[0],
        params: Params {
            w1: InputToHidden::new(0.5, -0.4, -0.3, 0.6),
            b1: Hidden::new(0.1, -0.1),
            w2: HiddenToOutput::new(0.7, -0.5),
            b2: Output::new(0.2),
        },
        lr: 2.0,
        samples,
        mode: Mode::Batch,
        ..State::seed()
    }
}

/// The seed's example through weights so large that every sigmoid saturates.
pub fn saturated() -> State {
    State {
        params: Params {
            w1: InputToHidden::new(9.0, -8.0, 7.0, -9.0),
            b1: Hidden::new(3.0, -2.0),
            w2: HiddenToOutput::new(7.0, 6.0),
            b2: Output::new(1.0),
        },
        ..State::seed()
    }
}
