// The page fits a phone and a laptop without horizontal scrolling, and its stage animation is short,
// travels the right way, restarts on a quick second click and is skipped under reduced motion.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DESKTOP, PHONE, core, pageHarness } from './harness.mjs';
import {
  W2_EDGES, choosePreset, curvePoints, currentStage, press, settle, trainUntilStopped,
} from './learner.mjs';

const run = pageHarness();
const STAGE_IDS = core.stageList(core.defaultState()).map((stage) => stage.id);

async function assertNoHorizontalScroll(page, when) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => {
    const { scrollWidth: pageWidth, clientWidth: viewportWidth } = document.documentElement;
    return { scrollWidth: pageWidth, clientWidth: viewportWidth };
  });
  assert.ok(scrollWidth <= clientWidth, `${when}: page is ${scrollWidth}px wide in a ${clientWidth}px viewport`);
}

test('a 390×844 phone shows the whole pass without horizontal scrolling', () => run(async (page) => {
  await assertNoHorizontalScroll(page, 'at the start');
  const [, , width, height] = (await page.getAttribute('svg.network', 'viewBox')).split(' ').map(Number);
  assert.ok(height > width, 'the phone gets the top-to-bottom picture');
  for (let stage = 1; stage <= 10; stage += 1) {
    await press(page, 'Step backprop');
    await assertNoHorizontalScroll(page, `at stage ${stage}`);
  }
}, { viewport: PHONE }));

test('a 1280×800 laptop has no horizontal scrolling, even at the update', () => run(async (page) => {
  await press(page, 'Finish');
  await assertNoHorizontalScroll(page, 'after Finish');
}));

for (const [size, viewport] of [['390×844 phone', PHONE], ['1280×800 laptop', undefined]]) {
  test(`on a ${size}, XOR with its samples and every tool in use fits without horizontal scrolling`, () => run(async (page) => {
    await choosePreset(page, 'xor');
    await page.locator('[data-max-steps]').fill('100');
    await trainUntilStopped(page);
    assert.ok(await curvePoints(page) > 0);
    await press(page, 'Finish');
    await assertNoHorizontalScroll(page, 'after training and a pass');
    for (const tool of ['#samples', '#train', '#landscape', '#gradcheck']) {
      const overflowing = await page.$eval(tool, (element) => element.scrollWidth > element.clientWidth);
      assert.equal(overflowing, false, `${tool} fits its box`);
    }
  }, { viewport }));
}

/**
 * Presses Step backprop `times` times inside the page, two frames apart, and after each press
 * lists the animations running two frames later. All in one page task, so a slow test runner
 * cannot let a 300 ms pulse end between a click and the reading of it.
 */
function stepAndWatch(page, times) {
  return page.evaluate(async (count) => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
    const step = document.querySelector('.toolbar [data-action="step"]');
    const seen = [];
    for (let i = 0; i < count; i += 1) {
      step.click();
      await frame();
      await frame();
      seen.push(document.getAnimations().filter((animation) => animation.animationName).map((animation) => ({
        name: animation.animationName,
        duration: animation.effect.getTiming().duration,
        edge: animation.effect.target.closest('[data-edge]')?.dataset.edge ?? null,
      })));
    }
    return seen;
  }, times);
}

test('a stage plays a 300–600 ms pulse, backward along the edges of a backward stage', () => run(async (page) => {
  const gradW2 = STAGE_IDS.indexOf('grad_w2') + 1;
  const animations = (await stepAndWatch(page, gradW2)).at(-1);
  assert.equal(await currentStage(page), gradW2);
  const pulses = animations.filter((animation) => animation.name === 'pulse-backward');
  assert.deepEqual(pulses.map((pulse) => pulse.edge).sort(), [...W2_EDGES].sort());
  for (const { duration } of animations) assert.ok(duration >= 300 && duration <= 600, `${duration} ms`);
}, { reducedMotion: 'no-preference' }));

test('clicking again during the pulse plays the next stage at once, cutting the pulse short', () => run(async (page) => {
  const [first, second] = await stepAndWatch(page, 2);
  assert.ok(first.length > 0, 'stage 1 is animating');
  assert.equal(await currentStage(page), 2);
  const edges = new Set(second.map((animation) => animation.edge).filter(Boolean));
  assert.deepEqual([...edges].sort(), [...W2_EDGES].sort(), 'only stage 2 (forward to output) is animating');
}, { reducedMotion: 'no-preference' }));

test('under prefers-reduced-motion nothing animates', () => run(async (page) => {
  assert.deepEqual(await stepAndWatch(page, 2), [[], []]);
}));

test('from 1-1-1 to 4-8-8-8-8-8-8-4 at 1280×800: no horizontal scroll; a large network shows a weight where the learner points', () => run(async (page, { url }) => {
  const labelShown = (name) => page.locator(`svg.network [data-label-for="${name}"]`).first().isVisible();
  await page.goto(`${url}#preset=seed&arch=1-1-1`);
  await page.waitForFunction(() => document.querySelectorAll('[data-edge]').length === 2);
  await settle(page);
  await assertNoHorizontalScroll(page, '1-1-1');
  assert.equal(await page.locator('svg.network.is-compact').count(), 0);
  assert.equal(await labelShown('w1.0.0'), true, 'a small network labels every edge');

  await page.goto(`${url}#preset=seed&arch=4-8-8-8-8-8-8-4`);
  await page.waitForFunction(() => document.querySelectorAll('[data-edge]').length === 4 * 8 + 5 * 64 + 8 * 4);
  await settle(page);
  await assertNoHorizontalScroll(page, '4-8-8-8-8-8-8-4');
  const picture = await page.locator('svg.network').boundingBox();
  assert.ok(picture.width <= DESKTOP.width, 'the picture fits the screen\'s width');
  assert.equal(await page.locator('svg.network.is-compact').count(), 1);
  assert.equal(await labelShown('w4.3.5'), false, 'weights wait until pointed at');
  // Point at a spot of the edge that no other edge covers, as a learner aims between crossings.
  await page.locator('[data-edge="w4.3.5"] .edge-line').scrollIntoViewIfNeeded();
  const spot = await page.$eval('[data-edge="w4.3.5"] .edge-line', (line) => {
    const box = line.getBoundingClientRect();
    const [x1, y1, x2, y2] = ['x1', 'y1', 'x2', 'y2'].map((name) => line[name].baseVal.value);
    const matrix = line.getScreenCTM();
    for (let k = 1; k < 50; k += 1) {
      const point = new DOMPoint(x1 + ((x2 - x1) * k) / 50, y1 + ((y2 - y1) * k) / 50).matrixTransform(matrix);
      if (document.elementFromPoint(point.x, point.y)?.closest('[data-edge]')?.dataset.edge === 'w4.3.5') return [point.x, point.y];
    }
    return [box.x + box.width / 2, box.y + box.height / 2];
  });
  await page.mouse.move(...spot);
  await settle(page);
  assert.equal(await labelShown('w4.3.5'), true, 'pointing at an edge shows its weight');
  await press(page, 'Finish');
  await assertNoHorizontalScroll(page, '4-8-8-8-8-8-8-4 after a pass');
}));
