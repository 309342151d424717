//! The values each mistake gives, question by question, in the order of the tape's formulas
//! (see `stages/`): every number here is computed from the pass's own values, the way a learner
//! with that misconception would compute it from the numbers the page shows.

use super::{Mistake, MistakeKind, Question};
use crate::evaluate::Pass;
use crate::network::activation::Activation;
use crate::network::arch::{Arch, NodeId, ParamId};
use crate::network::loss::LossFn;
use crate::stages::Step;
use crate::state::Direction;
use crate::symbols;
use crate::train::rule::signed_rate;

/// The questions of `step`, one per formula of its stage, in the same order.
pub(super) fn questions(pass: &Pass, step: Step) -> Vec<Question> {
    let m = Mistakes { pass };
    let arch = &pass.state.arch;
    match step {
        Step::Forward(l) => (0..arch.width(l))
            .flat_map(|j| [m.pre_activation(l, j), m.activation(l, j)])
            .collect(),
        Step::Loss => vec![m.signed(pass.forward.loss, Vec::new())],
        Step::GradY => (0..arch.outputs()).map(|k| m.grad_y(k)).collect(),
        Step::Delta(l) => (0..arch.width(l))
            .flat_map(|j| [m.slope(l, j), m.delta(l, j), m.delta(l, j)])
            .collect(),
        Step::GradW(l) => (0..arch.width(l - 1))
            .flat_map(|i| (0..arch.width(l)).map(move |j| (i, j)))
            .map(|(i, j)| m.grad_w(l, i, j))
            .collect(),
        Step::GradH(l) => (0..arch.width(l)).map(|i| m.grad_h(l, i)).collect(),
        Step::Update => arch.params().into_iter().map(|id| m.update(id)).collect(),
    }
}

struct Mistakes<'a> {
    pass: &'a Pass,
}

fn mistake(kind: MistakeKind, value: f64, explanation: String) -> Mistake {
    Mistake {
        kind,
        value,
        explanation,
    }
}

/// `wl[to][from]`, the weight with the indices of `wl[from][to]` swapped, when it exists.
fn transposed(arch: &Arch, layer: usize, from: usize, to: usize) -> Option<ParamId> {
    (to < arch.width(layer - 1) && from < arch.width(layer)).then_some(weight(layer, to, from))
}

/// Like [`transposed`], but only for a weight whose indices differ.
fn swapped(arch: &Arch, layer: usize, from: usize, to: usize) -> Option<ParamId> {
    if from == to {
        None
    } else {
        transposed(arch, layer, from, to)
    }
}

fn weight(layer: usize, from: usize, to: usize) -> ParamId {
    ParamId::Weight { layer, from, to }
}

