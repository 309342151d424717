//! The buffers one pass needs, sized once from the architecture and reused for every example
//! and step, so that training allocates nothing in its loop.
//!
//! Values are held flat, layer after layer: layer `l`'s neurons sit at `start(l) … start(l + 1)`
//! of `z`, `a`, `d_a` and `d_z` (layer 0, the input, has only `a = x`). Each weight layer's
//! shape and offsets are worked out once, into a [`Layer`] table the passes walk.

use crate::network::activation::Activation;
use crate::network::arch::Arch;

/// Weight layer `l` (connecting layer `l − 1` to layer `l`) as the passes need it: its sizes,
/// where its neurons sit in the flat buffers and its parameters in the flat parameters.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Layer {
    /// Neurons in layer `l − 1` (this layer's inputs).
    pub n_in: usize,
    /// Neurons in layer `l`.
    pub n_out: usize,
    /// Where layer `l − 1`'s neurons start in the flat buffers (0 for `l = 1`, whose input is
    /// `x`, read where it is).
    pub from: usize,
    /// Where layer `l`'s neurons start in the flat buffers.
    pub at: usize,
    /// Where `wl` (row-major, `n_in × n_out`) starts in the flat parameters.
    pub w_at: usize,
    /// Where `bl` starts in the flat parameters (just after `wl`).
    pub b_at: usize,
    /// Layer `l`'s activation.
    pub activation: Activation,
}

/// Reusable buffers for [`Workspace::forward`] and [`Workspace::backward`].
#[derive(Clone, Debug)]
pub struct Workspace {
    /// Where each layer's neurons start in the flat buffers, plus the total at the end.
    starts: Vec<usize>,
    /// Weight layers `1 … L`, in order (entry `l − 1` is layer `l`).
    pub(crate) table: Vec<Layer>,
    /// Pre-activations `z⁽ˡ⁾`.
    pub(crate) z: Vec<f64>,
    /// Activations `a⁽ˡ⁾` (`a⁽⁰⁾ = x`, `a⁽ᴸ⁾ = y`).
    pub(crate) a: Vec<f64>,
    /// `∂E/∂a⁽ˡ⁾` for `l ≥ 1`.
    pub(crate) d_a: Vec<f64>,
    /// `∂E/∂z⁽ˡ⁾ = δ⁽ˡ⁾` for `l ≥ 1`.
    pub(crate) d_z: Vec<f64>,
    /// `∂E/∂p` of the last example, in the flat parameter order.
    pub d_params: Vec<f64>,
    /// A sum of scaled gradients over examples (see [`Workspace::backward`]).
    pub grads: Vec<f64>,
    /// Room for the parameters a chain of updates within one step starts each update from.
    pub from: Vec<f64>,
    /// `E` of the last forward pass.
    pub loss: f64,
}

impl Workspace {
    /// Buffers for `arch`.
    pub fn new(arch: &Arch) -> Self {
        let mut starts = Vec::with_capacity(arch.depth() + 2);
        let mut total = 0;
        for &width in arch.widths() {
            starts.push(total);
            total += width;
        }
        starts.push(total);
        let table = (1..=arch.depth())
            .map(|l| Layer {
                n_in: arch.width(l - 1),
                n_out: arch.width(l),
                from: starts[l - 1],
                at: starts[l],
                w_at: arch.weights_at(l),
                b_at: arch.biases_at(l),
                activation: arch.activation(l),
            })
            .collect();
        let params = arch.param_count();
        Workspace {
            starts,
            table,
            z: vec![0.0; total],
            a: vec![0.0; total],
            d_a: vec![0.0; total],
            d_z: vec![0.0; total],
            d_params: vec![0.0; params],
            grads: vec![0.0; params],
            from: vec![0.0; params],
            loss: 0.0,
        }
    }

    /// Where layer `l`'s neurons start in the flat buffers.
    pub(crate) fn start(&self, l: usize) -> usize {
        self.starts[l]
    }

    /// Layer `l`'s slice of one of the flat buffers.
    pub(crate) fn layer<'v>(&self, values: &'v [f64], l: usize) -> &'v [f64] {
        &values[self.starts[l]..self.starts[l + 1]]
    }

    /// Each layer of a flat buffer as its own `Vec` (layer 0 empty when `skip_input`).
    pub(crate) fn layers(&self, values: &[f64], skip_input: bool) -> Vec<Vec<f64>> {
        (0..self.starts.len() - 1)
            .map(|l| {
                if l == 0 && skip_input {
                    Vec::new()
                } else {
                    self.layer(values, l).to_vec()
                }
            })
            .collect()
    }

    /// Whether every pre-activation of the last forward pass and its loss are finite.
    #[inline]
    pub fn is_finite(&self) -> bool {
        self.loss.is_finite() && self.z[self.starts[1]..].iter().all(|z| z.is_finite())
    }
}
