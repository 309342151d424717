// Regenerates the screenshots at 1280×800. It builds nothing: run `cargo xtask build` first so that
// www/pkg exists. Three scenes:
// - `pass` (default): the page mid-pass (stage 6, ∂E/∂W⁽²⁾ shown), into docs/screenshot.png;
// - `deep`: a 2-3-2-1 network with tanh hidden layers mid-pass (stage 9, δ⁽²⁾ with tanh′), into
//   docs/screenshot-deep.png;
// - `tools`: XOR after a short training run, its samples and the learning tools (loss curve,
//   landscape with the path, gradient check), into docs/screenshot-tools.png.
//
//   node tools/screenshot.mjs [--scene pass|deep|tools] [--stage N] [--out FILE]

import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './chromium.mjs';
import { startServer } from './static-server.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

const DEFAULT_OUT = { pass: 'screenshot.png', deep: 'screenshot-deep.png', tools: 'screenshot-tools.png' };
/** Where each scene starts (the page's own link format) and its default stage. */
const SCENES = {
  pass: { hash: '', stage: 6 },
  deep: { hash: '#preset=seed&arch=2-3-2-1&act=tanh,tanh,sigmoid', stage: 9 },
  tools: { hash: '', stage: 0 },
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
  if (!DEFAULT_OUT[options.scene]) throw new Error('--scene must be pass, deep or tools');
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

/** XOR trained for 500 steps, the map re-centred; the screenshot spans the samples and the tools. */
async function trainXor(page) {
  await page.selectOption('select[data-preset]', 'xor');
  await page.selectOption('[data-speed]', '20');
  await page.locator('[data-max-steps]').fill('500');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await page.getByRole('button', { name: 'Pause', exact: true }).waitFor();
  await page.getByRole('button', { name: 'Train', exact: true }).waitFor({ timeout: 20000 });
  await page.locator('[data-sample="1"]').click();
  await page.getByRole('button', { name: 'Re-centre', exact: true }).click();
  const top = await page.$eval('#samples', (element) => element.getBoundingClientRect().top + window.scrollY);
  const bottom = await page.$eval('.tools', (element) => element.getBoundingClientRect().bottom + window.scrollY);
  return { x: 0, y: top - 6, width: 1280, height: bottom - top + 18 };
}

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
    const clip = scene === 'tools' ? await trainXor(page) : await playPass(page, stage);
    await page.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished)));
    await page.mouse.move(0, 0);
    if (problems.length > 0) throw new Error(`the page reported errors:\n${problems.join('\n')}`);
    mkdirSync(path.dirname(out), { recursive: true });
    await page.screenshot(clip ? { path: out, clip, fullPage: true } : { path: out });
    const what = scene === 'tools' ? 'XOR after training, with the tools' : `${scene}, stage ${stage}`;
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
