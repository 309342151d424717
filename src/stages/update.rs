//! The update stage: every weight and bias takes one step.

use super::{stage, Stage, Tape};
use crate::formula::{Expr, Formula, Quantity, Relation};
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
        let order = match state.update_order {
            UpdateOrder::Simultaneous => "",
            UpdateOrder::OutputFirst => " Update order: output first (Mazur's earlier bug). The output layer is updated first, and each layer below takes its δ through the already-updated weights above it, so the gradients written here for the layers below the output differ from the backward pass's; the correct order is simultaneous, every gradient taken at the old weights.",
        };
        if state.direction == Direction::Ascent {
            return format!("This update adds the gradient, p ← p + η·∂E/∂p, exactly as the seed notebook's w += lr·grad does. Adding the gradient walks uphill: it is gradient ascent, and the loss grows at every step. The fix is to subtract it: p ← p − η·∂E/∂p.{order}{biases}");
        }
        let rule = match (self.pass.update_grads().1, state.mode) {
            (true, _) => format!(
                "against the mean gradient over all {} samples, p ← p − η·∂J/∂p, where J is the mean loss (batch gradient descent)",
                state.samples.len()
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
        format!("Gradient descent moves every weight and bias a small step {rule}{when}. (The seed notebook's loop adds the gradient instead: that climbs the loss.){order}{biases}")
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
        let frozen = id.is_bias() && !state.train_biases;
        let rhs = if frozen {
            before
        } else {
            let gradient = if mean {
                Expr::mean_grad(symbol.clone(), grad)
            } else {
                Expr::grad(symbol.clone(), grad)
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
                signed_rate(state.lr, state.direction) * grad
            }),
        }
    }
}
