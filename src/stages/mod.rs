//! The tape: one full pass — forward, loss, backward, update — cut into the ten stages the page
//! replays click by click, each with the formulas and numbers it reveals.

mod backward;
mod forward;
mod symbols;
mod update;

use serde::Serialize;

use crate::evaluate::Pass;
use crate::formula::{Expr, Formula, Relation};

/// Which part of the pass a stage belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    Forward,
    Loss,
    Backward,
    Update,
}

/// One stage of the tape.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Stage {
    /// A stable name, e.g. `grad_w2`.
    pub id: &'static str,
    /// 1-based position in the tape.
    pub index: usize,
    pub title: &'static str,
    pub phase: Phase,
    /// The edges this stage's values travel along, named like their weights (`w1.0.1`); forward
    /// stages travel them from input to output, backward stages the other way.
    pub edges: Vec<String>,
    /// The nodes it reads or writes: `x.0` … `y.0`, `t.0` and `loss`.
    pub nodes: Vec<String>,
    /// One or two sentences for the learner.
    pub explanation: String,
    pub formulas: Vec<Formula>,
}

/// The ids of the ten stages, in order.
pub const STAGE_IDS: [&str; 10] = [
    "forward_hidden",
    "forward_output",
    "loss",
    "grad_y",
    "delta_out",
    "grad_w2",
    "grad_h",
    "delta_hidden",
    "grad_w1",
    "update",
];

/// The ten stages of one pass, in order.
pub fn stages(pass: &Pass) -> Vec<Stage> {
    let tape = Tape { pass };
    [
        tape.forward_hidden(),
        tape.forward_output(),
        tape.loss(),
        tape.grad_y(),
        tape.delta_out(),
        tape.grad_w2(),
        tape.grad_h(),
        tape.delta_hidden(),
        tape.grad_w1(),
        tape.update(),
    ]
    .into_iter()
    .enumerate()
    .map(|(i, stage)| Stage {
        index: i + 1,
        ..stage
    })
    .collect()
}

/// Builds the stages of one pass; its methods live beside their phase.
struct Tape<'a> {
    pass: &'a Pass,
}

/// A formula line `lhs = rhs` for `target`; `path` locates the same value in `evaluate`'s result.
fn formula(target: &str, path: Option<String>, lhs: Expr, rhs: Expr, value: f64) -> Formula {
    Formula {
        target: target.to_string(),
        path,
        lhs,
        relation: Relation::Equals,
        rhs,
        value,
        delta: None,
    }
}

fn names(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}
