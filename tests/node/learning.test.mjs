// The learning-tool exports through the real wasm module: presets and their lessons, training
// runs with a target, finite differences and the loss landscape, and their bad input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { wasm, SEED } from './wasm.mjs';

const presetState = (id) => wasm.presets().find((p) => p.id === id).state;
const isError = (pattern) => (e) => e instanceof Error && pattern.test(e.message);

test('presets: seed first and equal to defaultState, each one validates and evaluates', () => {
  const presets = wasm.presets();
  assert.deepEqual(presets.map((p) => p.id),
    ['seed', 'xor', 'saturated', 'ascent', 'mazur', 'xor-tanh', 'deep-sigmoid', 'dead-relu']);
  assert.deepEqual(presets[0].state, wasm.defaultState());
  for (const p of presets) {
    assert.ok(p.title && p.note, p.id);
    assert.deepEqual(wasm.validateState(p.state), p.state, p.id);
    assert.ok(Number.isFinite(wasm.evaluate(p.state).loss), p.id);
  }
  assert.equal(presetState('xor').samples.length, 4);
  assert.equal(presetState('ascent').update, 'ascent');
  const mazur = presetState('mazur');
  assert.deepEqual([mazur.loss_fn, mazur.train_biases, mazur.lr], ['half_squared', false, 0.5]);
  assert.deepEqual(presetState('xor-tanh').activations, ['tanh', 'sigmoid']);
  assert.deepEqual(presetState('dead-relu').activations, ['relu', 'sigmoid']);
  assert.equal(presetState('deep-sigmoid').init_seed, 3);
});

test('xor: evaluate reports the batch mean over its four samples', () => {
  const r = wasm.evaluate(presetState('xor'));
  assert.equal(r.batch.samples.length, 4);
  const mean = r.batch.samples.reduce((sum, s) => sum + s.loss, 0) / 4;
  assert.ok(Math.abs(r.batch.loss - mean) < 1e-15);
  assert.deepEqual(Object.keys(r.batch.grad), ['w1', 'b1', 'w2', 'b2']);
  assert.deepEqual(Object.keys(r.batch.samples[0]), ['x', 't', 'y', 'loss']);
});

test('trainRun records the loss and stops at its target', () => {
  const run = wasm.trainRun(presetState('xor'), 100000, 0.01);
  assert.ok(run.steps > 100 && run.steps < 100000, String(run.steps));
  assert.equal(run.losses.length, run.steps);
  assert.ok(run.loss <= 0.01 && run.losses.at(-1) > 0.01);
  assert.deepEqual(run.state, wasm.train(presetState('xor'), run.steps));
  assert.equal(run.error, undefined);
  const plain = wasm.trainRun(SEED, 10, undefined);
  assert.equal(plain.steps, 10);
  assert.throws(() => wasm.trainRun(SEED, 10, NaN), isError(/^stopBelow must be a finite number, got NaN$/));
});

test('xor-tanh learns XOR below J = 0.01 within 5000 steps', () => {
  const state = presetState('xor-tanh');
  const run = wasm.trainRun(state, 5000, 0.01);
  assert.ok(run.losses[0] > 0.2, `J starts at ${run.losses[0]}`);
  assert.ok(run.loss <= 0.01 && run.steps < 5000, `J = ${run.loss} after ${run.steps} steps`);
  const outputs = wasm.evaluate(run.state).batch.samples.map((s) => s.y[0]);
  assert.ok(outputs[0] < 0.2 && outputs[1] > 0.8 && outputs[2] > 0.8 && outputs[3] < 0.2, String(outputs));
});

test('mazur: one step gives his numbers, and the biases stay', () => {
  const state = presetState('mazur');
  const r = wasm.evaluate(state);
  const near = (actual, published, decimals, what) => assert.ok(Math.abs(actual - published) <= 10 ** -decimals,
    `${what}: ${actual}, Mazur published ${published}`);
  near(r.loss, 0.298371109, 9, 'E_total');
  near(r.y[0], 0.75136507, 8, 'out_o1');
  near(r.y[1], 0.772928465, 9, 'out_o2');
  near(r.next.w2[0][0], 0.35891648, 8, 'w5');
  near(r.next.w2[1][0], 0.408666186, 9, 'w6');
  near(r.next.w2[0][1], 0.511301270, 9, 'w7');
  near(r.next.w2[1][1], 0.561370121, 9, 'w8');
  near(r.next.w1[0][0], 0.149780716, 9, 'w1');
  near(r.next.w1[1][0], 0.19956143, 8, 'w2');
  near(r.next.w1[0][1], 0.24975114, 8, 'w3');
  near(r.next.w1[1][1], 0.29950229, 8, 'w4');
  assert.deepEqual([r.next.b1, r.next.b2], [[0.35, 0.35], [0.6, 0.6]]);
  assert.deepEqual(wasm.train(state, 50).b1, [0.35, 0.35]);
});

