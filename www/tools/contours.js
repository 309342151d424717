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
  const i = EDGE_CORNERS[edge][0];
  const j = EDGE_CORNERS[edge][1];
  const along = (level - values[i]) / (values[j] - values[i]);
  const x = (c + CORNER_OFFSETS[i][0] + along * (CORNER_OFFSETS[j][0] - CORNER_OFFSETS[i][0])) * unit;
  const y = 100 - (r + CORNER_OFFSETS[i][1] + along * (CORNER_OFFSETS[j][1] - CORNER_OFFSETS[i][1])) * unit;
  return `${hundredths(x)} ${hundredths(y)}`;
}

/**
 * `value.toFixed(2)`, the same text, faster for the box's coordinates: `value × 100` rounded half
 * up, unless that product lies so near a half that its rounding could have moved it across (then
 * `toFixed` itself decides).
 */
export function hundredths(value) {
  const scaled = value * 100;
  const whole = Math.floor(scaled);
  const fraction = scaled - whole;
  if (!(value >= 0 && scaled < 2 ** 31) || Math.abs(fraction - 0.5) < 1e-6) return value.toFixed(2);
  const n = fraction > 0.5 ? whole + 1 : whole;
  const cents = n % 100;
  return `${(n - cents) / 100}.${cents < 10 ? '0' : ''}${cents}`;
}

/**
 * Path data for the contours of `values` (row-major, `size` × `size`, row r at the bottom going
 * up) at each of `levels`. Plain indexed loops, and a cell is skipped for a level outside its
 * corners' range: the landscape's 100 × 100 cells at 12 levels are redrawn while a slider moves.
 */
export function contourPath(values, size, levels) {
  const unit = 100 / (size - 1);
  let path = '';
  const corners = [0, 0, 0, 0];
  for (let r = 0; r < size - 1; r += 1) {
    for (let c = 0; c < size - 1; c += 1) {
      const at = r * size + c;
      corners[0] = values[at];
      corners[1] = values[at + 1];
      corners[2] = values[at + size + 1];
      corners[3] = values[at + size];
      const low = Math.min(corners[0], corners[1], corners[2], corners[3]);
      const high = Math.max(corners[0], corners[1], corners[2], corners[3]);
      for (let k = 0; k < levels.length; k += 1) {
        const level = levels[k];
        // Only a level above the lowest corner and at most the highest crosses the cell.
        if (!(level > low && level <= high)) continue;
        const index = (corners[0] >= level ? 1 : 0) | (corners[1] >= level ? 2 : 0)
          | (corners[2] >= level ? 4 : 0) | (corners[3] >= level ? 8 : 0);
        const edges = CROSSED_EDGES[index];
        for (let e = 0; e < edges.length; e += 1) {
          const from = crossing(edges[e][0], c, r, corners, level, unit);
          path += `M${from}L${crossing(edges[e][1], c, r, corners, level, unit)}`;
        }
      }
    }
  }
  return path;
}
