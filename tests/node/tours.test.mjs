// The walk-throughs (www/tours/) against the real core: every step opens, every template in
// every text resolves to the core's number at that step, the numbers the texts hinge on are the
// ones a direct core call gives, every task can be done, and step links read back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { wasm } from './wasm.mjs';
import { createNetwork } from '../../www/core/network.js';
import { formatNumber } from '../../www/lib/format.js';
import { decodeTourLink, tourLink } from '../../www/model/link.js';
import { createProgress, decodeTourStart, setupAt, stepText, taskDone } from '../../www/model/tour.js';
import { TOURS } from '../../www/tours/index.js';

const engine = { ...wasm, network: (state) => createNetwork(wasm.describe(state)) };
const presets = wasm.presets();
const presetState = (id) => presets.find((p) => p.id === id).state;
const tour = (id) => TOURS.find((t) => t.id === id);
const textOf = (id, index) => stepText(engine, presets, tour(id).steps[index]);
const J = (evaluation) => evaluation.batch?.loss ?? evaluation.loss;
const TASK_KEYS = new Set(['text', 'reach', 'back', 'below', 'above', 'option', 'value', 'updates']);

/** A page snapshot of `setup` as the pass makes one (update played at the last stage). */
function snapshotAt(setup, extra = {}) {
  const { state, stageIndex } = setupAt(engine, presets, setup);
  const network = engine.network(state);
  const evaluation = wasm.evaluate(state);
  const updated = stageIndex === network.stageCount;
  return {
    state: updated ? evaluation.next : state,
    network,
    evaluation: updated ? wasm.evaluate(evaluation.next) : evaluation,
    stageIndex,
    beforeUpdate: updated ? { state } : null,
    change: { kind: 'open' },
    ...extra,
  };
}

test('the seven walk-throughs the issue asks for, each with its steps', () => {
  assert.deepEqual(TOURS.map((t) => t.id), [
    'seed-exercise', 'seed-mistakes', 'mazur-order', 'xor-hidden', 'vanishing', 'dead-relu', 'cross-entropy',
  ]);
  assert.equal(new Set(TOURS.map((t) => t.id)).size, TOURS.length);
  for (const t of TOURS) assert.ok(t.steps.length >= 2, `${t.id} has steps`);
});

test('every step opens and every template in its text resolves to a finite number of the core', () => {
  for (const t of TOURS) {
    for (const [index, step] of t.steps.entries()) {
      const where = `${t.id} step ${index + 1}`;
      const setup = setupAt(engine, presets, step.setup);
      assert.ok(setup.stageIndex >= 0 && setup.stageIndex <= engine.network(setup.state).stageCount, where);
      const text = stepText(engine, presets, step);
      assert.doesNotMatch(text, /[{}]|NaN|undefined|Infinity/, `${where}: ${text}`);
      // No value is typed into a text: outside the templates only single digits remain (indices, XOR's 0 and 1).
      const typed = step.text.replace(/\{[^{}]+\}/g, '').match(/\d*\.\d+|\d{2,}/g) ?? [];
      assert.deepEqual(typed, [], `${where} types a number`);
      for (const name of Object.keys(step.variants ?? {})) assert.match(step.text, new RegExp(`@${name}[:}]`), where);
      if (step.task) {
        assert.ok(step.task.text, where);
        for (const key of Object.keys(step.task)) assert.ok(TASK_KEYS.has(key), `${where}: task key ${key}`);
      }
    }
  }
});

test('a template that does not resolve is refused by name', () => {
  const step = { text: 'E = {loss.nope}', setup: { preset: 'seed' } };
  assert.throws(() => stepText(engine, presets, step), /\{loss\.nope\} is not a number/);
  assert.throws(() => stepText(engine, presets, { text: '{loss@x}', setup: { preset: 'seed' } }), /no variant “x”/);
  assert.throws(() => setupAt(engine, presets, { preset: 'nope' }), /no example “nope”/);
  assert.throws(() => setupAt(engine, presets, { preset: 'seed', stage: 'grad_w9' }), /no stage “grad_w9”/);
});

test('the seed exercise cites the seed’s own numbers, stage by stage', () => {
  const seed = wasm.evaluate(presetState('seed'));
  assert.match(textOf('seed-exercise', 1), new RegExp(`= ${formatNumber(seed.h1[0])} and h₂ = ${formatNumber(seed.h1[1])}`));
  assert.ok(textOf('seed-exercise', 2).includes(`here ${formatNumber(seed.loss)}`));
  assert.ok(textOf('seed-exercise', 3).includes(`∂E/∂w⁽²⁾₁ = ${formatNumber(seed.grad.w2[0][0])}`));
  assert.ok(textOf('seed-exercise', 4).includes(`∂E/∂w⁽¹⁾₁₁ = ${formatNumber(seed.grad.w1[0][0])}`));
  const update = textOf('seed-exercise', 5);
  assert.ok(update.includes(`= ${formatNumber(seed.next.w2[0][0], 6)}`), update);
  assert.ok(update.includes(`to ${formatNumber(wasm.evaluate(seed.next).loss, 6)}`), update);
});

