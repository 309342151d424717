// A monkey at the keyboard and mouse: thousands of seeded random clicks, key presses, drags and
// typed values, as fast as the input arrives. Afterwards the page has logged no error, every
// parameter is finite and Step backprop still works. Replay a failure with MONKEY_SEED=<seed>.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pageHarness } from './harness.mjs';
import { currentStage, press, readParams, settle } from './learner.mjs';
import { mulberry32 } from '../prng.mjs';

const run = pageHarness();
const SEED = Number(process.env.MONKEY_SEED ?? 6);
const ACTIONS = 3000;
const KEYS = [
  'ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', ' ', 'Enter', 'Escape', 'Tab', 'Shift+Tab', 'Home', 'End',
  'PageUp', 'PageDown', 'Control+z', 'Control+Shift+Z', 'Control+y', 'Backspace', '-', '7', 'e', '.',
];
const TYPED = ['abc', '-', '', '1e999', 'NaN', '0.5', '-3.25', '1e308', '42', '1e-320', '2.19e125', '1e183', '0'];
// Everything a learner can press or drag, but not what downloads or opens the file dialog.
const TARGETS = 'button:not([data-share-action^="save"]):not([data-share-action^="export"]), summary, select, '
  + 'input[type=range], input[type=number], .choice, .sample, [data-landscape], [data-edge], [data-node], .stage-item';


/** The on-screen boxes of the controls, by kind. */
function targetBoxes(page) {
  return page.$$eval(TARGETS, (elements) => elements.map((element) => {
    const box = element.getBoundingClientRect();
    const kind = element.matches('input[type=range], [data-landscape]') ? 'drag'
      : element.matches('input[type=number]') ? 'field' : element.matches('select') ? 'select' : 'click';
    return { kind, x: box.x, y: box.y, width: box.width, height: box.height, options: element.options?.length ?? 0 };
  }).filter((box) => box.width > 0 && box.height > 0 && box.y >= 0 && box.y + box.height <= innerHeight));
}

test(`${ACTIONS} seeded random actions leave the page working, with finite parameters (seed ${SEED})`, () => run(async (page) => {
  console.log(`monkey: seed ${SEED} (replay with MONKEY_SEED=${SEED})`);
  const next = mulberry32(SEED);
  const pick = (list) => list[Math.floor(next() * list.length)];
  page.on('filechooser', () => {});
  page.on('download', (download) => download.cancel());
  const { width, height } = page.viewportSize();
  let boxes = [];

  for (let k = 0; k < ACTIONS; k += 1) {
    if (k % 20 === 0) boxes = await targetBoxes(page);
    const roll = next();
    const box = boxes.length > 0 ? pick(boxes) : null;
    const inside = (target) => [target.x + next() * target.width, target.y + next() * target.height];
    if (roll < 0.3 || !box) {
      await page.keyboard.press(pick(KEYS));
    } else if (roll < 0.38) {
      await page.mouse.click(next() * width, next() * height);
    } else if (roll < 0.42) {
      await page.mouse.wheel(0, (next() - 0.5) * 1600);
      boxes = await targetBoxes(page);
    } else if (box.kind === 'drag') {
      const [x, y] = inside(box);
      await page.mouse.move(x, y);
      await page.mouse.down();
      await page.mouse.move(x + (next() - 0.5) * 200, y + (next() - 0.5) * 60);
      await page.mouse.up();
    } else if (box.kind === 'field') {
      await page.mouse.click(...inside(box));
      await page.keyboard.press('Control+A');
      await page.keyboard.insertText(pick(TYPED));
      if (next() < 0.5) await page.keyboard.press('Enter');
    } else if (box.kind === 'select') {
      await page.mouse.click(...inside(box));
      await page.keyboard.press(pick(['ArrowDown', 'ArrowUp', 'Escape']));
      await page.keyboard.press(pick(['Enter', 'Escape']));
    } else {
      await page.mouse.click(...inside(box));
    }
  }

  await page.keyboard.press('Escape');
  await settle(page);
  const params = await readParams(page);
  assert.ok(Object.keys(params).length > 0, `seed ${SEED}: the controls are there`);
  for (const [name, value] of Object.entries(params)) assert.ok(Number.isFinite(value), `seed ${SEED}: ${name} = ${value}`);
  await page.evaluate(() => window.scrollTo(0, 0));
  const before = await currentStage(page);
  const last = await page.locator('.stage-list li').count();
  await press(page, 'Step backprop');
  assert.equal(await currentStage(page), before === last ? 1 : before + 1, `seed ${SEED}: Step still works`);
}));
