// What the stages played so far have written on the picture, read from the core's formulas: each
// formula names its picture element (`target`) and where its number sits in `evaluate` (`path`).

const KINDS = [
  { prefix: 'grad.w', kind: 'edgeGrads' },
  { prefix: 'grad.b', kind: 'biasGrads' },
  { prefix: 'grad.y', kind: 'outputGrads' },
  { prefix: 'grad.h', kind: 'outputGrads' },
  { prefix: 'next.', kind: 'paramChanges' },
];

function emptyReveal(stage) {
  return {
    stage,
    edgeGrads: new Map(),
    biasGrads: new Map(),
    outputGrads: new Map(),
    paramChanges: new Map(),
    fresh: new Set(),
  };
}

const NOTHING = Object.freeze(emptyReveal(null));

/** `next.w1[0][1]` → `w1.0.1`: the parameter an update formula changes. */
function paramOfUpdate(path) {
  return path.slice('next.'.length).replace(/\[(\d+)\]/g, '.$1');
}

/** Names one revealed value: its kind (e.g. `edgeGrads`) and its target (e.g. `w2.0.0`). */
export function revealKey(kind, target) {
  return `${kind}:${target}`;
}

/**
 * The values revealed by the first `stageIndex` stages, keyed by their picture element:
 * `edgeGrads` (∂E/∂w on edges), `biasGrads` (∂E/∂b on neurons), `outputGrads` (∂E/∂y, ∂E/∂h on
 * neurons) and, keyed by parameter name instead, `paramChanges` (the update's Δ); `stage` is the
 * last stage played and `fresh` holds the {@link revealKey}s of the gradients it revealed.
 */
export function revealedByStages(stages, stageIndex) {
  if (stageIndex === 0) return NOTHING;
  const revealed = emptyReveal(stages[stageIndex - 1]);
  for (let index = 0; index < stageIndex; index += 1) {
    for (const formula of stages[index].formulas) {
      const kind = formula.path && KINDS.find(({ prefix }) => formula.path.startsWith(prefix))?.kind;
      if (!kind) continue;
      if (kind === 'paramChanges') {
        revealed.paramChanges.set(paramOfUpdate(formula.path), formula.delta);
      } else {
        revealed[kind].set(formula.target, formula.value);
        if (index === stageIndex - 1) revealed.fresh.add(revealKey(kind, formula.target));
      }
    }
  }
  return revealed;
}
