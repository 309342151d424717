// The plane's colours: a diverging orange–white–blue scale (readable with every common kind of
// colour-blindness, and the page's own colours for negative and positive), centred on each
// activation's midpoint, and the painting of a map's values into a canvas through ImageData.

/** Orange (low) through near-white (the midpoint) to blue (high), at seven stops. */
const STOPS = [
  [179, 88, 6], [241, 163, 64], [254, 224, 182], [247, 247, 247], [209, 229, 240], [103, 169, 207], [33, 102, 172],
];
const SHADES = 256;

const PALETTE = (() => {
  const table = new Uint8ClampedArray(SHADES * 3);
  for (let k = 0; k < SHADES; k += 1) {
    const position = (k / (SHADES - 1)) * (STOPS.length - 1);
    const low = Math.min(Math.floor(position), STOPS.length - 2);
    const along = position - low;
    for (let i = 0; i < 3; i += 1) table[k * 3 + i] = STOPS[low][i] + along * (STOPS[low + 1][i] - STOPS[low][i]);
  }
  return table;
})();

/** The palette as whole RGBA pixels in the platform's byte order, one write per pixel. */
const PIXELS = (() => {
  const pixels = new Uint32Array(SHADES);
  const bytes = new Uint8ClampedArray(pixels.buffer);
  for (let k = 0; k < SHADES; k += 1) bytes.set([PALETTE[k * 3], PALETTE[k * 3 + 1], PALETTE[k * 3 + 2], 255], k * 4);
  return pixels;
})();

/** The CSS colour of `fraction` (0 … 1) of the scale. */
export function colourAt(fraction) {
  const k = Math.round(Math.min(Math.max(fraction, 0), 1) * (SHADES - 1)) * 3;
  return `rgb(${PALETTE[k]}, ${PALETTE[k + 1]}, ${PALETTE[k + 2]})`;
}

/**
 * The colour scale of a neuron's map `{ low, high, activation }`: `[from, to]` with the
 * activation's midpoint (σ: 0.5, else 0) in the middle; σ spans 0 … 1 and tanh −1 … 1, and
 * ReLU and linear ±(their largest magnitude here). `boundary` is the decision level of a
 * sigmoid (0.5), else null.
 */
export function scaleOf({ low, high, activation }) {
  if (activation === 'sigmoid') return { from: 0, to: 1, boundary: 0.5 };
  if (activation === 'tanh') return { from: -1, to: 1, boundary: null };
  const reach = Math.max(Math.abs(low), Math.abs(high), 1e-9);
  return { from: -reach, to: reach, boundary: null };
}

/** Where `value` sits on `scale`, 0 … 1. */
export const fractionOf = (scale, value) => (value - scale.from) / (scale.to - scale.from);

/** Per canvas: its ImageData and a whole-pixel view of it. */
const images = new WeakMap();

/**
 * Paints the map `values[offset … offset + n²]` (row-major, the bottom row first) on `scale`
 * into `canvas` (n × n), reusing one ImageData per canvas.
 */
export function paintMap(canvas, values, offset, n, scale) {
  const context = canvas.getContext('2d');
  let painted = images.get(canvas);
  if (!painted || painted.image.width !== n) {
    const image = context.createImageData(n, n);
    painted = { image, pixels: new Uint32Array(image.data.buffer) };
    images.set(canvas, painted);
  }
  const { image, pixels } = painted;
  const factor = (SHADES - 1) / (scale.to - scale.from);
  for (let r = 0; r < n; r += 1) {
    const row = offset + r * n;
    const top = (n - 1 - r) * n;
    for (let c = 0; c < n; c += 1) {
      pixels[top + c] = PIXELS[Math.min(Math.max(Math.round((values[row + c] - scale.from) * factor), 0), SHADES - 1)];
    }
  }
  context.putImageData(image, 0, 0);
}

/** Paints the scale itself, low to high from left to right, into `canvas` (a legend's bar). */
export function paintScaleBar(canvas) {
  const context = canvas.getContext('2d');
  const image = context.createImageData(SHADES, 1);
  new Uint32Array(image.data.buffer).set(PIXELS);
  context.putImageData(image, 0, 0);
}

/**
 * Draws the curve `values[offset … offset + n]` (evenly spaced along x) into `canvas`, over
 * `[from, to]` bottom to top, with the midline at `middle` (a 1-input network's thumbnail).
 */
export function paintCurve(canvas, values, offset, n, { from, to }, middle) {
  const context = canvas.getContext('2d');
  const { width, height } = canvas;
  const yOf = (value) => height - 2 - ((value - from) / (to - from)) * (height - 4);
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  context.strokeStyle = '#d9dee8';
  context.beginPath();
  context.moveTo(0, yOf(middle));
  context.lineTo(width, yOf(middle));
  context.stroke();
  context.strokeStyle = '#7b3294';
  context.lineWidth = 2;
  context.beginPath();
  for (let i = 0; i < n; i += 1) {
    const x = (i / (n - 1)) * width;
    if (i === 0) context.moveTo(x, yOf(values[offset + i]));
    else context.lineTo(x, yOf(values[offset + i]));
  }
  context.stroke();
}
