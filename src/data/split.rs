//! How training divides the samples: a held-out test split, and the order of mini-batches.
//!
//! Both are drawn from the state's `shuffle_seed`, so they are the same every time the same state
//! is trained. The test split holds `round(n·test_fraction)` samples (at most `n − 1`: training
//! keeps at least one). Each mini-batch epoch visits the training samples in an order drawn from
//! the seed and the parameters the epoch starts from, so every epoch has its own order and a
//! state always trains the same way.

use crate::data::rng::Rng;
use crate::state::{Sample, State};

/// Stream numbers that keep the split and the epochs apart for one seed.
const SPLIT_STREAM: u64 = 101;
const EPOCH_STREAM: u64 = 102;

/// The most of the samples a test split may hold.
pub const MAX_TEST_FRACTION: f64 = 0.9;

/// The samples training uses and those it holds out.
#[derive(Clone, Debug, PartialEq)]
pub struct Split<'s> {
    /// The training examples: the samples not held out, or the shown example when there are no
    /// samples.
    pub train: Vec<&'s Sample>,
    /// The held-out samples (empty without a test split).
    pub test: Vec<&'s Sample>,
}

/// For each of `n` samples, whether it is held out for testing.
pub fn held_out(n: usize, test_fraction: f64, seed: u32) -> Vec<bool> {
    let count = ((n as f64 * test_fraction).round() as usize).min(n.saturating_sub(1));
    let mut order: Vec<usize> = (0..n).collect();
    Rng::new(u64::from(seed), SPLIT_STREAM).shuffle(&mut order);
    let mut mask = vec![false; n];
    for &k in &order[..count] {
        mask[k] = true;
    }
    mask
}

/// The state's training and test examples.
pub fn split(state: &State) -> Split<'_> {
    if state.samples.is_empty() {
        return Split {
            train: vec![&state.example],
            test: Vec::new(),
        };
    }
    let mask = held_out(state.samples.len(), state.test_fraction, state.shuffle_seed);
    let (test, train): (Vec<_>, Vec<_>) = state.samples.iter().zip(mask).partition(|(_, out)| *out);
    Split {
        train: train.into_iter().map(|(s, _)| s).collect(),
        test: test.into_iter().map(|(s, _)| s).collect(),
    }
}

/// Fills `order` (as long as the training set) with the order of an epoch that starts at
/// `params`.
pub fn epoch_order(order: &mut [usize], seed: u32, params: &[f64]) {
    let mixed = params.iter().fold(u64::from(seed), |h, p| {
        (h ^ p.to_bits()).wrapping_mul(0x0000_0100_0000_01B3)
    });
    for (k, slot) in order.iter_mut().enumerate() {
        *slot = k;
    }
    Rng::new(mixed, EPOCH_STREAM).shuffle(order);
}
