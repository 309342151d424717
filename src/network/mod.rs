//! The network itself: its architecture, activations, loss, forward and backward passes and
//! initial weights. Nothing here knows about the state, the page or WebAssembly.

pub mod activation;
pub mod arch;
pub mod backward;
pub mod fast_math;
pub mod forward;
pub mod init;
pub mod loss;
pub mod workspace;
