//! The network described for the page: its neurons, edges and parameters with their symbols,
//! hints and slider ranges, and the stage list — everything the page draws and labels, so that
//! no shape or name is written anywhere else.

use serde::Serialize;

use crate::formula::Symbol;
use crate::network::activation::Activation;
use crate::network::arch::{
    Arch, NodeId, ParamId, MAX_HIDDEN_LAYERS, MAX_INPUTS, MAX_OUTPUTS, MAX_WIDTH,
};
use crate::network::loss::LossFn;
use crate::stages::{stage_list, StageInfo};
use crate::symbols;

/// A neuron of the picture.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Node {
    /// `x.0`, `h1.0`, `y.0`.
    pub id: String,
    pub layer: usize,
    pub index: usize,
    /// `input`, `hidden` or `output`.
    pub role: &'static str,
    pub symbol: Symbol,
    /// The activation's name (absent for inputs).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub activation: Option<&'static str>,
    /// `z⁽ˡ⁾ⱼ` (absent for inputs).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub z: Option<Symbol>,
    /// Its bias `bl.j` (absent for inputs).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bias: Option<String>,
}

/// A weight, drawn as an edge from one neuron to the next layer's.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Edge {
    /// `w1.0.1`.
    pub id: String,
    pub layer: usize,
    pub from: String,
    pub to: String,
}

/// An editable number: an input, a target, a weight, a bias or the learning rate.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Param {
    /// `x.0`, `t.0`, `w1.0.1`, `b2.0`, `lr`: the DOM's `data-param`.
    pub name: String,
    /// Its key in the state JSON (`x`, `w1`, `lr`).
    pub key: String,
    /// Its indices under that key.
    pub indices: Vec<usize>,
    pub symbol: Symbol,
    /// A short description: `x₁ → h₁`, `bias of y`, `input 1`.
    pub hint: String,
    /// The node it belongs to in the picture (for inputs, targets and biases).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub node: Option<String>,
    pub min: f64,
    pub max: f64,
    pub step: f64,
}

/// Parameters shown together, one group per layer.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Group {
    pub title: String,
    /// The weight layer (absent for the inputs and the learning rate).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub layer: Option<usize>,
    pub names: Vec<String>,
}

/// What the page may choose: the limits of the architecture control and the names of the
/// activations and losses.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Limits {
    pub inputs: usize,
    pub outputs: usize,
    pub hidden_layers: usize,
    pub width: usize,
    pub activations: Vec<&'static str>,
    pub losses: Vec<&'static str>,
}

/// The whole description.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Description {
    pub widths: Vec<usize>,
    pub activations: Vec<&'static str>,
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
    /// Every editable number, in display order.
    pub params: Vec<Param>,
    pub groups: Vec<Group>,
    /// The weights and biases, in the core's flat order (what training and the gradient check
    /// move).
    pub weights: Vec<String>,
    pub stages: Vec<StageInfo>,
    pub limits: Limits,
}

const WEIGHT_RANGE: (f64, f64, f64) = (-4.0, 4.0, 0.01);

