//! Every invalid input is refused with a message that names the field and the problem; finite
//! inputs whose results overflow are refused too, never answered with NaN or ∞.

mod common;

use backprop_viz::evaluate::pass;
use backprop_viz::json::Value;
use backprop_viz::network::loss::LossFn;
use backprop_viz::parse::{parse_arch, parse_seed, parse_state, parse_steps};
use backprop_viz::state::State;
use backprop_viz::train::update::{train, train_run};
use common::{leaves, value, SEED_JSON};
use proptest::prelude::*;

/// The seed with one field replaced by `replacement`, added when missing, or removed when
/// `None`.
fn seed_with(field: &str, replacement: Option<Value>) -> Value {
    let Value::Object(mut entries) = value(SEED_JSON) else {
        unreachable!("the seed is an object")
    };
    match replacement {
        Some(v) => match entries.iter_mut().find(|(k, _)| k == field) {
            Some(entry) => entry.1 = v,
            None => entries.push((field.to_string(), v)),
        },
        None => entries.retain(|(k, _)| k != field),
    }
    Value::Object(entries)
}

fn error_of(v: &Value) -> (String, String) {
    let e = parse_state(v).expect_err("must be refused");
    (e.field, e.message)
}

/// Asserts that each `(state JSON, field, message)` is refused exactly so.
#[track_caller]
fn refused(cases: &[(&str, &str, &str)]) {
    for (text, field, message) in cases {
        assert_eq!(
            error_of(&value(text)),
            (field.to_string(), message.to_string()),
            "{text}"
        );
    }
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
                "the state must be an object (with fields x, t, w1, b1, …, wL, bL, lr), got {got}"
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
            "the state has w2 but is missing w1: weight layers run w1, w2, … without gaps".into()
        )
    );
    assert_eq!(
        error_of(&seed_with("b2", None)),
        ("b2".into(), "the state is missing b2".into())
    );
    assert_eq!(
        error_of(&seed_with("lr", None)),
        (
            "lr".into(),
            "the state is missing lr (the learning rate)".into()
        )
    );
    let (field, message) = error_of(&seed_with("W1", Some(Value::Number(1.0))));
    assert_eq!(field, "W1");
    assert_eq!(message, "the state has an unknown field \"W1\"; its fields are x, t, w1, b1, … wL, bL (at most 7 layers), lr, and optionally activations, loss_fn, update, update_order, train_biases, samples, mode, init_seed, batch_size, shuffle_seed, test_fraction, l2, dataset");
    for key in ["w0", "w02", "b0", "zz"] {
        let (field, message) = error_of(&seed_with(key, Some(Value::Number(1.0))));
        assert_eq!(field, key);
        assert!(message.starts_with(&format!("the state has an unknown field \"{key}\"")));
    }
    refused(&[(
        r#"{"x":[0.5,0.3],"x":[1,2],"t":[0.7],"w1":[[0.2,0.4],[0.1,0.3]],"b1":[0.1,0.2],"w2":[[0.5],[0.6]],"b2":[0.1],"lr":0.1}"#,
        "x",
        "the state has the field \"x\" twice",
    )]);
}

