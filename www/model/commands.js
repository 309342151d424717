// The learner's commands. Each pauses training first, so that it applies to the state on screen;
// each becomes one step of undo (see undo.js); and one the core refuses leaves the pass as it was
// while the status line says why.

import { symbolText } from '../lib/format.js';
import { withSample } from './state.js';

const editFailure = (network, values) => `${Object.entries(values)
  .map(([name, value]) => `${network.hasParam(name) ? symbolText(network.param(name).symbol) : name} = ${value}`)
  .join(', ')} was not applied`;

/**
 * The commands over `pass`, pausing `trainer`, recording into `undo`; `say(message)` writes the
 * status line and `requestFrame()` asks for a redraw. Commands that can be refused return the
 * sentence that says why, or null when they were applied.
 */
export function createCommands({ pass, engine, trainer, undo, say, requestFrame }) {
  function run(action, failure, gesture = null) {
    trainer.pause();
    try {
      action();
    } catch (error) {
      const message = `${failure}: ${error.message}`;
      say(message);
      return message;
    }
    undo.record(pass.snapshot(), gesture);
    return null;
  }

  // A refused option or sample leaves its radio checked: the next frame sets it back.
  function revise(transform, change) {
    if (run(() => pass.revise(transform, change), 'That change was not applied')) requestFrame();
  }

  function travel(direction) {
    trainer.pause();
    undo[direction]((snapshot) => {
      pass.restore(snapshot, { kind: direction });
      return pass.snapshot();
    });
  }

  return {
    step: () => run(pass.step, 'The next stage could not be played'),
    back: () => run(pass.stepBack, 'The stage could not be undone'),
    finish: () => run(pass.finish, 'The pass could not be finished'),
    reset: () => run(pass.reset, 'The example could not be reset'),
    load: (preset) => run(() => pass.load(preset), `${preset.title} could not be loaded`),
    /** Sets parameters; the changes of one `gesture` (e.g. one slider drag) are one undo step. */
    edit: (values, gesture = null) => run(() => pass.edit(values), editFailure(pass.snapshot().network, values), gesture),
    option: (key, value) => revise((state) => ({ ...state, [key]: value }), { kind: 'option', key }),
    sample: (sample) => revise((state) => withSample(state, sample), { kind: 'sample', sample }),
    /**
     * Changes the architecture to `{ widths, activations }`; `done` and `doing` word the change
     * ("Added a hidden layer", "Adding a hidden layer") for the status line.
     */
    reshape(arch, { done, doing }) {
      const refusal = run(
        () => pass.replace((state) => engine.reshape(state, arch), { kind: 'architecture', what: done }),
        `${doing} was not possible`,
      );
      // A refused choice leaves its select showing it: the next frame sets it back.
      if (refusal) requestFrame();
      return refusal;
    },
    /**
     * Edits the training set with `transform(state)` (see sample-edits.js), `what` wording it
     * ("Added a point") for the status line; the changes of one
     * `gesture` (a point pressed, dragged and released) are one undo step.
     */
    samples: (transform, what, gesture = null) => run(
      () => pass.resample(transform, { kind: 'samples', what }),
      'That change to the points was not applied',
      gesture,
    ),
    /** Draws every weight anew from `seed`. */
    reinitialize: (seed) => run(
      () => pass.replace((state) => engine.reinitialize(state, seed), { kind: 'reinit', seed }),
      'The weights could not be drawn anew',
    ),
    /** A fresh exercise with hand-friendly numbers for the same network, drawn from `seed`. */
    exercise: (seed) => run(
      () => pass.replace((state) => engine.exercise(state, seed), { kind: 'exercise', seed }),
      'A new exercise could not be drawn',
    ),
    /** Sets whether updates change the biases. */
    trainBiases: (on) => revise((state) => {
      const next = { ...state };
      if (on) delete next.train_biases;
      else next.train_biases = false;
      return next;
    }, { kind: 'option', key: 'train_biases' }),
    /**
     * Replaces the training data with `transform(state)` (a generated dataset, an imported file)
     * at the start of a new pass; `what` words it for the status line and `failure` a refusal.
     */
    data: (transform, what, failure) => run(() => pass.replace(transform, { kind: 'data', what }), failure),
    /** Sets training setting `key` (left out of the state at its default `fallback`). */
    setting(key, value, fallback, what) {
      const refusal = run(() => pass.revise((state) => {
        const next = { ...state, [key]: value };
        if (value === fallback) delete next[key];
        return next;
      }, { kind: 'data', what }), 'That setting was not applied');
      if (refusal) requestFrame();
      return refusal;
    },
    /** Opens `setup` (`{ origin, state, stageIndex }`, from a link or a file), telling `source`. */
    open: (setup, source) => run(() => pass.open(setup, { kind: 'open', source }), 'That setup could not be opened'),
    undo: () => travel('undo'),
    redo: () => travel('redo'),
  };
}
