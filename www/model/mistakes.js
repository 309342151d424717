// The words for each mistake practice mode can name (the core computes what each would give:
// src/practice/). Each sentence uses the symbols of the formula it is about.

import { symbolText } from '../lib/format.js';
import { readOption } from './state.js';

/** The weight layer a formula belongs to, from its parameter or its picture element. */
function layerOf(formula, network) {
  const name = formula.param ?? formula.target;
  const numbered = name.match(/^[wbh](\d+)\./);
  if (numbered) return Number(numbered[1]);
  return name.startsWith('y.') ? network.depth : null;
}

const layerSymbol = (base, layer) => symbolText({ base, sub: '', sup: `(${layer})` });

function slopeFromZ(activation) {
  if (activation === 'tanh') return 'tanh′ taken from z instead of from a = tanh(z): tanh′(z) = 1 − a², not 1 − z²';
  return 'σ′ taken from z instead of from a = σ(z): σ′(z) = a(1 − a), not z(1 − z) (the seed notebook\'s '
    + 'sigmoid_derivative(x) = x * (1 - x) expects the activation a)';
}

function swappedIndex(formula, network) {
  const weight = formula.param?.match(/^w(\d+)\.(\d+)\.(\d+)$/);
  if (weight) {
    const [, layer, from, to] = weight;
    const right = symbolText(network.param(formula.param).symbol);
    const swapped = symbolText(network.param(`w${layer}.${to}.${from}`).symbol);
    return formula.kind === 'update'
      ? `swapped weight indices: the step used ∂E/∂${swapped} instead of ∂E/∂${right}`
      : `swapped weight indices: that is ∂E/∂${swapped}, not ∂E/∂${right}`;
  }
  const rule = '(wᵢⱼ joins neuron i of the layer below to neuron j of the layer above)';
  const pair = swappedPair(formula, network);
  return pair ? `swapped weight indices: ${pair.swapped} in place of ${pair.right} ${rule}`
    : `swapped weight indices: wⱼᵢ in place of wᵢⱼ ${rule}`;
}

/**
 * For a neuron's sum (z, through the weights into it) or its ∂E/∂h (through the weights out of
 * it), the first weight it uses whose swapped twin exists: `{ right, swapped }` as symbols.
 */
function swappedPair(formula, network) {
  const node = formula.target.match(/^(?:h(\d+)|y)\.(\d+)$/);
  if (!node) return null;
  const layer = node[1] === undefined ? network.depth : Number(node[1]);
  const index = Number(node[2]);
  const into = formula.kind === 'pre_activation';
  const weights = into ? layer : layer + 1;
  const name = (from, to) => `w${weights}.${from}.${to}`;
  const symbol = (param) => symbolText(network.param(param).symbol);
  for (let other = 0; other < 8; other += 1) {
    const right = into ? name(other, index) : name(index, other);
    const swapped = into ? name(index, other) : name(other, index);
    if (other !== index && network.hasParam(right) && network.hasParam(swapped)) {
      return { right: symbol(right), swapped: symbol(swapped) };
    }
  }
  return null;
}

function updatedWeights(formula, network) {
  const above = layerOf(formula, network) + 1;
  const which = above === network.depth ? 'output weights' : 'weights';
  return `computed with the already-updated ${which} ${layerSymbol('W', above)}: every gradient of a pass uses `
    + 'the weights from before the update (the bug in Mazur\'s own earlier code)';
}

function stepDirection(state) {
  return readOption(state, 'update') === 'ascent'
    ? 'a step the wrong way: this update is set to add η·∂E/∂p (the notebook\'s +=), not to subtract it'
    : 'a step the wrong way: descent subtracts η·∂E/∂p (adding it climbs the loss: the seed notebook\'s += bug)';
}

/** The sentence naming mistake `kind` (a core name) on `formula`, in `snapshot`'s network and state. */
export function mistakeText(kind, formula, { network, state }) {
  switch (kind) {
    case 'sign':
      return 'a sign error: the size is right, the sign is flipped';
    case 'slope_from_z':
      return slopeFromZ(network.activations[layerOf(formula, network) - 1]);
    case 'missing_factor_2':
      return 'a missing factor 2: under E = (y − t)², ∂E/∂y = 2(y − t), not y − t';
    case 'swapped_index':
      return swappedIndex(formula, network);
    case 'updated_weights':
      return updatedWeights(formula, network);
    case 'step_direction':
      return stepDirection(state);
    default:
      throw new Error(`unknown mistake ${kind}`);
  }
}
