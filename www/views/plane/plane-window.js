// The plane's window: which inputs span it and over which ranges. By default it covers every
// point with a margin of half their spread (XOR's corners: −0.5 to 1.5), on a grid of halves,
// and it stays put while the learner edits, until a point leaves it.

/** Grid points along each axis of the main map and the thumbnails (issue 12 asks ≥ 64). */
export const RESOLUTION = 64;
/** Grid points of a 1-input network's curve. */
export const CURVE_RESOLUTION = 200;

const HALF = 0.5;
const down = (value) => Math.floor(value / HALF) * HALF;
const up = (value) => Math.ceil(value / HALF) * HALF;

/** The range covering input `i` of every point, with a margin: `[low, high]`. */
export function fittedRange(points, i) {
  const values = points.map((point) => point.x[i]).filter(Number.isFinite);
  if (values.length === 0) return [-1, 1];
  const low = Math.min(...values);
  const high = Math.max(...values);
  const margin = Math.max(high - low, 1) / 2;
  return [down(low - margin), up(high + margin)];
}

/** Whether every point's inputs `axes` lie within `ranges`. */
export function covers(ranges, axes, points) {
  return points.every((point) => axes.every((input, k) => {
    const value = point.x[input];
    return value >= ranges[k][0] && value <= ranges[k][1];
  }));
}

/**
 * The core's window for `axes` (`[across]` or `[across, up]`) over `ranges`, at the resolution
 * a map (or a curve) is drawn at.
 */
export function coreWindow(axes, ranges) {
  if (axes.length === 1) return { across: axes[0], across_range: ranges[0], resolution: CURVE_RESOLUTION };
  return { across: axes[0], up: axes[1], across_range: ranges[0], up_range: ranges[1], resolution: RESOLUTION };
}
