//! How well the network does on its samples: the test loss over the held-out samples and, for
//! classification (a sigmoid output and every target 0 or 1), the accuracy: the fraction of
//! samples whose every output is on its target's side of 0.5 (`y ≥ 0.5` for `t = 1`).

use crate::network::activation::Activation;
use crate::state::{Sample, State};

/// Whether the state's samples are a classification task the accuracy applies to.
pub fn is_classification(state: &State) -> bool {
    state.arch.activation(state.arch.depth()) == Activation::Sigmoid
        && !state.samples.is_empty()
        && state
            .samples
            .iter()
            .all(|s| s.t.iter().all(|&t| t == 0.0 || t == 1.0))
}

/// Whether output `y` classifies sample `s` right.
pub fn is_correct(sample: &Sample, y: &[f64]) -> bool {
    sample
        .t
        .iter()
        .zip(y)
        .all(|(&t, &y)| (y >= 0.5) == (t == 1.0))
}

/// The fraction of `(sample, y)` pairs classified right, or `None` for no pairs.
pub fn accuracy<'a>(pairs: impl Iterator<Item = (&'a Sample, &'a [f64])>) -> Option<f64> {
    let (mut right, mut all) = (0usize, 0usize);
    for (sample, y) in pairs {
        all += 1;
        right += usize::from(is_correct(sample, y));
    }
    (all > 0).then(|| right as f64 / all as f64)
}
