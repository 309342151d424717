// Playing a pass: Step backprop reveals the core's gradients stage by stage, the update moves the
// sliders, and Step back, Finish, Reset and the keyboard shortcuts do what they say.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { core, pageHarness } from './harness.mjs';
import {
  EDGE_NAMES, PARAM_NAMES, W1_EDGES, W2_EDGES, currentStage, press, pressKey, readBiasGrads,
  readEdgeGrads, readNeurons, readParams, readState, settle, valueOf,
} from './learner.mjs';

const run = pageHarness();
const seed = core.defaultState();
const seedPass = core.evaluate(seed);
const STAGE_IDS = core.stageList(seed).map((stage) => stage.id);
const stageOf = (id) => STAGE_IDS.indexOf(id) + 1;
const expectedEdgeGrad = (name) => valueOf(seedPass.grad, name);

async function stepTo(page, stage) {
  while (await currentStage(page) < stage) await press(page, 'Step backprop');
}

test('Step backprop reveals the W2 gradients before the W1 gradients, with the core\'s values', () => run(async (page) => {
  const firstSeen = {};
  for (let stage = 1; stage <= 10; stage += 1) {
    await press(page, 'Step backprop');
    assert.equal(await currentStage(page), stage);
    const grads = await readEdgeGrads(page);
    for (const name of EDGE_NAMES) {
      if (grads[name] === null) continue;
      firstSeen[name] ??= stage;
      assert.equal(grads[name], expectedEdgeGrad(name), `∂E/∂${name} at stage ${stage}`);
    }
    const biasGrads = await readBiasGrads(page);
    assert.equal(biasGrads['y.0'] !== null, stage >= stageOf('delta_2'), `∂E/∂b2 at stage ${stage}`);
    assert.equal(biasGrads['h1.0'] !== null, stage >= stageOf('delta_1'), `∂E/∂b1 at stage ${stage}`);
  }
  for (const name of W2_EDGES) assert.equal(firstSeen[name], stageOf('grad_w2'), name);
  for (const name of W1_EDGES) assert.equal(firstSeen[name], stageOf('grad_w1'), name);
  assert.ok(stageOf('grad_w2') < stageOf('grad_w1'));
}));

test('each gradient stays on its edge until the state changes; bias gradients sit on their neurons', () => run(async (page) => {
  await stepTo(page, stageOf('delta_1'));
  const biasGrads = await readBiasGrads(page);
  assert.equal(biasGrads['h1.0'], seedPass.grad.b1[0]);
  assert.equal(biasGrads['h1.1'], seedPass.grad.b1[1]);
  assert.equal(biasGrads['y.0'], seedPass.grad.b2[0]);
  const grads = await readEdgeGrads(page);
  for (const name of W2_EDGES) assert.equal(grads[name], expectedEdgeGrad(name));
  for (const name of W1_EDGES) assert.equal(grads[name], null);
}));

test('the chain-rule card shows the formula with the numbers substituted', () => run(async (page) => {
  await stepTo(page, stageOf('grad_w2'));
  const card = (await page.locator('.card').innerText()).replace(/\s+/g, '');
  // The example: ∂E/∂w = ∂E/∂y · σ′(z₂) · h₁ = (−0.04134)(0.2178)(0.5572) = −0.005019.
  for (const text of ['(−0.04134)', '0.2178', '0.5572', '−0.005019', 'σ′']) assert.ok(card.includes(text), text);
}));

