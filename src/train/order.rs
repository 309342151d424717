//! The order in which one update takes the layers' gradients.
//!
//! The correct update is simultaneous: every gradient is taken at the old parameters, then all
//! parameters move. Matt Mazur's earlier code had a bug his post warns about: it updated the
//! output weights first and then computed the hidden layer's δ through those *updated* weights,
//! `∂E/∂h = W⁽²⁾_new · δ⁽²⁾`. `output_first` reproduces it for any depth: layer by layer from
//! the output down, each layer's gradient is taken through the already-updated weights of every
//! layer above it, and the layer is updated before the next one down is reached. The forward
//! values (`z`, `a`) are those of the old parameters in both orders.

use crate::network::forward::{forward, Forward};
use crate::network::loss::LossFn;
use crate::state::{Sample, State};
use crate::train::rule::apply_layer;

/// When each layer's gradient is taken, relative to the other layers' updates.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum UpdateOrder {
    /// Every gradient at the old parameters, then one update of all of them (correct).
    #[default]
    Simultaneous,
    /// The output layer updated first, each layer below taking its δ through the updated
    /// weights above it (the bug).
    OutputFirst,
}

impl UpdateOrder {
    /// Both orders with their names in the state JSON.
    pub const ALL: [(UpdateOrder, &'static str); 2] = [
        (UpdateOrder::Simultaneous, "simultaneous"),
        (UpdateOrder::OutputFirst, "output_first"),
    ];
}

/// An output-first update of `params` on the mean loss over `examples`.
#[derive(Clone, Debug, PartialEq)]
pub struct OrderedUpdate {
    /// The gradient each parameter was moved by (layer `l`'s taken through the updated weights
    /// of the layers above `l`), in the flat parameter order.
    pub grads: Vec<f64>,
    /// The parameters after the update.
    pub next: Vec<f64>,
}

/// One output-first update of `params` against the mean loss over `examples` (one example for
/// a single-example step), moved as `state` says (rate, direction, biases).
pub fn output_first(state: &State, params: &[f64], examples: &[Sample]) -> OrderedUpdate {
    let arch = &state.arch;
    let depth = arch.depth();
    let scale = 1.0 / examples.len().max(1) as f64;
    let forwards: Vec<Forward> = examples
        .iter()
        .map(|e| forward(arch, params, &e.x, &e.t, state.loss_fn))
        .collect();
    // ∂E/∂a⁽ˡ⁾ of each example, starting at the output.
    let mut d_a: Vec<Vec<f64>> = forwards
        .iter()
        .zip(examples)
        .map(|(f, e)| {
            f.z_out()
                .iter()
                .zip(f.y())
                .zip(&e.t)
                .map(|((&z, &y), &t)| state.loss_fn.grad(z, y, t))
                .collect()
        })
        .collect();
    let mut grads = vec![0.0; params.len()];
    let mut next = params.to_vec();
    for l in (1..=depth).rev() {
        let n_out = arch.width(l);
        let (w_at, b_at) = (arch.weights_at(l), arch.biases_at(l));
        let mut deltas = Vec::with_capacity(examples.len());
        for ((f, e), d_a) in forwards.iter().zip(examples).zip(&d_a) {
            let mut d_z = vec![0.0; n_out];
            if l == depth && state.loss_fn == LossFn::CrossEntropy {
                for ((d, &y), &t) in d_z.iter_mut().zip(f.y()).zip(&e.t) {
                    *d = y - t;
                }
            } else {
                arch.activation(l)
                    .chain_all(&f.z[l], &f.a[l], d_a, &mut d_z);
            }
            for (i, &a_i) in f.a[l - 1].iter().enumerate() {
                for (j, &d_j) in d_z.iter().enumerate() {
                    grads[w_at + i * n_out + j] += a_i * d_j * scale;
                }
            }
            for (j, &d_j) in d_z.iter().enumerate() {
                grads[b_at + j] += d_j * scale;
            }
            deltas.push(d_z);
        }
        apply_layer(state, params, &grads, &mut next, l);
        // The bug: the layer below takes its ∂E/∂a through the weights just updated.
        let updated = arch.weights(&next, l);
        d_a = deltas
            .iter()
            .map(|d_z| {
                updated
                    .chunks_exact(n_out)
                    .map(|row| row.iter().zip(d_z).map(|(&w, &d)| w * d).sum())
                    .collect()
            })
            .collect();
    }
    OrderedUpdate { grads, next }
}
