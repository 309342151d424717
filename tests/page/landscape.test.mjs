// The loss landscape as a learner uses it: click or drag on the map to set its two parameters, see
// the map follow the sliders, pick other axes, and step the point with the arrow keys.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { core, pageHarness } from './harness.mjs';
import {
  PARAM_NAMES, dragSlider, readLandscape, readLoss, readParams, readState, settle, valueOf,
} from './learner.mjs';

const run = pageHarness();
const seed = core.defaultState();

/** Clicks the map `across` and `up` of the way over its box. */
async function clickMap(page, across, up) {
  const map = page.locator('[data-landscape]');
  const box = await map.boundingBox();
  await map.click({ position: { x: across * box.width, y: (1 - up) * box.height } });
  await settle(page);
}

function assertNear(actual, expected, tolerance, what) {
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: ${actual} is not within ${tolerance} of ${expected}`);
}

test('the map is the core\'s landscape around the point, w⁽²⁾₁ across and w⁽²⁾₂ up', () => run(async (page) => {
  const map = await readLandscape(page);
  assert.equal(map.a, 'w2.0.0');
  assert.equal(map.b, 'w2.1.0');
  assert.deepEqual(map.point, [0.5, 0.6]);
  assertNear((map.aRange[0] + map.aRange[1]) / 2, 0.5, 1e-12, 'centred across');
  assertNear((map.bRange[0] + map.bRange[1]) / 2, 0.6, 1e-12, 'centred up');
  const expected = core.landscape(seed, { a: map.a, b: map.b, a_range: map.aRange, b_range: map.bRange, resolution: 101 });
  assert.equal(map.min, expected.min);
  assert.equal(map.max, expected.max);
}));

test('while a slider is dragged the surface comes from the worker, and it is the core\'s landscape there', () => run(async (page) => {
  const started = page.waitForEvent('worker');
  await dragSlider(page, 'w1.0.0', 40);
  await started;
  await page.waitForFunction(() => document.querySelector('[data-landscape]').dataset.surface === 'ready');
  await dragSlider(page, 'w1.0.0', -25);
  await dragSlider(page, 'b1.1', 30);
  const map = await readLandscape(page);
  const state = await readState(page, seed);
  const expected = core.landscape(state, { a: map.a, b: map.b, a_range: map.aRange, b_range: map.bRange, resolution: 101 });
  assert.notEqual(valueOf(state, 'w1.0.0'), valueOf(seed, 'w1.0.0'), 'the slider moved');
  assert.equal(map.min, expected.min);
  assert.equal(map.max, expected.max);
}));

test('clicking on the map moves exactly its two sliders to the clicked point', () => run(async (page) => {
  const before = await readParams(page);
  const { aRange, bRange } = await readLandscape(page);
  await clickMap(page, 0.25, 0.8);
  const after = await readParams(page);
  const step = (aRange[1] - aRange[0]) / 100;
  assertNear(after['w2.0.0'], aRange[0] + 0.25 * (aRange[1] - aRange[0]), step, 'w⁽²⁾₁');
  assertNear(after['w2.1.0'], bRange[0] + 0.8 * (bRange[1] - bRange[0]), step, 'w⁽²⁾₂');
  for (const name of PARAM_NAMES.filter((n) => !['w2.0.0', 'w2.1.0'].includes(n))) {
    assert.equal(after[name], before[name], `${name} did not move`);
  }
  const state = await readState(page, seed);
  assert.equal(await readLoss(page), core.evaluate(state).loss, 'the picture shows the new point');
  const map = await readLandscape(page);
  assert.deepEqual(map.point, [after['w2.0.0'], after['w2.1.0']], 'the point is where the click was');
  assert.deepEqual([map.aRange, map.bRange], [aRange, bRange], 'the window did not jump');
}));

test('dragging on the map drags the point; dragging a slider moves the map\'s point', () => run(async (page) => {
  const map = page.locator('[data-landscape]');
  await map.scrollIntoViewIfNeeded();
  const box = await map.boundingBox();
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.9, box.y + box.height * 0.5, { steps: 4 });
  await page.mouse.up();
  await settle(page);
  const { aRange } = await readLandscape(page);
  const dragged = (await readParams(page))['w2.0.0'];
  assertNear(dragged, aRange[0] + 0.9 * (aRange[1] - aRange[0]), 0.04, 'w⁽²⁾₁ followed the drag');

  const point = await page.locator('[data-landscape-point]').getAttribute('cy');
  const before = (await readParams(page))['w2.1.0'];
  // A short drag, which keeps the point inside the window: a point that leaves it recentres the
  // window on wherever the drag was when the landscape was last drawn, which a drag's schedule
  // decides (model/readouts.js).
  await dragSlider(page, 'w2.1.0', -10);
  const moved = (await readParams(page))['w2.1.0'];
  const after = await readLandscape(page);
  assert.equal(after.point[1], moved);
  const cy = await page.locator('[data-landscape-point]').getAttribute('cy');
  assert.ok(Number(cy) > Number(point), `the point went down: cy ${point} → ${cy}, w2.1.0 ${before} → ${moved}, window ${JSON.stringify(after.bRange)}`);
}));

test('other axes: the map sets the chosen parameters, and the arrow keys step one grid cell', () => run(async (page) => {
  await page.selectOption('[data-landscape-a]', 'b1.1');
  await page.selectOption('[data-landscape-b]', 'w1.0.0');
  await settle(page);
  const map = await readLandscape(page);
  assert.deepEqual([map.a, map.b], ['b1.1', 'w1.0.0']);
  assert.deepEqual(map.point, [valueOf(seed, 'b1.1'), valueOf(seed, 'w1.0.0')]);

  await clickMap(page, 0.7, 0.3);
  const clicked = await readParams(page);
  assert.notEqual(clicked['b1.1'], valueOf(seed, 'b1.1'));
  assert.notEqual(clicked['w1.0.0'], valueOf(seed, 'w1.0.0'));
  assert.equal(clicked['w2.0.0'], valueOf(seed, 'w2.0.0'));

  const grid = (map.aRange[1] - map.aRange[0]) / 100;
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  await settle(page);
  const stepped = await readParams(page);
  assertNear(stepped['b1.1'], clicked['b1.1'] + grid, 1e-3, 'one cell right');
  assertNear(stepped['w1.0.0'], clicked['w1.0.0'] - grid, 1e-3, 'one cell down');
  assert.equal(await page.locator('.stage-list [aria-current]').count(), 0, 'the arrows did not step the pass');
}));

test('choosing the other axis\'s parameter swaps the axes', () => run(async (page) => {
  await page.selectOption('[data-landscape-a]', 'w2.1.0');
  await settle(page);
  const map = await readLandscape(page);
  assert.deepEqual([map.a, map.b], ['w2.1.0', 'w2.0.0']);
  assert.deepEqual(map.point, [0.6, 0.5]);
}));

test('a landscape the core refuses says why and keeps the last surface marked stale, in the worker too', () => run(async (page) => {
  // Linear neurons and a huge input: the point is finite, but E overflows at the window's edge.
  const state = {
    x: [5e153, 0], t: [0], w1: [[1, 0], [0, 0]], b1: [0, 0], w2: [[1], [0]], b2: [0], lr: 1e-300,
    activations: ['linear', 'linear'],
  };
  const started = page.waitForEvent('worker');
  await dragSlider(page, 'w1.0.0', 30);
  await started;
  await page.locator('[data-load-state]').setInputFiles({
    name: 'overflow.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(state)),
  });
  const map = page.locator('[data-landscape]');
  await page.waitForFunction(() => document.querySelector('[data-landscape]').dataset.surface === 'refused');
  assert.match(await page.locator('#landscape [data-text="readout"]').textContent(),
    /^The landscape could not be computed here: the loss is not finite somewhere in this window/);
  assert.match(await map.getAttribute('class'), /is-stale/);
  await dragSlider(page, 'b1.1', 20);
  await page.waitForFunction(() => document.querySelector('[data-landscape]').dataset.surface === 'refused');
  assert.match(await map.getAttribute('class'), /is-stale/);
}));
