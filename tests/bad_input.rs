//! Every invalid input is refused with a message that names the field and the problem; finite
//! inputs whose results overflow are refused too, never answered with NaN or ∞.

mod common;

use backprop_viz::evaluate::evaluate;
use backprop_viz::json::Value;
use backprop_viz::parse::{parse_state, parse_steps};
use backprop_viz::state::State;
use backprop_viz::update::train;
use common::{value, SEED_JSON};
use proptest::prelude::*;

/// The seed with one field replaced by `replacement` (JSON text), or removed when `None`.
fn seed_with(field: &str, replacement: Option<Value>) -> Value {
    let Value::Object(mut entries) = value(SEED_JSON) else {
        unreachable!("the seed is an object")
    };
    match replacement {
        Some(v) => {
            for entry in entries.iter_mut().filter(|(k, _)| k == field) {
                entry.1 = v.clone();
            }
        }
        None => entries.retain(|(k, _)| k != field),
    }
    Value::Object(entries)
}

fn error_of(v: &Value) -> (String, String) {
    let e = parse_state(v).expect_err("must be refused");
    (e.field, e.message)
}

#[test]
fn not_an_object() {
    for (input, got) in [
        ("null", "null"),
        ("[1,2]", "an array of 2 values"),
        ("\"hi\"", "the string \"hi\""),
        ("3", "the number 3"),
    ] {
        let (field, message) = error_of(&value(input));
        assert_eq!(field, "state");
        assert_eq!(
            message,
            format!(
                "the state must be an object (with fields x, t, w1, b1, w2, b2, lr), got {got}"
            )
        );
    }
}

#[test]
fn missing_and_unknown_fields() {
    assert_eq!(
        error_of(&seed_with("w1", None)),
        (
            "w1".into(),
            "the state is missing w1 (input i → hidden j weights)".into()
        )
    );
    let mut with_extra = seed_with("lr", None);
    if let Value::Object(entries) = &mut with_extra {
        entries.push(("W1".into(), Value::Number(1.0)));
    }
    let (field, message) = error_of(&with_extra);
    assert_eq!(field, "W1");
    assert!(message.contains("unknown field \"W1\""), "{message}");
}

#[test]
fn wrong_shapes() {
    let cases = [
        (
            "x",
            "[1,2,3]",
            "x",
            "x must be an array of 2 numbers, got an array of 3 values",
        ),
        (
            "w1",
            "[0.2,0.4,0.1,0.3]",
            "w1",
            "w1 must be an array of 2 rows, each an array of 2 numbers, got an array of 4 values",
        ),
        (
            "w1",
            "[[0.2,0.4],0.1]",
            "w1[1]",
            "w1[1] must be an array of 2 numbers, got the number 0.1",
        ),
        (
            "w2",
            "[0.5,0.6]",
            "w2[0]",
            "w2[0] must be an array of 1 number, got the number 0.5",
        ),
        (
            "t",
            "0.7",
            "t",
            "t must be an array of 1 number, got the number 0.7",
        ),
        (
            "b1",
            "{}",
            "b1",
            "b1 must be an array of 2 numbers, got an object",
        ),
    ];
    for (name, replacement, field, message) in cases {
        assert_eq!(
            error_of(&seed_with(name, Some(value(replacement)))),
            (field.to_string(), message.to_string()),
            "{name} = {replacement}"
        );
    }
}

