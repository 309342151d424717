//! Native speed of the core: `cargo bench --bench core`.

use backprop_viz::evaluate::pass;
use backprop_viz::landscape::{landscape, Window};
use backprop_viz::presets::xor;
use backprop_viz::stages::stages;
use backprop_viz::state::State;
use backprop_viz::train::update::train;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let seed = State::seed();
    let mut group = c.benchmark_group("seed");
    group.bench_function("evaluate (one full pass)", |b| {
        b.iter(|| pass(black_box(&seed)))
    });
    group.bench_function("stages (the ten-stage tape)", |b| {
        b.iter(|| pass(black_box(&seed)).map(|p| stages(&p)))
    });
    group.throughput(Throughput::Elements(10_000));
    group.bench_function("train 10000 descent steps", |b| {
        b.iter(|| train(black_box(&seed), 10_000))
    });
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
