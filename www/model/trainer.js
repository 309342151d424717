// Continuous training: one frame's steps per animation frame, so the page never blocks for longer
// than a frame. Once the training worker has loaded (see core/train-worker.js), a frame's steps
// and the plane at the state they reach are computed there while the page draws the frame
// before: each frame takes the last answer and asks for the next. Until then (or without a
// worker) each frame trains on the page's thread. The trainer holds no state of the network; it
// asks for it, and an answer computed from a state that is no longer the current one is dropped.

/**
 * Creates a stopped trainer. `current()` returns the state to train from; `apply(run, plane)`
 * takes the core's `{ state, steps, losses, loss, evaluation? }` and, when the worker computed
 * it, `plane = { window, maps }` (the core's plane at `run.state`); `window()` is the plane's
 * window to compute (or null); `stopped(outcome)` hears why a run ended:
 * `{ reason: 'target' | 'limit' | 'paused' | 'error', taken, target, error? }`. A frame that
 * overflows keeps the steps it took before (the core returns them with its `error`).
 * Controller: `running`, `start({ steps, target, stepsPerFrame })`, `pause()` and `tick()`, one
 * frame's work. `stepsPerFrame()` is read every frame, so the speed can change mid-run.
 */
export function createTrainer(engine, { current, apply, stopped, window = () => null }) {
  const { background } = engine;
  let run = null;

  function stop(reason, error) {
    const outcome = { reason, taken: run.taken, target: run.target, error };
    run = null;
    stopped(outcome);
  }

  /** Takes the `result` of a frame's `steps` steps. */
  function settle(result, steps, plane) {
    run.left -= result.steps;
    run.taken += result.steps;
    if (result.steps > 0) apply(result, plane);
    if (result.error) stop('error', result.error);
    else if (result.steps < steps || (run.target !== null && result.loss <= run.target)) stop('target');
    else if (run.left === 0) stop('limit');
  }

  function trainHere(steps) {
    let result;
    try {
      result = engine.trainRun(current(), steps, run.target ?? undefined);
    } catch (error) {
      stop('error', error);
      return;
    }
    settle(result, steps, null);
  }

  function ask(steps) {
    const request = { from: current(), steps, window: window(), answer: null };
    run.request = request;
    background.trainRun(request.from, steps, run.target, request.window).then((answer) => {
      request.answer = answer;
    });
  }

  /** Takes the worker's answer, when it has come; false while it is still computing. */
  function take(request) {
    const { answer } = request;
    if (answer === null) return false;
    run.request = null;
    if (answer.lost || request.from !== current()) return true;
    if (answer.error) stop('error', answer.error);
    else settle(answer.run, request.steps, answer.maps ? { window: request.window, maps: answer.maps } : null);
    return true;
  }

  return {
    get running() {
      return run !== null;
    },

    /** Starts a run of up to `steps` steps that ends early once J ≤ `target` (null: no target). */
    start({ steps, target, stepsPerFrame }) {
      run = { left: steps, target, stepsPerFrame, taken: 0, request: null };
      background?.start();
    },

    pause() {
      if (run) stop('paused');
    },

    tick() {
      if (!run) return;
      if (run.request && !take(run.request)) return;
      if (!run) return;
      const steps = Math.min(run.stepsPerFrame(), run.left);
      if (background?.ready) ask(steps);
      else trainHere(steps);
    },
  };
}
