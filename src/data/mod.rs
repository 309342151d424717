//! Training data: seeded datasets, the learner's own data as CSV, and how training divides the
//! samples (a held-out test split, shuffled mini-batches).

pub mod csv;
pub mod datasets;
pub mod rng;
pub mod split;
