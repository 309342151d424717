//! The architecture: how many neurons each layer has and which activation each layer uses, and
//! the typed identifiers of its neurons and parameters.
//!
//! Layer 0 is the input `x`; layers `1 … L−1` are hidden (`h1 … h(L−1)`); layer `L` is the
//! output `y`. Weight layer `l` connects layer `l − 1` to layer `l`: `wl[i][j]` is neuron `i`
//! of layer `l − 1` → neuron `j` of layer `l`. The parameters are held flat, layer by layer:
//! `w1` row by row, `b1`, `w2` row by row, `b2`, …

use crate::error::Error;
use crate::network::activation::Activation;

/// Most inputs a network may have.
pub const MAX_INPUTS: usize = 4;
/// Most outputs a network may have.
pub const MAX_OUTPUTS: usize = 4;
/// Most hidden layers a network may have.
pub const MAX_HIDDEN_LAYERS: usize = 6;
/// Most neurons in one hidden layer.
pub const MAX_WIDTH: usize = 8;

/// The shape of a network and its activations.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Arch {
    widths: Vec<usize>,
    activations: Vec<Activation>,
    /// Where each weight layer's block starts in the flat parameters; one entry per layer,
    /// plus the total at the end.
    offsets: Vec<usize>,
}

/// A weight or a bias.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParamId {
    /// `wl[from][to]`.
    Weight {
        layer: usize,
        from: usize,
        to: usize,
    },
    /// `bl[to]`.
    Bias { layer: usize, to: usize },
}

impl ParamId {
    /// The parameter's name on the page and in links: `w1.0.1`, `b2.0`.
    pub fn name(self) -> String {
        match self {
            ParamId::Weight { layer, from, to } => format!("w{layer}.{from}.{to}"),
            ParamId::Bias { layer, to } => format!("b{layer}.{to}"),
        }
    }

    /// The weight layer it belongs to (from 1).
    pub fn layer(self) -> usize {
        match self {
            ParamId::Weight { layer, .. } | ParamId::Bias { layer, .. } => layer,
        }
    }

    pub fn is_bias(self) -> bool {
        matches!(self, ParamId::Bias { .. })
    }
}

/// A neuron: `index` in `layer` (0 = inputs, `L` = outputs).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NodeId {
    pub layer: usize,
    pub index: usize,
}

impl Arch {
    /// An architecture from its layer widths (inputs first, outputs last) and one activation
    /// per layer after the inputs; fails, naming the field, beyond the limits.
    pub fn new(widths: Vec<usize>, activations: Vec<Activation>) -> Result<Self, Error> {
        let layers = widths.len().saturating_sub(1);
        if layers == 0 || layers > MAX_HIDDEN_LAYERS + 1 {
            return Err(Error::new(
                "state",
                format!(
                    "a network has from 0 to {MAX_HIDDEN_LAYERS} hidden layers (so 1 to {} weight layers w1 … wL), got {layers}",
                    MAX_HIDDEN_LAYERS + 1
                ),
            ));
        }
        let limit = |l: usize| match l {
            0 => ("x", "inputs", MAX_INPUTS),
            l if l == layers => ("t", "outputs", MAX_OUTPUTS),
            _ => ("w", "neurons in a hidden layer", MAX_WIDTH),
        };
        for (l, &width) in widths.iter().enumerate() {
            let (field, what, max) = limit(l);
            if width == 0 || width > max {
                let field = if field == "w" {
                    format!("w{l}")
                } else {
                    field.to_string()
                };
                return Err(Error::new(
                    field,
                    format!("a network has 1 to {max} {what}, got {width} in layer {l}"),
                ));
            }
        }
        if activations.len() != layers {
            return Err(Error::new(
                "activations",
                format!(
                    "activations must name one activation per layer after the inputs ({layers}), got {}",
                    activations.len()
                ),
            ));
        }
        let mut offsets = Vec::with_capacity(layers + 1);
        let mut total = 0;
        for l in 1..=layers {
            offsets.push(total);
            total += widths[l - 1] * widths[l] + widths[l];
        }
        offsets.push(total);
        Ok(Arch {
            widths,
            activations,
            offsets,
        })
    }

    /// The seed notebook's 2-2-1 sigmoid network.
    pub fn seed() -> Self {
        Arch {
            widths: vec![2, 2, 1],
            activations: vec![Activation::Sigmoid; 2],
            offsets: vec![0, 6, 9],
        }
    }

    /// The widths of layers `0 … L`.
    pub fn widths(&self) -> &[usize] {
        &self.widths
    }

    /// One activation per layer `1 … L`.
    pub fn activations(&self) -> &[Activation] {
        &self.activations
    }

    /// `L`: the number of weight layers (hidden layers + 1).
    #[inline]
    pub fn depth(&self) -> usize {
        self.widths.len() - 1
    }

    /// The number of neurons in layer `l`.
    #[inline]
    pub fn width(&self, l: usize) -> usize {
        self.widths[l]
    }

    pub fn inputs(&self) -> usize {
        self.widths[0]
    }

    pub fn outputs(&self) -> usize {
        self.widths[self.depth()]
    }

    /// The activation of layer `l` (from 1).
    #[inline]
    pub fn activation(&self, l: usize) -> Activation {
        self.activations[l - 1]
    }

    /// The number of weights and biases.
    #[inline]
    pub fn param_count(&self) -> usize {
        self.offsets[self.depth()]
    }

    /// Where `wl` starts in the flat parameters (row-major, `width(l−1) × width(l)`).
    #[inline]
    pub fn weights_at(&self, l: usize) -> usize {
        self.offsets[l - 1]
    }

    /// Where `bl` starts in the flat parameters.
    #[inline]
    pub fn biases_at(&self, l: usize) -> usize {
        self.offsets[l - 1] + self.widths[l - 1] * self.widths[l]
    }