#[test]
fn wrong_shapes() {
    let cases = [
        (
            "w1",
            "[0.2,0.4,0.1,0.3]",
            "w1",
            "w1 must be an array of rows (one column per neuron of hidden layer 1, 1 to 8), got a first row that is the number 0.2",
        ),
        (
            "w1",
            "[]",
            "w1",
            "w1 must be an array of rows (one column per neuron of hidden layer 1, 1 to 8), got an empty array",
        ),
        (
            "w1",
            "[[0.2,0.4],0.1]",
            "w1[1]",
            "w1[1] must be an array of 2 numbers, got the number 0.1",
        ),
        (
            "w1",
            "[[0.2,0.4],[0.1]]",
            "w1[1]",
            "w1[1] must be an array of 2 numbers, got an array of 1 value",
        ),
        (
            "w2",
            "[0.5,0.6]",
            "w2",
            "w2 must be an array of rows (one column per output, 1 to 4), got a first row that is the number 0.5",
        ),
        (
            "t",
            "0.7",
            "t",
            "t must be an array of 1 number (one per output, the columns of w2), got the number 0.7",
        ),
        (
            "b1",
            "{}",
            "b1",
            "b1 must be an array of 2 numbers (one per column of w1), got an object",
        ),
        (
            "x",
            "[]",
            "x",
            "x must be an array of 1 to 4 numbers (one per input), got an array of 0 values",
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
fn shapes_that_disagree_name_the_field_and_where_its_shape_comes_from() {
    refused(&[
        // x has 3 numbers, so w1 needs 3 rows.
        (
            r#"{"x":[0.5,0.3,1],"t":[0.7],"w1":[[0.2,0.4],[0.1,0.3]],"b1":[0.1,0.2],"w2":[[0.5],[0.6]],"b2":[0.1],"lr":0.1}"#,
            "w1",
            "w1 must be an array of 3 rows (one per input, the length of x), each an array of 2 numbers, got an array of 2 values",
        ),
        // Rows of w2 ≠ columns of w1.
        (
            r#"{"x":[0.5,0.3],"t":[0.7],"w1":[[0.2,0.4,1],[0.1,0.3,1]],"b1":[0.1,0.2,0.3],"w2":[[0.5],[0.6]],"b2":[0.1],"lr":0.1}"#,
            "w2",
            "w2 must be an array of 3 rows (one per neuron of layer 1, the columns of w1), each an array of 1 number, got an array of 2 values",
        ),
        // len(b1) ≠ columns of w1.
        (
            r#"{"x":[0.5,0.3],"t":[0.7],"w1":[[0.2,0.4],[0.1,0.3]],"b1":[0.1,0.2,0.3],"w2":[[0.5],[0.6]],"b2":[0.1],"lr":0.1}"#,
            "b1",
            "b1 must be an array of 2 numbers (one per column of w1), got an array of 3 values",
        ),
        // len(t) ≠ columns of wL.
        (
            r#"{"x":[0.5,0.3],"t":[0.7,0.1],"w1":[[0.2,0.4],[0.1,0.3]],"b1":[0.1,0.2],"w2":[[0.5],[0.6]],"b2":[0.1],"lr":0.1}"#,
            "t",
            "t must be an array of 1 number (one per output, the columns of w2), got an array of 2 values",
        ),
        // A 2-3-2-1 whose w3 has the rows of a 2-3-1.
        (
            r#"{"x":[0.5,0.3],"t":[0.7],"w1":[[1,1,1],[1,1,1]],"b1":[0,0,0],"w2":[[1,1],[1,1],[1,1]],"b2":[0,0],"w3":[[1],[1],[1]],"b3":[0],"lr":0.1}"#,
            "w3",
            "w3 must be an array of 2 rows (one per neuron of layer 2, the columns of w2), each an array of 1 number, got an array of 3 values",
        ),
        // A ragged w2: its second row is shorter than its first.
        (
            r#"{"x":[0.5,0.3],"t":[0.7,0.1],"w1":[[0.2,0.4],[0.1,0.3]],"b1":[0.1,0.2],"w2":[[0.5,1],[0.6]],"b2":[0.1,0],"lr":0.1}"#,
            "w2[1]",
            "w2[1] must be an array of 2 numbers, got an array of 1 value",
        ),
        // Samples follow the network's inputs and outputs.
        (
            r#"{"x":[0.5,0.3],"t":[0.7],"w1":[[0.2,0.4],[0.1,0.3]],"b1":[0.1,0.2],"w2":[[0.5],[0.6]],"b2":[0.1],"lr":0.1,"samples":[{"x":[0,1,2],"t":[1]}]}"#,
            "samples[0].x",
            "samples[0].x must be an array of 2 numbers (one per input), got an array of 3 values",
        ),
        (
            r#"{"x":[0.5,0.3],"t":[0.7],"w1":[[0.2,0.4],[0.1,0.3]],"b1":[0.1,0.2],"w2":[[0.5],[0.6]],"b2":[0.1],"lr":0.1,"samples":[{"x":[0,1],"t":[1,0]}]}"#,
            "samples[0].t",
            "samples[0].t must be an array of 1 number (one per output), got an array of 2 values",
        ),
    ]);
}

#[test]
fn gaps_between_layers() {
    refused(&[
        (
            r#"{"x":[0.5,0.3],"t":[0.7],"w1":[[0.2,0.4],[0.1,0.3]],"b1":[0.1,0.2],"w3":[[0.5],[0.6]],"b3":[0.1],"lr":0.1}"#,
            "w2",
            "the state has w3 but is missing w2: weight layers run w1, w2, … without gaps",
        ),
        (
            r#"{"x":[0.5,0.3],"t":[0.7],"w1":[[0.2,0.4],[0.1,0.3]],"b1":[0.1,0.2],"w2":[[0.5],[0.6]],"b2":[0.1],"b3":[0.1],"lr":0.1}"#,
            "b3",
            "the state has b3 but no w3: each bias layer needs its weights",
        ),
        (
            r#"{"x":[0.5,0.3],"t":[0.7],"b1":[0.1,0.2],"lr":0.1}"#,
            "w1",
            "the state is missing w1 (the first layer's weights)",
        ),
    ]);
}

/// A network `x` → `hidden` layers of 1 → `outputs`, written as JSON with the given widths.
fn chain(inputs: usize, hidden: &[usize], outputs: usize) -> String {
    let mut widths = vec![inputs];
    widths.extend(hidden);
    widths.push(outputs);
    let ones = |n: usize| format!("[{}]", vec!["1"; n].join(","));
    let zeros = |n: usize| format!("[{}]", vec!["0"; n].join(","));
    let mut fields = vec![
        format!("\"x\":{}", ones(inputs)),
        format!("\"t\":{}", zeros(outputs)),
    ];
    for l in 1..widths.len() {
        let rows = vec![ones(widths[l]); widths[l - 1]].join(",");
        fields.push(format!("\"w{l}\":[{rows}]"));
        fields.push(format!("\"b{l}\":{}", zeros(widths[l])));
    }
    fields.push("\"lr\":0.1".into());
    format!("{{{}}}", fields.join(","))
}

#[test]
fn sizes_beyond_the_limits() {
    // The largest network within the limits is accepted: 4-8-8-8-8-8-8-4.
    let largest = parse_state(&value(&chain(4, &[8; 6], 4))).expect("within the limits");
    assert_eq!(largest.arch.widths(), [4, 8, 8, 8, 8, 8, 8, 4]);
    assert_eq!(
        parse_state(&value(&chain(1, &[], 1)))
            .expect("a single neuron")
            .arch
            .widths(),
        [1, 1]
    );
    refused(&[
        (
            &chain(1, &[1; 7], 1),
            "w8",
            "the state has w8, but a network has at most 7 weight layers (w1 … w7: up to 6 hidden layers and the output layer)",
        ),
        (
            &chain(2, &[9], 1),
            "w1",
            "w1 must be an array of rows (one column per neuron of hidden layer 1, 1 to 8), got a first row that is an array of 9 values",
        ),
        (
            &chain(2, &[3, 8, 9], 1),
            "w3",
            "w3 must be an array of rows (one column per neuron of hidden layer 3, 1 to 8), got a first row that is an array of 9 values",
        ),
        (
            &chain(5, &[2], 1),
            "x",
            "x must be an array of 1 to 4 numbers (one per input), got an array of 5 values",
        ),
        (
            &chain(2, &[2], 5),
            "w2",
            "w2 must be an array of rows (one column per output, 1 to 4), got a first row that is an array of 5 values",
        ),
        (
            &chain(1, &[], 5),
            "w1",
            "w1 must be an array of rows (one column per output, 1 to 4), got a first row that is an array of 5 values",
        ),
    ]);
}

#[test]
fn activations() {
    let with = |extra: &str| SEED_JSON.replace("\"lr\":0.1", &format!("\"lr\":0.1,{extra}"));
    refused(&[
        (
            &with(r#""activations":["sigmoid","softmax"]"#),
            "activations[1]",
            r#"activations[1] must be one of "sigmoid", "tanh", "relu", "linear", got the string "softmax""#,
        ),
        (
            &with(r#""activations":["sigmoid"]"#),
            "activations",
            "activations must be an array of 2 names (one per layer after the inputs: sigmoid, tanh, relu or linear), got an array of 1 value",
        ),
        (
            &with(r#""activations":["tanh","tanh","sigmoid"]"#),
            "activations",
            "activations must be an array of 2 names (one per layer after the inputs: sigmoid, tanh, relu or linear), got an array of 3 values",
        ),
        (
            &with(r#""activations":"tanh""#),
            "activations",
            "activations must be an array of 2 names (one per layer after the inputs: sigmoid, tanh, relu or linear), got the string \"tanh\"",
        ),
    ]);
    let tanh = parse_state(&value(&with(r#""activations":["tanh","linear"]"#))).expect("valid");
    let names: Vec<&str> = tanh.arch.activations().iter().map(|a| a.name()).collect();
    assert_eq!(names, ["tanh", "linear"]);
}

#[test]
fn losses_and_cross_entropy_that_does_not_fit() {
    let with = |extra: &str| SEED_JSON.replace("\"lr\":0.1", &format!("\"lr\":0.1,{extra}"));
    refused(&[
        (
            &with(r#""loss_fn":"hinge""#),
            "loss_fn",
            r#"loss_fn must be one of "squared", "half_squared", "cross_entropy", got the string "hinge""#,
        ),
        (
            &with(r#""loss_fn":"cross_entropy","activations":["sigmoid","tanh"]"#),
            "loss_fn",
            "cross-entropy needs a sigmoid output layer (its y is a probability), but the output layer uses tanh; choose sigmoid for it or a squared-error loss",
        ),
        (
            &with(r#""loss_fn":"cross_entropy","activations":["relu","linear"]"#),
            "loss_fn",
            "cross-entropy needs a sigmoid output layer (its y is a probability), but the output layer uses linear; choose sigmoid for it or a squared-error loss",
        ),
        (
            &with(r#""loss_fn":"cross_entropy""#).replace("\"t\":[0.7]", "\"t\":[1.5]"),
            "t[0]",
            "cross-entropy needs targets from 0 to 1, but t[0] is 1.5; choose a squared-error loss for other targets",
        ),
        (
            &with(r#""loss_fn":"cross_entropy","samples":[{"x":[0,0],"t":[0]},{"x":[0,1],"t":[-0.1]}]"#),
            "samples[1].t[0]",
            "cross-entropy needs targets from 0 to 1, but samples[1].t[0] is -0.1; choose a squared-error loss for other targets",
        ),
    ]);
    // Targets of exactly 0 and 1 fit, and cross-entropy with a tanh hidden layer is fine.
    parse_state(&value(&with(
        r#""loss_fn":"cross_entropy","activations":["tanh","sigmoid"],"samples":[{"x":[0,0],"t":[0]},{"x":[0,1],"t":[1]}]"#,
    )))
    .expect("valid");
}

#[test]
fn train_biases_and_init_seed() {
    let with = |extra: &str| SEED_JSON.replace("\"lr\":0.1", &format!("\"lr\":0.1,{extra}"));
    refused(&[
        (
            &with(r#""train_biases":"no""#),
            "train_biases",
            "train_biases must be true or false, got the string \"no\"",
        ),
        (
            &with(r#""train_biases":0"#),
            "train_biases",
            "train_biases must be true or false, got the number 0",
        ),
        (
            &with(r#""train_biases":null"#),
            "train_biases",
            "train_biases must be true or false, got null",
        ),
        (
            &with(r#""init_seed":-1"#),
            "init_seed",
            "init_seed must be a whole number from 0 to 4294967295, got the number -1 (it is negative)",
        ),
        (
            &with(r#""init_seed":1.5"#),
            "init_seed",
            "init_seed must be a whole number from 0 to 4294967295, got the number 1.5 (it is not a whole number)",
        ),
        (
            &with(r#""init_seed":4294967296"#),
            "init_seed",
            "init_seed must be a whole number from 0 to 4294967295, got the number 4294967296 (it is too large)",
        ),
        (
            &with(r#""init_seed":"7""#),
            "init_seed",
            "init_seed must be a whole number from 0 to 4294967295, got the string \"7\" (it is not a finite number)",
        ),
    ]);
    let state = parse_state(&value(&with(
        r#""train_biases":false,"init_seed":4294967295"#,
    )))
    .expect("valid");
    assert_eq!((state.train_biases, state.init_seed), (false, u32::MAX));
    assert_eq!(
        parse_seed(&Value::Number(-3.0))
            .expect_err("negative")
            .message,
        "seed must be a whole number from 0 to 4294967295, got the number -3 (it is negative)"
    );
}

#[test]
fn architectures_for_reshape() {
    let ok = parse_arch(&value(
        r#"{"widths":[2,3,1],"activations":["tanh","sigmoid"]}"#,
    ))
    .expect("valid");
    assert_eq!(ok.widths(), [2, 3, 1]);
    for (text, field, message) in [
        (r#"[]"#, "arch", "the architecture must be an object with widths and activations, got an array of 0 values"),
        (r#"{"widths":[2,3,1]}"#, "activations", "the architecture is missing activations (one per layer after the inputs)"),
        (r#"{"activations":["tanh"]}"#, "widths", "the architecture is missing widths (the layer widths, inputs first)"),
        (r#"{"widths":[2],"activations":[]}"#, "widths", "widths must be an array of 2 to 8 layer widths, got an array of 1 value"),
        (r#"{"widths":[1,1,1,1,1,1,1,1,1],"activations":["tanh","tanh","tanh","tanh","tanh","tanh","tanh","tanh"]}"#, "widths", "widths must be an array of 2 to 8 layer widths, got an array of 9 values"),
        (r#"{"widths":[5,3,1],"activations":["tanh","sigmoid"]}"#, "widths[0]", "widths[0] must be a whole number from 1 to 4, got the number 5 (it is too large)"),
        (r#"{"widths":[2,9,1],"activations":["tanh","sigmoid"]}"#, "widths[1]", "widths[1] must be a whole number from 1 to 8, got the number 9 (it is too large)"),
        (r#"{"widths":[2,0,1],"activations":["tanh","sigmoid"]}"#, "widths[1]", "widths[1] must be a whole number from 1 to 8, got the number 0 (it is too small)"),
        (r#"{"widths":[2,3,5],"activations":["tanh","sigmoid"]}"#, "widths[2]", "widths[2] must be a whole number from 1 to 4, got the number 5 (it is too large)"),
        (r#"{"widths":[2,3,1],"activations":["tanh"]}"#, "activations", "activations must be an array of 2 names (one per layer after the inputs: sigmoid, tanh, relu or linear), got an array of 1 value"),
        (r#"{"widths":[2,3,1],"activations":["tanh","gelu"]}"#, "activations[1]", r#"activations[1] must be one of "sigmoid", "tanh", "relu", "linear", got the string "gelu""#),
    ] {
        let e = parse_arch(&value(text)).expect_err(text);
        assert_eq!((e.field.as_str(), e.message.as_str()), (field, message), "{text}");
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
    huge.example.x = vec![1e308, 1e308];
    huge.params[..4].fill(1e308);
    let e = pass(&huge).expect_err("z1 overflows");
    assert_eq!(e.field, "z1[0]");
    assert!(
        e.message
            .starts_with("the result overflowed: z1[0] would be inf"),
        "{}",
        e.message
    );

    let e = pass(&huge_input(1e20)).expect_err("the update overflows");
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
    state.example.x = vec![1e300, 0.0];
    state.params[..4].copy_from_slice(&[1e-300, -1e-300, 0.1, 0.1]);
    state.lr = lr;
    state
}

#[test]
fn diverging_training_stops_with_the_step_number() {
    let message = "training stopped at step 2 of 1000: the result overflowed: z1[0] would be inf; the inputs or weights are too large for 64-bit floating point";
    let e = train(&huge_input(1e5), 1000).expect_err("diverges");
    assert_eq!((e.field.as_str(), e.message.as_str()), ("z1[0]", message));
    assert!(train(&huge_input(1e5), 1).is_ok());
    // A training run ends at the last state whose pass is finite — here the start, since the
    // state after step 1 already overflows in its forward pass — and says why it stopped.
    let run = train_run(&huge_input(1e5), 1000, None);
    assert_eq!((run.steps, run.losses.len()), (0, 0));
    assert_eq!(run.state, huge_input(1e5));
    assert!(pass(&run.state).is_ok());
    let error = run.error.expect("it overflowed");
    assert_eq!(error.field, "z1[0]");
    assert_eq!(
        message,
        format!("training stopped at step 2 of 1000: {}", error.message)
    );
}

/// Any JSON-like value: the parser answers with a state or an error, and never panics.
fn any_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<f64>().prop_map(Value::Number),
        prop_oneof![Just(0.5), Just(0.0), Just(1.0), Just(f64::NAN), Just(1e308)]
            .prop_map(Value::Number),
        prop_oneof![
            "[a-z0-9]{0,4}",
            Just("sigmoid".to_string()),
            Just("relu".to_string()),
            Just("cross_entropy".to_string()),
        ]
        .prop_map(Value::String),
    ];
    leaf.prop_recursive(4, 64, 8, |inner| {
        let key = prop_oneof![
            Just("x"),
            Just("t"),
            Just("w1"),
            Just("b1"),
            Just("w2"),
            Just("b2"),
            Just("w3"),
            Just("b3"),
            Just("lr"),
            Just("activations"),
            Just("loss_fn"),
            Just("train_biases"),
            Just("samples"),
            Just("init_seed"),
            Just("zz"),
        ]
        .prop_map(str::to_string);
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec((key, inner), 0..8).prop_map(Value::Object),
        ]
    })
}

/// The seed with one value somewhere in it replaced by a random one.
fn mutated_seed() -> impl Strategy<Value = Value> {
    let paths: Vec<Vec<usize>> = vec![
        vec![0],
        vec![0, 0],
        vec![1],
        vec![1, 0],
        vec![2],
        vec![2, 1],
        vec![2, 0, 1],
        vec![3],
        vec![4, 1, 0],
        vec![5],
        vec![6],
    ];
    (prop::sample::select(paths), any_value()).prop_map(|(path, replacement)| {
        fn replace(v: &mut Value, path: &[usize], replacement: Value) {
            match (path.split_first(), v) {
                (None, v) => *v = replacement,
                (Some((i, rest)), Value::Object(entries)) => {
                    replace(&mut entries[*i].1, rest, replacement)
                }
                (Some((i, rest)), Value::Array(items)) => {
                    replace(&mut items[*i], rest, replacement)
                }
                _ => {}
            }
        }
        let mut seed = value(SEED_JSON);
        replace(&mut seed, &path, replacement);
        seed
    })
}

proptest! {
    #![proptest_config(common::arb::cases(2000))]

    #[test]
    fn random_input_never_panics(v in prop_oneof![any_value(), mutated_seed()]) {
        if let Ok(state) = parse_state(&v) {
            // A valid state evaluates to finite numbers or a clear error.
            if let Ok(r) = pass(&state) {
                let json = serde_json::to_value(&r).expect("serialisable");
                let cross_entropy = state.loss_fn == LossFn::CrossEntropy;
                for (path, number) in leaves(&json) {
                    // ∂E/∂y of cross-entropy is +∞ where a confidently wrong output rounds to
                    // 0 or 1 (δ = y − t stays finite); nothing else may be.
                    let allowed = cross_entropy && path.starts_with(".grad.y[");
                    prop_assert!(
                        allowed || !["NaN", "inf", "-inf", "null"].contains(&number.as_str()),
                        "{path} = {number}"
                    );
                }
            }
        }
    }
}
