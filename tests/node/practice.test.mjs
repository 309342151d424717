// Practice mode's checker in Node, against the real core: reading what a learner types, the
// 10⁻³ tolerance, naming a mistake from the core's candidates, the score and its link field,
// the words for each mistake, and seeded exercises.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { wasm, SEED } from './wasm.mjs';
import { decodeQuestions } from '../../www/core/questions.js';
import { createNetwork } from '../../www/core/network.js';
import { mistakeText } from '../../www/model/mistakes.js';
import {
  checkAnswer, createPractice, practiceFieldText, readAnswer, readPracticeField, within,
} from '../../www/model/practice.js';

const kinds = wasm.mistakeKinds().split(',');
const questionsOf = (state) => decodeQuestions(wasm.practice(state), kinds);
const seedTape = wasm.stages(SEED);
const stageIndexOf = (id) => seedTape.findIndex((stage) => stage.id === id) + 1;

/** A snapshot of the seed pass at stage `stageIndex`, as pass.js shapes it. */
function snapshotAt(stageIndex, stages = seedTape) {
  return { state: SEED, network: createNetwork(wasm.describe(SEED)), stages, stageIndex, beforeUpdate: null, change: { kind: 'step' } };
}

test('an answer is read as a learner types it, and junk is refused with a reason', () => {
  assert.deepEqual(readAnswer(' −0.005019 '), { value: -0.005019 });
  assert.deepEqual(readAnswer('5.02e-3'), { value: 0.00502 });
  assert.deepEqual(readAnswer('0,5'), { value: 0.5 });
  assert.deepEqual(readAnswer('.25'), { value: 0.25 });
  for (const junk of ['', 'abc', '1/2', '0.1.2', '--1']) assert.ok(readAnswer(junk).error, `“${junk}” is refused`);
  assert.match(readAnswer('1e999').error, /too large/);
});

test('right means within a relative 10⁻³, the figure the core sends', () => {
  const { tolerance, stages } = questionsOf(SEED);
  assert.equal(tolerance, 1e-3);
  assert.equal(stages.length, seedTape.length);
  stages.forEach((questions, s) => questions.forEach((q, f) => assert.equal(q.value, seedTape[s].formulas[f].value)));
  assert.ok(within(1.0009, 1, tolerance) && !within(1.0011, 1, tolerance));
  assert.ok(within(0, 0, tolerance) && !within(1e-12, 0, tolerance));
});

test('a wrong answer names the mistake whose value it matches, or none', () => {
  const { tolerance, stages } = questionsOf(SEED);
  const gradY = stages[stageIndexOf('grad_y') - 1][0];
  const value = wasm.evaluate(SEED).grad.y[0];
  assert.deepEqual(checkAnswer(Number(value.toPrecision(4)), gradY, tolerance), { right: true, mistake: null });
  assert.equal(checkAnswer(-value, gradY, tolerance).mistake.kind, 'sign');
  assert.equal(checkAnswer(value / 2, gradY, tolerance).mistake.kind, 'missing_factor_2');
  assert.deepEqual(checkAnswer(value * 1.1, gradY, tolerance), { right: false, mistake: null });
  const half = questionsOf({ ...SEED, loss_fn: 'half_squared' }).stages[stageIndexOf('grad_y') - 1][0];
  assert.equal(checkAnswer(half.value / 2, half, tolerance).mistake, null, 'no factor 2 under ½(y − t)²');
  assert.throws(() => decodeQuestions(wasm.practice(SEED).slice(0, 20), kinds), /cut short/);
});

