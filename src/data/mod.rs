//! Training data: seeded datasets, and how training divides the samples (a held-out test split,
//! shuffled mini-batches). The learner's own files (CSV) are read by the page (www/model/csv.js),
//! whose samples the core then checks like any others.

pub mod datasets;
pub mod rng;
pub mod split;
mod trig;
