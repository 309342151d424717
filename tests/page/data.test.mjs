// The Data panel as a learner uses it: pick a dataset and train it to a held-out accuracy, bring
// their own data in (a file, the clipboard) and take it out again (CSV), see a bad line named while
// the data on screen stays, and share a dataset by a short link that reopens the same points.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { core, pageHarness } from './harness.mjs';
import {
  buildArchitecture, chooseOption, press, readBatchLoss, settle, settledLink, trainUntilStopped, typeInto,
} from './learner.mjs';

const run = pageHarness();
const CLIPBOARD = { context: { permissions: ['clipboard-read', 'clipboard-write'] } };
const OWN_CSV = 'x1,x2,t\n0.25,-1.5,1\n-0.125,0.5,0\n1e-7,2,1\n-3,0.75,0\n0.1,0.2,1\n';

const readout = (page) => page.locator('[data-data-readout]');
const message = (page) => page.locator('[data-data-message]');
const sampleCount = async (page) => Number(await readout(page).getAttribute('data-sample-count'));

/** Sets a number field of the Data panel as a learner does: type, then leave the field. */
async function setField(page, selector, value) {
  const field = page.locator(selector);
  await field.fill(String(value));
  await field.press('Enter');
  await field.blur();
  await settle(page);
}

/** Picks a dataset, its size, noise and seed (those that apply to it), and presses Generate. */
async function generate(page, { name, size, noise, seed }) {
  await page.selectOption('[data-dataset]', name);
  for (const [selector, value] of [['[data-dataset-size]', size], ['[data-dataset-noise]', noise], ['[data-dataset-seed]', seed]]) {
    const field = page.locator(selector);
    if (await field.isEnabled()) await field.fill(String(value));
  }
  await press(page, 'Generate');
}

async function importCsv(page, name, text) {
  await page.getByLabel('Import CSV…').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
  await page.waitForFunction((file) => document.querySelector('[data-data-message]').textContent.includes(file)
    || document.getElementById('status').textContent.includes(file), name);
  await settle(page);
}

async function exportCsv(page) {
  const [download] = await Promise.all([page.waitForEvent('download'), press(page, 'Export CSV')]);
  return { name: download.suggestedFilename(), text: (await readFile(await download.path())).toString() };
}

test('the circle on a 2-4-1 tanh network trains to ≥ 95 % accuracy on the held-out points', () => run(async (page) => {
  await buildArchitecture(page, [2, 4, 1], ['tanh', 'sigmoid']);
  await generate(page, { name: 'circle', size: 200, noise: 0.05, seed: 1 });
  assert.equal(await sampleCount(page), 200);
  assert.match(await page.getByRole('status').first().textContent(), /^Generated “Circle”: 200 points from seed 1/);
  const testKey = page.getByText('faint, dashed: held out for testing');
  assert.equal(await testKey.isVisible(), false, 'no test split yet, so no key for it');
  await setField(page, '[data-test-fraction]', 25);
  assert.equal(await readout(page).getAttribute('data-test-samples'), '50');
  assert.equal(await page.getAttribute('[data-plane]', 'data-test-samples'), '50', 'the plane marks the held-out points');
  assert.equal(await page.locator('[data-plane] .plane-point.is-test').count(), 50);
  assert.equal(await testKey.isVisible(), true, 'the legend explains them');
  assert.match(await page.locator('#plane-readout').textContent(), /^150 training and 50 test points · J = /);
  assert.match(await readout(page).textContent(), /200 samples \(circle, seed 1\): 150 train · 50 test/);
  await typeInto(page, 'lr', '3');
  await page.locator('[data-max-steps]').fill('300');
  await page.selectOption('[data-speed]', '100');
  await trainUntilStopped(page);

  const testAccuracy = Number(await readout(page).getAttribute('data-test-accuracy'));
  const trainAccuracy = Number(await readout(page).getAttribute('data-train-accuracy'));
  assert.ok(testAccuracy >= 0.95, `test accuracy ${testAccuracy}`);
  assert.ok(trainAccuracy >= 0.95, `train accuracy ${trainAccuracy}`);
  assert.match(await readout(page).textContent(), /accuracy: train \d+(\.\d+)? % · test \d+(\.\d+)? %/);
  assert.match(await page.getByRole('status').first().textContent(),
    /^Trained \d+ steps: J = [\d.]+, test loss [\d.]+ \(accuracy: train [\d.]+ %, test [\d.]+ %\)\.$/);
  // The plane's decision boundary has closed around the circle: a curve inside the window, not
  // touching its edges, with the circle's centre (0, 0) inside it.
  const { box, centre } = await page.evaluate(() => {
    const map = document.querySelector('[data-plane]');
    const [[aLow, aHigh], [bLow, bHigh]] = ['data-across-range', 'data-up-range']
      .map((name) => map.getAttribute(name).split(' ').map(Number));
    const { x, y, width, height } = document.querySelector('.plane-boundary').getBBox();
    return {
      box: { left: x, top: y, right: x + width, bottom: y + height },
      centre: { x: ((0 - aLow) / (aHigh - aLow)) * 100, y: 100 - ((0 - bLow) / (bHigh - bLow)) * 100 },
    };
  });
  assert.ok(box.left > 0 && box.top > 0 && box.right < 100 && box.bottom < 100,
    `the boundary stays inside the window: ${JSON.stringify(box)}`);
  assert.ok(box.left < centre.x && centre.x < box.right && box.top < centre.y && centre.y < box.bottom,
    `the boundary surrounds the circle's centre ${JSON.stringify(centre)}: ${JSON.stringify(box)}`);
  const curve = page.locator('[data-loss-curve]');
  assert.equal(await curve.getAttribute('data-test-points'), await curve.getAttribute('data-points'),
    'the test loss is drawn beside the training loss at every point');
  assert.ok(Number(await curve.getAttribute('data-points')) > 100);
}));

