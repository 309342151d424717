// What is drawn over the landscape's colours, in a 100 × 100 box stretched over the map: the
// contour lines, the trajectory, the current point and the negative-gradient arrow.

import { setAttribute, svgElement } from '../lib/dom.js';
import { svgNumber } from '../lib/format.js';

const ARROW_LENGTH = 16;
const HEAD_LENGTH = 4.5;
const HEAD_HALF_WIDTH = 2.6;

const coordinates = (points) => points.map(([x, y]) => `${svgNumber(x, 2)},${svgNumber(y, 2)}`).join(' ');

/**
 * Builds the overlay into `container`. Controller: `showContours(pathData)`, `showPath(points)`
 * (`[[x, y]]` in box units), `showPoint(x, y)` and `showArrow(x, y, dx, dy)`, which draws the
 * direction `(dx, dy)` (box units, y down) at a fixed length, or nothing when it is (0, 0).
 */
export function createLandscapeOverlay(container) {
  const svg = svgElement('svg', {
    class: 'landscape-overlay', viewBox: '0 0 100 100', preserveAspectRatio: 'none', 'aria-hidden': 'true',
  }, container);
  const contours = svgElement('path', { class: 'landscape-contours' }, svg);
  const pathShadow = svgElement('polyline', { class: 'landscape-path-shadow' }, svg);
  const path = svgElement('polyline', { class: 'landscape-path' }, svg);
  const arrowShaft = svgElement('line', { class: 'landscape-arrow' }, svg);
  const arrowHead = svgElement('polygon', { class: 'landscape-arrow-head' }, svg);
  const point = svgElement('circle', { class: 'landscape-point', r: 1.9, 'data-landscape-point': '' }, svg);

  return {
    showContours(pathData) {
      setAttribute(contours, 'd', pathData);
    },

    showPath(points) {
      const text = coordinates(points);
      setAttribute(path, 'points', text);
      setAttribute(pathShadow, 'points', text);
    },

    showPoint(x, y) {
      setAttribute(point, 'cx', x.toFixed(3));
      setAttribute(point, 'cy', y.toFixed(3));
    },

    showArrow(x, y, dx, dy) {
      const length = Math.hypot(dx, dy);
      const visible = length > 0 && Number.isFinite(length);
      arrowShaft.classList.toggle('is-hidden', !visible);
      arrowHead.classList.toggle('is-hidden', !visible);
      if (!visible) return;
      const [ux, uy] = [dx / length, dy / length];
      const tip = [x + ux * ARROW_LENGTH, y + uy * ARROW_LENGTH];
      const base = [tip[0] - ux * HEAD_LENGTH, tip[1] - uy * HEAD_LENGTH];
      const side = [-uy * HEAD_HALF_WIDTH, ux * HEAD_HALF_WIDTH];
      setAttribute(arrowShaft, 'x1', x.toFixed(2));
      setAttribute(arrowShaft, 'y1', y.toFixed(2));
      setAttribute(arrowShaft, 'x2', base[0].toFixed(2));
      setAttribute(arrowShaft, 'y2', base[1].toFixed(2));
      setAttribute(arrowHead, 'points', coordinates([
        tip, [base[0] + side[0], base[1] + side[1]], [base[0] - side[0], base[1] - side[1]],
      ]));
    },
  };
}
