// What is drawn over the plane's colours, in a 100 × 100 box stretched over the map: the
// decision boundary, a 1-input network's curve, and the points — coloured by target and shaped
// by class (a circle at or above the midpoint, a square below, so colour is never the only cue),
// the shown example ringed and the selected point outlined.

import { setAttribute, svgElement } from '../../lib/dom.js';
import { svgNumber } from '../../lib/format.js';

/** A point's radius in box units: smaller when there are many, so a cloud stays readable. */
const radiusFor = (count) => (count > 40 ? 1.15 : 1.9);
const fixed = (value) => svgNumber(value, 2);

/**
 * Builds the overlay into `container`. Controller: `showBoundary(pathData)`, `showCurve(points)`
 * (`[[x, y]]` in box units, or null), and `showPoints(points, shown, selected)` where each point
 * is `{ x, y, fill, high, label }` in box units.
 */
export function createPlaneOverlay(container) {
  const svg = svgElement('svg', {
    class: 'plane-overlay', viewBox: '0 0 100 100', preserveAspectRatio: 'none', 'aria-hidden': 'true',
  }, container);
  const boundary = svgElement('path', { class: 'plane-boundary' }, svg);
  const curve = svgElement('polyline', { class: 'plane-curve' }, svg);
  const layer = svgElement('g', { class: 'plane-points' }, svg);
  const ring = svgElement('circle', { class: 'plane-ring' }, svg);
  let marks = [];
  let radius = radiusFor(0);

  /** A point's mark: a dark halo under a white-edged body, visible on any colour of the map. */
  function mark(high) {
    const group = svgElement('g', { class: 'plane-point' }, layer);
    const shapes = ['plane-point-halo', 'plane-point-body'].map((className) => (high
      ? svgElement('circle', { class: className, r: radius }, group)
      : svgElement('rect', { class: className, width: radius * 1.8, height: radius * 1.8 }, group)));
    return { group, shapes, high, title: svgElement('title', {}, group) };
  }

  return {
    showBoundary(pathData) {
      setAttribute(boundary, 'd', pathData);
    },

    showCurve(points) {
      setAttribute(curve, 'points', points ? points.map(([x, y]) => `${fixed(x)},${fixed(y)}`).join(' ') : '');
    },

    showPoints(points, shown, selected) {
      if (marks.length !== points.length || points.some((point, i) => marks[i].high !== point.high)) {
        layer.replaceChildren();
        radius = radiusFor(points.length);
        setAttribute(ring, 'r', String(radius + 2));
        marks = points.map((point) => mark(point.high));
      }
      points.forEach((point, i) => {
        const { group, shapes, title } = marks[i];
        for (const shape of shapes) {
          if (point.high) {
            setAttribute(shape, 'cx', fixed(point.x));
            setAttribute(shape, 'cy', fixed(point.y));
          } else {
            setAttribute(shape, 'x', fixed(point.x - radius * 0.9));
            setAttribute(shape, 'y', fixed(point.y - radius * 0.9));
          }
        }
        setAttribute(shapes[1], 'fill', point.fill);
        setAttribute(group, 'data-point', String(i));
        group.classList.toggle('is-selected', i === selected);
        group.classList.toggle('is-test', point.test);
        if (title.textContent !== point.label) title.textContent = point.label;
      });
      const ringed = points[shown];
      ring.classList.toggle('is-hidden', !ringed);
      if (ringed) {
        setAttribute(ring, 'cx', fixed(ringed.x));
        setAttribute(ring, 'cy', fixed(ringed.y));
      }
    },
  };
}
