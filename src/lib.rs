//! # backprop-viz core
//!
//! The math behind an interactive backpropagation visualizer: a small multi-layer network
//! (1–4 inputs, 0–6 hidden layers of 1–8 neurons, 1–4 outputs; sigmoid, tanh, ReLU or linear
//! per layer) trained by gradient descent, with every intermediate value exposed so that a page
//! can show the chain rule at work. The default is the seed notebook's 2-2-1 sigmoid network.
//!
//! ```text
//! a⁽⁰⁾ = x
//! z⁽ˡ⁾ = a⁽ˡ⁻¹⁾ᵀ·W⁽ˡ⁾ + b⁽ˡ⁾    a⁽ˡ⁾ = f⁽ˡ⁾(z⁽ˡ⁾)    (wl[i][j]: neuron i of layer l−1 → j of l)
//! y    = a⁽ᴸ⁾
//! E    = Σₖ (yₖ − tₖ)²   (or ½(y − t)², or cross-entropy for sigmoid outputs)
//! J    = mean of E over the training samples (just E when there are none) + ½λ·Σw²
//! p   ← p − lr·∂J/∂p    for every weight and bias, all gradients at the old parameters
//!                       (in batches, mini-batches or one sample at a time)
//! ```
//!
//! ## Modules
//! - [`network`]: the architecture and its typed ids, activations, losses, the forward and
//!   backward passes (one loop over layers each) and seeded initial weights.
//! - [`state`]: the state (architecture, shown example, flat parameters, learning rate,
//!   options, samples) and its row-major JSON form. [`presets`]: ready-made states.
//! - [`json`], [`parse`]: untrusted input → a validated [`state::State`], or an [`error::Error`]
//!   naming the field. [`reshape`]: a new architecture keeping the weights that still exist.
//! - [`train`]: the mean over the training samples (with L2), descent, mini-batches and runs.
//! - [`data`]: seeded datasets, the test split and the mini-batch order.
//! - [`evaluate`]: one pass checked for overflow and shaped for JavaScript.
//! - [`formula`], [`symbols`], [`stages`]: the tape generated from the layers, formulas as data.
//! - [`describe`]: the network's nodes, edges, parameters and stages for the page.
//! - [`neuron_graph`]: one neuron's scalar operations with their values and gradients.
//! - [`export`]: NumPy and PyTorch scripts that rebuild the current network; [`num`]: numbers
//!   inside messages and scripts, written by JavaScript in the browser.
//! - [`gradcheck`]: central finite differences; [`landscape`]: `J` over a grid of two parameters.
//! - [`practice`]: the values common hand-calculation mistakes give, and hand-friendly exercises.
//! - [`plane`]: every neuron's activation over a grid of two inputs (or a curve over one).
//! - `api`: the only module that knows about WebAssembly.
//!
//! The core never touches the DOM and never panics on user input.
//!
//! ```
//! use backprop_viz::{evaluate::pass, state::State};
//! let result = pass(&State::seed()).expect("the seed is valid");
//! assert!((result.forward.y()[0] - 0.6793285460).abs() < 1e-9);
//! ```

pub mod data;
pub mod describe;
pub mod error;
pub mod evaluate;
pub mod export;
pub mod formula;
pub mod gradcheck;
pub mod json;
pub mod landscape;
pub mod network;
pub mod neuron_graph;
pub mod num;
pub mod parse;
pub mod plane;
pub mod practice;
pub mod presets;
pub mod reshape;
pub mod stages;
pub mod state;
pub mod symbols;
pub mod train;

mod api;
