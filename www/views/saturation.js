// Saturation and dead-unit diagnostics. A sigmoid or tanh neuron whose slope f′(z) is below 0.01
// sits on a flat tail and passes almost no gradient back; a ReLU whose sum is z ≤ 0 for every
// example (the core's `dead`) passes none at all, so its incoming weights never learn. The core
// computes the slopes; the page only compares them.

import { setHidden, setText } from '../lib/dom.js';
import { symbolText } from '../lib/format.js';

const THRESHOLD = 0.01;
const SQUASHING = new Set(['sigmoid', 'tanh']);
const SLOPE_NAMES = { sigmoid: 'σ′', tanh: 'tanh′' };

/** `name → 'saturated' | 'dead'` for the neurons of `snapshot` that pass (almost) no gradient back. */
export function neuronMarks({ network, evaluation }) {
  const marks = new Map();
  for (const node of network.nodes) {
    if (node.layer === 0) continue;
    if (SQUASHING.has(node.activation) && evaluation.slope[`z${node.layer}`][node.index] < THRESHOLD) {
      marks.set(node.id, 'saturated');
    }
  }
  for (const name of evaluation.dead) marks.set(name, 'dead');
  return marks;
}

function listText(symbols) {
  if (symbols.length === 1) return symbols[0];
  return `${symbols.slice(0, -1).join(', ')} and ${symbols.at(-1)}`;
}

function sentence(symbols, what) {
  const verb = symbols.length === 1 ? 'is' : 'are';
  return `${listText(symbols)} ${verb} ${what}`;
}

/** The one-line explanation in `element`, shown while a neuron is saturated or dead. Controller: `update(snapshot)`. */
export function createSaturationNote(element) {
  let shown;
  return {
    update(snapshot) {
      const marks = neuronMarks(snapshot);
      const key = `${snapshot.network.key}|${[...marks].join()}`;
      if (key === shown) return;
      shown = key;
      setHidden(element, marks.size === 0);
      const of = (mark) => snapshot.network.nodes.filter((node) => marks.get(node.id) === mark);
      const saturated = of('saturated');
      const dead = of('dead');
      const parts = [];
      if (saturated.length > 0) {
        const slopes = [...new Set(saturated.map((node) => SLOPE_NAMES[node.activation]))].join(' or ');
        parts.push(`${sentence(saturated.map((node) => symbolText(node.symbol)), 'saturated')} (${slopes}(z) < 0.01): on the `
          + 'flat tail, each backward step multiplies by almost 0, so almost no gradient flows back and learning stalls.');
      }
      if (dead.length > 0) {
        const examples = snapshot.state.samples ? 'every sample' : 'this example';
        parts.push(`${sentence(dead.map((node) => symbolText(node.symbol)), 'a dead ReLU')}: z ≤ 0 for ${examples}, `
          + 'so its output is 0, its slope [z > 0] is 0 and its incoming weights get no gradient at all.');
      }
      setText(element, parts.join(' '));
    },
  };
}
