//! The forward pass, one loop over the layers: `z⁽ˡ⁾ = a⁽ˡ⁻¹⁾ᵀ·W⁽ˡ⁾ + b⁽ˡ⁾`, `a⁽ˡ⁾ = f⁽ˡ⁾(z⁽ˡ⁾)`,
//! with `a⁽⁰⁾ = x` and `y = a⁽ᴸ⁾`; then the loss.

use crate::network::arch::Arch;
use crate::network::loss::LossFn;
use crate::network::workspace::{Layer, Workspace};

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
    let mut ws = Workspace::new(arch);
    ws.forward(arch, params, x, t, loss_fn);
    ws.forward_values(x)
}

impl Workspace {
    /// The last forward pass's values (its input `x`, which the workspace does not hold).
    pub(crate) fn forward_values(&self, x: &[f64]) -> Forward {
        let mut a = self.layers(&self.a, true);
        a[0] = x.to_vec();
        Forward {
            z: self.layers(&self.z, true),
            a,
            loss: self.loss,
        }
    }

    /// The forward pass into this workspace's `z` and `a` (layers 1 … L: `x` is read where it
    /// is); returns `E` (also kept as `loss`). `arch` must be the one the workspace was built
    /// for: the passes walk the workspace's own table of its layers.
    pub fn forward(
        &mut self,
        arch: &Arch,
        params: &[f64],
        x: &[f64],
        t: &[f64],
        loss_fn: LossFn,
    ) -> f64 {
        debug_assert_eq!(self.table.len(), arch.depth());
        // Plain `for` loops over slices: the layers are a few neurons wide, and a `fold` or
        // `sum` over iterator adapters stays a call per neuron when optimising for size
        // (WebAssembly).
        let mut out = 0;
        for (k, layer) in self.table.iter().enumerate() {
            let &Layer {
                n_in,
                n_out,
                from,
                at,
                w_at,
                b_at,
                activation,
            } = layer;
            let (w, b) = (&params[w_at..b_at], &params[b_at..b_at + n_out]);
            let (below, above) = self.a.split_at_mut(at);
            let input = if k == 0 { x } else { &below[from..] };
            let z = &mut self.z[at..at + n_out];
            // `wl` is row-major: row i holds the weights out of neuron i of layer l − 1. Each
            // sum stays in a register, in the order a₀w₀ⱼ + a₁w₁ⱼ + … + bⱼ.
            for j in 0..n_out {
                let mut sum = input[0] * w[j];
                for (&a_i, row) in input[1..n_in].iter().zip(w[n_out..].chunks_exact(n_out)) {
                    sum += a_i * row[j];
                }
                z[j] = sum + b[j];
            }
            activation.apply_all(z, &mut above[..n_out]);
            out = at;
        }
        // Summed from −0, as `Iterator::sum` does.
        let mut loss = -0.0;
        let (z, y) = (&self.z[out..], &self.a[out..]);
        for o in 0..z.len().min(t.len()) {
            loss += loss_fn.value(z[o], y[o], t[o]);
        }
        self.loss = loss;
        self.loss
    }
}
