// The input plane as a learner uses it: the output over (x₁, x₂) with the points on it, adding a
// point with a click, dragging one, deleting one by key and by its context menu, undoing an edit,
// a neuron's thumbnail shown large, the thumbnails following training, and XOR trained until the
// boundary separates its corners. Every number is checked against the core.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { core, pageHarness, presetState } from './harness.mjs';
import {
  choosePreset, press, pressInLayer, pressKey, readBatchLoss, settle, trainUntilStopped,
} from './learner.mjs';

const run = pageHarness();
const PLANE = '[data-plane]';

/** The plane's window as it says: `{ across, up, acrossRange, upRange, shown, samples }`. */
async function readPlane(page) {
  return page.$eval(PLANE, (map) => ({
    across: Number(map.dataset.across),
    up: map.dataset.up === undefined ? null : Number(map.dataset.up),
    acrossRange: map.dataset.acrossRange.split(' ').map(Number),
    upRange: map.dataset.upRange?.split(' ').map(Number) ?? null,
    shown: map.dataset.shown,
    samples: Number(map.dataset.samples),
  }));
}

/** The samples the Samples panel lists: `[{ x, t }]`, read from its rows' text. */
async function readSamples(page) {
  const rows = await page.$$eval('[data-sample] .sample-io', (items) => items.map((item) => item.textContent));
  return rows.map((text) => {
    const [, x, t] = text.match(/x \((.*)\) → t (.*)/);
    const numbers = (list) => list.split(', ').map((v) => Number(v.replace('−', '-')));
    return { x: numbers(x), t: numbers(t) };
  });
}

/** The page position of inputs `(a, b)` on the plane, scrolled into view. */
async function pointAt(page, [a, b]) {
  const { acrossRange, upRange } = await readPlane(page);
  await page.locator(PLANE).scrollIntoViewIfNeeded();
  const box = await page.locator(PLANE).boundingBox();
  return {
    x: box.x + ((a - acrossRange[0]) / (acrossRange[1] - acrossRange[0])) * box.width,
    y: box.y + box.height - ((b - upRange[0]) / (upRange[1] - upRange[0])) * box.height,
  };
}

/** The heat map's colours `[r, g, b]` at each of `inputs` (`[a, b]` pairs), read at once. */
async function coloursAt(page, inputs) {
  const { acrossRange, upRange } = await readPlane(page);
  const along = (value, [low, high]) => (value - low) / (high - low);
  const fractions = inputs.map(([a, b]) => [along(a, acrossRange), along(b, upRange)]);
  return page.$eval(`${PLANE} canvas`, (canvas, points) => {
    const n = canvas.width;
    const { data } = canvas.getContext('2d').getImageData(0, 0, n, n);
    return points.map(([across, up]) => {
      const at = (Math.round((1 - up) * (n - 1)) * n + Math.round(across * (n - 1))) * 4;
      return [data[at], data[at + 1], data[at + 2]];
    });
  }, fractions);
}

/** J of `state` with `samples`, from the core. */
const meanLoss = (state, samples) => core.evaluate({ ...state, samples }).batch.loss;

test('the plane shows the output over x₁ and x₂ with the points; a click adds a point', () => run(async (page) => {
  const seed = core.defaultState();
  let plane = await readPlane(page);
  assert.equal(plane.samples, 1, 'without samples the plane shows the example alone');
  assert.equal(plane.shown, 'y.0');
  assert.deepEqual([plane.across, plane.up], [0, 1]);
  assert.ok(plane.acrossRange[0] < 0.5 && plane.acrossRange[1] > 0.5, 'the window covers the example');
  assert.equal(await page.locator('[data-sample]').count(), 0);
  assert.equal(await page.locator(`${PLANE} [data-point]`).count(), 1);

  const where = await pointAt(page, [0.1, 0.9]);
  await page.mouse.click(where.x, where.y);
  await settle(page);
  plane = await readPlane(page);
  assert.equal(plane.samples, 2, 'the example and the new point');
  const samples = await readSamples(page);
  assert.equal(samples.length, 2, 'the Samples panel lists both');
  assert.deepEqual(samples[0], { x: seed.x, t: seed.t }, 'the example became the first sample');
  assert.ok(Math.abs(samples[1].x[0] - 0.1) < 0.03 && Math.abs(samples[1].x[1] - 0.9) < 0.03, `${samples[1].x}`);
  assert.deepEqual(samples[1].t, [1], 'class 1 is the default target');
  assert.equal(await readBatchLoss(page), meanLoss(seed, samples), 'J is the mean over both');
  assert.match(await page.getByRole('status').textContent(), /Added a point: 2 training points/);

  await page.locator('[data-plane-target] input[value="0"]').check();
  const second = await pointAt(page, [0.8, -0.2]);
  await page.mouse.click(second.x, second.y);
  await settle(page);
  const three = await readSamples(page);
  assert.equal((await readPlane(page)).samples, 3);
  assert.deepEqual(three[2].t, [0], 'class 0 from the toggle');
  assert.equal(await readBatchLoss(page), meanLoss(seed, three));
}));

