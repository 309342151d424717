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
use crate::network::workspace::{Layer, Workspace};

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
    /// Into `grads` as the first term of such a sum: `grads[k] = 0 + ∂E/∂pₖ · factor`, the
    /// same bits as [`Sink::Accumulate`] into zeroed `grads`, without zeroing them first.
    Start(f64),
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

/// One example's forward pass and gradients in one workspace: the numbers [`forward`] then
/// [`backward`] give, without copying the forward values into a second workspace.
///
/// [`forward`]: crate::network::forward::forward
pub fn forward_backward(
    arch: &Arch,
    params: &[f64],
    x: &[f64],
    t: &[f64],
    loss_fn: LossFn,
) -> (Forward, Gradients) {
    let mut ws = Workspace::new(arch);
    ws.forward(arch, params, x, t, loss_fn);
    ws.backward(arch, params, x, t, loss_fn, Sink::Store);
    let fwd = ws.forward_values(x);
    let grads = Gradients {
        d_a: ws.layers(&ws.d_a, true),
        d_z: ws.layers(&ws.d_z, true),
        d_params: ws.d_params,
    };
    (fwd, grads)
}

impl Workspace {
    /// The backward pass after [`Workspace::forward`] with the same `params`, `x` and `t`
    /// (and the `arch` the workspace was built for).
    pub fn backward(
        &mut self,
        arch: &Arch,
        params: &[f64],
        x: &[f64],
        t: &[f64],
        loss_fn: LossFn,
        sink: Sink,
    ) {
        debug_assert_eq!(self.table.len(), arch.depth());
        // Plain loops over slices (no adapters that would stay calls: see the forward pass).
        let depth = self.table.len();
        let out = self.table.last().map_or(0, |layer| layer.at);
        let (z, y, d_y) = (&self.z[out..], &self.a[out..], &mut self.d_a[out..]);
        for o in 0..d_y.len().min(t.len()) {
            d_y[o] = loss_fn.grad(z[o], y[o], t[o]);
        }
        for (k, layer) in self.table.iter().enumerate().rev() {
            let &Layer {
                n_in,
                n_out,
                from,
                at,
                w_at,
                b_at,
                activation,
            } = layer;
            let d_z = &mut self.d_z[at..at + n_out];
            let a = &self.a[at..at + n_out];
            if k + 1 == depth && loss_fn == LossFn::CrossEntropy {
                // σ′(z) = y(1 − y) cancels the denominator of ∂E/∂y.
                for j in 0..n_out.min(t.len()) {
                    d_z[j] = a[j] - t[j];
                }
            } else {
                let (z, d_a) = (&self.z[at..at + n_out], &self.d_a[at..at + n_out]);
                activation.chain_all(z, a, d_a, d_z);
            }
            let d_z = &self.d_z[at..at + n_out];
            let input = if k == 0 { x } else { &self.a[from..at] };
            // This layer's block of parameters: wl row by row (∂E/∂wl[i][j] = aᵢ·δⱼ), then bl.
            let block = match sink {
                Sink::Store => &mut self.d_params[w_at..b_at + n_out],
                Sink::Accumulate(_) | Sink::Start(_) => &mut self.grads[w_at..b_at + n_out],
            };
            let (d_w, d_b) = block.split_at_mut(b_at - w_at);
            match sink {
                Sink::Store => {
                    for (row, &a_i) in d_w.chunks_exact_mut(n_out).zip(input) {
                        for (d_w_ij, &d_j) in row.iter_mut().zip(d_z) {
                            *d_w_ij = a_i * d_j;
                        }
                    }
                    d_b.copy_from_slice(d_z);
                }
                Sink::Accumulate(factor) => {
                    for (row, &a_i) in d_w.chunks_exact_mut(n_out).zip(input) {
                        for (g_ij, &d_j) in row.iter_mut().zip(d_z) {
                            *g_ij += a_i * d_j * factor;
                        }
                    }
                    for (g_j, &d_j) in d_b.iter_mut().zip(d_z) {
                        *g_j += d_j * factor;
                    }
                }
                Sink::Start(factor) => {
                    for (row, &a_i) in d_w.chunks_exact_mut(n_out).zip(input) {
                        for (g_ij, &d_j) in row.iter_mut().zip(d_z) {
                            *g_ij = 0.0 + a_i * d_j * factor;
                        }
                    }
                    for (g_j, &d_j) in d_b.iter_mut().zip(d_z) {
                        *g_j = 0.0 + d_j * factor;
                    }
                }
            }
            if k > 0 {
                // ∂E/∂a⁽ˡ⁻¹⁾ᵢ = Σⱼ wl[i][j]·δⱼ, summed from 0 in the order of j.
                let rows = params[w_at..b_at].chunks_exact(n_out);
                for (d_a_i, row) in self.d_a[from..from + n_in].iter_mut().zip(rows) {
                    let mut sum = 0.0;
                    for (&w, &d) in row.iter().zip(d_z) {
                        sum += w * d;
                    }
                    *d_a_i = sum;
                }
            }
        }
    }
}
