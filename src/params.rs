//! The network's weights and biases: everything gradient descent changes.

use nalgebra::{SMatrix, SVector};
use serde::Serialize;

use crate::state::{Hidden, HiddenToOutput, InputToHidden, Output, HIDDEN, INPUTS, OUTPUTS};

/// Weights and biases. `w1[(i, j)]` is input `i` → hidden `j`; `w2[(j, 0)]` hidden `j` → output.
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

    /// The index of a parameter in [`PARAM_NAMES`] order, from its name (`w2.1.0`).
    pub fn index_of(name: &str) -> Option<usize> {
        PARAM_NAMES.iter().position(|n| *n == name)
    }

    /// Zero for every parameter.
    pub fn zeros() -> Self {
        Params::from_array(&[0.0; PARAM_COUNT])
    }

    /// `self + other · scale`, parameter by parameter.
    pub fn add_scaled(&self, other: &Params, scale: f64) -> Self {
        Params {
            w1: self.w1 + other.w1 * scale,
            b1: self.b1 + other.b1 * scale,
            w2: self.w2 + other.w2 * scale,
            b2: self.b2 + other.b2 * scale,
        }
    }

    /// Whether every weight and bias is finite.
    pub fn is_finite(&self) -> bool {
        self.to_array().iter().all(|v| v.is_finite())
    }
}

/// Parameters (or their gradients) as row-major arrays with the state's indices.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ParamsJson {
    pub w1: [[f64; HIDDEN]; INPUTS],
    pub b1: [f64; HIDDEN],
    pub w2: [[f64; OUTPUTS]; HIDDEN],
    pub b2: [f64; OUTPUTS],
}

impl From<&Params> for ParamsJson {
    fn from(p: &Params) -> Self {
        ParamsJson {
            w1: to_rows(&p.w1),
            b1: to_row(&p.b1),
            w2: to_rows(&p.w2),
            b2: to_row(&p.b2),
        }
    }
}

impl ParamsJson {
    /// The inverse of `ParamsJson::from(&Params)`.
    pub fn to_params(&self) -> Params {
        Params {
            w1: InputToHidden::from_fn(|i, j| self.w1[i][j]),
            b1: Hidden::from_fn(|i, _| self.b1[i]),
            w2: HiddenToOutput::from_fn(|i, j| self.w2[i][j]),
            b2: Output::from_fn(|i, _| self.b2[i]),
        }
    }
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
    use crate::state::State;

    #[test]
    fn params_round_trip_through_the_named_array() {
        let p = State::seed().params;
        let a = p.to_array();
        assert_eq!(a, [0.2, 0.4, 0.1, 0.3, 0.1, 0.2, 0.5, 0.6, 0.1]);
        assert_eq!(Params::from_array(&a), p);
        assert_eq!(Params::index_of("w2.1.0"), Some(7));
    }
}
