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

/**
 * The training worker's stand-in over `core`: each request answers on a later microtask (as a
 * message would) with the core's run and the plane `maps-<taken>`; `lose()` makes the next
 * answer `{ lost }` and the worker unready from then on.
 */
function fakeBackground(core) {
  const requests = [];
  let lost = false;
  return {
    requests,
    get ready() {
      return !lost;
    },
    start() {},
    lose() {
      lost = true;
    },
    trainRun(state, steps, stopBelow, window) {
      requests.push({ state, steps, stopBelow, window });
      if (lost) return Promise.resolve({ lost: true });
      let answer;
      try {
        const run = core.trainRun(state, steps, stopBelow ?? undefined);
        answer = { run, maps: `maps-${run.state.taken}` };
      } catch (error) {
        answer = { error };
      }
      return Promise.resolve(answer);
    },
  };
}

function backgroundHarness(core) {
  const background = fakeBackground(core);
  let state = { taken: 0 };
  const applied = [];
  const outcomes = [];
  const trainer = createTrainer({ ...core, background }, {
    current: () => state,
    window: () => 'the window',
    apply: (run, plane) => {
      state = run.state;
      applied.push(plane);
    },
    stopped: (outcome) => outcomes.push(outcome),
  });
  const answered = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { trainer, background, applied, outcomes, answered, state: () => state, set: (next) => { state = next; } };
}

test('with the worker, a frame takes the last answer (with its plane) and asks for the next', async () => {
  const core = fakeCore();
  const { trainer, background, applied, outcomes, answered, state } = backgroundHarness(core);
  trainer.start({ steps: 12, target: null, stepsPerFrame: () => 5 });
  trainer.tick();
  trainer.tick();
  assert.equal(background.requests.length, 1, 'a frame before the answer asks nothing more');
  assert.equal(state().taken, 0);
  while (trainer.running) {
    await answered();
    trainer.tick();
  }
  assert.deepEqual(background.requests.map((request) => request.steps), [5, 5, 2]);
  assert.ok(background.requests.every((request) => request.window === 'the window'));
  assert.equal(state().taken, 12);
  assert.deepEqual(applied, [5, 10, 12].map((taken) => ({ window: 'the window', maps: `maps-${taken}` })));
  assert.equal(core.calls.length, 3, 'nothing trained on the page\'s thread');
  assert.deepEqual(outcomes, [{ reason: 'limit', taken: 12, target: null, error: undefined }]);
});

test('an answer from a state that is no longer the current one is dropped and asked for again', async () => {
  const core = fakeCore();
  const { trainer, background, answered, state, set } = backgroundHarness(core);
  trainer.start({ steps: 5, target: null, stepsPerFrame: () => 5 });
  trainer.tick();
  set({ taken: 100 });
  await answered();
  trainer.tick();
  assert.equal(state().taken, 100, 'the stale answer was not applied');
  assert.equal(background.requests.at(-1).state.taken, 100, 'asked again from the current state');
  await answered();
  trainer.tick();
  assert.equal(state().taken, 105);
  assert.equal(trainer.running, false);
});

test('pause drops the answer in flight; a lost worker leaves the frames to the page\'s thread', async () => {
  const core = fakeCore();
  const { trainer, background, answered, outcomes, state } = backgroundHarness(core);
  trainer.start({ steps: 100, target: null, stepsPerFrame: () => 5 });
  trainer.tick();
  trainer.pause();
  await answered();
  trainer.tick();
  assert.equal(state().taken, 0);
  assert.deepEqual(outcomes.map((outcome) => outcome.reason), ['paused']);
  trainer.start({ steps: 10, target: null, stepsPerFrame: () => 5 });
  background.lose();
  trainer.tick();
  await answered();
  trainer.tick();
  trainer.tick();
  assert.equal(state().taken, 10, 'both frames trained here once the worker was lost');
  assert.equal(core.calls.length, 3, 'the paused request, then two frames on the page\'s thread');
});

test('an error from the worker stops the run with it', async () => {
  const core = fakeCore({ failOn: 2 });
  const { trainer, answered, outcomes, state } = backgroundHarness(core);
  trainer.start({ steps: 100, target: null, stepsPerFrame: () => 5 });
  while (trainer.running) {
    trainer.tick();
    await answered();
  }
  assert.equal(state().taken, 5);
  assert.equal(outcomes[0].reason, 'error');
  assert.match(outcomes[0].error.message, /whole number/);
});