test('a CSV file imports, exports back identical, and Undo brings the earlier data back', () => run(async (page) => {
  await importCsv(page, 'mine.csv', OWN_CSV);
  assert.equal(await sampleCount(page), 5);
  assert.match(await page.getByRole('status').first().textContent(), /^Imported 5 samples from “mine\.csv”/);
  assert.match(await readout(page).textContent(), /5 samples \(your own data\)/);
  const exported = await exportCsv(page);
  assert.equal(exported.name, 'backprop-viz-data.csv');
  assert.equal(exported.text, OWN_CSV);
  await press(page, 'Undo');
  assert.equal(await sampleCount(page), 0, 'importing was one undo step');
}));

test('the Dataset menu says when the samples are the learner\'s own; choosing a dataset generates again', () => run(async (page) => {
  const generateButton = page.getByRole('button', { name: 'Generate', exact: true });
  await importCsv(page, 'mine.csv', OWN_CSV);
  assert.equal(await page.inputValue('[data-dataset]'), '', 'the menu shows “Your own data”');
  assert.equal(await page.locator('[data-dataset] option:checked').textContent(), 'Your own data');
  assert.equal(await generateButton.isDisabled(), true, 'nothing to generate until a dataset is chosen');
  await generate(page, { name: 'blobs', size: 40, noise: 0.1, seed: 3 });
  assert.equal(await sampleCount(page), 40);
  assert.equal(await page.inputValue('[data-dataset]'), 'blobs');
  await press(page, 'Undo');
  assert.equal(await sampleCount(page), 5);
  assert.equal(await page.inputValue('[data-dataset]'), '', 'undone: the own data again');
  await press(page, 'Undo');
  assert.equal(await sampleCount(page), 0);
  assert.equal(await page.inputValue('[data-dataset]'), 'blobs', 'no samples: the generator as last set');
  assert.equal(await generateButton.isEnabled(), true);
}));

test('a bad CSV line is named and the data on screen stays as it was', () => run(async (page) => {
  await generate(page, { name: 'blobs', size: 40, noise: 0.1, seed: 3 });
  const before = await exportCsv(page);
  for (const [text, problem] of [
    ['x1,x2,t\n0.1,0.2,1\n0.3,abc,0\n', 'line 3: x2 “abc” is not a number'],
    ['x1,x2,t\n0.1,0.2\n', 'line 2 has 2 values but needs 3 (x1, x2, t): “0.1,0.2”'],
    ['x1,x2,t\n0.1,0.2,1\n\n1,NaN,0\n', 'line 4: x2 “NaN” is not a finite number'],
    ['0.1,0.2,1\n', 'line 1 must be the header x1,x2,t'],
    ['', 'the file is empty'],
  ]) {
    await importCsv(page, 'broken.csv', text);
    const shown = await message(page).textContent();
    assert.ok(shown.startsWith('“broken.csv” could not be imported: '), shown);
    assert.ok(shown.includes(problem), `${shown} names ${problem}`);
    assert.ok(shown.endsWith('The data on screen stays as it was.'), shown);
    assert.equal(await sampleCount(page), 40);
  }
  assert.equal((await exportCsv(page)).text, before.text, 'the same points as before');
}));

test('Paste CSV imports the clipboard like a file', () => run(async (page) => {
  await page.evaluate((text) => navigator.clipboard.writeText(text), OWN_CSV);
  await press(page, 'Paste CSV');
  await page.waitForFunction(() => document.querySelector('[data-data-readout]').dataset.sampleCount === '5');
  assert.match(await page.getByRole('status').first().textContent(), /^Imported 5 samples from the clipboard/);
  assert.equal((await exportCsv(page)).text, OWN_CSV);
}, CLIPBOARD));

