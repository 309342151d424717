//! Central finite differences: an independent check of the analytic gradients.

use serde::Serialize;

use crate::error::Error;
use crate::num::{ExpNum, Num};
use crate::state::State;
use crate::train::objective::{full_gradient, objective_loss};

/// `(J(p + ε) − J(p − ε)) / 2ε` for every weight and bias, each nudged on its own.
pub fn numeric_gradients(state: &State, eps: f64) -> Vec<f64> {
    let mut nudged = state.params.clone();
    (0..nudged.len())
        .map(|k| {
            let base = nudged[k];
            nudged[k] = base + eps;
            let up = objective_loss(state, &nudged);
            nudged[k] = base - eps;
            let down = objective_loss(state, &nudged);
            nudged[k] = base;
            (up - down) / (2.0 * eps)
        })
        .collect()
}

/// One parameter's analytic gradient beside its finite difference.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Comparison {
    /// The parameter, named as on the page (`w1.0.1`).
    pub name: String,
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
                "eps must be a number from {} to {}, got {}",
                ExpNum(EPS_RANGE.0),
                Num(EPS_RANGE.1),
                Num(eps)
            ),
        ));
    }
    let analytic = full_gradient(state, &state.params);
    let numeric = numeric_gradients(state, eps);
    let names = state.arch.params();
    let rows = names
        .iter()
        .zip(analytic.iter().zip(numeric.iter()))
        .map(|(name, (&a, &n))| {
            let scale = a.abs().max(n.abs());
            Comparison {
                name: name.name(),
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
            bad.name.as_str(),
            format!(
                "the finite difference for {} is not finite; the weights or eps are too large",
                bad.name
            ),
        ));
    }
    Ok(rows)
}
