// Fuzz-style: thousands of random values and near-valid states through every export of the real
// wasm module. Each call returns or throws an Error; nothing traps, and the module keeps
// computing the seed correctly afterwards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mulberry32 } from '../prng.mjs';
import { wasm, SEED } from './wasm.mjs';

const KEYS = ['x', 't', 'w1', 'b1', 'w2', 'b2', 'lr', 'loss_fn', 'update', 'samples', 'mode', 'zz', ''];
const NUMBERS = [0, -0, 1, -1, 0.5, 1e-300, 1e300, 1.7976931348623157e308, NaN, Infinity, -Infinity, 2 ** 53, 1e6, 1e6 + 1];

function randomValue(random, depth = 0) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  const kind = Math.floor(random() * (depth > 3 ? 6 : 9));
  switch (kind) {
    case 0: return pick(NUMBERS);
    case 1: return (random() - 0.5) * 10 ** Math.floor(random() * 12 - 4);
    case 2: return pick(['', 'abc', '0.5', 'squared', 'half_squared', 'ascent', 'batch', 'per_sample', 'w2.0.0']);
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

/** The seed with one leaf, row or field replaced by a random value. */
function mutatedSeed(random) {
  const state = structuredClone({ ...SEED, samples: [{ x: [0, 1], t: [1] }] });
  const paths = [['x'], ['x', 0], ['t', 0], ['w1'], ['w1', 1], ['w1', 0, 1], ['b1', 1], ['w2', 1, 0], ['b2', 0], ['lr'],
    ['loss_fn'], ['update'], ['mode'], ['samples'], ['samples', 0], ['samples', 0, 'x', 1], ['samples', 0, 't']];
  const path = paths[Math.floor(random() * paths.length)];
  let target = state;
  for (const key of path.slice(0, -1)) target = target[key];
  target[path.at(-1)] = randomValue(random, 2);
  return state;
}

const CALLS = [
  (s) => wasm.evaluate(s),
  (s) => wasm.stages(s),
  (s, r) => wasm.train(s, r),
  (s, r) => wasm.trainRun(s, 3, r),
  (s, r) => wasm.finiteDifferences(s, r),
  (s, r, w) => wasm.landscape(s, w),
  (s) => wasm.numpyScript(s),
];

test('random input to every export returns or throws an Error, never traps', () => {
  const random = mulberry32(20261125);
  let returned = 0;
  let threw = 0;
  for (let i = 0; i < 6000; i += 1) {
    const state = random() < 0.5 ? mutatedSeed(random) : randomValue(random);
    const window = random() < 0.5
      ? { a: 'w2.0.0', b: 'w1.0.1', a_range: [-1, 1], b_range: [-1, 1], resolution: randomValue(random) }
      : randomValue(random);
    const call = CALLS[i % CALLS.length];
    try {
      call(state, randomValue(random), window);
      returned += 1;
    } catch (error) {
      assert.ok(error instanceof Error, `case ${i} threw a non-Error: ${String(error)}`);
      assert.ok(error.message.length > 0, `case ${i} threw an empty message`);
      threw += 1;
    }
  }
  console.log(`returned ${returned}, threw ${threw}`);
  assert.ok(returned > 100 && threw > 1000, `returned ${returned}, threw ${threw}`);
  assert.deepEqual(wasm.evaluate(SEED), wasm.evaluate(wasm.defaultState()));
  assert.ok(Math.abs(wasm.evaluate(SEED).y[0] - 0.6793285460) < 1e-9);
});
