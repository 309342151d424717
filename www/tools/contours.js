// Contour lines of a grid by marching squares: for each level, the segments where the surface
// crosses it, as SVG path data in a 100 × 100 box (the grid's first row at the bottom).

// A cell's corners: 0 = (c, r), 1 = (c + 1, r), 2 = (c + 1, r + 1), 3 = (c, r + 1); its edges run
// 0 = corner 0–1, 1 = 1–2, 2 = 2–3, 3 = 3–0. Case k has corner i above the level when bit i is set;
// a case and its complement cross the same edges. Saddles (5, 10) take one of their two readings.
const CROSSED_EDGES = [
  [], [[3, 0]], [[0, 1]], [[3, 1]], [[1, 2]], [[3, 0], [1, 2]], [[0, 2]], [[3, 2]],
  [[3, 2]], [[0, 2]], [[0, 1], [2, 3]], [[1, 2]], [[3, 1]], [[0, 1]], [[3, 0]], [],
];
const CORNER_OFFSETS = [[0, 0], [1, 0], [1, 1], [0, 1]];
const EDGE_CORNERS = [[0, 1], [1, 2], [2, 3], [3, 0]];

/** Where the level crosses `edge` of the cell at (c, r), corners' values `values`, in box units. */
function crossing(edge, c, r, values, level, unit) {
  const [i, j] = EDGE_CORNERS[edge];
  const along = (level - values[i]) / (values[j] - values[i]);
  const [ci, ri] = CORNER_OFFSETS[i];
  const [cj, rj] = CORNER_OFFSETS[j];
  const x = (c + ci + along * (cj - ci)) * unit;
  const y = 100 - (r + ri + along * (rj - ri)) * unit;
  return `${x.toFixed(2)} ${y.toFixed(2)}`;
}

/**
 * Path data for the contours of `values` (row-major, `size` × `size`, row r at the bottom going
 * up) at each of `levels`.
 */
export function contourPath(values, size, levels) {
  const unit = 100 / (size - 1);
  const parts = [];
  const corners = [0, 0, 0, 0];
  for (let r = 0; r < size - 1; r += 1) {
    for (let c = 0; c < size - 1; c += 1) {
      corners[0] = values[r * size + c];
      corners[1] = values[r * size + c + 1];
      corners[2] = values[(r + 1) * size + c + 1];
      corners[3] = values[(r + 1) * size + c];
      for (const level of levels) {
        const index = (corners[0] >= level ? 1 : 0) | (corners[1] >= level ? 2 : 0)
          | (corners[2] >= level ? 4 : 0) | (corners[3] >= level ? 8 : 0);
        for (const [from, to] of CROSSED_EDGES[index]) {
          parts.push(`M${crossing(from, c, r, corners, level, unit)}L${crossing(to, c, r, corners, level, unit)}`);
        }
      }
    }
  }
  return parts.join('');
}
