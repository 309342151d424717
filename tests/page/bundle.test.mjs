// The production build: a first visit downloads exactly the files of dist/ — the page with its
// stylesheets inline, one bundled script and the wasm module — but the training worker's bundle,
// which the first training run loads; so the byte budgets that `cargo xtask test` checks on
// dist/ are what a visitor really downloads (and a little more).

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { PAGE_ROOT, PAGE_TREE, pageHarness } from './harness.mjs';

const run = pageHarness();
const skip = PAGE_TREE === 'dist' ? false : `the page is served from ${PAGE_TREE}/, not dist/`;

const WORKER = /^\/train-worker-[A-Z0-9]{8}\.js$/;

test('a first visit downloads every file of dist/ but the training worker, and nothing else', { skip }, () => run(async (page, { url }) => {
  const fetched = [];
  page.on('response', (response) => fetched.push({ address: response.url(), status: response.status() }));
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  const local = fetched.filter(({ address }) => !address.startsWith('data:'));
  assert.deepEqual(local.filter(({ status }) => status !== 200), [], 'every request succeeded');
  const paths = local.map(({ address }) => new URL(address, url).pathname).map((name) => (name === '/' ? '/index.html' : name));
  const files = readdirSync(PAGE_ROOT, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => `/${path.relative(PAGE_ROOT, path.join(entry.parentPath, entry.name)).split(path.sep).join('/')}`);
  assert.equal(files.filter((file) => WORKER.test(file)).length, 1, 'one worker bundle');
  assert.deepEqual([...paths].sort(), files.filter((file) => !WORKER.test(file)).sort());
  const kinds = files.map((file) => file.split('.').pop()).sort();
  assert.deepEqual(kinds, ['html', 'js', 'js', 'wasm'], 'one file of each kind, and the worker');
}));

test('the first training run starts the worker from its bundle', { skip }, () => run(async (page) => {
  const started = page.waitForEvent('worker');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  const worker = await started;
  assert.match(new URL(worker.url()).pathname, WORKER);
  await page.getByRole('button', { name: 'Train', exact: true }).waitFor();
}));

test('the bundles are loaded by content-hashed names; the one inline stylesheet is allowed by its hash, no other inline code', { skip }, () => run(async (page) => {
  const script = await page.getAttribute('script[type="module"]', 'src');
  assert.match(script, /^app-[A-Z0-9]{8}\.js$/);
  assert.equal(await page.locator('script').count(), 1);
  assert.equal(await page.locator('link[rel="stylesheet"]').count(), 0, 'no stylesheet to wait for');
  const styles = await page.locator('style').evaluateAll((elements) => elements.map((element) => element.textContent));
  assert.equal(styles.length, 1);
  assert.ok(styles[0].length > 10000, 'the whole stylesheet');
  const policy = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  const styleSrc = policy.split(';').map((directive) => directive.trim()).find((directive) => directive.startsWith('style-src '));
  const hash = createHash('sha256').update(styles[0], 'utf8').digest('base64');
  assert.equal(styleSrc, `style-src 'self' 'sha256-${hash}'`, 'the stylesheet\'s hash, and no \'unsafe-inline\'');
  assert.notEqual(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--line')), '', 'the styles apply');
  const wasm = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name).filter((name) => name.endsWith('.wasm')));
  assert.equal(wasm.length, 1);
  assert.match(new URL(wasm[0]).pathname, /^\/backprop_viz_bg-[A-Z0-9]{8}\.wasm$/);
}));
