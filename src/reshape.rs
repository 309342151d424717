//! Changing a state's architecture or drawing its weights anew.

use crate::error::Error;
use crate::network::arch::Arch;
use crate::network::init::{initial_params, reshape_params};
use crate::parse::check_loss;
use crate::state::{Sample, State};

/// `state` with architecture `arch`: every weight that still exists keeps its value, new ones
/// are drawn from the state's `init_seed`; `x`, `t` and the samples are cut or padded with 0 to
/// the new numbers of inputs and outputs. Fails when the loss no longer fits the network.
pub fn reshape(state: &State, arch: Arch) -> Result<State, Error> {
    let resize = |values: &[f64], len: usize| {
        let mut v = values.to_vec();
        v.resize(len, 0.0);
        v
    };
    let sample = |s: &Sample| Sample {
        x: resize(&s.x, arch.inputs()),
        t: resize(&s.t, arch.outputs()),
    };
    let samples: Vec<Sample> = state.samples.iter().map(sample).collect();
    // Samples cut or padded are no longer the dataset's points.
    let dataset = state.dataset.filter(|_| samples == state.samples);
    let next = State {
        params: reshape_params(&state.arch, &state.params, &arch, state.init_seed),
        example: sample(&state.example),
        samples,
        dataset,
        arch: arch.clone(),
        ..state.clone()
    };
    check_loss(&next)?;
    Ok(next)
}

/// `state` with every weight and bias drawn anew from `seed`, which becomes its `init_seed`.
pub fn reinitialize(state: &State, seed: u32) -> State {
    State {
        params: initial_params(&state.arch, seed),
        init_seed: seed,
        ..state.clone()
    }
}
