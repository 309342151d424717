// The page's training loop (www/model/trainer.js) on its own, against a stand-in core: one trainRun per
// frame with that frame's steps, and the ways a run ends. The error case is rare on the page (the
// core refuses states whose next step overflows, and sigmoids saturate; bad-input.test.mjs reaches
// it with typed values), so it is also checked here, step by step: the core either throws (bad
// input) or returns the steps it took before an overflow with an `error`.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTrainer } from '../../www/model/trainer.js';

/**
 * A core whose training loss falls by 1 per step from `start`: call `failOn` throws; from step
 * `overflowAt` (counting all runs) on, a run stops with an `error` after the steps before it.
 */
function fakeCore({ start = 100, failOn = Infinity, overflowAt = Infinity } = {}) {
  const calls = [];
  return {
    calls,
    trainRun(state, steps, stopBelow) {
      calls.push({ steps, stopBelow });
      if (calls.length === failOn) throw new Error('steps must be a whole number');
      const losses = [];
      let loss = start - state.taken;
      let taken = 0;
      while (taken < steps && !(stopBelow !== undefined && loss <= stopBelow)) {
        if (state.taken + taken + 1 === overflowAt) {
          const error = { field: 'z2[0]', message: 'the result overflowed: z2[0] would be inf' };
          return { state: { taken: state.taken + taken }, steps: taken, losses, loss, error };
        }
        losses.push(loss);
        loss -= 1;
        taken += 1;
      }
      return { state: { taken: state.taken + taken }, steps: taken, losses, loss };
    },
  };
}

function harness(core) {
  let state = { taken: 0 };
  const outcomes = [];
  const trainer = createTrainer(core, {
    current: () => state,
    apply: (run) => {
      state = run.state;
    },
    stopped: (outcome) => outcomes.push(outcome),
  });
  return { trainer, outcomes, state: () => state };
}

test('each frame trains the chosen number of steps in one call, up to the step limit', () => {
  const core = fakeCore();
  const { trainer, outcomes, state } = harness(core);
  trainer.start({ steps: 12, target: null, stepsPerFrame: () => 5 });
  while (trainer.running) trainer.tick();
  assert.deepEqual(core.calls.map((call) => call.steps), [5, 5, 2]);
  assert.equal(core.calls[0].stopBelow, undefined);
  assert.equal(state().taken, 12);
  assert.deepEqual(outcomes, [{ reason: 'limit', taken: 12, target: null, error: undefined }]);
});

test('a run stops once the loss reaches the target', () => {
  const core = fakeCore({ start: 10 });
  const { trainer, outcomes, state } = harness(core);
  trainer.start({ steps: 100, target: 3, stepsPerFrame: () => 4 });
  while (trainer.running) trainer.tick();
  assert.equal(state().taken, 7);
  assert.equal(outcomes[0].reason, 'target');
  assert.ok(core.calls.every((call) => call.stopBelow === 3));
});

test('when the core fails, training stops with its error and keeps the last good state', () => {
  const core = fakeCore({ failOn: 3 });
  const { trainer, outcomes, state } = harness(core);
  trainer.start({ steps: 100, target: null, stepsPerFrame: () => 5 });
  while (trainer.running) trainer.tick();
  assert.equal(state().taken, 10, 'two good frames');
  assert.equal(outcomes[0].reason, 'error');
  assert.match(outcomes[0].error.message, /whole number/);
});

test('when a step overflows, the steps before it in that frame are kept and the run stops there', () => {
  const core = fakeCore({ overflowAt: 8 });
  const { trainer, outcomes, state } = harness(core);
  trainer.start({ steps: 100, target: null, stepsPerFrame: () => 5 });
  while (trainer.running) trainer.tick();
  assert.equal(state().taken, 7, 'five, then two of the next five');
  assert.equal(core.calls.length, 2);
  assert.equal(outcomes[0].reason, 'error');
  assert.equal(outcomes[0].taken, 7);
  assert.match(outcomes[0].error.message, /overflowed/);
});

test('pause ends the run at once; ticks after it do nothing', () => {
  const core = fakeCore();
  const { trainer, outcomes } = harness(core);
  trainer.start({ steps: 100, target: null, stepsPerFrame: () => 1 });
  trainer.tick();
  trainer.pause();
  trainer.tick();
  assert.equal(core.calls.length, 1);
  assert.deepEqual(outcomes.map((outcome) => outcome.reason), ['paused']);
});