test('a typed target is used; one that is not a number is refused and nothing is added', () => run(async (page) => {
  await choosePreset(page, 'xor');
  await page.locator('[data-plane-target-value]').fill('0.25');
  const where = await pointAt(page, [0.5, 0.5]);
  await page.mouse.click(where.x, where.y);
  await settle(page);
  const samples = await readSamples(page);
  assert.equal(samples.length, 5);
  assert.deepEqual(samples[4].t, [0.25]);
  await page.locator('[data-plane-target-value]').fill('');
  await page.mouse.click(where.x + 30, where.y);
  await settle(page);
  assert.equal((await readSamples(page)).length, 5, 'nothing added');
  assert.equal(await page.getAttribute('[data-plane-target-value]', 'aria-invalid'), 'true');
  assert.match(await page.getByRole('status').textContent(), /target must be a finite number/);
}));

test('dragging a point moves it, J follows; one Undo puts it back', () => run(async (page) => {
  const xor = presetState('xor');
  await choosePreset(page, 'xor');
  assert.equal((await readPlane(page)).samples, 4);
  assert.deepEqual(await readPlane(page).then((p) => [p.acrossRange, p.upRange]), [[-0.5, 1.5], [-0.5, 1.5]],
    'XOR\'s window: its corners with a margin');
  const before = await readSamples(page);
  const from = await pointAt(page, [0, 1]);
  const to = await pointAt(page, [0.6, 0.7]);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let step = 1; step <= 6; step += 1) {
    await page.mouse.move(from.x + ((to.x - from.x) * step) / 6, from.y + ((to.y - from.y) * step) / 6);
  }
  await page.mouse.up();
  await settle(page);
  const after = await readSamples(page);
  assert.equal(after.length, 4, 'a drag adds nothing');
  assert.ok(Math.abs(after[1].x[0] - 0.6) < 0.03 && Math.abs(after[1].x[1] - 0.7) < 0.03, `moved to ${after[1].x}`);
  assert.deepEqual(after[1].t, [1], 'its target stays');
  for (const k of [0, 2, 3]) assert.deepEqual(after[k], before[k], `sample ${k + 1} stays`);
  assert.equal(await readBatchLoss(page), meanLoss(xor, after));
  assert.notEqual(await readBatchLoss(page), meanLoss(xor, before));

  await press(page, 'Undo');
  assert.deepEqual(await readSamples(page), before, 'the whole drag is one step');
  assert.equal(await readBatchLoss(page), core.evaluate(xor).batch.loss);
  await press(page, 'Redo');
  assert.deepEqual(await readSamples(page), after);
}));

test('Delete removes the selected point, so does its context menu; Undo brings it back', () => run(async (page) => {
  const xor = presetState('xor');
  await choosePreset(page, 'xor');
  const corner = await pointAt(page, [1, 0]);
  await page.mouse.click(corner.x, corner.y);
  await settle(page);
  assert.equal((await readSamples(page)).length, 4, 'a click on a point selects it; it adds nothing');
  await pressKey(page, 'Delete');
  let samples = await readSamples(page);
  assert.deepEqual(samples.map((s) => s.x), [[0, 0], [0, 1], [1, 1]]);
  assert.equal((await readPlane(page)).samples, 3);
  assert.equal(await readBatchLoss(page), meanLoss(xor, samples));

  const other = await pointAt(page, [1, 1]);
  await page.mouse.click(other.x, other.y, { button: 'right' });
  await page.getByRole('menuitem', { name: 'Remove this point' }).click();
  await settle(page);
  samples = await readSamples(page);
  assert.deepEqual(samples.map((s) => s.x), [[0, 0], [0, 1]]);
  assert.equal((await readPlane(page)).samples, 2);

  await press(page, 'Undo');
  assert.equal((await readSamples(page)).length, 3);
  await press(page, 'Undo');
  assert.deepEqual(await readSamples(page), xor.samples.map(({ x, t }) => ({ x, t })));
}));

test('the shown example is ringed; removing it shows the next; the last point cannot go', () => run(async (page) => {
  await choosePreset(page, 'xor');
  const ring = () => page.$eval(`${PLANE} .plane-ring`, (r) => [Number(r.getAttribute('cx')), Number(r.getAttribute('cy'))]);
  assert.deepEqual(await ring(), [25, 75], 'x = (0, 0) is shown, a quarter in from the left and the bottom');
  const shown = await pointAt(page, [0, 0]);
  await page.mouse.click(shown.x, shown.y);
  await pressKey(page, 'Delete');
  assert.deepEqual(await ring(), [25, 25], 'the next sample, (0, 1), is shown');
  assert.equal(await page.locator('[data-param="x.1"] input[type=number]').inputValue(), '1');
  for (const inputs of [[0, 1], [1, 0]]) {
    const where = await pointAt(page, inputs);
    await page.mouse.click(where.x, where.y);
    await pressKey(page, 'Delete');
  }
  assert.equal((await readSamples(page)).length, 1);
  const last = await pointAt(page, [1, 1]);
  await page.mouse.click(last.x, last.y);
  await pressKey(page, 'Delete');
  assert.equal((await readPlane(page)).samples, 1, 'the last point stays');
  assert.match(await page.getByRole('status').textContent(), /needs at least one example/);
}));

