//! "New exercise": a fresh state for the same network and conventions whose numbers are easy to
//! work with by hand — every input, target, weight and bias has one decimal.

use crate::evaluate::pass;
use crate::network::activation::Activation;
use crate::network::arch::ParamId;
use crate::state::{Sample, State};

/// How many draws to try before accepting one with a ReLU sum close to its kink.
const ATTEMPTS: u64 = 16;
/// A ReLU sum this close to 0 is avoided: ReLU′ at exactly 0 is a convention, not a calculation.
const KINK: f64 = 0.05;

/// A seeded stream of numbers (SplitMix64).
struct Stream(u64);

impl Stream {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut x = self.0;
        x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        x ^ (x >> 31)
    }

    /// A whole number from `low` to `high`, both included.
    fn between(&mut self, low: i64, high: i64) -> i64 {
        let span = (high - low + 1) as u64;
        low + (self.next() % span) as i64
    }

    /// Tenths from `low / 10` to `high / 10`, never 0.
    fn tenths(&mut self, low: i64, high: i64) -> f64 {
        loop {
            let k = self.between(low, high);
            if k != 0 {
                return k as f64 / 10.0;
            }
        }
    }
}

/// A target the output activation can reach, in tenths: inside (0, 1) for σ, (−1, 1) for tanh.
fn target(stream: &mut Stream, output: Activation) -> f64 {
    match output {
        Activation::Sigmoid => stream.between(1, 9) as f64 / 10.0,
        Activation::Tanh => stream.tenths(-9, 9),
        Activation::Relu => stream.between(1, 10) as f64 / 10.0,
        Activation::Linear => stream.tenths(-10, 10),
    }
}

/// One draw: with samples, only the weights and biases (the samples are the exercise's data).
fn draw(state: &State, stream: &mut Stream) -> State {
    let arch = &state.arch;
    let params = arch
        .params()
        .into_iter()
        .map(|id| match id {
            ParamId::Weight { .. } => stream.tenths(-10, 10),
            ParamId::Bias { .. } => stream.tenths(-5, 5),
        })
        .collect();
    let example = if state.samples.is_empty() {
        let output = arch.activation(arch.depth());
        Sample {
            x: (0..arch.inputs()).map(|_| stream.tenths(-10, 10)).collect(),
            t: (0..arch.outputs())
                .map(|_| target(stream, output))
                .collect(),
        }
    } else {
        state.example.clone()
    };
    State {
        params,
        example,
        ..state.clone()
    }
}

/// Whether some ReLU's sum lies within [`KINK`] of 0.
fn near_kink(state: &State) -> bool {
    let Ok(pass) = pass(state) else {
        return true;
    };
    let arch = &state.arch;
    (1..=arch.depth())
        .filter(|&l| arch.activation(l) == Activation::Relu)
        .any(|l| pass.forward.z[l].iter().any(|z| z.abs() < KINK))
}

/// A fresh exercise for `state`'s network, drawn from `seed`: the same architecture, options,
/// learning rate and samples, with inputs (when there are no samples), targets, weights and
/// biases of one decimal each. The same seed gives the same exercise.
pub fn exercise(state: &State, seed: u32) -> State {
    let mut stream = Stream(u64::from(seed) << 32 | 0x5EED);
    let mut next = draw(state, &mut stream);
    for _ in 1..ATTEMPTS {
        if !near_kink(&next) {
            break;
        }
        next = draw(state, &mut stream);
    }
    next
}
