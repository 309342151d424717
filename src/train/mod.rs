//! Training: the objective over the samples, the update rule, the order it takes the layers in,
//! training runs and metrics.

pub mod metrics;
pub mod objective;
pub mod order;
pub mod rule;
pub mod update;
