// "Share & export" as a learner uses it: save the state as JSON and load it back (undoably); a
// bad file never breaks the page; copy the link and the core's NumPy and PyTorch scripts; export
// the picture as a standalone SVG and as a PNG.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { core, pageHarness, presetState } from './harness.mjs';
import { choosePreset, dragSlider, press, readParams, readState, settle, typeInto, valueOf } from './learner.mjs';

const run = pageHarness();
const CLIPBOARD = { context: { permissions: ['clipboard-read', 'clipboard-write'] } };

async function openMenu(page) {
  if (!await page.locator('[data-share]').evaluate((menu) => menu.open)) await page.getByText('Share & export').click();
}

/** Clicks `name` in the menu and returns the downloaded file's name and bytes. */
async function downloadFrom(page, name) {
  await openMenu(page);
  const [download] = await Promise.all([page.waitForEvent('download'), press(page, name)]);
  return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
}

async function loadFile(page, name, text) {
  await openMenu(page);
  await page.getByLabel('Load state…').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  await settle(page);
}

test('Save state downloads the core\'s state; Load state… opens it again, and Undo takes it back', () => run(async (page) => {
  await choosePreset(page, 'xor');
  await typeInto(page, 'w1.0.1', '-0.125');
  const saved = await downloadFrom(page, 'Save state (JSON)');
  assert.equal(saved.name, 'backprop-viz-state.json');
  const expected = core.validateState({ ...presetState('xor'), w1: [[0.5, -0.125], [-0.3, 0.6]] });
  assert.deepEqual(JSON.parse(saved.bytes.toString()), expected);

  await choosePreset(page, 'seed');
  await loadFile(page, 'my-xor.json', saved.bytes.toString());
  assert.deepEqual(await readState(page, presetState('xor')), expected);
  assert.equal(await page.inputValue('select[data-preset]'), 'xor', 'it starts from the preset with its samples');
  assert.match(await page.getByRole('status').first().textContent(), /^Opened “my-xor\.json”/);
  await press(page, 'Undo');
  assert.equal((await readParams(page))['w1.0.1'], core.defaultState().w1[0][1], 'loading was one undo step');
}));

test('a bad file never breaks the page: the alert names the problem, the setup stays', () => run(async (page) => {
  await dragSlider(page, 'b1.0', 25);
  const before = await readParams(page);
  const seed = core.defaultState();
  for (const [text, message] of [
    ['{"x": [0.5, 0.3], "t": ', '“bad.json” could not be loaded: it is not JSON ('],
    [JSON.stringify({ ...seed, w1: [0.2, 0.4, 0.1, 0.3] }), 'w1 must be an array of rows'],
    [JSON.stringify({ ...seed, activations: ['tanh', 'cube'] }), 'activations[1] must be one of'],
    [JSON.stringify({ ...seed, w2: [[0.5], [0.6], [0.7]] }), 'w2 must be an array of 2 rows (one per neuron of layer 1'],
    [JSON.stringify(seed).replace('"lr":0.1', '"lr":1e999'), 'lr must be a finite number'],
    [JSON.stringify({ ...seed, b2: ['NaN'] }), 'b2[0] must be a finite number'],
    ['[1, 2, 3]', 'the state must be an object'],
  ]) {
    await loadFile(page, 'bad.json', text);
    const alert = await page.getByRole('alert').textContent();
    assert.ok(alert.includes(message), `${alert} names “${message}”`);
    assert.match(alert, /The setup on screen stays as it was\.$/);
    assert.deepEqual(await readParams(page), before);
  }
  await press(page, 'Step backprop');
  assert.equal(await page.locator('.card-counter').textContent(), '1 / 10', 'the page still works');
}));

