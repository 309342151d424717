// Where the zoomed neuron graph puts its boxes, operations and edge labels, left to right:
// each input's weight and activation → × → the product; the products → + → Σ; Σ and the bias →
// + → z; z → f → a. Pure geometry, in the SVG's own units.

const BOX = { width: 164, height: 34, splits: [30, 90], label: 15, value: 60, grad: 127 };
const OP = 14;
const ROW = 92;
const GAP = 84;
const TOP = 12;

const point = (x, y) => ({ x, y });
const right = (box) => point(box.x + BOX.width, box.y + BOX.height / 2);
const left = (box) => point(box.x, box.y + BOX.height / 2);
const middle = (a, b, lift = 6) => point((a.x + b.x) / 2, (a.y + b.y) / 2 - lift);

/** The layout for a neuron with `inputs` inputs: `{ width, height, box, op, inputs, sum, bias, z, activation }`. */
export function neuronGraphLayout(inputs) {
  const columns = [0, 1, 2, 3, 4].map((k) => k * (BOX.width + GAP + 2 * OP));
  const opX = (column) => columns[column] + BOX.width + GAP / 2 + OP;
  const rows = Array.from({ length: inputs }, (_, i) => {
    const weight = point(columns[0], TOP + i * ROW);
    const input = point(columns[0], TOP + i * ROW + BOX.height + 8);
    const op = point(opX(0), TOP + i * ROW + BOX.height + 4);
    const product = point(columns[1], op.y - BOX.height / 2);
    const opIn = point(op.x - OP, op.y);
    return {
      weight, input, op, product, opIn,
      weightOut: right(weight), inputOut: right(input),
      weightLabel: middle(right(weight), opIn, 8), inputLabel: middle(right(input), opIn, -16),
      opOut: point(op.x + OP, op.y), productIn: left(product), productOut: right(product),
    };
  });
  const centre = rows.length ? (rows[0].op.y + rows[rows.length - 1].op.y) / 2 : TOP + BOX.height;
  const sumOp = point(opX(1), centre);
  const sumBox = point(columns[2], centre - BOX.height / 2);
  const biasBox = point(columns[2], centre + BOX.height);
  const biasOp = point(opX(2), centre);
  const zBox = point(columns[3], centre - BOX.height / 2);
  const actOp = point(opX(3), centre);
  const aBox = point(columns[4], centre - BOX.height / 2);
  for (const row of rows) row.productLabel = middle(row.productOut, point(sumOp.x - OP, sumOp.y), 6);
  const height = Math.max(TOP + inputs * ROW, biasBox.y + BOX.height + TOP);
  return {
    width: columns[4] + BOX.width + 4,
    height,
    box: BOX,
    op: OP,
    inputs: rows,
    sum: {
      op: sumOp, opIn: point(sumOp.x - OP, sumOp.y), opOut: point(sumOp.x + OP, sumOp.y),
      box: sumBox, boxIn: left(sumBox), boxOut: right(sumBox),
      label: middle(right(sumBox), point(biasOp.x - OP, biasOp.y), 8),
    },
    bias: {
      box: biasBox, boxOut: right(biasBox), op: biasOp,
      opIn: point(biasOp.x - OP, biasOp.y), opOut: point(biasOp.x + OP, biasOp.y),
      label: middle(right(biasBox), point(biasOp.x - OP, biasOp.y), -14),
    },
    z: { box: zBox, boxIn: left(zBox), boxOut: right(zBox), label: point(actOp.x, actOp.y + OP + 16) },
    activation: { op: actOp, opIn: point(actOp.x - OP, actOp.y), opOut: point(actOp.x + OP, actOp.y), boxIn: left(aBox), box: aBox },
  };
}
