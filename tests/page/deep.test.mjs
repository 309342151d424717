// The tools on networks other than the seed's: Train takes xor-tanh below its target, the
// gradient check and the landscape work on the deep sigmoid preset, and a 4-8-8-8-4 network built
// with the buttons fits a phone, drawn top to bottom, with no serious accessibility problem.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  AXE_CONTEXT, PHONE, assertNoSeriousViolations, core, namesOf, pageHarness, presetState,
} from './harness.mjs';
import {
  buildArchitecture, choosePreset, curvePoints, press, readArchitecture, readBatchLoss, readFdAnalytic,
  readFdNumeric, readLandscape, readParams, settle, trainUntilStopped, trainedSteps, valueOf,
} from './learner.mjs';

const run = pageHarness();

test('xor-tanh: Train takes J below 0.05, landing where the core\'s own run lands', () => run(async (page) => {
  const xorTanh = presetState('xor-tanh');
  await choosePreset(page, 'xor-tanh');
  assert.deepEqual(await readArchitecture(page), { widths: [2, 3, 1], activations: ['tanh', 'sigmoid'] });
  await page.selectOption('[data-speed]', '100');
  await page.locator('[data-max-steps]').fill('5000');
  await page.locator('[data-target]').fill('0.05');
  await trainUntilStopped(page);

  const expected = core.trainRun(xorTanh, 5000, 0.05);
  assert.equal(await trainedSteps(page), expected.steps);
  const batchLoss = await readBatchLoss(page);
  assert.ok(batchLoss < 0.05, `J = ${batchLoss}`);
  assert.equal(batchLoss, core.evaluate(expected.state).batch.loss);
  const params = await readParams(page);
  for (const name of namesOf(xorTanh).params) assert.equal(params[name], valueOf(expected.state, name), name);
  assert.equal(await curvePoints(page), expected.steps + 1);
  assert.match(await page.getByRole('status').textContent(), /reached the target/);
}));

test('deep-sigmoid: every gradient-check row agrees with backprop, and the landscape draws over any two weights', () => run(async (page) => {
  const deep = presetState('deep-sigmoid');
  await choosePreset(page, 'deep-sigmoid');
  const { weights } = namesOf(deep);
  const gradient = core.evaluate(deep).grad;
  const expected = core.finiteDifferences(deep, 1e-6);
  const analytic = await readFdAnalytic(page);
  const numeric = await readFdNumeric(page);
  assert.deepEqual(Object.keys(analytic), weights, 'one row per weight and bias of the 2-3-3-3-3-1 network');
  const verdicts = await page.$$eval('[data-fd]', (rows) => rows.map((row) => row.dataset.verdict));
  for (const [k, name] of weights.entries()) {
    assert.equal(analytic[name], valueOf(gradient, name), `${name}: backprop's gradient`);
    assert.equal(numeric[name], expected[k].numeric, `${name}: the core's finite difference`);
    // The gradients near the input are as small as 1e-9 here: there the finite difference's own
    // rounding (~1e-13) shows as a relative error of up to ~3e-4, so the page says "close".
    const verdict = expected[k].relative_error < 1e-7 ? 'match' : 'close';
    assert.equal(verdicts[k], verdict, `${name}: relative error ${expected[k].relative_error}`);
  }
  assert.ok(verdicts.filter((verdict) => verdict === 'match').length > weights.length / 2, verdicts.join());

  const map = await readLandscape(page);
  assert.ok(weights.includes(map.a) && weights.includes(map.b), `${map.a}, ${map.b}`);
  const window = { a: map.a, b: map.b, a_range: map.aRange, b_range: map.bRange, resolution: 101 };
  const surface = core.landscape(deep, window);
  assert.deepEqual([map.min, map.max], [surface.min, surface.max]);
  assert.deepEqual(map.point, [valueOf(deep, map.a), valueOf(deep, map.b)]);

  await page.selectOption('[data-landscape-a]', 'w1.0.0');
  await page.selectOption('[data-landscape-b]', 'w5.2.0');
  await settle(page);
  const deepAxes = await readLandscape(page);
  assert.deepEqual([deepAxes.a, deepAxes.b], ['w1.0.0', 'w5.2.0']);
  const deepSurface = core.landscape(deep, {
    a: 'w1.0.0', b: 'w5.2.0', a_range: deepAxes.aRange, b_range: deepAxes.bRange, resolution: 101,
  });
  assert.deepEqual([deepAxes.min, deepAxes.max], [deepSurface.min, deepSurface.max]);
  assert.equal(await page.locator('[data-landscape].is-stale').count(), 0);
  const box = await page.locator('[data-landscape]').boundingBox();
  await page.locator('[data-landscape]').click({ position: { x: box.width * 0.75, y: box.height * 0.25 } });
  await settle(page);
  const params = await readParams(page);
  assert.notEqual(params['w1.0.0'], deep.w1[0][0], 'a click sets the first layer\'s weight');
  assert.notEqual(params['w5.2.0'], deep.w5[2][0]);
  assert.deepEqual((await readLandscape(page)).point, [params['w1.0.0'], params['w5.2.0']]);
}));

test('a 4-8-8-8-4 network on a 390×844 phone: no horizontal scroll, the picture top to bottom', () => run(async (page) => {
  await buildArchitecture(page, [4, 8, 8, 8, 4], ['sigmoid', 'sigmoid', 'sigmoid', 'sigmoid']);
  assert.deepEqual((await readArchitecture(page)).widths, [4, 8, 8, 8, 4]);
  assert.equal(await page.locator('[data-edge]').count(), 4 * 8 + 8 * 8 + 8 * 8 + 8 * 4);
  const noScroll = () => page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
  assert.equal(await noScroll(), true, 'no horizontal scroll');
  const [, , width, height] = (await page.getAttribute('svg.network', 'viewBox')).split(' ').map(Number);
  assert.ok(height > width, `the tall picture: ${width}×${height}`);
  const picture = await page.locator('svg.network').boundingBox();
  assert.ok(picture.x >= 0 && picture.x + picture.width <= PHONE.width, 'the picture fits the screen\'s width');

  // Each layer's neurons sit on one row, every row below the one before.
  const rows = await page.$$eval('[data-node] circle', (circles) => circles.map((circle) => ({
    node: circle.closest('[data-node]').dataset.node, x: Number(circle.getAttribute('cx')), y: Number(circle.getAttribute('cy')),
  })));
  const layerOf = (node) => (node.startsWith('x.') ? 0 : node.startsWith('y.') ? 4 : node.startsWith('t.') ? 5 : Number(node[1]));
  const heights = [0, 1, 2, 3, 4].map((layer) => [...new Set(rows.filter((row) => layerOf(row.node) === layer).map((row) => row.y))]);
  for (const [layer, ys] of heights.entries()) assert.equal(ys.length, 1, `layer ${layer} is one row`);
  for (let layer = 1; layer <= 4; layer += 1) assert.ok(heights[layer][0] > heights[layer - 1][0], `layer ${layer} is lower`);

  await press(page, 'Finish');
  assert.equal(await noScroll(), true, 'no horizontal scroll after a pass');
  await assertNoSeriousViolations(page, 'a 4-8-8-8-4 network on a phone, its weights as grids of cells');
}, { viewport: PHONE, context: AXE_CONTEXT }));