test('a dataset travels in a short link that reopens the same points', () => run(async (page, { url }) => {
  await generate(page, { name: 'spirals', size: 300, noise: 0.02, seed: 9 });
  await setField(page, '[data-test-fraction]', 20);
  await setField(page, '[data-l2]', 0.001);
  const link = await settledLink(page);
  assert.match(link, /(^|&)data=spirals,300,0\.02,9(&|$)/);
  assert.match(link, /(^|&)test=0\.2(&|$)/);
  assert.match(link, /(^|&)l2=0\.001(&|$)/);
  assert.ok(link.length < 400, `a ${link.length}-character link for 300 points`);
  assert.ok(await page.locator('[data-link-warning]').isHidden());
  const points = await exportCsv(page);

  const reopened = await page.context().newPage();
  await reopened.goto(`${url}#${link}`);
  await reopened.waitForSelector('body[data-ready="true"]');
  assert.equal(await reopened.locator('[data-data-readout]').getAttribute('data-test-samples'), '60');
  assert.equal(await reopened.inputValue('[data-l2]'), '0.001');
  assert.equal(await reopened.inputValue('[data-dataset]'), 'spirals');
  assert.deepEqual(await exportCsv(reopened), { ...points, name: 'backprop-viz-spirals.csv' });
  await reopened.close();
}));

test('own data past a safe link length: the page says so and offers the file instead', () => run(async (page) => {
  const rows = Array.from({ length: 300 }, (_, k) => `${(k / 300).toFixed(4)},${(1 - k / 250).toFixed(4)},${k % 2}`);
  await importCsv(page, 'big.csv', `x1,x2,t\n${rows.join('\n')}\n`);
  assert.equal(await sampleCount(page), 300);
  await settledLink(page);
  const warning = page.locator('[data-link-warning]');
  await warning.waitFor();
  assert.match(await warning.textContent(), /This setup's link is [\d,]+ characters long, past the 2,000/);
  const [download] = await Promise.all([page.waitForEvent('download'), warning.getByRole('button', { name: 'Export CSV' }).click()]);
  assert.equal(download.suggestedFilename(), 'backprop-viz-data.csv');
  await generate(page, { name: 'circle', size: 300, noise: 0.1, seed: 2 });
  await settledLink(page);
  await page.waitForFunction(() => document.querySelector('[data-link-warning]').hidden);
}));

test('a dataset that does not fit the network is refused by name, the data kept', () => run(async (page) => {
  await generate(page, { name: 'xor', size: 100, noise: 0.3, seed: 1 });
  assert.equal(await sampleCount(page), 4);
  assert.ok(await page.locator('[data-dataset-size]').isDisabled(), 'XOR has its four points');
  await generate(page, { name: 'sine', size: 50, noise: 0.05, seed: 1 });
  assert.match(await message(page).textContent(), /the sine dataset has 1 input and 1 target, but this network has 2 inputs and 1 output/);
  assert.equal(await sampleCount(page), 4);
  await setField(page, '[data-batch-size]', 0);
  assert.equal(await page.locator('[data-batch-size]').getAttribute('aria-invalid'), 'true');
  assert.match(await message(page).textContent(), /The mini-batch size must be a whole number from 1 to 500/);
}));

test('mini-batches with L2 train exactly as the core does, and the card shows the λw term', () => run(async (page) => {
  const spec = { name: 'xor_clouds', size: 60, noise: 0.05, seed: 4 };
  await generate(page, spec);
  await chooseOption(page, 'data-mode', 'mini_batch');
  await setField(page, '[data-batch-size]', 16);
  await setField(page, '[data-l2]', 0.01);
  await typeInto(page, 'lr', '1');
  const start = { ...core.generateDataset(core.defaultState(), spec), mode: 'mini_batch', batch_size: 16, l2: 0.01, lr: 1 };
  assert.equal(await readBatchLoss(page), core.evaluate(start).batch.loss, 'J includes ½λ·Σw²');
  assert.match(await page.locator('.samples-mean').textContent(), /J = mean of E over the 60 samples \+ ½λ·Σw²/);

  await press(page, 'Finish');
  const card = (await page.locator('.card').innerText()).replace(/\s+/g, '');
  assert.ok(card.includes('λ'), 'the update shows the L2 term');
  assert.match(card, /∂\(½λw²\)\/∂w=λw/);
  assert.match(card, /biasesarenotregularised/);
  await press(page, 'Undo');

  await page.locator('[data-max-steps]').fill('20');
  await page.selectOption('[data-speed]', '5');
  await trainUntilStopped(page);
  assert.equal(await readBatchLoss(page), core.trainRun(start, 20).loss, 'the same 20 epochs of shuffled mini-batches');
}));

test('one sample at a time, Step backprop walks the training samples and skips the held-out ones', () => run(async (page) => {
  await generate(page, { name: 'blobs', size: 10, noise: 0.1, seed: 2 });
  await setField(page, '[data-test-fraction]', 50);
  await chooseOption(page, 'data-mode', 'per_sample');
  const heldOut = await page.$$eval('[data-sample]', (rows) => rows
    .filter((row) => row.querySelector('.sample-output').textContent.endsWith('· test')).map((row) => Number(row.dataset.sample)));
  assert.equal(heldOut.length, 5);
  const shown = () => page.$eval('[data-sample] input:checked', (input) => Number(input.value));
  const visited = [];
  for (let pass = 0; pass < 6; pass += 1) {
    await press(page, 'Finish');
    await press(page, 'Step backprop');
    visited.push(await shown());
  }
  assert.ok(visited.every((index) => !heldOut.includes(index)), `visited ${visited}, held out ${heldOut}`);
  assert.equal(new Set(visited).size, 5, 'every training sample in turn');
}));
