//! The backward pass, one loop over the layers from the output down: the chain rule.
//!
//! ```text
//! ∂E/∂y       = 2(y − t)    (y − t for ½(y − t)²; (y − t)/(y(1 − y)) for cross-entropy)
//! δ⁽ˡ⁾        = ∂E/∂z⁽ˡ⁾ = ∂E/∂a⁽ˡ⁾ ⊙ f′(z⁽ˡ⁾)     (y − t directly for cross-entropy at the output)
//! ∂E/∂b⁽ˡ⁾    = δ⁽ˡ⁾
//! ∂E/∂W⁽ˡ⁾    = a⁽ˡ⁻¹⁾ · δ⁽ˡ⁾ᵀ                     (∂E/∂wl[i][j] = a⁽ˡ⁻¹⁾ᵢ · δ⁽ˡ⁾ⱼ)
//! ∂E/∂a⁽ˡ⁻¹⁾  = W⁽ˡ⁾ · δ⁽ˡ⁾                        (for l > 1: ∂E/∂h, the hidden layer below)
//! ```

use nalgebra::{DMatrixView, DMatrixViewMut, DVectorView};

use crate::network::arch::Arch;
use crate::network::forward::Forward;
use crate::network::loss::LossFn;

/// `∂E/∂k` for every intermediate value `k` and every parameter.
#[derive(Clone, Debug, PartialEq)]
pub struct Gradients {
    /// `d_a[l] = ∂E/∂a⁽ˡ⁾` for `l ≥ 1` (`d_a[L] = ∂E/∂y`; `d_a[0]` is empty).
    pub d_a: Vec<Vec<f64>>,
    /// `d_z[l] = ∂E/∂z⁽ˡ⁾ = δ⁽ˡ⁾` (`d_z[0]` is empty).
    pub d_z: Vec<Vec<f64>>,
    /// `∂E/∂p` for every weight and bias, in the flat parameter order.
    pub d_params: Vec<f64>,
}

/// The gradients of one example's loss, given its forward pass with `params`.
pub fn backward(
    arch: &Arch,
    params: &[f64],
    t: &[f64],
    fwd: &Forward,
    loss_fn: LossFn,
) -> Gradients {
    let depth = arch.depth();
    let mut d_a = vec![Vec::new(); depth + 1];
    let mut d_z = vec![Vec::new(); depth + 1];
    let mut d_params = vec![0.0; arch.param_count()];
    d_a[depth] = fwd
        .y()
        .iter()
        .zip(t)
        .map(|(&y, &t)| loss_fn.grad(y, t))
        .collect();
    for l in (1..=depth).rev() {
        let act = arch.activation(l);
        d_z[l] = if l == depth && loss_fn == LossFn::CrossEntropy {
            // σ′(z) = y(1 − y) cancels the denominator of ∂E/∂y.
            fwd.y().iter().zip(t).map(|(&y, &t)| y - t).collect()
        } else {
            (0..arch.width(l))
                .map(|j| d_a[l][j] * act.derivative(fwd.z[l][j], fwd.a[l][j]))
                .collect()
        };
        let (n_in, n_out) = (arch.width(l - 1), arch.width(l));
        let delta = DVectorView::from_slice(&d_z[l], n_out);
        let below = DVectorView::from_slice(&fwd.a[l - 1], n_in);
        let at = arch.weights_at(l);
        // Stored transposed (see `forward`): (j, i) holds ∂E/∂wl[i][j] = a⁽ˡ⁻¹⁾ᵢ·δⱼ.
        let mut d_w_t =
            DMatrixViewMut::from_slice(&mut d_params[at..at + n_in * n_out], n_out, n_in);
        d_w_t.ger(1.0, &delta, &below, 0.0);
        let b_at = arch.biases_at(l);
        d_params[b_at..b_at + n_out].copy_from_slice(&d_z[l]);
        if l > 1 {
            let w_t = DMatrixView::from_slice(arch.weights(params, l), n_out, n_in);
            d_a[l - 1] = w_t.tr_mul(&delta).as_slice().to_vec();
        }
    }
    Gradients { d_a, d_z, d_params }
}
