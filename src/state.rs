//! The network's state: its architecture, the example it looks at, its parameters, the
//! learning rate and the training options.
//!
//! At the boundary the state is the plain, row-major JSON a user can save, whose indices match
//! the seed notebook: `wl[i][j]` is the weight from neuron `i` of layer `l − 1` to neuron `j`
//! of layer `l` (layer 0 being `x`). Options left at their defaults are not written, so the
//! seed's JSON is exactly
//! `{"x":[0.5,0.3],"t":[0.7],"w1":[[0.2,0.4],[0.1,0.3]],"b1":[0.1,0.2],"w2":[[0.5],[0.6]],"b2":[0.1],"lr":0.1}`.

use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

use crate::data::datasets::Spec;
use crate::network::activation::Activation;
use crate::network::arch::Arch;
use crate::network::init::DEFAULT_INIT_SEED;
use crate::network::layer_names::layer_name;
use crate::network::loss::LossFn;
pub use crate::network::name_of;
pub use crate::train::order::UpdateOrder;

/// Which way an update moves the parameters.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Direction {
    /// `p ← p − lr·∂E/∂p`: gradient descent, which lowers the loss.
    #[default]
    Descent,
    /// `p ← p + lr·∂E/∂p`: the seed notebook's `+=` bug, which raises it.
    Ascent,
}

impl Direction {
    /// Both directions with their names in the state JSON.
    pub const ALL: [(Direction, &'static str); 2] = [
        (Direction::Descent, "descent"),
        (Direction::Ascent, "ascent"),
    ];
}

/// How training uses the samples, when there are any.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    /// One update per step with the gradient of the mean loss over all samples.
    #[default]
    Batch,
    /// One update per sample, in order: a training step is an epoch; Step backprop updates
    /// with the shown example's own gradient.
    PerSample,
    /// One update per mini-batch of `batch_size` training samples, in an order shuffled afresh
    /// every epoch: a training step is an epoch; Step backprop updates on the whole batch.
    MiniBatch,
}

impl Mode {
    /// Every mode with its name in the state JSON.
    pub const ALL: [(Mode, &'static str); 3] = [
        (Mode::Batch, "batch"),
        (Mode::PerSample, "per_sample"),
        (Mode::MiniBatch, "mini_batch"),
    ];
}

/// The mini-batch size a state has when it does not say.
pub const DEFAULT_BATCH_SIZE: u32 = 10;
/// The shuffle seed a state has when it does not say.
pub const DEFAULT_SHUFFLE_SEED: u32 = 1;

/// One training example: `x` has one number per input, `t` one per output.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Sample {
    pub x: Vec<f64>,
    pub t: Vec<f64>,
}

/// Everything the core needs to compute a pass and train.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub arch: Arch,
    /// The example the picture shows.
    pub example: Sample,
    /// Every weight and bias, flat in [`Arch`]'s order.
    pub params: Vec<f64>,
    pub lr: f64,
    pub loss_fn: LossFn,
    pub direction: Direction,
    /// Whether the layers' gradients are all taken before the update (correct) or each through
    /// the already-updated weights above it (Mazur's earlier bug).
    pub update_order: UpdateOrder,
    /// Whether updates change the biases (when false they stay bit-for-bit as they are).
    pub train_biases: bool,
    /// The training set; when empty, the network trains on `(x, t)` alone.
    pub samples: Vec<Sample>,
    pub mode: Mode,
    /// The seed that new weights are drawn from when the shape changes.
    pub init_seed: u32,
    /// How many training samples one mini-batch update uses (in [`Mode::MiniBatch`]).
    pub batch_size: u32,
    /// The seed of the test split and of the mini-batch order (see [`crate::data::split`]).
    pub shuffle_seed: u32,
    /// The fraction of the samples held out for testing, from 0 to 0.9.
    pub test_fraction: f64,
    /// The L2 regularisation strength λ: `J` gains `½λ·Σw²` over the weights (not the biases).
    pub l2: f64,
    /// The dataset the samples were generated from, while they are still exactly its points.
    pub dataset: Option<Spec>,
}

