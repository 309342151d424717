// The link format (www/link.js) on its own, against the real core: every setup the page can be in
// reads back exactly from its link, links stay short, and a bad link is an Error that says what
// is wrong — the core's own message when a number or a shape is bad.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeLink, encodeLink, originFor } from '../../www/link.js';
import { core, presetState } from './harness.mjs';
import { PARAM_NAMES, withValue } from './learner.mjs';
import { mulberry32 } from '../prng.mjs';

const presets = core.presets();
const preset = (id) => presets.find((candidate) => candidate.id === id);
const decode = (text) => decodeLink(text, presets, core.validateState);


const SPECIAL = [0, -0, 1e-300, -5e-324, 123456.789, 1 / 3, -2.5e-7, 0.1 + 0.2];

function randomSetup(next) {
  const origin = presets[Math.floor(next() * presets.length)];
  let state = structuredClone(origin.state);
  for (const name of PARAM_NAMES) {
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
  if (next() < 0.3) state.update = next() < 0.5 ? 'ascent' : 'descent';
  if (state.samples && next() < 0.5) state.mode = 'per_sample';
  return { origin, state: core.validateState(state), stageIndex: Math.floor(next() * 11) };
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
    for (const name of PARAM_NAMES) {
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
    ['w1=0.2,0.4,0.1', 'w1 must be an array of 2 rows'],
    ['lr=1e999', 'lr must be a finite number'],
    ['loss=cube', 'loss_fn must be one of'],
    ['preset=xor&samples=0,0,0;1,1', 'samples[1].t must be an array of 1 number'],
    ['stage=11', 'stage must be a whole number from 0 to 10, got “11”'],
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
