// What the stages played so far have written on the picture, read from the core's formulas: each
// formula names its picture element (`target`) and where its number sits in `evaluate` (`path`).

/** Where a formula's number goes on the picture, from the core's `kind` and `param`. */
export function revealKind(formula) {
  switch (formula.kind) {
    case 'param_grad':
      return formula.param.startsWith('w') ? 'edgeGrads' : 'biasGrads';
    case 'node_grad':
      // ∂E/∂y and ∂E/∂h are written on their neurons; ∂E/∂z equals the bias gradient shown there.
      return formula.lhs.of.base === 'z' ? null : 'outputGrads';
    case 'update':
      return 'paramChanges';
    default:
      return null;
  }
}

function emptyReveal(stage) {
  return {
    stage,
    edgeGrads: new Map(),
    biasGrads: new Map(),
    outputGrads: new Map(),
    paramChanges: new Map(),
    fresh: new Set(),
    masked: new Set(),
  };
}

const NOTHING = Object.freeze(emptyReveal(null));

/** Names one revealed value: its kind (e.g. `edgeGrads`) and its target (e.g. `w2.0.0`). */
export function revealKey(kind, target) {
  return `${kind}:${target}`;
}

/**
 * The values revealed by the first `stageIndex` stages, keyed by their picture element:
 * `edgeGrads` (∂E/∂w on edges), `biasGrads` (∂E/∂b on neurons), `outputGrads` (∂E/∂y, ∂E/∂h on
 * neurons) and, keyed by parameter name instead, `paramChanges` (the update's Δ); `stage` is the
 * last stage played and `fresh` holds the {@link revealKey}s of the gradients it revealed;
 * `masked` names the forward values practice mode hides (see practice-reveal.js).
 */
export function revealedByStages(stages, stageIndex) {
  if (stageIndex === 0) return NOTHING;
  const revealed = emptyReveal(stages[stageIndex - 1]);
  for (let index = 0; index < stageIndex; index += 1) {
    for (const formula of stages[index].formulas) {
      const kind = revealKind(formula);
      if (!kind) continue;
      if (kind === 'paramChanges') {
        revealed.paramChanges.set(formula.param, formula.delta);
      } else {
        revealed[kind].set(formula.target, formula.value);
        if (index === stageIndex - 1) revealed.fresh.add(revealKey(kind, formula.target));
      }
    }
  }
  return revealed;
}
