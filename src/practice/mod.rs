//! Practice mode ("your turn"): for every value a stage of the tape asks of the learner, the
//! values that the common hand-calculation mistakes would give instead, so that a page can tell
//! a learner not only that an answer is wrong but, when it can, why.
//!
//! The questions are the tape's own formulas ([`crate::stages::stages`]), stage for stage and
//! line for line; each comes with its mistakes, and only the mistakes that apply: there is no
//! missing factor 2 under ½(y − t)² or cross-entropy, no σ′-from-z for a ReLU, no swapped index
//! where the swapped weight does not exist. A mistake that gives the right value (within the
//! tolerance) or the same value as an earlier one is left out, so each answer names at most one.
//!
//! [`exercise`] draws a fresh state with hand-friendly numbers for the same network.

pub mod exercise;
mod mistakes;

use crate::evaluate::Pass;
use crate::stages::plan;

/// An answer is right when its relative error is at most this: 3 significant digits.
pub const TOLERANCE: f64 = 1e-3;

/// Whether `answer` is `value` within [`TOLERANCE`] (relative; exactly, when `value` is 0).
///
/// ```
/// use backprop_viz::practice::within;
/// assert!(within(-0.005019, -0.00501913));
/// assert!(!within(0.005019, -0.00501913));
/// assert!(within(0.0, 0.0) && !within(1e-9, 0.0));
/// ```
pub fn within(answer: f64, value: f64) -> bool {
    (answer - value).abs() <= TOLERANCE * value.abs()
}

/// A mistake a learner may make by hand; the page words each (www/model/mistakes.js).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum MistakeKind {
    /// The right size with the wrong sign.
    Sign,
    /// `σ′` (or `tanh′`) taken from `z` instead of from the activation `a = f(z)`.
    SlopeFromZ,
    /// `y − t` for `∂E/∂y` under `E = (y − t)²`, which needs `2(y − t)`.
    MissingFactor2,
    /// `wⱼᵢ` used for `wᵢⱼ` (or the gradient of the one for the other).
    SwappedIndex,
    /// A hidden layer's gradient computed with the layer above's already-updated weights.
    UpdatedWeights,
    /// An update that stepped the wrong way: `p + η·∂E/∂p` for descent (or `−` for ascent).
    StepDirection,
}

impl MistakeKind {
    /// Every mistake in the order of its code, with its name on the page.
    pub const ALL: [(MistakeKind, &'static str); 6] = [
        (MistakeKind::Sign, "sign"),
        (MistakeKind::SlopeFromZ, "slope_from_z"),
        (MistakeKind::MissingFactor2, "missing_factor_2"),
        (MistakeKind::SwappedIndex, "swapped_index"),
        (MistakeKind::UpdatedWeights, "updated_weights"),
        (MistakeKind::StepDirection, "step_direction"),
    ];

    /// The mistake's code in [`Practice::flat`]: its position in [`MistakeKind::ALL`].
    pub fn code(self) -> usize {
        self as usize
    }
}

/// What one mistake would have given.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Mistake {
    pub kind: MistakeKind,
    pub value: f64,
}

/// One value a stage asks for: the right value and the mistakes that would give another.
#[derive(Clone, Debug, PartialEq)]
pub struct Question {
    pub value: f64,
    pub mistakes: Vec<Mistake>,
}

/// Every question of a pass: `stages[s][f]` belongs to formula `f` of stage `s` of the tape.
#[derive(Clone, Debug, PartialEq)]
pub struct Practice {
    /// [`TOLERANCE`], so that the page states and applies the same figure.
    pub tolerance: f64,
    pub stages: Vec<Vec<Question>>,
}

impl Practice {
    /// The questions as one list of numbers, for JavaScript (a `Float64Array`): the tolerance,
    /// the number of stages, then for each stage the number of its questions and for each
    /// question its value, the number of its mistakes and each mistake's code and value.
    pub fn flat(&self) -> Vec<f64> {
        let mut out = vec![self.tolerance, self.stages.len() as f64];
        for stage in &self.stages {
            out.push(stage.len() as f64);
            for q in stage {
                out.extend([q.value, q.mistakes.len() as f64]);
                for m in &q.mistakes {
                    out.extend([m.kind.code() as f64, m.value]);
                }
            }
        }
        out
    }
}

/// The questions of one pass, with the mistakes that apply to each.
pub fn practice(pass: &Pass) -> Practice {
    let stages = plan(&pass.state.arch)
        .into_iter()
        .map(|step| {
            mistakes::questions(pass, step)
                .into_iter()
                .map(distinct)
                .collect()
        })
        .collect();
    Practice {
        tolerance: TOLERANCE,
        stages,
    }
}

/// The question without the mistakes that cannot be told apart from the right value or from an
/// earlier mistake, or that are not finite.
fn distinct(question: Question) -> Question {
    let mut kept: Vec<Mistake> = Vec::new();
    for mistake in question.mistakes {
        let clear = mistake.value.is_finite()
            && !within(mistake.value, question.value)
            && !within(question.value, mistake.value)
            && kept.iter().all(|k| !within(mistake.value, k.value));
        if clear {
            kept.push(mistake);
        }
    }
    Question {
        value: question.value,
        mistakes: kept,
    }
}