/// The description of `arch`.
pub fn describe(arch: &Arch) -> Description {
    let depth = arch.depth();
    let role = |l: usize| match l {
        0 => "input",
        l if l == depth => "output",
        _ => "hidden",
    };
    let nodes: Vec<Node> = (0..=depth)
        .flat_map(|l| arch.layer_nodes(l))
        .map(|n| Node {
            id: arch.node_name(n),
            layer: n.layer,
            index: n.index,
            role: role(n.layer),
            symbol: symbols::node(arch, n),
            activation: (n.layer > 0).then(|| arch.activation(n.layer).name()),
            z: (n.layer > 0).then(|| symbols::z(arch, n.layer, n.index)),
            bias: (n.layer > 0).then(|| {
                ParamId::Bias {
                    layer: n.layer,
                    to: n.index,
                }
                .name()
            }),
        })
        .collect();
    let name = |layer, index| arch.node_name(NodeId { layer, index });
    let text = |layer, index| symbols::node(arch, NodeId { layer, index }).text();
    let edges = arch
        .params()
        .into_iter()
        .filter_map(|id| match id {
            ParamId::Weight { layer, from, to } => Some(Edge {
                id: id.name(),
                layer,
                from: name(layer - 1, from),
                to: name(layer, to),
            }),
            ParamId::Bias { .. } => None,
        })
        .collect();
    let mut params = Vec::new();
    let mut groups = Vec::new();
    let mut first = Vec::new();
    for i in 0..arch.inputs() {
        let hint = format!("input {}", i + 1);
        params.push(plain(
            format!("x.{i}"),
            "x",
            vec![i],
            symbols::node(arch, NodeId { layer: 0, index: i }),
            hint,
            Some(name(0, i)),
            (-2.0, 2.0, 0.01),
        ));
        first.push(format!("x.{i}"));
    }
    let t_range = match arch.activation(depth) {
        Activation::Sigmoid => (0.0, 1.0, 0.01),
        Activation::Tanh => (-1.0, 1.0, 0.01),
        Activation::Relu => (0.0, 2.0, 0.01),
        Activation::Linear => (-2.0, 2.0, 0.01),
    };
    for k in 0..arch.outputs() {
        let hint = if arch.outputs() == 1 {
            "target".to_string()
        } else {
            format!("target of {}", text(depth, k))
        };
        params.push(plain(
            format!("t.{k}"),
            "t",
            vec![k],
            symbols::t(arch, k),
            hint,
            Some(format!("t.{k}")),
            t_range,
        ));
        first.push(format!("t.{k}"));
    }
    groups.push(Group {
        title: "Input and target".into(),
        layer: None,
        names: first,
    });
    for l in 1..=depth {
        let mut names = Vec::new();
        for id in arch.params().into_iter().filter(|id| id.layer() == l) {
            let (hint, node) = match id {
                ParamId::Weight { from, to, .. } => {
                    (format!("{} → {}", text(l - 1, from), text(l, to)), None)
                }
                ParamId::Bias { to, .. } => (format!("bias of {}", text(l, to)), Some(name(l, to))),
            };
            let (key, indices) = match id {
                ParamId::Weight { from, to, .. } => (format!("w{l}"), vec![from, to]),
                ParamId::Bias { to, .. } => (format!("b{l}"), vec![to]),
            };
            params.push(Param {
                name: id.name(),
                key,
                indices,
                symbol: symbols::param(arch, id),
                hint,
                node,
                min: WEIGHT_RANGE.0,
                max: WEIGHT_RANGE.1,
                step: WEIGHT_RANGE.2,
            });
            names.push(id.name());
        }
        let sup = Symbol {
            base: "",
            sub: String::new(),
            sup: format!("({l})"),
        }
        .text();
        let which = if l == depth {
            "Output layer".to_string()
        } else if depth == 2 {
            "Hidden layer".to_string()
        } else {
            format!("Hidden layer {l}")
        };
        groups.push(Group {
            title: format!("{which}: W{sup}, b{sup}"),
            layer: Some(l),
            names,
        });
    }
    params.push(plain(
        "lr".into(),
        "lr",
        Vec::new(),
        Symbol::plain("η"),
        "learning rate".into(),
        None,
        (0.001, 5.0, 0.001),
    ));
    groups.push(Group {
        title: "Learning rate".into(),
        layer: None,
        names: vec!["lr".into()],
    });
    Description {
        widths: arch.widths().to_vec(),
        activations: arch.activations().iter().map(|a| a.name()).collect(),
        nodes,
        edges,
        params,
        groups,
        weights: arch.params().into_iter().map(ParamId::name).collect(),
        stages: stage_list(arch),
        limits: Limits {
            inputs: MAX_INPUTS,
            outputs: MAX_OUTPUTS,
            hidden_layers: MAX_HIDDEN_LAYERS,
            width: MAX_WIDTH,
            activations: Activation::ALL.iter().map(|(_, n)| *n).collect(),
            losses: LossFn::ALL.iter().map(|(_, n)| *n).collect(),
        },
    }
}

fn plain(
    name: String,
    key: &str,
    indices: Vec<usize>,
    symbol: Symbol,
    hint: String,
    node: Option<String>,
    (min, max, step): (f64, f64, f64),
) -> Param {
    Param {
        name,
        key: key.to_string(),
        indices,
        symbol,
        hint,
        node,
        min,
        max,
        step,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seed_network_is_described_as_the_page_drew_it() {
        let d = describe(&Arch::seed());
        let names: Vec<&str> = d.params.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "x.0", "x.1", "t.0", "w1.0.0", "w1.0.1", "w1.1.0", "w1.1.1", "b1.0", "b1.1",
                "w2.0.0", "w2.1.0", "b2.0", "lr"
            ]
        );
        let hints: Vec<&str> = d.params.iter().map(|p| p.hint.as_str()).collect();
        assert_eq!(hints[3], "x₁ → h₁");
        assert_eq!(hints[9], "h₁ → y");
        assert_eq!(hints[11], "bias of y");
        let titles: Vec<&str> = d.groups.iter().map(|g| g.title.as_str()).collect();
        assert_eq!(
            titles,
            [
                "Input and target",
                "Hidden layer: W⁽¹⁾, b⁽¹⁾",
                "Output layer: W⁽²⁾, b⁽²⁾",
                "Learning rate"
            ]
        );
        assert_eq!(d.edges.len(), 6);
        assert_eq!(d.edges[4].from, "h1.0");
        assert_eq!(d.stages.len(), 10);
    }
}
