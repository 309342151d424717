//! Ready-made starting points, each with the lesson it teaches.

use serde::Serialize;

use crate::network::activation::Activation::{self, Relu, Sigmoid, Tanh};
use crate::network::arch::Arch;
use crate::network::init::initial_params;
use crate::network::loss::LossFn;
use crate::state::{Direction, Mode, Sample, State};

/// A named starting state and what a learner should notice in it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Preset {
    /// Stable id, used in links: `seed`, `xor`, `saturated`, `ascent`, `mazur`, …
    pub id: &'static str,
    pub title: &'static str,
    /// What the learner will see, and why; shown in a banner while the preset is active.
    pub note: &'static str,
    pub state: State,
}

/// Every preset, the default (`seed`) first.
pub fn presets() -> Vec<Preset> {
    vec![
        Preset {
            id: "seed",
            title: "Seed notebook example",
            note: "The worked example from the seed notebook: one input x = [0.5, 0.3] with target t = 0.7, learning rate 0.1.",
            state: State::seed(),
        },
        Preset {
            id: "xor",
            title: "XOR (4 samples)",
            note: "XOR cannot be solved by one neuron: the hidden layer must learn two features. The loss J and the gradients are the mean over the four samples; pick a sample to see its own forward and backward pass.",
            state: xor(),
        },
        Preset {
            id: "saturated",
            title: "Saturated neurons",
            note: "The weights are large, so every sigmoid sits on a flat tail where σ′(z) = σ(1 − σ) is almost 0. Each backward step multiplies by that slope, so the gradients vanish and training barely moves: the vanishing-gradient problem.",
            state: saturated(),
        },
        Preset {
            id: "ascent",
            title: "The notebook's += bug",
            note: "The seed notebook updates with w += lr·grad. Adding the gradient climbs the loss: this is gradient ascent, and the loss rises at every step. The fix is to subtract: w ← w − lr·∂E/∂w.",
            state: State {
                direction: Direction::Ascent,
                ..State::seed()
            },
        },
        Preset {
            id: "mazur",
            title: "Mazur's worked example (2-2-2)",
            note: "Matt Mazur's \"A Step by Step Backpropagation Example\": E = ½Σ(t − o)², η = 0.5, biases not trained. His weights in our names: w1…w4 are w⁽¹⁾₁₁ (i1→h1), w⁽¹⁾₂₁ (i2→h1), w⁽¹⁾₁₂ (i1→h2), w⁽¹⁾₂₂ (i2→h2); w5…w8 are w⁽²⁾₁₁ (h1→o1), w⁽²⁾₂₁ (h2→o1), w⁽²⁾₁₂ (h1→o2), w⁽²⁾₂₂ (h2→o2); his b1, b2 are our b⁽¹⁾, b⁽²⁾ and his o1, o2 our y₁, y₂.",
            state: mazur(),
        },
        Preset {
            id: "xor-tanh",
            title: "XOR with tanh (2-3-1)",
            note: "Three tanh hidden units and a sigmoid output learn XOR in a few thousand steps: press Train and watch J fall as the hidden units split the plane. tanh is centred on 0, so its gradients are larger than the sigmoid's.",
            state: xor_tanh(),
        },
        Preset {
            id: "deep-sigmoid",
            title: "Vanishing gradients (2-3-3-3-3-1 sigmoid)",
            note: "Five sigmoid layers deep. Every layer multiplies the error signal by σ′ ≤ 0.25 and by its weights, so the gradients shrink layer by layer toward the input: compare |∂E/∂W⁽⁵⁾| with |∂E/∂W⁽¹⁾| in the table or the gradient check. Switch the hidden layers to tanh or ReLU and compare again.",
            state: deep_sigmoid(),
        },
        Preset {
            id: "dead-relu",
            title: "A dead ReLU (2-3-1)",
            note: "The third hidden unit's weights and bias are negative, so its sum z⁽¹⁾₃ is below 0 for every sample: ReLU outputs 0 and its slope [z > 0] is 0, so no gradient ever reaches its incoming weights and they never learn. Train and watch w⁽¹⁾₁₃, w⁽¹⁾₂₃ and b⁽¹⁾₃ stay put.",
            state: dead_relu(),
        },
    ]
}

fn arch(widths: &[usize], activations: &[Activation]) -> Arch {
    Arch::new(widths.to_vec(), activations.to_vec()).expect("preset shapes are within the limits")
}

fn sample(x: &[f64], t: &[f64]) -> Sample {
    Sample {
        x: x.to_vec(),
        t: t.to_vec(),
    }
}

/// The four XOR samples.
pub fn xor_samples() -> Vec<Sample> {
    vec![
        sample(&[0.0, 0.0], &[0.0]),
        sample(&[0.0, 1.0], &[1.0]),
        sample(&[1.0, 0.0], &[1.0]),
        sample(&[1.0, 1.0], &[0.0]),
    ]
}

/// The four XOR samples, learnable with batch gradient descent at `lr = 2`.
pub fn xor() -> State {
    let samples = xor_samples();
    State {
        example: samples[0].clone(),
        params: vec![0.5, -0.4, -0.3, 0.6, 0.1, -0.1, 0.7, -0.5, 0.2],
        lr: 2.0,
        samples,
        mode: Mode::Batch,
        ..State::seed()
    }
}

/// The seed's example through weights so large that every sigmoid saturates.
pub fn saturated() -> State {
    State {
        params: vec![9.0, -8.0, 7.0, -9.0, 3.0, -2.0, 7.0, 6.0, 1.0],
        ..State::seed()
    }
}

/// Matt Mazur's worked example.
pub fn mazur() -> State {
    State {
        arch: arch(&[2, 2, 2], &[Sigmoid, Sigmoid]),
        example: sample(&[0.05, 0.10], &[0.01, 0.99]),
        // w1 row by row, b1, w2 row by row, b2.
        params: vec![
            0.15, 0.25, 0.20, 0.30, 0.35, 0.35, 0.40, 0.50, 0.45, 0.55, 0.60, 0.60,
        ],
        lr: 0.5,
        loss_fn: LossFn::HalfSquared,
        train_biases: false,
        ..State::seed()
    }
}

/// XOR on a 2-3-1 network with tanh hidden units.
pub fn xor_tanh() -> State {
    let samples = xor_samples();
    State {
        arch: arch(&[2, 3, 1], &[Tanh, Sigmoid]),
        example: samples[0].clone(),
        params: vec![
            0.9, -0.7, 0.4, -0.8, 0.6, 0.5, 0.1, 0.0, -0.2, 0.8, 0.9, -0.6, 0.0,
        ],
        lr: 0.5,
        samples,
        ..State::seed()
    }
}

/// The seed's example through a deep, narrow sigmoid network.
pub fn deep_sigmoid() -> State {
    let arch = arch(&[2, 3, 3, 3, 3, 1], &[Sigmoid; 5]);
    State {
        params: initial_params(&arch, 3),
        arch,
        init_seed: 3,
        ..State::seed()
    }
}

/// XOR on a 2-3-1 ReLU network whose third hidden unit never activates.
pub fn dead_relu() -> State {
    let samples = xor_samples();
    State {
        arch: arch(&[2, 3, 1], &[Relu, Sigmoid]),
        example: samples[1].clone(),
        params: vec![
            0.8, -0.6, -0.6, -0.7, 0.9, -0.4, 0.1, 0.1, -0.5, 0.9, 0.8, 0.5, -0.3,
        ],
        lr: 0.5,
        samples,
        ..State::seed()
    }
}
