//! Training: the objective over the samples, the update rule, training runs and metrics.

pub mod metrics;
pub mod objective;
pub mod rule;
pub mod update;
