// A state saved by the 2-2-1 page still loads through the real wasm module: the same state and
// the same numbers the old core gave (recorded in tests/common/page-v1.json), with the hidden
// layer now named h1 and σ′ now slope.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { wasm } from './wasm.mjs';

const FIXTURE = JSON.parse(readFileSync(new URL('../common/page-v1.json', import.meta.url), 'utf8'));

/**
 * Asserts `actual` has the shape, keys and strings of `expected` and numbers within 1e-12
 * relative: the fixture was recorded by the native build, and in wasm `exp`, `ln` and `tanh`
 * come from Rust's own libm, which may differ from the platform's in the last bit.
 */
function assertNear(actual, expected, path = '') {
  if (typeof expected === 'number') {
    assert.equal(typeof actual, 'number', path);
    assert.ok(Math.abs(actual - expected) <= 1e-12 * Math.max(Math.abs(expected), 1e-300), `${path}: ${actual} vs ${expected}`);
  } else if (Array.isArray(expected)) {
    assert.ok(Array.isArray(actual) && actual.length === expected.length, `${path}: length`);
    expected.forEach((e, i) => assertNear(actual[i], e, `${path}[${i}]`));
  } else if (expected !== null && typeof expected === 'object') {
    assert.deepEqual(Object.keys(actual).sort(), Object.keys(expected).sort(), `${path}: keys`);
    for (const key of Object.keys(expected)) assertNear(actual[key], expected[key], `${path}.${key}`);
  } else {
    assert.equal(actual, expected, path);
  }
}

/** The old evaluate() result in today's names. */
function renamed(old) {
  const { h, sigma_prime: slopes, grad: { h: gradH, ...grad }, ...rest } = structuredClone(old);
  return { ...rest, h1: h, slope: { z1: slopes.h, z2: slopes.y }, grad: { ...grad, h1: gradH }, dead: [] };
}

/** An evaluate() result without what is newer than the fixture: a classification's accuracy. */
function withoutNewer(evaluation) {
  const copy = structuredClone(evaluation);
  delete copy.batch?.accuracy;
  return copy;
}

test('the fixture holds the old page\'s options', () => {
  assert.ok(FIXTURE.length >= 7);
  for (const key of ['loss_fn', 'update', 'samples', 'mode']) {
    assert.ok(FIXTURE.some((e) => key in e.saved), key);
  }
});

for (const entry of FIXTURE) {
  test(`a saved state loads unchanged: ${entry.name}`, () => {
    // Loading a file goes through validateState, which writes the canonical form: the same JSON.
    assert.deepStrictEqual(wasm.validateState(entry.saved), entry.saved);
    assert.deepStrictEqual(wasm.validateState(entry.input), entry.saved);
    assertNear(withoutNewer(wasm.evaluate(entry.saved)), renamed(entry.evaluate));
    assertNear(withoutNewer(wasm.snapshot(entry.saved).evaluation), renamed(entry.evaluate));
    assertNear(wasm.train(entry.saved, 25), entry.train_25);
    assertNear(wasm.trainRun(entry.saved, 25).losses, entry.losses_25);
    assert.deepStrictEqual(wasm.describe(entry.saved).widths, [2, 2, 1]);
  });
}

test('the seed\'s tape has the old titles and numbers', () => {
  const old = FIXTURE.find((e) => e.name === 'preset seed').stages;
  const tape = wasm.stages(FIXTURE[0].saved);
  assert.deepStrictEqual(tape.map((s) => s.title), old.map((s) => s.title));
  assertNear(tape.map((s) => s.formulas.map((f) => f.value)), old.map((s) => s.formulas.map((f) => f.value)));
  assert.deepStrictEqual(tape.map((s) => s.edges), old.map((s) => s.edges));
  assert.deepStrictEqual(tape.map((s) => s.nodes), old.map((s) => s.nodes.map((n) => n.replace(/^h\./, 'h1.'))));
});
