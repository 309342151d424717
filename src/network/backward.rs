//! The backward pass, one loop over the layers from the output down: the chain rule.
//!
//! ```text
//! ∂E/∂y       = 2(y − t)    (y − t for ½(y − t)²; (y − t)/(y(1 − y)) for cross-entropy)
//! δ⁽ˡ⁾        = ∂E/∂z⁽ˡ⁾ = ∂E/∂a⁽ˡ⁾ ⊙ f′(z⁽ˡ⁾)     (y − t directly for cross-entropy at the output)
//! ∂E/∂b⁽ˡ⁾    = δ⁽ˡ⁾
//! ∂E/∂W⁽ˡ⁾    = a⁽ˡ⁻¹⁾ · δ⁽ˡ⁾ᵀ                     (∂E/∂wl[i][j] = a⁽ˡ⁻¹⁾ᵢ · δ⁽ˡ⁾ⱼ)
//! ∂E/∂a⁽ˡ⁻¹⁾  = W⁽ˡ⁾ · δ⁽ˡ⁾                        (for l > 1: ∂E/∂h, the hidden layer below)
//! ```

use crate::network::arch::Arch;
use crate::network::forward::Forward;
use crate::network::loss::LossFn;
use crate::network::workspace::Workspace;

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

/// Where [`Workspace::backward`] puts `∂E/∂p`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Sink {
    /// Into `d_params`, replacing what was there.
    Store,
    /// Added to `grads` after multiplying by the factor: `grads[k] += ∂E/∂pₖ · factor`.
    Accumulate(f64),
}

/// The gradients of one example's loss, given its forward pass with `params`.
pub fn backward(
    arch: &Arch,
    params: &[f64],
    t: &[f64],
    fwd: &Forward,
    loss_fn: LossFn,
) -> Gradients {
    let mut ws = Workspace::new(arch);
    for (l, (z, a)) in fwd.z.iter().zip(&fwd.a).enumerate() {
        let at = ws.start(l);
        ws.a[at..at + a.len()].copy_from_slice(a);
        ws.z[at..at + z.len()].copy_from_slice(z);
    }
    let x = fwd.a.first().map_or(&[][..], Vec::as_slice);
    ws.backward(arch, params, x, t, loss_fn, Sink::Store);
    Gradients {
        d_a: ws.layers(&ws.d_a, true),
        d_z: ws.layers(&ws.d_z, true),
        d_params: ws.d_params,
    }
}

impl Workspace {
    /// The backward pass after [`Workspace::forward`] with the same `params`, `x` and `t`.
    pub fn backward(
        &mut self,
        arch: &Arch,
        params: &[f64],
        x: &[f64],
        t: &[f64],
        loss_fn: LossFn,
        sink: Sink,
    ) {
        let depth = arch.depth();
        let out = self.start(depth);
        let outputs = self.d_a[out..]
            .iter_mut()
            .zip(&self.z[out..])
            .zip(&self.a[out..]);
        for (((d_y, &z), &y), &t) in outputs.zip(t) {
            *d_y = loss_fn.grad(z, y, t);
        }
        for l in (1..=depth).rev() {
            let (at, n_out) = (self.start(l), arch.width(l));
            let below = self.start(l - 1);
            let d_z = &mut self.d_z[at..at + n_out];
            let a = &self.a[at..at + n_out];
            if l == depth && loss_fn == LossFn::CrossEntropy {
                // σ′(z) = y(1 − y) cancels the denominator of ∂E/∂y.
                for ((d_z, &y), &t) in d_z.iter_mut().zip(a).zip(t) {
                    *d_z = y - t;
                }
            } else {
                let (z, d_a) = (&self.z[at..at + n_out], &self.d_a[at..at + n_out]);
                arch.activation(l).chain_all(z, a, d_a, d_z);
            }
            let d_z = &self.d_z[at..at + n_out];
            let input = if l == 1 { x } else { &self.a[below..at] };
            let (w_at, b_at) = (arch.weights_at(l), arch.biases_at(l));
            let n_w = input.len() * n_out;
            match sink {
                Sink::Store => {
                    let d_w = self.d_params[w_at..w_at + n_w].chunks_exact_mut(n_out);
                    for (row, &a_i) in d_w.zip(input) {
                        for (d_w_ij, &d_j) in row.iter_mut().zip(d_z) {
                            *d_w_ij = a_i * d_j;
                        }
                    }
                    self.d_params[b_at..b_at + n_out].copy_from_slice(d_z);
                }
                Sink::Accumulate(factor) => {
                    let g_w = self.grads[w_at..w_at + n_w].chunks_exact_mut(n_out);
                    for (row, &a_i) in g_w.zip(input) {
                        for (g_ij, &d_j) in row.iter_mut().zip(d_z) {
                            *g_ij += a_i * d_j * factor;
                        }
                    }
                    for (g_j, &d_j) in self.grads[b_at..b_at + n_out].iter_mut().zip(d_z) {
                        *g_j += d_j * factor;
                    }
                }
            }
            if l > 1 {
                let rows = arch.weights(params, l).chunks_exact(n_out);
                for (d_a_i, row) in self.d_a[below..at].iter_mut().zip(rows) {
                    *d_a_i = row.iter().zip(d_z).fold(0.0, |s, (&w, &d)| s + w * d);
                }
            }
        }
    }
}
