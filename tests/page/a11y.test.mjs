// The page for everyone: axe-core finds no serious or critical problem at a laptop's and a phone's
// size, at the start, mid-pass and with the tools in use; the keyboard alone reaches every control
// in a sensible order with a visible focus ring and does the work; the status line announces each
// stage's result; and the table view lists the picture's values, synced with it.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AXE_CONTEXT, PHONE, assertNoSeriousViolations, core, pageHarness } from './harness.mjs';
import {
  NEURON_NAMES, choosePreset, currentStage, press, pressKey, readEdgeGrads, readLoss, readNeurons, readParams, settle,
  trainUntilStopped, typeInto, pickSample,
} from './learner.mjs';

const run = pageHarness();

async function axeWorkout(page) {
  await assertNoSeriousViolations(page, 'at the start');
  for (let i = 0; i < 6; i += 1) await press(page, 'Step backprop');
  await page.getByText('Table view: every value').click();
  await typeInto(page, 'x.1', '-');
  await assertNoSeriousViolations(page, 'mid-pass, the table open, a junk value typed');
  await page.keyboard.press('Escape');
  await choosePreset(page, 'xor');
  await page.locator('[data-max-steps]').fill('30');
  await trainUntilStopped(page);
  await pickSample(page, 1);
  await page.locator('[data-landscape]').click({ position: { x: 30, y: 30 } });
  await page.evaluate(() => { location.hash = 'stage=99'; });
  await page.getByRole('alert').waitFor();
  await page.getByText('Share & export').click();
  await settle(page);
  await assertNoSeriousViolations(page, 'XOR with the tools in use, a notice and the menu open');
}

test('axe-core: no serious or critical violation at 1280×800', () => run(axeWorkout, { context: AXE_CONTEXT }));
test('axe-core: no serious or critical violation at 390×844', () => run(axeWorkout, { context: AXE_CONTEXT, viewport: PHONE }));

/** What has focus: a short name, and whether a focus ring of 2px or more shows (on its label for a hidden radio or the file input). */
function focused(page) {
  return page.evaluate(() => {
    const element = document.activeElement;
    const ring = getComputedStyle(element.closest('.choice, .file-button') ?? element);
    const label = element.labels?.[0]?.textContent ?? element.getAttribute('aria-label') ?? element.textContent;
    return {
      name: `${element.tagName.toLowerCase()}${element.tagName === 'INPUT' ? `[${element.type}]` : ''} `
        + `${label.trim().replace(/\s+/g, ' ').slice(0, 40)}`,
      end: element === document.body,
      ring: ring.outlineStyle !== 'none' && parseFloat(ring.outlineWidth) >= 2,
    };
  });
}

test('Tab reaches every kind of control in reading order, each with a visible focus ring', () => run(async (page) => {
  const order = [];
  for (;;) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (now.end) break;
    assert.ok(now.ring, `${now.name} shows a focus ring`);
    order.push(now.name);
  }
  const first = (pattern) => order.findIndex((name) => pattern.test(name));
  const expected = [/^select Example/, /^summary Share/, /^button Step backprop/, /^select Showing/, /^div The input plane/,
    /^summary Table view/,
    /^button Remove neuron/, /^button Add neuron/, /^select Activation/, /^button Add hidden layer/,
    /^input\[number\] Seed/, /^button Re-initialise/, /^input\[checkbox\] Train biases/,
    /^input\[radio\] E = \(y/, /^input\[range\]/, /^input\[number\] $/, /^button Train/, /^select.*steps/, /^div Loss landscape/];
  const positions = expected.map(first);
  positions.forEach((position, i) => assert.ok(position >= 0, `${expected[i]} is reached: ${order.join(' | ')}`));
  assert.deepEqual([...positions].sort((a, b) => a - b), positions, `reading order: ${order.join(' | ')}`);
}));

