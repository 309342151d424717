//! Formulas as data: the chain-rule expression behind each number, with the numbers that fill it.
//!
//! The page renders an [`Expr`] twice — once with symbols, once with each leaf's value — and never
//! computes anything itself. Symbols use 1-based indices, as on the page and in textbooks;
//! superscripts name the layer: `w⁽¹⁾₁₂` is `w1[0][1]`, `z⁽²⁾` is `z2[0]`. An index is written
//! only where its layer has more than one neuron.

use serde::Serialize;

/// A symbol such as `h₁`, `w⁽¹⁾₁₂` or `η`: a base letter with an optional subscript and
/// superscript (both empty when absent).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Symbol {
    pub base: &'static str,
    pub sub: String,
    pub sup: String,
}

impl Symbol {
    /// A symbol with neither subscript nor superscript.
    pub fn plain(base: &'static str) -> Self {
        Symbol {
            base,
            sub: String::new(),
            sup: String::new(),
        }
    }

    /// A symbol of layer `layer` (superscript `(l)`), with subscript `sub`.
    pub fn layered(base: &'static str, layer: usize, sub: String) -> Self {
        Symbol {
            base,
            sub,
            sup: format!("({layer})"),
        }
    }

    /// A symbol with a subscript only.
    pub fn indexed(base: &'static str, sub: String) -> Self {
        Symbol {
            base,
            sub,
            sup: String::new(),
        }
    }
}

/// An expression tree, serialised with a `kind` tag.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Expr {
    /// A named quantity and its value.
    Var {
        symbol: Symbol,
        value: f64,
    },
    /// `∂loss/∂of`, and its value; `loss` is `E` (one example) or `J` (the mean over samples).
    Grad {
        loss: &'static str,
        of: Symbol,
        value: f64,
    },
    /// `f′(of)`, the slope of activation `function` (`sigmoid`, `tanh`, `relu`, `linear`) at
    /// `of`, and its value.
    Slope {
        function: &'static str,
        of: Symbol,
        value: f64,
    },
    /// A literal constant such as `2` or `1`.
    Number {
        value: f64,
    },
    Sum {
        terms: Vec<Expr>,
    },
    Difference {
        left: Box<Expr>,
        right: Box<Expr>,
    },
    Product {
        factors: Vec<Expr>,
    },
    Square {
        arg: Box<Expr>,
    },
    /// Activation `function` applied to `arg`: `σ(z)`, `tanh(z)`, `ReLU(z)`; `linear` is `z`.
    Apply {
        function: &'static str,
        arg: Box<Expr>,
    },
    /// `num / den`.
    Quotient {
        num: Box<Expr>,
        den: Box<Expr>,
    },
    /// The natural logarithm `ln(arg)`.
    Ln {
        arg: Box<Expr>,
    },
    /// The indicator `[arg > 0]`: 1 when `arg` is positive, else 0.
    Positive {
        arg: Box<Expr>,
    },
}

impl Expr {
    pub fn var(symbol: Symbol, value: f64) -> Self {
        Expr::Var { symbol, value }
    }

    /// `∂E/∂of`: the gradient of one example's loss.
    pub fn grad(of: Symbol, value: f64) -> Self {
        Expr::Grad {
            loss: "E",
            of,
            value,
        }
    }

    /// `∂J/∂of`: the gradient of the mean loss over the samples.
    pub fn mean_grad(of: Symbol, value: f64) -> Self {
        Expr::Grad {
            loss: "J",
            of,
            value,
        }
    }

    pub fn slope(function: &'static str, of: Symbol, value: f64) -> Self {
        Expr::Slope {
            function,
            of,
            value,
        }
    }

    pub fn number(value: f64) -> Self {
        Expr::Number { value }
    }

    pub fn sum(terms: Vec<Expr>) -> Self {
        Expr::Sum { terms }
    }

    pub fn difference(left: Expr, right: Expr) -> Self {
        Expr::Difference {
            left: Box::new(left),
            right: Box::new(right),
        }
    }

    pub fn product(factors: Vec<Expr>) -> Self {
        Expr::Product { factors }
    }

    pub fn square(arg: Expr) -> Self {
        Expr::Square { arg: Box::new(arg) }
    }

    pub fn apply(function: &'static str, arg: Expr) -> Self {
        Expr::Apply {
            function,
            arg: Box::new(arg),
        }
    }

    pub fn quotient(num: Expr, den: Expr) -> Self {
        Expr::Quotient {
            num: Box::new(num),
            den: Box::new(den),
        }
    }

    pub fn ln(arg: Expr) -> Self {
        Expr::Ln { arg: Box::new(arg) }
    }

    pub fn positive(arg: Expr) -> Self {
        Expr::Positive { arg: Box::new(arg) }
    }
}

/// Whether a formula defines a value (`=`) or replaces one (`←`, in the update).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    Equals,
    Assign,
}

/// What a formula computes, so a page knows where to show it without parsing paths.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Quantity {
    /// `z`: a neuron's weighted sum.
    PreActivation,
    /// `h` or `y`: a neuron's output.
    Activation,
    /// `E`.
    Loss,
    /// `∂E/∂y`, `∂E/∂z`, `∂E/∂h`: the error signal at a neuron.
    NodeGrad,
    /// `f′(z)`: an activation's slope.
    Slope,
    /// `∂E/∂w` or `∂E/∂b`: a parameter's gradient (`param` names it).
    ParamGrad,
    /// `p ← p − η·∂E/∂p` (`param` names `p`).
    Update,
}

/// One line of a stage: `lhs = rhs`, and what it evaluates to.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Formula {
    pub kind: Quantity,
    /// For a parameter's gradient or update, the parameter, named as on the page (`b1.0`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub param: Option<String>,
    /// The picture element this number belongs to: an edge (`w2.1.0`) or a node (`h1.0`,
    /// `loss`).
    pub target: String,
    pub lhs: Expr,
    pub relation: Relation,
    pub rhs: Expr,
    pub value: f64,
    /// For an update, the change `−lr·∂E/∂p`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delta: Option<f64>,
}
