// Where things sit in the network picture: one layout for wide screens (left to right) and one for
// phones (top to bottom). Only geometry lives here; the view decides what is written where.

/** The weight edges, named like their weights, from input side to output side. */
export const EDGES = Object.freeze([
  { name: 'w1.0.0', from: 'x.0', to: 'h.0' },
  { name: 'w1.0.1', from: 'x.0', to: 'h.1' },
  { name: 'w1.1.0', from: 'x.1', to: 'h.0' },
  { name: 'w1.1.1', from: 'x.1', to: 'h.1' },
  { name: 'w2.0.0', from: 'h.0', to: 'y.0' },
  { name: 'w2.1.0', from: 'h.1', to: 'y.0' },
]);

/** The links into the loss, which carry no weight. */
export const LINKS = Object.freeze([
  { name: 'y.0', from: 'y.0', to: 'loss' },
  { name: 't.0', from: 't.0', to: 'loss' },
]);

export const NEURON_RADIUS = 30;
export const TARGET_RADIUS = 28;
export const LOSS_SIZE = Object.freeze({ width: 96, height: 52 });

/**
 * `nodes`: centres; `meanLoss`: where J, the mean loss over the samples, is written; `details`,
 * `biasGrads`, `outputGrads`: where a neuron's detail (z and b, on `detailLines` lines), its ∂E/∂b
 * and its ∂E/∂h (or ∂E/∂y) are written; `labelsAt`: how far along each edge its weight and its
 * gradient sit (crossing edges keep both before the crossing). On phones the edge labels drop
 * their names and the details their separator (see network.css), so they are narrower.
 */
export const LAYOUTS = Object.freeze({
  wide: {
    viewBox: '0 0 860 352',
    nodes: {
      'x.0': [70, 80], 'x.1': [70, 260],
      'h.0': [410, 80], 'h.1': [410, 260],
      'y.0': [660, 170], 't.0': [805, 270], loss: [805, 170],
    },
    meanLoss: [805, 216],
    detailLines: 1,
    details: { 'h.0': [410, 132], 'h.1': [410, 312], 'y.0': [660, 230] },
    biasGrads: { 'h.0': [410, 155], 'h.1': [410, 335], 'y.0': [660, 253] },
    outputGrads: { 'h.0': [410, 28], 'h.1': [410, 208], 'y.0': [722, 116] },
    labelsAt: {
      'w1.0.0': [0.24, 0.62], 'w1.0.1': [0.24, 0.4], 'w1.1.0': [0.24, 0.4], 'w1.1.1': [0.24, 0.62],
      'w2.0.0': [0.32, 0.6], 'w2.1.0': [0.32, 0.6],
    },
  },
  tall: {
    viewBox: '0 0 360 735',
    nodes: {
      'x.0': [80, 40], 'x.1': [280, 40],
      'h.0': [80, 300], 'h.1': [280, 300],
      'y.0': [180, 600], 't.0': [300, 700], loss: [180, 700],
    },
    meanLoss: [62, 704],
    detailLines: 2,
    details: { 'h.0': [80, 350], 'h.1': [280, 350], 'y.0': [74, 582] },
    biasGrads: { 'h.0': [80, 412], 'h.1': [280, 412], 'y.0': [74, 628] },
    outputGrads: { 'h.0': [80, 389], 'h.1': [280, 389], 'y.0': [290, 600] },
    labelsAt: {
      'w1.0.0': [0.5, 0.75], 'w1.0.1': [0.15, 0.26], 'w1.1.0': [0.15, 0.26], 'w1.1.1': [0.5, 0.75],
      'w2.0.0': [0.72, 0.5], 'w2.1.0': [0.72, 0.5],
    },
  },
});

/** The point `fraction` of the way along `edge`, from its input end. */
export function pointAlong(layout, edge, fraction) {
  const [x1, y1] = layout.nodes[edge.from];
  const [x2, y2] = layout.nodes[edge.to];
  return [x1 + (x2 - x1) * fraction, y1 + (y2 - y1) * fraction];
}
