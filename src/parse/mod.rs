//! Validation of untrusted input: a [`Value`] becomes a [`State`], a step count, an
//! architecture or a landscape window, or an [`Error`] that names the field and the problem.

mod plane;
mod template;
mod training;
mod values;
mod window;

use std::fmt;

pub use plane::parse_plane;
pub use template::Template;
pub use training::{parse_spec, MAX_L2};
pub use window::parse_window;

use crate::data::datasets::{check_fits, generate};
use crate::error::Error;
use crate::json::Value;
use crate::network::activation::Activation;
use crate::network::arch::{Arch, MAX_HIDDEN_LAYERS, MAX_INPUTS, MAX_OUTPUTS, MAX_WIDTH};
use crate::network::init::DEFAULT_INIT_SEED;
use crate::network::layer_names::layer_name;
use crate::network::loss::LossFn;
use crate::state::{
    Direction, Mode, Sample, State, UpdateOrder, DEFAULT_BATCH_SIZE, DEFAULT_SHUFFLE_SEED,
};
use values::{array_len, choice, matrix_into, number, vector_into, vector_up_to, whole, Object};

/// Most descent steps one call may run.
pub const MAX_STEPS: u32 = 1_000_000;
/// Most training samples a state may hold (the largest dataset; issue 11 measures training on 200).
pub const MAX_SAMPLES: usize = 500;
/// Most weight layers: the hidden layers and the output layer.
const MAX_LAYERS: usize = MAX_HIDDEN_LAYERS + 1;

/// The fields every state has besides `w1 … wL` and `b1 … bL`.
const REQUIRED: [&str; 3] = ["x", "t", "lr"];
/// The fields of a state besides `w1 … wL` and `b1 … bL`, with what each one is.
const FIELDS: [(&str, &str); 16] = [
    ("x", "the input"),
    ("t", "the target"),
    ("lr", "the learning rate"),
    ("activations", "one activation per layer"),
    ("loss_fn", "the loss"),
    ("update", "the update direction"),
    ("update_order", "simultaneous or output-first updates"),
    ("train_biases", "whether updates change the biases"),
    ("samples", "the training samples"),
    ("mode", "batch or per-sample updates"),
    ("init_seed", "the seed new weights are drawn from"),
    ("batch_size", "the samples of one mini-batch"),
    (
        "shuffle_seed",
        "the seed of the test split and the mini-batch order",
    ),
    (
        "test_fraction",
        "the fraction of samples held out for testing",
    ),
    ("l2", "the L2 regularisation strength"),
    ("dataset", "the dataset the samples come from"),
];

