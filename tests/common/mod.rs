//! Helpers shared by the integration tests.
#![allow(dead_code)] // each test crate uses its own subset of these helpers

use backprop_viz::json::Value;
use backprop_viz::parse::parse_state;
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

/// Asserts `actual` is within `1e-9` relative of `expected`.
#[track_caller]
pub fn assert_close(actual: f64, expected: f64, what: &str) {
    let scale = expected.abs().max(f64::MIN_POSITIVE);
    assert!(
        (actual - expected).abs() / scale <= 1e-9,
        "{what}: got {actual:e}, expected {expected:e}"
    );
}
