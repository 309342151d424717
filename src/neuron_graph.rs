//! One neuron's computational graph, micrograd style: each scalar operation of
//! `aⱼ = f(Σᵢ wᵢⱼ·aᵢ + bⱼ)` with its value and its gradient, read from a pass.
//!
//! The graph of neuron `j` of layer `l` (inputs `aᵢ` from layer `l − 1`) as one flat list of
//! numbers, so that it crosses to JavaScript as a single `Float64Array`:
//!
//! ```text
//! for each input i:  aᵢ, wᵢⱼ, wᵢⱼ·aᵢ, ∂E/∂wᵢⱼ = aᵢ·δⱼ, wᵢⱼ·δⱼ   (the share of ∂E/∂aᵢ through this neuron)
//! then:              Σᵢ wᵢⱼ·aᵢ, bⱼ, zⱼ, aⱼ, ∂E/∂aⱼ, δⱼ = ∂E/∂zⱼ, f′(zⱼ)
//! ```
//!
//! The product `wᵢⱼ·aᵢ` and the sum share the gradient `δⱼ` (the sum and the bias add have
//! local derivative 1), so they need no number of their own.

use crate::error::Error;
use crate::evaluate::Pass;
use crate::network::arch::NodeId;

/// Numbers per input in [`neuron_graph`]'s list.
pub const PER_INPUT: usize = 5;
/// Numbers after the inputs.
pub const TAIL: usize = 7;

/// The graph of the neuron named `node` (`h1.0`, `y.0`; not an input) in `pass`.
pub fn neuron_graph(pass: &Pass, node: &str) -> Result<Vec<f64>, Error> {
    let arch = &pass.state.arch;
    let found = (1..=arch.depth())
        .flat_map(|l| arch.layer_nodes(l))
        .find(|n| arch.node_name(*n) == node);
    let Some(NodeId { layer, index: j }) = found else {
        return Err(Error::new(
            "node",
            format!("node must name a neuron past the inputs, such as h1.0 or y.0, got “{node}”"),
        ));
    };
    let (fwd, grads) = (&pass.forward, &pass.grads);
    let width = arch.width(layer);
    let weights = arch.weights(&pass.state.params, layer);
    let d_weights = arch.weights(&grads.d_params, layer);
    let delta = grads.d_z[layer][j];
    let mut graph = Vec::with_capacity(fwd.a[layer - 1].len() * PER_INPUT + TAIL);
    let mut sum = 0.0;
    for (i, &a_i) in fwd.a[layer - 1].iter().enumerate() {
        let w = weights[i * width + j];
        sum += w * a_i;
        graph.extend([a_i, w, w * a_i, d_weights[i * width + j], w * delta]);
    }
    graph.extend([
        sum,
        arch.biases(&pass.state.params, layer)[j],
        fwd.z[layer][j],
        fwd.a[layer][j],
        grads.d_a[layer][j],
        delta,
        pass.slope(layer, j),
    ]);
    Ok(graph)
}
