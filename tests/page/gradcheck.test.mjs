// Prove it: the gradient check puts backprop's gradient of every weight and bias beside the core's
// finite difference, follows every change of state and of ε, and is linked to the picture.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { core, pageHarness, presetState } from './harness.mjs';
import {
  WEIGHT_NAMES, choosePreset, dragSlider, readFdAnalytic, readFdNumeric, readState, settle, valueOf, withValue,
} from './learner.mjs';

const run = pageHarness();

async function assertRowsMatchCore(page, state, eps) {
  const gradient = core.evaluate(state).batch?.grad ?? core.evaluate(state).grad;
  const expected = core.finiteDifferences(state, eps);
  const analytic = await readFdAnalytic(page);
  const numeric = await readFdNumeric(page);
  assert.deepEqual(Object.keys(analytic), WEIGHT_NAMES, 'one row per weight and bias, in order');
  for (const [k, name] of WEIGHT_NAMES.entries()) {
    assert.equal(analytic[name], valueOf(gradient, name), `${name}: the analytic value is backprop's`);
    assert.equal(numeric[name], expected[k].numeric, `${name}: the numeric value is the core's`);
  }
  return { analytic, numeric };
}

test('every row shows backprop\'s gradient beside a finite difference that agrees with it', () => run(async (page) => {
  const seed = core.defaultState();
  const { analytic, numeric } = await assertRowsMatchCore(page, seed, 1e-6);
  for (const name of WEIGHT_NAMES) {
    const relative = Math.abs(analytic[name] - numeric[name]) / Math.abs(analytic[name]);
    assert.ok(relative < 1e-6, `${name}: relative error ${relative}`);
    assert.equal(await page.getAttribute(`[data-fd="${name}"]`, 'data-verdict'), 'match', name);
  }
}));

test('the table follows a slider drag, a preset and ε', () => run(async (page) => {
  await dragSlider(page, 'w2.1.0', 50);
  await assertRowsMatchCore(page, await readState(page, core.defaultState()), 1e-6);

  await choosePreset(page, 'xor');
  await assertRowsMatchCore(page, presetState('xor'), 1e-6);
  assert.equal(await page.locator('[data-fd-loss]').first().textContent(), 'J', 'J is the mean over the samples');

  await page.locator('[data-eps]').fill('0');
  await settle(page);
  assert.equal(await page.locator('[data-eps-value]').textContent(), '10⁰');
  await assertRowsMatchCore(page, presetState('xor'), 1);
  const verdicts = await page.$$eval('[data-fd]', (rows) => rows.map((row) => row.dataset.verdict));
  assert.ok(verdicts.some((verdict) => verdict !== 'match'), 'ε = 1 is too coarse for some rows');
}));

test('pointing at an edge or bias highlights its row, clicking pins it; a row marks its edge', () => run(async (page) => {
  const linked = () => page.$$eval('.is-linked', (elements) =>
    elements.map((element) => element.dataset.fd ?? element.dataset.edge ?? element.dataset.node ?? element.dataset.param
      ?? `label ${element.dataset.labelFor}`));

  await page.locator('[data-edge="w2.1.0"] .edge-line').hover();
  // The edge, its gradient-check row, its control and its two labels on the edge (weight, gradient).
  const edgeMarks = (name) => [name, name, name, `label ${name}`, `label ${name}`].sort();
  assert.deepEqual((await linked()).sort(), edgeMarks('w2.1.0'));
  await page.locator('[data-node="y.0"]').click();
  const biasMarks = (await linked()).sort();
  assert.deepEqual(biasMarks.filter((mark) => !mark.startsWith('label')), ['b2.0', 'b2.0', 'y.0'],
    'the output neuron stands for its bias');
  assert.ok(biasMarks.every((mark) => !mark.startsWith('label') || mark === 'label b2.0'), biasMarks.join());
  await page.mouse.move(0, 0);
  assert.deepEqual((await linked()).sort(), biasMarks, 'the click pinned it');

  await page.locator('[data-fd="w1.0.1"]').hover();
  assert.deepEqual((await linked()).sort(), edgeMarks('w1.0.1'));
}));

test('a big check (a 4-8-8-8-4\'s 220 rows) waits while a slider is dragged and catches up when it is let go; a small one follows', () => run(async (page) => {
  /** In the page: one slider input, then the frame that draws it; what the table shows then. */
  const slideAndLook = (name, value) => page.evaluate(async ([param, to]) => {
    const input = document.querySelector(`[data-param="${param}"] input[type=range]`);
    input.value = String(to);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const row = document.querySelector(`[data-fd="${param}"]`);
    return { analytic: Number(row.dataset.analytic), waiting: document.getElementById('gradcheck').classList.contains('is-waiting') };
  }, [name, value]);

  const small = await slideAndLook('w1.0.0', 0.9);
  assert.equal(small.waiting, false, 'the 2-2-1\'s 9 rows follow the drag');
  assert.equal(small.analytic, valueOf(core.evaluate(withValue(core.defaultState(), 'w1.0.0', 0.9)).grad, 'w1.0.0'));

  const deep = core.reshape(core.defaultState(), { widths: [4, 8, 8, 8, 4], activations: ['sigmoid', 'sigmoid', 'sigmoid', 'sigmoid'] });
  await page.locator('[data-load-state]').setInputFiles({ name: 'deep.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(deep)) });
  await page.waitForFunction(() => document.querySelectorAll('[data-fd]').length === 220);
  const before = Number(await page.getAttribute('[data-fd="w1.0.0"]', 'data-analytic'));
  assert.equal(before, valueOf(core.evaluate(deep).grad, 'w1.0.0'));
  const during = await slideAndLook('w1.0.0', 1.5);
  assert.deepEqual(during, { analytic: before, waiting: true }, 'the table keeps its last check, dimmed, while the slider moves');

  // Letting go (the slider's change event) brings it up to date.
  await page.locator('[data-param="w1.0.0"] input[type=range]').dispatchEvent('change');
  await page.waitForFunction(() => !document.getElementById('gradcheck').classList.contains('is-waiting'));
  const moved = withValue(deep, 'w1.0.0', 1.5);
  const rows = await readFdAnalytic(page);
  assert.equal(rows['w1.0.0'], valueOf(core.evaluate(moved).grad, 'w1.0.0'));
  assert.equal(rows['w4.7.3'], valueOf(core.evaluate(moved).grad, 'w4.7.3'));
}));
