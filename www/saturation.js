// Saturation diagnostics: a neuron whose sigmoid slope σ′(z) is below 0.01 sits on a flat tail and
// passes almost no gradient back. The core computes σ′; the page only compares it.

import { setText } from './dom.js';

const THRESHOLD = 0.01;
const NEURONS = [
  { name: 'h.0', symbol: 'h₁', slope: (sigmaPrime) => sigmaPrime.h[0] },
  { name: 'h.1', symbol: 'h₂', slope: (sigmaPrime) => sigmaPrime.h[1] },
  { name: 'y.0', symbol: 'y', slope: (sigmaPrime) => sigmaPrime.y[0] },
];

/** The names (`h.0`, `h.1`, `y.0`) of the neurons with σ′(z) < 0.01 in `evaluation`. */
export function saturatedNeurons(evaluation) {
  return NEURONS.filter((neuron) => neuron.slope(evaluation.sigma_prime) < THRESHOLD).map((neuron) => neuron.name);
}

function listText(symbols) {
  if (symbols.length === 1) return symbols[0];
  return `${symbols.slice(0, -1).join(', ')} and ${symbols.at(-1)}`;
}

/** The one-line explanation in `element`, shown while a neuron is saturated. Controller: `update(snapshot)`. */
export function createSaturationNote(element) {
  let shown;
  return {
    update(snapshot) {
      const names = saturatedNeurons(snapshot.evaluation);
      const key = names.join();
      if (key === shown) return;
      shown = key;
      element.hidden = names.length === 0;
      const symbols = NEURONS.filter((neuron) => names.includes(neuron.name)).map((neuron) => neuron.symbol);
      const verb = symbols.length === 1 ? 'is' : 'are';
      setText(element, `${listText(symbols)} ${verb} saturated (σ′(z) < 0.01): on the sigmoid's flat tail, `
        + 'each backward step multiplies by almost 0, so almost no gradient flows back and learning stalls.');
    },
  };
}
