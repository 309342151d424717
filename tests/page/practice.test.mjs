// Practice mode, as a learner uses it: the switch hides each stage's results until the learner
// has worked them out, checks what they type (within 3 significant digits), names the likely
// mistake of a wrong answer, counts "Show me" as a hint, keeps the score in the link, and draws
// new hand-friendly exercises — by keyboard alone, with no accessibility problem.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AXE_CONTEXT, PHONE, assertNoSeriousViolations, core, pageHarness } from './harness.mjs';
import { currentStage, press, pressKey, readEdgeGrads, readNeurons, readParams, settle, settledLink } from './learner.mjs';

const run = pageHarness();
const seed = core.defaultState();
const tape = core.stages(seed);
const stageOf = (id) => tape.findIndex((stage) => stage.id === id) + 1;
const total = tape.reduce((sum, stage) => sum + stage.formulas.length, 0);

/** The questions of the card: `{ label, status, enabled }` for each. */
function questions(page) {
  return page.$$eval('.practice-question', (items) => items.map((item) => ({
    label: item.querySelector('label').textContent,
    status: item.dataset.status,
    enabled: !item.querySelector('input').disabled,
    verdict: item.querySelector('.practice-verdict').textContent,
    formula: item.querySelector('.practice-formula').textContent.replace(/\s+/g, ''),
  })));
}

async function score(page) {
  return page.$eval('[data-practice-score]', (element) => ({
    right: Number(element.dataset.right), hints: Number(element.dataset.hints), missed: Number(element.dataset.missed),
  }));
}

/** Turns practice mode on with the keyboard: focus the switch, press Space. */
async function switchOn(page) {
  await page.getByLabel('Practice: your turn').focus();
  await pressKey(page, 'Space');
  assert.equal(await page.getByLabel('Practice: your turn').isChecked(), true);
}

/** Presses Step backprop by keyboard, as the focus cycle leaves it there. */
async function stepByKeyboard(page) {
  await page.getByRole('button', { name: 'Step backprop', exact: true }).focus();
  await pressKey(page, 'Enter');
}

const typed = (value) => String(Number(value.toPrecision(6)));
const focusedLabel = (page) => page.evaluate(() => document.activeElement.labels?.[0]?.textContent ?? document.activeElement.textContent);

test('a whole seed pass typed right, by keyboard alone: every value marked right, results hidden until found', () => run(async (page) => {
  await switchOn(page);
  for (let stage = 1; stage <= tape.length; stage += 1) {
    await stepByKeyboard(page);
    assert.equal(await currentStage(page), stage);
    const formulas = tape[stage - 1].formulas;
    const asked = await questions(page);
    assert.equal(asked.length, formulas.length, `stage ${stage} asks every value`);
    assert.ok(asked.every((q) => q.status === 'open' && q.enabled));
    if (stage === 1) {
      const neurons = await readNeurons(page);
      assert.equal(neurons['h1.0'], null, 'h₁ is hidden until worked out');
      assert.equal(await page.locator('[data-node="h1.0"] .node-value').textContent(), '?');
      assert.doesNotMatch(await page.locator('#status').textContent(), /\d\.\d/, 'the status line tells no value');
    }
    if (tape[stage - 1].id === 'grad_w2') {
      assert.deepEqual(Object.values(await readEdgeGrads(page)).filter((g) => g !== null), [], 'no gradient shown yet');
    }
    if (tape[stage - 1].id === 'update') {
      assert.equal((await readParams(page))['w2.0.0'], seed.w2[0][0], 'the sliders keep the old weights until the update is found');
    }
    for (const [f, formula] of formulas.entries()) {
      assert.equal(await focusedLabel(page), asked[f].label, `focus is on the field for ${asked[f].label}`);
      await page.keyboard.type(typed(formula.value));
      await pressKey(page, 'Enter');
      assert.equal((await questions(page))[f].status, 'right', `${asked[f].label} at stage ${stage}`);
    }
    assert.equal(await focusedLabel(page), 'Step backprop', 'focus returns to Step backprop');
    if (tape[stage - 1].id === 'grad_w2') {
      const grads = await readEdgeGrads(page);
      assert.equal(grads['w2.0.0'], core.evaluate(seed).grad.w2[0][0], 'found values are drawn on the picture');
    }
  }
  assert.deepEqual(await score(page), { right: total, hints: 0, missed: 0 });
  assert.match(await page.locator('[data-practice-score]').textContent(), new RegExp(`^This pass: ${total} right, 0 with hints, 0 missed`));
  assert.equal((await readParams(page))['w2.0.0'], core.evaluate(seed).next.w2[0][0], 'the update shows once found');

  // Then the next pass: one value typed negated.
  await stepByKeyboard(page);
  const next = core.evaluate(seed).next;
  const z = core.evaluate(next).z1[0];
  await page.keyboard.type(typed(-z));
  await pressKey(page, 'Enter');
  const [q] = await questions(page);
  assert.equal(q.status, 'missed');
  assert.match(q.verdict, /Likely mistake: a sign error/);
  assert.ok(q.verdict.includes(`z⁽¹⁾₁ = ${z.toPrecision(4)}`), `the correct value is shown: ${q.verdict}`);
  assert.deepEqual(await score(page), { right: 0, hints: 0, missed: 1 });
  assert.match(await page.locator('[data-practice-score]').textContent(), new RegExp(`last pass: ${total} right, 0 with hints, 0 missed$`));
}));

