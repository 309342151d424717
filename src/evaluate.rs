//! One full pass at a state — forward, backward and the update — checked for overflow and
//! shaped for JavaScript.

use serde::Serialize;

use crate::activation::sigmoid_prime_from_output;
use crate::backward::{backward, Gradients};
use crate::error::Error;
use crate::forward::{forward, forward_example, Forward};
use crate::objective::{objective, Objective};
use crate::state::{to_row, Mode, Params, ParamsJson, Sample, State, StateJson};
use crate::state::{HIDDEN, OUTPUTS};
use crate::update::apply;

/// The forward values and gradients of the shown example, the training objective over the
/// samples (if any), and the state after one update; all finite.
#[derive(Clone, Debug, PartialEq)]
pub struct Pass {
    pub state: State,
    pub forward: Forward,
    pub grads: Gradients,
    /// `J` and `∇J` over the samples; `None` when the state has no samples.
    pub batch: Option<Objective>,
    pub next: State,
}

impl Pass {
    /// The gradient this pass's update uses: `∇J` in batch mode with samples, else the shown
    /// example's own. The flag says whether it is a mean over samples.
    pub fn update_grads(&self) -> (&Params, bool) {
        match &self.batch {
            Some(batch) if self.state.mode == Mode::Batch => (&batch.grads, true),
            _ => (&self.grads.d_params, false),
        }
    }
}

/// Runs one pass; fails if any value it produces is not finite.
pub fn pass(state: &State) -> Result<Pass, Error> {
    checked_pass(state).map(|(pass, _)| pass)
}

/// Runs one pass and shapes it for JavaScript.
pub fn evaluate(state: &State) -> Result<Evaluation, Error> {
    checked_pass(state).map(|(_, evaluation)| evaluation)
}

/// The pass and its JavaScript form, which is also what the overflow check reads.
fn checked_pass(state: &State) -> Result<(Pass, Evaluation), Error> {
    let fwd = forward(state);
    let grads = backward(state, &fwd);
    let batch = (!state.samples.is_empty()).then(|| objective(state, &state.params));
    let mut pass = Pass {
        state: state.clone(),
        forward: fwd,
        grads,
        batch,
        next: state.clone(),
    };
    let (update, _) = pass.update_grads();
    pass.next.params = apply(&state.params, update, state.lr, state.direction);
    let evaluation = pass.to_json();
    evaluation.check_finite()?;
    Ok((pass, evaluation))
}

/// The pass as JavaScript sees it: `{ z1, h, z2, y, loss, grad, next, sigma_prime }`, plus
/// `batch` when the state has samples.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Evaluation {
    pub z1: [f64; HIDDEN],
    pub h: [f64; HIDDEN],
    pub z2: [f64; OUTPUTS],
    pub y: [f64; OUTPUTS],
    pub loss: f64,
    pub grad: GradJson,
    pub next: StateJson,
    /// The sigmoid slopes `σ′(z) = a(1 − a)` of the hidden and output neurons: near 0, a
    /// neuron is saturated and passes almost no gradient back.
    pub sigma_prime: SlopesJson,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub batch: Option<BatchJson>,
}

/// `σ′(z1)` and `σ′(z2)`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SlopesJson {
    pub h: [f64; HIDDEN],
    pub y: [f64; OUTPUTS],
}

/// `∂E/∂k` for each `k`, in `k`'s shape.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GradJson {
    pub y: [f64; OUTPUTS],
    pub z2: [f64; OUTPUTS],
    pub h: [f64; HIDDEN],
    pub z1: [f64; HIDDEN],
    #[serde(flatten)]
    pub params: ParamsJson,
}

/// The training objective over the samples: `J`, `∂J/∂p`, and each sample's output and loss.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BatchJson {
    pub loss: f64,
    pub grad: ParamsJson,
    pub samples: Vec<SampleResult>,
}

/// One sample's output and loss at the current parameters.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SampleResult {
    #[serde(flatten)]
    pub sample: Sample,
    pub y: [f64; OUTPUTS],
    pub loss: f64,
}

impl Pass {
    /// The row-major form of this pass.
    pub fn to_json(&self) -> Evaluation {
        let f = &self.forward;
        let g = &self.grads;
        let state = &self.state;
        Evaluation {
            z1: to_row(&f.z1),
            h: to_row(&f.h),
            z2: to_row(&f.z2),
            y: to_row(&f.y),
            loss: f.loss,
            grad: GradJson {
                y: to_row(&g.d_y),
                z2: to_row(&g.d_z2),
                h: to_row(&g.d_h),
                z1: to_row(&g.d_z1),
                params: ParamsJson::from(&g.d_params),
            },
            next: self.next.to_json(),
            sigma_prime: SlopesJson {
                h: to_row(&f.h.map(sigmoid_prime_from_output)),
                y: to_row(&f.y.map(sigmoid_prime_from_output)),
            },
            batch: self.batch.as_ref().map(|batch| BatchJson {
                loss: batch.loss,
                grad: ParamsJson::from(&batch.grads),
                samples: state
                    .samples
                    .iter()
                    .map(|sample| {
                        let fwd = forward_example(&state.params, sample, state.loss_fn);
                        SampleResult {
                            sample: *sample,
                            y: to_row(&fwd.y),
                            loss: fwd.loss,
                        }
                    })
                    .collect(),
            }),
        }
    }
}