test('deep-sigmoid: the weight gradients shrink layer by layer toward the input', () => {
  const state = presetState('deep-sigmoid');
  const g = wasm.evaluate(state).grad;
  const rms = (rows) => {
    const values = rows.flat();
    return Math.sqrt(values.reduce((sum, v) => sum + v * v, 0) / values.length);
  };
  const sizes = [1, 2, 3, 4, 5].map((l) => rms(g[`w${l}`]));
  for (let l = 1; l < 5; l += 1) assert.ok(sizes[l - 1] < sizes[l], `|∂E/∂W${l}| vs |∂E/∂W${l + 1}|: ${sizes}`);
});

test('dead-relu: the dead unit is reported, and its incoming weights and bias never change', () => {
  const state = presetState('dead-relu');
  assert.deepEqual(wasm.evaluate(state).dead, ['h1.2']);
  const trained = wasm.train(state, 2000);
  assert.deepEqual(trained.w1.map((row) => row[2]), state.w1.map((row) => row[2]));
  assert.equal(trained.b1[2], state.b1[2]);
  assert.notDeepEqual(trained.w1.map((row) => row[0]), state.w1.map((row) => row[0]));
  assert.deepEqual(wasm.evaluate(trained).dead, ['h1.2']);
});

test('train_biases: false leaves every bias exactly as it was', () => {
  const state = { ...presetState('xor-tanh'), train_biases: false };
  const trained = wasm.train(state, 300);
  assert.deepEqual([trained.b1, trained.b2], [state.b1, state.b2]);
  assert.notDeepEqual(trained.w1, state.w1);
  assert.equal(trained.train_biases, false);
  const update = wasm.stages(state).at(-1);
  assert.match(update.explanation, /train_biases is off/);
});

test('cross-entropy: stable for a saturated output, δ_out = y − t', () => {
  for (const b2 of [-800, -40, 0, 40, 800]) {
    for (const t of [0, 0.3, 1]) {
      const state = { ...SEED, t: [t], b2: [b2], loss_fn: 'cross_entropy' };
      // Past |z| ≈ 709 a wrong output's ∂E/∂y = (1 − t)(1 + e^z) − t(1 + e^(−z)) leaves f64's
      // range: the pass is refused, naming it, and the module keeps answering.
      const wrong = (b2 > 0 && t < 1) || (b2 < 0 && t > 0);
      if (wrong && Math.abs(b2) > 700) {
        assert.throws(() => wasm.evaluate(state), (e) => e instanceof Error && /^the result overflowed: grad\.y\[0\]/.test(e.message));
        continue;
      }
      const r = wasm.evaluate(state);
      assert.ok(Number.isFinite(r.grad.y[0]), `b2 ${b2}, t ${t}: ∂E/∂y = ${r.grad.y[0]}`);
      assert.ok(Number.isFinite(r.loss), `b2 ${b2}, t ${t}: E = ${r.loss}`);
      assert.equal(r.grad.z2[0], r.y[0] - t, `b2 ${b2}, t ${t}`);
      assert.ok(Object.values(r.next).flat(2).every((v) => typeof v !== 'number' || Number.isFinite(v)));
    }
  }
  // A confidently right output: E = 0 and ∂E/∂y = −1 (not 0/0).
  const right = wasm.evaluate({ ...SEED, t: [1], b2: [800], loss_fn: 'cross_entropy' });
  assert.deepEqual([right.loss, right.grad.y[0]], [0, -1]);
  const tape = wasm.stages({ ...SEED, loss_fn: 'cross_entropy' });
  assert.equal(tape[4].formulas[1].rhs.kind, 'difference', 'δ_out = y − t on the card');
  assert.match(tape[4].explanation, /cancels/);
});

