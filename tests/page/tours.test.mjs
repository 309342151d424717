// The guided walk-throughs, as a learner takes them: pick one, read each step (its numbers are
// the core's), do its task with the page's own controls and see it marked done, Next to the end;
// a step's link opens that step; keyboard only; a bad walk-through link is refused by name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  AXE_CONTEXT, DESKTOP, PHONE, assertNoSeriousViolations, core, pageHarness, presetState,
} from './harness.mjs';
import { chooseOption, dragSlider, press, readLoss, settle, settledLink, trainUntilStopped } from './learner.mjs';
import { formatNumber } from '../../www/lib/format.js';
import { TOURS } from '../../www/tours/index.js';

const run = pageHarness();

const stepText = (page) => page.locator('[data-tour-text]').textContent();
const progressText = (page) => page.locator('[data-tour-progress]').textContent();
const taskDone = async (page) => (await page.getAttribute('[data-tour-task]', 'data-done')) === 'true';
const looked = (page) => page.$$eval('.tour-look', (elements) => elements.map((e) => e.dataset.edge ?? e.dataset.node ?? e.dataset.param ?? e.id ?? e.tagName));

async function chooseTour(page, id) {
  await page.selectOption('select[data-tour-picker]', id);
  await settle(page);
}

/** Presses Step backprop until the step's task is marked done (at most `limit` times). */
async function stepUntilDone(page, limit = 12) {
  for (let presses = 0; presses < limit && !await taskDone(page); presses += 1) await press(page, 'Step backprop');
  assert.equal(await taskDone(page), true, `the task is done: ${await progressText(page)}`);
}

test('the seed exercise from its first step to its last, doing each task', async () => {
  const seed = core.evaluate(presetState('seed'));
  await run(async (page) => {
    await chooseTour(page, 'seed-exercise');
    assert.equal(await progressText(page), 'Step 1 of 7');
    assert.equal(await settledLink(page), 'tour=seed-exercise&step=1');
    assert.match(await stepText(page), /w⁽¹⁾₁₁ = 0\.2000 carries x₁ into h₁/);
    assert.ok((await looked(page)).includes('w1.0.0'), 'the step highlights the edge it talks about');
    assert.equal(await taskDone(page), false);
    await stepUntilDone(page, 1);

    await press(page, 'Next');
    assert.equal(await progressText(page), 'Step 2 of 7');
    assert.ok((await stepText(page)).includes(`= ${formatNumber(seed.h1[0])} and h₂ = ${formatNumber(seed.h1[1])}`));
    await stepUntilDone(page, 1);

    await press(page, 'Next');
    assert.ok((await stepText(page)).includes(`here ${formatNumber(seed.loss)}`));
    await stepUntilDone(page, 1);

    await press(page, 'Next');
    assert.ok((await stepText(page)).includes(`∂E/∂w⁽²⁾₁ = ${formatNumber(seed.grad.w2[0][0])}`));
    await stepUntilDone(page, 3);

    await press(page, 'Next');
    assert.equal(await progressText(page), 'Step 5 of 7');
    assert.match(await page.locator('[data-tour-task]').textContent(), /Step until the gradients reach the input weights/);
    await stepUntilDone(page, 3);
    const grads = await page.$$eval('[data-edge="w1.0.0"]', (edges) => edges.map((e) => e.getAttribute('data-grad')));
    assert.deepEqual(grads.map(Number), [seed.grad.w1[0][0]], 'the input weights carry their gradients');

    await press(page, 'Next');
    assert.ok((await stepText(page)).includes(`from ${formatNumber(seed.loss, 6)} to ${formatNumber(core.evaluate(seed.next).loss, 6)}`));
    await stepUntilDone(page, 1);
    assert.equal(await readLoss(page), core.evaluate(seed.next).loss);

    await press(page, 'Next');
    assert.equal(await progressText(page), 'Step 7 of 7');
    assert.equal(await readLoss(page), seed.loss, 'the last step starts again from the seed');
    // Drag w⁽²⁾₁ up by about 0.1 (E is lowest near 0.6): as many pixels as the slider's range asks.
    const slider = page.locator('[data-param="w2.0.0"] input[type=range]');
    const { min, max, width } = await slider.evaluate((input) => ({
      min: Number(input.min), max: Number(input.max), width: input.getBoundingClientRect().width,
    }));
    await dragSlider(page, 'w2.0.0', Math.round((0.1 / (max - min)) * (width - 16)));
    assert.ok(await readLoss(page) < 0.0002, `E = ${await readLoss(page)}`);
    assert.equal(await taskDone(page), true, 'dragging w⁽²⁾₁ up brings E below 0.0002');
    await dragSlider(page, 'w2.0.0', 60);
    assert.ok(await readLoss(page) > 0.0002, 'dragged too far, E grows again');
    assert.equal(await taskDone(page), true, 'a task once done stays done');

    await press(page, 'Finish walk-through');
    assert.equal(await page.locator('[data-tour-panel]').isVisible(), false);
    assert.match(await settledLink(page), /^preset=seed&w2=/, 'the link is the setup again');
  });
});

