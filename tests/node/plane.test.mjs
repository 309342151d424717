// The input plane through the real wasm module: one Float64Array holding every hidden and output
// neuron's map and their ends, equal to evaluate() at the grid points; bad windows throw Errors
// naming the field and the module keeps answering.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { wasm, SEED } from './wasm.mjs';

const isError = (pattern) => (e) => e instanceof Error && pattern.test(e.message);
const WINDOW = Object.freeze({ across: 0, up: 1, across_range: [-0.5, 1.5], up_range: [-1, 1], resolution: 5 });

test('plane(seed): h₁, h₂ and y over a 5×5 grid, then each one\'s lowest and highest', () => {
  const grid = wasm.plane(SEED, WINDOW);
  assert.ok(grid instanceof Float64Array);
  assert.equal(grid.length, 3 * (25 + 2));
  for (const [column, row] of [[0, 0], [4, 1], [2, 4]]) {
    const x = [-0.5 + column * 0.5, -1 + row * 0.5];
    const expected = wasm.evaluate({ ...SEED, x });
    const at = row * 5 + column;
    assert.equal(grid[at], expected.h1[0], `h₁ at ${x}`);
    assert.equal(grid[25 + at], expected.h1[1], `h₂ at ${x}`);
    assert.equal(grid[50 + at], expected.y[0], `y at ${x}`);
  }
  const maps = [0, 1, 2].map((k) => grid.subarray(k * 25, (k + 1) * 25));
  assert.deepEqual([...grid.subarray(75, 78)], maps.map((map) => Math.min(...map)));
  assert.deepEqual([...grid.subarray(78)], maps.map((map) => Math.max(...map)));
});

test('a 1-input network gets a curve: no up, resolution values per neuron', () => {
  const state = { x: [0.2], t: [0.5], w1: [[1.5]], b1: [0.1], w2: [[0.7]], b2: [0], lr: 0.1 };
  const grid = wasm.plane(state, { across: 0, across_range: [-1, 1], resolution: 11 });
  assert.equal(grid.length, 2 * (11 + 2));
  assert.equal(grid[11 + 10], wasm.evaluate({ ...state, x: [1] }).y[0]);
});

test('bad windows throw Errors naming the field; the module keeps answering', () => {
  const cases = [
    [{ ...WINDOW, resolution: 0 }, /^resolution must be a whole number from 2 to 256/],
    [{ ...WINDOW, resolution: NaN }, /^resolution must be a whole number/],
    [{ ...WINDOW, up: 1.5 }, /^up must be a whole number from 0 to 1/],
    [{ ...WINDOW, up: 0 }, /^across and up must be two different inputs$/],
    [{ ...WINDOW, across_range: [1, 1] }, /^across_range must be \[low, high\] with low < high/],
    [{ ...WINDOW, up_range: [0, Infinity] }, /^up_range\[1\] must be a finite number, got Infinity/],
    [{ across: 0, across_range: [0, 1], resolution: 8 }, /missing up/],
    ['window', /^the plane window must be an object/],
  ];
  for (const [window, message] of cases) {
    assert.throws(() => wasm.plane(SEED, window), isError(message), JSON.stringify(window));
  }
  assert.throws(() => wasm.plane({ ...SEED, x: [0.5] }, WINDOW), isError(/w1/));
  assert.equal(wasm.plane(SEED, WINDOW).length, 81, 'still answering');
});
