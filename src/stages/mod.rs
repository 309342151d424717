//! The tape: one full pass — forward, loss, backward, update — cut into the stages the page
//! replays click by click, each with the formulas and numbers it reveals.
//!
//! The tape is generated from the layers: a forward stage per layer, the loss, `∂E/∂y`, then for
//! each layer `l` from the output down to the first: `δ⁽ˡ⁾` with `∂E/∂b⁽ˡ⁾`, `∂E/∂W⁽ˡ⁾`, and
//! (for `l > 1`) `∂E/∂h⁽ˡ⁻¹⁾`; then the update. For the seed's 2-2-1 that is ten stages.

mod backward;
mod forward;
mod update;

use serde::Serialize;

use crate::evaluate::Pass;
use crate::formula::{Expr, Formula, Quantity, Relation};
use crate::network::arch::{Arch, NodeId};
use crate::symbols;

/// Which part of the pass a stage belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    Forward,
    Loss,
    Backward,
    Update,
}

/// What a stage computes; the tape is a list of these, derived from the architecture.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// Layer `l`'s pre-activations and activations.
    Forward(usize),
    Loss,
    /// `∂E/∂y`.
    GradY,
    /// `δ⁽ˡ⁾ = ∂E/∂z⁽ˡ⁾` and `∂E/∂b⁽ˡ⁾`.
    Delta(usize),
    /// `∂E/∂W⁽ˡ⁾`.
    GradW(usize),
    /// `∂E/∂h⁽ˡ⁾` of hidden layer `l`, through the weights of layer `l + 1`.
    GradH(usize),
    Update,
}

/// One stage of the tape.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Stage {
    /// A stable name, e.g. `grad_w2`.
    pub id: String,
    /// 1-based position in the tape.
    pub index: usize,
    pub title: String,
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

/// A stage's id, 1-based index and title, without any numbers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct StageInfo {
    pub id: String,
    pub index: usize,
    pub title: String,
}

/// The steps of the tape for `arch`, in order.
pub fn plan(arch: &Arch) -> Vec<Step> {
    let depth = arch.depth();
    let mut steps: Vec<Step> = (1..=depth).map(Step::Forward).collect();
    steps.extend([Step::Loss, Step::GradY]);
    for l in (1..=depth).rev() {
        steps.extend([Step::Delta(l), Step::GradW(l)]);
        if l > 1 {
            steps.push(Step::GradH(l - 1));
        }
    }
    steps.push(Step::Update);
    steps
}

impl Step {
    /// The stage's stable id: `forward_1`, `loss`, `grad_y`, `delta_2`, `grad_w2`, `grad_h1`,
    /// `update`.
    pub fn id(self) -> String {
        match self {
            Step::Forward(l) => format!("forward_{l}"),
            Step::Loss => "loss".into(),
            Step::GradY => "grad_y".into(),
            Step::Delta(l) => format!("delta_{l}"),
            Step::GradW(l) => format!("grad_w{l}"),
            Step::GradH(l) => format!("grad_h{l}"),
            Step::Update => "update".into(),
        }
    }

    /// The stage's title: for the 2-2-1, "Forward to hidden", "δ_out and ∂E/∂b⁽²⁾" and so on.
    pub fn title(self, arch: &Arch) -> String {
        let depth = arch.depth();
        let sup = |l: usize| symbols::layer(arch, l).sup.clone();
        let b = |l: usize| format!("∂E/∂b{}", superscript(&format!("({l})")));
        match self {
            Step::Forward(l) if l == depth => "Forward to output".into(),
            Step::Forward(_) if depth == 2 => "Forward to hidden".into(),
            Step::Forward(l) => format!("Forward to hidden layer {l}"),
            Step::Loss => "Loss".into(),
            Step::GradY => "∂E/∂y".into(),
            Step::Delta(l) if l == depth => format!("δ_out and {}", b(l)),
            Step::Delta(l) if depth == 2 => format!("δ_hidden and {}", b(l)),
            Step::Delta(l) => format!("δ{} and {}", superscript(&format!("({l})")), b(l)),
            Step::GradW(l) => format!("∂E/∂W{}", superscript(&format!("({l})"))),
            Step::GradH(l) => format!("∂E/∂h{}", superscript(&sup(l))),
            Step::Update => "Update".into(),
        }
    }

    pub fn phase(self) -> Phase {
        match self {
            Step::Forward(_) => Phase::Forward,
            Step::Loss => Phase::Loss,
            Step::Update => Phase::Update,
            _ => Phase::Backward,
        }
    }
}