test('each mistake is worded with the symbols of its formula', () => {
  const snapshot = snapshotAt(stageIndexOf('grad_w1'));
  const formula = seedTape[stageIndexOf('grad_w1') - 1].formulas[1];
  assert.equal(formula.param, 'w1.0.1');
  assert.equal(mistakeText('swapped_index', formula, snapshot), 'swapped weight indices: that is ∂E/∂w⁽¹⁾₂₁, not ∂E/∂w⁽¹⁾₁₂');
  assert.match(mistakeText('updated_weights', formula, snapshot), /already-updated output weights W⁽²⁾/);
  assert.match(mistakeText('slope_from_z', formula, snapshot), /sigmoid_derivative\(x\) = x \* \(1 - x\)/);
  const tanh = { ...snapshot, network: createNetwork(wasm.describe({ ...SEED, activations: ['tanh', 'sigmoid'] })) };
  assert.match(mistakeText('slope_from_z', formula, tanh), /^tanh′ taken from z/);
  assert.match(mistakeText('step_direction', formula, { ...snapshot, state: { ...SEED, update: 'ascent' } }), /set to add/);
  for (const kind of kinds) assert.ok(mistakeText(kind, formula, snapshot).length > 20, kind);
  // z⁽¹⁾₁ sums x₂·w⁽¹⁾₂₁: the swap reads w⁽¹⁾₁₂ there (the example).
  const z1 = seedTape[0].formulas[0];
  assert.equal(z1.kind, 'pre_activation');
  assert.match(mistakeText('swapped_index', z1, snapshot), /^swapped weight indices: w⁽¹⁾₁₂ in place of w⁽¹⁾₂₁ /);
  const mazur = { ...SEED, w2: [[0.4, 0.5], [0.45, 0.55]], b2: [0.6, 0.6], t: [0.01, 0.99] };
  const mazurTape = wasm.stages(mazur);
  const gradH = mazurTape.find((stage) => stage.id === 'grad_h1').formulas[0];
  const mazurSnapshot = { ...snapshot, network: createNetwork(wasm.describe(mazur)) };
  assert.match(mistakeText('swapped_index', gradH, mazurSnapshot), /^swapped weight indices: w⁽²⁾₂₁ in place of w⁽²⁾₁₂ /);
});

test('the score counts right, hints and missed per pass; a new pass keeps the last one as previous', () => {
  const practice = createPractice({ practice: questionsOf });
  const start = snapshotAt(0);
  practice.setOn(true, start);
  const at = snapshotAt(stageIndexOf('grad_y'));
  practice.follow(at);
  assert.equal(practice.hidden(at.stageIndex, 0, at), true, 'the current stage is the learner\'s');
  assert.equal(practice.hidden(1, 0, at), false, 'a stage left behind is shown');
  assert.equal(practice.hidden(at.stageIndex + 1, 0, at), true, 'a stage to come is hidden');
  const value = wasm.evaluate(SEED).grad.y[0];
  const missed = practice.answer(at, 0, -value);
  assert.equal(missed.status, 'missed');
  assert.equal(missed.mistake.kind, 'sign');
  assert.match(missed.mistake.explanation, /sign error/);
  assert.equal(practice.answer(at, 0, value).status, 'missed', 'one answer per value');
  assert.equal(practice.hidden(at.stageIndex, 0, at), false);
  const delta = snapshotAt(stageIndexOf('delta_2'));
  practice.answer(delta, 0, wasm.evaluate(SEED).slope.z2[0]);
  practice.showMe(delta, 1);
  assert.deepEqual(practice.score(), { right: 1, hints: 1, missed: 1 });
  assert.equal(practiceFieldText(practice.score()), '1,1,1');

  practice.follow(snapshotAt(1, wasm.stages(wasm.evaluate(SEED).next)));
  assert.deepEqual(practice.score(), { right: 0, hints: 0, missed: 0 });
  assert.deepEqual(practice.previous, { right: 1, hints: 1, missed: 1 });
});

test('the link field is "on" or right,hints,missed, and anything else is refused by name', () => {
  assert.equal(practiceFieldText({ right: 0, hints: 0, missed: 0 }), 'on');
  assert.deepEqual(readPracticeField('on'), { right: 0, hints: 0, missed: 0 });
  assert.deepEqual(readPracticeField('5,1,0'), { right: 5, hints: 1, missed: 0 });
  for (const bad of ['off', '5,1', '1,2,x', '-1,0,0', '']) assert.throws(() => readPracticeField(bad), /^Error: practice must be/);
});

test('a new exercise is seeded and has one-decimal numbers; a bad seed is refused by name', () => {
  const first = wasm.exercise(SEED, 12);
  assert.deepEqual(first, wasm.exercise(SEED, 12));
  assert.notDeepEqual(first, wasm.exercise(SEED, 13));
  const numbers = [first.x, first.t, first.w1, first.b1, first.w2, first.b2].flat(2);
  assert.ok(numbers.every((v) => Math.abs(v * 10 - Math.round(v * 10)) < 1e-9), numbers.join());
  assert.equal(first.lr, SEED.lr);
  assert.throws(() => wasm.exercise(SEED, -1), /seed/);
  assert.throws(() => wasm.practice({ ...SEED, x: [NaN, 0] }), /x\[0\]/);
});
