//! The training objective `J`: the mean loss over the training examples, plus the L2 penalty,
//! and its gradient.
//!
//! With no samples `J` is the shown example's loss `E`; with samples (XOR, say) it is
//! `J = (1/n)·Σₖ Eₖ + ½λ·Σ w²` over the `n` training samples (those not held out for testing)
//! and every weight (not the biases). The gradients here are the data's, `(1/n)·Σₖ ∂Eₖ/∂p`;
//! the penalty's own term `∂(½λw²)/∂w = λw` is added by the update rule (see
//! [`crate::train::rule`]) and by [`full_gradient`].

use crate::data::split::split;
use crate::network::backward::Sink;
use crate::network::workspace::Workspace;
use crate::state::{Sample, State};

/// `J` and the data's `∇J` at some parameters.
#[derive(Clone, Debug, PartialEq)]
pub struct Objective {
    /// `J`, the penalty included.
    pub loss: f64,
    /// The penalty `½λ·Σw²` in `loss` (0 without L2).
    pub penalty: f64,
    /// The data's gradient `(1/n)·Σₖ ∂Eₖ/∂p`, without the penalty's `λw`.
    pub grads: Vec<f64>,
    /// Whether every pre-activation on the way was finite.
    pub finite: bool,
}

/// The L2 penalty `½λ·Σw²` over the weights of `params` (0 when `λ = 0`).
#[inline]
pub fn penalty(state: &State, params: &[f64]) -> f64 {
    if state.l2 == 0.0 {
        0.0
    } else {
        l2_penalty(state, params)
    }
}

/// [`penalty`] for `λ ≠ 0`.
fn l2_penalty(state: &State, params: &[f64]) -> f64 {
    let arch = &state.arch;
    let squares: f64 = (1..=arch.depth())
        .flat_map(|l| arch.weights(params, l))
        .map(|w| w * w)
        .sum();
    0.5 * state.l2 * squares
}

/// `J` and its data gradient at `params`, over the state's training examples.
pub fn objective(state: &State, params: &[f64]) -> Objective {
    let mut ws = Workspace::new(&state.arch);
    let examples = split(state).train;
    let sum = objective_into(&mut ws, state, &examples, params);
    sum_objective(ws, state, params, sum)
}

/// The [`Objective`] of a sum over the examples, `(J, finite)`, whose `∇J` is in `ws.grads`.
fn sum_objective(
    ws: Workspace,
    state: &State,
    params: &[f64],
    (loss, finite): (f64, bool),
) -> Objective {
    Objective {
        loss,
        penalty: penalty(state, params),
        grads: ws.grads,
        finite,
    }
}

/// The whole gradient of `J`: the data's plus `λw` for every weight.
pub fn full_gradient(state: &State, params: &[f64]) -> Vec<f64> {
    let mut grads = objective(state, params).grads;
    let arch = &state.arch;
    for l in 1..=arch.depth() {
        let at = arch.weights_at(l);
        for (g, w) in grads[at..arch.biases_at(l)]
            .iter_mut()
            .zip(arch.weights(params, l))
        {
            *g += state.l2 * w;
        }
    }
    grads
}

/// `J` over `examples` into the returned value and the data's `∇J` into `ws.grads`, allocating
/// nothing; with whether every pre-activation on the way was finite.
pub fn objective_into(
    ws: &mut Workspace,
    state: &State,
    examples: &[&Sample],
    params: &[f64],
) -> (f64, bool) {
    let mut sum = Sum::new(ws, examples.len());
    for example in examples {
        ws.forward(&state.arch, params, &example.x, &example.t, state.loss_fn);
        sum.add(ws, state, example, params);
    }
    sum.finish(state, params)
}

