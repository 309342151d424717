// Training as a learner uses it: train until the loss falls below a target, watch the curve and the
// sliders follow, pause, and see the notebook's += bug make the loss rise. Every number is checked
// against the core: training in per-frame batches must land exactly where one long run lands.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { core, pageHarness, presetState } from './harness.mjs';
import {
  PARAM_NAMES, choosePreset, currentStage, curvePoints, press, readBatchLoss, readLoss, readParams,
  settle, trainUntilStopped, trainedSteps, valueOf,
} from './learner.mjs';

const run = pageHarness();

async function setTraining(page, { speed, steps, target = '' }) {
  await page.selectOption('[data-speed]', String(speed));
  await page.locator('[data-max-steps]').fill(String(steps));
  await page.locator('[data-target]').fill(String(target));
}

test('XOR trains until J falls below the target; the curve, step count and sliders follow', () => run(async (page) => {
  const xor = presetState('xor');
  await choosePreset(page, 'xor');
  assert.equal(await curvePoints(page), 0, 'no curve before training');
  await setTraining(page, { speed: 100, steps: 5000, target: 0.05 });
  await trainUntilStopped(page);

  const steps = await trainedSteps(page);
  const expected = core.trainRun(xor, 5000, 0.05);
  assert.equal(steps, expected.steps, 'stopped at the step where the core reaches the target');
  const trained = core.train(xor, steps);
  const params = await readParams(page);
  for (const name of PARAM_NAMES) assert.equal(params[name], valueOf(trained, name), `${name} follows training`);
  assert.notEqual(params['w2.0.0'], valueOf(xor, 'w2.0.0'), 'the sliders moved');
  const batchLoss = await readBatchLoss(page);
  assert.ok(batchLoss <= 0.05, `J = ${batchLoss}`);
  assert.equal(batchLoss, core.evaluate(trained).batch.loss);
  assert.ok(await curvePoints(page) > 1, 'the loss curve has points');
  assert.match(await page.getByRole('status').textContent(), /reached the target/);
}));

test('Pause stops training where it is; the step limit stops it too', () => run(async (page) => {
  await setTraining(page, { speed: 1, steps: 100000 });
  await press(page, 'Train');
  await settle(page);
  await press(page, 'Pause');
  const paused = await readParams(page);
  const steps = await trainedSteps(page);
  assert.ok(steps > 0 && steps < 100, `${steps} steps before the pause`);
  await settle(page);
  assert.deepEqual(await readParams(page), paused, 'nothing moves after Pause');
  const expected = core.train(core.defaultState(), steps);
  for (const name of PARAM_NAMES) assert.equal(paused[name], valueOf(expected, name), name);

  await setTraining(page, { speed: 20, steps: 50 });
  await trainUntilStopped(page);
  assert.equal(await trainedSteps(page), steps + 50, 'a run of 50 more steps');
  assert.equal(await curvePoints(page), steps + 51);
}));

test('Step backprop during training pauses it first, then plays its stage', () => run(async (page) => {
  await setTraining(page, { speed: 1, steps: 100000 });
  await press(page, 'Train');
  await press(page, 'Step backprop');
  assert.equal(await page.getByRole('button', { name: 'Train', exact: true }).count(), 1, 'training paused');
  assert.equal(await currentStage(page), 1);
  const stepsAtPause = await trainedSteps(page);
  await settle(page);
  assert.equal(await trainedSteps(page), stepsAtPause);
}));

test('each Step-backprop update adds a point to the curve; undoing it takes the point away', () => run(async (page) => {
  await press(page, 'Finish');
  assert.equal(await curvePoints(page), 2, 'the start and the first update');
  await press(page, 'Step backprop');
  await press(page, 'Finish');
  assert.equal(await curvePoints(page), 3);
  await press(page, 'Step back');
  assert.equal(await curvePoints(page), 2);
  await page.locator('[data-param="w1.0.0"] input[type=number]').fill('0.25');
  await settle(page);
  assert.equal(await curvePoints(page), 0, 'an edit jumps elsewhere: the curve starts afresh');
}));

test('the ascent preset: training raises the loss, and the curve shows it', () => run(async (page) => {
  const ascent = presetState('ascent');
  await choosePreset(page, 'ascent');
  const before = await readLoss(page);
  await setTraining(page, { speed: 50, steps: 200 });
  await page.locator('[data-loss-scale] input[value="linear"]').check();
  await trainUntilStopped(page);
  const expected = core.trainRun(ascent, 200);
  assert.equal(await readLoss(page), expected.loss);
  assert.ok(expected.loss > before * 100, `E rose from ${before} to ${expected.loss}`);
  assert.equal(await page.getAttribute('[data-loss-curve]', 'data-scale'), 'linear');
  const [first, last] = await page.$eval('[data-loss-curve] polyline', (line) => {
    const ys = line.getAttribute('points').split(' ').map((point) => Number(point.split(',')[1]));
    return [ys[0], ys.at(-1)];
  });
  assert.ok(last < first, 'the curve climbs (SVG y grows downward)');
}));

test('a bad step limit is refused and marked', () => run(async (page) => {
  await setTraining(page, { speed: 10, steps: 0 });
  await press(page, 'Train');
  assert.equal(await page.getAttribute('[data-max-steps]', 'aria-invalid'), 'true');
  assert.match(await page.getByRole('status').textContent(), /whole number of steps/);
  assert.equal(await trainedSteps(page), 0);
}));