test('a negated value is marked wrong with the sign error named and the right value and formula shown; Show me is a hint', () => run(async (page) => {
  await switchOn(page);
  while (await currentStage(page) < stageOf('grad_y')) await press(page, 'Step backprop');
  const grad = core.evaluate(seed).grad.y[0];
  const field = page.getByRole('textbox', { name: '∂E/∂y', exact: true });
  await field.fill(typed(-grad));
  await pressKey(page, 'Enter');
  const [q] = await questions(page);
  assert.equal(q.status, 'missed');
  assert.match(q.verdict, /sign error/);
  assert.ok(q.verdict.includes(`∂E/∂y = ${grad.toPrecision(4).replace('-', '−')}`), q.verdict);
  const y = core.evaluate(seed).y[0];
  assert.ok(q.formula.includes(`2·(${y.toPrecision(4)}−${seed.t[0].toPrecision(4)})`), `the substituted formula: ${q.formula}`);
  assert.match(await page.locator('.practice-live').textContent(), /^✗ Not quite: /, 'the verdict is announced');
  assert.deepEqual(await score(page), { right: 0, hints: 0, missed: 1 });

  await press(page, 'Step backprop');
  const delta = tape[stageOf('delta_2') - 1].formulas;
  const slope = page.getByRole('textbox', { name: 'σ′(z⁽²⁾)', exact: true });
  const z = core.evaluate(seed).z2[0];
  await slope.fill(typed(z * (1 - z)));
  await pressKey(page, 'Enter');
  assert.match((await questions(page))[0].verdict, /σ′ taken from z instead of from a = σ\(z\)/);
  await page.getByRole('button', { name: 'Show me ∂E/∂z⁽²⁾', exact: true }).click();
  await settle(page);
  const shown = (await questions(page))[1];
  assert.equal(shown.status, 'hint');
  assert.ok(shown.verdict.includes(delta[1].value.toPrecision(4).replace('-', '−')), shown.verdict);
  const halved = (core.evaluate(seed).y[0] - seed.t[0]) * core.evaluate(seed).slope.z2[0];
  await page.getByRole('textbox', { name: '∂E/∂b⁽²⁾', exact: true }).fill(typed(halved));
  await pressKey(page, 'Enter');
  assert.match((await questions(page))[2].verdict, /missing factor 2/);
  assert.deepEqual(await score(page), { right: 0, hints: 1, missed: 3 });

  assert.equal(await page.getByRole('textbox', { name: '∂E/∂b⁽²⁾', exact: true }).isDisabled(), true, 'one answer per value');
  const link = await settledLink(page);
  assert.match(link, /&practice=0,1,3$/);
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  await settle(page);
  assert.deepEqual(await score(page), { right: 0, hints: 1, missed: 3 }, 'the score comes back with the link');
  assert.equal(await currentStage(page), stageOf('delta_2'));
}));

