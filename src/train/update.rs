//! Updates and training: `p ← p − lr·∂J/∂p` for every weight (and bias, unless biases are not
//! trained), all gradients taken at the same (old) parameters.
//!
//! The seed notebook's training loop writes `w += … * lr`, which *adds* the gradient: that is
//! gradient ascent and makes the loss grow. The core always descends, except in the `ascent`
//! direction, which exists to show that bug.

use crate::error::Error;
use crate::evaluate::pass;
use crate::network::backward::backward;
use crate::network::forward::forward;
use crate::state::{Direction, Mode, State};
use crate::train::objective::{objective, objective_loss};

/// The factor in front of the gradient: `−lr` for descent, `+lr` for ascent.
pub fn signed_rate(lr: f64, direction: Direction) -> f64 {
    match direction {
        Direction::Descent => -lr,
        Direction::Ascent => lr,
    }
}

/// The parameters after one update of `params` with gradients `grads`, as `state` says
/// (direction, learning rate, whether biases are trained).
pub fn apply(state: &State, params: &[f64], grads: &[f64]) -> Vec<f64> {
    let rate = signed_rate(state.lr, state.direction);
    let mut next = params.to_vec();
    for id in state.arch.params() {
        if state.train_biases || !id.is_bias() {
            let k = state.arch.index(id);
            next[k] = params[k] + grads[k] * rate;
        }
    }
    next
}

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
    /// Why training stopped early, when a step would have overflowed.
    pub error: Option<Error>,
}

/// Runs `steps` training steps from `state`.
///
/// A step is one update on `∇J` (no samples, or batch mode) or one epoch of single-sample updates
/// in order (per-sample mode). Fails, naming the step, as soon as training overflows `f64`.
pub fn train(state: &State, steps: u32) -> Result<State, Error> {
    let run = train_run(state, steps, None);
    match run.error {
        Some(error) => Err(error),
        None => Ok(run.state),
    }
}

/// Like [`train`], recording `J` before each step, and stopping early once `J ≤ stop_below`.
/// A step that would overflow ends the run: the result keeps every step completed before it,
/// with the error.
pub fn train_run(state: &State, steps: u32, stop_below: Option<f64>) -> TrainRun {
    let mut losses = Vec::with_capacity(steps.min(100_000) as usize);
    let mut params = state.params.clone();
    let mut taken = steps;
    let mut error = None;
    for done in 0..steps {
        let Some((next, loss_before)) = step(state, &params) else {
            let cause = overflow_error(&state.with_params(params.clone()));
            error = Some(Error::new(
                cause.field,
                format!("step {} of {steps} overflowed: {}", done + 1, cause.message),
            ));
            taken = done;
            break;
        };
        if stop_below.is_some_and(|target| loss_before <= target) {
            taken = done;
            break;
        }
        losses.push(loss_before);
        params = next;
    }
    TrainRun {
        loss: objective_loss(state, &params),
        state: state.with_params(params),
        steps: taken,
        losses,
        error,
    }
}

/// One training step from `params`: the new parameters and `J` before the step, or `None` if a
/// value overflowed.
fn step(state: &State, params: &[f64]) -> Option<(Vec<f64>, f64)> {
    let per_sample = state.mode == Mode::PerSample && !state.samples.is_empty();
    let (next, loss) = if per_sample {
        let mut p = params.to_vec();
        for e in &state.samples {
            let fwd = forward(&state.arch, &p, &e.x, &e.t, state.loss_fn);
            if !fwd.is_finite() {
                return None;
            }
            let grads = backward(&state.arch, &p, &e.t, &fwd, state.loss_fn);
            p = apply(state, &p, &grads.d_params);
        }
        (p, objective_loss(state, params))
    } else {
        let obj = objective(state, params);
        if !obj.finite {
            return None;
        }
        (apply(state, params, &obj.grads), obj.loss)
    };
    (next.iter().all(|v| v.is_finite()) && loss.is_finite()).then_some((next, loss))
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
