//! The tape: one full pass — forward, loss, backward, update — cut into the ten stages the page
//! replays click by click, each with the formulas and numbers it reveals.

mod backward;
mod forward;
mod symbols;
mod update;

use serde::Serialize;

use crate::evaluate::Pass;
use crate::formula::{Expr, Formula, Quantity, Relation};

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

/// The ten stages, in order: id and title.
pub const STAGES: [(&str, &str); 10] = [
    ("forward_hidden", "Forward to hidden"),
    ("forward_output", "Forward to output"),
    ("loss", "Loss"),
    ("grad_y", "∂E/∂y"),
    ("delta_out", "δ_out and ∂E/∂b⁽²⁾"),
    ("grad_w2", "∂E/∂W⁽²⁾"),
    ("grad_h", "∂E/∂h"),
    ("delta_hidden", "δ_hidden and ∂E/∂b⁽¹⁾"),
    ("grad_w1", "∂E/∂W⁽¹⁾"),
    ("update", "Update"),
];

/// A stage's id, 1-based index and title, without any numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct StageInfo {
    pub id: &'static str,
    pub index: usize,
    pub title: &'static str,
}

/// The ten stages' ids, indices and titles.
pub fn stage_list() -> Vec<StageInfo> {
    STAGES
        .iter()
        .enumerate()
        .map(|(i, (id, title))| StageInfo {
            id,
            index: i + 1,
            title,
        })
        .collect()
}

/// An empty stage named `id`, with its index and title from [`STAGES`]; builders fill the rest.
fn named(id: &'static str) -> Stage {
    let (index, title) = STAGES
        .iter()
        .enumerate()
        .find(|(_, (known, _))| *known == id)
        .map_or((0, ""), |(i, (_, title))| (i + 1, *title));
    Stage {
        id,
        index,
        title,
        phase: Phase::Forward,
        edges: Vec::new(),
        nodes: Vec::new(),
        explanation: String::new(),
        formulas: Vec::new(),
    }
}

/// The ten stages of one pass, in order.
pub fn stages(pass: &Pass) -> Vec<Stage> {
    let tape = Tape { pass };
    vec![
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
}

/// Builds the stages of one pass; its methods live beside their phase.
struct Tape<'a> {
    pass: &'a Pass,
}

/// A formula line `lhs = rhs` for `target`; `path` locates the same value in `evaluate`'s result
/// and says what kind of quantity it is.
fn formula(target: &str, path: Option<String>, lhs: Expr, rhs: Expr, value: f64) -> Formula {
    let (kind, param) = classify(path.as_deref());
    Formula {
        kind,
        param,
        target: target.to_string(),
        path,
        lhs,
        relation: Relation::Equals,
        rhs,
        value,
        delta: None,
    }
}

/// The kind of a value from its path in `evaluate`'s result, and the parameter it belongs to:
/// `grad.w1[0][1]` is the gradient of `w1.0.1`, `next.b2[0]` the update of `b2.0`.
fn classify(path: Option<&str>) -> (Quantity, Option<String>) {
    let Some(path) = path else {
        return (Quantity::Slope, None);
    };
    let param = |rest: &str| {
        Some(
            rest.replace("][", ".")
                .replace(['[', ']'], ".")
                .trim_end_matches('.')
                .to_string(),
        )
    };
    if let Some(rest) = path.strip_prefix("next.") {
        (Quantity::Update, param(rest))
    } else if let Some(rest) = path
        .strip_prefix("grad.")
        .filter(|r| r.starts_with(['w', 'b']))
    {
        (Quantity::ParamGrad, param(rest))
    } else if path.starts_with("grad.") {
        (Quantity::NodeGrad, None)
    } else if path == "loss" {
        (Quantity::Loss, None)
    } else if path.starts_with('z') {
        (Quantity::PreActivation, None)
    } else {
        (Quantity::Activation, None)
    }
}

fn names(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_classify_into_kinds_and_parameters() {
        assert_eq!(
            classify(Some("grad.w1[0][1]")),
            (Quantity::ParamGrad, Some("w1.0.1".into()))
        );
        assert_eq!(
            classify(Some("grad.b2[0]")),
            (Quantity::ParamGrad, Some("b2.0".into()))
        );
        assert_eq!(
            classify(Some("next.w2[1][0]")),
            (Quantity::Update, Some("w2.1.0".into()))
        );
        assert_eq!(classify(Some("grad.h[1]")), (Quantity::NodeGrad, None));
        assert_eq!(classify(Some("z1[0]")), (Quantity::PreActivation, None));
        assert_eq!(classify(Some("y[0]")), (Quantity::Activation, None));
        assert_eq!(classify(Some("loss")), (Quantity::Loss, None));
        assert_eq!(classify(None), (Quantity::Slope, None));
    }
}
