// The landscape's colours: each grid value through the viridis colour map (perceptually uniform,
// readable with colour-blindness and in grey), on a log scale so valleys keep their detail.

/** Viridis at nine evenly spaced stops (the same stops as the legend's bar in tools.css). */
const VIRIDIS = [
  [68, 1, 84], [71, 44, 122], [59, 81, 139], [44, 113, 142], [33, 144, 141],
  [39, 173, 129], [92, 200, 99], [170, 220, 50], [253, 231, 37],
];

const PALETTE = Array.from({ length: 256 }, (_, k) => {
  const position = (k / 255) * (VIRIDIS.length - 1);
  const low = Math.min(Math.floor(position), VIRIDIS.length - 2);
  const along = position - low;
  return VIRIDIS[low].map((channel, i) => Math.round(channel + along * (VIRIDIS[low + 1][i] - channel)));
});

/**
 * The colour scale of a landscape (`{ loss, min, max }`): `shade` is each grid value on the
 * scale (log10 when every value is positive, else the value itself), `low` and `high` its ends.
 */
export function colourScale({ loss, min, max }) {
  const logarithmic = min > 0;
  const shade = logarithmic ? loss.map(Math.log10) : loss;
  const [low, high] = logarithmic ? [Math.log10(min), Math.log10(max)] : [min, max];
  return { shade, low, high, logarithmic };
}

/** Paints the `size` × `size` grid `scale.shade` into `canvas`, its first row at the bottom. */
export function paintHeatmap(canvas, scale, size) {
  const context = canvas.getContext('2d');
  const image = context.createImageData(size, size);
  const range = scale.high - scale.low;
  for (let r = 0; r < size; r += 1) {
    for (let c = 0; c < size; c += 1) {
      const fraction = range > 0 ? (scale.shade[r * size + c] - scale.low) / range : 0.5;
      const colour = PALETTE[Math.round(fraction * 255)];
      const offset = ((size - 1 - r) * size + c) * 4;
      image.data[offset] = colour[0];
      image.data[offset + 1] = colour[1];
      image.data[offset + 2] = colour[2];
      image.data[offset + 3] = 255;
    }
  }
  context.putImageData(image, 0, 0);
}
