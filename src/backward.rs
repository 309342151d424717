//! The backward pass: the chain rule applied from the loss back to every parameter.
//!
//! ```text
//! ∂E/∂y  = 2(y − t)                       (y − t for E = ½(y − t)²)
//! δ_out  = ∂E/∂z2 = ∂E/∂y · σ′(z2),      σ′(z2) = y(1 − y)
//! ∂E/∂b2 = δ_out
//! ∂E/∂W2 = h · δ_outᵀ                     (∂E/∂w2[j] = h[j] · δ_out)
//! ∂E/∂h  = W2 · δ_out                     (∂E/∂h[j] = w2[j] · δ_out)
//! δ_hidden = ∂E/∂z1 = ∂E/∂h ⊙ σ′(z1),     σ′(z1) = h ⊙ (1 − h)
//! ∂E/∂b1 = δ_hidden
//! ∂E/∂W1 = x · δ_hiddenᵀ                  (∂E/∂w1[i][j] = x[i] · δ_hidden[j])
//! ```

use crate::activation::sigmoid_prime_from_output;
use crate::forward::Forward;
use crate::loss::LossFn;
use crate::state::{Hidden, Output, Params, Sample, State};

/// ∂E/∂k for every intermediate value `k` and every parameter, each in `k`'s shape.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Gradients {
    /// `∂E/∂y`.
    pub d_y: Output,
    /// `∂E/∂z2`, also called δ_out.
    pub d_z2: Output,
    /// `∂E/∂h`.
    pub d_h: Hidden,
    /// `∂E/∂z1`, also called δ_hidden.
    pub d_z1: Hidden,
    /// `∂E/∂W1`, `∂E/∂b1`, `∂E/∂W2`, `∂E/∂b2`.
    pub d_params: Params,
}

/// The gradients of one example's loss, given its forward pass with `params`.
pub fn backward_example(
    params: &Params,
    example: &Sample,
    fwd: &Forward,
    loss_fn: LossFn,
) -> Gradients {
    let d_y = fwd.y.zip_map(&example.t, |y, t| loss_fn.grad(y, t));
    let d_z2 = d_y.component_mul(&fwd.y.map(sigmoid_prime_from_output));
    let d_w2 = fwd.h * d_z2.transpose();
    let d_h = params.w2 * d_z2;
    let d_z1 = d_h.component_mul(&fwd.h.map(sigmoid_prime_from_output));
    let d_w1 = example.x * d_z1.transpose();
    Gradients {
        d_y,
        d_z2,
        d_h,
        d_z1,
        d_params: Params {
            w1: d_w1,
            b1: d_z1,
            w2: d_w2,
            b2: d_z2,
        },
    }
}

/// The gradients of the loss on the state's shown example.
pub fn backward(state: &State, fwd: &Forward) -> Gradients {
    backward_example(&state.params, &state.example, fwd, state.loss_fn)
}
