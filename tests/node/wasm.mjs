// Loads the real www/pkg module in Node, as `cargo xtask build` left it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const pkg = new URL('../../www/pkg/', import.meta.url);
export const wasm = await import(new URL('backprop_viz.js', pkg));
wasm.initSync({ module: readFileSync(fileURLToPath(new URL('backprop_viz_bg.wasm', pkg))) });

export const SEED = Object.freeze({
  x: [0.5, 0.3], t: [0.7], w1: [[0.2, 0.4], [0.1, 0.3]], b1: [0.1, 0.2],
  w2: [[0.5], [0.6]], b2: [0.1], lr: 0.1,
});
