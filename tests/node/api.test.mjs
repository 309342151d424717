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

test('evaluate gives the seed numbers as plain objects and arrays, the hidden layer named h1', () => {
  const r = wasm.evaluate(SEED);
  assert.equal(Object.getPrototypeOf(r), Object.prototype);
  assert.equal(Object.getPrototypeOf(r.grad), Object.prototype);
  assert.ok(Array.isArray(r.h1) && Array.isArray(r.grad.w1[0]));
  assert.deepEqual(Object.keys(r), ['z1', 'z2', 'h1', 'y', 'loss', 'grad', 'next', 'slope', 'dead']);
  assert.deepEqual(Object.keys(r.grad), ['z1', 'z2', 'h1', 'y', 'w1', 'b1', 'w2', 'b2']);
  assert.deepEqual(Object.keys(r.slope), ['z1', 'z2']);
  assert.equal(r.h, undefined, 'h is now h1');
  assert.deepEqual(r.dead, []);
  close(r.z1[0], 0.23, 'z1[0]');
  close(r.h1[0], 0.5572478546, 'h1[0]');
  close(r.h1[1], 0.6201064323, 'h1[1]');
  close(r.z2[0], 0.75068778670513187, 'z2[0]');
  close(r.y[0], 0.6793285460, 'y');
  close(r.loss, 0.00042730901119, 'E');
  close(r.slope.z2[0], 0.21784127259573784, 'σ′(z2)');
  close(r.grad.y[0], -0.041342908034640, '∂E/∂y');
  close(r.grad.z2[0], -0.0090061916990746, 'δ_out');
  close(r.grad.b2[0], -0.0090061916990746, '∂E/∂b2');
  close(r.grad.w2[0][0], -0.0050186810024126, '∂E/∂w2[0][0]');
  close(r.grad.w2[1][0], -0.0055847974035111, '∂E/∂w2[1][0]');
  close(r.grad.h1[0], -0.0045030958495373, '∂E/∂h1[0]');
  close(r.grad.h1[1], -0.0054037150194447, '∂E/∂h1[1]');
  close(r.grad.z1[0], -0.0011110158904518, 'δ_hidden[0]');
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
    'forward_1', 'forward_2', 'loss', 'grad_y', 'delta_2',
    'grad_w2', 'grad_h1', 'delta_1', 'grad_w1', 'update',
  ]);
  assert.deepEqual(tape.map((s) => s.title), [
    'Forward to hidden', 'Forward to output', 'Loss', '∂E/∂y', 'δ_out and ∂E/∂b⁽²⁾',
    '∂E/∂W⁽²⁾', '∂E/∂h', 'δ_hidden and ∂E/∂b⁽¹⁾', '∂E/∂W⁽¹⁾', 'Update',
  ]);
  assert.deepEqual(wasm.stageList(SEED), tape.map(({ id, index, title }) => ({ id, index, title })));
  const gradW2 = tape.find((s) => s.id === 'grad_w2');
  assert.deepEqual(gradW2.edges, ['w2.0.0', 'w2.1.0']);
  assert.deepEqual(gradW2.nodes, ['y.0', 'h1.0', 'h1.1']);
  const r = wasm.evaluate(SEED);
  assert.equal(gradW2.formulas[1].value, r.grad.w2[1][0]);
  assert.equal(gradW2.formulas[1].param, 'w2.1.0');
  assert.equal(gradW2.formulas[0].rhs.factors[1].kind, 'slope');
  assert.equal(gradW2.formulas[0].rhs.factors[1].function, 'sigmoid');
  assert.equal(tape[9].formulas.find((f) => f.target === 'w1.1.0').value, r.next.w1[1][0]);
  assert.equal(tape[6].formulas[1].target, 'h1.1');
  assert.equal(tape[6].formulas[1].value, r.grad.h1[1]);
  assert.ok(tape.every((s) => s.title && s.explanation && s.formulas.length > 0));
});

