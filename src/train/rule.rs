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
    let (at, b_at, end) = bounds(state, l);
    let trained = if state.train_biases { end } else { b_at };
    let (l2, n_w, n_t) = (state.l2, b_at - at, trained - at);
    let (next, params, grads) = (&mut next[at..end], &params[at..end], &grads[at..end]);
    // The block split once into its weights, trained biases and kept biases, each updated by a
    // loop over zipped slices (no bounds check per parameter).
    let (next, kept) = next.split_at_mut(n_t);
    let (params, kept_params) = params.split_at(n_t);
    let (next_w, next_b) = next.split_at_mut(n_w);
    let weights = next_w.iter_mut().zip(params).zip(grads);
    for ((n, &p), &g) in weights {
        *n = p + (g + l2 * p) * rate;
    }
    let biases = next_b.iter_mut().zip(&params[n_w..]).zip(&grads[n_w..n_t]);
    for ((n, &p), &g) in biases {
        // `+ 0.0`, the biases' (absent) decay, as for the weights: it turns a gradient of −0
        // into +0, so that every way of updating gives the same bits.
        *n = p + (g + 0.0) * rate;
    }
    if !kept.is_empty() {
        kept.copy_from_slice(kept_params);
    }
}

/// Where weight layer `l`'s weights start, its biases start and its block ends in the flat
/// parameters.
#[inline]
fn bounds(state: &State, l: usize) -> (usize, usize, usize) {
    let arch = &state.arch;
    let b_at = arch.biases_at(l);
    (arch.weights_at(l), b_at, b_at + arch.width(l))
}

/// [`apply`] in place: `params` becomes the parameters after the update, allocating nothing.
pub fn apply_in_place(state: &State, params: &mut [f64], grads: &[f64]) {
    let rate = signed_rate(state.lr, state.direction);
    for l in 1..=state.arch.depth() {
        let (at, b_at, end) = bounds(state, l);
        let trained = if state.train_biases { end } else { b_at };
        for (p, &g) in params[at..b_at].iter_mut().zip(&grads[at..b_at]) {
            *p += (g + state.l2 * *p) * rate;
        }
        for (p, &g) in params[b_at..trained].iter_mut().zip(&grads[b_at..trained]) {
            *p += (g + 0.0) * rate;
        }
    }
}
