//! The forward pass, one loop over the layers: `z⁽ˡ⁾ = a⁽ˡ⁻¹⁾ᵀ·W⁽ˡ⁾ + b⁽ˡ⁾`, `a⁽ˡ⁾ = f⁽ˡ⁾(z⁽ˡ⁾)`,
//! with `a⁽⁰⁾ = x` and `y = a⁽ᴸ⁾`; then the loss.

use nalgebra::{DMatrixView, DVectorView};

use crate::network::arch::Arch;
use crate::network::loss::LossFn;

/// Every value the forward pass computes.
#[derive(Clone, Debug, PartialEq)]
pub struct Forward {
    /// `z[l]`, the pre-activations of layer `l` (`z[0]` is empty).
    pub z: Vec<Vec<f64>>,
    /// `a[l]`, the activations of layer `l`: `a[0] = x`, `a[L] = y`.
    pub a: Vec<Vec<f64>>,
    /// `E`, summed over the outputs.
    pub loss: f64,
}

impl Forward {
    /// The output `y`.
    pub fn y(&self) -> &[f64] {
        self.a.last().map_or(&[], Vec::as_slice)
    }

    /// The output layer's pre-activations.
    pub fn z_out(&self) -> &[f64] {
        self.z.last().map_or(&[], Vec::as_slice)
    }

    /// Whether every pre-activation and the loss are finite.
    pub fn is_finite(&self) -> bool {
        self.loss.is_finite() && self.z.iter().flatten().all(|z| z.is_finite())
    }
}

/// Runs the network with `params` on input `x` against target `t`.
pub fn forward(arch: &Arch, params: &[f64], x: &[f64], t: &[f64], loss_fn: LossFn) -> Forward {
    let depth = arch.depth();
    let mut z = Vec::with_capacity(depth + 1);
    let mut a = Vec::with_capacity(depth + 1);
    z.push(Vec::new());
    a.push(x.to_vec());
    for l in 1..=depth {
        let (n_in, n_out) = (arch.width(l - 1), arch.width(l));
        // Row-major `wl` (n_in × n_out) read column-major is its transpose: (j, i) = wl[i][j].
        let w_t = DMatrixView::from_slice(arch.weights(params, l), n_out, n_in);
        let b = DVectorView::from_slice(arch.biases(params, l), n_out);
        let zl = w_t * DVectorView::from_slice(&a[l - 1], n_in) + b;
        let act = arch.activation(l);
        a.push(zl.iter().map(|&v| act.apply(v)).collect());
        z.push(zl.as_slice().to_vec());
    }
    let loss = z[depth]
        .iter()
        .zip(&a[depth])
        .zip(t)
        .map(|((&z, &y), &t)| loss_fn.value(z, y, t))
        .sum();
    Forward { z, a, loss }
}
