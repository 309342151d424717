// The loss convention, stated and switchable: E = (y − t)², ½(y − t)² or cross-entropy. The switch
// replays the pass under the new convention, so the stage on the card stays and every number follows the core.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { core, pageHarness } from './harness.mjs';
import {
  chooseOption, currentStage, press, readEdgeGrads, readLoss, readOutputGrads, valueOf,
} from './learner.mjs';

const run = pageHarness();
const seed = core.defaultState();
const STAGE_IDS = core.stageList(seed).map((stage) => stage.id);

test('E = ½(y − t)² halves E and ∂E/∂y on the page, mid-pass, and the card follows', () => run(async (page) => {
  const gradY = STAGE_IDS.indexOf('grad_y') + 1;
  while (await currentStage(page) < gradY) await press(page, 'Step backprop');
  const squared = core.evaluate(seed);
  assert.equal(await readLoss(page), squared.loss);
  assert.equal((await readOutputGrads(page))['y.0'], squared.grad.y[0]);

  await chooseOption(page, 'data-loss-fn', 'half_squared');
  const half = core.evaluate({ ...seed, loss_fn: 'half_squared' });
  assert.equal(await currentStage(page), gradY, 'the same stage, replayed');
  assert.equal(await readLoss(page), half.loss);
  assert.equal((await readOutputGrads(page))['y.0'], half.grad.y[0]);
  assert.ok(Math.abs(half.loss - squared.loss / 2) < 1e-18 && Math.abs(half.grad.y[0] - squared.grad.y[0] / 2) < 1e-16);
  const card = (await page.locator('.card').innerText()).replace(/\s+/g, '');
  assert.ok(card.includes(half.grad.y[0].toPrecision(4).replace('-', '−')), 'the card shows the halved ∂E/∂y');
  assert.match(await page.getByRole('status').textContent(), /½\(y − t\)²/);
}));

test('after the switch every gradient and the update follow the ½ convention', () => run(async (page) => {
  await chooseOption(page, 'data-loss-fn', 'half_squared');
  await press(page, 'Finish');
  const half = { ...seed, loss_fn: 'half_squared' };
  const expected = core.evaluate(half);
  const grads = await readEdgeGrads(page);
  for (const name of Object.keys(grads)) assert.equal(grads[name], valueOf(expected.grad, name), name);
  assert.equal(await readLoss(page), core.evaluate(expected.next).loss);

  await chooseOption(page, 'data-loss-fn', 'squared');
  assert.equal(await readLoss(page), core.evaluate(core.evaluate(seed).next).loss, 'the update replayed under (y − t)²');
}));

test('cross-entropy: E from the core, and the card shows why δ_out = y − t', () => run(async (page) => {
  await chooseOption(page, 'data-loss-fn', 'cross_entropy');
  const entropy = core.evaluate({ ...seed, loss_fn: 'cross_entropy' });
  assert.equal(await readLoss(page), entropy.loss);
  const delta = STAGE_IDS.indexOf('delta_2') + 1;
  while (await currentStage(page) < delta) await press(page, 'Step backprop');
  assert.equal(Number(await page.getAttribute('[data-node="y.0"]', 'data-bias-grad')), entropy.grad.b2[0]);
  assert.ok(Math.abs(entropy.grad.b2[0] - (entropy.y[0] - seed.t[0])) < 1e-15, 'δ_out is y − t');
  const card = await page.locator('.card').innerText();
  assert.match(card, /the sigmoid's slope cancels, so δ_out = y − t/);
  assert.ok(card.replace(/\s+/g, '').includes(`=${entropy.grad.b2[0].toPrecision(4).replace('-', '−')}`), card);
}));
