//! The input plane: every neuron's map equals a full pass at that grid point, for any
//! architecture; bad windows are refused by name and never panic.

mod common;

use backprop_viz::evaluate::pass;
use backprop_viz::parse::parse_plane;
use backprop_viz::plane::{plane, PlaneWindow, MAX_PLANE_RESOLUTION};
use backprop_viz::state::{Sample, State};
use common::{arb, assert_close, preset, value};
use proptest::prelude::*;

/// A window over inputs 0 and 1 (or a curve over input 0 for a 1-input network).
fn window(state: &State, resolution: usize) -> PlaneWindow {
    PlaneWindow {
        across: 0,
        up: (state.arch.inputs() >= 2).then_some(1),
        across_range: (-1.5, 2.0),
        up_range: (-0.5, 1.25),
        resolution,
    }
}

/// Asserts that every neuron's value at grid point `(column, row)` is the one `evaluate` gives
/// at those inputs.
fn assert_matches_pass(
    state: &State,
    window: &PlaneWindow,
    grid: &[f64],
    column: usize,
    row: usize,
) {
    let n = window.resolution;
    let at = |(lo, hi): (f64, f64), i: usize| lo + (hi - lo) * (i as f64 / (n - 1) as f64);
    let mut x = state.example.x.clone();
    x[window.across] = at(window.across_range, column);
    if let Some(up) = window.up {
        x[up] = at(window.up_range, row);
    }
    let at_point = State {
        example: Sample {
            x,
            t: state.example.t.clone(),
        },
        ..state.clone()
    };
    let expected = pass(&at_point).expect("finite");
    let points = window.points();
    let point = row * n + column;
    let mut k = 0;
    for l in 1..=state.arch.depth() {
        for (j, &a) in expected.forward.a[l].iter().enumerate() {
            assert_close(
                grid[k * points + point],
                a,
                &format!("a[{l}][{j}] at ({column}, {row})"),
            );
            k += 1;
        }
    }
}

#[test]
fn the_seed_plane_holds_every_neuron_then_the_ends() {
    let state = State::seed();
    let w = window(&state, 64);
    let grid = plane(&state, &w).expect("the seed's plane");
    let neurons = 3;
    assert_eq!(grid.len(), neurons * (64 * 64 + 2));
    for (column, row) in [(0, 0), (63, 0), (0, 63), (63, 63), (17, 40)] {
        assert_matches_pass(&state, &w, &grid, column, row);
    }
    let (maps, ends) = grid.split_at(neurons * 64 * 64);
    for (k, map) in maps.chunks(64 * 64).enumerate() {
        let low = map.iter().copied().fold(f64::INFINITY, f64::min);
        let high = map.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        assert_eq!(ends[k], low, "neuron {k}'s lowest");
        assert_eq!(ends[neurons + k], high, "neuron {k}'s highest");
    }
}

#[test]
fn the_plane_at_the_shown_example_is_the_shown_pass() {
    // A window whose grid passes through x = (0.5, 0.3) exactly: column 2 and row 2 of 5.
    let state = State::seed();
    let w = PlaneWindow {
        across_range: (0.0, 1.0),
        up_range: (-0.1, 0.7),
        resolution: 5,
        ..window(&state, 5)
    };
    let grid = plane(&state, &w).expect("finite");
    let y = pass(&state).expect("finite").forward.y()[0];
    assert_eq!(grid[2 * 25 + 2 * 5 + 2], y);
}

#[test]
fn xor_tanh_and_a_three_input_network_match_the_pass() {
    let xor = preset("xor-tanh");
    let w = window(&xor, 33);
    let grid = plane(&xor, &w).expect("finite");
    for point in [(0, 0), (32, 32), (5, 29)] {
        assert_matches_pass(&xor, &w, &grid, point.0, point.1);
    }
    let text = r#"{"x":[0.1,-0.4,0.9],"t":[0.2,0.8],
        "w1":[[0.3,-0.2],[0.5,0.1],[-0.7,0.4]],"b1":[0.05,-0.1],
        "w2":[[0.6,-0.3],[0.2,0.9]],"b2":[0.0,0.1],"lr":0.1,"activations":["relu","sigmoid"]}"#;
    let wide = common::state(text);
    let w = PlaneWindow {
        across: 2,
        up: Some(0),
        ..window(&wide, 9)
    };
    let grid = plane(&wide, &w).expect("finite");
    for point in [(0, 0), (8, 3), (4, 8)] {
        assert_matches_pass(&wide, &w, &grid, point.0, point.1);
    }
}

