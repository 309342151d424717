// Any small network through the real wasm module: describe() for the seed and for a 2-3-2-1,
// snapshot() = evaluate() + stages(), reshape() keeping the weights that still exist, and
// reinitialize() reproducible from its seed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { wasm, SEED } from './wasm.mjs';

const isError = (pattern) => (e) => e instanceof Error && pattern.test(e.message);
const presetState = (id) => wasm.presets().find((p) => p.id === id).state;

/** A 2-3-2-1 tanh network (sigmoid output) with distinct weights. */
const DEEP = Object.freeze({
  x: [0.5, -0.3], t: [0.8],
  w1: [[0.4, -0.6, 0.2], [0.7, 0.1, -0.5]], b1: [0.1, -0.2, 0.05],
  w2: [[0.3, -0.8], [0.9, 0.25], [-0.4, 0.6]], b2: [0, 0.15],
  w3: [[1.1], [-0.7]], b3: [-0.1],
  lr: 0.2, activations: ['tanh', 'tanh', 'sigmoid'],
});

test('describe(seed): the 2-2-1 the page used to write out itself', () => {
  const d = wasm.describe(SEED);
  assert.deepEqual(Object.keys(d), ['widths', 'activations', 'nodes', 'edges', 'params', 'groups', 'weights', 'stages', 'limits']);
  assert.deepEqual(d.widths, [2, 2, 1]);
  assert.deepEqual(d.activations, ['sigmoid', 'sigmoid']);
  assert.deepEqual(d.nodes.map((n) => [n.id, n.role, n.layer, n.index]), [
    ['x.0', 'input', 0, 0], ['x.1', 'input', 0, 1], ['h1.0', 'hidden', 1, 0], ['h1.1', 'hidden', 1, 1], ['y.0', 'output', 2, 0],
  ]);
  assert.deepEqual(d.nodes[2], {
    id: 'h1.0', layer: 1, index: 0, role: 'hidden', symbol: { base: 'h', sub: '1', sup: '' },
    activation: 'sigmoid', z: { base: 'z', sub: '1', sup: '(1)' }, bias: 'b1.0',
  });
  assert.equal(d.nodes[0].activation, undefined, 'inputs have no activation');
  assert.deepEqual(d.edges.map((e) => [e.id, e.from, e.to]), [
    ['w1.0.0', 'x.0', 'h1.0'], ['w1.0.1', 'x.0', 'h1.1'], ['w1.1.0', 'x.1', 'h1.0'], ['w1.1.1', 'x.1', 'h1.1'],
    ['w2.0.0', 'h1.0', 'y.0'], ['w2.1.0', 'h1.1', 'y.0'],
  ]);
  assert.deepEqual(d.params.map((p) => p.name), [
    'x.0', 'x.1', 't.0', 'w1.0.0', 'w1.0.1', 'w1.1.0', 'w1.1.1', 'b1.0', 'b1.1', 'w2.0.0', 'w2.1.0', 'b2.0', 'lr',
  ]);
  const param = (name) => d.params.find((p) => p.name === name);
  assert.deepEqual(param('w1.0.1'), {
    name: 'w1.0.1', key: 'w1', indices: [0, 1], symbol: { base: 'w', sub: '12', sup: '(1)' },
    hint: 'x₁ → h₂', min: -4, max: 4, step: 0.01,
  });
  assert.deepEqual([param('w2.1.0').hint, param('b2.0').hint, param('b2.0').node], ['h₂ → y', 'bias of y', 'y.0']);
  assert.deepEqual([param('t.0').min, param('t.0').max], [0, 1]);
  assert.deepEqual(param('lr').symbol, { base: 'η', sub: '', sup: '' });
  assert.deepEqual(d.groups.map((g) => g.title),
    ['Input and target', 'Hidden layer: W⁽¹⁾, b⁽¹⁾', 'Output layer: W⁽²⁾, b⁽²⁾', 'Learning rate']);
  assert.deepEqual(d.weights, ['w1.0.0', 'w1.0.1', 'w1.1.0', 'w1.1.1', 'b1.0', 'b1.1', 'w2.0.0', 'w2.1.0', 'b2.0']);
  assert.deepEqual(d.stages, wasm.stageList(SEED));
  assert.equal(d.stages.length, 10);
  assert.deepEqual(d.limits, {
    inputs: 4, outputs: 4, hidden_layers: 6, width: 8,
    activations: ['sigmoid', 'tanh', 'relu', 'linear'], losses: ['squared', 'half_squared', 'cross_entropy'],
  });
  // Every parameter of the description reads back from the state by its key and indices.
  for (const p of d.params) {
    const value = p.indices.reduce((v, i) => v[i], SEED[p.key]);
    assert.equal(typeof value, 'number', p.name);
  }
});

