// Contour lines by marching squares (www/tools/contours.js), on grids small enough to check by
// hand: the box is 100 × 100, the grid's first row at the bottom.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contourPath } from '../../www/tools/contours.js';

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
