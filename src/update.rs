//! Gradient descent: `p ← p − lr·∂E/∂p` for every weight and bias, all gradients taken at the
//! same (old) parameters.
//!
//! The seed notebook's training loop writes `w += … * lr`, which *adds* the gradient: that is
//! gradient ascent and makes the loss grow. Here the gradient is always subtracted.

use crate::backward::backward;
use crate::error::Error;
use crate::evaluate::pass;
use crate::forward::forward;
use crate::state::{Params, State};

/// The parameters after one descent step with gradients `grads` and learning rate `lr`.
pub fn descend(params: &Params, grads: &Params, lr: f64) -> Params {
    Params {
        w1: params.w1 - grads.w1 * lr,
        b1: params.b1 - grads.b1 * lr,
        w2: params.w2 - grads.w2 * lr,
        b2: params.b2 - grads.b2 * lr,
    }
}

/// One full descent step: forward, backward, update.
///
/// Fails when a value of the pass or a new parameter is no longer finite (the learning rate or
/// the weights are too large for `f64`), with the same error [`pass`] gives.
pub fn step(state: &State) -> Result<State, Error> {
    let fwd = forward(state);
    let grads = backward(state, &fwd);
    let next = descend(&state.params, &grads.d_params, state.lr);
    let forward_finite = fwd.z1.iter().chain(fwd.z2.iter()).all(|z| z.is_finite());
    if forward_finite && params_finite(&next) {
        Ok(state.with_params(next))
    } else {
        // The slow path names the first value that overflowed.
        Err(pass(state).err().unwrap_or_else(|| {
            Error::new("state", "the step overflowed: a value is no longer finite")
        }))
    }
}

/// Runs `steps` descent steps from `state`.
///
/// Fails, naming the step, as soon as training diverges past what `f64` can hold.
pub fn train(state: &State, steps: u32) -> Result<State, Error> {
    let mut current = *state;
    for done in 0..steps {
        current = step(&current).map_err(|e| {
            Error::new(
                e.field,
                format!(
                    "training stopped at step {} of {steps}: {}",
                    done + 1,
                    e.message
                ),
            )
        })?;
    }
    Ok(current)
}

/// Whether every weight and bias is finite.
pub fn params_finite(p: &Params) -> bool {
    p.w1.iter()
        .chain(p.b1.iter())
        .chain(p.w2.iter())
        .chain(p.b2.iter())
        .all(|v| v.is_finite())
}
