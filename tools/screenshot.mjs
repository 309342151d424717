// Regenerates the README's screenshot: the page at 1280×800, mid-pass (stage 6, ∂E/∂W⁽²⁾ shown).
// It builds nothing: run `cargo xtask build` first so that www/pkg exists.
//
//   node tools/screenshot.mjs [--stage 6] [--out docs/screenshot.png]

import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from './static-server.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function parseArgs(argv) {
  const options = { stage: 6, out: path.join(ROOT, 'docs', 'screenshot.png') };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (flag === '--stage') options.stage = Number(value);
    else if (flag === '--out') options.out = path.resolve(value);
    else throw new Error(`unknown argument ${flag} (expected --stage or --out)`);
  }
  if (!Number.isInteger(options.stage) || options.stage < 0 || options.stage > 10) {
    throw new Error('--stage must be a whole number from 0 to 10');
  }
  return options;
}

async function capture({ stage, out }) {
  if (!existsSync(path.join(ROOT, 'www', 'pkg', 'backprop_viz.js'))) {
    throw new Error('www/pkg is missing: run `cargo xtask build` first');
  }
  const server = await startServer({ root: path.join(ROOT, 'www'), port: 0 });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const problems = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(server.url);
    await page.waitForSelector('body[data-ready="true"]');
    const step = page.getByRole('button', { name: 'Step backprop', exact: true });
    for (let played = 0; played < stage; played += 1) await step.click();
    const counter = `${stage} / 10`;
    await page.waitForFunction((text) => document.querySelector('.card-counter')?.textContent === text, counter);
    await page.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished)));
    await page.mouse.move(0, 0);
    if (problems.length > 0) throw new Error(`the page reported errors:\n${problems.join('\n')}`);
    mkdirSync(path.dirname(out), { recursive: true });
    await page.screenshot({ path: out });
    console.log(`screenshot: wrote ${path.relative(process.cwd(), out)} (stage ${stage} of 10)`);
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