impl Mistakes<'_> {
    fn arch(&self) -> &Arch {
        &self.pass.state.arch
    }

    fn sym(&self, id: ParamId) -> String {
        symbols::param(self.arch(), id).text()
    }

    fn param(&self, id: ParamId) -> f64 {
        self.pass.state.params[self.arch().index(id)]
    }

    /// The question for `value`, with a sign error and the `others`.
    fn signed(&self, value: f64, mut others: Vec<Mistake>) -> Question {
        let sign = mistake(
            MistakeKind::Sign,
            -value,
            "a sign error: the size is right, the sign is flipped".into(),
        );
        others.insert(0, sign);
        Question {
            value,
            mistakes: others,
        }
    }

    fn is_output_ce(&self, l: usize) -> bool {
        l == self.arch().depth() && self.pass.state.loss_fn == LossFn::CrossEntropy
    }

    fn pre_activation(&self, l: usize, j: usize) -> Question {
        let arch = self.arch();
        let a = &self.pass.forward.a[l - 1];
        let bias = self.param(ParamId::Bias { layer: l, to: j });
        let transposed: Option<f64> = (0..arch.width(l - 1))
            .map(|i| transposed(arch, l, i, j).map(|id| a[i] * self.param(id)))
            .sum::<Option<f64>>()
            .map(|sum| sum + bias);
        let mut others = Vec::new();
        if let Some(value) = transposed {
            others.push(mistake(
                MistakeKind::SwappedIndex,
                value,
                format!(
                    "swapped weight indices: w{}ⱼᵢ in place of w{}ᵢⱼ (wᵢⱼ runs from neuron i below to neuron j above, so z{}ⱼ sums xᵢ·wᵢⱼ over i)",
                    layer_sup(l),
                    layer_sup(l),
                    layer_sup(l)
                ),
            ));
        }
        self.signed(self.pass.forward.z[l][j], others)
    }

    fn activation(&self, l: usize, j: usize) -> Question {
        self.signed(self.pass.forward.a[l][j], Vec::new())
    }

    fn grad_y(&self, k: usize) -> Question {
        let value = self.pass.grads.d_a[self.arch().depth()][k];
        self.signed(value, self.factor_2(value))
    }

    /// Half of `value`, for a quantity proportional to `∂E/∂y` under `E = (y − t)²`.
    fn factor_2(&self, value: f64) -> Vec<Mistake> {
        if self.pass.state.loss_fn != LossFn::Squared {
            return Vec::new();
        }
        vec![mistake(
            MistakeKind::MissingFactor2,
            value / 2.0,
            "a missing factor 2: under E = (y − t)², ∂E/∂y = 2(y − t), not y − t".into(),
        )]
    }

    /// `f′(z)` computed from `z` instead of `a`, for σ and tanh.
    fn slope_from_z(&self, l: usize, j: usize) -> Option<(f64, String)> {
        let arch = self.arch();
        let (z, a) = (
            symbols::z(arch, l, j).text(),
            symbols::node(arch, NodeId { layer: l, index: j }).text(),
        );
        let zv = self.pass.forward.z[l][j];
        match arch.activation(l) {
            Activation::Sigmoid => Some((
                zv * (1.0 - zv),
                format!("σ′ taken from z instead of from a = σ(z): σ′({z}) = {a}(1 − {a}), not {z}(1 − {z}) (the seed notebook's sigmoid_derivative(x) = x * (1 - x) expects the activation)"),
            )),
            Activation::Tanh => Some((
                1.0 - zv * zv,
                format!("tanh′ taken from z instead of from a = tanh(z): tanh′({z}) = 1 − {a}², not 1 − {z}²"),
            )),
            Activation::Relu | Activation::Linear => None,
        }
    }

    fn slope(&self, l: usize, j: usize) -> Question {
        let others = self
            .slope_from_z(l, j)
            .map(|(value, text)| mistake(MistakeKind::SlopeFromZ, value, text))
            .into_iter()
            .collect();
        self.signed(self.pass.slope(l, j), others)
    }

    /// `∂E/∂h⁽ˡ⁾ᵢ` computed with the already-updated weights of layer `l + 1`.
    fn grad_h_updated(&self, l: usize, i: usize) -> f64 {
        let arch = self.arch();
        let next = &self.pass.next.params;
        (0..arch.width(l + 1))
            .map(|j| self.pass.grads.d_z[l + 1][j] * next[arch.index(weight(l + 1, i, j))])
            .sum()
    }

    fn updated_text(&self, l: usize) -> String {
        let above = if l + 1 == self.arch().depth() {
            "output weights".to_string()
        } else {
            "weights".to_string()
        };
        format!(
            "computed with the already-updated {above} W{}: every gradient of the pass uses the weights from before the update (the bug in Mazur's own earlier code)",
            layer_sup(l + 1)
        )
    }

    /// The mistakes of a quantity `factor · δ⁽ˡ⁾ⱼ` (δ itself, ∂E/∂b, ∂E/∂w with factor aᵢ).
    fn through_delta(&self, l: usize, j: usize, factor: f64) -> Vec<Mistake> {
        let arch = self.arch();
        let mut others = Vec::new();
        let value = self.pass.grads.d_z[l][j] * factor;
        if !self.is_output_ce(l) {
            let d_a = self.pass.grads.d_a[l][j];
            if let Some((slope, text)) = self.slope_from_z(l, j) {
                others.push(mistake(MistakeKind::SlopeFromZ, d_a * slope * factor, text));
            }
        }
        if l == arch.depth() {
            others.extend(self.factor_2(value));
        } else {
            others.push(mistake(
                MistakeKind::UpdatedWeights,
                self.grad_h_updated(l, j) * self.pass.slope(l, j) * factor,
                self.updated_text(l),
            ));
        }
        others
    }

    fn delta(&self, l: usize, j: usize) -> Question {
        self.signed(self.pass.grads.d_z[l][j], self.through_delta(l, j, 1.0))
    }

    fn grad_w(&self, l: usize, i: usize, j: usize) -> Question {
        let arch = self.arch();
        let g = &self.pass.grads.d_params;
        let id = weight(l, i, j);
        let mut others = self.through_delta(l, j, self.pass.forward.a[l - 1][i]);
        if let Some(other) = swapped(arch, l, i, j) {
            others.push(mistake(
                MistakeKind::SwappedIndex,
                g[arch.index(other)],
                format!(
                    "swapped weight indices: that is ∂E/∂{} = δ{}ᵢ·aⱼ, not ∂E/∂{} = δⱼ·aᵢ",
                    self.sym(other),
                    layer_sup(l),
                    self.sym(id)
                ),
            ));
        }
        self.signed(g[arch.index(id)], others)
    }

    fn grad_h(&self, l: usize, i: usize) -> Question {
        let arch = self.arch();
        let d_z = &self.pass.grads.d_z[l + 1];
        let transposed: Option<f64> = (0..arch.width(l + 1))
            .map(|j| transposed(arch, l + 1, i, j).map(|id| d_z[j] * self.param(id)))
            .sum();
        let mut others = vec![mistake(
            MistakeKind::UpdatedWeights,
            self.grad_h_updated(l, i),
            self.updated_text(l),
        )];
        if let Some(value) = transposed {
            others.push(mistake(
                MistakeKind::SwappedIndex,
                value,
                format!(
                    "swapped weight indices: wⱼᵢ in place of wᵢⱼ; neuron i below is joined to neuron j above by w{}ᵢⱼ",
                    layer_sup(l + 1)
                ),
            ));
        }
        self.signed(self.pass.grads.d_a[l][i], others)
    }

    fn update(&self, id: ParamId) -> Question {
        let (state, arch) = (&self.pass.state, self.arch());
        let k = arch.index(id);
        let (grads, _) = self.pass.update_grads();
        let (old, new) = (state.params[k], self.pass.next.params[k]);
        let mut others = Vec::new();
        let trained = !id.is_bias() || state.train_biases;
        if trained {
            let rate = signed_rate(state.lr, state.direction);
            let text = match state.direction {
                Direction::Descent => "a step the wrong way: descent subtracts η·∂E/∂p (adding it climbs the loss, the seed notebook's += bug)",
                Direction::Ascent => "a step the wrong way: this update is set to add η·∂E/∂p (the notebook's +=), not subtract it",
            };
            others.push(mistake(
                MistakeKind::StepDirection,
                old - rate * grads[k],
                text.into(),
            ));
            if let ParamId::Weight { layer, from, to } = id {
                if let Some(other) = swapped(arch, layer, from, to) {
                    others.push(mistake(
                        MistakeKind::SwappedIndex,
                        old + rate * grads[arch.index(other)],
                        format!(
                            "swapped weight indices: the step used ∂E/∂{} instead of ∂E/∂{}",
                            self.sym(other),
                            self.sym(id)
                        ),
                    ));
                }
            }
        }
        self.signed(new, others)
    }
}

/// `⁽ˡ⁾`.
fn layer_sup(l: usize) -> String {
    crate::formula::Symbol {
        base: "",
        sub: String::new(),
        sup: format!("({l})"),
    }
    .text()
}