/// `text` as a superscript: `(2)` → `⁽²⁾`.
fn superscript(text: &str) -> String {
    crate::formula::Symbol {
        base: "",
        sub: String::new(),
        sup: text.to_string(),
    }
    .text()
}

/// The stages' ids, indices and titles for `arch`, without computing a pass.
pub fn stage_list(arch: &Arch) -> Vec<StageInfo> {
    plan(arch)
        .into_iter()
        .enumerate()
        .map(|(i, step)| StageInfo {
            id: step.id(),
            index: i + 1,
            title: step.title(arch),
        })
        .collect()
}

/// The stages of one pass, in order.
pub fn stages(pass: &Pass) -> Vec<Stage> {
    let tape = Tape { pass };
    let arch = &pass.state.arch;
    plan(arch)
        .into_iter()
        .enumerate()
        .map(|(i, step)| {
            let mut stage = match step {
                Step::Forward(l) => tape.forward(l),
                Step::Loss => tape.loss(),
                Step::GradY => tape.grad_y(),
                Step::Delta(l) => tape.delta(l),
                Step::GradW(l) => tape.grad_w(l),
                Step::GradH(l) => tape.grad_h(l),
                Step::Update => tape.update(),
            };
            stage.id = step.id();
            stage.index = i + 1;
            stage.title = step.title(arch);
            stage.phase = step.phase();
            stage
        })
        .collect()
}

/// Builds the stages of one pass; its methods live beside their phase.
struct Tape<'a> {
    pass: &'a Pass,
}

/// A stage with its edges, nodes, explanation and formulas; `stages` fills in the rest.
fn stage(
    edges: Vec<String>,
    nodes: Vec<String>,
    explanation: String,
    formulas: Vec<Formula>,
) -> Stage {
    Stage {
        id: String::new(),
        index: 0,
        title: String::new(),
        phase: Phase::Forward,
        edges,
        nodes,
        explanation,
        formulas,
    }
}

/// A formula line `lhs = rhs` of `kind` for `target`.
fn formula(kind: Quantity, target: String, lhs: Expr, rhs: Expr, value: f64) -> Formula {
    Formula {
        kind,
        param: None,
        target,
        lhs,
        relation: Relation::Equals,
        rhs,
        value,
        delta: None,
    }
}

impl Tape<'_> {
    fn arch(&self) -> &Arch {
        &self.pass.state.arch
    }

    /// The names of layer `l`'s neurons.
    fn nodes(&self, l: usize) -> Vec<String> {
        let arch = self.arch();
        arch.layer_nodes(l).map(|n| arch.node_name(n)).collect()
    }

    /// The names of weight layer `l`'s edges.
    fn edges(&self, l: usize) -> Vec<String> {
        let arch = self.arch();
        (0..arch.width(l - 1))
            .flat_map(|i| (0..arch.width(l)).map(move |j| format!("w{l}.{i}.{j}")))
            .collect()
    }

    fn node_name(&self, layer: usize, index: usize) -> String {
        self.arch().node_name(NodeId { layer, index })
    }

    /// `a⁽ˡ⁾ⱼ` (`xᵢ` for `l = 0`, `y` for the output) and its value.
    fn a(&self, l: usize, j: usize) -> Expr {
        Expr::var(
            symbols::node(self.arch(), NodeId { layer: l, index: j }),
            self.pass.forward.a[l][j],
        )
    }

    fn z(&self, l: usize, j: usize) -> Expr {
        Expr::var(symbols::z(self.arch(), l, j), self.pass.forward.z[l][j])
    }

    fn t(&self, k: usize) -> Expr {
        Expr::var(symbols::t(self.arch(), k), self.pass.state.example.t[k])
    }

    fn d_a(&self, l: usize, j: usize) -> Expr {
        Expr::grad(
            symbols::node(self.arch(), NodeId { layer: l, index: j }),
            self.pass.grads.d_a[l][j],
        )
    }

    fn d_z(&self, l: usize, j: usize) -> Expr {
        Expr::grad(symbols::z(self.arch(), l, j), self.pass.grads.d_z[l][j])
    }

    fn slope(&self, l: usize, j: usize) -> Expr {
        Expr::slope(
            self.arch().activation(l).name(),
            symbols::z(self.arch(), l, j),
            self.pass.slope(l, j),
        )
    }

    fn param(&self, id: crate::network::arch::ParamId) -> Expr {
        let arch = self.arch();
        Expr::var(
            symbols::param(arch, id),
            self.pass.state.params[arch.index(id)],
        )
    }

    fn eta(&self) -> Expr {
        Expr::var(crate::formula::Symbol::plain("η"), self.pass.state.lr)
    }
}
