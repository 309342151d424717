// Editing the points on the plane, as a learner expects: a click on empty ground adds a point
// (the target from the class toggle or the typed value) and a drag moves it on; a click on a
// point selects it and a drag moves it; Delete or Backspace, or "Remove this point" in its
// context menu, removes the selected point; arrow keys nudge it (Shift: ten times as far). One
// press-drag-release is one undo step.

import { addSample, moveSample, removeSample } from '../../model/sample-edits.js';

/** How near (CSS pixels) a press must be to a point to pick it up. */
const HIT_RADIUS = 9;
const NUDGES = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] };
const GESTURE = 'plane-point';
/** Values as the learner would type them: 3 significant digits. */
const tidy = (value) => Number(value.toPrecision(3));

/**
 * Wires the pointer and keys of `dom.map` (and the context menu `dom.menu`). `current()` is the
 * snapshot on screen; `geometry()` is `{ axes, ranges, vertical, curve, output }`; `target()`
 * the new point's target (null when invalid); `edit(transform, what, gesture)` changes the
 * samples;
 * `say(message)` writes the status line; `redraw()` repaints the plane. Controller:
 * `setPoints(points)` (the drawn points, in box units) and `selected()`, the selected index.
 */
export function createPlanePointer(dom, { current, geometry, target, edit, say, redraw }) {
  const { map, menu, remove } = dom;
  let points = [];
  let selected = -1;
  let dragging = null;

  /** The inputs (and, for a curve, the target) at box position `(across, up)`, 0 … 1 each. */
  function valuesAt(across, up) {
    const { axes, ranges, vertical, curve } = geometry();
    const along = ([low, high], f) => tidy(low + f * (high - low));
    const { state } = current();
    const x = state.x.slice();
    x[axes[0]] = along(ranges[0], across);
    if (curve) return { x, t: along(vertical, up) };
    x[axes[1]] = along(ranges[1], up);
    return { x, t: null };
  }

  function boxOf(event) {
    const box = map.getBoundingClientRect();
    const across = Math.min(Math.max((event.clientX - box.left) / box.width, 0), 1);
    const up = Math.min(Math.max((box.bottom - event.clientY) / box.height, 0), 1);
    return { across, up, box };
  }

  function hit(event) {
    const { across, up, box } = boxOf(event);
    let best = -1;
    let nearest = HIT_RADIUS;
    points.forEach((point, i) => {
      const distance = Math.hypot((point.x / 100 - across) * box.width, (1 - point.y / 100 - up) * box.height);
      if (distance <= nearest) {
        nearest = distance;
        best = i;
      }
    });
    return best;
  }

  /** The moved fields of a point placed at `values`: `{ x }`, or `{ x, t }` on a curve. */
  function moved(index, values) {
    if (values.t === null) return { x: values.x };
    const { state } = current();
    const t = (state.samples?.[index] ?? state).t.slice();
    t[geometry().output] = values.t;
    return { x: values.x, t };
  }

  function add(values) {
    const { state } = current();
    const t = state.t.slice();
    const value = values.t ?? target();
    if (value === null) {
      say('The new point’s target must be a finite number: type one beside “value”, or choose class 0 or 1.');
      return false;
    }
    t[geometry().output] = value;
    const count = state.samples?.length ?? 1;
    if (edit((s) => addSample(s, { x: values.x, t }), 'Added a point', GESTURE) !== null) return false;
    selected = count;
    return true;
  }

  function move(index, values) {
    const { state } = current();
    const before = state.samples?.[index] ?? state;
    const after = moved(index, values);
    const same = (a, b) => !b || a.every((value, i) => value === b[i]);
    if (same(before.x, after.x) && same(before.t, after.t)) return;
    edit((s) => moveSample(s, index, after), 'Moved a point', GESTURE);
  }

  function removeSelected() {
    closeMenu();
    if (selected < 0) return;
    const index = selected;
    const next = (state) => {
      const removed = removeSample(state, index);
      if (!removed) throw new Error('the network needs at least one example, so the last point stays');
      return removed;
    };
    if (edit(next, 'Removed a point', null) === null) selected = -1;
    redraw();
  }

  function openMenu(event) {
    const figure = dom.figure.getBoundingClientRect();
    menu.style.setProperty('left', `${event.clientX - figure.left}px`);
    menu.style.setProperty('top', `${event.clientY - figure.top}px`);
    menu.hidden = false;
    remove.focus();
  }

  function closeMenu() {
    if (!menu.hidden) menu.hidden = true;
  }

  map.addEventListener('pointerdown', (event) => {
    closeMenu();
    if (event.button !== 0 || !current()) return;
    map.focus({ preventScroll: true });
    const index = hit(event);
    const { across, up } = boxOf(event);
    if (index >= 0) {
      selected = index;
      redraw();
    } else if (!add(valuesAt(across, up))) {
      return;
    }
    map.setPointerCapture(event.pointerId);
    dragging = { pointer: event.pointerId, index: selected, moved: false };
  });
  map.addEventListener('pointermove', (event) => {
    if (!dragging || dragging.pointer !== event.pointerId) return;
    const { across, up } = boxOf(event);
    move(dragging.index, valuesAt(across, up));
  });
  const endDrag = () => {
    dragging = null;
  };
  map.addEventListener('pointerup', endDrag);
  map.addEventListener('pointercancel', endDrag);
  map.addEventListener('contextmenu', (event) => {
    const index = hit(event);
    if (index < 0) return;
    event.preventDefault();
    selected = index;
    redraw();
    openMenu(event);
  });
  remove.addEventListener('click', removeSelected);
  menu.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      closeMenu();
      map.focus();
    }
  });
  document.addEventListener('pointerdown', (event) => {
    if (!menu.contains(event.target) && event.target !== map) closeMenu();
  });

  map.addEventListener('keydown', (event) => {
    if (event.altKey || event.ctrlKey || event.metaKey || selected < 0) return;
    if (event.key === 'Delete' || event.key === 'Backspace') {
      event.preventDefault();
      removeSelected();
      return;
    }
    const nudge = NUDGES[event.key];
    // A point just added is drawn (and can be nudged) from the next frame on.
    const point = points[selected];
    if (!nudge || !point) return;
    event.preventDefault();
    const step = (event.shiftKey ? 10 : 1) / 100;
    const across = Math.min(Math.max(point.x / 100 + nudge[0] * step, 0), 1);
    const up = Math.min(Math.max(1 - point.y / 100 + nudge[1] * step, 0), 1);
    move(selected, valuesAt(across, up));
  });

  return {
    setPoints(next) {
      points = next;
      if (selected >= points.length) selected = -1;
    },
    selected: () => selected,
  };
}
