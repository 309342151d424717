//! States saved by the page before the network could be chosen (the 2-2-1 core of commit
//! 6ca0b6c, recorded in `common/page-v1.json` with what that core computed for them) still open
//! unchanged: the same state, the same numbers bit for bit, the same training.

mod common;

use backprop_viz::json::Value;
use backprop_viz::parse::parse_state;
use backprop_viz::presets::presets;
use backprop_viz::train::update::{train, train_run};
use common::{evaluate_json, leaves, page_v1};
use serde_json::json;

fn parsed(v: &serde_json::Value) -> backprop_viz::state::State {
    parse_state(&Value::read(v.clone()).expect("JSON")).expect("an old state still opens")
}

/// The old `evaluate()` result in today's names: `h` is `h1`, and `sigma_prime: { h, y }` is
/// `slope: { z1, z2 }`.
fn renamed(old: &serde_json::Value) -> serde_json::Value {
    let mut r = old.clone();
    let map = r.as_object_mut().expect("an object");
    let h = map.remove("h").expect("h");
    map.insert("h1".into(), h);
    let slopes = map.remove("sigma_prime").expect("sigma_prime");
    map.insert(
        "slope".into(),
        json!({ "z1": slopes["h"], "z2": slopes["y"] }),
    );
    let grad = map["grad"].as_object_mut().expect("grad");
    let h = grad.remove("h").expect("grad.h");
    grad.insert("h1".into(), h);
    r
}

#[test]
fn the_fixture_covers_every_option_of_the_old_page() {
    let fixture = page_v1();
    let saved: Vec<&serde_json::Value> = fixture.iter().map(|e| &e["saved"]).collect();
    assert!(saved.len() >= 7);
    for key in ["loss_fn", "update", "samples", "mode"] {
        assert!(
            saved.iter().any(|s| s.get(key).is_some()),
            "some saved state has {key}"
        );
    }
    assert!(saved.iter().any(|s| s["mode"] == "per_sample"));
    assert!(saved.iter().any(|s| s["loss_fn"] == "half_squared"));
}

#[test]
fn old_states_open_as_the_same_state_and_save_the_same_json() {
    for entry in page_v1() {
        let name = entry["name"].as_str().unwrap_or("?");
        let state = parsed(&entry["saved"]);
        assert_eq!(
            parsed(&entry["input"]),
            state,
            "{name}: as typed and as saved"
        );
        assert_eq!(state.arch.widths(), [2, 2, 1], "{name}");
        // Saving it again writes the same JSON (options at their defaults still left out).
        let again = serde_json::to_value(&state).expect("serialisable");
        assert_eq!(leaves(&again), leaves(&entry["saved"]), "{name}");
    }
}

#[test]
fn old_states_give_the_same_numbers_bit_for_bit() {
    for entry in page_v1() {
        let name = entry["name"].as_str().unwrap_or("?");
        let state = parsed(&entry["saved"]);
        let mut now = evaluate_json(&state);
        assert_eq!(now["dead"], json!([]), "{name}: sigmoids are never dead");
        now.as_object_mut().expect("an object").remove("dead");
        // Newer than these states: the accuracy of a classification's samples.
        if let Some(batch) = now.get_mut("batch").and_then(|b| b.as_object_mut()) {
            batch.remove("accuracy");
        }
        assert_eq!(leaves(&now), leaves(&renamed(&entry["evaluate"])), "{name}");
    }
}

#[test]
fn old_states_train_the_same() {
    for entry in page_v1() {
        let name = entry["name"].as_str().unwrap_or("?");
        let state = parsed(&entry["saved"]);
        let trained = serde_json::to_value(train(&state, 25).expect("finite")).expect("json");
        assert_eq!(leaves(&trained), leaves(&entry["train_25"]), "{name}");
        let run = train_run(&state, 25, None);
        assert_eq!(
            serde_json::to_value(&run.losses).expect("json"),
            entry["losses_25"],
            "{name}"
        );
    }
}

#[test]
fn the_old_presets_are_unchanged() {
    for entry in page_v1() {
        let Some(id) = entry["name"]
            .as_str()
            .and_then(|n| n.strip_prefix("preset "))
        else {
            continue;
        };
        let preset = presets().into_iter().find(|p| p.id == id).expect(id);
        let now = serde_json::to_value(&preset.state).expect("json");
        assert_eq!(leaves(&now), leaves(&entry["saved"]), "{id}");
    }
}
