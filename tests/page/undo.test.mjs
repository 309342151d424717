// Undo and Redo as a learner uses them: a whole slider drag, a typed number or a training run is
// one step; so is each Step, Finish, Reset, preset, option and landscape click. Buttons and
// Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y work everywhere but inside a text field, which keeps its own undo.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { core, pageHarness, presetState } from './harness.mjs';
import {
  chooseOption, choosePreset, currentStage, dragSlider, press, pressKey, readParams, settle,
  trainUntilStopped, typeInto,
} from './learner.mjs';

const run = pageHarness();
const button = (page, name) => page.getByRole('button', { name, exact: true });
const seed = core.defaultState();

test('a whole slider drag is one undo step; Undo and Redo are disabled when there is nothing to do', () => run(async (page) => {
  assert.equal(await button(page, 'Undo').isDisabled(), true);
  assert.equal(await button(page, 'Redo').isDisabled(), true);
  const start = await readParams(page);
  await dragSlider(page, 'w1.0.0', 60);
  const dragged = await readParams(page);
  assert.ok(dragged['w1.0.0'] > start['w1.0.0']);

  await press(page, 'Undo');
  assert.deepEqual(await readParams(page), start, 'one Undo takes back the whole drag');
  assert.equal(await button(page, 'Undo').isDisabled(), true);
  await press(page, 'Redo');
  assert.deepEqual(await readParams(page), dragged);
  assert.equal(await button(page, 'Redo').isDisabled(), true);
  assert.match(await page.getByRole('status').textContent(), /^Redone\./);
}));

test('typing a number is one step; two drags of one slider are two', () => run(async (page) => {
  await typeInto(page, 'b1.1', '0.2575');
  await page.keyboard.press('Tab');
  await dragSlider(page, 'w1.1.0', 12);
  const once = (await readParams(page))['w1.1.0'];
  await dragSlider(page, 'w1.1.0', 12);
  assert.ok((await readParams(page))['w1.1.0'] > once);
  await press(page, 'Undo');
  assert.equal((await readParams(page))['w1.1.0'], once, 'the second drag undone');
  await press(page, 'Undo');
  const params = await readParams(page);
  assert.equal(params['w1.1.0'], seed.w1[1][0]);
  assert.equal(params['b1.1'], 0.2575, 'the typed value is still there');
  await press(page, 'Undo');
  assert.equal((await readParams(page))['b1.1'], seed.b1[1], 'typing 0.2575 was one step');
  assert.equal(await button(page, 'Undo').isDisabled(), true);
}));

test('keys: Ctrl+Z undoes steps, presets and options, Ctrl+Shift+Z and Ctrl+Y redo', () => run(async (page) => {
  for (let i = 0; i < 3; i += 1) await press(page, 'Step backprop');
  await choosePreset(page, 'xor');
  await chooseOption(page, 'data-loss-fn', 'half_squared');
  await page.locator('body').click({ position: { x: 5, y: 5 } });

  await pressKey(page, 'Control+z');
  assert.equal(await page.locator('[data-loss-fn] input[value="squared"]').isChecked(), true, 'the option is undone');
  await pressKey(page, 'Control+z');
  assert.equal(await page.inputValue('select[data-preset]'), 'seed', 'the preset is undone');
  assert.equal(await currentStage(page), 3, 'back on the stage the seed was at');
  await pressKey(page, 'Control+z');
  assert.equal(await currentStage(page), 2);
  await pressKey(page, 'Control+Shift+Z');
  assert.equal(await currentStage(page), 3);
  await pressKey(page, 'Control+y');
  assert.equal(await page.inputValue('select[data-preset]'), 'xor');
  assert.equal((await readParams(page))['w1.0.1'], presetState('xor').w1[0][1]);
}));

test('Ctrl+Z inside a number field is the field\'s own undo, not the page\'s', () => run(async (page) => {
  await press(page, 'Step backprop');
  await press(page, 'Step backprop');
  await typeInto(page, 'w2.0.0', '0.75');
  assert.equal(await currentStage(page), 0, 'the edit restarted the pass');
  await pressKey(page, 'Control+z');
  assert.equal(await currentStage(page), 0, 'the page did not undo');
  assert.equal(await button(page, 'Redo').isDisabled(), true);
}));

test('Finish, Reset, Step back, a landscape click and a training run are one step each', () => run(async (page) => {
  await press(page, 'Finish');
  await press(page, 'Step back');
  await press(page, 'Reset');
  await press(page, 'Undo');
  assert.equal(await currentStage(page), 9, 'Reset undone');
  await press(page, 'Undo');
  assert.equal(await currentStage(page), 10, 'Step back undone');
  assert.equal((await readParams(page))['w2.0.0'], core.evaluate(seed).next.w2[0][0]);
  await press(page, 'Undo');
  assert.equal(await currentStage(page), 0, 'Finish undone');

  const map = page.locator('[data-landscape]');
  await map.click({ position: { x: 40, y: 40 } });
  await settle(page);
  assert.notEqual((await readParams(page))['w2.0.0'], seed.w2[0][0]);
  await press(page, 'Undo');
  assert.equal((await readParams(page))['w2.0.0'], seed.w2[0][0], 'the landscape click undone');

  await page.locator('[data-max-steps]').fill('40');
  await trainUntilStopped(page);
  const trained = await readParams(page);
  assert.equal(trained['w2.0.0'], core.train(seed, 40).w2[0][0]);
  await press(page, 'Undo');
  assert.equal((await readParams(page))['w2.0.0'], seed.w2[0][0], 'the whole run in one step');
  await press(page, 'Redo');
  assert.deepEqual(await readParams(page), trained);
}));
