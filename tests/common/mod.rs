//! Helpers shared by the integration tests.
#![allow(dead_code)] // each test crate uses its own subset of these helpers

pub mod arb;
pub mod python;

use backprop_viz::evaluate::{pass, Pass};
use backprop_viz::json::Value;
use backprop_viz::network::activation::Activation;
use backprop_viz::network::arch::Arch;
use backprop_viz::parse::parse_state;
use backprop_viz::presets::presets;
use backprop_viz::state::State;

/// Reads JSON text into the core's loose value.
pub fn value(text: &str) -> Value {
    Value::read(&mut serde_json::Deserializer::from_str(text)).expect("test JSON is valid")
}

/// The seed state as JSON text.
pub const SEED_JSON: &str = r#"{"x":[0.5,0.3],"t":[0.7],"w1":[[0.2,0.4],[0.1,0.3]],"b1":[0.1,0.2],"w2":[[0.5],[0.6]],"b2":[0.1],"lr":0.1}"#;

/// Parses a state that the test knows is valid.
pub fn state(text: &str) -> State {
    parse_state(&value(text)).expect("test state is valid")
}

/// The preset `id`, written as JSON and read back, as the page receives it.
pub fn preset(id: &str) -> State {
    let p = presets()
        .into_iter()
        .find(|p| p.id == id)
        .unwrap_or_else(|| panic!("there is no preset {id:?}"));
    let text = serde_json::to_string(&p.state).expect("serialisable");
    parse_state(&value(&text)).expect("a preset parses back")
}

/// An architecture the test knows is within the limits.
pub fn arch(widths: &[usize], activations: &[Activation]) -> Arch {
    Arch::new(widths.to_vec(), activations.to_vec()).expect("test architecture is valid")
}

/// The value of parameter `name` (`w1.0.1`, `b2.0`) in flat `params` of `arch`.
#[track_caller]
pub fn param(arch: &Arch, params: &[f64], name: &str) -> f64 {
    let id = arch
        .param_named(name)
        .unwrap_or_else(|| panic!("the network has no {name}"));
    params[arch.index(id)]
}

/// One pass at a state the test knows is finite.
#[track_caller]
pub fn evaluated(state: &State) -> Pass {
    pass(state).expect("the state evaluates")
}

/// `evaluate()`'s result as JavaScript receives it.
pub fn evaluate_json(state: &State) -> serde_json::Value {
    serde_json::to_value(evaluated(state)).expect("serialisable")
}

/// The keys of the JSON object `serialized` writes, in the order written (at `path`, a list of
/// keys into nested objects).
pub fn keys_in_order(serialized: &impl serde::Serialize, path: &[&str]) -> Vec<String> {
    let text = serde_json::to_string(serialized).expect("serialisable");
    let mut v = value(&text);
    for key in path {
        v = match v {
            Value::Object(entries) => entries
                .into_iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v)
                .unwrap_or_else(|| panic!("no {key}")),
            _ => panic!("{key}: not an object"),
        };
    }
    match v {
        Value::Object(entries) => entries.into_iter().map(|(k, _)| k).collect(),
        _ => panic!("not an object"),
    }
}

/// Asserts `actual` is within `1e-9` relative of `expected`.
#[track_caller]
pub fn assert_close(actual: f64, expected: f64, what: &str) {
    let scale = expected.abs().max(f64::MIN_POSITIVE);
    assert!(
        (actual - expected).abs() / scale <= 1e-9,
        "{what}: got {actual:e}, expected {expected:e}"
    );
}

/// The states saved by the page before any network could be chosen (the 2-2-1 core of commit
/// 6ca0b6c), each with what that core computed for it: `[{ name, input, saved, evaluate,
/// train_25, losses_25, stages? }]`. `saved` is the JSON its Save button wrote.
pub fn page_v1() -> Vec<serde_json::Value> {
    let text = include_str!("page-v1.json");
    match serde_json::from_str(text).expect("the fixture is JSON") {
        serde_json::Value::Array(entries) => entries,
        _ => panic!("the fixture is an array"),
    }
}

/// Every leaf of a JSON value with its path, in a stable order (object keys sorted); numbers
/// written in Rust's round-trip form, so that two equal lists mean bit-for-bit equal numbers.
pub fn leaves(v: &serde_json::Value) -> Vec<(String, String)> {
    fn walk(v: &serde_json::Value, path: String, out: &mut Vec<(String, String)>) {
        match v {
            serde_json::Value::Object(map) => {
                let mut keys: Vec<&String> = map.keys().collect();
                keys.sort();
                for k in keys {
                    walk(&map[k], format!("{path}.{k}"), out);
                }
            }
            serde_json::Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    walk(item, format!("{path}[{i}]"), out);
                }
            }
            serde_json::Value::Number(n) => {
                out.push((path, format!("{:?}", n.as_f64().unwrap_or(f64::NAN))))
            }
            other => out.push((path, other.to_string())),
        }
    }
    let mut out = Vec::new();
    walk(v, String::new(), &mut out);
    out
}
