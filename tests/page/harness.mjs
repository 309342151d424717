// Shared set-up for the page tests: one static server and one Chromium per test file, a fresh
// browser context per test, and a check that the page logged no error, warning or uncaught
// exception. Expected numbers come from the real core, loaded here in Node.
//
// The page is served from the production build, dist/ (`cargo xtask build` makes it);
// PAGE_TREE=www serves the unbundled sources instead, e.g. to debug a failure in readable code.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../../tools/chromium.mjs';
import { startServer } from '../../tools/static-server.mjs';
import {
  defaultState, describe, evaluate, finiteDifferences, generateDataset, initSync, landscape, numpyScript, plane, presets,
  pytorchScript, reinitialize, reshape, snapshot, stageList, stages, train, trainRun, validateState,
} from '../../www/pkg/backprop_viz.js';
import { createNetwork } from '../../www/core/network.js';

const TREES = ['dist', 'www'];
/** The folder the page is served from: `dist` (the default) or `www`. */
export const PAGE_TREE = process.env.PAGE_TREE || 'dist';
if (!TREES.includes(PAGE_TREE)) throw new Error(`PAGE_TREE must be one of ${TREES.join(', ')}, not ${PAGE_TREE}`);
/** The served folder's path. */
export const PAGE_ROOT = fileURLToPath(new URL(`../../${PAGE_TREE}/`, import.meta.url));
if (!existsSync(`${PAGE_ROOT}index.html`)) {
  throw new Error(`${PAGE_TREE}/index.html is missing: run \`cargo xtask build\` first`);
}
initSync({ module: readFileSync(new URL('../../www/pkg/backprop_viz_bg.wasm', import.meta.url)) });

/** The core, run in Node: the oracle for every number the page shows. */
export const core = {
  defaultState, describe, evaluate, finiteDifferences, generateDataset, landscape, numpyScript, plane, presets, pytorchScript,
  reinitialize, reshape, snapshot, stageList, stages, train, trainRun, validateState,
  /** The page's model of the state's network (www/core/network.js), built from the core's description. */
  network: (state) => createNetwork(describe(state)),
};

/**
 * The names the page uses for `state`'s network, from the core's description: `params` (every
 * [data-param], in order), `weights` (the weights and biases), `edges`, `nodes` and `stages` (ids).
 */
export function namesOf(state) {
  const description = describe(state);
  return {
    params: description.params.map((param) => param.name),
    weights: description.weights,
    edges: description.edges.map((edge) => edge.id),
    nodes: description.nodes.map((node) => node.id),
    stages: description.stages.map((stage) => stage.id),
  };
}

/** The state of preset `id`, from the core. */
export function presetState(id) {
  return presets().find((preset) => preset.id === id).state;
}

const AXE = fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url));
/** Playwright injects axe as an inline script, which the page's CSP forbids: a context for axe bypasses it. */
export const AXE_CONTEXT = { bypassCSP: true };

/** Runs axe-core on the page (opened with `context: AXE_CONTEXT`); fails on a serious or critical violation. */
export async function assertNoSeriousViolations(page, when) {
  if (!await page.evaluate(() => 'axe' in window)) await page.addScriptTag({ path: AXE });
  const { violations } = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  const serious = violations.filter((violation) => ['serious', 'critical'].includes(violation.impact));
  const report = serious.map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at `
    + `${violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join('; ')}`);
  assert.deepEqual(report, [], `${when}: axe found problems`);
}

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

/**
 * Registers the file's before/after hooks and returns `run(body, options)`, which opens the page
 * in a fresh context (`options.viewport`, `options.reducedMotion`, default 1280×800 and
 * 'reduce'; `options.context`, more options for the context, e.g. permissions), at `#options.hash`
 * when given and after `options.init` (a function run in the page before its scripts, with
 * `options.initArg`), waits until it is ready, runs `body(page, { url })` (`url` the page's address
 * without a hash), then fails if the page reported an error.
 */
export function pageHarness() {
  let server;
  let browser;

  before(async () => {
    server = await startServer({ root: PAGE_ROOT, port: 0 });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
  });

  return async function run(body, {
    viewport = DESKTOP, reducedMotion = 'reduce', hash = '', init = null, initArg, context: extra = {},
  } = {}) {
    const context = await browser.newContext({ viewport, reducedMotion, ...extra });
    const problems = [];
    try {
      const page = await context.newPage();
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning') {
          problems.push(`console ${message.type()}: ${message.text()}`);
        }
      });
      page.on('pageerror', (error) => problems.push(`uncaught exception: ${error.message}`));
      if (init) await page.addInitScript(init, initArg);
      await page.goto(hash ? `${server.url}#${hash}` : server.url);
      await page.waitForSelector('body[data-ready="true"]');
      await body(page, { url: server.url });
      assert.deepEqual(problems, [], 'the page reported problems');
    } finally {
      await context.close();
    }
  };
}
