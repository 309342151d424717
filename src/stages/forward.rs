//! The forward stages: one per layer, then the loss.

use super::{formula, stage, Stage, Tape};
use crate::formula::{Expr, Quantity, Symbol};
use crate::network::activation::Activation;
use crate::network::arch::ParamId;
use crate::network::loss::LossFn;
use crate::symbols;

/// How a stage's text names activation `act`: "the sigmoid", "tanh" …
pub(super) fn activation_phrase(act: Activation) -> &'static str {
    match act {
        Activation::Sigmoid => "squashes that sum with the sigmoid",
        Activation::Tanh => "squashes that sum with tanh",
        Activation::Relu => "passes that sum through ReLU (negative sums become 0)",
        Activation::Linear => "passes that sum on unchanged (a linear activation)",
    }
}

impl Tape<'_> {
    pub(super) fn forward(&self, l: usize) -> Stage {
        let arch = self.arch();
        let act = arch.activation(l);
        let mut formulas = Vec::new();
        for j in 0..arch.width(l) {
            let mut terms: Vec<Expr> = (0..arch.width(l - 1))
                .map(|i| {
                    Expr::product(vec![
                        self.a(l - 1, i),
                        self.param(ParamId::Weight {
                            layer: l,
                            from: i,
                            to: j,
                        }),
                    ])
                })
                .collect();
            terms.push(self.param(ParamId::Bias { layer: l, to: j }));
            let target = self.node_name(l, j);
            let (z, value) = (self.z(l, j), self.pass.forward.z[l][j]);
            formulas.push(formula(
                Quantity::PreActivation,
                target.clone(),
                z.clone(),
                Expr::sum(terms),
                value,
            ));
            formulas.push(formula(
                Quantity::Activation,
                target,
                self.a(l, j),
                Expr::apply(act.name(), z),
                self.pass.forward.a[l][j],
            ));
        }
        let mut nodes = self.nodes(l - 1);
        nodes.extend(self.nodes(l));
        let (a, z) = (
            symbols::layer(arch, l).text(),
            Symbol::layered("z", l, String::new()).text(),
        );
        let explanation = if l == arch.depth() && l > 1 {
            format!(
                "The output layer does the same with the activations below it: {z} is their weighted sum plus its bias, and it {}: {a} = {}.",
                activation_phrase(act),
                applied(act, &z)
            )
        } else {
            let who = if l == arch.depth() {
                "output neuron".to_string()
            } else if arch.depth() == 2 {
                "hidden neuron".to_string()
            } else {
                format!("neuron of hidden layer {l}")
            };
            format!(
                "Each {who} adds up its weighted inputs and its bias into {z}, then {}: {a} = {}.",
                activation_phrase(act),
                applied(act, &z)
            )
        };
        stage(self.edges(l), nodes, explanation, formulas)
    }

    pub(super) fn loss(&self) -> Stage {
        let loss = self.pass.forward.loss;
        let outputs = self.arch().outputs();
        let terms: Vec<Expr> = (0..outputs).map(|k| self.loss_expr(k)).collect();
        let rhs = if outputs == 1 {
            terms.into_iter().next().unwrap_or(Expr::number(0.0))
        } else {
            Expr::sum(terms)
        };
        let mut nodes = self.nodes(self.arch().depth());
        nodes.extend((0..outputs).map(|k| format!("t.{k}")));
        nodes.push("loss".into());
        let sum = if outputs > 1 {
            ", summed over the outputs"
        } else {
            ""
        };
        stage(
            Vec::new(),
            nodes,
            format!(
                "The loss measures how far the output is from the target: E = {}{sum}. Backpropagation starts here and works backwards.",
                self.loss_text()
            ),
            vec![formula(Quantity::Loss, "loss".into(), Expr::var(Symbol::plain("E"), loss), rhs, loss)],
        )
    }

    /// One output's term of the loss: `(y − t)²`, `½·(y − t)²` or `−[t ln y + (1 − t) ln(1 − y)]`.
    fn loss_expr(&self, k: usize) -> Expr {
        let l = self.arch().depth();
        let (y, t) = (self.a(l, k), self.t(k));
        let square = || Expr::square(Expr::difference(y.clone(), t.clone()));
        match self.pass.state.loss_fn {
            LossFn::Squared => square(),
            LossFn::HalfSquared => Expr::product(vec![Expr::number(0.5), square()]),
            LossFn::CrossEntropy => Expr::product(vec![
                Expr::number(-1.0),
                Expr::sum(vec![
                    Expr::product(vec![t.clone(), Expr::ln(y.clone())]),
                    Expr::product(vec![
                        Expr::difference(Expr::number(1.0), t),
                        Expr::ln(Expr::difference(Expr::number(1.0), y)),
                    ]),
                ]),
            ]),
        }
    }

    pub(super) fn loss_text(&self) -> &'static str {
        match self.pass.state.loss_fn {
            LossFn::Squared => "(y − t)²",
            LossFn::HalfSquared => "½(y − t)²",
            LossFn::CrossEntropy => "−[t ln y + (1 − t) ln(1 − y)] (cross-entropy)",
        }
    }
}

/// `σ(z)`, `tanh(z)`, `ReLU(z)`, or `z` itself for a linear activation.
fn applied(act: Activation, z: &str) -> String {
    match act {
        Activation::Linear => z.to_string(),
        _ => format!("{}({z})", function_text(act)),
    }
}

/// `σ`, `tanh`, `ReLU` or the identity as text.
pub(super) fn function_text(act: Activation) -> &'static str {
    match act {
        Activation::Sigmoid => "σ",
        Activation::Tanh => "tanh",
        Activation::Relu => "ReLU",
        Activation::Linear => "",
    }
}
