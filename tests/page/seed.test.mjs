// The page opens at the seed notebook's state and honours the DOM contract.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { core, pageHarness } from './harness.mjs';
import {
  EDGE_NAMES, NEURON_NAMES, PARAM_NAMES, currentStage, readBiasGrads, readEdgeGrads, readLoss,
  readNeurons, readParams, valueOf,
} from './learner.mjs';

const run = pageHarness();

test('the page opens at the seed, with the core\'s forward values', () => run(async (page) => {
  const seed = core.defaultState();
  const expected = core.evaluate(seed);

  const params = await readParams(page);
  assert.deepEqual(Object.keys(params).sort(), [...PARAM_NAMES].sort());
  for (const name of PARAM_NAMES) assert.equal(params[name], valueOf(seed, name), name);

  const neurons = await readNeurons(page);
  assert.equal(neurons['x.0'], seed.x[0]);
  assert.equal(neurons['x.1'], seed.x[1]);
  assert.equal(neurons['h1.0'], expected.h1[0]);
  assert.equal(neurons['h1.1'], expected.h1[1]);
  assert.equal(neurons['y.0'], expected.y[0]);
  assert.equal(await readLoss(page), expected.loss);
  // An independent anchor: the seed notebook printed y = [0.67932855].
  assert.ok(Math.abs(neurons['y.0'] - 0.679328546) < 1e-9);

  assert.deepEqual(Object.values(await readEdgeGrads(page)), EDGE_NAMES.map(() => null));
  assert.ok(Object.values(await readBiasGrads(page)).every((grad) => grad === null));
  assert.equal(await currentStage(page), 0);
}));

test('the DOM contract: controls, neurons, edges, loss and buttons', () => run(async (page) => {
  for (const name of PARAM_NAMES) {
    const group = page.locator(`[data-param="${name}"]`);
    assert.equal(await group.count(), 1, name);
    assert.equal(await group.locator('input[type=range]').count(), 1, `${name} slider`);
    assert.equal(await group.locator('input[type=number]').count(), 1, `${name} number field`);
    for (const input of await group.locator('input').all()) {
      const labelled = await input.evaluate((element) =>
        element.labels.length > 0 || element.hasAttribute('aria-labelledby'));
      assert.ok(labelled, `${name}: every control has a label`);
    }
  }
  assert.deepEqual(Object.keys(await readNeurons(page)).filter((name) => NEURON_NAMES.includes(name)), NEURON_NAMES);
  assert.deepEqual(Object.keys(await readEdgeGrads(page)), EDGE_NAMES);
  assert.equal(await page.locator('[data-loss][data-value]').count(), 1);
  for (const name of ['Step backprop', 'Step back', 'Finish', 'Reset']) {
    assert.equal(await page.getByRole('button', { name, exact: true }).count(), 1, name);
  }
  assert.equal(await page.getByRole('button', { name: 'Step back', exact: true }).isDisabled(), true);
}));

test('sliders and number fields show the value and keep the full one in data-value', () => run(async (page) => {
  const seed = core.defaultState();
  for (const name of PARAM_NAMES) {
    const group = page.locator(`[data-param="${name}"]`);
    assert.equal(Number(await group.locator('input[type=number]').inputValue()), valueOf(seed, name), name);
    assert.equal(Number(await group.locator('input[type=range]').inputValue()), valueOf(seed, name), name);
  }
}));