test('describe(2-3-2-1): layers, names and symbols derived from the shapes', () => {
  const d = wasm.describe(DEEP);
  assert.deepEqual(d.widths, [2, 3, 2, 1]);
  assert.deepEqual(d.activations, ['tanh', 'tanh', 'sigmoid']);
  assert.deepEqual(d.nodes.map((n) => n.id), ['x.0', 'x.1', 'h1.0', 'h1.1', 'h1.2', 'h2.0', 'h2.1', 'y.0']);
  const node = (id) => d.nodes.find((n) => n.id === id);
  assert.deepEqual(node('h2.1').symbol, { base: 'h', sub: '2', sup: '(2)' });
  assert.deepEqual(node('h2.1').z, { base: 'z', sub: '2', sup: '(2)' });
  assert.equal(node('h1.2').activation, 'tanh');
  assert.equal(node('y.0').activation, 'sigmoid');
  assert.equal(d.edges.length, 6 + 6 + 2);
  assert.deepEqual(d.edges.find((e) => e.id === 'w2.2.1'), { id: 'w2.2.1', layer: 2, from: 'h1.2', to: 'h2.1' });
  assert.equal(d.params.length, 2 + 1 + 20 + 1);
  const param = (name) => d.params.find((p) => p.name === name);
  assert.deepEqual(param('w3.1.0').symbol, { base: 'w', sub: '2', sup: '(3)' });
  assert.equal(param('w2.2.1').hint, 'h⁽¹⁾₃ → h⁽²⁾₂');
  assert.deepEqual([param('t.0').min, param('t.0').max], [0, 1]);
  assert.deepEqual(d.groups.map((g) => [g.title, g.layer, g.names.length]), [
    ['Input and target', undefined, 3], ['Hidden layer 1: W⁽¹⁾, b⁽¹⁾', 1, 9], ['Hidden layer 2: W⁽²⁾, b⁽²⁾', 2, 8],
    ['Output layer: W⁽³⁾, b⁽³⁾', 3, 3], ['Learning rate', undefined, 1],
  ]);
  assert.deepEqual(d.weights, wasm.finiteDifferences(DEEP, 1e-6).map((r) => r.name), 'the core\'s flat order');
  assert.deepEqual(d.stages.map((s) => s.id), [
    'forward_1', 'forward_2', 'forward_3', 'loss', 'grad_y', 'delta_3', 'grad_w3', 'grad_h2',
    'delta_2', 'grad_w2', 'grad_h1', 'delta_1', 'grad_w1', 'update',
  ]);
  assert.deepEqual(d.stages, wasm.stageList(DEEP));
  // A tanh output spans targets in [−1, 1].
  const tanhOut = wasm.describe({ ...DEEP, activations: ['tanh', 'tanh', 'tanh'] });
  const t = tanhOut.params.find((p) => p.name === 't.0');
  assert.deepEqual([t.min, t.max], [-1, 1]);
});

test('evaluate and stages of a 2-3-2-1 name every layer', () => {
  const r = wasm.evaluate(DEEP);
  assert.deepEqual(Object.keys(r), ['z1', 'z2', 'z3', 'h1', 'h2', 'y', 'loss', 'grad', 'next', 'slope', 'dead']);
  assert.deepEqual(Object.keys(r.grad), ['z1', 'z2', 'z3', 'h1', 'h2', 'y', 'w1', 'b1', 'w2', 'b2', 'w3', 'b3']);
  assert.deepEqual([r.h1.length, r.h2.length, r.y.length], [3, 2, 1]);
  assert.ok(r.slope.z1.every((s, j) => Math.abs(s - (1 - r.h1[j] ** 2)) < 1e-15), 'tanh′ = 1 − h²');
  const tape = wasm.stages(DEEP);
  const edges = tape.find((s) => s.id === 'grad_w2').formulas.map((f) => [f.target, f.value]);
  assert.deepEqual(edges, r.grad.w2.flatMap((row, i) => row.map((g, j) => [`w2.${i}.${j}`, g])));
  const gradH = tape.find((s) => s.id === 'grad_h1').formulas.map((f) => [f.target, f.value]);
  assert.deepEqual(gradH, r.grad.h1.map((g, j) => [`h1.${j}`, g]));
  assert.deepEqual(wasm.train(DEEP, 1), r.next);
});