test('junk is refused without a verdict; a new exercise has one-decimal numbers; axe finds nothing serious', () => run(async (page) => {
  await switchOn(page);
  await press(page, 'Step backprop');
  await page.getByRole('textbox', { name: 'z⁽¹⁾₁', exact: true }).fill('abc');
  await pressKey(page, 'Enter');
  assert.equal((await questions(page))[0].status, 'open');
  assert.match(await page.locator('.practice-problem').first().textContent(), /is not a number/);
  await page.getByRole('textbox', { name: 'z⁽¹⁾₁', exact: true }).fill('0.5');
  await pressKey(page, 'Enter');
  await assertNoSeriousViolations(page, 'practice mode mid-stage with a verdict');

  await press(page, 'New exercise');
  assert.equal(await currentStage(page), 0);
  const params = await readParams(page);
  for (const [name, value] of Object.entries(params)) {
    if (name !== 'lr') assert.equal(Math.round(value * 10) / 10, value, `${name} = ${value} has one decimal`);
  }
  assert.notEqual(params['w1.0.0'] === 0.2 && params['w2.0.0'] === 0.5 && params['x.0'] === 0.5, true, 'the numbers are new');
  assert.match(await page.locator('#status').textContent(), /^New exercise \(seed \d+\)/);
  await press(page, 'Step backprop');
  assert.equal((await questions(page)).length, tape[0].formulas.length);
}, { context: AXE_CONTEXT }));

/** Types every value of every stage right, by keyboard, and returns how many there were. */
async function practiseWholePass(page, stages) {
  let count = 0;
  for (const stage of stages) {
    await stepByKeyboard(page);
    for (const formula of stage.formulas) {
      await page.keyboard.type(typed(formula.value));
      await pressKey(page, 'Enter');
      count += 1;
    }
    const statuses = (await questions(page)).map((q) => q.status);
    assert.deepEqual(statuses, stage.formulas.map(() => 'right'), `${stage.id}: every value right`);
  }
  return count;
}

test('other networks, presets and conventions: a 2-3-2-1 tanh/ReLU network, XOR with tanh, XOR with cross-entropy per sample', () => run(async (page) => {
  const deep = core.reshape(seed, { widths: [2, 3, 2, 1], activations: ['tanh', 'relu', 'sigmoid'] });
  await page.evaluate(() => { location.hash = 'preset=seed&arch=2-3-2-1&act=tanh,relu,sigmoid&loss=half&practice=on'; });
  await page.waitForFunction(() => document.querySelector('[data-practice-switch]').checked);
  await settle(page);
  const deepTape = core.stages({ ...deep, loss_fn: 'half_squared' });
  const count = await practiseWholePass(page, deepTape);
  assert.deepEqual(await score(page), { right: count, hints: 0, missed: 0 });

  await page.evaluate(() => { location.hash = 'preset=xor-tanh&practice=on'; });
  await page.waitForFunction(() => document.querySelector('[data-practice-score]').dataset.right === '0');
  await settle(page);
  const xor = core.presets().find((preset) => preset.id === 'xor-tanh').state;
  const xorCount = await practiseWholePass(page, core.stages(xor));
  assert.deepEqual(await score(page), { right: xorCount, hints: 0, missed: 0 });

  await page.evaluate(() => { location.hash = 'preset=xor&loss=ce&mode=each&practice=on'; });
  await page.waitForFunction(() => document.querySelector('[data-practice-score]').dataset.right === '0');
  await settle(page);
  const perSample = { ...core.presets().find((preset) => preset.id === 'xor').state, loss_fn: 'cross_entropy', mode: 'per_sample' };
  const ceCount = await practiseWholePass(page, core.stages(perSample));
  assert.deepEqual(await score(page), { right: ceCount, hints: 0, missed: 0 }, 'cross-entropy, one sample at a time');
}));

