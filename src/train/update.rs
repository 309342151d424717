//! Training runs: many updates in a row, recording the training loss, stopping at a target or
//! at the first step that would overflow.

use crate::data::split::{epoch_order, split, Split};
use crate::error::Error;
use crate::evaluate::{pass, Pass};
use crate::network::backward::Sink;
use crate::network::workspace::Workspace;
use crate::state::{Mode, Sample, State, UpdateOrder};
use crate::train::objective::{
    mean_loss_into, objective_into, objective_loss, objective_loss_into,
};
use crate::train::order::output_first_into;
pub use crate::train::rule::{apply, apply_in_place, apply_into, signed_rate};

/// What a training run did.
#[derive(Clone, Debug, PartialEq)]
pub struct TrainRun {
    /// The state after the last good step.
    pub state: State,
    /// Steps taken (fewer than asked when the target loss was reached or training overflowed).
    pub steps: u32,
    /// `J` before each step taken.
    pub losses: Vec<f64>,
    /// `J` after the last step.
    pub loss: f64,
    /// The test loss (the mean loss over the held-out samples) before each step taken; empty
    /// without a test split.
    pub test_losses: Vec<f64>,
    /// The test loss after the last step, with a test split.
    pub test_loss: Option<f64>,
    /// The pass at `state` when the run ended after all the steps it took (the check that the
    /// last one did not overflow computes it; a page shows it without asking again); `None`
    /// when no step was taken or a step overflowed.
    pub evaluation: Option<Pass>,
    /// Why training stopped early, when a step would have overflowed.
    pub error: Option<Error>,
}

/// Runs `steps` training steps from `state`.
///
/// A step is one update on `∇J` (no samples, or batch mode), one epoch of single-sample updates
/// in order (per-sample mode) or one epoch of shuffled mini-batch updates (mini-batch mode).
/// Fails, naming the step, as soon as training overflows `f64`.
pub fn train(state: &State, steps: u32) -> Result<State, Error> {
    let end = run(state, steps, None, |_, _| ());
    match end.overflow {
        None => Ok(state.with_params(end.params)),
        Some(cause) => Err(Error::new(
            cause.field,
            format!(
                "training stopped at step {} of {steps}: {}",
                end.taken + 1,
                cause.message
            ),
        )),
    }
}

/// Like [`train`], recording `J` before each step, and stopping early once `J ≤ stop_below`.
///
/// An overflow does not lose the run: it ends at the last state reached whose pass is finite
/// (the state a page can show), with the steps that reached it and the error of the next one.
pub fn train_run(state: &State, steps: u32, stop_below: Option<f64>) -> TrainRun {
    let mut losses = Vec::with_capacity(steps.min(100_000) as usize);
    let mut test_losses = Vec::new();
    let mut end = run(state, steps, stop_below, |loss, test| {
        losses.push(loss);
        test_losses.extend(test);
    });
    let mut evaluation = None;
    if end.taken > 0 {
        match pass(&state.with_params(end.params.clone())) {
            Ok(reached) => evaluation = Some(reached),
            Err(cause) => {
                end = End {
                    params: end.previous.clone(),
                    previous: end.previous,
                    taken: end.taken - 1,
                    overflow: Some(cause),
                };
            }
        }
    }
    losses.truncate(end.taken as usize);
    test_losses.truncate(end.taken as usize);
    let test = split(state).test;
    TrainRun {
        loss: objective_loss(state, &end.params),
        test_loss: (!test.is_empty())
            .then(|| mean_loss_into(&mut Workspace::new(&state.arch), state, &test, &end.params)),
        test_losses,
        state: state.with_params(end.params),
        steps: end.taken,
        losses,
        evaluation,
        error: end.overflow,
    }
}

/// Where a run of steps ended.
struct End {
    /// The parameters after `taken` steps.
    params: Vec<f64>,
    /// The parameters one step earlier (the start when no step was taken).
    previous: Vec<f64>,
    taken: u32,
    /// Why step `taken + 1` overflowed, if it did.
    overflow: Option<Error>,
}

