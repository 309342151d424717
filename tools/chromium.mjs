// Debian's Chromium, headless, with the flags that keep it quiet on a closed network
// (see ../shared/TOOLCHAIN.md). CHROMIUM_PATH overrides /usr/bin/chromium.

import { chromium } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Launches headless Chromium; close it with `await browser.close()`. */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}
