// The page's CSV reader and writer (www/model/csv.js): a good file reads, every kind of bad row is
// refused by its line and what is wrong, and what the page writes reads back to the same samples.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csvFileName, csvHeader, csvText, parseCsv } from '../../www/model/csv.js';
import { wasm, SEED } from './wasm.mjs';

const bad = (text, inputs = 2, outputs = 1) => {
  try {
    parseCsv(text, inputs, outputs);
  } catch (error) {
    return error.message;
  }
  throw new Error(`${JSON.stringify(text)} was read`);
};

test('a good file reads: header, spaces, blank lines, a byte-order mark and Windows line ends', () => {
  assert.deepEqual(parseCsv('\ufeffx1,x2,t\r\n0.5,-1,1\n\n 2e-3 , 4 ,0\n', 2, 1), [
    { x: [0.5, -1], t: [1] },
    { x: [0.002, 4], t: [0] },
  ]);
  assert.deepEqual(csvHeader(2, 1), ['x1', 'x2', 't']);
  assert.deepEqual(csvHeader(1, 2), ['x1', 't1', 't2']);
  assert.deepEqual(parseCsv('x1,t1,t2\n1,2,3', 1, 2), [{ x: [1], t: [2, 3] }]);
});

test('every kind of bad row is named by its line', () => {
  const empty = 'the file is empty: it needs the header row x1,x2,t and then one row of numbers per sample';
  const cases = [
    ['', empty],
    ['\n \n', empty],
    ['0.5,1,1\n1,1,0', 'line 1 must be the header x1,x2,t (for this network\'s 2 inputs and 1 output), but it is a row of numbers: the header row is missing'],
    ['x,y,label\n1,1,0', 'line 1 must be the header x1,x2,t (for this network\'s 2 inputs and 1 output), but it is “x,y,label”'],
    ['x1,x2,t\n', 'the file has the header x1,x2,t but no rows of numbers after it'],
    ['x1,x2,t\n1,2,0\n1,2', 'line 3 has 2 values but needs 3 (x1, x2, t): “1,2”'],
    ['x1,x2,t\n1,2,0,4', 'line 2 has 4 values but needs 3 (x1, x2, t): “1,2,0,4”'],
    ['x1,x2,t\n1,abc,0', 'line 2: x2 “abc” is not a number'],
    ['x1,x2,t\n1,0x10,0', 'line 2: x2 “0x10” is not a number'],
    ['x1,x2,t\n1,,0', 'line 2: x2 is empty'],
    ['x1,x2,t\n\n1,2,NaN', 'line 3: t “NaN” is not a finite number'],
    ['x1,x2,t\ninf,2,1', 'line 2: x1 “inf” is not a finite number'],
    ['x1,x2,t\n-Infinity,2,1', 'line 2: x1 “-Infinity” is not a finite number'],
    ['x1,x2,t\n1e999,2,1', 'line 2: x1 “1e999” is not a finite number'],
  ];
  for (const [text, message] of cases) assert.equal(bad(text), message, JSON.stringify(text));
  assert.equal(bad('x1,x2,t\n1,2,3', 3, 1), 'line 1 must be the header x1,x2,x3,t (for this network\'s 3 inputs and 1 output), but it is “x1,x2,t”');
});

test('too many rows, or targets the loss refuses, are refused by the core that checks the samples', () => {
  const rows = Array.from({ length: 501 }, (_, k) => `${k},0,1`).join('\n');
  const samples = parseCsv(`x1,x2,t\n${rows}`, 2, 1);
  assert.throws(() => wasm.validateState({ ...SEED, samples }), /^Error: samples must hold 1 to 500 samples, got 501$/);
  assert.equal(wasm.validateState({ ...SEED, samples: samples.slice(0, 500) }).samples.length, 500);
  assert.throws(() => wasm.validateState({ ...SEED, loss_fn: 'cross_entropy', samples: parseCsv('x1,x2,t\n1,2,3', 2, 1) }),
    /cross-entropy needs targets from 0 to 1, but samples\[0\]\.t\[0\] is 3/);
});

test('what the page writes reads back to the same samples, and writes the same text', () => {
  const state = wasm.generateDataset(SEED, { name: 'spirals', size: 50, noise: 0.1, seed: 4 });
  const text = csvText(state.samples, 2, 1);
  assert.ok(text.startsWith('x1,x2,t\n') && text.endsWith('\n'));
  assert.deepEqual(parseCsv(text, 2, 1), state.samples);
  assert.equal(csvText(parseCsv(text, 2, 1), 2, 1), text);
  const awkward = [{ x: [0.1 + 0.2, -0], t: [1e-7] }, { x: [123456789.123, 5e-324], t: [0] }];
  assert.deepEqual(parseCsv(csvText(awkward, 2, 1), 2, 1), [{ x: [0.1 + 0.2, 0], t: [1e-7] }, awkward[1]]);
  assert.equal(csvFileName(state), 'backprop-viz-spirals.csv');
  assert.equal(csvFileName(SEED), 'backprop-viz-data.csv');
});