/// Reads a state such as
/// `{"x":[0.5,0.3],"t":[0.7],"w1":[[0.2,0.4],[0.1,0.3]],"b1":[0.1,0.2],"w2":[[0.5],[0.6]],"b2":[0.1],"lr":0.1}`.
/// The shapes of `x` and the weights define the architecture and must agree: rows of `w1` =
/// len(x), rows of `w(l+1)` = columns of `wl`, len(`bl`) = columns of `wl`, len(`t`) =
/// columns of `wL`.
pub fn parse_state(value: &Value) -> Result<State, Error> {
    let state = Object::read(
        value,
        "the state",
        "state",
        "an object (with fields x, t, w1, b1, …, wL, bL, lr)",
    )?;
    let depth = check_keys(state.entries())?;
    let field = |name: &str| {
        let hint = FIELDS
            .iter()
            .find(|(n, _)| *n == name)
            .map_or("", |(_, what)| what);
        state.require(name, name, hint)
    };
    let x = vector_up_to(field("x")?, "x", MAX_INPUTS, "one per input")?;
    let mut widths = vec![x.len()];
    for l in 1..=depth {
        let name = layer_name('w', l);
        let w = state.require(&name, &name, "")?;
        let cols = match w {
            Value::Array(rows) => rows.first().and_then(array_len),
            _ => None,
        };
        let max = if l == depth { MAX_OUTPUTS } else { MAX_WIDTH };
        match cols {
            Some(c) if (1..=max).contains(&c) => widths.push(c),
            _ => {
                let what = if l == depth {
                    format!("one column per output, 1 to {MAX_OUTPUTS}")
                } else {
                    format!("one column per neuron of hidden layer {l}, 1 to {MAX_WIDTH}")
                };
                return Err(Error::new(
                    &*name,
                    format!(
                        "{name} must be an array of rows ({what}), got {}",
                        first_row_description(w)
                    ),
                ));
            }
        }
    }
    let activations = match state.get("activations") {
        None => vec![Activation::Sigmoid; depth],
        Some(value) => activations(value, depth)?,
    };
    let arch = Arch::new(widths, activations)?;
    let mut params = Vec::with_capacity(arch.param_count());
    for l in 1..=depth {
        let (w, b) = (layer_name('w', l), layer_name('b', l));
        matrix_into(
            &mut params,
            state.require(&w, &w, "")?,
            &w,
            arch.width(l - 1),
            arch.width(l),
            format_args!("{}", RowsWhy(l)),
        )?;
        sized_into(
            &mut params,
            state.require(&b, &b, "")?,
            &b,
            arch.width(l),
            format_args!("one per column of {w}"),
        )?;
    }
    let t = sized(
        field("t")?,
        "t",
        arch.outputs(),
        format_args!("one per output, the columns of w{depth}"),
    )?;
    let parsed = State {
        example: Sample { x, t },
        params,
        lr: number(field("lr")?, "lr")?,
        loss_fn: state.choice_or("loss_fn", &LossFn::ALL)?,
        direction: state.choice_or("update", &Direction::ALL)?,
        update_order: state.choice_or("update_order", &UpdateOrder::ALL)?,
        train_biases: match state.get("train_biases") {
            None => true,
            Some(Value::Bool(b)) => *b,
            Some(other) => {
                return Err(Error::new(
                    "train_biases",
                    format!(
                        "train_biases must be true or false, got {}",
                        other.describe()
                    ),
                ))
            }
        },
        samples: state
            .get("samples")
            .map_or(Ok(Vec::new()), |v| samples(v, &arch))?,
        mode: state.choice_or("mode", &Mode::ALL)?,
        init_seed: state.get("init_seed").map_or(Ok(DEFAULT_INIT_SEED), |v| {
            whole(v, "init_seed", 0, u32::MAX)
        })?,
        batch_size: state
            .get("batch_size")
            .map_or(Ok(DEFAULT_BATCH_SIZE), training::batch_size)?,
        shuffle_seed: state
            .get("shuffle_seed")
            .map_or(Ok(DEFAULT_SHUFFLE_SEED), |v| {
                whole(v, "shuffle_seed", 0, u32::MAX)
            })?,
        test_fraction: state
            .get("test_fraction")
            .map_or(Ok(0.0), training::test_fraction)?,
        l2: state.get("l2").map_or(Ok(0.0), training::l2)?,
        dataset: None,
        arch,
    };
    let parsed = with_dataset(parsed, state.get("dataset"))?;
    check_loss(&parsed)?;
    Ok(parsed)
}

/// Applies the state's `dataset`: without samples they are generated from it; with samples it
/// is kept only while they are still exactly its points (an edited point makes them the
/// learner's own).
fn with_dataset(mut state: State, value: Option<&Value>) -> Result<State, Error> {
    let Some(value) = value else {
        return Ok(state);
    };
    let spec = parse_spec(value, "dataset")?;
    let fits = check_fits(spec.dataset, &state.arch);
    if state.samples.is_empty() {
        fits?;
        state.samples = generate(spec);
        state.dataset = Some(spec);
    } else if fits.is_ok() && state.samples == generate(spec) {
        state.dataset = Some(spec);
    }
    Ok(state)
}

/// Refuses cross-entropy where it does not fit: a non-sigmoid output or a target outside [0, 1].
pub fn check_loss(state: &State) -> Result<(), Error> {
    if state.loss_fn != LossFn::CrossEntropy {
        return Ok(());
    }
    let depth = state.arch.depth();
    let out = state.arch.activation(depth);
    if out != Activation::Sigmoid {
        return Err(Error::new(
            "loss_fn",
            format!(
                "cross-entropy needs a sigmoid output layer (its y is a probability), but the output layer uses {}; choose sigmoid for it or a squared-error loss",
                out.name()
            ),
        ));
    }
    let targets = std::iter::once(("t".to_string(), &state.example.t)).chain(
        state
            .samples
            .iter()
            .enumerate()
            .map(|(k, s)| (format!("samples[{k}].t"), &s.t)),
    );
    for (path, t) in targets {
        if let Some((j, v)) = t
            .iter()
            .enumerate()
            .find(|(_, v)| !(0.0..=1.0).contains(*v))
        {
            return Err(Error::new(
                format!("{path}[{j}]"),
                format!("cross-entropy needs targets from 0 to 1, but {path}[{j}] is {}; choose a squared-error loss for other targets", crate::num::Num(*v)),
            ));
        }
    }
    Ok(())
}

