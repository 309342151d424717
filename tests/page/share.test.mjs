// Keeping the setup as a learner relies on it: the address follows their work and a reload or a
// shared link brings back the same setup and stage; without a link the last session comes back;
// a bad link or a junk stored session never breaks the page.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { core, namesOf, pageHarness, presetState } from './harness.mjs';
import {
  chooseOption, choosePreset, currentStage, press, readEdgeGrads, readLoss, readParams,
  settledLink, typeInto, valueOf, pickSample,
} from './learner.mjs';

const run = pageHarness();
const alertText = (page) => page.getByRole('alert').textContent();

async function assertShows(page, state, what) {
  const params = await readParams(page);
  assert.deepEqual(Object.keys(params), namesOf(state).params, `${what}: the network's controls`);
  for (const [name, value] of Object.entries(params)) assert.equal(value, valueOf(state, name), `${what}: ${name}`);
}

/** XOR's third sample, η = 2.5, the ½ convention, six stages played: the setup of these tests. */
async function workOnXor(page) {
  await choosePreset(page, 'xor');
  await pickSample(page, 2);
  await typeInto(page, 'lr', '2.5');
  await page.keyboard.press('Tab');
  await chooseOption(page, 'data-loss-fn', 'half_squared');
  for (let i = 0; i < 6; i += 1) await press(page, 'Step backprop');
}
const XOR_LINK = 'preset=xor&sample=3&lr=2.5&loss=half&stage=6';
const xorWorked = () => {
  const xor = presetState('xor');
  return { ...xor, x: xor.samples[2].x, t: xor.samples[2].t, lr: 2.5, loss_fn: 'half_squared' };
};

async function assertXorAtStage6(page, what) {
  const state = xorWorked();
  await assertShows(page, state, what);
  assert.equal(await currentStage(page), 6, `${what}: the stage`);
  assert.equal(await page.locator('.card-title').textContent(), core.stageList(state)[5].title, `${what}: the card`);
  const grads = await readEdgeGrads(page);
  assert.equal(grads['w2.0.0'], core.evaluate(state).grad.w2[0][0], `${what}: the picture's gradients`);
  assert.equal(await page.inputValue('select[data-preset]'), 'xor');
  assert.equal(await page.locator('[data-loss-fn] input[value="half_squared"]').isChecked(), true);
}

test('the address follows the learner\'s work without new history entries, and a reload restores it', () => run(async (page) => {
  const entries = await page.evaluate(() => history.length);
  await workOnXor(page);
  assert.equal(await settledLink(page), XOR_LINK);
  assert.equal(await page.evaluate(() => history.length), entries, 'replaceState, not pushState');
  await page.evaluate(() => { location.hash = ''; });
  assert.equal(await settledLink(page), XOR_LINK, 'a cleared address gets the link back');
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  await assertXorAtStage6(page, 'after a reload');
}));

test('a shared link opens the same setup and stage in a fresh browser; stage 10 replays the update', () => run(async (page) => {
  await assertXorAtStage6(page, 'opened from the link');
  assert.match(await page.getByRole('status').textContent(), /^Opened the link, starting from “XOR/);
  assert.equal(await page.getByRole('button', { name: 'Undo', exact: true }).isDisabled(), true, 'opening is the start');

  await page.goto(`${page.url().split('#')[0]}#preset=seed&w1=0.2,0.4,0.1,-0.5&stage=10`);
  const start = { ...core.defaultState(), w1: [[0.2, 0.4], [0.1, -0.5]] };
  await page.waitForFunction(() => document.querySelector('.card-counter').textContent === '10 / 10');
  await assertShows(page, core.evaluate(start).next, 'at stage 10, after the update');
  assert.ok((await page.locator('[data-param="w1.1.1"]').innerText()).includes('Δ'), 'the update\'s Δ is shown');
  await press(page, 'Undo');
  await assertXorAtStage6(page, 'Undo after a pasted link');
}, { hash: XOR_LINK }));

test('without a link, the last session comes back from localStorage', () => run(async (page, { url }) => {
  await workOnXor(page);
  await settledLink(page);
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]');
  await assertXorAtStage6(page, 'opened without a link');
  assert.match(await page.getByRole('status').textContent(), /^Opened your last session/);
  assert.equal(await settledLink(page), XOR_LINK, 'the address links to it again');
}));

