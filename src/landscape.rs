//! The loss landscape: `J` over a grid of two parameters, all others held fixed.

use serde::Serialize;

use crate::error::Error;
use crate::state::State;
use crate::train::objective::{full_gradient, objective, objective_loss};

/// Most grid points along one axis.
pub const MAX_RESOLUTION: usize = 401;

/// Which two parameters span the map, and over which window.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Window {
    /// Parameter indices in the flat parameter order: `a` runs along the x axis, `b` along y.
    pub a: usize,
    pub b: usize,
    pub a_range: (f64, f64),
    pub b_range: (f64, f64),
    /// Grid points along each axis (at least 2).
    pub resolution: usize,
}

/// `J` on the grid, with the current point and the direction of steepest descent there.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Landscape {
    pub a: String,
    pub b: String,
    /// The grid's coordinates along each axis, evenly spaced, ends included.
    pub a_values: Vec<f64>,
    pub b_values: Vec<f64>,
    /// `loss[r * resolution + c]` is `J` at `(a_values[c], b_values[r])`.
    pub loss: Vec<f64>,
    pub min: f64,
    pub max: f64,
    /// The current parameters' coordinates and `J` there.
    pub point: [f64; 2],
    pub point_loss: f64,
    /// `−∂J/∂a`, `−∂J/∂b` at the current point.
    pub descent: [f64; 2],
}

/// Computes the landscape of `J` over `window`.
pub fn landscape(state: &State, window: &Window) -> Result<Landscape, Error> {
    let Window {
        a,
        b,
        a_range,
        b_range,
        resolution,
    } = *window;
    let a_values = axis(a_range, resolution);
    let b_values = axis(b_range, resolution);
    let mut values = state.params.clone();
    let mut loss = Vec::with_capacity(resolution * resolution);
    for &vb in &b_values {
        values[b] = vb;
        for &va in &a_values {
            values[a] = va;
            loss.push(objective_loss(state, &values));
        }
    }
    let (min, max) = loss
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &v| {
            (lo.min(v), hi.max(v))
        });
    if !(min.is_finite() && max.is_finite()) {
        return Err(Error::new(
            "window",
            "the loss is not finite somewhere in this window; choose a smaller window or weights",
        ));
    }
    let here = &state.params;
    let at_point = objective(state, &state.params);
    let grads = &full_gradient(state, &state.params);
    Ok(Landscape {
        a: name(state, a),
        b: name(state, b),
        a_values,
        b_values,
        loss,
        min,
        max,
        point: [here[a], here[b]],
        point_loss: at_point.loss,
        descent: [-grads[a], -grads[b]],
    })
}

fn axis((lo, hi): (f64, f64), n: usize) -> Vec<f64> {
    let last = (n - 1) as f64;
    (0..n).map(|i| lo + (hi - lo) * (i as f64 / last)).collect()
}

fn name(state: &State, index: usize) -> String {
    state
        .arch
        .param_at(index)
        .map_or(String::new(), |id| id.name())
}
