//! The forward pass: `z1 = xᵀ·W1 + b1`, `h = σ(z1)`, `z2 = hᵀ·W2 + b2`, `y = σ(z2)`, `E = (y − t)²`.

use crate::activation::sigmoid;
use crate::loss::squared_error;
use crate::state::{Hidden, Output, State};

/// Every value the forward pass computes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Forward {
    /// Hidden pre-activations `z1[j] = Σᵢ x[i]·w1[i][j] + b1[j]`.
    pub z1: Hidden,
    /// Hidden activations `h[j] = σ(z1[j])`.
    pub h: Hidden,
    /// Output pre-activation `z2 = Σⱼ h[j]·w2[j] + b2`.
    pub z2: Output,
    /// Output `y = σ(z2)`.
    pub y: Output,
    /// Loss `E = Σₖ (y[k] − t[k])²`.
    pub loss: f64,
}

/// Runs the network on the state's input.
pub fn forward(state: &State) -> Forward {
    let p = &state.params;
    let z1 = p.w1.tr_mul(&state.x) + p.b1;
    let h = z1.map(sigmoid);
    let z2 = p.w2.tr_mul(&h) + p.b2;
    let y = z2.map(sigmoid);
    let loss = y.zip_map(&state.t, squared_error).sum();
    Forward { z1, h, z2, y, loss }
}

#[cfg(test)]
mod tests {
    use super::*;
    use approx::assert_relative_eq;

    #[test]
    fn hidden_layer_follows_w1_i_to_j() {
        let f = forward(&State::seed());
        // z1[1] = x0·w1[0][1] + x1·w1[1][1] + b1[1] = 0.5·0.4 + 0.3·0.3 + 0.2
        assert_relative_eq!(f.z1[1], 0.49, epsilon = 1e-15);
    }
}
