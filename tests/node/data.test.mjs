// The data API through the real wasm module: generateDataset answers or throws an Error naming the
// problem for any input, and trainRun reports the held-out loss.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mulberry32 } from '../prng.mjs';
import { wasm, SEED } from './wasm.mjs';

const TANH = wasm.reshape(SEED, { widths: [2, 4, 1], activations: ['tanh', 'sigmoid'] });
const NAMES = ['xor', 'xor_clouds', 'circle', 'blobs', 'spirals', 'sine', 'moons', '', 3];
const NUMBERS = [0, -1, 4, 3.5, 500, 501, 0.5, 0.51, NaN, Infinity, -Infinity, 2 ** 32, 1e300, '7', null, undefined];

test('generateDataset: the same spec gives the same points, and the state names its dataset', () => {
  const spec = { name: 'spirals', size: 120, noise: 0.02, seed: 9 };
  const state = wasm.generateDataset(TANH, spec);
  assert.deepEqual(state, wasm.generateDataset(TANH, spec));
  assert.equal(state.samples.length, 120);
  assert.deepEqual(state.dataset, spec);
  assert.deepEqual({ x: state.x, t: state.t }, state.samples[0], 'the shown example is the first point');
  const { samples, ...linked } = state;
  assert.deepEqual(wasm.validateState(linked).samples, samples, 'a state without its points generates them');
  assert.equal(wasm.snapshot(state).dataset.name, 'spirals');
  const edited = { ...state, samples: [{ x: [0.5, 0.5], t: [1] }, ...samples.slice(1)] };
  assert.equal(wasm.snapshot(edited).dataset, null, 'an edited point: the samples are the learner\'s own');
  assert.throws(() => wasm.generateDataset(SEED, { ...spec, name: 'sine' }),
    (e) => e instanceof Error && /^the sine dataset has 1 input and 1 target, but this network has 2 inputs/.test(e.message));
});

test('trainRun with a test split reports the held-out loss before every step', () => {
  const state = { ...wasm.generateDataset(TANH, { name: 'circle', size: 100, noise: 0.05, seed: 2 }), test_fraction: 0.3, lr: 2 };
  const run = wasm.trainRun(state, 100);
  assert.equal(run.test_losses.length, 100);
  assert.ok(run.test_loss < run.test_losses[0], 'the held-out loss falls as the network learns');
  assert.equal(wasm.evaluate(run.state).test.count, 30);
  assert.equal(wasm.trainRun(SEED, 3).test_losses, undefined, 'no split, no test losses');
});

test('random input to generateDataset returns or throws an Error, never traps', () => {
  const random = mulberry32(12);
  const pick = (list) => list[Math.floor(random() * list.length)];
  let returned = 0;
  for (let i = 0; i < 3000; i += 1) {
    const state = pick([SEED, TANH, { ...SEED, samples: pick([[], 3, [{ x: [1] }]]) }, null, 'x']);
    const call = () => wasm.generateDataset(state, pick([
      { name: pick(NAMES), size: pick(NUMBERS), noise: pick(NUMBERS), seed: pick(NUMBERS) },
      { name: pick(['circle', 'blobs', 'xor']), size: 4 + Math.floor(random() * 100), noise: random() / 2, seed: 7 },
      { name: 'circle', size: 10, noise: 0, seed: 1, extra: 1 }, null, [], 'circle']));
    try {
      call();
      returned += 1;
    } catch (error) {
      assert.ok(error instanceof Error && error.message.length > 0, `case ${i}: ${String(error)}`);
    }
  }
  assert.ok(returned > 100, `returned ${returned}`);
  assert.ok(Math.abs(wasm.evaluate(SEED).y[0] - 0.6793285460) < 1e-9);
});

test('the sine curve trains a 1-input network: remove an input, then generate it', () => {
  const one = wasm.reshape(SEED, { widths: [1, 3, 1], activations: ['tanh', 'linear'] });
  const state = wasm.generateDataset(one, { name: 'sine', size: 40, noise: 0.02, seed: 3 });
  assert.equal(state.samples.length, 40);
  assert.ok(state.samples.every(({ x, t }) => x.length === 1 && Math.abs(x[0]) <= 1 && t.length === 1));
  const wrong = wasm.reshape(state, { widths: [2, 3, 1], activations: ['tanh', 'linear'] });
  assert.equal(wrong.dataset, undefined, 'padded to 2 inputs, the points are no longer the sine\'s');
  assert.equal(wrong.samples.length, 40);
});
