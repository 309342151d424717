//! # backprop-viz core
//!
//! The math behind an interactive backpropagation visualizer: a 2-2-1 sigmoid network trained by
//! gradient descent on one example, with every intermediate value exposed so that a page can
//! show the chain rule at work.
//!
//! ```text
//! z1 = xᵀ·W1 + b1     h = σ(z1)        (w1[i][j]: input i → hidden j)
//! z2 = hᵀ·W2 + b2     y = σ(z2)
//! E  = (y − t)²
//! p ← p − lr·∂E/∂p    for every weight and bias, all gradients at the old parameters
//! ```
//!
//! ## Modules
//! - [`activation`], [`loss`]: σ, σ′ and the squared error, with their derivatives.
//! - [`state`]: the state (input, target, parameters, learning rate) and its row-major JSON form.
//! - [`json`], [`parse`]: untrusted input → a validated [`state::State`], or an [`error::Error`]
//!   naming the field.
//! - [`forward`], [`backward`], [`update`]: the pass, the chain rule, descent and training.
//! - [`evaluate`]: one pass checked for overflow and shaped for JavaScript.
//! - [`formula`], [`stages`]: the tape of ten stages the page replays, formulas as data.
//! - [`gradcheck`]: central finite differences.
//! - `api`: the only module that knows about WebAssembly.
//!
//! The core never touches the DOM and never panics on user input.
//!
//! ```
//! use backprop_viz::{evaluate::evaluate, state::State};
//! let result = evaluate(&State::seed()).expect("the seed is valid");
//! assert!((result.y[0] - 0.6793285460).abs() < 1e-9);
//! ```

pub mod activation;
pub mod backward;
pub mod error;
pub mod evaluate;
pub mod formula;
pub mod forward;
pub mod gradcheck;
pub mod json;
pub mod loss;
pub mod parse;
pub mod stages;
pub mod state;
pub mod update;

mod api;
