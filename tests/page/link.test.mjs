// The link format (www/model/link.js) on its own, against the real core: every setup the page can be in
// reads back exactly from its link, links stay short, and a bad link is an Error that says what
// is wrong — the core's own message when a number or a shape is bad.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeLink, encodeLink, originFor } from '../../www/model/link.js';
import { core, namesOf, presetState } from './harness.mjs';
import { withValue } from './learner.mjs';
import { mulberry32 } from '../prng.mjs';

const presets = core.presets();
const preset = (id) => presets.find((candidate) => candidate.id === id);
const decode = (text) => decodeLink(text, presets, core);
const ACTIVATIONS = ['sigmoid', 'tanh', 'relu', 'linear'];

const SPECIAL = [0, -0, 1e-300, -5e-324, 123456.789, 1 / 3, -2.5e-7, 0.1 + 0.2];

/** A random architecture within the limits: 1–4 inputs, 0–6 hidden layers of 1–8, 1–4 outputs. */
function randomArchitecture(next) {
  const whole = (low, high) => low + Math.floor(next() * (high - low + 1));
  const hidden = Array.from({ length: whole(0, 6) }, () => whole(1, 8));
  const widths = [whole(1, 4), ...hidden, whole(1, 4)];
  const activations = widths.slice(1).map(() => ACTIVATIONS[Math.floor(next() * ACTIVATIONS.length)]);
  return { widths, activations };
}

function randomSetup(next) {
  const origin = presets[Math.floor(next() * presets.length)];
  let state = structuredClone(origin.state);
  if (next() < 0.3) state = core.reshape(state, randomArchitecture(next));
  for (const name of namesOf(state).params) {
    const roll = next();
    if (roll < 0.5) continue;
    const value = roll < 0.7 ? SPECIAL[Math.floor(next() * SPECIAL.length)] : (next() - 0.5) * 8;
    state = withValue(state, name, name === 'lr' ? Math.abs(value) || 0.5 : value);
  }
  if (state.samples && next() < 0.5) {
    const sample = state.samples[Math.floor(next() * state.samples.length)];
    state = { ...state, x: sample.x, t: sample.t };
  }
  if (next() < 0.3) state.loss_fn = 'half_squared';
  if (next() < 0.2) state.train_biases = false;
  if (next() < 0.2) state.init_seed = Math.floor(next() * 2 ** 32);
  if (next() < 0.3) state.update = next() < 0.5 ? 'ascent' : 'descent';
  if (state.samples && next() < 0.5) state.mode = 'per_sample';
  const valid = core.validateState(state);
  const { params, stages } = namesOf(valid);
  return { origin, state: valid, stageIndex: Math.floor(next() * (stages.length + 1)), params };
}

test('every setup reads back exactly from its link (1000 seeded random setups)', () => {
  const seed = 20240611;
  const next = mulberry32(seed);
  for (let k = 0; k < 1000; k += 1) {
    const setup = randomSetup(next);
    const text = encodeLink(setup);
    const read = decode(text);
    assert.equal(read.origin.id, setup.origin.id, `seed ${seed}, setup ${k}: ${text}`);
    assert.deepEqual(read.state, setup.state, `seed ${seed}, setup ${k}: ${text}`);
    assert.equal(read.stageIndex, setup.stageIndex, text);
    for (const name of setup.params) {
      const [key, ...indices] = name.split('.');
      const value = (state) => indices.reduce((v, i) => v[Number(i)], state[key]);
      assert.ok(Object.is(value(read.state), value(setup.state)), `${name} keeps its sign of zero: ${text}`);
    }
  }
});

