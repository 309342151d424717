// What the picture, the table and the controls may show in practice mode: the values the learner
// has not worked out yet are left out — the current stage's gradients, the forward values of this
// stage and the stages to come, and, until the update's values are found, the new parameters.

import { revealedByStages, revealKind, revealKey } from './reveal.js';

/** The key under which a forward formula's value is masked: `z:h1.0`, `a:h1.0`, `loss`. */
export function maskKey(formula) {
  switch (formula.kind) {
    case 'pre_activation':
      return `z:${formula.target}`;
    case 'activation':
      return `a:${formula.target}`;
    case 'loss':
      return 'loss';
    default:
      return null;
  }
}

function withoutHidden(revealed, stage, hidden) {
  const shown = {
    ...revealed,
    edgeGrads: new Map(revealed.edgeGrads),
    biasGrads: new Map(revealed.biasGrads),
    outputGrads: new Map(revealed.outputGrads),
    paramChanges: new Map(revealed.paramChanges),
    fresh: new Set(revealed.fresh),
    masked: new Set(),
  };
  stage.formulas.forEach((formula, f) => {
    const kind = revealKind(formula);
    if (!kind || !hidden(f)) return;
    if (kind === 'paramChanges') {
      shown.paramChanges.delete(formula.param);
    } else {
      shown[kind].delete(formula.target);
      shown.fresh.delete(revealKey(kind, formula.target));
    }
  });
  return shown;
}

/**
 * `{ drawn, revealed }` for `snapshot` under `practice` (practice.js): the snapshot the views
 * draw (the state before the update while the update's values are still to find) and what they
 * reveal (see reveal.js), with `masked` holding the {@link maskKey}s of hidden forward values.
 */
export function practiceReveal(snapshot, practice) {
  const { stageIndex } = snapshot;
  // No stage played, nothing revealed: the tape is not read (a training frame's stays lazy).
  const revealed = stageIndex === 0 ? revealedByStages(null, 0) : revealedByStages(snapshot.stages, stageIndex);
  if (!practice.on) return { drawn: snapshot, revealed };
  const { stages } = snapshot;
  const current = stageIndex === 0 ? null : stages[stageIndex - 1];
  const hiddenNow = (f) => practice.hidden(stageIndex, f, snapshot);
  const shown = current ? withoutHidden(revealed, current, hiddenNow) : { ...revealed, masked: new Set() };
  for (let index = Math.max(stageIndex, 1); index <= stages.length; index += 1) {
    stages[index - 1].formulas.forEach((formula, f) => {
      const key = maskKey(formula);
      if (key && practice.hidden(index, f, snapshot)) shown.masked.add(key);
    });
  }
  const updateHidden = snapshot.beforeUpdate && current.formulas.some((_, f) => hiddenNow(f));
  const drawn = updateHidden ? { ...snapshot, ...snapshot.beforeUpdate, beforeUpdate: null } : snapshot;
  return { drawn, revealed: shown };
}