test('the update moves the sliders by −lr·gradient, and Step back restores them', () => run(async (page) => {
  // A large learning rate makes the step visible on the sliders, not only in the numbers.
  await page.locator('[data-param="lr"] input[type=number]').fill('5');
  await settle(page);
  const state = await readState(page, seed);
  const expected = core.evaluate(state);
  await stepTo(page, 9);
  const before = await readParams(page);
  const sliderValues = () => page.$$eval('[data-param] input[type=range]', (inputs) => inputs.map((input) => input.value));
  const slidersBefore = await sliderValues();

  await press(page, 'Step backprop');
  assert.equal(await currentStage(page), 10);
  const after = await readParams(page);
  for (const name of PARAM_NAMES) {
    const gradient = ['x.0', 'x.1', 't.0', 'lr'].includes(name) ? 0 : valueOf(expected.grad, name);
    const change = after[name] - before[name];
    assert.ok(Math.abs(change + before.lr * gradient) <= 1e-15, `${name} moved by −lr·∂E/∂${name}`);
    assert.equal(after[name], valueOf(expected.next, name), `${name} is the core's next value`);
  }
  assert.notDeepEqual(await sliderValues(), slidersBefore, 'the sliders moved');
  assert.equal((await readNeurons(page))['y.0'], core.evaluate(expected.next).y[0], 'the picture shows the new parameters');
  const biasChange = (-before.lr * valueOf(expected.grad, 'b2.0')).toPrecision(4);
  assert.ok((await page.locator('[data-param="b2.0"]').innerText()).includes(`Δ +${biasChange}`), 'Δb is shown');

  await press(page, 'Step back');
  assert.equal(await currentStage(page), 9);
  assert.deepEqual(await readParams(page), before);
  assert.deepEqual(await sliderValues(), slidersBefore, 'the sliders moved back');
  const grads = await readEdgeGrads(page);
  for (const name of EDGE_NAMES) assert.equal(grads[name], valueOf(expected.grad, name), name);
}));

test('Step back undoes one stage at a time, down to the start of the pass', () => run(async (page) => {
  await stepTo(page, stageOf('grad_w1'));
  await press(page, 'Step back');
  assert.equal(await currentStage(page), stageOf('grad_w1') - 1);
  const grads = await readEdgeGrads(page);
  for (const name of W1_EDGES) assert.equal(grads[name], null, name);
  for (const name of W2_EDGES) assert.equal(grads[name], expectedEdgeGrad(name), name);
  while (await currentStage(page) > 0) await press(page, 'Step back');
  assert.deepEqual(Object.values(await readEdgeGrads(page)), EDGE_NAMES.map(() => null));
  assert.equal(await page.getByRole('button', { name: 'Step back', exact: true }).isDisabled(), true);
}));

test('Finish plays the rest of the pass at once; Reset returns to the seed', () => run(async (page) => {
  await stepTo(page, 3);
  await press(page, 'Finish');
  assert.equal(await currentStage(page), 10);
  for (const name of EDGE_NAMES) assert.equal((await readEdgeGrads(page))[name], expectedEdgeGrad(name));
  for (const name of PARAM_NAMES) assert.equal((await readParams(page))[name], valueOf(seedPass.next, name));
  assert.equal(await page.getByRole('button', { name: 'Finish', exact: true }).isDisabled(), true);

  await press(page, 'Reset');
  assert.equal(await currentStage(page), 0);
  for (const name of PARAM_NAMES) assert.equal((await readParams(page))[name], valueOf(seed, name));
  assert.deepEqual(Object.values(await readEdgeGrads(page)), EDGE_NAMES.map(() => null));
}));

test('after the update, Step backprop starts the next pass at the new parameters', () => run(async (page) => {
  await press(page, 'Finish');
  await press(page, 'Step backprop');
  assert.equal(await currentStage(page), 1);
  assert.deepEqual(Object.values(await readEdgeGrads(page)), EDGE_NAMES.map(() => null));
  for (const name of PARAM_NAMES) assert.equal((await readParams(page))[name], valueOf(seedPass.next, name));
  await press(page, 'Finish');
  const secondNext = core.evaluate(seedPass.next).next;
  for (const name of PARAM_NAMES) assert.equal((await readParams(page))[name], valueOf(secondNext, name));
}));

test('keyboard: → and Space step, ← steps back, but not while a slider has focus', () => run(async (page) => {
  await pressKey(page, 'ArrowRight');
  await pressKey(page, 'ArrowRight');
  assert.equal(await currentStage(page), 2);
  await pressKey(page, ' ');
  assert.equal(await currentStage(page), 3);
  await pressKey(page, 'ArrowLeft');
  assert.equal(await currentStage(page), 2);

  const slider = page.locator('[data-param="w1.1.1"] input[type=range]');
  await slider.focus();
  await pressKey(page, 'ArrowRight');
  assert.equal((await readParams(page))['w1.1.1'], 0.31, 'the slider took the key');
  assert.equal(await currentStage(page), 0, 'the edit restarted the pass');
}));
