//! The training objective `J`: the mean loss over the training examples, and its gradient.
//!
//! With no samples `J` is the shown example's loss `E`; with samples (XOR, say) it is
//! `J = (1/n)·Σₖ Eₖ`, and `∂J/∂p = (1/n)·Σₖ ∂Eₖ/∂p`.

use crate::network::backward::backward;
use crate::network::forward::forward;
use crate::state::State;

/// `J` and `∇J` at some parameters.
#[derive(Clone, Debug, PartialEq)]
pub struct Objective {
    pub loss: f64,
    pub grads: Vec<f64>,
    /// Whether every pre-activation on the way was finite.
    pub finite: bool,
}

/// `J` and its gradient at `params`, over the state's training examples.
pub fn objective(state: &State, params: &[f64]) -> Objective {
    let examples = state.examples();
    let scale = 1.0 / examples.len() as f64;
    let mut total = 0.0;
    let mut out = Objective {
        loss: 0.0,
        grads: vec![0.0; params.len()],
        finite: true,
    };
    for example in examples {
        let fwd = forward(&state.arch, params, &example.x, &example.t, state.loss_fn);
        let grads = backward(&state.arch, params, &example.t, &fwd, state.loss_fn);
        total += fwd.loss;
        for (g, d) in out.grads.iter_mut().zip(&grads.d_params) {
            *g += d * scale;
        }
        out.finite &= fwd.is_finite();
    }
    // Summed, then divided, exactly as `objective_loss` does, so both give the same `J`.
    out.loss = total / examples.len() as f64;
    out
}

/// `J` alone at `params` (a forward pass per example, no gradients).
pub fn objective_loss(state: &State, params: &[f64]) -> f64 {
    let examples = state.examples();
    let total: f64 = examples
        .iter()
        .map(|e| forward(&state.arch, params, &e.x, &e.t, state.loss_fn).loss)
        .sum();
    total / examples.len() as f64
}
