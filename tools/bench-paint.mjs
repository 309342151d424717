// First contentful paint of the production build (dist/) on a local server with a cold cache, and
// of the unbundled sources (www/) for comparison, in headless Chromium. Each load gets a fresh
// browser context, so nothing is cached; the paint time is the Performance API's
// `first-contentful-paint` entry, and "ready" is when the page marks its body data-ready (the
// core loaded and the first render done). It builds nothing: run `cargo xtask build` first (or
// use `cargo xtask bench`, which does both).
//
//   node tools/bench-paint.mjs

import { fileURLToPath } from 'node:url';
import { launchChromium } from './chromium.mjs';
import { startServer } from './static-server.mjs';

const LOADS = 9;
const TARGET_MS = 150;
const TREES = [
  { name: 'dist/ (production build)', root: fileURLToPath(new URL('../dist/', import.meta.url)) },
  { name: 'www/ (unbundled, --dev)', root: fileURLToPath(new URL('../www/', import.meta.url)) },
];

/** In the page, before its scripts: records when the body becomes data-ready. */
function watchReady() {
  new MutationObserver((_, observer) => {
    if (document.body?.dataset.ready === 'true') {
      window.readyAt = performance.now();
      observer.disconnect();
    }
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-ready'] });
}

/** One cold load: `{ fcp, ready }` in ms from the start of navigation. */
async function coldLoad(browser, url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(watchReady);
    await page.goto(url);
    await page.waitForSelector('body[data-ready="true"]');
    return await page.evaluate(() => new Promise((resolve) => {
      new PerformanceObserver((list, observer) => {
        const [paint] = list.getEntriesByName('first-contentful-paint');
        if (paint) {
          observer.disconnect();
          resolve({ fcp: paint.startTime, ready: window.readyAt });
        }
      }).observe({ type: 'paint', buffered: true });
    }));
  } finally {
    await context.close();
  }
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const spread = (values) => `median ${median(values).toFixed(0)} ms (${Math.min(...values).toFixed(0)}–${Math.max(...values).toFixed(0)})`;

const browser = await launchChromium();
try {
  console.log(`First contentful paint, local server, cold cache (a fresh context per load, ${LOADS} loads each):`);
  for (const tree of TREES) {
    const server = await startServer({ root: tree.root, port: 0 });
    try {
      const loads = [];
      for (let i = 0; i < LOADS; i += 1) loads.push(await coldLoad(browser, server.url));
      const fcp = loads.map((load) => load.fcp);
      const verdict = median(fcp) <= TARGET_MS ? 'target met' : 'target not yet met';
      console.log(`  ${tree.name.padEnd(26)} FCP ${spread(fcp)}, target ≤ ${TARGET_MS} ms: ${verdict}; ready ${spread(loads.map((load) => load.ready))}`);
    } finally {
      await server.close();
    }
  }
} finally {
  await browser.close();
}