#[test]
fn a_one_input_network_gets_a_curve() {
    let text = r#"{"x":[0.25],"t":[0.5],"w1":[[1.5,-2.0]],"b1":[0.1,0.3],"w2":[[0.7],[0.4]],"b2":[0.0],
        "lr":0.1,"activations":["tanh","linear"]}"#;
    let state = common::state(text);
    let w = window(&state, 100);
    assert_eq!(w.up, None);
    let grid = plane(&state, &w).expect("finite");
    assert_eq!(grid.len(), 3 * (100 + 2));
    for column in [0, 42, 99] {
        assert_matches_pass(&state, &w, &grid, column, 0);
    }
}

proptest! {
    #![proptest_config(arb::cases(64))]

    #[test]
    fn any_network_s_plane_equals_evaluate_at_sampled_points(
        state in arb::states(),
        picks in prop::collection::vec((0usize..16, 0usize..16), 3),
    ) {
        let w = window(&state, 16);
        if let Ok(grid) = plane(&state, &w) {
            for (column, row) in picks {
                let row = if w.up.is_some() { row } else { 0 };
                assert_matches_pass(&state, &w, &grid, column, row);
            }
        }
    }
}

fn refused(state: &State, window: &str) -> (String, String) {
    let error = parse_plane(&value(window), &state.arch)
        .and_then(|w| plane(state, &w))
        .expect_err("refused");
    (error.field, error.message)
}

#[test]
fn bad_windows_are_refused_by_name() {
    let seed = State::seed();
    let max = MAX_PLANE_RESOLUTION;
    let cases = [
        ("[]", "window", "the plane window must be an object, got an array of 0 values".to_string()),
        (
            r#"{"across":0,"up":1,"across_range":[0,1],"up_range":[0,1]}"#,
            "resolution",
            "the plane window is missing resolution".to_string(),
        ),
        (
            r#"{"across":0,"up":1,"across_range":[0,1],"up_range":[0,1],"resolution":1}"#,
            "resolution",
            format!("resolution must be a whole number from 2 to {max}, got the number 1 (it is too small)"),
        ),
        (
            r#"{"across":0,"up":1,"across_range":[0,1],"up_range":[0,1],"resolution":100000}"#,
            "resolution",
            format!("resolution must be a whole number from 2 to {max}, got the number 100000 (it is too large)"),
        ),
        (
            r#"{"across":0,"up":1,"across_range":[0,1],"up_range":[0,1],"resolution":6.5}"#,
            "resolution",
            format!("resolution must be a whole number from 2 to {max}, got the number 6.5 (it is not a whole number)"),
        ),
        (
            r#"{"across":0,"up":2,"across_range":[0,1],"up_range":[0,1],"resolution":8}"#,
            "up",
            "up must be a whole number from 0 to 1, got the number 2 (it is too large)".to_string(),
        ),
        (
            r#"{"across":1,"up":1,"across_range":[0,1],"up_range":[0,1],"resolution":8}"#,
            "up",
            "across and up must be two different inputs".to_string(),
        ),
        (
            r#"{"across":0,"across_range":[0,1],"resolution":8}"#,
            "up",
            "the plane window is missing up (this network has 2 inputs)".to_string(),
        ),
        (
            r#"{"across":0,"up":1,"across_range":[1,0],"up_range":[0,1],"resolution":8}"#,
            "across_range",
            "across_range must be [low, high] with low < high, got [1, 0]".to_string(),
        ),
        (
            r#"{"across":"x","up":1,"across_range":[0,1],"up_range":[0,1],"resolution":8}"#,
            "across",
            "across must be a whole number from 0 to 1, got the string \"x\" (it is not a finite number)".to_string(),
        ),
        (
            r#"{"across":0,"up":1,"across_range":[0,1],"up_range":[0,null],"resolution":8}"#,
            "up_range[1]",
            "up_range[1] must be a finite number, got null".to_string(),
        ),
    ];
    for (window, field, message) in cases {
        assert_eq!(
            refused(&seed, window),
            (field.to_string(), message),
            "{window}"
        );
    }
}

#[test]
fn a_window_whose_values_overflow_is_refused_not_painted() {
    let text = r#"{"x":[0.5,0.3],"t":[0.7],"w1":[[1e300,0.4],[0.1,0.3]],"b1":[0.1,0.2],"w2":[[1e300],[0.6]],"b2":[0.1],
        "lr":0.1,"activations":["linear","linear"]}"#;
    let state = common::state(text);
    let window =
        r#"{"across":0,"up":1,"across_range":[-1e300,1e300],"up_range":[0,1],"resolution":8}"#;
    assert_eq!(refused(&state, window).0, "window");
}
