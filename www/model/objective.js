// What training minimises, read from the core's evaluation: J, the mean loss over the samples,
// or the one example's loss E when the state has no samples (then J = E).

/** `'J'` when the state trains on samples, else `'E'`. */
export function objectiveSymbol(state) {
  return state.samples ? 'J' : 'E';
}

/** The training loss at the evaluated state. */
export function objectiveLoss(evaluation) {
  return evaluation.batch?.loss ?? evaluation.loss;
}

/** The gradient of the training loss: `{ w1, b1, w2, b2 }`, shaped like the state's. */
export function objectiveGradient(evaluation) {
  return evaluation.batch?.grad ?? evaluation.grad;
}