test('snapshot() is evaluate() and stages() in one call', () => {
  for (const state of [SEED, DEEP, presetState('xor'), presetState('mazur'), presetState('dead-relu'),
    { ...SEED, loss_fn: 'cross_entropy', train_biases: false }]) {
    const snap = wasm.snapshot(state);
    assert.deepEqual(Object.keys(snap), ['evaluation', 'stages', 'dataset']);
    assert.equal(snap.dataset, null, 'no dataset: the samples, if any, are not generated');
    assert.deepEqual(snap.evaluation, wasm.evaluate(state));
    assert.deepEqual(snap.stages, wasm.stages(state));
    const untaped = wasm.snapshot(state, false);
    assert.deepEqual(Object.keys(untaped), ['evaluation', 'dataset'], 'tape false leaves the stages out');
    assert.deepEqual(untaped.evaluation, snap.evaluation);
    assert.deepEqual(wasm.snapshot(state, true), snap);
  }
  assert.throws(() => wasm.snapshot({ ...SEED, lr: NaN }), isError(/^lr must be a finite number, got NaN$/));
  assert.throws(() => wasm.snapshot({ ...SEED, lr: NaN }, false), isError(/^lr must be a finite number, got NaN$/));
});

const WIDER = { widths: [2, 3, 1], activations: ['sigmoid', 'sigmoid'] };

test('reshape() keeps every weight that still exists and draws the rest from init_seed', () => {
  const wider = wasm.reshape(SEED, WIDER);
  for (let i = 0; i < 2; i += 1) {
    assert.deepEqual(wider.w1[i].slice(0, 2), SEED.w1[i]);
  }
  assert.deepEqual(wider.b1, [...SEED.b1, 0]);
  assert.deepEqual(wider.w2.slice(0, 2), SEED.w2);
  assert.deepEqual([wider.x, wider.t, wider.b2, wider.lr], [SEED.x, SEED.t, SEED.b2, SEED.lr]);
  assert.equal(wider.w1[0].length, 3);
  assert.ok(wider.w1[0][2] !== 0 && Math.abs(wider.w1[0][2]) <= Math.sqrt(6 / 5));
  // Reproducible: the same shape draws the same new weights, and shrinking back is the identity.
  assert.deepEqual(wasm.reshape(SEED, WIDER), wider);
  assert.deepEqual(wasm.reshape(wider, { widths: [2, 2, 1], activations: ['sigmoid', 'sigmoid'] }), SEED);
  // The new weights are the ones re-initialising the wider network with the same seed draws.
  const fresh = wasm.reinitialize(wider, 1);
  assert.deepEqual(fresh.w1.map((row) => row[2]), wider.w1.map((row) => row[2]));
  assert.equal(fresh.w2[2][0], wider.w2[2][0]);
  // Another init_seed draws other new weights and keeps the old ones.
  const seeded = wasm.reshape({ ...SEED, init_seed: 7 }, WIDER);
  assert.equal(seeded.init_seed, 7);
  assert.notEqual(seeded.w1[0][2], wider.w1[0][2]);
  assert.deepEqual(seeded.w1[1].slice(0, 2), SEED.w1[1]);
  // A hidden layer added: the output layer keeps its weights, x and t follow the new shape.
  const deeper = wasm.reshape(SEED, { widths: [3, 2, 2, 2], activations: ['tanh', 'relu', 'sigmoid'] });
  assert.deepEqual(deeper.activations, ['tanh', 'relu', 'sigmoid']);
  assert.deepEqual([deeper.x, deeper.t], [[0.5, 0.3, 0], [0.7, 0]]);
  assert.deepEqual(deeper.w1.slice(0, 2).map((row) => row.slice(0, 2)), SEED.w1);
  assert.deepEqual(deeper.w3.map((row) => row[0]), SEED.w2.map((row) => row[0]));
  assert.ok(Number.isFinite(wasm.evaluate(deeper).loss));
});

