// A strict, offline page: a Content-Security-Policy that allows no inline script, no eval and no
// inline style but the production build's one stylesheet, by its hash; never violated during a
// full workout; no request leaves the page's origin; and once loaded, the page keeps working with
// the network gone.

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { core, pageHarness } from './harness.mjs';
import {
  choosePreset, currentStage, dragSlider, press, readParams, settle, trainUntilStopped, typeInto,
} from './learner.mjs';

const run = pageHarness();
const POLICY = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; "
  + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

/** Everything a learner does, the exports and a pasted link included. */
async function workout(page) {
  for (let i = 0; i < 4; i += 1) await press(page, 'Step backprop');
  await dragSlider(page, 'w1.0.1', 30);
  await typeInto(page, 'lr', '2');
  await page.keyboard.press('Tab');
  await choosePreset(page, 'xor');
  await page.locator('[data-max-steps]').fill('60');
  await trainUntilStopped(page);
  await page.locator('[data-landscape]').click({ position: { x: 50, y: 60 } });
  await page.locator('[data-mode] input[value="per_sample"]').check();
  await press(page, 'Finish');
  await press(page, 'Undo');
  await page.getByText('Table view: every value').click();
  await page.getByText('Share & export').click();
  for (const name of ['Export SVG', 'Export PNG', 'Save state (JSON)']) {
    await Promise.all([page.waitForEvent('download'), press(page, name)]);
  }
  await press(page, 'Copy as NumPy');
  await page.evaluate(() => { location.hash = 'preset=saturated&stage=3'; });
  await page.waitForFunction(() => document.querySelector('select[data-preset]').value === 'saturated');
  await settle(page);
}

test('the CSP meta tag is strict and nothing violates it during a full workout', () => run(async (page) => {
  // dist/ holds its stylesheets in one <style>, allowed by its hash (tools/build-dist.mjs); www/ has none.
  const styles = await page.locator('style').evaluateAll((elements) => elements.map((element) => element.textContent));
  assert.ok(styles.length <= 1, 'at most the one stylesheet inline');
  const allowed = styles.map((css) => ` 'sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}'`).join('');
  assert.equal(await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content'),
    POLICY.replace("style-src 'self'", `style-src 'self'${allowed}`));
  assert.equal(await page.locator('[style], script:not([src])').count(), 0, 'no inline script or style attribute in the markup');
  await workout(page);
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  assert.equal(await page.locator('[style]').count(), 0, 'none added by the scripts either');
}, {
  init: () => {
    window.violations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.violations.push(`${event.violatedDirective}: ${event.blockedURI}`);
    });
  },
}));

test('every request the page makes stays on its own origin', () => run(async (page, { url }) => {
  const origin = new URL(url).origin;
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  await workout(page);
  const loaded = requests.filter((address) => !address.startsWith('data:'));
  assert.ok(loaded.some((address) => address.endsWith('.wasm')), 'the requests were seen');
  const foreign = loaded.filter((address) => new URL(address).origin !== origin);
  assert.deepEqual(foreign, []);
}));

test('once loaded, the page works offline: step, drag, train, switch preset', () => run(async (page) => {
  await page.context().setOffline(true);
  for (let i = 0; i < 3; i += 1) await press(page, 'Step backprop');
  assert.equal(await currentStage(page), 3);
  await dragSlider(page, 'w2.0.0', 40);
  assert.notEqual((await readParams(page))['w2.0.0'], core.defaultState().w2[0][0]);
  await page.locator('[data-max-steps]').fill('25');
  await trainUntilStopped(page);
  assert.match(await page.getByRole('status').first().textContent(), /^Trained 25 steps/);
  await choosePreset(page, 'ascent');
  await press(page, 'Finish');
  assert.equal(await currentStage(page), 10);
  await press(page, 'Undo');
  assert.equal(await currentStage(page), 0);
}));