test('the mistakes: += raises E, descent lowers it, and the stale state’s gradient is another', () => {
  const ascent = presetState('ascent');
  const once = wasm.evaluate(wasm.evaluate(ascent).next).loss;
  assert.ok(once > wasm.evaluate(ascent).loss);
  assert.ok(textOf('seed-mistakes', 0).includes(formatNumber(once, 6)));
  const three = wasm.train(ascent, 3);
  const fixed = wasm.evaluate(wasm.evaluate({ ...three, update: 'descent' }).next).loss;
  assert.ok(fixed < wasm.evaluate(three).loss);
  assert.ok(textOf('seed-mistakes', 1).includes(formatNumber(fixed, 6)));
  const moved = wasm.evaluate(ascent).next;
  const stale = textOf('seed-mistakes', 2);
  assert.ok(stale.includes(`is ${formatNumber(moved.w2[0][0], 6)} now, not ${formatNumber(ascent.w2[0][0])}`), stale);
  assert.ok(stale.includes(formatNumber(wasm.evaluate(moved).grad.w2[0][0], 6)), stale);
});

test('Mazur: E after one step is his published figure output first, and lower done right', () => {
  const mazur = presetState('mazur');
  const after = (order) => wasm.evaluate(wasm.evaluate({ ...mazur, update_order: order }).next).loss;
  const right = after('simultaneous');
  const buggy = after('output_first');
  assert.ok(Math.abs(buggy - 0.291027924) < 1e-9, `output first: ${buggy}`);
  assert.ok(buggy > right);
  const text = textOf('mazur-order', 2);
  assert.ok(text.includes(`E = ${formatNumber(right, 10)} done right`), text);
  assert.ok(text.includes(`but ${formatNumber(buggy, 10)} output first`), text);
  const differs = textOf('mazur-order', 3);
  assert.ok(differs.includes(`${formatNumber(buggy, 10)} against ${formatNumber(right, 10)}`), differs);
});

test('XOR: no hidden layer stalls at J = ¼, two hidden units learn it within the Train panel’s 1000 steps', () => {
  const flat = wasm.reshape(presetState('xor'), { widths: [2, 1], activations: ['sigmoid'] });
  const stalled = J(wasm.evaluate(wasm.train(flat, 3000)));
  assert.ok(Math.abs(stalled - 0.25) < 1e-6, `${stalled}`);
  assert.ok(textOf('xor-hidden', 1).includes(`J settles at ${formatNumber(stalled)}`));
  const run = wasm.trainRun(presetState('xor'), 1000, 0.01);
  assert.ok(run.loss <= 0.01, `two hidden units reach J ≤ 0.01 in ${run.steps} steps`);
});

test('vanishing gradients: δ⁽¹⁾ grows when the hidden layers become tanh or ReLU', () => {
  const deep = presetState('deep-sigmoid');
  const widths = [2, 3, 3, 3, 3, 1];
  const delta1 = (state, j) => Math.abs(wasm.evaluate(state).grad.z1[j]);
  const sigmoid = delta1(deep, 0);
  const tanh = delta1(wasm.reshape(deep, { widths, activations: ['tanh', 'tanh', 'tanh', 'tanh', 'sigmoid'] }), 0);
  const reluState = wasm.reinitialize(wasm.reshape(deep, { widths, activations: ['relu', 'relu', 'relu', 'relu', 'sigmoid'] }), 1);
  assert.ok(Math.abs(wasm.evaluate(deep).grad.z5[0]) > 100 * sigmoid);
  assert.ok(tanh > 100 * sigmoid, `${sigmoid} ${tanh}`);
  assert.ok(delta1(reluState, 1) > 100 * delta1(deep, 1), 'a live ReLU passes far more');
  assert.equal(delta1(reluState, 0), 0, 'a ReLU that is off passes nothing');
  assert.ok(wasm.evaluate(reluState).dead.includes('h1.0'));
  assert.ok(textOf('vanishing', 1).includes(`${formatNumber(wasm.evaluate(wasm.reshape(deep, { widths, activations: ['tanh', 'tanh', 'tanh', 'tanh', 'sigmoid'] })).grad.z1[0], 3)} instead of ${formatNumber(wasm.evaluate(deep).grad.z1[0], 3)}`));
});

