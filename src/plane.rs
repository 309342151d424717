//! The input plane: every hidden and output neuron's activation over a grid of two chosen inputs
//! (or over one input, for a curve), the other inputs held at the shown example's values. One
//! call computes every map, so a page can repaint the output and every neuron's thumbnail each
//! frame from one flat array.

use crate::error::Error;
use crate::network::workspace::Workspace;
use crate::state::State;

/// Most grid points along one axis.
pub const MAX_PLANE_RESOLUTION: usize = 256;

/// Which inputs span the plane, over which window, how finely.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlaneWindow {
    /// The input that runs across (along the x axis).
    pub across: usize,
    /// The input that runs up, or `None` for a curve over `across` alone.
    pub up: Option<usize>,
    pub across_range: (f64, f64),
    /// Ignored for a curve.
    pub up_range: (f64, f64),
    /// Grid points along each axis, ends included (2 … [`MAX_PLANE_RESOLUTION`]).
    pub resolution: usize,
}

impl PlaneWindow {
    /// Grid points per map: `resolution²` for a plane, `resolution` for a curve.
    pub fn points(&self) -> usize {
        match self.up {
            Some(_) => self.resolution * self.resolution,
            None => self.resolution,
        }
    }
}

/// Every hidden and output neuron's activation over `window`, flat: neuron after neuron in
/// layer order (layer 1's neurons first, the outputs last), each a map of
/// [`PlaneWindow::points`] values; a plane's map is row-major, row `r` (from the bottom) at
/// `up = up_range.0 + r·step`, column `c` at `across = across_range.0 + c·step`. After the maps
/// come each neuron's lowest value, then each neuron's highest.
///
/// One workspace serves every grid point: the loop allocates nothing.
pub fn plane(state: &State, window: &PlaneWindow) -> Result<Vec<f64>, Error> {
    let arch = &state.arch;
    let points = window.points();
    let first = arch.width(0);
    let neurons = arch.widths()[1..].iter().sum::<usize>();
    let mut out = vec![0.0; neurons * (points + 2)];
    let mut ws = Workspace::new(arch);
    let mut x = state.example.x.clone();
    let n = window.resolution;
    for point in 0..points {
        let (column, row) = (point % n, point / n);
        x[window.across] = along(window.across_range, column, n);
        if let Some(up) = window.up {
            x[up] = along(window.up_range, row, n);
        }
        ws.forward(arch, &state.params, &x, &state.example.t, state.loss_fn);
        for (k, &a) in ws.a[first..].iter().enumerate() {
            out[k * points + point] = a;
        }
    }
    let (maps, ends) = out.split_at_mut(neurons * points);
    let (lows, highs) = ends.split_at_mut(neurons);
    for (k, map) in maps.chunks(points).enumerate() {
        let (low, high) = map
            .iter()
            .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &v| {
                (lo.min(v), hi.max(v))
            });
        if !(low.is_finite() && high.is_finite()) {
            return Err(Error::new(
                "window",
                "a neuron's value is not finite somewhere in this window; choose a smaller window or weights",
            ));
        }
        lows[k] = low;
        highs[k] = high;
    }
    Ok(out)
}

/// Grid point `i` of `n` from `lo` to `hi`, ends included.
fn along((lo, hi): (f64, f64), i: usize, n: usize) -> f64 {
    lo + (hi - lo) * (i as f64 / (n - 1) as f64)
}