test('links: the score and stage come back, old links stay as they were, a bad practice field is refused', () => run(async (page) => {
  await page.evaluate(() => { location.hash = 'preset=seed&stage=4&practice=2,0,1'; });
  await page.waitForFunction(() => document.querySelector('[data-practice-switch]').checked);
  await settle(page);
  assert.deepEqual(await score(page), { right: 2, hints: 0, missed: 1 });
  assert.ok((await questions(page)).every((q) => q.status === 'seen' && !q.enabled), 'the linked stage counts as seen');
  await press(page, 'Step backprop');
  assert.ok((await questions(page)).every((q) => q.status === 'open'));
  await press(page, 'Step back');
  assert.ok((await questions(page)).every((q) => q.status === 'seen'), 'a stage left behind stays shown');
  await press(page, 'Finish');
  assert.equal(await page.locator('[data-hidden]').count(), 0, 'Finish shows everything');
  assert.equal(await page.locator('.practice-question[data-status="open"]').count(), 0);

  await page.evaluate(() => { location.hash = 'preset=seed&stage=3'; });
  await page.waitForFunction(() => !document.querySelector('[data-practice-switch]').checked);
  await settle(page);
  assert.equal(await page.locator('.practice-panel').isVisible(), false);
  assert.equal(await page.locator('.card .formula').first().isVisible(), true, 'an old link shows the card as before');

  await page.evaluate(() => { location.hash = 'preset=seed&practice=maybe'; });
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.textContent(), /practice must be “on” or the score as three whole numbers/);
}));

test('Mazur\'s example: ∂E/∂h₁ worked out with the already-updated output weights is named as his bug', () => run(async (page) => {
  await page.evaluate(() => { location.hash = 'preset=mazur&practice=on'; });
  await page.waitForFunction(() => document.querySelector('[data-practice-switch]').checked);
  await settle(page);
  const mazur = core.presets().find((preset) => preset.id === 'mazur').state;
  const mazurTape = core.stages(mazur);
  const gradH = mazurTape.findIndex((stage) => stage.id === 'grad_h1') + 1;
  while (await currentStage(page) < gradH) await press(page, 'Step backprop');
  const { grad, next } = core.evaluate(mazur);
  const stale = grad.z2.reduce((sum, delta, j) => sum + delta * next.w2[0][j], 0);
  await page.getByRole('textbox', { name: '∂E/∂h₁', exact: true }).fill(typed(stale));
  await pressKey(page, 'Enter');
  const [q] = await questions(page);
  assert.equal(q.status, 'missed');
  assert.match(q.verdict, /already-updated output weights W⁽²⁾: every gradient of a pass uses the weights from before the update/);
  assert.ok(q.verdict.includes(mazurTape[gradH - 1].formulas[0].value.toPrecision(4).replace('-', '−')), q.verdict);
}));

test('axe-core at a phone\'s size: questions, a verdict, a hint and the score', () => run(async (page) => {
  await switchOn(page);
  while (await currentStage(page) < stageOf('delta_2')) await press(page, 'Step backprop');
  await page.getByRole('textbox', { name: 'σ′(z⁽²⁾)', exact: true }).fill('0.1');
  await pressKey(page, 'Enter');
  await page.getByRole('button', { name: 'Show me ∂E/∂z⁽²⁾', exact: true }).click();
  await settle(page);
  await assertNoSeriousViolations(page, 'practice mode on a phone');
}, { context: AXE_CONTEXT, viewport: PHONE }));

test('no readout elsewhere on the page gives J or y away while practising: the plane, the samples, the data panel', () => run(async (page) => {
  const readouts = ['#plane-readout', '.plane-scale-name', '.samples-mean', '[data-data-readout]'];
  await page.goto(`${page.url().split('#')[0]}#preset=xor`);
  await page.locator('[data-sample="0"]').waitFor();
  await settle(page);
  for (const selector of readouts) assert.equal(await page.locator(selector).first().isVisible(), true, `${selector} shows without practice`);
  await page.locator('[data-practice-switch]').check();
  await settle(page);
  for (const selector of readouts) assert.equal(await page.locator(selector).first().isVisible(), false, `${selector} waits while practising`);
  await page.locator('[data-practice-switch]').uncheck();
  await settle(page);
  assert.equal(await page.locator('#plane-readout').isVisible(), true);
}));
