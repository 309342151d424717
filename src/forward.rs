//! The forward pass: `z1 = xᵀ·W1 + b1`, `h = σ(z1)`, `z2 = hᵀ·W2 + b2`, `y = σ(z2)`, and the loss.

use crate::activation::sigmoid;
use crate::loss::LossFn;
use crate::state::{Hidden, Output, Params, Sample, State};

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
    /// Loss `E = (y − t)²` or `½(y − t)²`, summed over the outputs.
    pub loss: f64,
}

impl Forward {
    /// Whether the pre-activations are finite (then so is everything else).
    pub fn is_finite(&self) -> bool {
        self.z1.iter().chain(self.z2.iter()).all(|z| z.is_finite())
    }
}

/// Runs the network with `params` on one example.
pub fn forward_example(params: &Params, example: &Sample, loss_fn: LossFn) -> Forward {
    let z1 = params.w1.tr_mul(&example.x) + params.b1;
    let h = z1.map(sigmoid);
    let z2 = params.w2.tr_mul(&h) + params.b2;
    let y = z2.map(sigmoid);
    let loss = y.zip_map(&example.t, |y, t| loss_fn.value(y, t)).sum();
    Forward { z1, h, z2, y, loss }
}

/// Runs the network on the state's shown example.
pub fn forward(state: &State) -> Forward {
    forward_example(&state.params, &state.example, state.loss_fn)
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

    #[test]
    fn the_half_convention_halves_the_loss() {
        let mut state = State::seed();
        let full = forward(&state).loss;
        state.loss_fn = LossFn::HalfSquared;
        assert_relative_eq!(forward(&state).loss, full / 2.0, max_relative = 1e-15);
    }
}
