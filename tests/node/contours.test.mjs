// Contour lines by marching squares (www/tools/contours.js), on grids small enough to check by
// hand: the box is 100 × 100, the grid's first row at the bottom.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contourPath, hundredths } from '../../www/tools/contours.js';
import { mulberry32 } from '../prng.mjs';

// Rising to the right, 0, 1, 2 in every row: 3 × 3 values, 2 × 2 cells of 50 × 50.
const RAMP = [0, 1, 2, 0, 1, 2, 0, 1, 2];

test('a level crosses the cells whose corners lie on both sides of it, where it interpolates', () => {
  assert.equal(contourPath(RAMP, 3, [0.5]), 'M25.00 100.00L25.00 50.00M25.00 50.00L25.00 0.00');
  assert.equal(contourPath(RAMP, 3, [1.5]), 'M75.00 100.00L75.00 50.00M75.00 50.00L75.00 0.00');
});

test('levels are drawn cell by cell, and a level outside the values draws nothing', () => {
  assert.equal(contourPath(RAMP, 3, [0.5, 1.5, 5]),
    'M25.00 100.00L25.00 50.00M75.00 100.00L75.00 50.00M25.00 50.00L25.00 0.00M75.00 50.00L75.00 0.00');
  assert.equal(contourPath(RAMP, 3, [-1, 3]), '');
});

test('a cell with a value that is not a number draws no contour through it', () => {
  const path = contourPath([0, 1, 2, 0, 1, 2, 0, 1, Number.NaN], 3, [0.5, 1.5]);
  assert.equal(path, 'M25.00 100.00L25.00 50.00M75.00 100.00L75.00 50.00M25.00 50.00L25.00 0.00');
  assert.doesNotMatch(path, /NaN/);
});

test('coordinates are written exactly as toFixed(2) writes them, halves and all', () => {
  const seed = 20261201;
  const random = mulberry32(seed);
  const values = [0, -0, 100, 0.005, 0.015, 0.125, 1.005, 2.675, 50.5, 99.995, 1e-9, -0.004, -3.2,
    Number.NaN, 2 ** 40];
  for (let k = 0; k < 100_000; k += 1) {
    // Anywhere in the box, on a multiple of 0.005, and on a half-hundredth.
    values.push(random() * 100, Math.round(random() * 20_000) / 200,
      (Math.round(random() * 10_000) + 0.5) / 100);
  }
  for (const value of values) assert.equal(hundredths(value), value.toFixed(2), `${value} (seed ${seed})`);
});
