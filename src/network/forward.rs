//! The forward pass, one loop over the layers: `z⁽ˡ⁾ = a⁽ˡ⁻¹⁾ᵀ·W⁽ˡ⁾ + b⁽ˡ⁾`, `a⁽ˡ⁾ = f⁽ˡ⁾(z⁽ˡ⁾)`,
//! with `a⁽⁰⁾ = x` and `y = a⁽ᴸ⁾`; then the loss.

use crate::network::arch::Arch;
use crate::network::loss::LossFn;
use crate::network::workspace::Workspace;

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
    let mut a = ws.layers(&ws.a, false);
    a[0] = x.to_vec();
    Forward {
        z: ws.layers(&ws.z, true),
        a,
        loss: ws.loss,
    }
}

impl Workspace {
    /// The forward pass into this workspace's `z` and `a` (layers 1 … L: `x` is read where it
    /// is); returns `E` (also kept as `loss`).
    pub fn forward(
        &mut self,
        arch: &Arch,
        params: &[f64],
        x: &[f64],
        t: &[f64],
        loss_fn: LossFn,
    ) -> f64 {
        let depth = arch.depth();
        for l in 1..=depth {
            let (from, at, n_out) = (self.start(l - 1), self.start(l), arch.width(l));
            let (below, above) = self.a.split_at_mut(at);
            let input = if l == 1 { x } else { &below[from..] };
            let z = &mut self.z[at..at + n_out];
            // `wl` is row-major: column j holds every weight into neuron j of layer l. Each sum
            // stays in a register, in the order a₀w₀ⱼ + a₁w₁ⱼ + … + bⱼ.
            let w = arch.weights(params, l);
            for (j, (z_j, &b_j)) in z.iter_mut().zip(arch.biases(params, l)).enumerate() {
                let column = w[j..].iter().step_by(n_out);
                let mut terms = input.iter().zip(column).map(|(&a_i, &w_ij)| a_i * w_ij);
                let first = terms.next().unwrap_or(0.0);
                *z_j = terms.fold(first, |sum, term| sum + term) + b_j;
            }
            arch.activation(l).apply_all(z, &mut above[..n_out]);
        }
        let out = self.start(depth);
        self.loss = self.z[out..]
            .iter()
            .zip(&self.a[out..])
            .zip(t)
            .map(|((&z, &y), &t)| loss_fn.value(z, y, t))
            .sum();
        self.loss
    }
}