test('a link is short and readable: only what differs from its preset', () => {
  assert.equal(encodeLink({ origin: preset('seed'), state: presetState('seed'), stageIndex: 0 }), 'preset=seed');
  const xor = presetState('xor');
  const edited = { ...xor, x: xor.samples[2].x, t: xor.samples[2].t, w2: [[0.7], [-0.45]], lr: 2.5, loss_fn: 'half_squared' };
  assert.equal(encodeLink({ origin: preset('xor'), state: edited, stageIndex: 6 }),
    'preset=xor&sample=3&w2=0.7,-0.45&lr=2.5&loss=half&stage=6');
  const moved = withValue(presetState('seed'), 'x.0', -0.25);
  assert.equal(encodeLink({ origin: preset('ascent'), state: { ...moved, update: 'ascent', mode: 'per_sample' }, stageIndex: 10 }),
    'preset=ascent&x=-0.25,0.3&mode=each&stage=10');
  const reshaped = core.reshape(presetState('seed'), { widths: [2, 3, 1], activations: ['tanh', 'sigmoid'] });
  assert.equal(encodeLink({ origin: preset('seed'), state: reshaped, stageIndex: 0 }),
    'preset=seed&arch=2-3-1&act=tanh,sigmoid&x=0.5,0.3&t=0.7&w1=0.2,0.4,-0.9173,0.1,0.3,-0.4146&b1=0.1,0.2,0'
    + '&w2=0.5,0.6,1.0025&b2=0.1&lr=0.1', 'another architecture: every parameter is written');
  assert.equal(encodeLink({ origin: preset('mazur'), state: { ...presetState('mazur'), train_biases: true }, stageIndex: 3 }),
    'preset=mazur&biases=trained&stage=3', 'a preset\'s own architecture is not written');
});

test('a state from a file keeps its samples in the link, or starts from the preset that has them', () => {
  const custom = { ...presetState('seed'), samples: [{ x: [1, 2], t: [0.5] }], mode: 'per_sample' };
  const setup = { origin: originFor(custom, presets, preset('ascent')), state: core.validateState(custom), stageIndex: 0 };
  assert.equal(setup.origin.id, 'ascent', 'no preset has these samples: the current one stays');
  assert.match(encodeLink(setup), /samples=1,2,0\.5/);
  assert.deepEqual(decode(encodeLink(setup)).state, setup.state);
  assert.equal(originFor(presetState('xor'), presets, preset('seed')).id, 'xor');
  const noSamples = { origin: preset('xor'), state: presetState('seed'), stageIndex: 0 };
  assert.deepEqual(decode(encodeLink(noSamples)).state, presetState('seed'), 'samples=none');
});

test('a bad link is an Error that says what is wrong, in the core\'s words for numbers and shapes', () => {
  const cases = [
    ['preset=seed&w1=0.2,abc,0.1,0.3', 'w1[0][1] must be a finite number, got NaN'],
    ['w1=0.2,0.4,0.1', 'w1 must be an array of rows (one column per neuron of hidden layer 1'],
    ['lr=1e999', 'lr must be a finite number'],
    ['loss=cube', 'loss_fn must be one of'],
    ['preset=xor&samples=0,0,0;1,1', 'samples[1].t must be an array of 1 number'],
    ['stage=11', 'stage must be a whole number from 0 to 10, got “11”'],
    ['arch=2-3-2-1&stage=15', 'stage must be a whole number from 0 to 14, got “15”'],
    ['arch=2-9-1', 'arch must be a whole number from 1 to 8, got “9”'],
    ['arch=5-1', 'widths[0] must be a whole number from 1 to 4, got the number 5'],
    ['arch=2-2-2-2-2-2-2-2-1', 'widths must be an array of 2 to 8 layer widths'],
    ['arch=2-3-1&act=tanh', 'activations must be an array of 2 names'],
    ['arch=2-3-1&act=tanh,cube', 'activations[1] must be one of "sigmoid", "tanh", "relu", "linear"'],
    ['act=sigmoid,tanh&loss=ce', 'cross-entropy needs a sigmoid output layer'],
    ['w3=1', 'w3 is not a layer of this 2-2-1 network'],
    ['biases=maybe', 'biases must be “fixed” or “trained”'],
    ['preset=nope', 'there is no example “nope”'],
    ['preset=xor&sample=9', 'sample must be a whole number from 1 to 4'],
    ['sample=1', 'this setup has none'],
    ['colour=red', '“colour” is not one of its fields'],
    ['lr=1&lr=2', 'it gives “lr” twice'],
    ['lr=%E0%A4%A', 'stray %'],
  ];
  for (const [text, message] of cases) {
    assert.throws(() => decode(text), (error) => error instanceof Error && error.message.includes(message), text);
  }
});