test('reshape() refuses what does not fit, naming the field', () => {
  assert.throws(() => wasm.reshape(SEED, { widths: [5, 3, 1], activations: ['tanh', 'sigmoid'] }),
    isError(/^widths\[0\] must be a whole number from 1 to 4, got the number 5 \(it is too large\)$/));
  assert.throws(() => wasm.reshape(SEED, { widths: [2, 9, 1], activations: ['tanh', 'sigmoid'] }),
    isError(/^widths\[1\] must be a whole number from 1 to 8, got the number 9 \(it is too large\)$/));
  assert.throws(() => wasm.reshape(SEED, { widths: [2, 3, 1], activations: ['tanh'] }),
    isError(/^activations must be an array of 2 names/));
  assert.throws(() => wasm.reshape(SEED, { widths: [2, 3, 1], activations: ['tanh', 'gelu'] }),
    isError(/^activations\[1\] must be one of "sigmoid", "tanh", "relu", "linear", got the string "gelu"$/));
  assert.throws(() => wasm.reshape(SEED, { widths: [2, 2, 2, 2, 2, 2, 2, 2, 2], activations: Array(8).fill('tanh') }),
    isError(/^widths must be an array of 2 to 8 layer widths, got an array of 9 values$/));
  assert.throws(() => wasm.reshape(SEED, null), isError(/^the architecture must be an object with widths and activations, got null$/));
  assert.throws(() => wasm.reshape({ ...SEED, loss_fn: 'cross_entropy' }, { widths: [2, 2, 1], activations: ['sigmoid', 'tanh'] }),
    isError(/^cross-entropy needs a sigmoid output layer/));
  assert.throws(() => wasm.reshape({ ...SEED, lr: 'x' }, WIDER), isError(/^lr must be a finite number/));
  assert.deepEqual(wasm.reshape(SEED, WIDER).w1[0].slice(0, 2), SEED.w1[0], 'the module keeps answering');
});

test('reinitialize() draws every weight anew, reproducibly from its seed', () => {
  const a = wasm.reinitialize(DEEP, 7);
  assert.deepEqual(a, wasm.reinitialize(DEEP, 7));
  assert.equal(a.init_seed, 7);
  assert.deepEqual([a.b1, a.b2, a.b3], [[0, 0, 0], [0, 0], [0]], 'biases start at 0');
  assert.deepEqual([a.x, a.t, a.lr, a.activations], [DEEP.x, DEEP.t, DEEP.lr, DEEP.activations]);
  const b = wasm.reinitialize(DEEP, 8);
  assert.notDeepEqual(b.w1, a.w1);
  // Glorot/Xavier for tanh and sigmoid layers, rounded to 4 decimals.
  for (const [l, fanIn, fanOut] of [[1, 2, 3], [2, 3, 2], [3, 2, 1]]) {
    for (const w of a[`w${l}`].flat()) {
      assert.ok(Math.abs(w) <= Math.sqrt(6 / (fanIn + fanOut)), `w${l}: ${w}`);
      assert.equal(Math.round(w * 1e4) / 1e4, w);
    }
  }
  // He for ReLU layers.
  const relu = wasm.reinitialize({ ...DEEP, activations: ['relu', 'relu', 'sigmoid'] }, 7);
  assert.ok(relu.w1.flat().every((w) => Math.abs(w) <= Math.sqrt(6 / 2)));
  assert.ok(relu.w1.flat().some((w) => Math.abs(w) > Math.sqrt(6 / 5)), 'wider than Xavier');
  // The seed's draws are pinned (tests/reshape.rs checks them against a Python reimplementation).
  assert.deepEqual(wasm.reinitialize(wasm.reshape(SEED, { widths: [2, 3, 1], activations: ['tanh', 'sigmoid'] }), 1).w1,
    [[0.0963, 1.0541, -0.9173], [-0.2849, -0.4999, -0.4146]]);
  for (const seed of [-1, 1.5, 2 ** 32, 'seven', undefined]) {
    assert.throws(() => wasm.reinitialize(SEED, seed), isError(/^seed must be a whole number from 0 to 4294967295, got /));
  }
  assert.deepEqual(wasm.reinitialize(SEED, 4294967295).init_seed, 4294967295);
});

test('stageList(state) follows the state\'s network', () => {
  assert.equal(wasm.stageList(SEED).length, 10);
  assert.equal(wasm.stageList(DEEP).length, 14);
  const single = { x: [1], t: [0], w1: [[0.5]], b1: [0], lr: 0.1 };
  assert.deepEqual(wasm.stageList(single).map((s) => s.id), ['forward_1', 'loss', 'grad_y', 'delta_1', 'grad_w1', 'update']);
  assert.deepEqual(wasm.describe(single).nodes.map((n) => n.id), ['x.0', 'y.0']);
  assert.throws(() => wasm.stageList({}), isError(/^the state is missing w1/));
});
