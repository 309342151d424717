//! The update rule: `p ← p − lr·∂J/∂p` for every weight (and bias, unless biases are not
//! trained), all gradients taken at the same (old) parameters.
//!
//! The seed notebook's training loop writes `w += … * lr`, which *adds* the gradient: that is
//! gradient ascent and makes the loss grow. The core always descends, except in the `ascent`
//! direction, which exists to show that bug.

use crate::state::{Direction, State};

/// The factor in front of the gradient: `−lr` for descent, `+lr` for ascent.
pub fn signed_rate(lr: f64, direction: Direction) -> f64 {
    match direction {
        Direction::Descent => -lr,
        Direction::Ascent => lr,
    }
}

/// The parameters after one update of `params` with gradients `grads`, as `state` says
/// (direction, learning rate, whether biases are trained).
pub fn apply(state: &State, params: &[f64], grads: &[f64]) -> Vec<f64> {
    let rate = signed_rate(state.lr, state.direction);
    let mut next = params.to_vec();
    for id in state.arch.params() {
        if state.train_biases || !id.is_bias() {
            let k = state.arch.index(id);
            next[k] = params[k] + grads[k] * rate;
        }
    }
    next
}
