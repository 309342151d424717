// Fuzz-style: thousands of random values and near-valid states through every export of the real
// wasm module. Each call returns or throws an Error; nothing traps, and the module keeps
// computing the seed correctly afterwards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mulberry32 } from '../prng.mjs';
import { wasm, SEED } from './wasm.mjs';

const KEYS = ['x', 't', 'w1', 'b1', 'w2', 'b2', 'w3', 'b3', 'w8', 'lr', 'activations', 'loss_fn', 'update',
  'train_biases', 'samples', 'mode', 'init_seed', 'widths', 'zz', ''];
const NUMBERS = [0, -0, 1, -1, 0.5, 3, 9, 1e-300, 1e300, 1.7976931348623157e308, NaN, Infinity, -Infinity, 2 ** 32,
  2 ** 53, 1e6, 1e6 + 1];
const STRINGS = ['', 'abc', '0.5', 'squared', 'half_squared', 'cross_entropy', 'ascent', 'batch', 'per_sample',
  'w2.0.0', 'sigmoid', 'tanh', 'relu', 'linear'];

function randomValue(random, depth = 0) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  const kind = Math.floor(random() * (depth > 3 ? 6 : 9));
  switch (kind) {
    case 0: return pick(NUMBERS);
    case 1: return (random() - 0.5) * 10 ** Math.floor(random() * 12 - 4);
    case 2: return pick(STRINGS);
    case 3: return pick([true, false, null, undefined]);
    case 4: return pick([10n, Symbol('s'), () => 1]);
    case 5: return pick(NUMBERS);
    case 6: return Array.from({ length: Math.floor(random() * 4) }, () => randomValue(random, depth + 1));
    default: {
      const object = {};
      for (let i = Math.floor(random() * 8); i > 0; i -= 1) object[pick(KEYS)] = randomValue(random, depth + 1);
      return object;
    }
  }
}

/** A valid 2-3-2-1 state with samples and every option, one leaf, row or field of which is replaced. */
function mutatedState(random) {
  const state = structuredClone({
    ...SEED,
    w1: [[0.2, 0.4, -0.1], [0.1, 0.3, 0.5]], b1: [0.1, 0.2, 0],
    w2: [[0.5, -0.2], [0.6, 0.1], [-0.3, 0.7]], b2: [0.1, 0],
    w3: [[0.4], [-0.6]], b3: [0.2],
    activations: ['tanh', 'relu', 'sigmoid'], loss_fn: 'cross_entropy', train_biases: false, init_seed: 5,
    samples: [{ x: [0, 1], t: [1] }], mode: 'per_sample',
  });
  const paths = [['x'], ['x', 0], ['t', 0], ['w1'], ['w1', 1], ['w1', 0, 2], ['b1', 1], ['w2', 1, 0], ['w2', 2],
    ['b2', 0], ['w3'], ['w3', 1], ['b3'], ['lr'], ['activations'], ['activations', 1], ['activations', 2], ['loss_fn'],
    ['update'], ['train_biases'], ['init_seed'], ['mode'], ['samples'], ['samples', 0], ['samples', 0, 'x', 1],
    ['samples', 0, 't'], ['w4'], ['b4']];
  const path = paths[Math.floor(random() * paths.length)];
  let target = state;
  for (const key of path.slice(0, -1)) target = target[key];
  target[path.at(-1)] = random() < 0.5 ? (random() - 0.5) * 4 : randomValue(random, 2);
  return state;
}

/** A nearly valid architecture for reshape(). */
function randomArch(random) {
  if (random() < 0.2) return randomValue(random);
  const depth = 1 + Math.floor(random() * 8);
  const widths = Array.from({ length: depth + 1 }, (_, l) => {
    if (random() < 0.05) return randomValue(random, 4);
    return 1 + Math.floor(random() * (l === 0 || l === depth ? 5 : 9));
  });
  const activations = Array.from({ length: depth + (random() < 0.05 ? 1 : 0) }, (_, l) => {
    if (random() < 0.05) return randomValue(random, 4);
    return l === depth - 1 && random() < 0.7 ? 'sigmoid' : ['sigmoid', 'tanh', 'relu', 'linear'][Math.floor(random() * 4)];
  });
  return { widths, activations };
}

const CALLS = [
  (s) => wasm.evaluate(s),
  (s) => wasm.stages(s),
  (s) => wasm.snapshot(s),
  (s) => wasm.describe(s),
  (s) => wasm.validateState(s),
  (s) => wasm.stageList(s),
  (s, r) => wasm.train(s, r),
  (s, r) => wasm.trainRun(s, 3, r),
  (s, r) => wasm.finiteDifferences(s, r),
  (s, r, w) => wasm.landscape(s, w),
  (s, r, w, a) => wasm.reshape(s, a),
  (s, r) => wasm.reinitialize(s, r),
  (s) => wasm.numpyScript(s),
  (s) => wasm.pytorchScript(s),
];

test('random input to every export returns or throws an Error, never traps', () => {
  const random = mulberry32(20261201);
  let returned = 0;
  let threw = 0;
  const returnedBy = new Array(CALLS.length).fill(0);
  for (let i = 0; i < 14000; i += 1) {
    const state = random() < 0.6 ? mutatedState(random) : randomValue(random);
    const window = random() < 0.5
      ? { a: 'w2.0.0', b: 'w1.0.1', a_range: [-1, 1], b_range: [-1, 1], resolution: random() < 0.5 ? 2 + Math.floor(random() * 20) : randomValue(random) }
      : randomValue(random);
    const k = i % CALLS.length;
    try {
      const number = random() < 0.5 ? [0, 1, 2, 3, 1e-6, 1e-3][Math.floor(random() * 6)] : randomValue(random);
      CALLS[k](state, number, window, randomArch(random));
      returned += 1;
      returnedBy[k] += 1;
    } catch (error) {
      assert.ok(error instanceof Error, `case ${i} threw a non-Error: ${String(error)}`);
      assert.ok(error.message.length > 0, `case ${i} threw an empty message`);
      threw += 1;
    }
  }
  console.log(`returned ${returned}, threw ${threw}; returned by each export: ${returnedBy}`);
  assert.ok(returned > 800 && threw > 2000, `returned ${returned}, threw ${threw}`);
  assert.ok(returnedBy.every((n) => n >= 5), `every export answered some cases: ${returnedBy}`);
  assert.deepEqual(wasm.evaluate(SEED), wasm.evaluate(wasm.defaultState()));
  assert.ok(Math.abs(wasm.evaluate(SEED).y[0] - 0.6793285460) < 1e-9);
});