test('a step link opens that step: Mazur’s output-first bug, E after one step as his post printed it', async () => {
  const mazur = presetState('mazur');
  const buggy = core.evaluate(core.evaluate({ ...mazur, update_order: 'output_first' }).next).loss;
  const right = core.evaluate(core.evaluate(mazur).next).loss;
  await run(async (page) => {
    assert.equal(await progressText(page), 'Step 3 of 4');
    assert.equal(await page.inputValue('select[data-preset]'), 'mazur');
    const text = await stepText(page);
    assert.ok(text.includes(formatNumber(right, 10)) && text.includes(formatNumber(buggy, 10)), text);
    assert.equal(await taskDone(page), false);
    await chooseOption(page, 'data-update-order', 'output_first');
    assert.equal(await taskDone(page), false, 'the pass is not finished yet');
    await press(page, 'Finish');
    assert.equal(await taskDone(page), true);
    assert.equal(await readLoss(page), buggy, 'E after the output-first step');
    assert.match(await page.locator('.card').textContent(), /Update order: output first/);

    await press(page, 'Next');
    assert.equal(await progressText(page), 'Step 4 of 4');
    assert.equal(await settledLink(page), 'tour=mazur-order&step=4');
    await chooseOption(page, 'data-update-order', 'simultaneous');
    assert.equal(await taskDone(page), true);
    assert.equal(await readLoss(page), right, 'E after the simultaneous step');
    await press(page, 'Back');
    assert.equal(await progressText(page), 'Step 3 of 4');
  }, { hash: 'tour=mazur-order&step=3' });
});

test('XOR: no hidden layer cannot learn it, two hidden units can (training as the task)', async () => {
  await run(async (page) => {
    assert.equal(await progressText(page), 'Step 1 of 3');
    await page.fill('[data-max-steps]', '500');
    await trainUntilStopped(page);
    assert.equal(await taskDone(page), true, '500 steps trained');
    await press(page, 'Next');
    await press(page, 'Next');
    assert.equal(await progressText(page), 'Step 3 of 3');
    await page.fill('[data-max-steps]', '1000');
    await page.fill('[data-target]', '0.01');
    await trainUntilStopped(page);
    assert.equal(await taskDone(page), true, 'J < 0.01 with two hidden units');
  }, { hash: 'tour=xor-hidden&step=1' });
});

test('keyboard only: choose a walk-through, Next and Back, close it', async () => {
  await run(async (page) => {
    await page.focus('select[data-tour-picker]');
    await page.keyboard.press('ArrowDown');
    await settle(page);
    assert.equal(await progressText(page), 'Step 1 of 7');
    assert.equal(await page.evaluate(() => document.activeElement.matches('[data-tour-picker]')), true, 'the focus stays on the menu');
    const tabTo = async (name) => {
      for (let presses = 0; presses < 8; presses += 1) {
        await page.keyboard.press('Tab');
        if (await page.evaluate(() => document.activeElement.textContent) === name) return;
      }
      assert.fail(`${name} is not reachable by Tab`);
    };
    await tabTo('Next');
    await page.keyboard.press('Enter');
    await settle(page);
    assert.equal(await progressText(page), 'Step 2 of 7');
    await page.keyboard.press('Enter');
    await settle(page);
    assert.equal(await progressText(page), 'Step 3 of 7', 'the focus stays on Next');
    await page.keyboard.press('Shift+Tab');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Back');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await settle(page);
    assert.equal(await progressText(page), 'Step 1 of 7');
    assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Next', 'at the first step the focus moves from Back to Next');
    await tabTo('Close walk-through');
    await page.keyboard.press('Enter');
    await settle(page);
    assert.equal(await page.locator('[data-tour-panel]').isVisible(), false);
  });
});

test('every walk-through step opens from its link, showing what it looks at, without a console error', async () => {
  await run(async (page) => {
    for (const tour of TOURS) {
      for (const [index, step] of tour.steps.entries()) {
        const where = `${tour.id} step ${index + 1}`;
        await page.evaluate((hash) => { location.hash = hash; }, `tour=${tour.id}&step=${index + 1}`);
        await page.waitForFunction((want) => document.querySelector('[data-tour-progress]')?.textContent === want,
          `Step ${index + 1} of ${tour.steps.length}`);
        await settle(page);
        assert.doesNotMatch(await stepText(page), /[{}]|NaN/, where);
        for (const selector of step.look ?? []) {
          assert.ok(await page.locator(`${selector}.tour-look`).count() > 0, `${where} highlights ${selector}`);
        }
      }
    }
  });
});

test('a link to a walk-through that does not exist is refused by name; the page stays as it was', async () => {
  await run(async (page) => {
    assert.match(await page.locator('[data-notice-text]').textContent(), /no walk-through “nope”/);
    assert.equal(await page.locator('[data-tour-panel]').isVisible(), false);
  }, { hash: 'tour=nope&step=1' });
});

for (const [name, viewport] of [['1280×800', DESKTOP], ['390×844', PHONE]]) {
  test(`axe-core finds nothing serious with a walk-through and a neuron graph open at ${name}`, async () => {
    await run(async (page) => {
      await page.selectOption('[data-graph-picker]', 'h1.1');
      await press(page, 'Step backprop');
      await assertNoSeriousViolations(page, 'a walk-through step and the graph of h₂');
    }, { hash: 'tour=seed-exercise&step=2', context: AXE_CONTEXT, viewport });
  });
}
