//! Seeded datasets: XOR (its four corners), XOR clouds, a circle, two Gaussian blobs and two
//! spirals (two inputs, targets 0 or 1), and a sine curve for one-input regression.
//!
//! A dataset is its [`Spec`]: name, size, noise and seed; the same spec always gives the same
//! points. Inputs lie within about `[−1, 1]` (XOR's corners are 0 and 1); `noise` is the standard
//! deviation of (nearly) Gaussian jitter added to every input (to the target for the sine), from 0 to
//! [`MAX_NOISE`]. Each number is rounded to 4 decimals so that files stay readable. Classes
//! alternate (XOR's corners aside), so both have the same number of points (one more for an odd
//! size).

use std::f64::consts::{PI, TAU};

use crate::data::rng::Rng;
use crate::data::trig::sin_cos;
use crate::error::Error;
use crate::network::arch::Arch;
use crate::parse::check_loss;
use crate::state::{Sample, State};

/// The fewest points a dataset has.
pub const MIN_SIZE: u32 = 4;
/// The most points a dataset has (a state's most samples).
pub const MAX_SIZE: u32 = crate::parse::MAX_SAMPLES as u32;
/// The largest noise.
pub const MAX_NOISE: f64 = 0.5;

/// The datasets.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Dataset {
    /// The four corners of the unit square; `t = x₁ xor x₂`. Size and noise do not apply.
    Xor,
    /// Gaussian clouds around XOR's corners (spread 0.12 plus the noise).
    XorClouds,
    /// A disc of radius 0.5 (`t = 1`) inside a ring from 0.7 to 1 (`t = 0`).
    #[default]
    Circle,
    /// Two Gaussian blobs (spread 0.2 plus the noise) around (−0.5, −0.5), `t = 0`, and
    /// (0.5, 0.5), `t = 1`.
    Blobs,
    /// Two interleaved spirals, one turn and three quarters each.
    Spirals,
    /// One input `x` in `[−1, 1]`, `t = 0.5 + 0.4·sin(πx)` plus noise: regression.
    Sine,
}

impl Dataset {
    /// Every dataset with its name in the state JSON and in links.
    pub const ALL: [(Dataset, &'static str); 6] = [
        (Dataset::Xor, "xor"),
        (Dataset::XorClouds, "xor_clouds"),
        (Dataset::Circle, "circle"),
        (Dataset::Blobs, "blobs"),
        (Dataset::Spirals, "spirals"),
        (Dataset::Sine, "sine"),
    ];

    /// Its name in the state JSON.
    pub fn name(self) -> &'static str {
        crate::network::name_of(self, &Self::ALL)
    }

    /// How many inputs its points have.
    pub fn inputs(self) -> usize {
        if self == Dataset::Sine {
            1
        } else {
            2
        }
    }

    /// Whether its targets are classes (0 or 1) rather than values.
    pub fn is_classification(self) -> bool {
        self != Dataset::Sine
    }
}

/// A dataset as it travels in a state and a link: which one, how many points, how noisy and
/// from which seed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Spec {
    pub dataset: Dataset,
    pub size: u32,
    pub noise: f64,
    pub seed: u32,
}

impl Spec {
    /// The spec as it generates: XOR always has its four points and no noise.
    pub fn normalized(self) -> Spec {
        if self.dataset == Dataset::Xor {
            Spec {
                size: 4,
                noise: 0.0,
                ..self
            }
        } else {
            self
        }
    }
}

impl serde::Serialize for Spec {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(4))?;
        map.serialize_entry("name", self.dataset.name())?;
        map.serialize_entry("size", &self.size)?;
        map.serialize_entry("noise", &self.noise)?;
        map.serialize_entry("seed", &self.seed)?;
        map.end()
    }
}

/// Refuses a dataset that does not fit `arch`: its inputs and one target must match the
/// network's inputs and outputs.
pub fn check_fits(dataset: Dataset, arch: &Arch) -> Result<(), Error> {
    let (inputs, outputs) = (arch.inputs(), arch.outputs());
    if inputs == dataset.inputs() && outputs == 1 {
        return Ok(());
    }
    let plural = |n: usize, what: &str| format!("{n} {what}{}", if n == 1 { "" } else { "s" });
    Err(Error::new(
        "dataset",
        format!(
            "the {} dataset has {} and 1 target, but this network has {} and {}; set the inputs to {} and the outputs to 1 in the Network panel",
            dataset.name(),
            plural(dataset.inputs(), "input"),
            plural(inputs, "input"),
            plural(outputs, "output"),
            dataset.inputs(),
        ),
    ))
}

