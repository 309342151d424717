//! The order in which one update takes the layers' gradients.
//!
//! The correct update is simultaneous: every gradient is taken at the old parameters, then all
//! parameters move. Matt Mazur's earlier code had a bug his post warns about: it updated the
//! output weights first and then computed the hidden layer's δ through those *updated* weights,
//! `∂E/∂h = W⁽²⁾_new · δ⁽²⁾`. `output_first` reproduces it for any depth: layer by layer from
//! the output down, each layer's gradient is taken through the already-updated weights of every
//! layer above it, and the layer is updated before the next one down is reached. The forward
//! values (`z`, `a`) are those of the old parameters in both orders.

use crate::network::backward::Sink;
use crate::network::workspace::Workspace;
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
pub fn output_first(state: &State, params: &[f64], examples: &[&Sample]) -> OrderedUpdate {
    let mut ws = Workspace::new(&state.arch);
    let mut update = OrderedUpdate {
        grads: vec![0.0; params.len()],
        next: vec![0.0; params.len()],
    };
    output_first_into(
        &mut ws,
        state,
        params,
        examples,
        &mut update.next,
        &mut update.grads,
    );
    update
}

/// [`output_first`] into `next` and `used` (each as long as `params`), allocating nothing.
///
/// The backward pass reads the weights only to carry `∂E/∂a` down a layer, so layer `l`'s
/// gradient through the updated weights above it is the backward pass at the old forward
/// values with `next`, where the layers above `l` have already moved.
pub fn output_first_into(
    ws: &mut Workspace,
    state: &State,
    params: &[f64],
    examples: &[&Sample],
    next: &mut [f64],
    used: &mut [f64],
) {
    let arch = &state.arch;
    let scale = 1.0 / examples.len().max(1) as f64;
    next.copy_from_slice(params);
    for l in (1..=arch.depth()).rev() {
        ws.grads.fill(0.0);
        for e in examples {
            ws.forward(arch, params, &e.x, &e.t, state.loss_fn);
            ws.backward(
                arch,
                next,
                &e.x,
                &e.t,
                state.loss_fn,
                Sink::Accumulate(scale),
            );
        }
        let (at, end) = (arch.weights_at(l), arch.biases_at(l) + arch.width(l));
        used[at..end].copy_from_slice(&ws.grads[at..end]);
        apply_layer(state, params, &ws.grads, next, l);
    }
}
