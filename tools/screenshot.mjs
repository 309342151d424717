// Regenerates the screenshots at 1280×800. It builds nothing: run `cargo xtask build` first so that
// www/pkg exists. Five scenes:
// - `pass` (default): the page mid-pass (stage 6, ∂E/∂W⁽²⁾ shown), into docs/screenshot.png;
// - `deep`: a 2-3-2-1 network with tanh hidden layers mid-pass (stage 9, δ⁽²⁾ with tanh′), into
//   docs/screenshot-deep.png;
// - `tools`: XOR after a short training run, its samples and the learning tools (loss curve,
//   landscape with the path, gradient check), into docs/screenshot-tools.png;
// - `plane`: the circle dataset trained on a 2-4-1 tanh network: the picture with each neuron's
//   map and the input plane with the boundary closed around the circle, into docs/screenshot-plane.png;
// - `practice`: practice mode with ∂E/∂y typed with its sign wrong, into docs/screenshot-practice.png.
//
//   node tools/screenshot.mjs [--scene pass|deep|tools|plane|practice] [--stage N] [--out FILE]

import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './chromium.mjs';
import { startServer } from './static-server.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

const DEFAULT_OUT = {
  pass: 'screenshot.png',
  deep: 'screenshot-deep.png',
  tools: 'screenshot-tools.png',
  plane: 'screenshot-plane.png',
  practice: 'screenshot-practice.png',
};
/** Where each scene starts (the page's own link format) and its default stage. */
const SCENES = {
  pass: { hash: '', stage: 6 },
  deep: { hash: '#preset=seed&arch=2-3-2-1&act=tanh,tanh,sigmoid', stage: 9 },
  tools: { hash: '', stage: 0 },
  plane: { hash: '#preset=seed&arch=2-4-1&act=tanh,sigmoid&data=circle,200,0.05,1&test=0.25&lr=3', stage: 0 },
  practice: { hash: '', stage: 0 },
};

function parseArgs(argv) {
  const options = { scene: 'pass', stage: null, out: null };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (flag === '--scene') options.scene = value;
    else if (flag === '--stage') options.stage = Number(value);
    else if (flag === '--out') options.out = path.resolve(value);
    else throw new Error(`unknown argument ${flag} (expected --scene, --stage or --out)`);
  }
  if (!DEFAULT_OUT[options.scene]) throw new Error(`--scene must be one of ${Object.keys(DEFAULT_OUT).join(', ')}`);
  options.stage ??= SCENES[options.scene].stage;
  if (!Number.isInteger(options.stage) || options.stage < 0) throw new Error('--stage must be a whole number');
  options.out ??= path.join(ROOT, 'docs', DEFAULT_OUT[options.scene]);
  return options;
}

/** Mid-pass at `stage`; the screenshot is the viewport. */
async function playPass(page, stage) {
  const step = page.getByRole('button', { name: 'Step backprop', exact: true });
  for (let played = 0; played < stage; played += 1) await step.click();
  await page.waitForFunction((played) => document.querySelector('.card-counter')?.textContent.startsWith(`${played} /`), stage);
  return null;
}

/** Clicks Train and waits until the status line says the `steps` steps are done. */
async function trainFor(page, steps) {
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await page.waitForFunction((n) => document.querySelector('#status').textContent.startsWith(`Trained ${n} steps`), steps,
    { timeout: 30000 });
}

/** XOR trained for 500 steps, the map re-centred; the screenshot spans the samples and the tools. */
async function trainXor(page) {
  await page.selectOption('select[data-preset]', 'xor');
  await page.selectOption('[data-speed]', '20');
  await page.locator('[data-max-steps]').fill('500');
  await trainFor(page, 500);
  await page.locator('[data-sample="1"]').click();
  await page.getByRole('button', { name: 'Re-centre', exact: true }).click();
  const top = await page.$eval('#samples', (element) => element.getBoundingClientRect().top + window.scrollY);
  const bottom = await page.$eval('.tools', (element) => element.getBoundingClientRect().bottom + window.scrollY);
  return { x: 0, y: top - 6, width: 1280, height: bottom - top + 18 };
}

/** The circle trained for 300 steps; the screenshot spans the picture (with its maps) and the plane. */
async function trainCircle(page) {
  await page.selectOption('[data-speed]', '100');
  await page.locator('[data-max-steps]').fill('300');
  await trainFor(page, 300);
  await page.getByRole('button', { name: 'Fit to the points', exact: true }).click();
  return spanning(page, '.network-figure', '#plane');
}

/** Practice mode at ∂E/∂y: stages 1–3 revealed with Show me, then ∂E/∂y typed with its sign wrong. */
async function practise(page) {
  await page.locator('[data-practice-switch]').check();
  const step = page.getByRole('button', { name: 'Step backprop', exact: true });
  const open = page.locator('.practice-question[data-status="open"]');
  for (let stage = 1; stage <= 4; stage += 1) {
    await step.click();
    await open.first().waitFor();
    if (stage === 4) break;
    for (let left = await open.count(); left > 0; left -= 1) {
      await open.first().getByRole('button', { name: 'Show me' }).click();
      await page.waitForFunction((n) => document.querySelectorAll('.practice-question[data-status="open"]').length < n, left);
    }
  }
  const field = open.first().locator('input');
  await field.fill('0.04134');
  await field.press('Enter');
  return spanning(page, '.toolbar', '.card');
}

/** A clip from the top of `from` to the bottom of `to`, the page's whole width. */
async function spanning(page, from, to) {
  const top = await page.$eval(from, (element) => element.getBoundingClientRect().top + window.scrollY);
  const bottom = await page.$eval(to, (element) => element.getBoundingClientRect().bottom + window.scrollY);
  return { x: 0, y: top - 6, width: 1280, height: bottom - top + 12 };
}

const PREPARE = { tools: trainXor, plane: trainCircle, practice: practise };

async function capture({ scene, stage, out }) {
  if (!existsSync(path.join(ROOT, 'www', 'pkg', 'backprop_viz.js'))) {
    throw new Error('www/pkg is missing: run `cargo xtask build` first');
  }
  const server = await startServer({ root: path.join(ROOT, 'www'), port: 0 });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const problems = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${server.url}${SCENES[scene].hash}`);
    await page.waitForSelector('body[data-ready="true"]');
    const clip = PREPARE[scene] ? await PREPARE[scene](page) : await playPass(page, stage);
    await page.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => null))));
    await page.mouse.move(0, 0);
    if (problems.length > 0) throw new Error(`the page reported errors:\n${problems.join('\n')}`);
    mkdirSync(path.dirname(out), { recursive: true });
    await page.screenshot(clip ? { path: out, clip, fullPage: true } : { path: out });
    const what = PREPARE[scene] ? scene : `${scene}, stage ${stage}`;
    console.log(`screenshot: wrote ${path.relative(process.cwd(), out)} (${what})`);
  } finally {
    await browser.close();
    await server.close();
  }
}

try {
  await capture(parseArgs(process.argv.slice(2)));
} catch (error) {
  console.error(`screenshot: ${error.message}`);
  process.exit(1);
}
