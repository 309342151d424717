// The real www/pkg module in Node: the seed's numbers, plain results, and bad input that throws
// an Error naming its field while the module keeps answering.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { wasm, SEED } from './wasm.mjs';

function close(actual, expected, what) {
  assert.ok(Math.abs(actual - expected) <= 1e-9 * Math.abs(expected),
    `${what}: got ${actual}, expected ${expected}`);
}

function seedWith(field, value) {
  const state = structuredClone(SEED);
  if (value === undefined) delete state[field]; else state[field] = value;
  return state;
}

test('defaultState is the seed', () => {
  assert.deepEqual(wasm.defaultState(), SEED);
});

test('evaluate gives the seed numbers as plain objects and arrays', () => {
  const r = wasm.evaluate(SEED);
  assert.equal(Object.getPrototypeOf(r), Object.prototype);
  assert.equal(Object.getPrototypeOf(r.grad), Object.prototype);
  assert.ok(Array.isArray(r.h) && Array.isArray(r.grad.w1[0]));
  assert.deepEqual(Object.keys(r), ['z1', 'h', 'z2', 'y', 'loss', 'grad', 'next', 'sigma_prime']);
  assert.deepEqual(Object.keys(r.grad), ['y', 'z2', 'h', 'z1', 'w1', 'b1', 'w2', 'b2']);
  close(r.h[0], 0.5572478546, 'h[0]');
  close(r.h[1], 0.6201064323, 'h[1]');
  close(r.y[0], 0.6793285460, 'y');
  close(r.loss, 0.00042730901119, 'E');
  close(r.grad.y[0], -0.041342908034640, '∂E/∂y');
  close(r.grad.b2[0], -0.0090061916990746, '∂E/∂b2');
  close(r.grad.w2[0][0], -0.0050186810024126, '∂E/∂w2[0][0]');
  close(r.grad.w2[1][0], -0.0055847974035111, '∂E/∂w2[1][0]');
  close(r.grad.h[0], -0.0045030958495373, '∂E/∂h[0]');
  close(r.grad.h[1], -0.0054037150194447, '∂E/∂h[1]');
  close(r.grad.b1[0], -0.0011110158904518, '∂E/∂b1[0]');
  close(r.grad.b1[1], -0.0012729771661565, '∂E/∂b1[1]');
  close(r.grad.w1[0][0], -0.00055550794522591, '∂E/∂w1[0][0]');
  close(r.grad.w1[0][1], -0.00063648858307826, '∂E/∂w1[0][1]');
  close(r.grad.w1[1][0], -0.00033330476713555, '∂E/∂w1[1][0]');
  close(r.grad.w1[1][1], -0.00038189314984696, '∂E/∂w1[1][1]');
  close(r.next.w1[0][0], 0.20005555079452259, 'next w1[0][0]');
  close(r.next.w1[1][1], 0.3000381893149847, 'next w1[1][1]');
  close(r.next.w2[0][0], 0.50050186810024126, 'next w2[0][0]');
  close(r.next.w2[1][0], 0.60055847974035111, 'next w2[1][0]');
  close(r.next.b1[0], 0.10011110158904518, 'next b1[0]');
  close(r.next.b1[1], 0.20012729771661565, 'next b1[1]');
  close(r.next.b2[0], 0.10090061916990746, 'next b2');
});

test('train equals repeated evaluate(..).next', () => {
  assert.deepEqual(wasm.train(SEED, 0), SEED);
  let expected = SEED;
  for (let i = 0; i < 5; i += 1) expected = wasm.evaluate(expected).next;
  assert.deepEqual(wasm.train(SEED, 5), expected);
  assert.ok(wasm.evaluate(wasm.train(SEED, 1000)).loss < wasm.evaluate(SEED).loss);
});

