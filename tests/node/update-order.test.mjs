// update_order through the real wasm module: Mazur's one step computed here by hand in both
// orders, the state JSON and the link carrying the option, a bad value refused by name; and
// neuronGraph's numbers for the seed's h₁.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { wasm, SEED } from './wasm.mjs';
import { createNetwork } from '../../www/core/network.js';
import { decodeLink, encodeLink } from '../../www/model/link.js';

const presets = wasm.presets();
const MAZUR = presets.find((p) => p.id === 'mazur').state;
const sigmoid = (z) => 1 / (1 + Math.exp(-z));
const engine = { ...wasm, network: (state) => createNetwork(wasm.describe(state)) };

/** Mazur's 2-2-2 after one step, by hand: `{ w1, w2, loss }`, the hidden δ through the old or the new w2. */
function mazurStep(outputFirst) {
  const { x, t, w1, b1, w2, b2, lr } = MAZUR;
  const h = [0, 1].map((j) => sigmoid(x[0] * w1[0][j] + x[1] * w1[1][j] + b1[j]));
  const o = [0, 1].map((k) => sigmoid(h[0] * w2[0][k] + h[1] * w2[1][k] + b2[k]));
  const dOut = [0, 1].map((k) => (o[k] - t[k]) * o[k] * (1 - o[k]));
  const w2New = w2.map((row, j) => row.map((w, k) => w - lr * dOut[k] * h[j]));
  const through = outputFirst ? w2New : w2;
  const dHidden = [0, 1].map((j) => (through[j][0] * dOut[0] + through[j][1] * dOut[1]) * h[j] * (1 - h[j]));
  const w1New = w1.map((row, i) => row.map((w, j) => w - lr * dHidden[j] * x[i]));
  const h2 = [0, 1].map((j) => sigmoid(x[0] * w1New[0][j] + x[1] * w1New[1][j] + b1[j]));
  const o2 = [0, 1].map((k) => sigmoid(h2[0] * w2New[0][k] + h2[1] * w2New[1][k] + b2[k]));
  return { w1: w1New, w2: w2New, loss: 0.5 * ((t[0] - o2[0]) ** 2 + (t[1] - o2[1]) ** 2) };
}

const near = (a, b, tolerance = 1e-14) => Math.abs(a - b) <= tolerance;

test('output_first: Mazur’s step by hand, E after it his published 0.291027924', () => {
  for (const [order, outputFirst] of [['simultaneous', false], ['output_first', true]]) {
    const next = wasm.evaluate({ ...MAZUR, update_order: order }).next;
    const hand = mazurStep(outputFirst);
    next.w1.flat().forEach((w, k) => assert.ok(near(w, hand.w1.flat()[k]), `${order} w1 ${k}`));
    next.w2.flat().forEach((w, k) => assert.ok(near(w, hand.w2.flat()[k]), `${order} w2 ${k}`));
    assert.ok(near(wasm.evaluate(next).loss, hand.loss), order);
  }
  assert.ok(near(mazurStep(true).loss, 0.291027924, 5e-10));
  assert.ok(mazurStep(true).loss - mazurStep(false).loss > 1e-7);
  // Training follows the order too.
  assert.deepEqual(wasm.train({ ...MAZUR, update_order: 'output_first' }, 1).w1,
    wasm.evaluate({ ...MAZUR, update_order: 'output_first' }).next.w1);
});

test('the state keeps update_order only when it is not the default; a bad one is refused by name', () => {
  assert.equal('update_order' in wasm.validateState({ ...SEED, update_order: 'simultaneous' }), false);
  assert.equal(wasm.validateState({ ...SEED, update_order: 'output_first' }).update_order, 'output_first');
  assert.throws(() => wasm.evaluate({ ...SEED, update_order: 'backwards' }), (e) => e instanceof Error && /update_order/.test(e.message));
  assert.deepEqual(wasm.evaluate(SEED).z1, wasm.evaluate(SEED).z1, 'the module keeps answering');
});

test('the link carries the order as order=output-first and reads it back', () => {
  const state = wasm.validateState({ ...MAZUR, update_order: 'output_first' });
  const origin = presets.find((p) => p.id === 'mazur');
  const text = encodeLink({ origin, state, stageIndex: 10 });
  assert.equal(text, 'preset=mazur&order=output-first&stage=10');
  const read = decodeLink(text, presets, engine);
  assert.equal(read.state.update_order, 'output_first');
  assert.equal(read.stageIndex, 10);
  assert.equal(decodeLink('preset=mazur', presets, engine).state.update_order, undefined);
  assert.throws(() => decodeLink('preset=mazur&order=sideways', presets, engine), /update_order/);
});

test('neuronGraph(seed, h1.0): each input’s a, w, w·a, ∂E/∂w, w·δ, then Σ, b, z, a, ∂E/∂a, δ, f′(z)', () => {
  const graph = wasm.neuronGraph(SEED, 'h1.0');
  assert.ok(graph instanceof Float64Array);
  const evaluation = wasm.evaluate(SEED);
  const delta = evaluation.grad.z1[0];
  assert.deepEqual([...graph.slice(0, 5)], [0.5, 0.2, 0.1, evaluation.grad.w1[0][0], 0.2 * delta]);
  assert.deepEqual([...graph.slice(5, 10)], [0.3, 0.1, 0.1 * 0.3, evaluation.grad.w1[1][0], 0.1 * delta]);
  assert.deepEqual([...graph.slice(11)], [0.1, evaluation.z1[0], evaluation.h1[0], evaluation.grad.h1[0], delta, evaluation.slope.z1[0]]);
  assert.throws(() => wasm.neuronGraph(SEED, 'x.0'), /node must name a neuron past the inputs/);
  assert.throws(() => wasm.neuronGraph(SEED, 7), /node must be a neuron/);
});