test('the keyboard alone does the work: step, undo, a preset, a slider, the table and the menu', () => run(async (page) => {
  const step = page.getByRole('button', { name: 'Step backprop', exact: true });
  await step.focus();
  await pressKey(page, 'Enter');
  await pressKey(page, 'ArrowRight');
  assert.equal(await currentStage(page), 2);
  assert.match(await page.getByRole('status').first().textContent(), /^Stage 2 of 10, Forward to output: /);
  await pressKey(page, 'Control+z');
  assert.equal(await currentStage(page), 1);

  await page.locator('select[data-preset]').focus();
  await pressKey(page, 'ArrowDown');
  assert.equal(await page.inputValue('select[data-preset]'), 'xor');
  const slider = page.locator('[data-param="w2.1.0"] input[type=range]');
  await slider.focus();
  await pressKey(page, 'ArrowLeft');
  assert.equal((await readParams(page))['w2.1.0'], -0.51);

  await page.getByText('Table view: every value').focus();
  await pressKey(page, 'Enter');
  assert.equal(await page.locator('#values').evaluate((details) => details.open), true);
  await page.getByText('Share & export').focus();
  await pressKey(page, 'Enter');
  await pressKey(page, 'Tab');
  assert.equal((await focused(page)).name, 'button Copy link');
  await pressKey(page, 'Escape');
  assert.equal(await page.locator('[data-share]').evaluate((menu) => menu.open), false);
  assert.equal((await focused(page)).name, 'summary Share & export', 'focus returns to the menu button');
}));

test('the status line is a polite live region that announces each stage\'s result', () => run(async (page) => {
  const status = page.locator('#status');
  assert.equal(await status.getAttribute('role'), 'status', 'role="status" is aria-live="polite"');
  const seed = core.evaluate(core.defaultState());
  await press(page, 'Step backprop');
  assert.equal(await status.textContent(), `Stage 1 of 10, Forward to hidden: z⁽¹⁾₁ = ${seed.z1[0].toPrecision(4)}, `
    + `h₁ = ${seed.h1[0].toPrecision(4)}, z⁽¹⁾₂ = ${seed.z1[1].toPrecision(4)}, h₂ = ${seed.h1[1].toPrecision(4)}.`);
  await press(page, 'Finish');
  assert.match(await status.textContent(), /^Finished the pass: every parameter took its step; E went from/);
}));

/** The table view's rows: `{ quantity: { value, grad, change } }` from their data attributes. */
function readTable(page) {
  return page.$$eval('[data-quantity]', (rows) => Object.fromEntries(rows.filter((row) => !row.hidden).map((row) => [
    row.dataset.quantity,
    Object.fromEntries(['value', 'grad', 'change'].map((key) => [key, key in row.dataset ? Number(row.dataset[key]) : null])),
  ])));
}

test('the table view lists every value of the picture and follows it stage by stage', () => run(async (page) => {
  await page.getByText('Table view: every value').click();
  for (const stage of [0, 4, 7, 10]) {
    while (await currentStage(page) < stage) await press(page, 'Step backprop');
    const table = await readTable(page);
    const neurons = await readNeurons(page);
    const params = await readParams(page);
    const grads = await readEdgeGrads(page);
    for (const name of NEURON_NAMES) {
      assert.equal(table[name].value, neurons[name], `${name} at stage ${stage}`);
    }
    assert.equal(table.loss.value, await readLoss(page));
    for (const [name, value] of Object.entries(params)) assert.equal(table[name].value, value, `${name} at stage ${stage}`);
    for (const [name, grad] of Object.entries(grads)) assert.equal(table[name].grad, grad, `∂E/∂${name} at stage ${stage}`);
    assert.equal(table['w2.0.0'].change !== null, stage === 10, 'Δ only after the update');
    assert.equal(await page.locator('.values-table caption').textContent(), stage === 0
      ? 'Every value before the pass: no gradient revealed yet (stage 0 of 10).'
      : `Every value at stage ${stage} of 10, ${await page.locator('.card-title').textContent()}: gradients as revealed so far.`);
  }
  assert.equal(await page.locator('[data-quantity="batch-loss"]').isVisible(), false, 'no J without samples');
}));