const BAD_STATES = [
  ['not an object', 42, /^the state must be an object/],
  ['undefined', undefined, /^the state must be an object/],
  ['an array', [1, 2], /^the state must be an object/],
  ['missing w1', seedWith('w1', undefined), /^the state has w2 but is missing w1: weight layers run w1, w2, … without gaps$/],
  ['x of 3 values', seedWith('x', [1, 2, 3]), /^w1 must be an array of 3 rows \(one per input, the length of x\), each an array of 2 numbers, got an array of 2 values$/],
  ['x of 5 values', seedWith('x', [1, 2, 3, 4, 5]), /^x must be an array of 1 to 4 numbers \(one per input\), got an array of 5 values$/],
  ['a flat w1', seedWith('w1', [0.2, 0.4, 0.1, 0.3]), /^w1 must be an array of rows/],
  ['w2 rows that are not w1 columns', { ...SEED, w1: [[1, 1, 1], [1, 1, 1]], b1: [0, 0, 0] },
    /^w2 must be an array of 3 rows \(one per neuron of layer 1, the columns of w1\), each an array of 1 number, got an array of 2 values$/],
  ['b1 of 3', seedWith('b1', [0, 0, 0]), /^b1 must be an array of 2 numbers \(one per column of w1\), got an array of 3 values$/],
  ['t of 2', seedWith('t', [0, 1]), /^t must be an array of 1 number \(one per output, the columns of w2\), got an array of 2 values$/],
  ['a gap', { x: SEED.x, t: SEED.t, w1: SEED.w1, b1: SEED.b1, w3: SEED.w2, b3: SEED.b2, lr: 0.1 }, /^the state has w3 but is missing w2: weight layers run w1, w2, … without gaps$/],
  ['9 hidden neurons', { ...SEED, w1: [Array(9).fill(1), Array(9).fill(1)], b1: Array(9).fill(0), w2: Array(9).fill([1]) },
    /^w1 must be an array of rows \(one column per neuron of hidden layer 1, 1 to 8\), got a first row that is an array of 9 values$/],
  ['w8', { ...SEED, w8: [[1]], b8: [0] }, /^the state has w8, but a network has at most 7 weight layers/],
  ['an unknown activation', { ...SEED, activations: ['sigmoid', 'softmax'] }, /^activations\[1\] must be one of "sigmoid", "tanh", "relu", "linear", got the string "softmax"$/],
  ['one activation too few', { ...SEED, activations: ['tanh'] }, /^activations must be an array of 2 names/],
  ['an unknown loss', { ...SEED, loss_fn: 'hinge' }, /^loss_fn must be one of "squared", "half_squared", "cross_entropy", got the string "hinge"$/],
  ['cross-entropy on tanh', { ...SEED, loss_fn: 'cross_entropy', activations: ['sigmoid', 'tanh'] }, /^cross-entropy needs a sigmoid output layer .* uses tanh/],
  ['cross-entropy target 1.5', { ...SEED, loss_fn: 'cross_entropy', t: [1.5] }, /^cross-entropy needs targets from 0 to 1, but t\[0\] is 1.5/],
  ['train_biases "no"', { ...SEED, train_biases: 'no' }, /^train_biases must be true or false, got the string "no"$/],
  ['init_seed -1', { ...SEED, init_seed: -1 }, /^init_seed must be a whole number from 0 to 4294967295, got the number -1 \(it is negative\)$/],
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
    const calls = [() => wasm.evaluate(state), () => wasm.stages(state), () => wasm.snapshot(state),
      () => wasm.validateState(state), () => wasm.train(state, 1)];
    for (const call of calls) {
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
    assert.throws(() => wasm.trainRun(SEED, steps),
      (e) => e instanceof Error && /^steps must be a whole number from 0 to 1000000, got /.test(e.message));
    assert.deepEqual(wasm.train(SEED, 1), wasm.evaluate(SEED).next);
  });
}

test('training that diverges: train throws naming the step, trainRun returns the error', () => {
  const state = { ...SEED, x: [1e300, 0], w1: [[1e-300, -1e-300], [0.1, 0.1]], lr: 1e5 };
  assert.throws(() => wasm.train(state, 100), (e) => e instanceof Error
    && /^training stopped at step 2 of 100: the result overflowed: z1\[0\] would be/.test(e.message));
  const run = wasm.trainRun(state, 100);
  // The state after step 1 already overflows in its forward pass, so the run ends at the start.
  assert.equal(run.steps, 0);
  assert.deepEqual(run.losses, []);
  assert.deepEqual(run.state, state);
  assert.equal(run.error.field, 'z1[0]');
  assert.equal(run.error.message, 'the result overflowed: z1[0] would be Infinity; the inputs or weights are too large for 64-bit floating point');
  assert.ok(Number.isFinite(run.loss));
  assert.equal(wasm.trainRun(SEED, 3).error, undefined, 'no error field when nothing overflowed');
});

test('a hostile object (a throwing getter) gives an Error, and the module survives', () => {
  const hostile = { ...SEED };
  Object.defineProperty(hostile, 'w1', { enumerable: true, get() { throw new Error('boom'); } });
  assert.throws(() => wasm.evaluate(hostile), Error);
  for (let i = 0; i < 1000; i += 1) close(wasm.evaluate(SEED).y[0], 0.6793285460, 'y');
});

test('numbers in messages and scripts are written as JavaScript writes them (the wasm formats no float)', () => {
  const message = (call) => {
    try {
      call();
    } catch (error) {
      return error.message;
    }
    return assert.fail('expected an Error');
  };
  assert.equal(message(() => wasm.finiteDifferences(SEED, 5)), 'eps must be a number from 1e-12 to 1, got 5');
  assert.match(message(() => wasm.evaluate({ ...SEED, loss_fn: 'cross_entropy', t: [1e-7 - 1] })),
    /but t\[0\] is -0\.9999999; /);
  assert.match(message(() => wasm.evaluate({ ...SEED, lr: 'fast' })), /got the string "fast"/);
  assert.match(message(() => wasm.validateState({ ...SEED, test_fraction: 2.5 })), /got the number 2\.5$/);
  const numpy = wasm.numpyScript({ ...SEED, lr: 2, w1: [[1e-7, 0.4], [0.1, 1e21]] });
  assert.match(numpy, /^lr = 2\.0$/m, 'a whole number is a Python float');
  assert.match(numpy, /1e-7, 0\.4/);
  assert.match(numpy, /0\.1, 1e\+21/);
  // No mark of a number is left anywhere the core writes text.
  const texts = JSON.stringify([wasm.presets(), wasm.stages(SEED), wasm.describe(SEED), numpy,
    wasm.pytorchScript(SEED), wasm.trainRun({ ...SEED, x: [1e300, 0], w1: [[1e-300, -1e-300], [0.1, 0.1]], lr: 1e5 }, 100)]);
  assert.ok(!/[\ue000\ue001]/.test(texts));
});
