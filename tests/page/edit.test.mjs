// Editing parameters: dragging a slider or typing a number recomputes the picture from the core,
// changes nothing else, and restarts a pass in progress.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { core, pageHarness } from './harness.mjs';
import {
  EDGE_NAMES, PARAM_NAMES, currentStage, dragAndRead, dragSlider, press, readEdgeGrads, readLoss, readNeurons,
  readParams, readState, settle, valueOf, withValue,
} from './learner.mjs';

const run = pageHarness();

async function assertShowsCoreValues(page, state) {
  const expected = core.evaluate(state);
  const neurons = await readNeurons(page);
  assert.equal(neurons['h1.0'], expected.h1[0], 'h₁');
  assert.equal(neurons['h1.1'], expected.h1[1], 'h₂');
  assert.equal(neurons['y.0'], expected.y[0], 'y');
  assert.equal(await readLoss(page), expected.loss, 'E');
}

for (const [name, dx] of [['w1.0.0', 60], ['b2.0', -45], ['t.0', -30]]) {
  test(`dragging the ${name} slider changes only ${name} and updates h, y and E`, () => run(async (page) => {
    const before = await readParams(page);
    await dragSlider(page, name, dx);
    const after = await readParams(page);

    assert.notEqual(after[name], before[name], `${name} moved`);
    assert.equal(Math.sign(after[name] - before[name]), Math.sign(dx), `${name} moved the way it was dragged`);
    for (const other of PARAM_NAMES.filter((n) => n !== name)) assert.equal(after[other], before[other], other);
    const number = page.locator(`[data-param="${name}"] input[type=number]`);
    assert.equal(Number(await number.inputValue()), after[name], 'the number field follows the slider');
    await assertShowsCoreValues(page, await readState(page, core.defaultState()));
  }));
}

test('while a slider is dragged, the number beside it follows every move', () => run(async (page) => {
  // Every panel open, so that a drag's frames have more to write than fits in each.
  await page.evaluate(() => {
    document.getElementById('values').open = true;
  });
  const readings = await dragAndRead(page, 'w1.0.0', 30, { number: '[data-param="w1.0.0"] input[type=number]' });
  const behind = readings.flatMap(({ weight, number }, i) => (weight === number ? [] : [`${i + 1}: slider ${weight}, field ${number}`]));
  assert.deepEqual(behind, [], 'the number field showed another value than the slider');
}));

test('while a slider is dragged, the picture\'s h, y and E follow every move', () => run(async (page) => {
  // Every panel open, as in the test above. A 2-2-1's panels are small enough to follow every
  // frame of a drag (model/readouts.js): the picture once showed an earlier weight's values in 29
  // of these 30 moves. A slow write (a GC) may still hold it back for a few frames.
  await page.evaluate(() => {
    document.getElementById('values').open = true;
  });
  const readings = await dragAndRead(page, 'w1.0.0', 30, {
    h1: '[data-node="h1.0"]', h2: '[data-node="h1.1"]', y: '[data-node="y.0"]', loss: '[data-loss]',
  });
  const behind = readings.flatMap((shown, i) => {
    const expected = core.evaluate(withValue(core.defaultState(), 'w1.0.0', shown.weight));
    const want = { weight: shown.weight, h1: expected.h1[0], h2: expected.h1[1], y: expected.y[0], loss: expected.loss };
    return JSON.stringify(shown) === JSON.stringify(want) ? [] : [`${i + 1}: ${JSON.stringify(shown)}`];
  });
  assert.ok(behind.length <= 5, `the picture showed an earlier weight's values after ${behind.length} of 30 moves:\n${behind.join('\n')}`);
}));

