// Small DOM helpers shared by the views. Writes compare first, so a redraw only touches what changed.

const SVG_NS = 'http://www.w3.org/2000/svg';

/** A new SVG element with attributes, appended to `parent` when given. */
export function svgElement(tag, attributes = {}, parent = null) {
  const element = document.createElementNS(SVG_NS, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  if (parent) parent.append(element);
  return element;
}

/** A new HTML element with attributes and text, appended to `parent` when given. */
export function htmlElement(tag, attributes = {}, parent = null, text = '') {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  if (text) element.textContent = text;
  if (parent) parent.append(element);
  return element;
}

/** Sets an attribute unless it already has that value; `null` removes it. */
export function setAttribute(element, name, value) {
  if (value === null) {
    if (element.hasAttribute(name)) element.removeAttribute(name);
  } else if (element.getAttribute(name) !== value) {
    element.setAttribute(name, value);
  }
}

/** Hides or shows `element` unless it already is so (a same-value write still restyles it). */
export function setHidden(element, hidden) {
  if (element.hidden !== hidden) element.hidden = hidden;
}

/** Disables or enables a control unless it already is so (a same-value write still restyles it). */
export function setDisabled(control, disabled) {
  if (control.disabled !== disabled) control.disabled = disabled;
}

/**
 * Sets a control's value unless it already has it. A script's write to a `<select>`, even of the
 * value it has, makes Chromium's autofill read every form control on the page again (about
 * 10 ms a frame while the plane trained, measured in a trace).
 */
export function setValue(control, value) {
  if (control.value !== value) control.value = value;
}

/** Sets an element's text unless it already reads so. */
export function setText(element, text) {
  if (element.textContent !== text) element.textContent = text;
}

const TEXT_INPUT_TYPES = new Set(['text', 'number', 'search', 'email', 'url', 'tel', 'password']);

/** Whether `element` is a field that takes typed text and keeps its own undo. */
export function isTextField(element) {
  if (element.isContentEditable || element.tagName === 'TEXTAREA') return true;
  return element.tagName === 'INPUT' && TEXT_INPUT_TYPES.has(element.type);
}
