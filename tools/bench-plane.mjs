// Training with the input plane in Chromium (issue 12): a 2-8-8-1 tanh network on 200 samples
// (benches/train-2-8-8-1.json), trained at the page's default 10 steps per frame while the
// output map (64 × 64) and all 17 neuron thumbnails are repainted every frame, the plane in view
// (as a learner watches it). Reports the interval between frames (p50, p95, and the share within
// one frame: 16.7 ms at 60 fps), the page's own work in each frame, how many frames repainted
// the thumbnails, and the long tasks (over 50 ms). It builds nothing: run `cargo xtask build`
// first (or use `cargo xtask bench`, which does both).
//
//   node tools/bench-plane.mjs

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './chromium.mjs';
import { startServer } from './static-server.mjs';

const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
const STATE = new URL('../benches/train-2-8-8-1.json', import.meta.url);
const FRAMES = 300;
const TARGET_MS = 17;

/**
 * In the page, while it trains: `FRAMES` animation frames, each one's interval from the last,
 * the time from its start to the end of the page's own frame callback (registered before this
 * one, so it runs first), whether the output thumbnail was repainted, and the long tasks seen.
 */
function measureFrames(frames) {
  return new Promise((resolve) => {
    const longTasks = [];
    new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((e) => e.duration)))
      .observe({ type: 'longtask' });
    const thumbnail = document.querySelector('[data-thumbnail="y.0"]');
    const intervals = [];
    const work = [];
    let repainted = 0;
    let last = null;
    let painted = thumbnail.dataset.painted;
    const tick = (start) => {
      work.push(performance.now() - start);
      if (last !== null) intervals.push(start - last);
      last = start;
      if (thumbnail.dataset.painted !== painted) repainted += 1;
      painted = thumbnail.dataset.painted;
      if (work.length < frames) requestAnimationFrame(tick);
      else resolve({ intervals, work, repainted, longTasks });
    };
    requestAnimationFrame(tick);
  });
}

const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
};

const server = await startServer({ root: DIST, port: 0 });
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(server.url);
  await page.waitForSelector('body[data-ready="true"]');
  await page.locator('[data-load-state]').setInputFiles({
    name: 'train-2-8-8-1.json', mimeType: 'application/json', buffer: readFileSync(STATE),
  });
  await page.waitForFunction(() => document.querySelector('[data-plane]')?.dataset.samples === '200');
  await page.selectOption('[data-speed]', '10');
  await page.locator('[data-max-steps]').fill('1000000');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await page.getByRole('button', { name: 'Pause', exact: true }).waitFor();
  await page.locator('[data-plane]').evaluate((plane) => plane.scrollIntoView({ block: 'center' }));
  const result = await page.evaluate(measureFrames, FRAMES);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  const ms = (value) => `${value.toFixed(1)} ms`;
  const p95 = quantile(result.intervals, 0.95);
  console.log('Chromium, training a 2-8-8-1 tanh network on 200 points, 10 steps per frame, with the');
  console.log('input plane (64×64) and 17 neuron thumbnails repainted every frame (dist/):');
  const onTime = result.intervals.filter((interval) => interval <= TARGET_MS).length / result.intervals.length;
  console.log(`  frame interval   p50 ${ms(quantile(result.intervals, 0.5))}, p95 ${ms(p95)} `
    + `(target ≤ ${TARGET_MS} ms: ${p95 <= TARGET_MS ? 'met' : 'not met'}); ${(100 * onTime).toFixed(0)} % of frames within one frame`);
  console.log(`  the page's work  p50 ${ms(quantile(result.work, 0.5))}, p95 ${ms(quantile(result.work, 0.95))} per frame`);
  // A frame without a repaint had no new state: the training worker's answer came a frame late.
  console.log(`  thumbnails repainted in ${result.repainted} of ${FRAMES - 1} frames (the others had no new state yet); `
    + `${result.longTasks.length} long task${result.longTasks.length === 1 ? '' : 's'}`
    + `${result.longTasks.length ? ` (longest ${ms(Math.max(...result.longTasks))})` : ''}`);
} finally {
  await browser.close();
  await server.close();
}
