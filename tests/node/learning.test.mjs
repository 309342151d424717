// The learning-tool exports through the real wasm module: presets, training runs with a
// target, finite differences and the loss landscape, and their bad input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { wasm, SEED } from './wasm.mjs';

const presetState = (id) => wasm.presets().find((p) => p.id === id).state;
const isError = (pattern) => (e) => e instanceof Error && pattern.test(e.message);

test('presets: seed first and equal to defaultState, each one evaluates', () => {
  const presets = wasm.presets();
  assert.deepEqual(presets.map((p) => p.id), ['seed', 'xor', 'saturated', 'ascent']);
  assert.deepEqual(presets[0].state, wasm.defaultState());
  for (const p of presets) {
    assert.ok(p.title && p.note, p.id);
    assert.ok(Number.isFinite(wasm.evaluate(p.state).loss), p.id);
  }
  assert.equal(presetState('xor').samples.length, 4);
  assert.equal(presetState('ascent').update, 'ascent');
});

test('xor: evaluate reports the batch mean over its four samples', () => {
  const r = wasm.evaluate(presetState('xor'));
  assert.equal(r.batch.samples.length, 4);
  const mean = r.batch.samples.reduce((sum, s) => sum + s.loss, 0) / 4;
  assert.ok(Math.abs(r.batch.loss - mean) < 1e-15);
  assert.deepEqual(Object.keys(r.batch.grad), ['w1', 'b1', 'w2', 'b2']);
});

test('trainRun records the loss and stops at its target', () => {
  const run = wasm.trainRun(presetState('xor'), 100000, 0.01);
  assert.ok(run.steps > 100 && run.steps < 100000, String(run.steps));
  assert.equal(run.losses.length, run.steps);
  assert.ok(run.loss <= 0.01 && run.losses.at(-1) > 0.01);
  assert.deepEqual(run.state, wasm.train(presetState('xor'), run.steps));
  const plain = wasm.trainRun(SEED, 10, undefined);
  assert.equal(plain.steps, 10);
  assert.throws(() => wasm.trainRun(SEED, 10, NaN), isError(/^stopBelow must be a finite number, got NaN$/));
});

test('the ascent preset raises the loss', () => {
  const run = wasm.trainRun(presetState('ascent'), 50);
  assert.ok(run.losses.every((l, k) => k === 0 || l > run.losses[k - 1]));
  assert.ok(run.loss > run.losses[0]);
});

test('finiteDifferences puts each analytic gradient beside its numeric twin', () => {
  const rows = wasm.finiteDifferences(SEED, 1e-6);
  assert.deepEqual(rows.map((r) => r.name), [
    'w1.0.0', 'w1.0.1', 'w1.1.0', 'w1.1.1', 'b1.0', 'b1.1', 'w2.0.0', 'w2.1.0', 'b2.0',
  ]);
  const r = wasm.evaluate(SEED);
  assert.equal(rows[1].analytic, r.grad.w1[0][1]);
  assert.ok(rows.every((row) => row.relative_error < 1e-6));
  assert.throws(() => wasm.finiteDifferences(SEED, 0), isError(/^eps must be a number from 1e-12 to 1/));
  assert.throws(() => wasm.finiteDifferences(SEED, 'x'), isError(/^eps must be a finite number/));
});

test('landscape computes a 101×101 grid of J with the point and descent direction', () => {
  const map = wasm.landscape(SEED, { a: 'w2.0.0', b: 'w2.1.0', a_range: [-1.5, 2.5], b_range: [-1.4, 2.6], resolution: 101 });
  assert.equal(map.loss.length, 101 * 101);
  assert.deepEqual(map.point, [0.5, 0.6]);
  const r = wasm.evaluate(SEED);
  assert.equal(map.point_loss, r.loss);
  assert.deepEqual(map.descent, [-r.grad.w2[0][0], -r.grad.w2[1][0]]);
  // The grid point at (0.5, 0.6): column 50, row 50.
  assert.ok(Math.abs(map.loss[50 * 101 + 50] - r.loss) < 1e-15);
  assert.throws(() => wasm.landscape(SEED, { a: 'w2.0.0', b: 'w2.0.0', a_range: [0, 1], b_range: [0, 1], resolution: 11 }),
    isError(/^a and b must be two different parameters$/));
  assert.throws(() => wasm.landscape(SEED, null), isError(/^the window must be an object/));
});

test('the loss convention switch halves loss and ∂E/∂y', () => {
  const full = wasm.evaluate(SEED);
  const half = wasm.evaluate({ ...SEED, loss_fn: 'half_squared' });
  assert.ok(Math.abs(half.loss - full.loss / 2) < 1e-18);
  assert.ok(Math.abs(half.grad.y[0] - full.grad.y[0] / 2) < 1e-16);
  const tape = wasm.stages({ ...SEED, loss_fn: 'half_squared' });
  assert.equal(tape[3].formulas[0].rhs.kind, 'difference');
  assert.throws(() => wasm.evaluate({ ...SEED, loss_fn: 'l1' }), isError(/^loss_fn must be one of "squared", "half_squared"/));
});

test('validateState returns the canonical state or throws the core\'s Error', () => {
  assert.deepEqual(wasm.validateState({ ...SEED, loss_fn: 'squared', update: 'descent', mode: 'batch' }), SEED);
  assert.deepEqual(wasm.validateState(presetState('xor')), presetState('xor'));
  assert.throws(() => wasm.validateState({ ...SEED, b2: [NaN] }), isError(/^b2\[0\] must be a finite number, got NaN$/));
  assert.throws(() => wasm.validateState(JSON.parse('{"x":[1e308,1e308],"t":[0],"w1":[[1e308,0],[1e308,0]],"b1":[0,0],"w2":[[0],[0]],"b2":[0],"lr":0.1}')),
    isError(/^the result overflowed: z1\[0\]/));
});