test('while a weight of a 4-8-8-8-4 is dragged, its edge, the outputs and E follow every move', () => run(async (page) => {
  // A big network's labels take turns while a slider is dragged (model/readouts.js), but not
  // the ones a learner watches.
  const state = core.reshape(core.defaultState(), { widths: [4, 8, 8, 8, 4], activations: ['sigmoid', 'sigmoid', 'sigmoid', 'sigmoid'] });
  await page.locator('[data-load-state]').setInputFiles({
    name: 'deep.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(state)),
  });
  await page.waitForFunction(() => document.getElementById('status').textContent.includes('deep.json'));
  await page.evaluate(() => {
    document.getElementById('values').open = true;
  });
  await page.locator('[data-param="w1.0.0"] .param-cell').click();
  const outputs = [0, 1, 2, 3];
  const readings = await dragAndRead(page, 'w1.0.0', 20, {
    edge: '[data-edge="w1.0.0"] title', loss: '[data-loss]',
    ...Object.fromEntries(outputs.map((k) => [`y${k}`, `[data-node="y.${k}"]`])),
  });
  const behind = readings.flatMap((shown, i) => {
    const expected = core.evaluate(withValue(state, 'w1.0.0', shown.weight));
    // The edge's tooltip: `w⁽¹⁾₁₁ = ` and the weight in full.
    const right = shown.edge.endsWith(` = ${shown.weight}`) && shown.loss === expected.loss
      && outputs.every((k) => shown[`y${k}`] === expected.y[k]);
    return right ? [] : [`${i + 1}: ${JSON.stringify(shown)}`];
  });
  assert.ok(behind.length <= 3, `the picture showed an earlier weight's values after ${behind.length} of 20 moves:\n${behind.join('\n')}`);
}));

test('a drag\'s frames write no hidden or disabled state that did not change', () => run(async (page) => {
  // A same-value write of `hidden` or `disabled` still restyles the element: the practice panel,
  // Step back and Finish, and rows of the table were written so in every frame of a drag.
  await page.evaluate(() => {
    document.getElementById('values').open = true;
    globalThis.attributeWrites = [];
    new MutationObserver((records) => globalThis.attributeWrites.push(...records.map((record) => ({
      target: record.target, name: record.attributeName, old: record.oldValue,
    })))).observe(document.body, { subtree: true, attributes: true, attributeOldValue: true, attributeFilter: ['hidden', 'disabled'] });
  });
  await dragAndRead(page, 'w1.0.0', 10, {});
  const same = await page.evaluate(() => globalThis.attributeWrites.flatMap((write, i, writes) => {
    // What the write set: the next write's old value, or the value the element has now.
    const next = writes.slice(i + 1).find((later) => later.target === write.target && later.name === write.name);
    const value = next ? next.old : write.target.getAttribute(write.name);
    const where = write.target.id || write.target.className || write.target.tagName;
    return value === write.old ? [`${write.name} of ${where}`] : [];
  }));
  assert.deepEqual([...new Set(same)], [], 'written with the value it had');
}));

test('the number field accepts a value beyond the slider\'s range', () => run(async (page) => {
  const field = page.locator('[data-param="w2.0.0"] input[type=number]');
  await field.fill('7.25');
  await settle(page);
  assert.equal((await readParams(page))['w2.0.0'], 7.25);
  assert.equal(await page.locator('[data-param="w2.0.0"] input[type=range]').inputValue(), '4');
  await assertShowsCoreValues(page, await readState(page, core.defaultState()));
}));

test('a value the core rejects is refused, and the status line says why', () => run(async (page) => {
  const before = await readParams(page);
  const field = page.locator('[data-param="t.0"] input[type=number]');
  await field.fill('1e308');
  await settle(page);
  assert.deepEqual(await readParams(page), before);
  assert.equal(await field.getAttribute('aria-invalid'), 'true');
  assert.match(await page.getByRole('status').textContent(), /overflowed/);
  await field.fill('0.25');
  await settle(page);
  assert.equal((await readParams(page))['t.0'], 0.25);
  assert.equal(await field.getAttribute('aria-invalid'), null);
}));

test('editing a parameter mid-pass restarts the pass and says so', () => run(async (page) => {
  for (let i = 0; i < 6; i += 1) await press(page, 'Step backprop');
  assert.ok(Object.values(await readEdgeGrads(page)).some((grad) => grad !== null));

  await dragSlider(page, 'x.1', 40);
  assert.equal(await currentStage(page), 0);
  assert.deepEqual(Object.values(await readEdgeGrads(page)), EDGE_NAMES.map(() => null));
  assert.match(await page.getByRole('status').textContent(), /restarted/);
  await assertShowsCoreValues(page, await readState(page, core.defaultState()));
  assert.notEqual(valueOf(await readState(page, core.defaultState()), 'x.1'), core.defaultState().x[1]);
}));
