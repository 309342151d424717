//! One neuron's computational graph: its numbers are the pass's, and the shares of ∂E/∂aᵢ it
//! sends back through each neuron of a layer add up to the backward pass's ∂E/∂aᵢ.

mod common;

use backprop_viz::evaluate::pass;
use backprop_viz::neuron_graph::{neuron_graph, PER_INPUT, TAIL};
use backprop_viz::state::State;
use common::arb::{cases, states};
use common::evaluated;
use proptest::prelude::*;

#[test]
fn the_seed_h1_graph_holds_the_seed_numbers() {
    let pass = evaluated(&State::seed());
    let graph = neuron_graph(&pass, "h1.0").expect("h1.0 is a neuron");
    assert_eq!(graph.len(), 2 * PER_INPUT + TAIL);
    let (x, w) = ([0.5, 0.3], [0.2, 0.1]);
    let delta = pass.grads.d_z[1][0];
    for i in 0..2 {
        let input = &graph[i * PER_INPUT..(i + 1) * PER_INPUT];
        assert_eq!(input[..3], [x[i], w[i], w[i] * x[i]]);
        assert_eq!(input[3], pass.grads.d_params[i * 2]);
        assert_eq!(input[4], w[i] * delta);
    }
    let tail = &graph[2 * PER_INPUT..];
    assert!((tail[0] - 0.13).abs() < 1e-15, "Σ w·x = 0.2·0.5 + 0.1·0.3");
    assert_eq!(tail[1], 0.1);
    assert!((tail[2] - 0.23).abs() < 1e-15);
    assert!((tail[3] - 0.5572478545985555).abs() < 1e-15);
    assert!((tail[4] - -0.004503095849537282).abs() < 1e-15);
    assert!((tail[5] - -0.0011110158904518298).abs() < 1e-15);
    assert!((tail[6] - 0.24672268314386264).abs() < 1e-15);
}

#[test]
fn inputs_and_unknown_names_are_refused() {
    let pass = evaluated(&State::seed());
    for bad in ["x.0", "h1.2", "h3.0", "y.1", "", "loss"] {
        let error = neuron_graph(&pass, bad).expect_err("not a neuron");
        assert_eq!(error.field, "node");
        assert!(error.message.contains(bad), "{}", error.message);
    }
}

proptest! {
    #![proptest_config(cases(64))]

    #[test]
    fn every_graph_is_its_pass(state in states()) {
        let Ok(pass) = pass(&state) else { return Ok(()) };
        let arch = &state.arch;
        for l in 1..=arch.depth() {
            let n_in = arch.width(l - 1);
            let mut shares = vec![0.0; n_in];
            for j in 0..arch.width(l) {
                let name = arch.node_name(backprop_viz::network::arch::NodeId { layer: l, index: j });
                let graph = neuron_graph(&pass, &name).expect("a neuron");
                prop_assert_eq!(graph.len(), n_in * PER_INPUT + TAIL);
                let tail = &graph[n_in * PER_INPUT..];
                prop_assert!((tail[0] + tail[1] - tail[2]).abs() <= 1e-12 * (1.0 + tail[2].abs()));
                prop_assert_eq!(tail[3], pass.forward.a[l][j]);
                prop_assert_eq!(tail[5], pass.grads.d_z[l][j]);
                for (i, share) in shares.iter_mut().enumerate() {
                    let input = &graph[i * PER_INPUT..(i + 1) * PER_INPUT];
                    prop_assert_eq!(input[0], pass.forward.a[l - 1][i]);
                    prop_assert_eq!(input[3], input[0] * tail[5]);
                    *share += input[4];
                }
            }
            if l > 1 {
                for (i, share) in shares.iter().enumerate() {
                    let d_a = pass.grads.d_a[l - 1][i];
                    prop_assert!((share - d_a).abs() <= 1e-12 * (1.0 + d_a.abs()), "{} vs {}", share, d_a);
                }
            }
        }
    }
}
