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
    for ((n, &p), &g) in next[at..trained]
        .iter_mut()
        .zip(&params[at..trained])
        .zip(&grads[at..trained])
    {
        *n = p + g * rate;
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
        let at = arch.weights_at(l);
        for (p, &g) in params[at..end].iter_mut().zip(&grads[at..end]) {
            *p += g * rate;
        }
    }
}
