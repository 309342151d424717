//! Central finite differences: an independent check of the analytic gradients.

use serde::Serialize;

use crate::error::Error;
use crate::objective::{objective, objective_loss};
use crate::state::{Params, State, PARAM_COUNT, PARAM_NAMES};

/// `(J(p + ε) − J(p − ε)) / 2ε` for every weight and bias, each nudged on its own.
pub fn numeric_gradients(state: &State, eps: f64) -> Params {
    let base = state.params.to_array();
    let loss_at = |k: usize, delta: f64| {
        let mut nudged = base;
        nudged[k] += delta;
        objective_loss(state, &Params::from_array(&nudged))
    };
    let mut grads = [0.0; PARAM_COUNT];
    for (k, g) in grads.iter_mut().enumerate() {
        *g = (loss_at(k, eps) - loss_at(k, -eps)) / (2.0 * eps);
    }
    Params::from_array(&grads)
}

/// One parameter's analytic gradient beside its finite difference.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Comparison {
    /// The parameter, named as on the page (`w1.0.1`).
    pub name: &'static str,
    pub analytic: f64,
    pub numeric: f64,
    /// `|analytic − numeric| / max(|analytic|, |numeric|)`, or 0 when both are 0.
    pub relative_error: f64,
}

/// The smallest and largest step `ε` accepted.
pub const EPS_RANGE: (f64, f64) = (1e-12, 1.0);

/// Compares `∂J/∂p` with its central finite difference of step `eps`, for every parameter.
pub fn compare(state: &State, eps: f64) -> Result<Vec<Comparison>, Error> {
    if !(EPS_RANGE.0..=EPS_RANGE.1).contains(&eps) {
        return Err(Error::new(
            "eps",
            format!(
                "eps must be a number from {:e} to {}, got {eps}",
                EPS_RANGE.0, EPS_RANGE.1
            ),
        ));
    }
    let analytic = objective(state, &state.params).grads.to_array();
    let numeric = numeric_gradients(state, eps).to_array();
    let rows = PARAM_NAMES
        .iter()
        .zip(analytic.iter().zip(numeric.iter()))
        .map(|(name, (&a, &n))| {
            let scale = a.abs().max(n.abs());
            Comparison {
                name,
                analytic: a,
                numeric: n,
                relative_error: if scale == 0.0 {
                    0.0
                } else {
                    (a - n).abs() / scale
                },
            }
        })
        .collect::<Vec<_>>();
    if let Some(bad) = rows
        .iter()
        .find(|r| !r.numeric.is_finite() || !r.analytic.is_finite())
    {
        return Err(Error::new(
            bad.name,
            format!(
                "the finite difference for {} is not finite; the weights or eps are too large",
                bad.name
            ),
        ));
    }
    Ok(rows)
}