/// Reads a step count: a whole number from 0 to [`MAX_STEPS`].
pub fn parse_steps(value: &Value) -> Result<u32, Error> {
    whole(value, "steps", 0, MAX_STEPS)
}

/// Reads a finite number (`eps`, a target loss).
pub fn parse_number(value: &Value, name: &str) -> Result<f64, Error> {
    number(value, name)
}

/// Reads a seed: a whole number from 0 to 2³² − 1.
pub fn parse_seed(value: &Value) -> Result<u32, Error> {
    whole(value, "seed", 0, u32::MAX)
}

/// Reads an architecture `{ widths: [2, 3, 1], activations: ["tanh", "sigmoid"] }`.
pub fn parse_arch(value: &Value) -> Result<Arch, Error> {
    let arch = Object::read(
        value,
        "the architecture",
        "arch",
        "an object with widths and activations",
    )?;
    let widths = match arch.require("widths", "widths", "the layer widths, inputs first")? {
        Value::Array(items) if (2..=MAX_LAYERS + 1).contains(&items.len()) => items
            .iter()
            .enumerate()
            .map(|(l, v)| {
                let max = match l {
                    0 => MAX_INPUTS,
                    l if l == items.len() - 1 => MAX_OUTPUTS,
                    _ => MAX_WIDTH,
                };
                whole(v, &format!("widths[{l}]"), 1, max as u32).map(|w| w as usize)
            })
            .collect::<Result<Vec<_>, _>>()?,
        other => {
            return Err(Error::new(
                "widths",
                format!(
                    "widths must be an array of 2 to {} layer widths, got {}",
                    MAX_LAYERS + 1,
                    other.describe()
                ),
            ))
        }
    };
    let depth = widths.len() - 1;
    let acts = activations(
        arch.require(
            "activations",
            "activations",
            "one per layer after the inputs",
        )?,
        depth,
    )?;
    Arch::new(widths, acts)
}

fn activations(value: &Value, depth: usize) -> Result<Vec<Activation>, Error> {
    match value {
        Value::Array(items) if items.len() == depth => items
            .iter()
            .enumerate()
            .map(|(l, v)| choice(v, &format!("activations[{l}]"), &Activation::ALL))
            .collect(),
        other => Err(Error::new(
            "activations",
            format!(
                "activations must be an array of {depth} names (one per layer after the inputs: sigmoid, tanh, relu or linear), got {}",
                other.describe()
            ),
        )),
    }
}

/// Why `wl` has the rows it has, for a message.
struct RowsWhy(usize);

impl fmt::Display for RowsWhy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            1 => f.write_str("one per input, the length of x"),
            l => write!(
                f,
                "one per neuron of layer {}, the columns of w{}",
                l - 1,
                l - 1
            ),
        }
    }
}

/// An array of exactly `len` numbers, with why that length in the message.
fn sized(
    value: &Value,
    path: &str,
    len: usize,
    why: fmt::Arguments<'_>,
) -> Result<Vec<f64>, Error> {
    let mut out = Vec::with_capacity(len);
    sized_into(&mut out, value, path, len, why)?;
    Ok(out)
}

/// [`sized`], appended to `out`.
fn sized_into(
    out: &mut Vec<f64>,
    value: &Value,
    path: &str,
    len: usize,
    why: fmt::Arguments<'_>,
) -> Result<(), Error> {
    if array_len(value) != Some(len) {
        let numbers = if len == 1 {
            "1 number".to_string()
        } else {
            format!("{len} numbers")
        };
        return Err(Error::new(
            path,
            format!(
                "{path} must be an array of {numbers} ({why}), got {}",
                value.describe()
            ),
        ));
    }
    vector_into(out, value, path, len)
}

fn first_row_description(w: &Value) -> String {
    match w {
        Value::Array(rows) => match rows.first() {
            None => "an empty array".to_string(),
            Some(row) => format!("a first row that is {}", row.describe()),
        },
        other => other.describe(),
    }
}

