// Each hidden and output neuron's own map, as a thumbnail beside it in the network picture (as
// TensorFlow Playground draws them): its activation over the same input plane as the main map,
// painted from the same core call. Clicking one shows that neuron large (the plane's "Showing"
// menu does the same by keyboard; the picture is an image to assistive technology, so the
// thumbnails are not controls of their own).

import { setAttribute, svgElement } from '../lib/dom.js';
import { symbolText } from '../lib/format.js';
import { paintCurve, paintMap, scaleOf } from './plane/plane-paint.js';
import { RESOLUTION } from './plane/plane-window.js';

const XHTML = 'http://www.w3.org/1999/xhtml';
const CURVE_SIZE = [64, 40];

function buildThumbnail(node, layer, onPick) {
  const holder = svgElement('foreignObject', { class: 'thumbnail', 'data-thumbnail': node.id }, layer);
  const canvas = document.createElementNS(XHTML, 'canvas');
  canvas.title = `${symbolText(node.symbol)} over the input plane: click to show it large`;
  holder.append(canvas);
  holder.addEventListener('click', () => onPick(node.id));
  return { id: node.id, holder, canvas, painted: 0 };
}

/**
 * Builds a thumbnail for every hidden and output neuron of `network` into `layer`;
 * `onPick(id)` hears a press. Controller: `place(layout)` and `paint(maps, shown)`, which paints
 * each from the frame's maps (see plane-grid.js) and marks the one the main plane shows.
 */
export function createThumbnails(network, layer, onPick) {
  const thumbnails = network.nodes.filter((node) => node.layer > 0).map((node) => buildThumbnail(node, layer, onPick));
  let paintedMaps = null;

  return {
    place(layout) {
      for (const { id, holder } of thumbnails) {
        const [x, y, size] = layout.thumbnails[id];
        for (const [name, value] of Object.entries({ x, y, width: size, height: size })) {
          setAttribute(holder, name, String(value));
        }
      }
    },

    paint(maps, shown) {
      for (const thumbnail of thumbnails) setAttribute(thumbnail.holder, 'data-shown', thumbnail.id === shown ? 'true' : null);
      if (!maps || maps.error || maps === paintedMaps) return;
      paintedMaps = maps;
      for (const thumbnail of thumbnails) {
        const map = maps.maps.get(thumbnail.id);
        if (!map) continue;
        const { canvas } = thumbnail;
        const [width, height] = maps.curve ? CURVE_SIZE : [RESOLUTION, RESOLUTION];
        if (canvas.width !== width) canvas.width = width;
        if (canvas.height !== height) canvas.height = height;
        const scale = scaleOf(map);
        if (maps.curve) {
          const reach = { from: Math.min(map.low, scale.from), to: Math.max(map.high, scale.to) };
          paintCurve(canvas, maps.values, map.offset, maps.resolution, reach, (scale.from + scale.to) / 2);
        } else {
          paintMap(canvas, maps.values, map.offset, maps.resolution, scale);
        }
        thumbnail.painted += 1;
        setAttribute(thumbnail.holder, 'data-painted', String(thumbnail.painted));
      }
    },
  };
}
