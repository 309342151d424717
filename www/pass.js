// The pass being played: the current state, how many of the core's stages have been shown, and the
// state from before the update so that "Step back" can undo it. Views only read its snapshots.

import { readParam, withParam } from './state.js';

/** The number of stages in one pass; the last one is the update. */
export const STAGE_COUNT = 10;

/**
 * Creates the pass at the seed; `onChange(snapshot)` is called after every later change.
 * A snapshot is frozen: `{ state, evaluation, stages, stageIndex, beforeUpdate, change }` where
 * `stages` is the tape of the pass being played (null before its first stage), `stageIndex` is how
 * many stages have been played (0 … 10), `beforeUpdate` is `{ state, evaluation }` once the update
 * has been played (else null) and `change` says what happened: `{ kind, name?, restarted? }`.
 * Methods that need the core throw its Error and leave the pass unchanged.
 */
export function createPass(engine, onChange) {
  let current = initial(engine.seedState(), { kind: 'load' });

  function commit(fields) {
    current = Object.freeze({ ...current, ...fields });
    onChange(current);
  }

  function stagesOfPass() {
    return current.stages ?? engine.stages(current.state);
  }

  function playUpdate(stages) {
    const state = current.evaluation.next;
    const evaluation = engine.evaluate(state);
    const beforeUpdate = Object.freeze({ state: current.state, evaluation: current.evaluation });
    return { state, evaluation, stages, stageIndex: STAGE_COUNT, beforeUpdate };
  }

  function initial(state, change) {
    const evaluation = engine.evaluate(state);
    return Object.freeze({ state, evaluation, stages: null, stageIndex: 0, beforeUpdate: null, change });
  }

  function start(state, change) {
    current = initial(state, change);
    onChange(current);
  }

  return {
    snapshot: () => current,

    /** Plays the next stage; after the update, starts the next pass at the new state. */
    step() {
      const change = { kind: 'step' };
      if (current.stageIndex === STAGE_COUNT) {
        commit({ stages: engine.stages(current.state), stageIndex: 1, beforeUpdate: null, change });
      } else if (current.stageIndex === STAGE_COUNT - 1) {
        commit({ ...playUpdate(current.stages), change });
      } else {
        commit({ stages: stagesOfPass(), stageIndex: current.stageIndex + 1, change });
      }
    },

    /** Undoes the last stage played; undoing the update restores the old parameters. */
    stepBack() {
      if (current.stageIndex === 0) return;
      const change = { kind: 'back' };
      if (current.beforeUpdate) {
        const { state, evaluation } = current.beforeUpdate;
        commit({ state, evaluation, stageIndex: STAGE_COUNT - 1, beforeUpdate: null, change });
      } else {
        commit({ stageIndex: current.stageIndex - 1, change });
      }
    },

    /** Plays every remaining stage of the pass at once, the update included. */
    finish() {
      if (current.stageIndex === STAGE_COUNT) return;
      commit({ ...playUpdate(stagesOfPass()), change: { kind: 'finish' } });
    },

    /** Back to the seed, with no stage played. */
    reset() {
      start(engine.seedState(), { kind: 'reset' });
    },

    /** Sets one parameter; a pass in progress restarts, its gradients cleared. */
    edit(name, value) {
      if (value === readParam(current.state, name)) return;
      const restarted = current.stageIndex > 0;
      start(withParam(current.state, name, value), { kind: 'edit', name, restarted });
    },
  };
}
