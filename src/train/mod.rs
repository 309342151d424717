//! Training: the objective over the samples, the update rule and training runs.

pub mod objective;
pub mod rule;
pub mod update;