/// [`objective`] over the state's samples (it has some), `held[k]` saying whether sample `k`
/// is held out, as [`held_out`](crate::data::split::held_out) does; every sample's forward pass,
/// the held-out ones' too, is shown to `seen(ws, k)` as it is run, so that a caller reading
/// each sample's values runs no second pass.
pub fn objective_seeing(
    state: &State,
    params: &[f64],
    held: &[bool],
    mut seen: impl FnMut(&Workspace, usize),
) -> Objective {
    let mut ws = Workspace::new(&state.arch);
    let mut sum = Sum::new(&mut ws, held.iter().filter(|out| !**out).count());
    for (k, (sample, &out)) in state.samples.iter().zip(held).enumerate() {
        ws.forward(&state.arch, params, &sample.x, &sample.t, state.loss_fn);
        seen(&ws, k);
        if !out {
            sum.add(&mut ws, state, sample, params);
        }
    }
    let sum = sum.finish(state, params);
    sum_objective(ws, state, params, sum)
}

/// The sum over the training examples that [`objective_into`] and [`objective_seeing`] take,
/// one example at a time, each just after its forward pass.
struct Sum {
    count: usize,
    /// `1/count`, each example's weight in `∇J`.
    scale: f64,
    added: usize,
    total: f64,
    finite: bool,
}

impl Sum {
    /// A sum over `count` examples (with none, `∇J` is 0).
    fn new(ws: &mut Workspace, count: usize) -> Sum {
        if count == 0 {
            ws.grads.fill(0.0);
        }
        Sum {
            count,
            scale: 1.0 / count as f64,
            added: 0,
            total: 0.0,
            finite: true,
        }
    }

    /// Adds `example`, whose forward pass with `params` is the last one `ws` ran.
    fn add(&mut self, ws: &mut Workspace, state: &State, example: &Sample, params: &[f64]) {
        self.total += ws.loss;
        // The first example starts the sum (as if into zeroed gradients), the rest add to it.
        let sink = if self.added == 0 {
            Sink::Start(self.scale)
        } else {
            Sink::Accumulate(self.scale)
        };
        ws.backward(
            &state.arch,
            params,
            &example.x,
            &example.t,
            state.loss_fn,
            sink,
        );
        self.finite &= ws.is_finite();
        self.added += 1;
    }

    /// `J` and whether every pre-activation was finite. Summed, then divided, exactly as
    /// `objective_loss` does, so both give the same `J`.
    fn finish(&self, state: &State, params: &[f64]) -> (f64, bool) {
        (
            self.total / self.count as f64 + penalty(state, params),
            self.finite,
        )
    }
}

/// `J` alone at `params` (a forward pass per training example, no gradients).
pub fn objective_loss(state: &State, params: &[f64]) -> f64 {
    let examples = split(state).train;
    objective_loss_into(&mut Workspace::new(&state.arch), state, &examples, params)
}

/// [`objective_loss`] over `examples` in a workspace, allocating nothing.
pub fn objective_loss_into(
    ws: &mut Workspace,
    state: &State,
    examples: &[&Sample],
    params: &[f64],
) -> f64 {
    mean_loss_into(ws, state, examples, params) + penalty(state, params)
}

/// The mean loss over `examples` without the penalty (the test loss), or NaN for none.
pub fn mean_loss_into(
    ws: &mut Workspace,
    state: &State,
    examples: &[&Sample],
    params: &[f64],
) -> f64 {
    let mut total = 0.0;
    for e in examples {
        total += ws.forward(&state.arch, params, &e.x, &e.t, state.loss_fn);
    }
    total / examples.len() as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::split::held_out;

    #[test]
    fn seeing_every_sample_gives_the_objective_bit_for_bit() {
        let mut states: Vec<State> = crate::presets::presets()
            .into_iter()
            .map(|p| p.state)
            .filter(|s| !s.samples.is_empty())
            .collect();
        let mut split = crate::presets::xor();
        split.test_fraction = 0.25;
        split.shuffle_seed = 4;
        states.push(split);
        for state in &states {
            let held = held_out(state.samples.len(), state.test_fraction, state.shuffle_seed);
            let mut seen = Vec::new();
            let seeing = objective_seeing(state, &state.params, &held, |ws, k| {
                seen.push((k, ws.loss));
            });
            assert_eq!(
                format!("{seeing:?}"),
                format!("{:?}", objective(state, &state.params))
            );
            let expected: Vec<usize> = (0..state.samples.len()).collect();
            assert_eq!(seen.iter().map(|(k, _)| *k).collect::<Vec<_>>(), expected);
        }
    }
}