fn run(
    state: &State,
    steps: u32,
    stop_below: Option<f64>,
    mut on_step: impl FnMut(f64, Option<f64>),
) -> End {
    let mut ws = Workspace::new(&state.arch);
    let data = split(state);
    let mut order = vec![0; data.train.len()];
    let mut batch = Vec::with_capacity(state.batch_size as usize);
    let mut next = state.params.clone();
    let mut end = End {
        params: state.params.clone(),
        previous: state.params.clone(),
        taken: 0,
        overflow: None,
    };
    while end.taken < steps {
        let room = (&mut order[..], &mut batch, &mut next[..]);
        let Some(loss_before) = step(&mut ws, state, &data, room, &end.params) else {
            end.overflow = Some(overflow_error(&state.with_params(end.params.clone())));
            break;
        };
        if stop_below.is_some_and(|target| loss_before <= target) {
            break;
        }
        let test = (!data.test.is_empty())
            .then(|| mean_loss_into(&mut ws, state, &data.test, &end.params));
        on_step(loss_before, test);
        // previous ← params ← next, and the old previous becomes the room for the next step.
        let params = std::mem::replace(&mut end.params, next);
        next = std::mem::replace(&mut end.previous, params);
        end.taken += 1;
    }
    end
}

/// One training step from `params` into `next` over the training examples of `data`: `J`
/// before the step, or `None` if a value overflowed. `room` holds a mini-batch epoch's order,
/// one mini-batch and `next`. Allocates nothing.
fn step<'s>(
    ws: &mut Workspace,
    state: &State,
    data: &Split<'s>,
    (order, batch, next): (&mut [usize], &mut Vec<&'s Sample>, &mut [f64]),
    params: &[f64],
) -> Option<f64> {
    let with_samples = !state.samples.is_empty();
    let (arch, loss_fn) = (&state.arch, state.loss_fn);
    let loss = if state.update_order == UpdateOrder::OutputFirst {
        output_first_step(ws, state, data, (order, batch), params, next);
        Some(objective_loss_into(ws, state, &data.train, params))
    } else if with_samples && state.mode == Mode::MiniBatch {
        next.copy_from_slice(params);
        epoch_order(order, state.shuffle_seed, params);
        let mut finite = true;
        for chunk in order.chunks(state.batch_size.max(1) as usize) {
            batch.clear();
            batch.extend(chunk.iter().map(|&k| data.train[k]));
            let (_, ok) = objective_into(ws, state, batch, next);
            finite = ok;
            if !finite {
                break;
            }
            apply_in_place(state, next, &ws.grads);
        }
        finite.then(|| objective_loss_into(ws, state, &data.train, params))
    } else if with_samples && state.mode == Mode::PerSample {
        next.copy_from_slice(params);
        let mut finite = true;
        for e in &data.train {
            ws.forward(arch, next, &e.x, &e.t, loss_fn);
            finite = ws.is_finite();
            if !finite {
                break;
            }
            ws.backward(arch, next, &e.x, &e.t, loss_fn, Sink::Store);
            apply_in_place(state, next, &ws.d_params);
        }
        finite.then(|| objective_loss_into(ws, state, &data.train, params))
    } else {
        let (loss, finite) = objective_into(ws, state, &data.train, params);
        apply_into(state, params, &ws.grads, next);
        finite.then_some(loss)
    };
    let ok = loss.is_some_and(f64::is_finite) && next.iter().all(|v| v.is_finite());
    loss.filter(|_| ok)
}

/// The error that explains why a step from `state` overflowed.
/// [`step`] in output-first order (Mazur's bug, see `train::order`): each update of the step —
/// the whole batch, each mini-batch or each sample, as the mode says — takes its layers from the
/// output down, each through the already-updated weights above it.
fn output_first_step<'s>(
    ws: &mut Workspace,
    state: &State,
    data: &Split<'s>,
    (order, batch): (&mut [usize], &mut Vec<&'s Sample>),
    params: &[f64],
    next: &mut [f64],
) {
    let mut used = std::mem::take(&mut ws.d_params);
    let mut from = std::mem::take(&mut ws.from);
    from.copy_from_slice(params);
    let mut update = |ws: &mut Workspace, examples: &[&Sample]| {
        output_first_into(ws, state, &from, examples, next, &mut used);
        from.copy_from_slice(next);
    };
    match state.mode {
        _ if state.samples.is_empty() => update(ws, &data.train),
        Mode::MiniBatch => {
            epoch_order(order, state.shuffle_seed, params);
            for chunk in order.chunks(state.batch_size.max(1) as usize) {
                batch.clear();
                batch.extend(chunk.iter().map(|&k| data.train[k]));
                update(ws, batch);
            }
        }
        Mode::PerSample => {
            for e in &data.train {
                update(ws, std::slice::from_ref(e));
            }
        }
        Mode::Batch => update(ws, &data.train),
    }
    ws.d_params = used;
    ws.from = from;
}

fn overflow_error(state: &State) -> Error {
    pass(state).err().unwrap_or_else(|| {
        Error::new(
            "lr",
            "the update overflowed: a parameter is no longer finite; use a smaller learning rate",
        )
    })
}
