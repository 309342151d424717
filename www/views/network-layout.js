// Where things sit in the network picture, computed from the layer widths: left to right on wide
// screens, top to bottom on phones. Only geometry lives here; the view decides what is written
// where. Small networks get room for every label; past a dozen edges the picture is compact and
// the labels show on hover, focus or selection instead (see network.css).

export const NEURON_RADIUS = 30;
export const TARGET_RADIUS = 28;
export const LOSS_SIZE = Object.freeze({ width: 96, height: 52 });
/** Past this many weight edges, weight and gradient labels show only where the learner points. */
export const COMPACT_EDGES = 12;

/** The links into the loss, which carry no weight: from each output and each target. */
export function lossLinks(network) {
  const outputs = network.nodes.filter((node) => node.role === 'output');
  return [
    ...outputs.map((node) => ({ name: node.id, from: node.id, to: 'loss' })),
    ...outputs.map((node) => ({ name: `t.${node.index}`, from: `t.${node.index}`, to: 'loss' })),
  ];
}

/** How far apart neurons of a layer sit, and layers sit, for `network` in either orientation. */
function spacing(network, tall) {
  const compact = network.edges.length > COMPACT_EDGES;
  const depth = network.widths.length - 1;
  const pitch = compact ? (tall ? 70 : 76) : (tall ? 200 : 180);
  const gap = tall ? (compact ? 130 : 260) : (depth <= 2 ? 300 : Math.max(150, 230 - 12 * depth));
  return { compact, pitch, gap };
}

/**
 * The layout of `network` for a `wide` or `tall` screen: `viewBox`; `nodes` (centres, the loss under
 * `loss` and the targets as `t.k`); `meanLoss`, where J is written; `details`, `biasGrads` and
 * `outputGrads`, where a neuron's z and b (on `detailLines` lines), its ∂E/∂b and its ∂E/∂h or
 * ∂E/∂y are written; `labelsAt`, how far along each edge its weight and its gradient sit;
 * `thumbnails`, each neuron's map thumbnail as `[x, y, size]` (its top-left corner: beside the
 * neuron, above it on a crowded phone picture); `compact`, whether labels wait for the learner
 * to point at them.
 */
export function computeLayout(network, orientation) {
  const tall = orientation === 'tall';
  const { compact, pitch, gap } = spacing(network, tall);
  const { widths } = network;
  const depth = widths.length - 1;
  const widest = Math.max(...widths);
  const margin = compact ? 50 : 90;
  const span = (widest - 1) * pitch;
  const start = tall ? 45 : 70;
  const across = (layer, index) => margin + (span - (widths[layer] - 1) * pitch) / 2 + index * pitch;
  const at = (along, side) => (tall ? [side, along] : [along, side]);
  const nodes = {};
  for (const node of network.nodes) nodes[node.id] = at(start + node.layer * gap, across(node.layer, node.index));
  const centre = margin + span / 2;
  const lossAlong = start + depth * gap + (tall ? 110 : 145);
  nodes.loss = at(lossAlong, centre);
  const outputs = widths[depth];
  const targetPitch = 64;
  for (let k = 0; k < outputs; k += 1) {
    const offset = 90 + k * targetPitch;
    nodes[`t.${k}`] = tall ? [centre + 110 + k * targetPitch, lossAlong] : [lossAlong, centre + offset];
  }
  const details = {};
  const biasGrads = {};
  const outputGrads = {};
  for (const node of network.nodes.filter((n) => n.layer > 0)) {
    const [x, y] = nodes[node.id];
    if (compact) {
      // Neurons sit close together: the labels go beside them (below them on a phone), and
      // show one neuron at a time (or the stage's few fresh ones).
      details[node.id] = tall ? [x, y + 44] : [x + NEURON_RADIUS + 62, y + 4];
      biasGrads[node.id] = tall ? [x, y + 66] : [x + NEURON_RADIUS + 62, y + 14];
      outputGrads[node.id] = tall ? [x, y + 44] : [x + NEURON_RADIUS + 62, y - 12];
    } else {
      details[node.id] = [x, y + 52];
      biasGrads[node.id] = [x, y + (tall ? 112 : 75)];
      outputGrads[node.id] = [x, y + (tall ? 89 : -52)];
    }
  }
  const thumbnails = {};
  const size = compact ? 30 : 44;
  for (const node of network.nodes.filter((n) => n.layer > 0)) {
    const [x, y] = nodes[node.id];
    const beside = !(tall && compact);
    thumbnails[node.id] = beside ? [x - NEURON_RADIUS - 6 - size, y - size / 2, size]
      : [x - size / 2, y - NEURON_RADIUS - 4 - size, size];
  }
  const labelsAt = {};
  for (const edge of network.edges) labelsAt[edge.id] = tall ? [0.3, 0.66] : [0.26, 0.62];
  const lastAlong = tall ? Math.max(lossAlong + 60, ...Object.values(nodes).map(([, y]) => y + 60))
    : lossAlong + 70;
  const lastAcross = Math.max(span + 2 * margin, ...Object.values(nodes).map((p) => (tall ? p[0] : p[1]) + 50));
  const [width, height] = tall ? [lastAcross, lastAlong] : [lastAlong, lastAcross];
  return {
    viewBox: `0 0 ${Math.ceil(width)} ${Math.ceil(height)}`,
    nodes,
    meanLoss: tall ? [nodes.loss[0] - 118, nodes.loss[1] + 4] : [nodes.loss[0], nodes.loss[1] + 46],
    detailLines: tall ? 2 : 1,
    details,
    biasGrads,
    outputGrads,
    labelsAt,
    thumbnails,
    compact,
  };
}

/** The point `fraction` of the way along `edge`, from its input end. */
export function pointAlong(layout, edge, fraction) {
  const [x1, y1] = layout.nodes[edge.from];
  const [x2, y2] = layout.nodes[edge.to];
  return [x1 + (x2 - x1) * fraction, y1 + (y2 - y1) * fraction];
}
