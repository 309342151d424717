// Presets as a learner uses them: each loads its exact state and explains itself; Reset returns to
// it; XOR's samples each show their own pass and updates use the batch or one sample; the
// saturated preset marks its neurons; the ascent preset's update adds the gradient.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { core, namesOf, pageHarness, presetState } from './harness.mjs';
import {
  chooseOption, choosePreset, currentStage, curvePoints, dragSlider, press,
  readBatchLoss, readLoss, readNeurons, readParams, valueOf, pickSample,
} from './learner.mjs';

const run = pageHarness();
const saturatedNodes = (page) => page.$$eval('[data-saturated]', (nodes) => nodes.map((node) => node.dataset.node));
/** The first + or − of each formula on the card: for an update, the sign in front of η. */
const updateSigns = (page) => page.$$eval('.formula', (formulas) => formulas.map((formula) =>
  [...formula.querySelectorAll('mo')].map((mo) => mo.textContent).find((op) => op === '+' || op === '−')));

async function assertShowsState(page, state, what) {
  const params = await readParams(page);
  const names = namesOf(state).params;
  assert.deepEqual(Object.keys(params), names, `${what}: one control per parameter of its network`);
  for (const name of names) assert.equal(params[name], valueOf(state, name), `${what}: ${name}`);
  assert.equal(await readLoss(page), core.evaluate(state).loss, `${what}: E`);
}

test('each preset sets every slider to its state and shows its note', () => run(async (page) => {
  for (const preset of core.presets()) {
    await choosePreset(page, preset.id);
    await assertShowsState(page, preset.state, preset.id);
    assert.equal(await page.inputValue('select[data-preset]'), preset.id);
    assert.ok((await page.locator('[data-preset-note]').textContent()).includes(preset.note), `${preset.id}: its note`);
    assert.equal(await currentStage(page), 0);
  }
}));

test('Reset returns to the chosen preset\'s exact start, not to the seed', () => run(async (page) => {
  await choosePreset(page, 'xor');
  await press(page, 'Finish');
  await dragSlider(page, 'w1.0.1', 40);
  await press(page, 'Reset');
  await assertShowsState(page, presetState('xor'), 'after Reset');
  assert.equal(await currentStage(page), 0);
  assert.equal(await curvePoints(page), 0);
}));

test('XOR: picking a sample shows its own pass, beside the mean loss J', () => run(async (page) => {
  const xor = presetState('xor');
  await choosePreset(page, 'xor');
  const meanLoss = core.evaluate(xor).batch.loss;
  assert.equal(await readBatchLoss(page), meanLoss);
  await pickSample(page, 2);
  const shown = { ...xor, x: xor.samples[2].x, t: xor.samples[2].t };
  await assertShowsState(page, shown, 'sample 3');
  assert.deepEqual([(await readParams(page))['x.0'], (await readParams(page))['x.1']], [1, 0]);
  assert.equal((await readNeurons(page))['y.0'], core.evaluate(shown).y[0]);
  assert.equal(await readBatchLoss(page), meanLoss, 'J does not depend on the sample shown');
  assert.equal(await page.locator('[data-sample="2"] input').isChecked(), true);
}));

test('XOR: the batch toggle switches the update between the mean gradient and one sample\'s', () => run(async (page) => {
  const xor = presetState('xor');
  await choosePreset(page, 'xor');
  await press(page, 'Finish');
  const batchStep = core.evaluate(xor).next;
  await assertShowsState(page, batchStep, 'batch update');
  await press(page, 'Step back');

  await chooseOption(page, 'data-mode', 'per_sample');
  assert.equal(await currentStage(page), 9, 'the pass is replayed, not restarted');
  await press(page, 'Step backprop');
  const perSample = { ...xor, mode: 'per_sample' };
  await assertShowsState(page, core.evaluate(perSample).next, 'per-sample update');
  assert.notEqual((await readParams(page))['w2.0.0'], valueOf(batchStep, 'w2.0.0'), 'a different step');

  await press(page, 'Step backprop');
  const params = await readParams(page);
  assert.deepEqual([params['x.0'], params['x.1'], params['t.0']], [0, 1, 1], 'the next pass shows the next sample');
}));

test('the saturated preset marks its neurons and explains; the seed marks none', () => run(async (page) => {
  assert.deepEqual(await saturatedNodes(page), []);
  assert.equal(await page.locator('#saturation-note').isVisible(), false);
  await choosePreset(page, 'saturated');
  const { slope } = core.evaluate(presetState('saturated'));
  assert.ok([...slope.z1, ...slope.z2].every((value) => value < 0.01));
  assert.deepEqual(await saturatedNodes(page), ['h1.0', 'h1.1', 'y.0']);
  assert.match(await page.locator('#saturation-note').textContent(), /saturated \(σ′\(z\) < 0\.01\)/);
  assert.equal(await page.locator('#saturation-note').isVisible(), true);

  await choosePreset(page, 'dead-relu');
  const { dead } = core.evaluate(presetState('dead-relu'));
  assert.ok(dead.length > 0, 'the core finds a dead unit');
  const marked = await page.$$eval('[data-dead]', (nodes) => nodes.map((node) => node.dataset.node));
  assert.deepEqual(marked, dead, 'the dead ReLU is marked');
  assert.match(await page.locator('#saturation-note').textContent(), /a dead ReLU: z ≤ 0 for every sample/);
}));

test('the ascent preset: its update adds the gradient, and switching the rule fixes it', () => run(async (page) => {
  const ascent = presetState('ascent');
  await choosePreset(page, 'ascent');
  assert.match(await page.locator('[data-preset-note]').textContent(), /\+=/);
  await press(page, 'Finish');
  assert.ok((await updateSigns(page)).every((sign) => sign === '+'), 'p ← p + η·∂E/∂p on the card');
  await assertShowsState(page, core.evaluate(ascent).next, 'ascent update');
  assert.ok(await readLoss(page) > core.evaluate(ascent).loss, 'the loss rose');

  await chooseOption(page, 'data-update', 'descent');
  assert.ok((await updateSigns(page)).every((sign) => sign === '−'), 'p ← p − η·∂E/∂p on the card');
  const fixed = { ...ascent, update: 'descent' };
  await assertShowsState(page, core.evaluate(fixed).next, 'descent update');
  assert.ok(await readLoss(page) < core.evaluate(ascent).loss, 'now the loss falls');
}));
