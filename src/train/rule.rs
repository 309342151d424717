//! The update rule: `p ← p − lr·∂J/∂p` for every weight (and bias, unless biases are not
//! trained), all gradients taken at the same (old) parameters. With L2 regularisation a weight's
//! gradient gains the penalty's own term, `∂(½λw²)/∂w = λw`: `w ← w − lr·(∂J/∂w + λw)`; biases
//! are not regularised.
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
    let mut next = params.to_vec();
    apply_in_place(state, &mut next, grads);
    next
}

/// [`apply`] into `next` (as long as `params`), allocating nothing.
pub fn apply_into(state: &State, params: &[f64], grads: &[f64], next: &mut [f64]) {
    for l in 1..=state.arch.depth() {
        apply_layer(state, params, grads, next, l);
    }
}

/// [`apply_into`] for weight layer `l` alone: its weights and biases in `next` become those of
/// `params` moved by `grads`.
pub fn apply_layer(state: &State, params: &[f64], grads: &[f64], next: &mut [f64], l: usize) {
    let rate = signed_rate(state.lr, state.direction);
    let arch = &state.arch;
    let (at, b_at, end) = (
        arch.weights_at(l),
        arch.biases_at(l),
        arch.biases_at(l) + arch.width(l),
    );
    let trained = if state.train_biases { end } else { b_at };
    for (k, ((n, &p), &g)) in next[at..trained]
        .iter_mut()
        .zip(&params[at..trained])
        .zip(&grads[at..trained])
        .enumerate()
    {
        let decay = if at + k < b_at { state.l2 * p } else { 0.0 };
        *n = p + (g + decay) * rate;
    }
    next[trained..end].copy_from_slice(&params[trained..end]);
}

/// [`apply`] in place: `params` becomes the parameters after the update, allocating nothing.
pub fn apply_in_place(state: &State, params: &mut [f64], grads: &[f64]) {
    let rate = signed_rate(state.lr, state.direction);
    let arch = &state.arch;
    for l in 1..=arch.depth() {
        let end = if state.train_biases {
            arch.biases_at(l) + arch.width(l)
        } else {
            arch.biases_at(l)
        };
        let (at, b_at) = (arch.weights_at(l), arch.biases_at(l));
        for (k, (p, &g)) in params[at..end].iter_mut().zip(&grads[at..end]).enumerate() {
            let decay = if at + k < b_at { state.l2 * *p } else { 0.0 };
            *p += (g + decay) * rate;
        }
    }
}