test('trainRun that overflows returns the steps it took with the error; bad input still throws', () => {
  // y starts deep in the sigmoid's tail; each step wakes it more, until one overflows.
  const state = { ...SEED, t: [1e150], b2: [-743.127], lr: 1e170 };
  const run = wasm.trainRun(state, 1000);
  assert.ok(run.steps > 10 && run.steps < 1000, String(run.steps));
  assert.deepEqual(Object.keys(run), ['state', 'steps', 'losses', 'loss', 'error']);
  assert.deepEqual(Object.keys(run.error), ['field', 'message']);
  assert.match(run.error.message, /^the result overflowed: /);
  assert.equal(run.losses.length, run.steps);
  assert.deepEqual(run.state, wasm.train(state, run.steps), 'the last good state');
  assert.equal(run.loss, wasm.evaluate(run.state).loss);
  assert.throws(() => wasm.evaluate(wasm.train(state, run.steps + 1)), isError(/^the result overflowed: /));
  const again = wasm.trainRun(run.state, 10);
  assert.deepEqual([again.steps, again.error], [0, run.error], 'from the last good state, the next step fails');
  assert.equal(again.loss, run.loss);
  assert.equal('error' in wasm.trainRun(SEED, 10), false, 'no error when training went well');
  assert.throws(() => wasm.trainRun({ ...state, lr: NaN }, 10), isError(/^lr must be a finite number, got NaN$/));
  assert.throws(() => wasm.trainRun(state, -1), isError(/^steps must be a whole number from 0 to 1000000, got /));
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
  const deep = wasm.finiteDifferences(presetState('deep-sigmoid'), 1e-6);
  assert.equal(deep.length, 9 + 12 + 12 + 12 + 4);
  assert.equal(deep.at(-1).name, 'b5.0');
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
  assert.throws(() => wasm.landscape(SEED, { a: 'w3.0.0', b: 'w2.0.0', a_range: [0, 1], b_range: [0, 1], resolution: 11 }),
    isError(/^a must name a weight or bias of this network \(w1\.0\.0 … b2\.0\), got the string "w3\.0\.0"$/));
  assert.throws(() => wasm.landscape(SEED, null), isError(/^the window must be an object/));
});

test('landscape over the first and last layers of a deep network', () => {
  const state = presetState('deep-sigmoid');
  const map = wasm.landscape(state, { a: 'w1.0.0', b: 'w5.2.0', a_range: [-2, 2], b_range: [-2, 2], resolution: 11 });
  assert.equal(map.loss.length, 121);
  assert.deepEqual([map.a, map.b], ['w1.0.0', 'w5.2.0']);
  assert.deepEqual(map.point, [state.w1[0][0], state.w5[2][0]]);
  const g = wasm.evaluate(state).grad;
  assert.deepEqual(map.descent, [-g.w1[0][0], -g.w5[2][0]]);
});

test('the loss convention switch halves loss and ∂E/∂y', () => {
  const full = wasm.evaluate(SEED);
  const half = wasm.evaluate({ ...SEED, loss_fn: 'half_squared' });
  assert.ok(Math.abs(half.loss - full.loss / 2) < 1e-18);
  assert.ok(Math.abs(half.grad.y[0] - full.grad.y[0] / 2) < 1e-16);
  const tape = wasm.stages({ ...SEED, loss_fn: 'half_squared' });
  assert.equal(tape[3].formulas[0].rhs.kind, 'difference');
  assert.throws(() => wasm.evaluate({ ...SEED, loss_fn: 'l1' }), isError(/^loss_fn must be one of "squared", "half_squared", "cross_entropy"/));
});

test('validateState returns the canonical state or throws the core\'s Error', () => {
  const explicit = { ...SEED, activations: ['sigmoid', 'sigmoid'], loss_fn: 'squared', update: 'descent', train_biases: true, mode: 'batch', init_seed: 1 };
  assert.deepEqual(wasm.validateState(explicit), SEED);
  assert.deepEqual(Object.keys(wasm.validateState(explicit)), ['x', 't', 'w1', 'b1', 'w2', 'b2', 'lr']);
  assert.deepEqual(wasm.validateState(presetState('xor')), presetState('xor'));
  const tanh = { ...SEED, activations: ['tanh', 'sigmoid'], train_biases: false, init_seed: 9 };
  assert.deepEqual(wasm.validateState(tanh), tanh);
  assert.throws(() => wasm.validateState({ ...SEED, b2: [NaN] }), isError(/^b2\[0\] must be a finite number, got NaN$/));
  assert.throws(() => wasm.validateState(JSON.parse('{"x":[1e308,1e308],"t":[0],"w1":[[1e308,0],[1e308,0]],"b1":[0,0],"w2":[[0],[0]],"b2":[0],"lr":0.1}')),
    isError(/^the result overflowed: z1\[0\]/));
});
