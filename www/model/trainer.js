// Continuous training: one call to the core's trainRun per animation frame, so the page never
// blocks for longer than a frame. The trainer holds no state of the network; it asks for it.

/**
 * Creates a stopped trainer. `current()` returns the state to train from; `apply(run)` takes the
 * core's `{ state, steps, losses, loss }`; `stopped(outcome)` hears why a run ended:
 * `{ reason: 'target' | 'limit' | 'paused' | 'error', taken, target, error? }`. A frame that
 * overflows keeps the steps it took before (the core returns them with its `error`).
 * Controller: `running`, `start({ steps, target, stepsPerFrame })`, `pause()` and `tick()`, one
 * frame's work. `stepsPerFrame()` is read every frame, so the speed can change mid-run.
 */
export function createTrainer(engine, { current, apply, stopped }) {
  let run = null;

  function stop(reason, error) {
    const outcome = { reason, taken: run.taken, target: run.target, error };
    run = null;
    stopped(outcome);
  }

  return {
    get running() {
      return run !== null;
    },

    /** Starts a run of up to `steps` steps that ends early once J ≤ `target` (null: no target). */
    start({ steps, target, stepsPerFrame }) {
      run = { left: steps, target, stepsPerFrame, taken: 0 };
    },

    pause() {
      if (run) stop('paused');
    },

    tick() {
      if (!run) return;
      const steps = Math.min(run.stepsPerFrame(), run.left);
      let result;
      try {
        result = engine.trainRun(current(), steps, run.target ?? undefined);
      } catch (error) {
        stop('error', error);
        return;
      }
      run.left -= result.steps;
      run.taken += result.steps;
      if (result.steps > 0) apply(result);
      if (result.error) stop('error', result.error);
      else if (result.steps < steps || (run.target !== null && result.loss <= run.target)) stop('target');
      else if (run.left === 0) stop('limit');
    },
  };
}