test('the dead ReLU: zero gradient on its weights, which training leaves as they are', () => {
  const dead = presetState('dead-relu');
  const evaluation = wasm.evaluate(dead);
  assert.deepEqual(evaluation.dead, ['h1.2']);
  assert.equal(Math.abs(evaluation.grad.w1[0][2]), 0);
  assert.equal(wasm.train(dead, 1000).w1[0][2], dead.w1[0][2]);
  assert.ok(textOf('dead-relu', 1).includes(`are 0, 0 and 0. w⁽¹⁾₁₃ is ${formatNumber(dead.w1[0][2])} now, and after training it is still ${formatNumber(dead.w1[0][2])}`));
});

test('cross-entropy: δ_out becomes y − t where the squared loss’s vanished', () => {
  const saturated = presetState('saturated');
  const squared = wasm.evaluate(saturated);
  const ce = wasm.evaluate({ ...saturated, loss_fn: 'cross_entropy' });
  assert.ok(Math.abs(ce.grad.z2[0] - (ce.y[0] - saturated.t[0])) < 1e-15);
  assert.ok(Math.abs(ce.grad.z2[0]) > 100 * Math.abs(squared.grad.z2[0]));
  assert.ok(textOf('cross-entropy', 1).includes(`${formatNumber(ce.grad.z2[0])} with cross-entropy, against ${formatNumber(squared.grad.z2[0])}`));
});

test('tasks: each is not done where its step starts, and done once the learner has done it', () => {
  const fresh = (setup) => {
    const snapshot = snapshotAt(setup);
    const progress = createProgress();
    progress.reset(snapshot);
    return { snapshot, progress };
  };
  for (const t of TOURS) {
    for (const [index, step] of t.steps.entries()) {
      if (!step.task) continue;
      const { snapshot, progress } = fresh(step.setup);
      assert.equal(taskDone(step.task, snapshot, progress), false, `${t.id} step ${index + 1} starts undone`);
    }
  }
  const seedTask = tour('seed-exercise').steps[6].task;
  const dragged = fresh({ preset: 'seed', set: { w2: [[0.6], [0.6]] } });
  assert.equal(taskDone(seedTask, dragged.snapshot, dragged.progress), true, 'w⁽²⁾₁ = 0.6 brings E below 0.0002');
  const reach = tour('seed-exercise').steps[4].task;
  const played = fresh({ preset: 'seed', stage: 'grad_w1' });
  assert.equal(taskDone(reach, played.snapshot, played.progress), true);
  const back = tour('seed-mistakes').steps[2].task;
  const stepped = fresh({ preset: 'ascent', stage: 'grad_w1' });
  assert.equal(taskDone(back, stepped.snapshot, stepped.progress), true);
  const order = tour('mazur-order').steps[2].task;
  const buggy = fresh({ preset: 'mazur', set: { update_order: 'output_first' }, stage: 'update' });
  assert.equal(taskDone(order, buggy.snapshot, buggy.progress), true);
  const trained = fresh({ preset: 'xor', arch: { widths: [2, 1], activations: ['sigmoid'] } });
  trained.progress.follow({ ...trained.snapshot, change: { kind: 'train', run: { steps: 500 } } });
  assert.equal(taskDone(tour('xor-hidden').steps[0].task, trained.snapshot, trained.progress), true);
});

test('a step link names its walk-through and step, and reads back; bad ones are refused by name', () => {
  assert.equal(tourLink({ id: 'mazur-order', step: 3 }), 'tour=mazur-order&step=3');
  assert.deepEqual(decodeTourLink('tour=mazur-order&step=3', TOURS), { id: 'mazur-order', index: 2 });
  assert.deepEqual(decodeTourLink('tour=dead-relu', TOURS), { id: 'dead-relu', index: 0 });
  assert.equal(decodeTourLink('preset=seed&stage=3', TOURS), null);
  assert.throws(() => decodeTourLink('tour=nope&step=1', TOURS), /no walk-through “nope”/);
  assert.throws(() => decodeTourLink('tour=dead-relu&step=9', TOURS), /step must be a whole number from 1 to 2/);
  assert.throws(() => decodeTourLink('tour=dead-relu&step=1&lr=2', TOURS), /only tour and step, not “lr”/);
  const start = decodeTourStart('tour=seed-exercise&step=4', TOURS, engine, presets);
  assert.deepEqual(start.tour, { id: 'seed-exercise', index: 3 });
  assert.equal(start.stageIndex, 3);
  assert.equal(start.origin.id, 'seed');
});

test('every walk-through is plain JSON data, as a teacher’s file would be', () => {
  for (const t of TOURS) assert.deepEqual(JSON.parse(JSON.stringify(t)), t, t.id);
  const fromJson = JSON.parse(JSON.stringify(tour('mazur-order')));
  assert.equal(stepText(engine, presets, fromJson.steps[2]), textOf('mazur-order', 2));
});
