//! The network's state: its input, target, parameters and learning rate.
//!
//! Inside the core the state is held in nalgebra's fixed-size types. At the boundary it is the
//! plain, row-major [`StateJson`] that a user can save, whose indices match the seed notebook:
//! `w1[i][j]` is the weight from input `i` to hidden neuron `j`, `w2[j][0]` from hidden `j` to
//! the output.

use nalgebra::{SMatrix, SVector};
use serde::Serialize;

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

/// Weights and biases: everything gradient descent changes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Params {
    pub w1: InputToHidden,
    pub b1: Hidden,
    pub w2: HiddenToOutput,
    pub b2: Output,
}

/// How many numbers [`Params`] holds.
pub const PARAM_COUNT: usize = INPUTS * HIDDEN + HIDDEN + HIDDEN * OUTPUTS + OUTPUTS;

/// The parameters' names, in [`Params::to_array`] order, as the page names them
/// (`w1.i.j` is input `i` → hidden `j`).
pub const PARAM_NAMES: [&str; PARAM_COUNT] = [
    "w1.0.0", "w1.0.1", "w1.1.0", "w1.1.1", "b1.0", "b1.1", "w2.0.0", "w2.1.0", "b2.0",
];

impl Params {
    /// All parameters in [`PARAM_NAMES`] order: W1 row by row, b1, W2 row by row, b2.
    pub fn to_array(&self) -> [f64; PARAM_COUNT] {
        let (w1, b1, w2, b2) = (&self.w1, &self.b1, &self.w2, &self.b2);
        [
            w1[(0, 0)],
            w1[(0, 1)],
            w1[(1, 0)],
            w1[(1, 1)],
            b1[0],
            b1[1],
            w2[(0, 0)],
            w2[(1, 0)],
            b2[0],
        ]
    }

    /// The inverse of [`Params::to_array`].
    pub fn from_array(a: &[f64; PARAM_COUNT]) -> Self {
        Params {
            w1: InputToHidden::from_row_slice(&a[0..4]),
            b1: Hidden::from_column_slice(&a[4..6]),
            w2: HiddenToOutput::from_row_slice(&a[6..8]),
            b2: Output::from_column_slice(&a[8..9]),
        }
    }
}

/// One training example with the network's parameters and learning rate.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct State {
    pub x: Input,
    pub t: Output,
    pub params: Params,
    pub lr: f64,
}

impl State {
    /// The seed notebook's example: `x = [0.5, 0.3]`, `t = 0.7`, its weights, `lr = 0.1`.
    pub fn seed() -> Self {
        State {
            x: Input::new(0.5, 0.3),
            t: Output::new(0.7),
            params: Params {
                w1: InputToHidden::new(0.2, 0.4, 0.1, 0.3),
                b1: Hidden::new(0.1, 0.2),
                w2: HiddenToOutput::new(0.5, 0.6),
                b2: Output::new(0.1),
            },
            lr: 0.1,
        }
    }

    /// The same state with other parameters.
    pub fn with_params(&self, params: Params) -> Self {
        State { params, ..*self }
    }

    /// The row-major form sent to JavaScript and saved by users.
    pub fn to_json(&self) -> StateJson {
        StateJson {
            x: to_row(&self.x),
            t: to_row(&self.t),
            w1: to_rows(&self.params.w1),
            b1: to_row(&self.params.b1),
            w2: to_rows(&self.params.w2),
            b2: to_row(&self.params.b2),
            lr: self.lr,
        }
    }
}

/// The state as users see it: `{"x":[…],"t":[…],"w1":[[…],[…]],"b1":[…],"w2":[[…],[…]],"b2":[…],"lr":…}`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StateJson {
    pub x: [f64; INPUTS],
    pub t: [f64; OUTPUTS],
    pub w1: [[f64; HIDDEN]; INPUTS],
    pub b1: [f64; HIDDEN],
    pub w2: [[f64; OUTPUTS]; HIDDEN],
    pub b2: [f64; OUTPUTS],
    pub lr: f64,
}

/// A vector as a plain array.
pub fn to_row<const N: usize>(v: &SVector<f64, N>) -> [f64; N] {
    std::array::from_fn(|i| v[i])
}

/// A matrix as row-major nested arrays: `rows[i][j] = m[(i, j)]`.
pub fn to_rows<const R: usize, const C: usize>(m: &SMatrix<f64, R, C>) -> [[f64; C]; R] {
    std::array::from_fn(|i| std::array::from_fn(|j| m[(i, j)]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn params_round_trip_through_the_named_array() {
        let p = State::seed().params;
        let a = p.to_array();
        assert_eq!(a, [0.2, 0.4, 0.1, 0.3, 0.1, 0.2, 0.5, 0.6, 0.1]);
        assert_eq!(Params::from_array(&a), p);
    }

    #[test]
    fn seed_indices_follow_the_notebook() {
        let json = State::seed().to_json();
        assert_eq!(json.w1, [[0.2, 0.4], [0.1, 0.3]]);
        assert_eq!(json.w2, [[0.5], [0.6]]);
        assert_eq!(State::seed().params.w1[(0, 1)], 0.4);
    }
}
