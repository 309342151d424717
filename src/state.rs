//! The network's state: the example it looks at, its parameters, the learning rate and the
//! training options.
//!
//! Inside the core the state is held in nalgebra's fixed-size types. At the boundary it is the
//! plain, row-major [`StateJson`] that a user can save, whose indices match the seed notebook:
//! `w1[i][j]` is the weight from input `i` to hidden neuron `j`, `w2[j][0]` from hidden `j` to
//! the output. Options left at their defaults are not written, so the seed's JSON is exactly
//! `{"x":[0.5,0.3],"t":[0.7],"w1":[[0.2,0.4],[0.1,0.3]],"b1":[0.1,0.2],"w2":[[0.5],[0.6]],"b2":[0.1],"lr":0.1}`.

use nalgebra::{SMatrix, SVector};
use serde::Serialize;

use crate::loss::LossFn;
pub use crate::params::{to_row, to_rows, Params, ParamsJson, PARAM_COUNT, PARAM_NAMES};

/// Number of inputs.
pub const INPUTS: usize = 2;
/// Number of hidden neurons.
pub const HIDDEN: usize = 2;
/// Number of outputs.
pub const OUTPUTS: usize = 1;

/// The input vector `x`.
pub type Input = SVector<f64, INPUTS>;
/// A vector over the hidden layer (`z1`, `h`, `b1`, their gradients).
pub type Hidden = SVector<f64, HIDDEN>;
/// A vector over the output layer (`z2`, `y`, `t`, `b2`, their gradients).
pub type Output = SVector<f64, OUTPUTS>;
/// `W1`: input `i` → hidden `j` at `(i, j)`.
pub type InputToHidden = SMatrix<f64, INPUTS, HIDDEN>;
/// `W2`: hidden `j` → output `k` at `(j, k)`.
pub type HiddenToOutput = SMatrix<f64, HIDDEN, OUTPUTS>;

/// Which way an update moves the parameters.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// `p ← p − lr·∂E/∂p`: gradient descent, which lowers the loss.
    #[default]
    Descent,
    /// `p ← p + lr·∂E/∂p`: the seed notebook's `+=` bug, which raises it.
    Ascent,
}

impl Direction {
    /// Both directions with their names in the state JSON.
    pub const ALL: [(Direction, &'static str); 2] = [
        (Direction::Descent, "descent"),
        (Direction::Ascent, "ascent"),
    ];
}

/// How training uses the samples, when there are any.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    /// One update per step with the gradient of the mean loss over all samples.
    #[default]
    Batch,
    /// One update per sample, in order: a training step is an epoch; Step backprop updates
    /// with the shown example's own gradient.
    PerSample,
}

impl Mode {
    /// Both modes with their names in the state JSON.
    pub const ALL: [(Mode, &'static str); 2] =
        [(Mode::Batch, "batch"), (Mode::PerSample, "per_sample")];
}

/// One training example.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Sample {
    #[serde(serialize_with = "serialize_row")]
    pub x: Input,
    #[serde(serialize_with = "serialize_row")]
    pub t: Output,
}

/// Everything the core needs to compute a pass and train.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The example the picture shows.
    pub example: Sample,
    pub params: Params,
    pub lr: f64,
    pub loss_fn: LossFn,
    pub direction: Direction,
    /// The training set; when empty, the network trains on `(x, t)` alone.
    pub samples: Vec<Sample>,
    pub mode: Mode,
}

impl State {
    /// The seed notebook's example: `x = [0.5, 0.3]`, `t = 0.7`, its weights, `lr = 0.1`.
    pub fn seed() -> Self {
        State {
            example: Sample {
                x: Input::new(0.5, 0.3),
                t: Output::new(0.7),
            },
            params: Params {
                w1: InputToHidden::new(0.2, 0.4, 0.1, 0.3),
                b1: Hidden::new(0.1, 0.2),
                w2: HiddenToOutput::new(0.5, 0.6),
                b2: Output::new(0.1),
            },
            lr: 0.1,
            loss_fn: LossFn::Squared,
            direction: Direction::Descent,
            samples: Vec::new(),
            mode: Mode::Batch,
        }
    }

    /// The same state with other parameters.
    pub fn with_params(&self, params: Params) -> Self {
        State {
            params,
            ..self.clone()
        }
    }

    /// The examples training uses: the samples, or the shown example when there are none.
    pub fn examples(&self) -> &[Sample] {
        if self.samples.is_empty() {
            std::slice::from_ref(&self.example)
        } else {
            &self.samples
        }
    }

    /// The row-major form sent to JavaScript and saved by users.
    pub fn to_json(&self) -> StateJson {
        StateJson {
            x: to_row(&self.example.x),
            t: to_row(&self.example.t),
            params: ParamsJson::from(&self.params),
            lr: self.lr,
            loss_fn: self.loss_fn,
            update: self.direction,
            samples: self.samples.clone(),
            mode: self.mode,
        }
    }
}

/// The state as users see and save it; options at their defaults are left out.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StateJson {
    pub x: [f64; INPUTS],
    pub t: [f64; OUTPUTS],
    #[serde(flatten)]
    pub params: ParamsJson,
    pub lr: f64,
    #[serde(skip_serializing_if = "is_default")]
    pub loss_fn: LossFn,
    #[serde(skip_serializing_if = "is_default")]
    pub update: Direction,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub samples: Vec<Sample>,
    #[serde(skip_serializing_if = "is_default")]
    pub mode: Mode,
}

fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

fn serialize_row<const N: usize, S: serde::Serializer>(
    v: &SVector<f64, N>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    to_row(v).serialize(serializer)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_indices_follow_the_notebook() {
        let json = State::seed().to_json();
        assert_eq!(json.params.w1, [[0.2, 0.4], [0.1, 0.3]]);
        assert_eq!(json.params.w2, [[0.5], [0.6]]);
        assert_eq!(State::seed().params.w1[(0, 1)], 0.4);
    }
}
