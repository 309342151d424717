//! The symbols of the 2-2-1 network, and its values as expression leaves.
//!
//! Display indices are 1-based; superscripts name the layer: `w⁽¹⁾₁₂` is `w1[0][1]`.

use super::Tape;
use crate::activation::sigmoid_prime_from_output;
use crate::formula::{Expr, Symbol};
use crate::state::{HIDDEN, INPUTS};

pub fn x(i: usize) -> Symbol {
    Symbol::indexed("x", (i + 1).to_string())
}
pub fn h(j: usize) -> Symbol {
    Symbol::indexed("h", (j + 1).to_string())
}
pub fn z1(j: usize) -> Symbol {
    Symbol::layered("z", "(1)", (j + 1).to_string())
}
pub fn z2() -> Symbol {
    Symbol::layered("z", "(2)", String::new())
}
pub fn w1(i: usize, j: usize) -> Symbol {
    Symbol::layered("w", "(1)", format!("{}{}", i + 1, j + 1))
}
pub fn w2(j: usize) -> Symbol {
    Symbol::layered("w", "(2)", (j + 1).to_string())
}
pub fn b1(j: usize) -> Symbol {
    Symbol::layered("b", "(1)", (j + 1).to_string())
}
pub fn b2() -> Symbol {
    Symbol::layered("b", "(2)", String::new())
}

/// The W1 edges, `w1.i.j`.
pub fn w1_edges() -> Vec<String> {
    (0..INPUTS)
        .flat_map(|i| (0..HIDDEN).map(move |j| format!("w1.{i}.{j}")))
        .collect()
}

/// The W2 edges, `w2.j.0`.
pub fn w2_edges() -> Vec<String> {
    (0..HIDDEN).map(|j| format!("w2.{j}.0")).collect()
}

impl Tape<'_> {
    pub(super) fn x(&self, i: usize) -> Expr {
        Expr::var(x(i), self.pass.state.example.x[i])
    }
    pub(super) fn h(&self, j: usize) -> Expr {
        Expr::var(h(j), self.pass.forward.h[j])
    }
    pub(super) fn y(&self) -> Expr {
        Expr::var(Symbol::plain("y"), self.pass.forward.y[0])
    }
    pub(super) fn t(&self) -> Expr {
        Expr::var(Symbol::plain("t"), self.pass.state.example.t[0])
    }
    pub(super) fn d_y(&self) -> Expr {
        Expr::grad(Symbol::plain("y"), self.pass.grads.d_y[0])
    }
    pub(super) fn d_z2(&self) -> Expr {
        Expr::grad(z2(), self.pass.grads.d_z2[0])
    }
    pub(super) fn d_h(&self, j: usize) -> Expr {
        Expr::grad(h(j), self.pass.grads.d_h[j])
    }
    pub(super) fn d_z1(&self, j: usize) -> Expr {
        Expr::grad(z1(j), self.pass.grads.d_z1[j])
    }
    /// The output's sigmoid slope `σ′(z⁽²⁾) = y(1 − y)`.
    pub(super) fn slope_out_value(&self) -> f64 {
        sigmoid_prime_from_output(self.pass.forward.y[0])
    }
    /// The hidden sigmoid slope `σ′(z⁽¹⁾ⱼ) = hⱼ(1 − hⱼ)`.
    pub(super) fn slope_hidden_value(&self, j: usize) -> f64 {
        sigmoid_prime_from_output(self.pass.forward.h[j])
    }
    pub(super) fn slope_out(&self) -> Expr {
        Expr::sigma_prime(z2(), self.slope_out_value())
    }
    pub(super) fn slope_hidden(&self, j: usize) -> Expr {
        Expr::sigma_prime(z1(j), self.slope_hidden_value(j))
    }
    pub(super) fn eta(&self) -> Expr {
        Expr::var(Symbol::plain("η"), self.pass.state.lr)
    }
}
