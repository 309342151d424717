//! Training: the objective over the samples, the update rule, the order it takes the layers in, and training runs.

pub mod objective;
pub mod order;
pub mod rule;
pub mod update;