test('a thumbnail shows its neuron large; the thumbnails change while training', () => run(async (page) => {
  await choosePreset(page, 'xor-tanh');
  const thumbnails = await page.$$eval('[data-thumbnail]', (items) => items.map((item) => item.dataset.thumbnail));
  assert.deepEqual(thumbnails, ['h1.0', 'h1.1', 'h1.2', 'y.0'], 'one per hidden and output neuron');
  await page.locator('[data-thumbnail="h1.1"]').click();
  await settle(page);
  assert.equal((await readPlane(page)).shown, 'h1.1');
  assert.equal(await page.locator('[data-plane-show]').inputValue(), 'h1.1');
  assert.equal(await page.getAttribute('[data-thumbnail="h1.1"]', 'data-shown'), 'true');
  await press(page, 'Back to the output');
  assert.equal((await readPlane(page)).shown, 'y.0');

  const pixels = () => page.$$eval('[data-thumbnail] canvas', (canvases) => canvases.map((c) => c.toDataURL()));
  const painted = () => page.$eval('[data-thumbnail="y.0"]', (holder) => Number(holder.dataset.painted));
  const before = await pixels();
  const paintedBefore = await painted();
  await page.selectOption('[data-speed]', '20');
  await page.locator('[data-max-steps]').fill('100000');
  await press(page, 'Train');
  await page.waitForFunction((count) => Number(document.querySelector('[data-thumbnail="y.0"]').dataset.painted) > count + 5,
    paintedBefore);
  const during = await pixels();
  await press(page, 'Pause');
  for (const [k, id] of thumbnails.entries()) assert.notEqual(during[k], before[k], `${id}'s thumbnail changed`);
}));

/** In the page before its scripts: counts the script writes to any `<select>`'s value. */
function countSelectWrites() {
  const value = Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value');
  globalThis.selectWrites = 0;
  Object.defineProperty(HTMLSelectElement.prototype, 'value', {
    ...value,
    set(next) {
      globalThis.selectWrites += 1;
      value.set.call(this, next);
    },
  });
}

// A script's write to a <select>, even of the value it has, makes Chromium's autofill read every
// control on the page again: with the plane's two axis pickers written each frame, that took
// about 10 ms of every frame while a 2-8-8-1 trained.
test('training with the plane in view writes none of the page\'s pickers', () => run(async (page) => {
  await choosePreset(page, 'xor-tanh');
  await page.selectOption('[data-speed]', '20');
  await page.locator('[data-max-steps]').fill('100000');
  await page.locator(PLANE).scrollIntoViewIfNeeded();
  const painted = () => page.$eval('[data-thumbnail="y.0"]', (holder) => Number(holder.dataset.painted));
  await press(page, 'Train');
  await page.getByRole('button', { name: 'Pause', exact: true }).waitFor();
  const [writes, from] = await Promise.all([page.evaluate(() => globalThis.selectWrites), painted()]);
  await page.waitForFunction((count) => Number(document.querySelector('[data-thumbnail="y.0"]').dataset.painted) > count + 10,
    from);
  assert.equal(await page.evaluate(() => globalThis.selectWrites), writes, 'no <select> written in ten repaints');
  await press(page, 'Pause');
}, { init: countSelectWrites }));

test('XOR trained on the plane: the boundary separates the corners', () => run(async (page) => {
  await choosePreset(page, 'xor-tanh');
  await page.selectOption('[data-speed]', '100');
  await page.locator('[data-max-steps]').fill('20000');
  await page.locator('[data-target]').fill('0.01');
  await trainUntilStopped(page);
  assert.ok(await readBatchLoss(page) <= 0.01);
  const boundary = await page.getAttribute(`${PLANE} .plane-boundary`, 'd');
  assert.ok(boundary.length > 100, 'the 0.5 contour is drawn');
  const { samples } = presetState('xor');
  const colours = await coloursAt(page, samples.map(({ x }) => x));
  for (const [k, { x, t }] of samples.entries()) {
    const [r, , b] = colours[k];
    if (t[0] === 1) assert.ok(b > r + 60, `(${x}) is blue, y near 1: rgb ${r}, ${b}`);
    else assert.ok(r > b + 60, `(${x}) is orange, y near 0: rgb ${r}, ${b}`);
  }
  assert.deepEqual((await readPlane(page)).acrossRange, [-0.5, 1.5], 'training left the window as it was');
}));

test('a 1-input network gets its output as a curve over x₁, with the example as a point', () => run(async (page) => {
  await pressInLayer(page, 0, 'Remove neuron');
  const plane = await readPlane(page);
  assert.equal(plane.up, null);
  assert.equal(plane.samples, 1);
  assert.equal(await page.locator(`${PLANE} canvas`).isHidden(), true);
  const points = await page.getAttribute(`${PLANE} .plane-curve`, 'points');
  assert.equal(points.split(' ').length, 200, 'the curve at 200 points');
  assert.equal(await page.locator('[data-thumbnail]').count(), 3);
}));