#[test]
fn non_finite_and_non_numbers() {
    let nan_in_w1 = Value::Array(vec![
        value("[0.2, 0.4]"),
        Value::Array(vec![Value::Number(0.1), Value::Number(f64::NAN)]),
    ]);
    assert_eq!(
        error_of(&seed_with("w1", Some(nan_in_w1))),
        (
            "w1[1][1]".into(),
            "w1[1][1] must be a finite number, got NaN".into()
        )
    );
    let cases = [
        (
            "lr",
            Value::Number(f64::INFINITY),
            "lr",
            "lr must be a finite number, got Infinity",
        ),
        (
            "lr",
            Value::Null,
            "lr",
            "lr must be a finite number, got null",
        ),
        (
            "x",
            value(r#"[0.5,"0.3"]"#),
            "x[1]",
            "x[1] must be a finite number, got the string \"0.3\"",
        ),
        (
            "b2",
            value("[true]"),
            "b2[0]",
            "b2[0] must be a finite number, got the boolean true",
        ),
        (
            "t",
            Value::Array(vec![Value::Number(f64::NEG_INFINITY)]),
            "t[0]",
            "t[0] must be a finite number, got -Infinity",
        ),
    ];
    for (name, replacement, field, message) in cases {
        assert_eq!(
            error_of(&seed_with(name, Some(replacement))),
            (field.to_string(), message.to_string())
        );
    }
}

#[test]
fn step_counts() {
    assert_eq!(parse_steps(&Value::Number(0.0)), Ok(0));
    assert_eq!(parse_steps(&Value::Number(1e6)), Ok(1_000_000));
    for (steps, problem) in [
        (
            Value::Number(1.5),
            "the number 1.5 (it is not a whole number)",
        ),
        (Value::Number(-1.0), "the number -1 (it is negative)"),
        (
            Value::Number(1_000_001.0),
            "the number 1000001 (it is too large)",
        ),
        (Value::Number(f64::NAN), "NaN (it is not a finite number)"),
        (
            Value::Number(f64::INFINITY),
            "Infinity (it is not a finite number)",
        ),
        (
            value("\"10\""),
            "the string \"10\" (it is not a finite number)",
        ),
    ] {
        let e = parse_steps(&steps).expect_err("must be refused");
        assert_eq!(e.field, "steps");
        assert_eq!(
            e.message,
            format!("steps must be a whole number from 0 to 1000000, got {problem}")
        );
    }
}

#[test]
fn overflowing_results_are_errors() {
    let mut huge = State::seed();
    huge.example.x = [1e308, 1e308].into();
    huge.params.w1.fill(1e308);
    let e = evaluate(&huge).expect_err("z1 overflows");
    assert_eq!(e.field, "z1[0]");
    assert!(
        e.message
            .starts_with("the result overflowed: z1[0] would be inf"),
        "{}",
        e.message
    );

    let e = evaluate(&huge_input(1e20)).expect_err("the update overflows");
    assert_eq!(e.field, "next.w1[0][0]");
    assert!(
        e.message.contains("use a smaller learning rate"),
        "{}",
        e.message
    );
}

/// An input of 1e300 through weights of 1e-300: every forward value is ordinary, but the W1
/// gradients are about 1e298, so a large learning rate blows the weights up.
fn huge_input(lr: f64) -> State {
    let mut state = State::seed();
    state.example.x = [1e300, 0.0].into();
    state.params.w1 = nalgebra::Matrix2::new(1e-300, -1e-300, 0.1, 0.1);
    state.lr = lr;
    state
}

#[test]
fn diverging_training_stops_with_the_step_number() {
    let e = train(&huge_input(1e5), 1000).expect_err("diverges");
    assert_eq!(e.message, "training stopped at step 2 of 1000: the result overflowed: z1[0] would be inf; the inputs or weights are too large for 64-bit floating point");
    assert!(train(&huge_input(1e5), 1).is_ok());
}

/// Any JSON-like value: the parser answers with a state or an error, and never panics.
fn any_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<f64>().prop_map(Value::Number),
        prop_oneof![Just(0.5), Just(f64::NAN), Just(1e308)].prop_map(Value::Number),
        "[a-z0-9]{0,4}".prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        let key = prop_oneof![
            Just("x"),
            Just("t"),
            Just("w1"),
            Just("b1"),
            Just("w2"),
            Just("b2"),
            Just("lr"),
            Just("zz"),
        ]
        .prop_map(str::to_string);
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec((key, inner), 0..8).prop_map(Value::Object),
        ]
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn random_input_never_panics(v in any_value()) {
        if let Ok(state) = parse_state(&v) {
            // A valid state evaluates to finite numbers or a clear error.
            if let Ok(r) = evaluate(&state) {
                prop_assert!(r.entries().iter().all(|(_, x)| x.is_finite()));
            }
        }
    }
}
