//! The backward stages: from ∂E/∂y back to ∂E/∂W⁽¹⁾, one link of the chain rule at a time.

use super::{formula, stage, superscript, Stage, Tape};
use crate::formula::{Expr, Quantity};
use crate::network::activation::Activation;
use crate::network::arch::ParamId;
use crate::network::loss::LossFn;
use crate::symbols;

impl Tape<'_> {
    fn cross_entropy(&self) -> bool {
        self.pass.state.loss_fn == LossFn::CrossEntropy
    }

    pub(super) fn grad_y(&self) -> Stage {
        let l = self.arch().depth();
        let formulas = (0..self.arch().outputs())
            .map(|k| {
                let (y, t) = (self.a(l, k), self.t(k));
                let diff = Expr::difference(y.clone(), t);
                let rhs = match self.pass.state.loss_fn {
                    LossFn::Squared => Expr::product(vec![Expr::number(2.0), diff]),
                    LossFn::HalfSquared => diff,
                    LossFn::CrossEntropy => Expr::quotient(
                        diff,
                        Expr::product(vec![y.clone(), Expr::difference(Expr::number(1.0), y)]),
                    ),
                };
                formula(
                    Quantity::NodeGrad,
                    self.node_name(l, k),
                    self.d_a(l, k),
                    rhs,
                    self.pass.grads.d_a[l][k],
                )
            })
            .collect();
        let derivative = match self.pass.state.loss_fn {
            LossFn::Squared => "2(y − t)",
            LossFn::HalfSquared => "y − t: the ½ cancels the 2 from the square",
            LossFn::CrossEntropy => {
                "(y − t) / (y(1 − y)), which grows without bound as a wrong output saturates"
            }
        };
        let mut nodes = vec!["loss".to_string()];
        nodes.extend(self.nodes(l));
        stage(
            Vec::new(),
            nodes,
            format!(
                "How fast the loss changes when the output changes: the first link of the chain rule. For E = {} it is {derivative}. A negative value means a larger y would lower E.",
                self.loss_text()
            ),
            formulas,
        )
    }

    pub(super) fn delta(&self, l: usize) -> Stage {
        let arch = self.arch();
        let act = arch.activation(l);
        let g = &self.pass.grads;
        let output_ce = l == arch.depth() && self.cross_entropy();
        let mut formulas = Vec::new();
        for j in 0..arch.width(l) {
            let target = self.node_name(l, j);
            formulas.push(formula(
                Quantity::Slope,
                target.clone(),
                self.slope(l, j),
                slope_rule(act, self.a(l, j), self.z(l, j)),
                self.pass.slope(l, j),
            ));
            let rhs = if output_ce {
                Expr::difference(self.a(l, j), self.t(j))
            } else {
                Expr::product(vec![self.d_a(l, j), self.slope(l, j)])
            };
            formulas.push(formula(
                Quantity::NodeGrad,
                target.clone(),
                self.d_z(l, j),
                rhs,
                g.d_z[l][j],
            ));
            let bias = ParamId::Bias { layer: l, to: j };
            let mut b = formula(
                Quantity::ParamGrad,
                target,
                Expr::grad(symbols::param(arch, bias), g.d_params[arch.index(bias)]),
                self.d_z(l, j),
                g.d_params[arch.index(bias)],
            );
            b.param = Some(bias.name());
            formulas.push(b);
        }
        let z = symbols::z(arch, l, 0).sup;
        let z = format!("z{}", superscript(&z));
        let a = symbols::layer(arch, l).text();
        let explanation = if output_ce {
            format!("With cross-entropy, ∂E/∂y · σ′({z}) = (y − t)/(y(1 − y)) · y(1 − y) = y − t: the sigmoid's slope cancels, so δ_out = y − t however saturated the output is. The bias adds straight into {z}, so its gradient is δ_out too.")
        } else {
            let delta = if l == arch.depth() {
                "δ_out".to_string()
            } else if arch.depth() == 2 {
                "δ_hidden".to_string()
            } else {
                format!("δ{}", superscript(&format!("({l})")))
            };
            format!(
                "Multiply by the activation's slope, {}, to get {delta} = ∂E/∂{z}, the error signal of each neuron of this layer. The bias adds straight into {z}, so ∂E/∂b{} = {delta}.",
                slope_text(act, &a, &z),
                superscript(&format!("({l})"))
            )
        };
        stage(Vec::new(), self.nodes(l), explanation, formulas)
    }

    pub(super) fn grad_w(&self, l: usize) -> Stage {
        let arch = self.arch();
        let g = &self.pass.grads;
        let output_ce = l == arch.depth() && self.cross_entropy();
        let mut formulas = Vec::new();
        for i in 0..arch.width(l - 1) {
            for j in 0..arch.width(l) {
                let id = ParamId::Weight {
                    layer: l,
                    from: i,
                    to: j,
                };
                let value = g.d_params[arch.index(id)];
                let rhs = if output_ce {
                    Expr::product(vec![self.d_z(l, j), self.a(l - 1, i)])
                } else {
                    Expr::product(vec![self.d_a(l, j), self.slope(l, j), self.a(l - 1, i)])
                };
                let mut f = formula(
                    Quantity::ParamGrad,
                    id.name(),
                    Expr::grad(symbols::param(arch, id), value),
                    rhs,
                    value,
                );
                f.param = Some(id.name());
                formulas.push(f);
            }
        }
        let mut nodes = self.nodes(l);
        nodes.extend(self.nodes(l - 1));
        let below = symbols::layer(arch, l - 1).text();
        stage(
            self.edges(l),
            nodes,
            format!(
                "Each weight's gradient is the error signal of the neuron it feeds times the activation that flows through it: ∂E/∂w{}ᵢⱼ = ∂E/∂z{}ⱼ · {below}ᵢ.",
                superscript(&format!("({l})")),
                superscript(&format!("({l})")),
            ),
            formulas,
        )
    }

    pub(super) fn grad_h(&self, l: usize) -> Stage {
        let arch = self.arch();
        let above = l + 1;
        let formulas = (0..arch.width(l))
            .map(|i| {
                let terms: Vec<Expr> = (0..arch.width(above))
                    .map(|j| {
                        Expr::product(vec![
                            self.d_z(above, j),
                            self.param(ParamId::Weight {
                                layer: above,
                                from: i,
                                to: j,
                            }),
                        ])
                    })
                    .collect();
                let rhs = if terms.len() == 1 {
                    terms.into_iter().next().unwrap_or(Expr::number(0.0))
                } else {
                    Expr::sum(terms)
                };
                formula(
                    Quantity::NodeGrad,
                    self.node_name(l, i),
                    self.d_a(l, i),
                    rhs,
                    self.pass.grads.d_a[l][i],
                )
            })
            .collect();
        let mut nodes = self.nodes(above);
        nodes.extend(self.nodes(l));
        let explanation = if arch.width(above) == 1 {
            "The error signal flows back along the same weights: each neuron below receives the error signal above it times the weight that connects them.".to_string()
        } else {
            "The error signal flows back along the same weights: each neuron below adds up, over the neurons it feeds, their error signal times the weight that connects them.".to_string()
        };
        stage(self.edges(above), nodes, explanation, formulas)
    }
}

/// `a(1 − a)`, `1 − a²`, `[z > 0]` or `1`: the slope from the neuron's own values.
fn slope_rule(act: Activation, a: Expr, z: Expr) -> Expr {
    match act {
        Activation::Sigmoid => {
            Expr::product(vec![a.clone(), Expr::difference(Expr::number(1.0), a)])
        }
        Activation::Tanh => Expr::difference(Expr::number(1.0), Expr::square(a)),
        Activation::Relu => Expr::positive(z),
        Activation::Linear => Expr::number(1.0),
    }
}

/// The slope rule in words, for the explanation.
fn slope_text(act: Activation, a: &str, z: &str) -> String {
    match act {
        Activation::Sigmoid => format!("σ′({z}) = {a}(1 − {a})"),
        Activation::Tanh => format!("tanh′({z}) = 1 − {a}²"),
        Activation::Relu => format!(
            "ReLU′({z}) = [{z} > 0] (1 where the sum is positive, 0 otherwise, and 0 at exactly 0)"
        ),
        Activation::Linear => format!("linear′({z}) = 1"),
    }
}