/// Refuses unknown and repeated keys, so that a typo (`W1`) is not silently ignored, and
/// returns `L`, the number of weight layers `w1 … wL`.
fn check_keys(entries: &[(String, Value)]) -> Result<usize, Error> {
    let layer_of = |key: &str, prefix: char| -> Option<usize> {
        let l = layer_number(key.strip_prefix(prefix)?)?;
        (1..=MAX_LAYERS).contains(&l).then_some(l)
    };
    let beyond_the_limit = |key: &str| {
        let l = layer_number(key.strip_prefix(['w', 'b'])?)?;
        Some(l > MAX_LAYERS)
    };
    let mut depth = 0;
    for (i, (key, _)) in entries.iter().enumerate() {
        let layer = layer_of(key, 'w').or_else(|| layer_of(key, 'b'));
        if beyond_the_limit(key) == Some(true) {
            return Err(Error::new(
                key.as_str(),
                format!(
                    "the state has {key}, but a network has at most {MAX_LAYERS} weight layers (w1 … w{MAX_LAYERS}: up to {MAX_HIDDEN_LAYERS} hidden layers and the output layer)"
                ),
            ));
        }
        if layer.is_none() && !FIELDS.iter().any(|(name, _)| name == key) {
            let optional: Vec<&str> = FIELDS
                .iter()
                .map(|(name, _)| *name)
                .filter(|name| !REQUIRED.contains(name))
                .collect();
            return Err(Error::new(
                key.as_str(),
                format!(
                    "the state has an unknown field {key:?}; its fields are x, t, w1, b1, … wL, bL (at most {MAX_LAYERS} layers), lr, and optionally {}",
                    optional.join(", ")
                ),
            ));
        }
        if entries[..i].iter().any(|(earlier, _)| earlier == key) {
            return Err(Error::new(
                key.as_str(),
                format!("the state has the field {key:?} twice"),
            ));
        }
        if let Some(l) = layer_of(key, 'w') {
            depth = depth.max(l);
        }
    }
    if depth == 0 {
        return Err(Error::new(
            "w1",
            "the state is missing w1 (the first layer's weights)",
        ));
    }
    let has = |key: &str| entries.iter().any(|(k, _)| k == key);
    for l in 1..=depth {
        if !has(&layer_name('w', l)) {
            return Err(Error::new(
                format!("w{l}"),
                format!("the state has w{depth} but is missing w{l}: weight layers run w1, w2, … without gaps"),
            ));
        }
    }
    if let Some((key, _)) = entries
        .iter()
        .find(|(k, _)| layer_of(k, 'b').is_some_and(|l| l > depth))
    {
        return Err(Error::new(
            key.as_str(),
            format!(
                "the state has {key} but no w{}: each bias layer needs its weights",
                &key[1..]
            ),
        ));
    }
    Ok(depth)
}

/// The layer number `digits` writes as Rust writes a number (no sign, no leading zero).
fn layer_number(digits: &str) -> Option<usize> {
    if digits.is_empty() || (digits.len() > 1 && digits.starts_with('0')) {
        return None;
    }
    digits.bytes().try_fold(0usize, |l, b| {
        let digit = (b as char).to_digit(10)?;
        l.checked_mul(10)?.checked_add(digit as usize)
    })
}

fn samples(value: &Value, arch: &Arch) -> Result<Vec<Sample>, Error> {
    let Value::Array(items) = value else {
        return Err(Error::new(
            "samples",
            format!(
                "samples must be an array of {{\"x\": […], \"t\": […]}} objects, got {}",
                value.describe()
            ),
        ));
    };
    if items.is_empty() || items.len() > MAX_SAMPLES {
        return Err(Error::new(
            "samples",
            format!(
                "samples must hold 1 to {MAX_SAMPLES} samples, got {}",
                items.len()
            ),
        ));
    }
    items
        .iter()
        .enumerate()
        .map(|(k, item)| {
            let path = format!("samples[{k}]");
            let sample = Object::read(item, &path, &path, "an object with x and t")?;
            Ok(Sample {
                x: sized(
                    sample.require("x", &path, "")?,
                    &format!("{path}.x"),
                    arch.inputs(),
                    format_args!("one per input"),
                )?,
                t: sized(
                    sample.require("t", &path, "")?,
                    &format!("{path}.t"),
                    arch.outputs(),
                    format_args!("one per output"),
                )?,
            })
        })
        .collect()
}
