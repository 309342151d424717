//! Native speed of the core: `cargo bench --bench core`.

use backprop_viz::evaluate::pass;
use backprop_viz::json::Value;
use backprop_viz::landscape::{landscape, Window};
use backprop_viz::parse::parse_state;
use backprop_viz::presets::xor;
use backprop_viz::stages::stages;
use backprop_viz::state::State;
use backprop_viz::train::update::train;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;

/// The 2-8-8-1 tanh network on 200 samples, from the fixture the JavaScript benches read.
fn deep_state() -> State {
    let text = include_str!("train-2-8-8-1.json");
    let value =
        Value::read(&mut serde_json::Deserializer::from_str(text)).expect("the fixture is JSON");
    parse_state(&value).expect("the fixture is a valid state")
}

fn bench(c: &mut Criterion) {
    let seed = State::seed();
    let mut group = c.benchmark_group("seed");
    group.bench_function("evaluate (one full pass)", |b| {
        b.iter(|| pass(black_box(&seed)))
    });
    group.bench_function("stages (the ten-stage tape)", |b| {
        b.iter(|| pass(black_box(&seed)).map(|p| stages(&p)))
    });
    group.finish();

    // Issue 11's training rows: the same states tools/bench-train.mjs gives the wasm core.
    let mut group = c.benchmark_group("train");
    for (name, state, steps) in [
        ("2-2-1 seed", seed.clone(), 100_000),
        ("2-8-8-1 tanh, 200 samples", deep_state(), 200),
    ] {
        group.throughput(Throughput::Elements(steps.into()));
        group.bench_function(name, |b| b.iter(|| train(black_box(&state), steps)));
    }
    group.finish();

    let window = Window {
        a: 6,
        b: 7,
        a_range: (-4.0, 4.0),
        b_range: (-4.0, 4.0),
        resolution: 101,
    };
    c.bench_function("landscape 101×101, seed", |b| {
        b.iter(|| landscape(black_box(&seed), &window))
    });
    let xor = xor();
    c.bench_function("landscape 101×101, XOR (4 samples)", |b| {
        b.iter(|| landscape(black_box(&xor), &window))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