/// `state` training on `samples` (from dataset `spec`, if any): the shown example becomes the
/// first sample. Fails when a loss no longer fits (cross-entropy and a target outside [0, 1]).
fn with_samples(state: &State, samples: Vec<Sample>, spec: Option<Spec>) -> Result<State, Error> {
    let example = samples
        .first()
        .cloned()
        .unwrap_or_else(|| state.example.clone());
    let next = State {
        example,
        samples,
        dataset: spec,
        ..state.clone()
    };
    check_loss(&next)?;
    Ok(next)
}

/// `state` training on the points of `spec`; fails when they do not fit its network.
pub fn with_dataset(state: &State, spec: Spec) -> Result<State, Error> {
    let spec = spec.normalized();
    check_fits(spec.dataset, &state.arch)?;
    with_samples(state, generate(spec), Some(spec))
}

/// The points of `spec` (normalized first).
pub fn generate(spec: Spec) -> Vec<Sample> {
    let spec = spec.normalized();
    let mut rng = Rng::new(u64::from(spec.seed), spec.dataset as u64 + 1);
    let n = spec.size as usize;
    // The sine's noise is on its target; every other dataset's is on its inputs.
    let input_noise = if spec.dataset == Dataset::Sine {
        0.0
    } else {
        spec.noise
    };
    (0..n)
        .map(|k| {
            let class = (k % 2) as f64;
            let (x, t) = point(spec, k, n, class, &mut rng);
            let jittered = x.iter().map(|v| v + input_noise * rng.normal()).collect();
            Sample {
                x: round_all(jittered),
                t: round_all(vec![t]),
            }
        })
        .collect()
}

/// Point `k` of `n` of class `class` (0 or 1) before input noise: its inputs and target.
fn point(spec: Spec, k: usize, n: usize, class: f64, rng: &mut Rng) -> (Vec<f64>, f64) {
    match spec.dataset {
        Dataset::Xor => {
            let corner = &crate::presets::xor_samples()[k % 4];
            (corner.x.clone(), corner.t[0])
        }
        Dataset::XorClouds => {
            // Class 1 sits at (0, 1) or (1, 0), class 0 at (0, 0) or (1, 1).
            let first = (k / 2 % 2) as f64;
            let second = if class == 1.0 { 1.0 - first } else { first };
            let spread = 0.12;
            (
                vec![
                    first + spread * rng.normal(),
                    second + spread * rng.normal(),
                ],
                class,
            )
        }
        Dataset::Circle => {
            // Uniform over the disc or the ring: points of the square drawn until one falls in it.
            let (low, high) = if class == 1.0 { (0.0, 0.5) } else { (0.7, 1.0) };
            loop {
                let (a, b) = (rng.uniform(-high, high), rng.uniform(-high, high));
                if (low..=high).contains(&(a * a + b * b).sqrt()) {
                    break (vec![a, b], class);
                }
            }
        }
        Dataset::Blobs => {
            let centre = if class == 1.0 { 0.5 } else { -0.5 };
            let spread = 0.2;
            (
                vec![
                    centre + spread * rng.normal(),
                    centre + spread * rng.normal(),
                ],
                class,
            )
        }
        Dataset::Spirals => {
            let along = (k / 2) as f64 / (n.div_ceil(2)) as f64;
            let radius = 0.1 + 0.9 * along;
            let (sin, cos) = sin_cos(1.75 * TAU * along + class * PI);
            (vec![radius * sin, radius * cos], class)
        }
        Dataset::Sine => {
            let x = rng.uniform(-1.0, 1.0);
            (
                vec![x],
                0.5 + 0.4 * sin_cos(PI * x).0 + spec.noise * rng.normal(),
            )
        }
    }
}

fn round_all(values: Vec<f64>) -> Vec<f64> {
    values
        .into_iter()
        .map(|v| (v * 1e4).round() / 1e4 + 0.0)
        .collect()
}
