//! The update stage: every weight and bias takes one step.

use super::{stage, Stage, Tape};
use crate::formula::{Expr, Formula, Quantity, Relation, Symbol};
use crate::network::arch::{NodeId, ParamId};
use crate::state::{Direction, Mode, UpdateOrder};
use crate::symbols;
use crate::train::rule::signed_rate;

impl Tape<'_> {
    pub(super) fn update(&self) -> Stage {
        let arch = self.arch();
        let formulas = arch
            .params()
            .into_iter()
            .map(|id| self.assign(id))
            .collect();
        let edges = (1..=arch.depth()).flat_map(|l| self.edges(l)).collect();
        let nodes = (1..=arch.depth()).flat_map(|l| self.nodes(l)).collect();
        stage(edges, nodes, self.update_explanation(), formulas)
    }

    fn update_explanation(&self) -> String {
        let state = &self.pass.state;
        let biases = if state.train_biases {
            ""
        } else {
            " The biases are not trained here (train_biases is off): they keep their values."
        };
        if self.pass.updates_on_held_out() {
            return "This sample is held out for testing, and training never uses the test split: the update leaves every parameter as it is. Pick a training sample to see one take its step.".to_string();
        }
        let order = match state.update_order {
            UpdateOrder::Simultaneous => "",
            UpdateOrder::OutputFirst => " Update order: output first (Mazur's earlier bug). The output layer is updated first, and each layer below takes its δ through the already-updated weights above it, so the gradients written here for the layers below the output differ from the backward pass's; the correct order is simultaneous, every gradient taken at the old weights.",
        };
        if state.direction == Direction::Ascent {
            return format!("This update adds the gradient, p ← p + η·∂E/∂p, exactly as the seed notebook's w += lr·grad does. Adding the gradient walks uphill: it is gradient ascent, and the loss grows at every step. The fix is to subtract it: p ← p − η·∂E/∂p.{order}{biases}");
        }
        let train = self.pass.held_out.iter().filter(|out| !**out).count();
        let held = if train < state.samples.len() {
            format!(
                " ({} held out for testing are not used)",
                state.samples.len() - train
            )
        } else {
            String::new()
        };
        let rule = match (self.pass.update_grads().1, state.mode) {
            (true, Mode::MiniBatch) => format!(
                "against the mean gradient over all {train} training samples{held}, p ← p − η·∂J/∂p (Train instead updates once per shuffled mini-batch of {} samples)",
                state.batch_size
            ),
            (true, _) => format!(
                "against the mean gradient over all {train} training samples{held}, p ← p − η·∂J/∂p, where J is the mean loss (batch gradient descent)"
            ),
            (false, Mode::PerSample) if !state.samples.is_empty() => {
                "against this sample's own gradient, p ← p − η·∂E/∂p (per-sample updates: one sample at a time)".to_string()
            }
            _ => "against its gradient, p ← p − η·∂E/∂p".to_string(),
        };
        let when = match state.update_order {
            UpdateOrder::Simultaneous => {
                ", with all gradients taken at the old parameters (update order: simultaneous)"
            }
            UpdateOrder::OutputFirst => "",
        };
        let l2 = if state.l2 > 0.0 {
            " L2 regularisation adds ½λ·Σw² to J, so each weight's gradient gains its own term ∂(½λw²)/∂w = λw, which pulls the weight toward 0 (weights only: the biases are not regularised)."
        } else {
            ""
        };
        format!("Gradient descent moves every weight and bias a small step {rule}{when}. (The seed notebook's loop adds the gradient instead: that climbs the loss.){order}{l2}{biases}")
    }

    /// `p ← p − η·∂E/∂p` (or `+` for ascent, `∂J` for a batch mean; `b ← b` when biases are
    /// not trained).
    fn assign(&self, id: ParamId) -> Formula {
        let (state, arch) = (&self.pass.state, self.arch());
        let k = arch.index(id);
        let (grads, mean) = self.pass.update_grads();
        let (old, grad, new) = (state.params[k], grads[k], self.pass.next.params[k]);
        let symbol = symbols::param(arch, id);
        let before = Expr::var(symbol.clone(), old);
        let frozen = (id.is_bias() && !state.train_biases) || self.pass.updates_on_held_out();
        let decays = !id.is_bias() && state.l2 > 0.0;
        let decay = if decays { state.l2 * old } else { 0.0 };
        let rhs = if frozen {
            before
        } else {
            let data = if mean {
                Expr::mean_grad(symbol.clone(), grad)
            } else {
                Expr::grad(symbol.clone(), grad)
            };
            let gradient = if decays {
                let lambda = Expr::var(Symbol::plain("λ"), state.l2);
                Expr::sum(vec![
                    data,
                    Expr::product(vec![lambda, Expr::var(symbol.clone(), old)]),
                ])
            } else {
                data
            };
            let step = Expr::product(vec![self.eta(), gradient]);
            match state.direction {
                Direction::Descent => Expr::difference(before, step),
                Direction::Ascent => Expr::sum(vec![before, step]),
            }
        };
        let target = match id {
            ParamId::Weight { .. } => id.name(),
            ParamId::Bias { layer, to } => arch.node_name(NodeId { layer, index: to }),
        };
        Formula {
            kind: Quantity::Update,
            param: Some(id.name()),
            target,
            lhs: Expr::var(symbol, new),
            relation: Relation::Assign,
            rhs,
            value: new,
            delta: Some(if frozen {
                0.0
            } else {
                signed_rate(state.lr, state.direction) * (grad + decay)
            }),
        }
    }
}