test('stages is the ten-stage tape with the numbers evaluate gives', () => {
  const tape = wasm.stages(SEED);
  assert.deepEqual(tape.map((s) => s.id), [
    'forward_hidden', 'forward_output', 'loss', 'grad_y', 'delta_out',
    'grad_w2', 'grad_h', 'delta_hidden', 'grad_w1', 'update',
  ]);
  const gradW2 = tape.find((s) => s.id === 'grad_w2');
  assert.deepEqual(gradW2.edges, ['w2.0.0', 'w2.1.0']);
  const r = wasm.evaluate(SEED);
  assert.equal(gradW2.formulas[1].value, r.grad.w2[1][0]);
  assert.equal(tape[9].formulas.find((f) => f.target === 'w1.1.0').value, r.next.w1[1][0]);
  assert.ok(tape.every((s) => s.title && s.explanation && s.formulas.length > 0));
});

const BAD_STATES = [
  ['not an object', 42, /^the state must be an object/],
  ['undefined', undefined, /^the state must be an object/],
  ['an array', [1, 2], /^the state must be an object/],
  ['missing w1', seedWith('w1', undefined), /^the state is missing w1/],
  ['x of 3 values', seedWith('x', [1, 2, 3]), /^x must be an array of 2 numbers, got an array of 3 values$/],
  ['a flat w1', seedWith('w1', [0.2, 0.4, 0.1, 0.3]), /^w1 must be an array of 2 rows/],
  ['NaN in w1', seedWith('w1', [[0.2, NaN], [0.1, 0.3]]), /^w1\[0\]\[1\] must be a finite number, got NaN$/],
  ['Infinity in b1', seedWith('b1', [Infinity, 0.2]), /^b1\[0\] must be a finite number, got Infinity$/],
  ['-Infinity lr', seedWith('lr', -Infinity), /^lr must be a finite number, got -Infinity$/],
  ['a string in x', seedWith('x', [0.5, '0.3']), /^x\[1\] must be a finite number, got the string "0.3"$/],
  ['an unknown field', { ...SEED, W1: 1 }, /unknown field "W1"/],
  ['deep nesting', seedWith('w1', JSON.parse('['.repeat(5000) + ']'.repeat(5000))), /nested more than/],
  ['overflow', { ...SEED, x: [1e308, 1e308], w1: [[1e308, 1e308], [1e308, 1e308]] }, /the result overflowed: z1\[0\]/],
];

for (const [name, state, message] of BAD_STATES) {
  test(`bad state (${name}) throws an Error and the module keeps answering`, () => {
    for (const call of [() => wasm.evaluate(state), () => wasm.stages(state), () => wasm.train(state, 1)]) {
      assert.throws(call, (e) => e instanceof Error && message.test(e.message));
    }
    close(wasm.evaluate(SEED).y[0], 0.6793285460, 'y after the error');
  });
}

const BAD_STEPS = [1.5, -1, 1000001, NaN, Infinity, '10', undefined, null];
for (const steps of BAD_STEPS) {
  test(`bad steps (${String(steps)}) throws an Error naming steps`, () => {
    assert.throws(() => wasm.train(SEED, steps),
      (e) => e instanceof Error && /^steps must be a whole number from 0 to 1000000, got /.test(e.message));
    assert.deepEqual(wasm.train(SEED, 1), wasm.evaluate(SEED).next);
  });
}

test('training that diverges stops with an Error naming the step', () => {
  const state = { ...SEED, x: [1e300, 0], w1: [[1e-300, -1e-300], [0.1, 0.1]], lr: 1e5 };
  assert.throws(() => wasm.train(state, 100), (e) => e instanceof Error && /^training stopped at step 2 of 100: the result overflowed: z1\[0\] would be/.test(e.message));
});

test('a hostile object (a throwing getter) gives an Error, and the module survives', () => {
  const hostile = { ...SEED };
  Object.defineProperty(hostile, 'w1', { enumerable: true, get() { throw new Error('boom'); } });
  assert.throws(() => wasm.evaluate(hostile), Error);
  for (let i = 0; i < 1000; i += 1) close(wasm.evaluate(SEED).y[0], 0.6793285460, 'y');
});
