//! The symbols of any network, derived from its architecture: `x₁`, `h₁` (or `h⁽ˡ⁾ⱼ` with
//! several hidden layers), `y` (or `yₖ`), `z⁽ˡ⁾ⱼ`, `w⁽ˡ⁾ᵢⱼ`, `b⁽ˡ⁾ⱼ`, `t`.
//!
//! Display indices are 1-based; an index is written only where its layer has more than one
//! neuron, so the seed's 2-2-1 reads `w⁽¹⁾₁₂`, `w⁽²⁾₁`, `z⁽²⁾`, `b⁽²⁾`, `y` and `t`.

use crate::formula::Symbol;
use crate::network::arch::{Arch, NodeId, ParamId};

/// The 1-based index of neuron `n` of layer `l`, or nothing when the layer has one neuron.
fn index(arch: &Arch, l: usize, n: usize) -> String {
    if arch.width(l) > 1 {
        (n + 1).to_string()
    } else {
        String::new()
    }
}

/// The activation of a neuron: `xᵢ`, `h⁽ˡ⁾ⱼ` or `yₖ`.
pub fn node(arch: &Arch, node: NodeId) -> Symbol {
    let NodeId { layer, index: n } = node;
    let sub = index(arch, layer, n);
    if layer == 0 {
        Symbol::indexed("x", sub)
    } else if layer == arch.depth() {
        Symbol::indexed("y", sub)
    } else if arch.depth() > 2 {
        Symbol::layered("h", layer, sub)
    } else {
        Symbol::indexed("h", sub)
    }
}

/// A neuron's pre-activation `z⁽ˡ⁾ⱼ`.
pub fn z(arch: &Arch, l: usize, j: usize) -> Symbol {
    Symbol::layered("z", l, index(arch, l, j))
}

/// The target `tₖ` of output `k`.
pub fn t(arch: &Arch, k: usize) -> Symbol {
    Symbol::indexed("t", index(arch, arch.depth(), k))
}

/// A weight `w⁽ˡ⁾ᵢⱼ` or a bias `b⁽ˡ⁾ⱼ`.
pub fn param(arch: &Arch, id: ParamId) -> Symbol {
    match id {
        ParamId::Weight { layer, from, to } => Symbol::layered(
            "w",
            layer,
            format!("{}{}", index(arch, layer - 1, from), index(arch, layer, to)),
        ),
        ParamId::Bias { layer, to } => Symbol::layered("b", layer, index(arch, layer, to)),
    }
}

/// The name of layer `l`'s activations as a symbol without index: `x`, `h`, `h⁽ˡ⁾`, `y`.
pub fn layer(arch: &Arch, l: usize) -> Symbol {
    let mut s = node(arch, NodeId { layer: l, index: 0 });
    s.sub.clear();
    s
}

/// `text` with its digits as subscripts.
fn subscript(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32('₀' as u32 + (c as u32 - '0' as u32)).unwrap_or(c),
            other => other,
        })
        .collect()
}

/// `text` with its digits and parentheses as superscripts.
fn superscript(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '0' => '⁰',
            '1' => '¹',
            '2' => '²',
            '3' => '³',
            '4' => '⁴',
            '5' => '⁵',
            '6' => '⁶',
            '7' => '⁷',
            '8' => '⁸',
            '9' => '⁹',
            '(' => '⁽',
            ')' => '⁾',
            other => other,
        })
        .collect()
}

impl Symbol {
    /// The symbol as plain Unicode text: `w⁽¹⁾₁₂`.
    pub fn text(&self) -> String {
        format!(
            "{}{}{}",
            self.base,
            superscript(&self.sup),
            subscript(&self.sub)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::network::activation::Activation;

    #[test]
    fn the_seed_network_reads_as_before() {
        let a = Arch::seed();
        let w = |layer, from, to| param(&a, ParamId::Weight { layer, from, to }).text();
        assert_eq!(w(1, 0, 1), "w⁽¹⁾₁₂");
        assert_eq!(w(2, 1, 0), "w⁽²⁾₂");
        assert_eq!(param(&a, ParamId::Bias { layer: 2, to: 0 }).text(), "b⁽²⁾");
        assert_eq!(node(&a, NodeId { layer: 1, index: 1 }).text(), "h₂");
        assert_eq!(node(&a, NodeId { layer: 2, index: 0 }).text(), "y");
        assert_eq!(z(&a, 2, 0).text(), "z⁽²⁾");
        assert_eq!(t(&a, 0).text(), "t");
    }

    #[test]
    fn deeper_networks_name_their_hidden_layers() {
        let a = Arch::new(vec![3, 4, 2, 2], vec![Activation::Tanh; 3]).expect("valid");
        assert_eq!(node(&a, NodeId { layer: 2, index: 1 }).text(), "h⁽²⁾₂");
        assert_eq!(node(&a, NodeId { layer: 3, index: 1 }).text(), "y₂");
        assert_eq!(
            param(
                &a,
                ParamId::Weight {
                    layer: 3,
                    from: 1,
                    to: 0
                }
            )
            .text(),
            "w⁽³⁾₂₁"
        );
        assert_eq!(layer(&a, 2).text(), "h⁽²⁾");
    }
}
