// The pass being played: the current state, how many of the core's stages have been shown, and the
// state from before the update so that "Step back" can undo it. Views only read its snapshots;
// undo (undo.js) keeps earlier ones and puts them back whole.

import { readOption, readParam, shownSample, withParam, withSample } from './state.js';

/** The parameters `snapshot`'s change edited (a slider dragged, a number typed), or none. */
export function editedNames(snapshot) {
  return snapshot.change?.kind === 'edit' ? snapshot.change.names : [];
}

/**
 * Creates the pass at `origin`, a preset `{ id, title, note, state }` where Reset returns;
 * `onChange(snapshot)` is called after every later change. A snapshot is frozen: `{ state, network,
 * evaluation, stages, stageIndex, beforeUpdate, change, origin }` where `network` is the model of
 * the state's network (network.js), `stages` is the tape of the pass being played, `stageIndex` is
 * how many stages have been played (0 … network.stageCount), `beforeUpdate` is `{ state, network,
 * evaluation }` once the update has been played (else null) and `change` says what happened:
 * `{ kind, names?, restarted?, key?, sample?, run?, source? }`.
 * Methods that need the core throw its Error and leave the pass unchanged.
 */
export function createPass(engine, origin, onChange) {
  /**
   * The state with its network, evaluation and tape: one core call. A `dataset` the core no
   * longer finds in the samples (a point was edited) is dropped: they are the learner's own now.
   * With `lazyTape` (training frames and edits, which show no stage) the tape is computed only
   * when first read, by a second core call; it is the same tape either way. `reached` is the core's
   * evaluation of `given` when it has one already (a training run's), so no call is made.
   */
  function computed(given, { lazyTape = false, reached = null } = {}) {
    const { evaluation, stages, dataset } = reached
      ? { evaluation: reached, stages: null, dataset: given.dataset }
      : engine.snapshot(given, { tape: !lazyTape });
    let state = given;
    if (state.dataset && !dataset) {
      state = { ...state };
      delete state.dataset;
    }
    const result = { state, network: engine.network(state), evaluation };
    if (!lazyTape) return { ...result, stages };
    let tape = null;
    return Object.defineProperty(result, 'stages', { enumerable: true, get: () => (tape ??= engine.stages(given)) });
  }

  let current = initial(origin.state, { kind: 'load' }, origin);

  function commit(fields) {
    current = Object.freeze({ ...current, ...fields });
    onChange(current);
  }

  const last = (snapshot) => snapshot.network.stageCount;

  function playUpdate(from) {
    const next = computed(from.evaluation.next);
    const beforeUpdate = Object.freeze({
      state: from.state, network: from.network, evaluation: from.evaluation, stages: from.stages,
    });
    return { ...next, stages: from.stages, stageIndex: from.network.stageCount, beforeUpdate };
  }

  // Object.assign keeps a lazy tape lazy (a spread would read it).
  function initial(state, change, passOrigin, options) {
    return Object.freeze(Object.assign(computed(state, options), { stageIndex: 0, beforeUpdate: null, change, origin: passOrigin }));
  }

  function start(state, change, passOrigin = current.origin, options = undefined) {
    current = initial(state, change, passOrigin, options);
    onChange(current);
  }

  /**
   * In per-sample mode the next pass shows the next training sample (held-out ones are skipped:
   * they are never trained on), so that passes walk an epoch.
   */
  function nextPassStart({ state, evaluation }) {
    if (readOption(state, 'mode') !== 'per_sample' || !state.samples) return { state };
    const heldOut = (index) => evaluation.batch?.samples[index]?.test === true;
    const shown = shownSample(state);
    let sample = shown;
    do {
      sample = (sample + 1) % state.samples.length;
    } while (heldOut(sample) && sample !== shown);
    return { state: withSample(state, sample), sample };
  }

  return {
    snapshot: () => current,

    /** Plays the next stage; after the update, starts the next pass at the new state. */
    step() {
      if (current.stageIndex === last(current)) {
        const { state, sample } = nextPassStart(current);
        const change = sample === undefined ? { kind: 'step' } : { kind: 'step', sample };
        commit({ ...computed(state), stageIndex: 1, beforeUpdate: null, change });
      } else if (current.stageIndex === last(current) - 1) {
        commit({ ...playUpdate(current), change: { kind: 'step' } });
      } else {
        commit({ stageIndex: current.stageIndex + 1, change: { kind: 'step' } });
      }
    },

    /** Undoes the last stage played; undoing the update restores the old parameters. */
    stepBack() {
      if (current.stageIndex === 0) return;
      const change = { kind: 'back' };
      if (current.beforeUpdate) {
        commit({ ...current.beforeUpdate, stageIndex: last(current) - 1, beforeUpdate: null, change });
      } else {
        commit({ stageIndex: current.stageIndex - 1, change });
      }
    },

    /** Plays every remaining stage of the pass at once, the update included. */
    finish() {
      if (current.stageIndex === last(current)) return;
      commit({ ...playUpdate(current), change: { kind: 'finish' } });
    },

    /** Back to the start of the origin (the chosen preset), with no stage played. */
    reset() {
      start(current.origin.state, { kind: 'reset' });
    },

    /** Starts over at a new origin (another preset), with no stage played. */
    load(nextOrigin) {
      start(nextOrigin.state, { kind: 'preset' }, nextOrigin);
    },

    /** Sets parameters (`{ name: value }`); a pass in progress restarts, its gradients cleared. */
    edit(values) {
      const names = Object.keys(values).filter((name) => values[name] !== readParam(current.state, name));
      if (names.length === 0) return;
      const state = names.reduce((next, name) => withParam(next, name, values[name]), current.state);
      const restarted = current.stageIndex > 0;
      // No stage is played after an edit, so the tape waits until a stage or a panel reads it:
      // a slider drag computes none.
      start(state, { kind: 'edit', names, restarted }, current.origin, { lazyTape: true });
    },

    /**
     * Replaces the state with `transform(state)` — a new architecture, new weights — at the start
     * of a new pass; `change` says what happened.
     */
    replace(transform, change) {
      const from = current.beforeUpdate ?? current;
      start(transform(from.state), change);
    },

    /**
     * Applies `transform` to the state the pass started from — an option or the shown sample —
     * and replays the stages played so far under it, so the card shows the same stage.
     */
    revise(transform, change) {
      const from = current.beforeUpdate ?? current;
      const state = transform(from.state);
      if (current.stageIndex === 0) {
        start(state, change);
        return;
      }
      const revised = computed(state);
      if (current.beforeUpdate) commit({ ...playUpdate(revised), change });
      else commit({ ...revised, change });
    },

    /** Replaces the state with `transform(state)` — the training set edited — at the start of a new pass. */
    resample(transform, change) {
      start(transform(current.state), change);
    },

    /**
     * Moves to the state a training run reached (`run` from the core's trainRun, with the pass
     * there as its `evaluation`); its tape is computed when something reads it (a training frame
     * plays no stage).
     */
    train(run) {
      start(run.state, { kind: 'train', run }, current.origin, { lazyTape: true, reached: run.evaluation });
    },

    /**
     * Opens a setup read from a link or a file: `state` (valid, see the core's validateState) at
     * `origin`, with its first `stageIndex` stages played, the update replayed at the last stage.
     */
    open({ origin: nextOrigin, state, stageIndex }, change) {
      const opened = initial(state, change, nextOrigin);
      if (stageIndex === 0) {
        commit(opened);
        return;
      }
      const index = Math.min(stageIndex, last(opened));
      commit(index === last(opened) ? { ...opened, ...playUpdate(opened) } : { ...opened, stageIndex: index });
    },

    /** Returns to an earlier `snapshot` of this pass (for undo and redo), telling `change`. */
    restore(snapshot, change) {
      commit({ ...snapshot, change });
    },
  };
}