test('a malformed link leaves the page working: an alert says what was wrong, the setup stays', () => run(async (page) => {
  assert.equal(await alertText(page),
    'This link could not be loaded: w1[0][1] must be a finite number, got NaN. '
    + 'Nothing was changed: the seed example is shown instead.');
  await assertShows(page, core.defaultState(), 'the seed instead');
  assert.equal(await readLoss(page), core.evaluate(core.defaultState()).loss);

  await press(page, 'Step backprop');
  await typeInto(page, 'b2.0', '0.3');
  const before = await readParams(page);
  for (const [link, message] of [
    ['preset=xor&w2=0.1', 'w2 must be an array of rows (one column per output'],
    ['lr=NaN', 'lr must be a finite number, got NaN'],
    ['stage=12', 'stage must be a whole number from 0 to 10'],
    ['{"x":1}', 'is not one of its fields'],
  ]) {
    await page.evaluate((hash) => { location.hash = hash; }, link);
    await page.getByRole('alert').filter({ hasText: message }).waitFor();
    assert.match(await alertText(page), /^This link could not be loaded: .*The setup on screen stays as it was\.$/);
    assert.deepEqual(await readParams(page), before, `${link}: nothing changed`);
  }
  await page.getByRole('button', { name: 'Dismiss', exact: true }).click();
  assert.equal(await page.locator('#notice').isVisible(), false);
  await page.evaluate(() => { location.hash = 'preset=ascent'; });
  await page.waitForFunction(() => document.querySelector('select[data-preset]').value === 'ascent');
  await assertShows(page, presetState('ascent'), 'a good link pasted after bad ones');
}, { hash: 'preset=seed&w1=0.2,abc,0.1,0.3' }));

/**
 * The learner's race: `delay` ms after the page wrote the address for an edit of η (inside its
 * 250 ms write interval, or past it, when the next write is due at once), in one task, another
 * edit — whose write the page holds back — and a link set by script.
 */
async function editThenOpen(page, id, delay) {
  const editThenLink = ({ value, link }) => {
    const slider = document.querySelector('[data-param="lr"] input[type=range]');
    slider.value = value;
    for (const type of ['input', 'change']) slider.dispatchEvent(new Event(type, { bubbles: true }));
    if (link) location.hash = link;
  };
  await page.evaluate(editThenLink, { value: '4.321' });
  await page.waitForFunction(() => location.hash.includes('&lr=4.321'));
  await page.waitForTimeout(delay);
  await page.evaluate(editThenLink, { value: '3.21', link: `preset=${id}` });
}

test('a link opened while the page\'s own address write is pending always wins, whatever the timing', () => run(async (page) => {
  // Every preset, the seed (the page's start) last.
  const ids = [...core.presets().map((preset) => preset.id).slice(1), 'seed'];
  for (const delay of [0, 100, 200, 240, 250, 260, 300]) {
    for (const id of ids) {
      const what = `#preset=${id} opened ${delay} ms after the page's write`;
      await editThenOpen(page, id, delay);
      const opened = await page.waitForFunction((preset) => document.querySelector('select[data-preset]').value === preset
        && location.hash === `#preset=${preset}`, id, { timeout: 10000 }).then(() => true, () => false);
      const shown = await page.evaluate(() => `${document.querySelector('select[data-preset]').value} at ${location.hash}`);
      assert.ok(opened, `${what}: the page shows ${shown}`);
      await assertShows(page, presetState(id), what);
    }
  }
}));

test('a junk stored session is dropped with a quiet note; the page starts at the seed', () => run(async (page) => {
  await assertShows(page, core.defaultState(), 'the seed');
  const status = await page.getByRole('status').textContent();
  assert.match(status, /^Your last session could not be restored \(“colour” is not one of its fields/);
  assert.equal(await page.getByRole('alert').isVisible(), false, 'no alert for it');
  await settledLink(page);
  assert.equal(await page.evaluate(() => localStorage.getItem('backprop-viz:session')), 'preset=seed');
}, {
  init: () => {
    if (!sessionStorage.getItem('seeded')) localStorage.setItem('backprop-viz:session', 'colour=red&w1=1');
    sessionStorage.setItem('seeded', 'yes');
  },
}));

test('without localStorage (blocked or full) the page works and the address still keeps the setup', () => run(async (page) => {
  await press(page, 'Step backprop');
  await typeInto(page, 'x.1', '0.75');
  assert.equal(await settledLink(page), 'preset=seed&x=0.5,0.75');
}, {
  init: () => {
    const refuse = () => { throw new DOMException('storage is disabled', 'SecurityError'); };
    Object.defineProperty(window, 'localStorage', { get: refuse });
  },
}));
