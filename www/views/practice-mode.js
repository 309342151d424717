// Practice mode wired into the page: the bar (the switch, the score, New exercise), the card's
// questions, what the picture may reveal and what the status line may say. Every change of it
// asks for a redraw and rewrites the link, which holds the score.

import { practiceStatus } from '../model/practice.js';
import { practiceReveal } from '../model/practice-reveal.js';
import { createPracticeCardView } from './practice-card-view.js';
import { createPracticeView } from './practice-view.js';

/**
 * Builds practice mode over `practice` (model/practice.js) into `card` (the card's main column)
 * and `bar`; `step` is the Step backprop button, `pass`, `session` and `requestFrame` the
 * page's, `exercise(seed)` the New exercise command. Controller: `version` (counts changes, for
 * the frame loop), `changed(change)`, `reveal(snapshot)` (`{ drawn, revealed }`, see
 * practice-reveal.js), `update(snapshot)`, `status(snapshot)` (the status line's sentence or null)
 * and `graphSnapshot(snapshot)` (what the zoomed neuron graph may show).
 */
export function createPracticeMode(practice, { card, bar, step, pass, session, requestFrame, exercise }) {
  let version = 0;
  function changed(change = () => {}) {
    change();
    version += 1;
    session.follow(pass.snapshot());
    requestFrame();
  }
  const questions = createPracticeCardView(card, {
    answer: (formula, value) => practice.answer(pass.snapshot(), formula, value),
    showMe: (formula) => practice.showMe(pass.snapshot(), formula),
    changed: () => changed(),
    next: step,
  });
  const switchBar = createPracticeView(bar, {
    toggle: (on) => changed(() => practice.setOn(on, pass.snapshot())),
    newExercise: () => exercise(crypto.getRandomValues(new Uint32Array(1))[0]),
  });

  return {
    get version() {
      return version;
    },
    changed,
    reveal(snapshot) {
      practice.follow(snapshot);
      return practiceReveal(snapshot, practice);
    },
    update(snapshot) {
      questions.update(snapshot, practice);
      switchBar.update(practice);
    },
    status: (snapshot) => practiceStatus(snapshot, practice),
    /** `snapshot` as the zoomed neuron graph may show it: without a stage whose values are still to find. */
    graphSnapshot(snapshot) {
      const { stageIndex } = snapshot;
      if (!practice.on || stageIndex === 0) return snapshot; // off practice nothing is hidden
      const open = snapshot.stages[stageIndex - 1].formulas.some((_, f) => practice.hidden(stageIndex, f, snapshot));
      return open ? { ...snapshot, stageIndex: stageIndex - 1 } : snapshot;
    },
  };
}