impl State {
    /// The seed notebook's example: `x = [0.5, 0.3]`, `t = 0.7`, its weights, `lr = 0.1`.
    pub fn seed() -> Self {
        State {
            arch: Arch::seed(),
            example: Sample {
                x: vec![0.5, 0.3],
                t: vec![0.7],
            },
            params: vec![0.2, 0.4, 0.1, 0.3, 0.1, 0.2, 0.5, 0.6, 0.1],
            lr: 0.1,
            loss_fn: LossFn::Squared,
            direction: Direction::Descent,
            update_order: UpdateOrder::Simultaneous,
            train_biases: true,
            samples: Vec::new(),
            mode: Mode::Batch,
            init_seed: DEFAULT_INIT_SEED,
            batch_size: DEFAULT_BATCH_SIZE,
            shuffle_seed: DEFAULT_SHUFFLE_SEED,
            test_fraction: 0.0,
            l2: 0.0,
            dataset: None,
        }
    }

    /// The same state with other parameters.
    pub fn with_params(&self, params: Vec<f64>) -> Self {
        State {
            params,
            ..self.clone()
        }
    }

    /// Every example: the samples (test split included), or the shown example when there are none.
    pub fn examples(&self) -> &[Sample] {
        if self.samples.is_empty() {
            std::slice::from_ref(&self.example)
        } else {
            &self.samples
        }
    }

    /// `wl` as row-major rows.
    pub fn weight_rows(&self, l: usize) -> Vec<Vec<f64>> {
        rows(&self.arch, &self.params, l)
    }
}

/// Weight layer `l` of the flat `params` as row-major rows: `rows[i][j] = wl[i][j]`.
pub fn rows(arch: &Arch, params: &[f64], l: usize) -> Vec<Vec<f64>> {
    arch.weights(params, l)
        .chunks(arch.width(l))
        .map(<[f64]>::to_vec)
        .collect()
}

/// Writes `w1`, `b1`, … `wL`, `bL` of the flat `params` as map entries.
pub fn write_params<M: SerializeMap>(
    map: &mut M,
    arch: &Arch,
    params: &[f64],
) -> Result<(), M::Error> {
    for l in 1..=arch.depth() {
        let rows = Rows(arch.weights(params, l), arch.width(l));
        map.serialize_entry(&*layer_name('w', l), &rows)?;
        map.serialize_entry(&*layer_name('b', l), arch.biases(params, l))?;
    }
    Ok(())
}

/// Row-major weights, `width` to a row, serialised as rows without copying them out.
struct Rows<'p>(&'p [f64], usize);

impl Serialize for Rows<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.chunks(self.1))
    }
}

/// The state as users see and save it: `x`, `t`, `w1`, `b1`, … `wL`, `bL`, `lr`, then the
/// options that differ from their defaults.
impl Serialize for State {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("x", &self.example.x)?;
        map.serialize_entry("t", &self.example.t)?;
        write_params(&mut map, &self.arch, &self.params)?;
        map.serialize_entry("lr", &self.lr)?;
        if self
            .arch
            .activations()
            .iter()
            .any(|a| *a != Activation::Sigmoid)
        {
            let names: Vec<&str> = self.arch.activations().iter().map(|a| a.name()).collect();
            map.serialize_entry("activations", &names)?;
        }
        if self.loss_fn != LossFn::default() {
            map.serialize_entry("loss_fn", self.loss_fn.name())?;
        }
        if self.direction != Direction::default() {
            map.serialize_entry("update", name_of(self.direction, &Direction::ALL))?;
        }
        if self.update_order != UpdateOrder::default() {
            map.serialize_entry(
                "update_order",
                name_of(self.update_order, &UpdateOrder::ALL),
            )?;
        }
        if !self.train_biases {
            map.serialize_entry("train_biases", &false)?;
        }
        if !self.samples.is_empty() {
            map.serialize_entry("samples", &self.samples)?;
        }
        if self.mode != Mode::default() {
            map.serialize_entry("mode", name_of(self.mode, &Mode::ALL))?;
        }
        if self.init_seed != DEFAULT_INIT_SEED {
            map.serialize_entry("init_seed", &self.init_seed)?;
        }
        if self.batch_size != DEFAULT_BATCH_SIZE {
            map.serialize_entry("batch_size", &self.batch_size)?;
        }
        if self.shuffle_seed != DEFAULT_SHUFFLE_SEED {
            map.serialize_entry("shuffle_seed", &self.shuffle_seed)?;
        }
        if self.test_fraction != 0.0 {
            map.serialize_entry("test_fraction", &self.test_fraction)?;
        }
        if self.l2 != 0.0 {
            map.serialize_entry("l2", &self.l2)?;
        }
        if let Some(spec) = &self.dataset {
            map.serialize_entry("dataset", spec)?;
        }
        map.end()
    }
}
