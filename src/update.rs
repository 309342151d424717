//! Updates and training: `p ← p − lr·∂J/∂p` for every weight and bias, all gradients taken at
//! the same (old) parameters.
//!
//! The seed notebook's training loop writes `w += … * lr`, which *adds* the gradient: that is
//! gradient ascent and makes the loss grow. The core always descends, except in the `ascent`
//! direction, which exists to show that bug.

use crate::backward::backward_example;
use crate::error::Error;
use crate::evaluate::pass;
use crate::forward::forward_example;
use crate::objective::{objective, objective_loss};
use crate::state::{Direction, Mode, Params, State};

/// The parameters after one update with gradients `grads`: `p − lr·g` (or `p + lr·g` for ascent).
pub fn apply(params: &Params, grads: &Params, lr: f64, direction: Direction) -> Params {
    params.add_scaled(grads, signed_rate(lr, direction))
}

/// The factor in front of the gradient: `−lr` for descent, `+lr` for ascent.
pub fn signed_rate(lr: f64, direction: Direction) -> f64 {
    match direction {
        Direction::Descent => -lr,
        Direction::Ascent => lr,
    }
}

/// What a training run did.
#[derive(Clone, Debug, PartialEq)]
pub struct TrainRun {
    pub state: State,
    /// Steps taken (fewer than asked when the target loss was reached).
    pub steps: u32,
    /// `J` before each step taken.
    pub losses: Vec<f64>,
    /// `J` after the last step.
    pub loss: f64,
}

/// Runs `steps` training steps from `state`.
///
/// A step is one update on `∇J` (no samples, or batch mode) or one epoch of single-sample updates
/// in order (per-sample mode). Fails, naming the step, as soon as training overflows `f64`.
pub fn train(state: &State, steps: u32) -> Result<State, Error> {
    run(state, steps, None, |_| ()).map(|(params, _)| state.with_params(params))
}

/// Like [`train`], recording `J` before each step, and stopping early once `J ≤ stop_below`.
pub fn train_run(state: &State, steps: u32, stop_below: Option<f64>) -> Result<TrainRun, Error> {
    let mut losses = Vec::with_capacity(steps.min(100_000) as usize);
    let (params, taken) = run(state, steps, stop_below, |loss| losses.push(loss))?;
    Ok(TrainRun {
        state: state.with_params(params),
        steps: taken,
        losses,
        loss: objective_loss(state, &params),
    })
}

fn run(
    state: &State,
    steps: u32,
    stop_below: Option<f64>,
    mut on_step: impl FnMut(f64),
) -> Result<(Params, u32), Error> {
    let mut params = state.params;
    for done in 0..steps {
        let (next, loss_before) = step(state, &params).ok_or_else(|| {
            let cause = overflow_error(&state.with_params(params));
            Error::new(
                cause.field,
                format!(
                    "training stopped at step {} of {steps}: {}",
                    done + 1,
                    cause.message
                ),
            )
        })?;
        if stop_below.is_some_and(|target| loss_before <= target) {
            return Ok((params, done));
        }
        on_step(loss_before);
        params = next;
    }
    Ok((params, steps))
}

/// One training step from `params`: the new parameters and `J` before the step, or `None` if a
/// value overflowed.
fn step(state: &State, params: &Params) -> Option<(Params, f64)> {
    let per_sample = state.mode == Mode::PerSample && !state.samples.is_empty();
    let (next, loss) = if per_sample {
        let mut p = *params;
        for example in &state.samples {
            let fwd = forward_example(&p, example, state.loss_fn);
            if !fwd.is_finite() {
                return None;
            }
            let grads = backward_example(&p, example, &fwd, state.loss_fn);
            p = apply(&p, &grads.d_params, state.lr, state.direction);
        }
        (p, objective_loss(state, params))
    } else {
        let obj = objective(state, params);
        if !obj.finite {
            return None;
        }
        (
            apply(params, &obj.grads, state.lr, state.direction),
            obj.loss,
        )
    };
    (next.is_finite() && loss.is_finite()).then_some((next, loss))
}

/// The error that explains why a step from `state` overflowed.
fn overflow_error(state: &State) -> Error {
    pass(state).err().unwrap_or_else(|| {
        Error::new(
            "lr",
            "the update overflowed: a parameter is no longer finite; use a smaller learning rate",
        )
    })
}
