//! The training objective `J`: the mean loss over the training examples, and its gradient.
//!
//! With no samples `J` is the shown example's loss `E`; with samples (XOR, say) it is
//! `J = (1/n)·Σₖ Eₖ`, and `∂J/∂p = (1/n)·Σₖ ∂Eₖ/∂p`.

use crate::network::backward::Sink;
use crate::network::workspace::Workspace;
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
    let mut ws = Workspace::new(&state.arch);
    let (loss, finite) = objective_into(&mut ws, state, params);
    Objective {
        loss,
        grads: ws.grads,
        finite,
    }
}

/// `J` into the returned value and `∇J` into `ws.grads`, allocating nothing; with whether every
/// pre-activation on the way was finite.
pub fn objective_into(ws: &mut Workspace, state: &State, params: &[f64]) -> (f64, bool) {
    let examples = state.examples();
    let scale = 1.0 / examples.len() as f64;
    let mut total = 0.0;
    let mut finite = true;
    ws.grads.fill(0.0);
    for example in examples {
        total += ws.forward(&state.arch, params, &example.x, &example.t, state.loss_fn);
        ws.backward(
            &state.arch,
            params,
            &example.x,
            &example.t,
            state.loss_fn,
            Sink::Accumulate(scale),
        );
        finite &= ws.is_finite();
    }
    // Summed, then divided, exactly as `objective_loss` does, so both give the same `J`.
    (total / examples.len() as f64, finite)
}

/// `J` alone at `params` (a forward pass per example, no gradients).
pub fn objective_loss(state: &State, params: &[f64]) -> f64 {
    objective_loss_into(&mut Workspace::new(&state.arch), state, params)
}

/// [`objective_loss`] in a workspace, allocating nothing.
pub fn objective_loss_into(ws: &mut Workspace, state: &State, params: &[f64]) -> f64 {
    let examples = state.examples();
    let mut total = 0.0;
    for e in examples {
        total += ws.forward(&state.arch, params, &e.x, &e.t, state.loss_fn);
    }
    total / examples.len() as f64
}
