//! # backprop-viz core
//!
//! The math behind an interactive backpropagation visualizer: a 2-2-1 sigmoid network trained by
//! gradient descent on one example, with every intermediate value exposed so that a page can
//! show the chain rule at work.
//!
//! ```text
//! z1 = xᵀ·W1 + b1     h = σ(z1)        (w1[i][j]: input i → hidden j)
//! z2 = hᵀ·W2 + b2     y = σ(z2)
//! E  = (y − t)²       (or ½(y − t)², a switchable convention)
//! J  = mean of E over the training samples (just E when there are none)
//! p ← p − lr·∂J/∂p    for every weight and bias, all gradients at the old parameters
//! ```
//!
//! ## Modules
//! - [`activation`], [`loss`]: σ, σ′ and the two squared-error conventions, with derivatives.
//! - [`params`], [`state`]: the parameters; the state (shown example, parameters, learning rate,
//!   options, samples) and its row-major JSON form. [`presets`]: ready-made states.
//! - [`json`], [`parse`]: untrusted input → a validated [`state::State`], or an [`error::Error`]
//!   naming the field.
//! - [`forward`], [`backward`], [`objective`], [`update`]: the pass, the chain rule, the mean
//!   over samples, descent and training.
//! - [`evaluate`], [`finite`]: one pass checked for overflow and shaped for JavaScript.
//! - [`formula`], [`stages`]: the tape of ten stages the page replays, formulas as data.
//! - [`export`]: NumPy and PyTorch scripts that rebuild the current network.
//! - [`gradcheck`]: central finite differences; [`landscape`]: `J` over a grid of two parameters.
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
pub mod export;
pub mod finite;
pub mod formula;
pub mod forward;
pub mod gradcheck;
pub mod json;
pub mod landscape;
pub mod loss;
pub mod objective;
pub mod params;
pub mod parse;
pub mod presets;
pub mod stages;
pub mod state;
pub mod update;

mod api;
