//! Central finite differences: an independent check of the analytic gradients.

use crate::forward::forward;
use crate::state::{Params, State, PARAM_COUNT};

/// `(E(p + ε) − E(p − ε)) / 2ε` for every weight and bias, each nudged on its own.
pub fn numeric_gradients(state: &State, eps: f64) -> Params {
    let base = state.params.to_array();
    let loss_at = |k: usize, delta: f64| {
        let mut nudged = base;
        nudged[k] += delta;
        forward(&state.with_params(Params::from_array(&nudged))).loss
    };
    let mut grads = [0.0; PARAM_COUNT];
    for (k, g) in grads.iter_mut().enumerate() {
        *g = (loss_at(k, eps) - loss_at(k, -eps)) / (2.0 * eps);
    }
    Params::from_array(&grads)
}