    /// `wl`, row-major, out of the flat parameters.
    #[inline]
    pub fn weights<'p>(&self, params: &'p [f64], l: usize) -> &'p [f64] {
        let at = self.weights_at(l);
        &params[at..at + self.widths[l - 1] * self.widths[l]]
    }

    /// `bl` out of the flat parameters.
    #[inline]
    pub fn biases<'p>(&self, params: &'p [f64], l: usize) -> &'p [f64] {
        let at = self.biases_at(l);
        &params[at..at + self.widths[l]]
    }

    /// The position of `id` in the flat parameters.
    pub fn index(&self, id: ParamId) -> usize {
        match id {
            ParamId::Weight { layer, from, to } => {
                self.weights_at(layer) + from * self.widths[layer] + to
            }
            ParamId::Bias { layer, to } => self.biases_at(layer) + to,
        }
    }

    /// Every parameter, in storage order.
    pub fn params(&self) -> Vec<ParamId> {
        let mut out = Vec::with_capacity(self.param_count());
        for layer in 1..=self.depth() {
            for from in 0..self.widths[layer - 1] {
                for to in 0..self.widths[layer] {
                    out.push(ParamId::Weight { layer, from, to });
                }
            }
            for to in 0..self.widths[layer] {
                out.push(ParamId::Bias { layer, to });
            }
        }
        out
    }

    /// The parameter named `name` (`w2.1.0`, `b1.0`), if this network has it.
    pub fn param_named(&self, name: &str) -> Option<ParamId> {
        let (kind, rest) = name.split_at_checked(1)?;
        let mut parts = rest.split('.');
        let layer: usize = parts.next()?.parse().ok()?;
        let first: usize = parts.next()?.parse().ok()?;
        let second = parts.next().map(str::parse::<usize>);
        if parts.next().is_some() || layer == 0 || layer > self.depth() {
            return None;
        }
        let id = match (kind, second) {
            ("w", Some(Ok(to))) => ParamId::Weight {
                layer,
                from: first,
                to,
            },
            ("b", None) => ParamId::Bias { layer, to: first },
            _ => return None,
        };
        let fits = match id {
            ParamId::Weight { from, to, .. } => {
                from < self.widths[layer - 1] && to < self.widths[layer]
            }
            ParamId::Bias { to, .. } => to < self.widths[layer],
        };
        fits.then_some(id)
    }

    /// The parameter at position `index` of the flat parameters.
    pub fn param_at(&self, index: usize) -> Option<ParamId> {
        let layer = (1..=self.depth()).find(|&l| index < self.offsets[l])?;
        let local = index - self.offsets[layer - 1];
        let (rows, cols) = (self.widths[layer - 1], self.widths[layer]);
        Some(if local < rows * cols {
            ParamId::Weight {
                layer,
                from: local / cols,
                to: local % cols,
            }
        } else {
            ParamId::Bias {
                layer,
                to: local - rows * cols,
            }
        })
    }

    /// A neuron's name on the page: `x.0`, `h1.1` (hidden layer 1), `y.0`.
    pub fn node_name(&self, node: NodeId) -> String {
        let NodeId { layer, index } = node;
        if layer == 0 {
            format!("x.{index}")
        } else if layer == self.depth() {
            format!("y.{index}")
        } else {
            format!("h{layer}.{index}")
        }
    }

    /// The neurons of layer `l`.
    pub fn layer_nodes(&self, l: usize) -> impl Iterator<Item = NodeId> {
        (0..self.widths[l]).map(move |index| NodeId { layer: l, index })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn arch(widths: &[usize]) -> Arch {
        let acts = vec![Activation::Tanh; widths.len() - 1];
        Arch::new(widths.to_vec(), acts).expect("within the limits")
    }

    #[test]
    fn the_seed_layout_matches_the_notebook_order() {
        let a = Arch::seed();
        assert_eq!(
            a,
            arch(&[2, 2, 1]).with_activations(a.activations().to_vec())
        );
        let names: Vec<String> = a.params().iter().map(|p| p.name()).collect();
        assert_eq!(
            names,
            ["w1.0.0", "w1.0.1", "w1.1.0", "w1.1.1", "b1.0", "b1.1", "w2.0.0", "w2.1.0", "b2.0"]
        );
    }

    #[test]
    fn names_indices_and_positions_agree() {
        let a = arch(&[3, 4, 2, 1]);
        for (k, id) in a.params().into_iter().enumerate() {
            assert_eq!(a.index(id), k);
            assert_eq!(a.param_at(k), Some(id));
            assert_eq!(a.param_named(&id.name()), Some(id));
        }
        assert_eq!(a.param_count(), 3 * 4 + 4 + 4 * 2 + 2 + 2 + 1);
        assert_eq!(a.param_named("w1.3.0"), None);
        assert_eq!(a.param_named("w4.0.0"), None);
        assert_eq!(a.param_named("b2.0.1"), None);
        assert_eq!(a.param_named("lr"), None);
    }

    #[test]
    fn limits_are_refused_naming_the_field() {
        assert_eq!(
            Arch::new(vec![5, 1], vec![Activation::Sigmoid])
                .unwrap_err()
                .field,
            "x"
        );
        assert_eq!(
            Arch::new(vec![2, 9, 1], vec![Activation::Sigmoid; 2])
                .unwrap_err()
                .field,
            "w1"
        );
        assert!(Arch::new(vec![2; 9], vec![Activation::Sigmoid; 8]).is_err());
        assert!(Arch::new(vec![1, 1], vec![]).is_err());
    }

    impl Arch {
        fn with_activations(self, activations: Vec<Activation>) -> Arch {
            Arch::new(self.widths, activations).expect("same shape")
        }
    }
}