test('Copy as NumPy and Copy as PyTorch put the core\'s scripts for this exact state on the clipboard', () => run(async (page) => {
  await choosePreset(page, 'xor');
  await page.locator('[data-mode] input[value="per_sample"]').check();
  await typeInto(page, 'b2.0', '0.3125');
  const state = core.validateState({ ...presetState('xor'), mode: 'per_sample', b2: [0.3125] });
  assert.equal(valueOf(await readState(page, state), 'b2.0'), 0.3125);
  const clipboard = () => page.evaluate(() => navigator.clipboard.readText());

  await openMenu(page);
  await press(page, 'Copy as NumPy');
  assert.equal(await clipboard(), core.numpyScript(state));
  assert.equal(await page.locator('[data-share-status]').textContent(), 'Copied the NumPy script.');
  await press(page, 'Copy as PyTorch');
  assert.equal(await clipboard(), core.pytorchScript(state));
  await press(page, 'Copy link');
  const link = await clipboard();
  assert.equal(link, page.url());
  assert.match(link, /#preset=xor&b2=0\.3125&mode=each$/);
}, CLIPBOARD));

test('when the browser refuses the clipboard, the script is shown selected for copying by hand', () => run(async (page) => {
  await openMenu(page);
  await press(page, 'Copy as NumPy');
  const fallback = page.getByRole('textbox', { name: 'Text to copy' });
  assert.equal(await fallback.inputValue(), core.numpyScript(core.defaultState()));
  assert.equal(await fallback.evaluate((area) => area === document.activeElement
    && area.selectionStart === 0 && area.selectionEnd === area.value.length), true, 'selected');
  assert.match(await page.locator('[data-share-status]').textContent(), /did not allow copying/);
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('[data-share]').evaluate((menu) => menu.open), false, 'Escape closes the menu');
}, {
  init: () => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
  },
}));

test('Export SVG is a standalone picture with its styles; Export PNG is that picture at twice its size', () => run(async (page) => {
  for (let i = 0; i < 6; i += 1) await press(page, 'Step backprop');
  const [, , width, height] = (await page.getAttribute('svg.network', 'viewBox')).split(' ').map(Number);
  const svg = await downloadFrom(page, 'Export SVG');
  assert.equal(svg.name, 'backprop-viz-network.svg');
  const markup = svg.bytes.toString();
  assert.match(markup, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.match(markup, new RegExp(`<svg[^>]* width="${width}" height="${height}"`), 'the picture\'s own size');
  assert.doesNotMatch(markup, /class="/, 'no classes: it needs no stylesheet');
  assert.match(markup, /<g data-edge="w2\.0\.0" data-grad="[^"]+"[^>]*>/, 'the gradient revealed at stage 6');
  assert.match(markup, /<line[^>]* stroke="rgb\(33, 102, 172\)"/, 'edge colours written on the lines');
  assert.match(markup, /<text[^>]* font-size="13\.5px" font-weight="700"[^>]*>0\.5572<\/text>/, 'h₁ with its font');
  assert.doesNotMatch(markup, /<style|\sstyle="/, 'only presentation attributes');

  const png = await downloadFrom(page, 'Export PNG');
  assert.equal(png.name, 'backprop-viz-network.png');
  assert.deepEqual([...png.bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  assert.deepEqual([png.bytes.readUInt32BE(16), png.bytes.readUInt32BE(20)], [2 * width, 2 * height]);
}));

test('on xor-tanh\'s 2-3-1 network: Save and Load state keep the architecture, the scripts and the picture follow it', () => run(async (page) => {
  await choosePreset(page, 'xor-tanh');
  await typeInto(page, 'w2.2.0', '-0.875');
  const state = core.validateState({ ...presetState('xor-tanh'), w2: [[0.8], [0.9], [-0.875]] });
  const saved = await downloadFrom(page, 'Save state (JSON)');
  assert.deepEqual(JSON.parse(saved.bytes.toString()), state);

  await choosePreset(page, 'seed');
  assert.equal(await page.locator('[data-edge]').count(), 6);
  await loadFile(page, 'tanh.json', saved.bytes.toString());
  assert.deepEqual(await readState(page, state), state);
  assert.equal(await page.locator('[data-edge]').count(), 9, 'the 2-3-1 network is back');
  assert.equal(await page.inputValue('[data-arch] [data-layer="1"] select'), 'tanh');

  await openMenu(page);
  await press(page, 'Copy as NumPy');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), core.numpyScript(state));
  await press(page, 'Copy as PyTorch');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), core.pytorchScript(state));
  const svg = (await downloadFrom(page, 'Export SVG')).bytes.toString();
  assert.match(svg, /<g data-edge="w2\.2\.0"/, 'the picture of this network');
  assert.match(svg, /aria-label="The 2-3-1 network: 2 inputs, then 3 tanh hidden neurons/);
}, CLIPBOARD));
